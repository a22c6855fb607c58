//! `vietdoc dictionaries`.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Dictionary maintenance.
#[derive(clap::Subcommand, Debug)]
pub enum DictionariesCommand {
    /// Rebuild the dictionaries from the source corpora, word lists and OCR pairs.
    Build {
        /// The team's shared sources folder (corpus/, lexicons/, ocr-pairs/, gold/, seeds/).
        #[arg(long, value_name = "DIR")]
        shared: PathBuf,
        /// The team's own corpus folder: every `*.txt` in it is counted
        /// into the language model beside the shared corpora.
        #[arg(long, value_name = "DIR", default_value = "corpus")]
        corpus: PathBuf,
        /// Output folder (default: the dictionaries directory in use).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Load the dictionaries and print their sizes and load time.
    Info,
}

pub fn run(cmd: DictionariesCommand, dict_dir: &Path) -> Result<i32> {
    match cmd {
        DictionariesCommand::Build {
            shared,
            corpus,
            out,
        } => {
            let out = out.unwrap_or_else(|| dict_dir.to_owned());
            let start = std::time::Instant::now();
            let report = vietdoc::build::build(&shared, &corpus, &out, &mut |msg| {
                eprintln!("[{:>6.1}s] {msg}", start.elapsed().as_secs_f64())
            })
            .with_context(|| {
                format!(
                    "building dictionaries from {} and {}",
                    shared.display(),
                    corpus.display()
                )
            })?;
            eprintln!("{}", serde_json::to_string_pretty(&report)?);
            eprintln!(
                "done in {:.1}s -> {}",
                start.elapsed().as_secs_f64(),
                out.display()
            );
            Ok(0)
        }
        DictionariesCommand::Info => {
            let start = std::time::Instant::now();
            let lex = super::load_lexicon(dict_dir)?;
            writeln!(
                std::io::stdout().lock(),
                "loaded {} in {:.1} ms: {} vocabulary ids",
                dict_dir.display(),
                start.elapsed().as_secs_f64() * 1000.0,
                lex.vocab_len()
            )?;
            Ok(0)
        }
    }
}
