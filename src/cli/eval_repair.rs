//! `vietdoc eval repair`.

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use vietdoc::eval::repair::Score;
use vietdoc::text::viet;
use vietdoc::{RepairOptions, Repairer};

/// What the repair is given as input, made from the truth or the OCR.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The OCR text (`--input`, or the pairs' `--side`).
    Ocr,
    /// The truth with every mark stripped: pure diacritic restoration.
    Strip,
    /// The truth itself: clean text must stay unchanged.
    Clean,
}

/// Which OCR reading of a `pairs.jsonl` record to score.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Tesseract's English model (`eng`): marks lost and mangled.
    Eng,
    /// Tesseract's Vietnamese model (`vie`): marks kept, some confused.
    Vie,
}

impl Side {
    fn field(self) -> &'static str {
        match self {
            Side::Eng => "eng",
            Side::Vie => "vie",
        }
    }
}

/// Arguments of `vietdoc eval repair`.
#[derive(clap::Args, Debug)]
pub struct EvalRepairArgs {
    /// OCR input file, line-aligned with `--gold` (repeatable, paired in order).
    #[arg(long, value_name = "FILE")]
    pub input: Vec<PathBuf>,
    /// Truth file for the matching `--input`.
    #[arg(long, value_name = "FILE")]
    pub gold: Vec<PathBuf>,
    /// `pairs.jsonl` files (`{"truth", "eng"}` per line) to score as well.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub pairs: Vec<PathBuf>,
    /// Which OCR reading of the pairs to repair.
    #[arg(long, value_enum, default_value_t = Side::Eng)]
    pub side: Side,
    /// What to feed the repair.
    #[arg(long, value_enum, default_value_t = Mode::Ocr)]
    pub mode: Mode,
    /// Score the input without repairing it (the baseline).
    #[arg(long)]
    pub no_repair: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list the N commonest differences, output => truth (runs of
    /// whitespace tokens as aligned by the syllable edit distance).
    #[arg(long, value_name = "N")]
    pub show_errors: Option<usize>,
}

pub fn run(args: EvalRepairArgs, dict_dir: &Path) -> Result<i32> {
    if args.input.len() != args.gold.len() && args.mode == Mode::Ocr {
        bail!(
            "give one --gold per --input ({} inputs, {} gold)",
            args.input.len(),
            args.gold.len()
        );
    }
    if args.gold.is_empty() && args.pairs.is_empty() {
        bail!("nothing to score: give --input/--gold or --pairs");
    }
    let lexicon = super::load_lexicon(dict_dir)?;
    let cache = vietdoc::repair::CandidateCache::default();
    let repairer = Repairer::with_cache(&lexicon, RepairOptions::default(), &cache);
    let mut docs: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    for (i, gold) in args.gold.iter().enumerate() {
        let truth = read_text(gold)?;
        let input = match args.mode {
            Mode::Ocr => read_text(&args.input[i])?,
            _ => truth.clone(),
        };
        docs.push((gold.display().to_string(), split(&input), split(&truth)));
    }
    for p in &args.pairs {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        let (mut inp, mut tru) = (Vec::new(), Vec::new());
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: bad JSON", p.display(), n + 1))?;
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
            let side = args.side.field();
            let (Some(t), Some(e)) = (field("truth"), field(side)) else {
                bail!(
                    "{}:{}: expected \"truth\" and \"{side}\" strings",
                    p.display(),
                    n + 1
                );
            };
            inp.push(e);
            tru.push(t);
        }
        docs.push((p.display().to_string(), inp, tru));
    }
    let mut total = Score::default();
    let mut rows = Vec::new();
    let mut errors: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for (name, input, truth) in &mut docs {
        if input.len() != truth.len() {
            bail!(
                "{name}: input has {} lines, truth {}",
                input.len(),
                truth.len()
            );
        }
        if args.mode == Mode::Strip {
            *input = truth.iter().map(|l| viet::strip_marks(l)).collect();
        }
        let output: Vec<String> = if args.no_repair {
            input.clone()
        } else {
            repairer.repair_text(&input.join("\n")).lines
        };
        let mut s = Score::default();
        for ((i, o), t) in input.iter().zip(&output).zip(truth.iter()) {
            s.add_line(i, o, t);
            if args.show_errors.is_some() {
                for e in vietdoc::eval::repair::token_errors(o, t) {
                    *errors.entry(e).or_default() += 1;
                }
            }
        }
        total.merge(&s);
        rows.push((name.clone(), s));
    }
    // Commonest first; ties in text order, so the list is deterministic.
    let mut common: Vec<((String, String), usize)> = errors.into_iter().collect();
    common.sort_by_key(|e| std::cmp::Reverse(e.1));
    common.truncate(args.show_errors.unwrap_or(0));
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut v = serde_json::json!({
            "mode": format!("{:?}", args.mode).to_lowercase(),
            "documents": rows.iter().map(|(n, s)| serde_json::json!({"name": n, "score": s, "cer": s.cer(), "ser": s.ser()})).collect::<Vec<_>>(),
            "total": total, "cer": total.cer(), "ser": total.ser(), "ser_any_placement": total.ser_any_placement(),
        });
        if args.show_errors.is_some() {
            v["errors"] = common
                .iter()
                .map(|((o, t), n)| serde_json::json!({"output": o, "truth": t, "count": n}))
                .collect();
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            out,
            "{:<60} {:>7} {:>7} {:>7} {:>9} {:>8} {:>7} {:>7}",
            "document", "lines", "CER%", "SER%", "SER%any", "inSER%", "fixed", "broken"
        )?;
        for (n, s) in rows
            .iter()
            .chain(std::iter::once(&("TOTAL".to_owned(), total.clone())))
        {
            let short: String = n
                .chars()
                .rev()
                .take(60)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            writeln!(
                out,
                "{:<60} {:>7} {:>7.2} {:>7.2} {:>9.2} {:>8.2} {:>7} {:>7}",
                short,
                s.lines,
                100.0 * s.cer(),
                100.0 * s.ser(),
                100.0 * s.ser_any_placement(),
                100.0 * s.input_ser(),
                s.fixed,
                s.broken
            )?;
        }
        if args.show_errors.is_some() {
            writeln!(out, "\ncommonest differences (count, output => truth):")?;
            for ((o, t), n) in &common {
                writeln!(out, "{n:>6}  {o} => {t}")?;
            }
        }
    }
    Ok(0)
}

fn read_text(p: &Path) -> Result<String> {
    let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
    Ok(vietdoc::text::decode(&bytes, None)
        .with_context(|| format!("decoding {}", p.display()))?
        .text)
}

fn split(t: &str) -> Vec<String> {
    vietdoc::text::split_lines(t)
        .into_iter()
        .map(str::to_owned)
        .collect()
}
