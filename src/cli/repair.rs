//! `vietdoc repair`.

use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use vietdoc::text::ToneStyle;
use vietdoc::{RepairOptions, Repairer};

/// Arguments of `vietdoc repair`.
#[derive(clap::Args, Debug)]
pub struct RepairArgs {
    /// Input files (`-` or none: stdin).
    pub files: Vec<PathBuf>,
    /// Write the repaired text here instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Tone placement of the output. Repaired words always use it (default
    /// `old`: hòa, thủy, ủy); given explicitly, it also restyles untouched words.
    #[arg(long, value_enum)]
    pub tone_style: Option<ToneStyle>,
    /// Write one JSON line per changed token: alone, to stderr; `--explain=FILE`,
    /// to FILE. The `=` is required, so `--explain input.txt` reads
    /// `input.txt` as an input instead of overwriting it.
    #[arg(
        long,
        value_name = "FILE",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "-"
    )]
    pub explain: Option<PathBuf>,
    /// Leave tokens whose repair confidence is below this value unchanged (0–1).
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub min_confidence: f32,
}

pub fn run(args: RepairArgs, dict_dir: &Path) -> Result<i32> {
    anyhow::ensure!(
        (0.0..=1.0).contains(&args.min_confidence),
        "--min-confidence must be between 0 and 1"
    );
    let mut outputs = Vec::new();
    if let Some(p) = &args.output {
        outputs.push(("-o", p.as_path()));
    }
    if let Some(p) = &args.explain {
        outputs.push(("--explain", p.as_path()));
    }
    super::refuse_clobbering_outputs(&args.files, &outputs)?;
    let lexicon = super::load_lexicon(dict_dir)?;
    let opts = RepairOptions {
        tone_style: args.tone_style.unwrap_or_default(),
        restyle_all: args.tone_style.is_some(),
        min_confidence: args.min_confidence,
    };
    let cache = vietdoc::repair::CandidateCache::default();
    let repairer = Repairer::with_cache(&lexicon, opts, &cache);
    let inputs: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut explain: Option<Box<dyn Write>> = match &args.explain {
        None => None,
        Some(p) if p.as_os_str() == "-" => Some(Box::new(std::io::stderr())),
        Some(p) => Some(Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        ))),
    };
    for input in &inputs {
        let name = input.display().to_string();
        let bytes = read_input(input)?;
        let decoded = vietdoc::text::decode(&bytes, None)
            .with_context(|| format!("{name}: cannot decode"))?;
        let repaired = repairer.repair_text(&decoded.text);
        out.write_all(repaired.text().as_bytes())?;
        if let Some(w) = explain.as_mut() {
            for e in &repaired.edits {
                let mut v = serde_json::to_value(e)?;
                v["file"] = serde_json::Value::String(name.clone());
                writeln!(w, "{v}")?;
            }
        }
    }
    out.flush()?;
    if let Some(w) = explain.as_mut() {
        w.flush()?;
    }
    Ok(0)
}

/// Reads a file, or stdin for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading stdin")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(bytes)
}
