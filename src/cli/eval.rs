//! `vietdoc eval`.

use anyhow::Result;
use std::path::Path;

/// What to evaluate.
#[derive(clap::Subcommand, Debug)]
pub enum EvalCommand {
    /// Score repair (CER, SER) against line-aligned truth or pairs.jsonl files.
    Repair(super::eval_repair::EvalRepairArgs),
}

pub fn run(cmd: EvalCommand, dict_dir: &Path) -> Result<i32> {
    match cmd {
        EvalCommand::Repair(args) => super::eval_repair::run(args, dict_dir),
    }
}
