//! `vietdoc eval`.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to evaluate.
#[derive(clap::Subcommand, Debug)]
pub enum EvalCommand {
    /// Score repair (CER, SER) against line-aligned truth or pairs.jsonl files.
    Repair(super::eval_repair::EvalRepairArgs),
    /// Score a parse (references, dates, KPIs, header, signer) against a gold extract file.
    Parse(EvalParseArgs),
}

/// Arguments of `vietdoc eval parse`.
#[derive(clap::Args, Debug)]
pub struct EvalParseArgs {
    /// Gold extract file (`fixtures/gold/*.extract.json`).
    #[arg(long, value_name = "EXTRACT.json")]
    pub gold: PathBuf,
    /// The document to parse (`-`: stdin).
    pub file: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// After each row, list the gold records missed and the produced records that matched nothing.
    #[arg(long)]
    pub show_errors: bool,
}

pub fn run(cmd: EvalCommand, dict_dir: &Path) -> Result<i32> {
    match cmd {
        EvalCommand::Repair(args) => super::eval_repair::run(args, dict_dir),
        EvalCommand::Parse(args) => run_parse(args, dict_dir),
    }
}

/// Parses `args.file` with the full pipeline and scores it against the gold.
fn run_parse(args: EvalParseArgs, dict_dir: &Path) -> Result<i32> {
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("reading {}", args.gold.display()))?;
    let gold: serde_json::Value = serde_json::from_str(&gold_text)
        .with_context(|| format!("parsing {}", args.gold.display()))?;
    let bytes = super::repair::read_input(&args.file)?;
    let pipeline = vietdoc::Pipeline::new(super::load_lexicon(dict_dir)?);
    let doc = pipeline
        .parse_bytes(Some(&args.file.display().to_string()), &bytes)
        .with_context(|| format!("parsing {}", args.file.display()))?;
    let produced = serde_json::to_value(&doc)?;
    let score = vietdoc::eval::parse::score(&produced, &gold)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&score.to_json())?)?;
    } else {
        write!(out, "{}", score.report())?;
        if args.show_errors {
            write!(out, "{}", score.errors_report())?;
        }
    }
    Ok(0)
}
