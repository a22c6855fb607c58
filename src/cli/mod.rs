//! Command-line definitions (clap) and dispatch. Each subcommand lives in its own file.

mod dictionaries;
mod eval;
mod eval_repair;
mod parse;
mod repair;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Repair, segment and extract scanned Vietnamese government documents.
#[derive(Parser, Debug)]
#[command(name = "vietdoc", version, about)]
pub struct Cli {
    /// Dictionaries directory (default: $VIETDOC_DICTIONARIES, else the bundled `dictionaries/`).
    #[arg(long, global = true, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Repair OCR text (diacritics, misread letters, document codes); line i in, line i out.
    Repair(repair::RepairArgs),
    /// Parse documents into JSON (header, sections, tables, references, dates, KPIs).
    Parse(parse::ParseArgs),
    /// Score repair or parse output against truth.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Build or inspect the dictionaries.
    #[command(subcommand)]
    Dictionaries(dictionaries::DictionariesCommand),
}

/// Runs a parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let dict_dir = cli
        .dictionaries
        .clone()
        .unwrap_or_else(vietdoc::lexicon::default_dir);
    match cli.command {
        Command::Repair(args) => repair::run(args, &dict_dir),
        Command::Parse(args) => parse::run(args, &dict_dir),
        Command::Eval(cmd) => eval::run(cmd, &dict_dir),
        Command::Dictionaries(cmd) => dictionaries::run(cmd, &dict_dir),
    }
}

/// Loads the lexicon, with a clear error naming the directory.
pub fn load_lexicon(dir: &std::path::Path) -> anyhow::Result<vietdoc::Lexicon> {
    use anyhow::Context;
    vietdoc::Lexicon::load(dir)
        .with_context(|| format!("loading dictionaries from {}", dir.display()))
}
