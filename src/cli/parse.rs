//! `vietdoc parse`: one document or a whole collection, in parallel, in order.

use anyhow::{bail, Context, Result};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use vietdoc::batch::{self, input, BatchOptions, Input};
use vietdoc::text::Encoding;

/// How stdin is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Raw text: all of stdin is one document.
    Text,
    /// One `{"id": …, "text": …}` object per line; one output line per input line.
    Jsonl,
}

/// Arguments of `vietdoc parse`.
#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// Input files and directories (searched recursively); `-` or none: stdin.
    pub files: Vec<PathBuf>,
    /// How to read stdin: `text` (one document) or `jsonl` (streaming mapper).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,
    /// Only files under directory arguments whose relative path matches (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Write the JSON stream here instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write one JSON file per input under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Skip inputs whose output in --out-dir exists with the same source hash.
    #[arg(long, requires = "out_dir")]
    pub resume: bool,
    /// Also write the repaired text beside each JSON file (needs --out-dir).
    #[arg(long, requires = "out_dir")]
    pub text: bool,
    /// Write references.csv, kpis.csv and dates.csv for the whole batch into DIR.
    #[arg(long, value_name = "DIR")]
    pub records: Option<PathBuf>,
    /// Input encoding (default: detect): utf-8, utf-8-bom, utf-16le, utf-16be,
    /// windows-1258, tcvn3, vni.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<Encoding>,
    /// Reject inputs larger than this many bytes (suffixes K, M, G accepted).
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,
    /// Pretty-print the JSON.
    #[arg(long)]
    pub pretty: bool,
    /// No progress bar and no summary line.
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

/// Parses a byte count such as `1048576`, `512K`, `64M` or `2G` (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, mult) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                'B' => 1,
                _ => return Err(format!("unknown size suffix in {s:?}")),
            };
            (&s[..i], m)
        }
        _ => (s, 1),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("not a size: {s:?}"))?;
    n.checked_mul(mult)
        .ok_or_else(|| format!("size too large: {s:?}"))
}

/// Runs `vietdoc parse`; returns the exit code (0 all ok, 1 some inputs failed).
pub fn run(args: ParseArgs, dict_dir: &Path) -> Result<i32> {
    let stdin_only = args.files.is_empty() || args.files.iter().all(|f| f.as_os_str() == "-");
    if args.input_format == InputFormat::Jsonl {
        if !stdin_only {
            bail!("--input-format jsonl reads stdin; do not give files");
        }
        if args.encoding.is_some() {
            bail!(
                "--encoding does not apply to --input-format jsonl (JSON text is already Unicode)"
            );
        }
    }
    if let Some(p) = &args.output {
        super::refuse_clobbering_outputs(&args.files, &[("-o", p.as_path())])?;
    }
    let globs = input::glob_set(&args.glob)?;
    let mut pipeline = vietdoc::Pipeline::new(super::load_lexicon(dict_dir)?);
    pipeline.encoding = args.encoding;

    let progress = !args.quiet && std::io::stderr().is_terminal();
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let totals = if progress && !stdin_only {
        let (mut n, mut bytes) = (0u64, 0u64);
        for i in input::expand_paths(files.clone(), globs.clone()) {
            n += 1;
            if let Input::File { path, .. } = &i {
                bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            }
        }
        Some((n, bytes))
    } else {
        None
    };
    let opts = BatchOptions {
        jobs: args.jobs,
        max_bytes: args.max_bytes,
        out_dir: args.out_dir.clone(),
        resume: args.resume,
        write_text: args.text,
        records_dir: args.records.clone(),
        pretty: args.pretty,
        progress,
        progress_totals: totals,
        report_failures: !args.quiet,
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let result = match args.input_format {
        InputFormat::Jsonl => {
            let stdin = std::io::stdin().lock();
            let inputs = input::JsonlInputs::new(std::io::BufReader::new(stdin), args.max_bytes);
            batch::run_batch(&pipeline, inputs, &opts, &mut out)
        }
        InputFormat::Text => {
            let inputs = input::expand_paths(files, globs);
            batch::run_batch(&pipeline, inputs, &opts, &mut out)
        }
    };
    // A reader that went away (`vietdoc parse dir | head`) ends the run
    // quietly in `main`, as for every command.
    let summary = result?;
    if !args.quiet {
        eprintln!("vietdoc: {summary}");
    }
    Ok(if summary.failed > 0 { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10"), Ok(10));
        assert_eq!(parse_size("2K"), Ok(2048));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert!(parse_size("x").is_err());
    }
}
