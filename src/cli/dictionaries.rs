//! `vietdoc dictionaries`.

use anyhow::Result;
use std::path::Path;

/// Dictionary maintenance.
#[derive(clap::Subcommand, Debug)]
pub enum DictionariesCommand {
    /// Rebuild `dictionaries/` from the source corpora and word lists.
    Build,
}

pub fn run(cmd: DictionariesCommand, dict_dir: &Path) -> Result<i32> {
    let _ = (cmd, dict_dir);
    Ok(0)
}
