//! `vietdoc parse`.

use anyhow::Result;
use std::path::{Path, PathBuf};

/// Arguments of `vietdoc parse`.
#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// Input files (`-` or none: stdin).
    pub files: Vec<PathBuf>,
    /// Pretty-print the JSON.
    #[arg(long)]
    pub pretty: bool,
}

pub fn run(args: ParseArgs, dict_dir: &Path) -> Result<i32> {
    let pipeline = vietdoc::Pipeline::new(super::load_lexicon(dict_dir)?);
    let inputs: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    for input in inputs {
        let bytes = super::repair::read_input(&input)?;
        let doc = pipeline.parse_bytes(Some(&input.display().to_string()), &bytes)?;
        let s = if args.pretty {
            serde_json::to_string_pretty(&doc)?
        } else {
            serde_json::to_string(&doc)?
        };
        println!("{s}");
    }
    Ok(0)
}
