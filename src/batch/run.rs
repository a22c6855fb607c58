//! One input through the pipeline with every failure isolated, and a whole
//! batch through the ordered parallel map.

use super::input::{self, Input};
use super::ordered::ordered_map;
use super::output::{self, ErrorRecord, ErrorSource, WithId};
use super::progress::Progress;
use super::records::{self, RecordWriters, RecordsError, Rows};
use super::ErrorKind;
use crate::output::Document;
use crate::pipeline::{sha256_hex, Pipeline, PipelineError};
use crate::text::DecodeError;
use serde_json::Value;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How a batch runs and where it writes.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Worker threads (0: one per core).
    pub jobs: usize,
    /// Inputs larger than this are rejected without being read.
    pub max_bytes: u64,
    /// Write one JSON file per input here (mirroring the input tree) instead of
    /// JSONL on the output stream.
    pub out_dir: Option<PathBuf>,
    /// With `out_dir`: skip inputs whose output exists with the same source hash.
    pub resume: bool,
    /// With `out_dir`: also write the repaired text beside each JSON file.
    pub write_text: bool,
    /// Write `references.csv`, `kpis.csv`, `dates.csv` here.
    pub records_dir: Option<PathBuf>,
    /// Pretty-print JSON.
    pub pretty: bool,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Known totals (documents, bytes) for the progress bar's ETA.
    pub progress_totals: Option<(u64, u64)>,
    /// Print one line per failed input on stderr.
    pub report_failures: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            jobs: 0,
            max_bytes: super::DEFAULT_MAX_BYTES,
            out_dir: None,
            resume: false,
            write_text: false,
            records_dir: None,
            pretty: false,
            progress: false,
            progress_totals: None,
            report_failures: false,
        }
    }
}

/// How one input ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Parsed.
    Ok,
    /// Parsed, but the result looks unreliable (see [`document_is_low_quality`]).
    LowQuality,
    /// Skipped by `--resume`: an up-to-date output already exists.
    Resumed,
    /// Not parsed; an error record was written.
    Failed,
}

/// Counts for the final summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs seen.
    pub documents: u64,
    /// Inputs parsed or resumed (includes `low_quality` and `resumed`).
    pub ok: u64,
    /// Parsed inputs whose result looks unreliable.
    pub low_quality: u64,
    /// Inputs skipped because their output was up to date.
    pub resumed: u64,
    /// Inputs that produced an error record.
    pub failed: u64,
    /// Input bytes processed.
    pub bytes: u64,
    /// Stray temporary files removed by `--resume`.
    pub stray_temps_removed: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        let mbps = if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        };
        write!(
            f,
            "{} documents: {} ok ({} resumed), {} failed, {} low quality; {:.1} MB in {:.2} s ({:.1} MB/s)",
            self.documents,
            self.ok,
            self.resumed,
            self.failed,
            self.low_quality,
            self.bytes as f64 / 1e6,
            secs,
            mbps
        )
    }
}

/// Why a batch as a whole stopped (a bad document never stops a batch).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// Writing the output stream failed.
    #[error("writing output")]
    Output(#[source] std::io::Error),
    /// Writing the record CSV files failed.
    #[error(transparent)]
    Records(#[from] RecordsError),
    /// The worker threads could not be started.
    #[error("starting worker threads")]
    Threads(#[from] rayon::ThreadPoolBuildError),
}

/// The result of processing one input, handed back in input order.
struct Outcome {
    status: Status,
    /// The JSON line for the output stream (none with `--out-dir`).
    json: Option<String>,
    /// Extracted record rows, with `--records`.
    rows: Option<Rows>,
    bytes: u64,
    /// Label and message of a failure, for the stderr report.
    failure: Option<(String, String)>,
}

/// What identifies an input in outputs.
struct Described {
    path: Option<String>,
    id: Option<Value>,
    label: String,
}

impl Described {
    /// The `source` of an error record for this input, before anything about
    /// its bytes is known.
    fn source(&self) -> ErrorSource {
        ErrorSource {
            path: self.path.clone(),
            sha256: None,
            bytes: None,
            lines: None,
            encoding: None,
        }
    }
}

fn describe(input: &Input) -> Described {
    match input {
        Input::File { path, .. } => {
            let p = path.display().to_string();
            Described {
                path: Some(p.clone()),
                id: None,
                label: p,
            }
        }
        Input::Stdin => Described {
            path: None,
            id: None,
            label: "-".to_owned(),
        },
        Input::Record { id, line, .. } => Described {
            path: None,
            id: Some(id.clone()),
            label: id_label(id, *line),
        },
        Input::Invalid {
            path, id, label, ..
        } => Described {
            path: path.clone(),
            id: id.clone(),
            label: label.clone(),
        },
    }
}

fn id_label(id: &Value, line: usize) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Null if line > 0 => format!("stdin:{line}"),
        other => other.to_string(),
    }
}

/// A parsed document is *low quality* when more than half of its lines are
/// unparsed, or when it has more low-confidence tokens than half its lines.
pub fn document_is_low_quality(doc: &Document) -> bool {
    let lines = doc.source.lines;
    lines > 0
        && (doc.quality.unparsed_lines * 2 > lines || doc.quality.low_confidence_tokens * 2 > lines)
}

/// Processes one input; never panics and never fails: every failure becomes an
/// error record.
fn process(pipeline: &Pipeline, opts: &BatchOptions, input: Input) -> Outcome {
    let d = describe(&input);
    match catch_unwind(AssertUnwindSafe(|| {
        process_inner(pipeline, opts, input, &d)
    })) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            failure(
                opts,
                &d,
                None,
                d.source(),
                ErrorKind::Internal,
                format!("internal error (panic): {msg}"),
            )
        }
    }
}

/// Builds the outcome of a failed input (writing its error record to the
/// output directory when there is one).
fn failure(
    opts: &BatchOptions,
    d: &Described,
    out_file: Option<&PathBuf>,
    source: ErrorSource,
    kind: ErrorKind,
    message: String,
) -> Outcome {
    let bytes = source.bytes.unwrap_or(0);
    let report = Some((d.label.clone(), format!("{kind}: {message}")));
    let record = ErrorRecord::new(d.id.as_ref(), source, kind, message);
    let json = output::to_json(&record, opts.pretty).unwrap_or_else(|(_, m)| {
        serde_json::json!({"error": {"kind": "internal", "message": m}}).to_string()
    });
    let json = match out_file {
        Some(p) => {
            let mut body = json.into_bytes();
            body.push(b'\n');
            // Best effort: the failure is reported either way.
            let _ = output::write_atomic(p, &body);
            None
        }
        None if opts.out_dir.is_some() => None,
        None => Some(json),
    };
    Outcome {
        status: Status::Failed,
        json,
        rows: None,
        bytes,
        failure: report,
    }
}

fn process_inner(pipeline: &Pipeline, opts: &BatchOptions, input: Input, d: &Described) -> Outcome {
    let (rel, read) = match input {
        Input::File { path, rel } => (rel, input::read_file(&path, opts.max_bytes)),
        Input::Stdin => (PathBuf::from("stdin"), input::read_stdin(opts.max_bytes)),
        Input::Record { line, id, text } => {
            (output::id_file_name(&id, line), Ok(text.into_bytes()))
        }
        Input::Invalid { kind, message, .. } => {
            return failure(opts, d, None, d.source(), kind, message);
        }
    };
    let out_file = opts
        .out_dir
        .as_ref()
        .map(|dir| output::json_path(dir, &rel));
    let mut source = d.source();
    let bytes = match read {
        Ok(b) => b,
        Err((kind, message)) => return failure(opts, d, out_file.as_ref(), source, kind, message),
    };
    source.bytes = Some(bytes.len() as u64);
    if bytes.is_empty() {
        return failure(
            opts,
            d,
            out_file.as_ref(),
            source,
            ErrorKind::Empty,
            "the input is empty".to_owned(),
        );
    }
    let sha = sha256_hex(&bytes);
    let rows_of = |v: &Value| {
        opts.records_dir
            .as_ref()
            .map(|_| records::rows(v, &d.label))
    };

    // --resume: reuse an up-to-date output.
    if let (true, Some(json_file)) = (opts.resume, out_file.as_ref()) {
        let text_ok = !opts.write_text || output::text_path(json_file).exists();
        if let Some(prev) = output::reusable(json_file, &sha).filter(|_| text_ok) {
            return Outcome {
                status: Status::Resumed,
                json: None,
                rows: rows_of(&prev),
                bytes: bytes.len() as u64,
                failure: None,
            };
        }
    }

    let doc = match pipeline.parse_bytes_hashed(d.path.as_deref(), &bytes, sha.clone()) {
        Ok(doc) => doc,
        Err(err) => {
            let kind = match &err {
                PipelineError::Decode(DecodeError::Binary { .. }) => ErrorKind::Binary,
                PipelineError::Decode(DecodeError::Invalid { .. }) => ErrorKind::Undecodable,
            };
            source.sha256 = Some(sha);
            return failure(opts, d, out_file.as_ref(), source, kind, err.to_string());
        }
    };
    source.sha256 = Some(sha);
    // The document as a JSON value, only for the record rows.
    let value = if opts.records_dir.is_some() {
        match serde_json::to_value(&doc) {
            Ok(v) => Some(v),
            Err(e) => {
                let msg = format!("cannot serialize the document: {e}");
                return failure(opts, d, out_file.as_ref(), source, ErrorKind::Internal, msg);
            }
        }
    } else {
        None
    };
    let status = if document_is_low_quality(&doc) {
        Status::LowQuality
    } else {
        Status::Ok
    };
    let json = match output::to_json(
        &WithId {
            id: d.id.as_ref(),
            doc: &doc,
        },
        opts.pretty,
    ) {
        Ok(j) => j,
        Err((kind, msg)) => return failure(opts, d, out_file.as_ref(), source, kind, msg),
    };
    let rows = value.as_ref().and_then(rows_of);
    let Some(json_file) = out_file else {
        return Outcome {
            status,
            json: Some(json),
            rows,
            bytes: bytes.len() as u64,
            failure: None,
        };
    };
    let mut body = json.into_bytes();
    body.push(b'\n');
    let mut written = output::write_atomic(&json_file, &body);
    if opts.write_text && written.is_ok() {
        written = output::write_atomic(&output::text_path(&json_file), doc.text.as_bytes());
    }
    if let Err(e) = written {
        let msg = format!("cannot write {}: {e}", json_file.display());
        return failure(opts, d, None, source, ErrorKind::Write, msg);
    }
    Outcome {
        status,
        json: None,
        rows,
        bytes: bytes.len() as u64,
        failure: None,
    }
}

/// Runs a batch: every input through `pipeline` on `opts.jobs` threads, results
/// in input order as JSON lines on `out` (or files under `opts.out_dir`).
///
/// Only output failures stop a batch; a bad input becomes an error record.
pub fn run_batch(
    pipeline: &Pipeline,
    inputs: impl IntoIterator<Item = Input>,
    opts: &BatchOptions,
    out: &mut dyn Write,
) -> Result<Summary, BatchError> {
    let start = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .thread_name(|i| format!("vietdoc-{i}"))
        .build()?;
    let window = pool.current_num_threads().max(1) * 4;
    let mut summary = Summary::default();
    if let (true, Some(dir)) = (opts.resume, opts.out_dir.as_ref()) {
        summary.stray_temps_removed = output::remove_stray_temps(dir) as u64;
    }
    let mut records = match &opts.records_dir {
        Some(dir) => Some(RecordWriters::create(dir)?),
        None => None,
    };
    let mut progress = Progress::new(opts.progress, opts.progress_totals);
    // The sink writes and the idle hook flushes the same stream.
    let stream = std::cell::RefCell::new((out, false));

    let result = ordered_map(
        &pool,
        window,
        inputs,
        |input| process(pipeline, opts, input),
        |o: Outcome| -> Result<(), BatchError> {
            summary.documents += 1;
            summary.bytes += o.bytes;
            match o.status {
                Status::Ok => summary.ok += 1,
                Status::LowQuality => {
                    summary.ok += 1;
                    summary.low_quality += 1
                }
                Status::Resumed => {
                    summary.ok += 1;
                    summary.resumed += 1
                }
                Status::Failed => summary.failed += 1,
            }
            if let Some(json) = &o.json {
                let mut s = stream.borrow_mut();
                s.0.write_all(json.as_bytes()).map_err(BatchError::Output)?;
                s.0.write_all(b"\n").map_err(BatchError::Output)?;
                s.1 = true;
            }
            if let (Some(w), Some(rows)) = (records.as_mut(), o.rows.as_ref()) {
                w.write(rows)?;
            }
            if let (true, Some((label, msg))) = (opts.report_failures, &o.failure) {
                let line = format!("vietdoc: {label}: {msg}");
                progress.println(&line);
            }
            progress.inc(o.bytes);
            Ok(())
        },
        || {
            let mut s = stream.borrow_mut();
            if s.1 {
                s.0.flush().map_err(BatchError::Output)?;
                s.1 = false;
            }
            Ok(())
        },
    );
    progress.finish();
    result?;
    stream.into_inner().0.flush().map_err(BatchError::Output)?;
    if let Some(w) = records.as_mut() {
        w.flush()?;
    }
    summary.elapsed = start.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Source;
    use crate::repair::Repaired;

    fn doc(lines: usize, unparsed: usize, low_confidence: usize) -> Document {
        let source = Source {
            path: None,
            sha256: String::new(),
            bytes: 0,
            lines,
            encoding: "utf-8".to_owned(),
        };
        let mut d = Document::build(
            source,
            &Repaired::default(),
            crate::layout::Layout::default(),
        );
        d.quality.unparsed_lines = unparsed;
        d.quality.low_confidence_tokens = low_confidence;
        d
    }

    #[test]
    fn low_quality_is_more_than_half_the_lines_unparsed_or_doubtful() {
        // (lines, unparsed lines, low-confidence tokens, low quality?)
        for (lines, unparsed, low, want) in [
            (0, 0, 0, false),
            (0, 3, 3, false),
            (10, 5, 0, false),
            (10, 6, 0, true),
            (10, 0, 5, false),
            (10, 0, 6, true),
            (10, 5, 5, false),
            (1, 1, 0, true),
        ] {
            assert_eq!(
                document_is_low_quality(&doc(lines, unparsed, low)),
                want,
                "{lines} {unparsed} {low}"
            );
        }
    }
}
