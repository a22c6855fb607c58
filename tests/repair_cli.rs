//! Integration tests: run the `vietdoc` binary on the fixtures.
//!
//! The quality gates here are deterministic (same dictionaries, same numbers);
//! no test depends on timing.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_vietdoc");
const SEED001: &str = "fixtures/seeds/001_8d0248409765ec2d.txt";
const GOLD001: &str = "fixtures/gold/001_8d0248409765ec2d.gold.txt";
const SEED003: &str = "fixtures/seeds/003_cebd24264a134460.txt";
const GOLD003: &str = "fixtures/gold/003_cebd24264a134460.gold.txt";
const GOLD002: &str = "fixtures/gold/002_7826ef445f4f1fb6.gold.txt";

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vietdoc");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `vietdoc repair` of `input` on stdin, which must succeed; its stdout.
fn repair_ok(input: &str) -> String {
    let (code, out, err) = run(&["repair"], Some(input.as_bytes()));
    assert_eq!(code, 0, "{err}");
    String::from_utf8(out).expect("utf-8")
}

fn eval(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["eval", "repair", "--json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, None);
    assert_eq!(code, 0, "{err}");
    serde_json::from_slice(&out).expect("eval JSON")
}

fn num(v: &serde_json::Value, k: &str) -> f64 {
    v[k].as_f64()
        .unwrap_or_else(|| panic!("missing {k} in {v}"))
}

#[test]
fn seeds_001_003_quality_gate() {
    let v = eval(&[
        "--input", SEED001, "--gold", GOLD001, "--input", SEED003, "--gold", GOLD003,
    ]);
    let (ser, cer) = (num(&v, "ser"), num(&v, "cer"));
    // The targets: SER ≤ 5 % (3.70 %), CER ≤ 1.5 % (1.496 %, README:
    // "Repair quality").
    assert!(ser <= 0.05, "SER {ser}");
    assert!(cer <= 0.015, "CER {cer}");
    let input_ser = num(&v["total"], "input_syllable_edits") / num(&v["total"], "syllables");
    assert!(input_ser > 0.8, "the fixtures are raw OCR: {input_ser}");
}

#[test]
fn eval_split_pairs_quality_gate() {
    let files: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pairs"))
            .expect("fixtures/pairs")
            .filter_map(|e| e.ok())
            .map(|e| e.path().display().to_string())
            .collect();
    assert_eq!(files.len(), 5);
    let mut args = vec!["--pairs"];
    args.extend(files.iter().map(String::as_str));
    let v = eval(&args);
    // The target, met (3.75 %).
    assert!(num(&v, "ser") <= 0.04, "SER {}", num(&v, "ser"));
}

/// The evaluation split's `vie` side: what Tesseract's Vietnamese model read,
/// marks kept but some confused with others (`thấm` for `thẩm`, `đối` for
/// `đổi`), words the lexicon knows either way.
#[test]
fn eval_split_pairs_read_by_the_vietnamese_model() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pairs");
    let files: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/pairs")
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .collect();
    let mut args = vec!["--side", "vie", "--pairs"];
    args.extend(files.iter().map(String::as_str));
    let v = eval(&args);
    let ser = num(&v, "ser");
    let input = num(&v["total"], "input_syllable_edits") / num(&v["total"], "syllables");
    // 4.18 % as read, 2.37 % repaired (README: "Repair quality"); before
    // the marks-reading channel, repair left it at 4.17 %.
    assert!(input > 0.035, "the pairs' vie side is OCR: {input}");
    assert!(ser <= 0.03, "SER {ser}");
}

/// The rendered truth of every held-out document, repaired as it is: clean
/// text, which must stay as it is (the issue's ≥ 99.9 % unchanged) even
/// though each marked word may stand for another mark's reading.
#[test]
fn heldout_truth_stays_clean() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/heldout");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/heldout")
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with("-light.truth.txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 100, "{}", files.len());
    let mut args = vec!["--mode", "clean"];
    for f in &files {
        args.extend(["--gold", f.as_str()]);
    }
    let v = eval(&args);
    let unchanged = 1.0 - num(&v, "ser");
    // 12 syllables of the 27 015 of 213 documents change (99.96 %); of the
    // 25 480 of the first 204, 6 before the marks-reading channel, 11 with it.
    assert!(unchanged >= 0.999, "{unchanged}");
}

/// A clean document's section numerals stay as printed, even a repeat:
/// forms printed one after another restart their numbering (`II.` of one
/// form, then `II.` of the next after its `I.` was lost to the page), and
/// the sequence reading is for noisy documents only.
#[test]
fn clean_numerals_stay_as_printed() {
    let text = "I. THÔNG TIN CHUNG\nNgười nộp thuế ghi rõ họ tên và địa chỉ liên hệ.\n\
                II. NGUỒN GỐC TÀI SẢN\nTổ chức, cá nhân chuyển nhượng tài sản.\n\
                II. TÀI SẢN THUỘC DIỆN ĐƯỢC MIỄN LỆ PHÍ\nGhi cụ thể lý do được miễn.\n";
    assert_eq!(repair_ok(text), text);
}

#[test]
fn diacritic_restoration_of_clean_report() {
    let v = eval(&["--mode", "strip", "--gold", GOLD002]);
    let exact = 1.0 - num(&v, "ser");
    assert!(exact >= 0.985, "{exact}");
}

#[test]
fn clean_text_stays_clean() {
    let v = eval(&["--mode", "clean", "--gold", GOLD002]);
    let unchanged = 1.0 - num(&v, "ser");
    assert!(unchanged >= 0.999, "{unchanged}");
}

fn figures(line: &str) -> Vec<String> {
    vietdoc::text::tokenize(line)
        .into_iter()
        .filter(|t| t.kind == vietdoc::text::TokenKind::Figure)
        .map(|t| t.text(line).to_owned())
        .collect()
}

/// `got` is `want` less some lone `6`, `14` and `16`: the figures OCR prints
/// for the syllables `ở`, `ổ`, `là` and `lộ`, `lỗ`, `lệ`, which repair reads
/// as them where the language model is sure; and `1`, `18` (OCR's `lệ` after
/// its `ty`, read `tỷ lệ`) and `86`, `56` (OCR's `số` before a document's
/// number), which phrase readers take only in those contexts.
fn same_figures_but_lone_words(want: &[String], got: &[String]) -> bool {
    let mut g = got.iter().peekable();
    for w in want {
        // A quarter's numeral OCR read as ones (`Quý 11/2023` → `Quý
        // II/2023`) keeps its year.
        let quarter_year = w
            .split_once('/')
            .filter(|(ones, year)| {
                (1..=3).contains(&ones.len()) && ones.bytes().all(|b| b == b'1') && year.len() == 4
            })
            .map(|(_, year)| year);
        let kept = g.peek() == Some(&w)
            || quarter_year.is_some_and(|y| g.peek().is_some_and(|n| n.as_str() == y));
        if kept {
            g.next();
        } else if !["6", "14", "16", "1", "18", "86", "56"].contains(&w.as_str()) {
            return false;
        }
    }
    g.next().is_none()
}

#[test]
fn figures_and_line_count_survive_repair() {
    // Every figure of the gold texts survives; in OCR text, only the lone
    // figures of `same_figures_but_lone_words` may become syllables, and a
    // quarter's ones after `quý` its Roman numeral.
    for (f, ocr) in [
        (SEED001, true),
        (SEED003, true),
        (GOLD001, false),
        (GOLD003, false),
        (GOLD002, false),
        ("fixtures/seeds/000_ad64dd47668e3eff.txt", true),
        ("fixtures/seeds/004_0181843333fda109.txt", true),
    ] {
        let input = std::fs::read_to_string(f).expect("fixture");
        let (code, out, err) = run(&["repair", f], None);
        assert_eq!(code, 0, "{err}");
        let out = String::from_utf8(out).expect("utf-8 output");
        let (a, b): (Vec<&str>, Vec<&str>) =
            (input.split('\n').collect(), out.split('\n').collect());
        assert_eq!(a.len(), b.len(), "{f}: line count");
        for (i, (x, y)) in a.iter().zip(&b).enumerate() {
            if ocr {
                assert!(
                    same_figures_but_lone_words(&figures(x), &figures(y)),
                    "{f}:{}: figures changed: {:?} -> {:?}",
                    i + 1,
                    figures(x),
                    figures(y)
                );
            } else {
                assert_eq!(figures(x), figures(y), "{f}:{}: figures changed", i + 1);
            }
            // Whitespace is kept; the only spaces added replace a stray
            // punctuation mark repair removed (`dan-sy` → `dân sự`),
            // separate two syllables OCR printed as one word (`yéucau` →
            // `yêu cầu`, one more run of letters) or follow a comma OCR
            // glued between two words (`phòng,chống` → `phòng, chống`).
            let spaces = |s: &str| s.chars().filter(|c| c.is_whitespace()).count();
            let marks = |s: &str| {
                s.chars()
                    .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
                    .count()
            };
            let runs = |s: &str| {
                s.split(|c: char| !c.is_alphanumeric())
                    .filter(|r| !r.is_empty())
                    .count()
            };
            let spaced_commas = |s: &str| s.matches(", ").count();
            assert!(spaces(y) >= spaces(x), "{f}:{}: whitespace lost", i + 1);
            assert!(
                spaces(y) - spaces(x)
                    <= marks(x).saturating_sub(marks(y))
                        + runs(y).saturating_sub(runs(x))
                        + spaced_commas(y).saturating_sub(spaced_commas(x)),
                "{f}:{}: whitespace added",
                i + 1
            );
        }
    }
}

#[test]
fn lone_figures_read_as_syllables_only_where_the_model_is_sure() {
    let input = "Cong tac tuyén truyen cai cich hanh chinh ciia UBND tinh dat két qua tot.\n\
                 Nguoi dan 6 vung sau, vung xa con gap kho khan.\n\
                 Tinh hinh dich bénh 6 dia phuong duoc kiém soat.\n\
                 Thanh lap 6 to cong tac lién nganh de kiém tra.\n\
                 Toan huyén c6 6 xa dat chuan nong thon moi.\n\
                 Trong 6 thang dau nam, da cap 6 giay phép xay dung.\n\
                 Da ho tro 6 ho gia dinh va 14 don vi bi thiét hai do bao.\n\
                 Theo Diéu 6 cac bén thuc hién.\n\
                 Trong nam da sua chua 14 cong trinh giao thong.\n\
                 Huyen da sua chua 14 cong trinh nuoc sach.\n\
                 Tren day 14 bao cao cua Phong Noi vu.\n\
                 Ty 16 ho so giai quyet dung han dat 99%.\n\
                 Da xay moi 16 truong hoc va 16 tram y te.\n\
                 Ho tro xay dung nha 6\n\
                 cho cac ho ngheo tren dia ban.\n\
                 Da cap 6\n\
                 giay phep xay dung.\n\
                 Ho tro sua chua nha 6; xay moi nha 6: 17 ho.\n\
                 Hoc sinh lop 6; to 16, thon 6: 45 ho.\n\
                 Tai nan tren Quoc 16 1 va tuyen Quoc 16 25 giam.";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert!(lines[1].contains("dân ở vùng"), "{}", lines[1]);
    assert!(lines[2].contains("bệnh ở địa phương"), "{}", lines[2]);
    // The words around the figure are decoded with the syllable as a
    // possible reading (alone, `Tren day` took the number's context: `dãy`).
    assert!(
        lines[10].starts_with("Trên đây là báo cáo"),
        "{}",
        lines[10]
    );
    assert!(lines[11].starts_with("Tỷ lệ hồ sơ"), "{}", lines[11]);
    // At the end of a line, the next line's words are the words after.
    assert!(lines[13].ends_with("nhà ở"), "{}", lines[13]);
    // Before a closing mark or a figure.
    assert!(
        lines[17].contains("nhà ở; xây mới nhà ở: 17"),
        "{}",
        lines[17]
    );
    assert!(lines[19].contains("Quốc lộ 1 và"), "{}", lines[19]);
    for (i, want) in [
        (3, vec!["6"]),
        (4, vec!["6"]),
        (5, vec!["6", "6"]),
        (6, vec!["6", "14"]),
        (7, vec!["6"]),
        // A count noun after the figure is the figure's (the total margin
        // alone read `là công trình`).
        (8, vec!["14"]),
        (9, vec!["14"]),
        (12, vec!["16", "16"]),
        (15, vec!["6"]),
        // Before a closing mark or a figure: the number words keep theirs.
        (18, vec!["6", "16", "6", "45"]),
        (19, vec!["1", "25"]),
    ] {
        let got = figures(lines[i]);
        assert_eq!(got, want, "{}", lines[i]);
    }
}

#[test]
fn a_figure_read_as_a_word_takes_its_lines_case() {
    let input = "VII. THOI GIAN, DIA DIEM 16 CHUC THI\n\
                 Dia diém 16 chirc thi tai hoi truong UBND x4.";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert!(lines[0].contains("ĐIỂM TỔ CHỨC"), "{}", lines[0]);
    assert!(lines[1].contains("điểm tổ chức"), "{}", lines[1]);
}

#[test]
fn figures_printed_for_so_read_only_where_the_model_is_sure() {
    // OCR prints `số`/`sở` as `86` or `56`; a count keeps its figure. (Before
    // a document's number and symbol, line 2, an older reader reads it.)
    let input = "Cong tac tuyén truyen cai cich hanh chinh ciia UBND tinh dat két qua tot.\n\
                 Tong 86 van ban da ban hanh trong nam la 125 van ban.\n\
                 Can cu Quyet dinh 56 1830/QD-UBND ngay 12/3/2026.\n\
                 Da ho tro 86 ho gia dinh va 56 don vi bi thiet hai.\n\
                 Co 86 xa dat chuan, mot 56 noi con cham.";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert!(lines[1].starts_with("Tổng số văn bản"), "{}", lines[1]);
    assert!(
        lines[2].contains("Quyết định số 1830/QĐ-UBND"),
        "{}",
        lines[2]
    );
    assert!(lines[4].contains("một số nơi"), "{}", lines[4]);
    assert_eq!(figures(lines[3]), ["86", "56"], "{}", lines[3]);
    assert_eq!(figures(lines[4]), ["86"], "{}", lines[4]);
}

#[test]
fn repairs_codes_markers_and_letters_in_words() {
    let input = "S6: 1034/BC-VP ngày 28/3/2022\nIL. Kết quả\nI11. Nhiệm vụ\nQuyết định số 380/0D-UBND và 69/2024/ND-CP";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines[0], "Số: 1034/BC-VP ngày 28/3/2022");
    assert_eq!(lines[1], "II. Kết quả");
    assert_eq!(lines[2], "III. Nhiệm vụ");
    assert_eq!(lines[3], "Quyết định số 380/QĐ-UBND và 69/2024/NĐ-CP");
}

#[test]
fn words_around_an_acronym_read_against_its_expansion() {
    // The corpora spell `Hội đồng nhân dân xã` out; reports write `HĐND xã`.
    let input = "- TT. Dang uy, TT HDND xa;\n- Chu tich, cac PCT UBND xa;";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines[0], "- TT. Đảng ủy, TT HĐND xã;");
    assert_eq!(lines[1], "- Chủ tịch, các PCT UBND xã;");
}

#[test]
fn the_unit_after_a_committee_is_read_as_a_unit() {
    // The corpora never write `Ủy ban nhân dân thị xã`: the unit is read
    // after decoding. Other words after `UBND` stay as decoded.
    let out = repair_ok(
        "Ket luan cua Chu tich UBND thi xa tai cuoc hop.\n\
         HDND TINH va UBND cac xa, thi tran da thuc hien.",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("UBND thị xã tại"), "{out}");
    assert!(lines[1].starts_with("HĐND TỈNH và UBND các xã"), "{out}");
}

#[test]
fn type_code_slot_and_unknown_acronyms() {
    // The code right after `number/` and before `-` is read as a document
    // type when OCR damaged it; clean acronyms the code list lacks are kept.
    let input = "Quyết định số 26/0P-VP và 1813/Qb-TTg, 39/2021/QB-UBND\nCong tac tuyén truyen cai cich hanh chinh ciia UBND tinh, hi€u qua cho CCVC, STT";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(
        lines[0],
        "Quyết định số 26/QĐ-VP và 1813/QĐ-TTg, 39/2021/QĐ-UBND"
    );
    assert!(
        lines[1].starts_with("Công tác tuyên truyền"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with("CCVC, STT"), "{}", lines[1]);
}

#[test]
fn stray_punctuation_in_noisy_text_only() {
    let noisy = "Cac nguyén tac co ban cia phap luat dan-sy la nhimg nguyén tac\nduge quy dinh tai trung taém.cua tinh, v.v. theo Nghi dinh 30/2020/ND-CP";
    let out = repair_ok(noisy);
    assert!(out.contains("pháp luật dân sự là"), "{out}");
    assert!(out.contains("trung tâm của tỉnh"), "{out}");
    assert!(out.contains("v.v."), "{out}");
    assert!(out.contains("30/2020/NĐ-CP"), "{out}");
    let noisy = "xay dung co s@ san xuat cua nguoi dan trong cac truong hop sau day: :\nBang 1 | Chi tieu | 2023 |";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("cơ sở sản xuất"), "{out}");
    assert!(out.contains("sau đây: \n"), "{out}");
    assert!(out.ends_with("| 2023 |"), "{out}");
    let noisy = "Dat & tai nong thon, dat & tai do thi cua nguoi dan trong cac truong hop\nA & B";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    assert!(
        out.starts_with("Đất ở tại nông thôn, đất ở tại đô thị"),
        "{out}"
    );
    assert!(out.ends_with("\nA & B"), "{out}");
    // Marks glued to words and damaged capitals read as codes.
    let noisy = "Diéu-3. Chanh’an va cac co’ s& san xuat cla B6-luat nay, trong nha nu’éc\nquy dinh tai khodn'1 Diéu nay tai phién toa,-phién hop cua HGi déng xét xu";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    for want in [
        "Điều 3. Chánh án",
        "cơ sở sản xuất",
        "của Bộ luật này",
        "nhà nước",
        "khoản 1 Điều này",
        "phiên tòa, phiên họp",
        "Hội đồng xét xử",
    ] {
        assert!(out.contains(want), "{want}: {out}");
    }
    // Abbreviations the code list lacks stay in a noisy document.
    let noisy = "Cac nguyén tac co ban cia phap Juat dan-sy Ja nhimg nguyén tac dude quy dinh tai\nCac DN vua va nho, GV va HS cua truong, CB va CC cua UB tinh, SV nam nhat";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    for want in [
        "pháp luật dân sự là",
        "DN vừa",
        "GV và HS",
        "CB và CC",
        "SV năm",
    ] {
        assert!(out.contains(want), "{want}: {out}");
    }
    // Marks of names, codes, files, quotations and questions survive in a
    // noisy document (the words around them may be repaired).
    let legit = [
        "Quyết định số 1256/QĐ-UBND ngày 22/12/2021 và Nghị quyết số 04-NQ/TU, Chương trình số 23-CTr/HU;",
        "giai đoạn 2021-2025 tại tỉnh Bà Rịa-Vũng Tàu, TP.HCM và Tp. Hồ Chí Minh, v.v... theo e-mail;",
        "phòng chống dịch Covid-19 và COVID-19, lực lượng PCCC-CNCH, trang tr.5 của báo cáo;",
        "Tên tệp: Phu luc 1.docx, Bao cao.pdf và Ke hoach.xlsx gửi kèm.",
        "“Cải cách hành chính” là nhiệm vụ trọng tâm, gọi tắt là ‘CCHC’. Có phải không? Được.",
        "Robin Hood's Ball, O'Brien, giai đoạn 3100-2900 TCN; chủ nghĩa Mác-Lênin (1890-1969).",
    ];
    let ocr = [
        "Cac nguyén tac co ban cia phap Juat dan-sy Ja nhimg nguyén tac dude quy dinh tai",
        "Diéu 3 cua BG luat dan su.",
        "An lé duoc Toa an nghién cfu, ap dung trong gidi quyét vu viée dan su khi da duc",
        "Hi déng Tham phan Toa an nhan dan t6i cao twa chon va duoc Chanh an Toa an nhan",
        "Lé cong bang duge xdc dinh trén co sé 1é phai duroc moi ngudi trong x4 hdi thita",
        "nhan, phi hyp véi nguyén tac nhan dao, khong thién viva binh dang vé quyén va nghia",
        "vu cla cdc duong su trong vu viée dan su do.",
        "Diéu 46. Co quan tién hanh t6 tung, ngudi tién hanh t6 tung",
        "1. Cac co quan tién hanh té tung dan su gdm co:",
        "2. Nhtng ngudi tién hanh t6 tung dan su gdm co:",
        "b) Vién truéng Vién kiém sat, Kiém sat vién, Kiém tra vién.",
        "1. Chanh dn Toa an co nhiém vu, quyén han sau day:",
    ];
    let noisy = format!("{}\n{}", ocr.join("\n"), legit.join("\n"));
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("pháp luật dân sự là"), "{out}");
    let marks = |s: &str| {
        s.chars()
            .filter(|c| !c.is_alphanumeric())
            .collect::<String>()
    };
    for (want, got) in legit.iter().zip(out.lines().skip(ocr.len())) {
        assert_eq!(marks(want), marks(got), "{got}");
    }
    // Two syllables printed without the space between them.
    let noisy = "Ngudi gti hang yéucau ngudi van chuyén giao hang hoa va quyétdinh vé viéc thanh ly hang hoa theo quy dinh cua phap luat";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    for want in ["yêu cầu người vận chuyển", "quyết định về việc"] {
        assert!(out.contains(want), "{want}: {out}");
    }
    // The list letter after `d)` is `đ)`; a heading's period.
    let noisy = "Diéu 3. Hiéu luc thi hanh\nDiéu 4. Trach nhiém thi hanh\nc) Quyét dinh thay déi Tham phan, Héi tham nhan dan\nd) Quyét dinh thay déi ngudi gidm dinh truéc khi md phién toa;\nd) Ra quyét dinh va tién hanh hoat dong t6 tung dan su;\nDiéu 5: Kinh phi thuc hién";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("\nd) Quyết định"), "{out}");
    assert!(out.contains("\nđ) Ra quyết định"), "{out}");
    assert!(out.ends_with("\nĐiều 5. Kinh phí thực hiện"), "{out}");
    // An `e)` right after `b)` is OCR's `c)`.
    let noisy = "a) Vé kinh té\nb) Vé xa hoi\ne) Vé méi truéng\nd) Vé quéc phong";
    let (_, out, _) = run(&["repair"], Some(noisy.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("\nc) Về môi trường\nd) "), "{out}");
    // Clean text keeps its hyphens and periods.
    let clean = "Đơn vị đo là ki-lô-gam. trong bảng";
    let (_, out, _) = run(&["repair"], Some(clean.as_bytes()));
    assert_eq!(String::from_utf8(out).expect("utf-8"), clean);
    let clean = "c) Mục c;\nd) Mục d;\nd) Mục lặp lại.\nĐiều 3. Một\nĐiều 4. Hai\nĐiều 5: Ba. Hiệu lực. trong bảng ,";
    let (_, out, _) = run(&["repair"], Some(clean.as_bytes()));
    assert_eq!(String::from_utf8(out).expect("utf-8"), clean);
    let clean = "Tỉnh Bà Rịa-Vũng Tàu, TP.HCM; Phòng Hành chính-Tổ chức gửi tệp Việt Nam.docx về COVID-19 theo khoản 1 Điều 3 Nghị định 30/2020/NĐ-CP, gọi là ‘khớp nối’. Có phải không? Được.";
    let (_, out, _) = run(&["repair"], Some(clean.as_bytes()));
    assert_eq!(String::from_utf8(out).expect("utf-8"), clean);
}

#[test]
fn a_speck_read_away_starts_no_sentence() {
    // A period OCR glued before a word, read as a speck: the word after it
    // keeps the small letter a sentence's middle asks (OCR's `1` for `l`
    // says nothing of the case).
    let out = repair_ok(
        "Nhin chung, ty.1é ho nghéo cua huyén giam manh so vGi cung ky nam truéc va dat ké hoach.\nTrén day.1a bao cdo tinh hinh thuc hién nhiém vu phat trién kinh té - x4 hdi cua x4 trong nam.",
    );
    assert!(out.contains("tỷ lệ hộ nghèo"), "{out}");
    assert!(out.contains("Trên đây là báo cáo"), "{out}");
}

#[test]
fn a_name_alone_on_its_line_reads_as_a_name() {
    // Stripped signer names, which the general model reads as phrases
    // (`Bay` as `bay`, `Vu Van` as `vũ vẫn`), read with the person-name model.
    let input = "KT. CHU TICH\nPHO CHU TICH\nVu Van Thang\nTran Quoc Bay\nNguyen Thi Thu Ha\n";
    let (code, out, _) = run(&["repair"], Some(input.as_bytes()));
    assert_eq!(code, 0);
    let out = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        &lines[2..],
        &["Vũ Văn Thắng", "Trần Quốc Bảy", "Nguyễn Thị Thu Hà"]
    );
    // A correct name, and the same syllables in running text, stay.
    let input = "Lục Văn Thắng\nLúc vẫn thắng\n";
    let (_, out, _) = run(&["repair"], Some(input.as_bytes()));
    assert_eq!(String::from_utf8(out).expect("utf-8"), input);
}

#[test]
fn urls_and_emails_untouched() {
    let input =
        "Cong thong tin https://dichvucong.gov.vn/p/home va email vanphong@quangngai.gov.vn";
    let (_, out, _) = run(&["repair"], Some(input.as_bytes()));
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("https://dichvucong.gov.vn/p/home"), "{out}");
    assert!(out.contains("vanphong@quangngai.gov.vn"), "{out}");
}

#[test]
fn tone_style_option() {
    let input = "Ủy ban nhân dân tỉnh Khánh Hòa";
    let (_, out, _) = run(&["repair"], Some(input.as_bytes()));
    assert_eq!(String::from_utf8_lossy(&out), input);
    let (_, out, _) = run(&["repair", "--tone-style", "new"], Some(input.as_bytes()));
    assert_eq!(
        String::from_utf8_lossy(&out),
        "Uỷ ban nhân dân tỉnh Khánh Hoà"
    );
}

#[test]
fn legal_basis_opening_read_where_ocr_broke_it() {
    let out = repair_ok(
        "Can cl Luat Dau tu cong ngay 29 thang 11 nam 2024 cua Quoc hoi ve viec;\n\
         Can.cw Nghi dinh so 163/2016/ND-CP ngay 21/12/2016 cua Chinh phu quy dinh;\n\
         Can co Quyet dinh phe duyet cua cap co tham quyen thi moi duoc thuc hien.",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Căn cứ Luật"), "{out}");
    assert!(lines[1].starts_with("Căn cứ Nghị định"), "{out}");
    assert!(!lines[2].starts_with("Căn cứ"), "a syllable stays: {out}");
}

#[test]
fn every_period_is_hang_with_a_breve() {
    let out = repair_ok(
        "Dinh ky hang nam, cac co quan bao cao ket qua thuc hien ve UBND tinh truoc ngay 15 thang 12;\n\
         kiem tra chat luong hang hoa va dich vu tren dia ban tinh theo ke hoach hang quy cua So.",
    );
    assert!(out.contains("Định kỳ hằng năm"), "{out}");
    assert!(out.contains("hằng quý"), "{out}");
    assert!(out.contains("hàng hóa"), "goods keep their spelling: {out}");
}

#[test]
fn words_counted_by_a_figure_lean_to_counted_nouns() {
    let out = repair_ok(
        "Du an co 126 hé bi anh huong mot phan dat.\n\
         Da tiep nhan 56.703 ho so, giai quyet dung han.\n\
         gom 742 tré tam hoan do dang mac bénh cap tinh",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("126 hộ bị"), "{out}");
    assert!(
        lines[1].contains("56.703 hồ sơ"),
        "a strong bigram after still wins: {out}"
    );
    assert!(lines[2].contains("742 trẻ"), "children are counted: {out}");
}

#[test]
fn the_formulas_addressing_a_superior_read_kinh() {
    let out = repair_ok(
        "UBND thanh pho kinh trinh UBND tinh xem xet, phe duyet kinh phi nhu sau.\n\
         Van phong UBND tinh tran trong kinh moi cac dong chi den du hop dung thoi gian.",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("kính trình"), "{out}");
    assert!(
        lines[0].contains("kinh phí"),
        "other words keep kinh: {out}"
    );
    assert!(lines[1].contains("trân trọng kính mời"), "{out}");
}

#[test]
fn crop_seasons_after_vu() {
    let out = repair_ok(
        "Ket qua san xuat vu He Thu nam 2024 va ke hoach vu Dong Xuan 2024 - 2025.\n\
         Hoan thanh nhiem vu thu thue va thu ngan sach.",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("vụ Hè Thu năm 2024"), "{out}");
    assert!(lines[0].contains("vụ Đông Xuân"), "{out}");
    assert!(lines[1].contains("nhiệm vụ thu thuế"), "no season: {out}");
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    let line = "Cong tac cai cach hanh chinh cua tinh nam 2024 dat ket qua tot\n";
    let input = line.repeat(40_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.txt");
    std::fs::write(&file, &input).expect("write input");
    let mut child = Command::new(BIN)
        .args(["repair", &file.display().to_string()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vietdoc");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("stdout");
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked") && !err.contains("error"), "{err}");
}

#[test]
fn outputs_never_clobber_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("scan.txt");
    let text = "Cong tac cai cach hanh chinh cua tinh\n";
    std::fs::write(&file, text).expect("write input");
    let f = file.display().to_string();
    // `--explain FILE` reads FILE (the `=` form names the explain file).
    let (code, out, err) = run(&["repair", "--explain", &f], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out),
        "Công tác cải cách hành chính của tỉnh\n"
    );
    assert!(err.contains("\"to\""), "explain lines on stderr: {err}");
    // An output that is an input is refused before anything is written.
    for args in [
        vec!["repair", f.as_str(), "-o", f.as_str()],
        vec!["parse", f.as_str(), "-o", f.as_str()],
    ] {
        let (code, _, err) = run(&args, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("is also an input"), "{err}");
    }
    let explain_arg = format!("--explain={f}");
    let (code, _, err) = run(&["repair", &f, &explain_arg], None);
    assert_eq!(code, 2, "{err}");
    // So is an output inside an input directory.
    let d = dir.path().display().to_string();
    let inside = dir.path().join("all.jsonl").display().to_string();
    let (code, _, err) = run(&["parse", &d, "-o", &inside], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("inside the input directory"), "{err}");
    assert!(!dir.path().join("all.jsonl").exists());
    assert_eq!(std::fs::read_to_string(&file).expect("input kept"), text);
}

#[test]
fn explain_and_min_confidence() {
    let input = "Cong tac cai cach hanh chinh cua tinh";
    let dir = tempfile::tempdir().expect("tempdir");
    let explain = dir.path().join("edits.jsonl");
    let explain_s = explain.display().to_string();
    let explain_arg = format!("--explain={explain_s}");
    let (code, out, err) = run(&["repair", &explain_arg], Some(input.as_bytes()));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out),
        "Công tác cải cách hành chính của tỉnh"
    );
    let edits = std::fs::read_to_string(&explain).expect("explain file");
    let rows: Vec<serde_json::Value> = edits
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(rows.len() >= 5, "{edits}");
    for r in &rows {
        for k in ["line", "column", "from", "to", "confidence"] {
            assert!(!r[k].is_null(), "{k} missing in {r}");
        }
    }
    // Raising the bar above every confidence leaves the text untouched.
    let (_, out, _) = run(&["repair", "--min-confidence", "1"], Some(input.as_bytes()));
    assert_eq!(String::from_utf8_lossy(&out), input);
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Cong tac\n\xff\xfe\xfd abc").expect("write");
    let (code, out, err) = run(&["repair", &bad.display().to_string()], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("bad.txt") && err.contains("byte offset 9"),
        "{err}"
    );
}

#[test]
fn deterministic_output() {
    let (_, a, _) = run(&["repair", SEED003], None);
    let (_, b, _) = run(&["repair", SEED003], None);
    assert_eq!(a, b);
}

#[test]
fn unlisted_codes_in_clean_text_stay() {
    // Genuine codes the code list lacks, in symbols and free-standing, in
    // clean text: no "repair" towards a listed code (TNCN -> TNDN, VNĐ -> NĐ,
    // NNT -> NT, C1 -> CT, GTGT -> GGT).
    let input = "Người nộp thuế kê khai thuế thu nhập cá nhân theo mẫu số 02/TNCN ban hành kèm theo Thông tư này.\n\
                 Mức phí là 5.000 VNĐ/tháng đối với mỗi tài khoản giao dịch điện tử với cơ quan thuế.\n\
                 Công văn số 12/TCT-NNT ngày 5/3/2024 hướng dẫn kê khai theo mẫu C1-02/NS và mẫu số 01/GTGT.\n\
                 Cơ quan thuế thông báo cho người nộp thuế theo quy định tại Điều 8 Nghị định số 126/2020/NĐ-CP.";
    let (code, out, err) = run(&["repair"], Some(input.as_bytes()));
    assert_eq!(code, 0, "{err}");
    assert_eq!(String::from_utf8(out).expect("utf-8").trim_end(), input);
}

#[test]
fn unlisted_codes_in_ocr_text_keep_their_letters() {
    // In OCR text without marks, a clean capital code the list lacks may get
    // a lost mark back, never a letter more or less (BCVT -> BCT, NV -> BNV).
    let input = "Theo dé nghi cua Truong phong Noi vu tai T& trinh s6 185/TTr-NV ngay 08/9/2023\n\
                 S6: 812/STTTT-BCVT Quang Ngai, ngay 05 thang 4 nam 2024, Quyét dinh s6 12/QD-UBND";
    let out = repair_ok(input);
    assert!(out.contains("185/TTr-NV "), "{out}");
    assert!(out.contains("812/STTTT-BCVT "), "{out}");
    assert!(out.contains("12/QĐ-UBND"), "{out}");
}

#[test]
fn abbreviations_get_their_d_bar_back() {
    // Tesseract's English model prints `Đ` as `D`: report abbreviations with
    // a `Đ` get it back, those spelled with `D` (`DTTS` dân tộc thiểu số)
    // keep it.
    let input = "Bang 2. Ket qua thuc hien cac chi tieu nam 2026 (DVT: ty dong)\n\
                 Ban QLDA DTXD tinh va VPDKDD tinh phoi hop voi cac xa vung DTTS;\n\
                 Cong tac giai phong mat bang, bo tri TDC cho cac ho dan da hoan thanh.";
    let out = repair_ok(input);
    let lines: Vec<&str> = out.split('\n').collect();
    assert!(lines[0].ends_with("(ĐVT: tỷ đồng)"), "{}", lines[0]);
    assert!(lines[1].starts_with("Ban QLDA ĐTXD tỉnh"), "{}", lines[1]);
    assert!(lines[1].contains("VPĐKĐĐ tỉnh"), "{}", lines[1]);
    assert!(lines[1].contains("vùng DTTS;"), "{}", lines[1]);
    assert!(lines[2].contains("bố trí TĐC cho"), "{}", lines[2]);
}

#[test]
fn eval_lists_the_commonest_differences() {
    let v = eval(&["--input", SEED003, "--gold", GOLD003, "--show-errors", "5"]);
    let errors = v["errors"].as_array().expect("errors list");
    assert!(!errors.is_empty() && errors.len() <= 5, "{errors:?}");
    let counts: Vec<u64> = errors.iter().filter_map(|e| e["count"].as_u64()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "commonest first: {counts:?}"
    );
    assert!(errors.iter().all(|e| e["output"] != e["truth"]));
    // Without the flag the JSON has no list.
    assert!(eval(&["--input", SEED003, "--gold", GOLD003])
        .get("errors")
        .is_none());
}

#[test]
fn a_place_names_syllable_that_is_no_vietnamese_word_is_kept() {
    // `Ea` opens many place names of the Central Highlands (`Ea Sol`, `Ea
    // Tu`) and is no Vietnamese syllable: in a noisy report whose OCR misreads
    // letters, kept as printed it weighs its place names against `Cả`.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/heldout/bc37-light.ocr.txt"
    );
    let text = std::fs::read_to_string(path).expect("bc37-light");
    let head: Vec<&str> = text.lines().take(40).collect();
    let out = repair_ok(&head.join("\n"));
    assert!(out.contains("buôn Ea Tu"), "{out}");
}
