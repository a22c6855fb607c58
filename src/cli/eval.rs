//! `vietdoc eval`.

use anyhow::Result;
use std::path::Path;

/// What to evaluate.
#[derive(clap::Subcommand, Debug)]
pub enum EvalCommand {
    /// Score repair (CER, SER) against line-aligned truth or pairs.jsonl files.
    Repair,
}

pub fn run(cmd: EvalCommand, dict_dir: &Path) -> Result<i32> {
    let _ = (cmd, dict_dir);
    Ok(0)
}
