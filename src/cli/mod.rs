//! Command-line definitions (clap) and dispatch. Each subcommand lives in its own file.

mod dictionaries;
mod eval;
mod eval_repair;
mod parse;
mod repair;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

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

/// Refuses an output file that would destroy or feed an input: one of the
/// `inputs` itself (created, so emptied, before it is read), or a file inside
/// an input directory (read back as an input while it is written). `outputs`
/// pairs each given output path with the option that named it; `-` (a
/// standard stream) is never a clash. Inputs that do not resolve are left
/// to the reading step to report.
pub fn refuse_clobbering_outputs(
    inputs: &[PathBuf],
    outputs: &[(&str, &Path)],
) -> anyhow::Result<()> {
    let resolved_inputs: Vec<(&PathBuf, PathBuf)> = inputs
        .iter()
        .filter(|i| i.as_os_str() != "-")
        .filter_map(|i| Some((i, std::fs::canonicalize(i).ok()?)))
        .collect();
    for &(flag, out) in outputs {
        if out.as_os_str() == "-" {
            continue;
        }
        let Some(resolved) = resolve_for_writing(out) else {
            continue;
        };
        for (input, inp) in &resolved_inputs {
            if *inp == resolved {
                anyhow::bail!(
                    "{flag} {} is also an input: it would be emptied before it is read",
                    out.display()
                );
            }
            if inp.is_dir() && resolved.starts_with(inp) {
                anyhow::bail!(
                    "{flag} {} lies inside the input directory {}: it would be read as an input",
                    out.display(),
                    input.display()
                );
            }
        }
    }
    Ok(())
}

/// The absolute path `path` names once written: its parent directory
/// resolved, then its file name; `None` when the parent does not exist (the
/// write itself will then fail with its own error).
fn resolve_for_writing(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}
