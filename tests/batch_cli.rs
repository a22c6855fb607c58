//! `vietdoc parse` over batches, driving the binary: directories, globs, JSONL
//! through a pipe, resume after an interruption, bad files in the middle,
//! record export, thread-count determinism, usage errors, a directory mixing
//! every encoding.

mod common;

use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn vietdoc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vietdoc"))
}

fn run(args: &[&str], cwd: &Path) -> Output {
    vietdoc()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run vietdoc")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Asserts exit status 0, showing stderr otherwise.
fn assert_success(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const DOC_A: &str = "UBND TỈNH QUẢNG NGÃI\nSố: 1034/BC-VP\nTiếp nhận 56.703 hồ sơ, đạt 99,9%.\n";
const DOC_B: &str = "BÁO CÁO\nKết quả cải cách hành chính năm 2023\n";

/// A small collection: `in/a.txt`, `in/sub/b.txt`, `in/sub/skip.md`, `in/.hidden.txt`.
fn collection(root: &Path) {
    let sub = root.join("in/sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(root.join("in/a.txt"), DOC_A).unwrap();
    std::fs::write(sub.join("b.txt"), DOC_B).unwrap();
    std::fs::write(sub.join("skip.md"), "# not selected").unwrap();
    std::fs::write(root.join("in/.hidden.txt"), "hidden").unwrap();
}

#[test]
fn directory_recursive_with_glob_in_order() {
    let dir = tempfile::tempdir().unwrap();
    collection(dir.path());
    let out = run(&["parse", "-q", "in", "--glob", "*.txt"], dir.path());
    assert_success(&out);
    let docs = lines(&out);
    let paths: Vec<&str> = docs
        .iter()
        .map(|d| d["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["in/a.txt", "in/sub/b.txt"]);
    assert_eq!(docs[0]["text"].as_str().unwrap(), DOC_A);
    assert_eq!(docs[0]["source"]["encoding"], "utf-8");
    assert_eq!(docs[0]["source"]["lines"], 3);

    // Without a glob every (non-hidden) file is taken.
    let out = run(&["parse", "-q", "in"], dir.path());
    assert_eq!(lines(&out).len(), 3);
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for i in 0..60 {
        // Uneven sizes so workers finish out of order.
        let body = format!("{DOC_A}{}", DOC_B.repeat((i * 37) % 50 + 1));
        std::fs::write(input.join(format!("d{i:03}.txt")), body).unwrap();
    }
    let one = run(&["parse", "-q", "-j", "1", "in"], dir.path());
    let two = run(&["parse", "-q", "-j", "2", "in"], dir.path());
    let four = run(&["parse", "-q", "--jobs", "4", "in"], dir.path());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(lines(&one).len(), 60);
    assert!(one.stdout == two.stdout && two.stdout == four.stdout);
}

#[test]
fn stdin_jsonl_through_a_pipe() {
    let mut child = vietdoc()
        .args(["parse", "--input-format", "jsonl", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..50 {
            let rec = if i == 7 {
                "this is not json".to_owned()
            } else {
                serde_json::json!({"id": format!("doc-{i}"), "text": format!("{DOC_A}dòng {i}")})
                    .to_string()
            };
            writeln!(stdin, "{rec}").unwrap();
        }
    });
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    writer.join().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "one bad line: exit 1, batch completes"
    );
    let out: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(out.len(), 50, "one output line per input line");
    for (i, doc) in out.iter().enumerate() {
        if i == 7 {
            assert_eq!(doc["error"]["kind"], "bad-record");
            assert_eq!(doc["id"], Value::Null);
        } else {
            assert_eq!(doc["id"], format!("doc-{i}"));
            assert!(doc["text"]
                .as_str()
                .unwrap()
                .ends_with(&format!("dòng {i}")));
        }
    }
}

#[test]
fn bad_files_in_the_middle_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("1-good.txt"), DOC_A).unwrap();
    std::fs::write(
        input.join("2-binary.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0garbage",
    )
    .unwrap();
    std::fs::write(input.join("3-empty.txt"), b"").unwrap();
    std::fs::write(input.join("4-huge.txt"), "x".repeat(5000)).unwrap();
    std::fs::write(
        input.join("5-undecodable.txt"),
        b"abc \xfd\x81\x82 \x9d\x8d",
    )
    .unwrap();
    std::fs::write(input.join("6-good.txt"), DOC_B).unwrap();
    let out = run(
        &["parse", "in", "missing.txt", "--max-bytes", "4K", "-j", "2"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let kinds: Vec<&str> = docs
        .iter()
        .map(|d| d["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(kinds.len(), 7);
    assert_eq!(kinds[0], "ok");
    assert_eq!(kinds[1], "binary");
    assert_eq!(kinds[2], "empty");
    assert_eq!(kinds[3], "too-large");
    // Invalid UTF-8 that no legacy encoding explains.
    assert_eq!(kinds[4], "undecodable");
    assert_eq!(kinds[5], "ok");
    assert_eq!(kinds[6], "unreadable");
    assert_eq!(docs[3]["source"]["path"], "in/4-huge.txt");
    assert!(docs[4]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("byte offset 4"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("7 documents: 2 ok (0 resumed), 5 failed"),
        "{stderr}"
    );
}

#[test]
fn out_dir_text_records_and_resume_after_interruption() {
    let dir = tempfile::tempdir().unwrap();
    collection(dir.path());
    let args = [
        "parse",
        "in",
        "--glob",
        "*.txt",
        "--out-dir",
        "out",
        "--text",
        "--records",
        "rec",
    ];
    let first = run(&args, dir.path());
    assert_success(&first);
    assert!(
        first.stdout.is_empty(),
        "--out-dir writes files, not stdout"
    );
    let a_json = dir.path().join("out/a.txt.json");
    let b_json = dir.path().join("out/sub/b.txt.json");
    let doc: Value = serde_json::from_slice(&std::fs::read(&a_json).unwrap()).unwrap();
    assert_eq!(doc["source"]["path"], "in/a.txt");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/a.txt.repaired.txt")).unwrap(),
        DOC_A
    );
    for f in ["references.csv", "kpis.csv", "dates.csv"] {
        let csv = std::fs::read_to_string(dir.path().join("rec").join(f)).unwrap();
        assert!(csv.starts_with("source,line,"), "{f}: {csv}");
    }

    // Simulate an interruption: a.txt's output is complete (marked so we can
    // see it is kept), b.txt's output is stale (other source hash), and a
    // half-written temporary file was left behind.
    let mut kept = doc.clone();
    kept["marker"] = Value::from("kept");
    std::fs::write(&a_json, kept.to_string()).unwrap();
    let mut stale: Value = serde_json::from_slice(&std::fs::read(&b_json).unwrap()).unwrap();
    stale["source"]["sha256"] = Value::from("0000");
    std::fs::write(&b_json, stale.to_string()).unwrap();
    let stray = dir.path().join("out/sub/.b.txt.json.999.0.vietdoc-tmp");
    std::fs::write(&stray, "{\"half").unwrap();

    let resumed = run(
        &[
            "parse",
            "in",
            "--glob",
            "*.txt",
            "--out-dir",
            "out",
            "--resume",
        ],
        dir.path(),
    );
    assert_eq!(resumed.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(stderr.contains("2 ok (1 resumed)"), "{stderr}");
    let a: Value = serde_json::from_slice(&std::fs::read(&a_json).unwrap()).unwrap();
    assert_eq!(a["marker"], "kept", "up-to-date output is not redone");
    let b: Value = serde_json::from_slice(&std::fs::read(&b_json).unwrap()).unwrap();
    assert_ne!(b["source"]["sha256"], "0000", "stale output is redone");
    assert!(!stray.exists(), "stray temporary file removed");
    let leftovers = walk(&dir.path().join("out"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".vietdoc-tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn raw_stdin_is_one_document() {
    let mut child = vietdoc()
        .args(["parse", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(DOC_A.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"]["path"], Value::Null);
    assert_eq!(docs[0]["text"], DOC_A);
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["parse", "--resume", "x"][..],
        &["parse", "--encoding", "latin-9", "x"],
        &["parse", "--input-format", "jsonl", "somefile"],
        &["parse", "--glob", "a[", "x"],
    ] {
        let out = run(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn directory_of_every_encoding_in_one_batch() {
    // The same document written in every encoding vietdoc reads, one file
    // each, in one directory: each is detected and decoded to the same text,
    // and the encoding is named in `source.encoding` (also under --out-dir).
    // (The header fixture: long enough for the legacy encodings to be told
    // apart, with capital words for TCVN3.)
    let text = include_str!("../fixtures/encodings/header.utf-8.txt");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (i, enc) in common::ENCODINGS.iter().enumerate() {
        let bytes = vietdoc::text::decode::encode(text, *enc).unwrap();
        std::fs::write(input.join(format!("{i}-{}.txt", enc.name())), bytes).unwrap();
    }
    let out = run(&["parse", "-q", "-j", "2", "in"], dir.path());
    assert_success(&out);
    let docs = lines(&out);
    assert_eq!(docs.len(), common::ENCODINGS.len());
    for (doc, enc) in docs.iter().zip(common::ENCODINGS) {
        assert_eq!(doc["source"]["encoding"], enc.name());
        assert_eq!(doc["text"], text, "{enc}");
    }

    let out = run(&["parse", "-q", "in", "--out-dir", "out"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    for (i, enc) in common::ENCODINGS.iter().enumerate() {
        let file = dir.path().join(format!("out/{i}-{}.txt.json", enc.name()));
        let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(doc["source"]["encoding"], enc.name());
    }
}
