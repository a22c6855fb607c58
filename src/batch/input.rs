//! Where documents come from: files, directory trees, raw stdin, or JSONL records
//! on stdin. Inputs are produced lazily, one at a time, so a batch never holds
//! the list of a whole collection's contents in memory.

use super::ErrorKind;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// One document to process.
#[derive(Debug)]
pub enum Input {
    /// A file. `rel` is where its outputs go under `--out-dir`.
    File {
        /// The path to read.
        path: PathBuf,
        /// The path relative to the output directory (mirrors the input tree).
        rel: PathBuf,
    },
    /// All of stdin, one document.
    Stdin,
    /// One `{"id", "text"}` record of JSONL input.
    Record {
        /// 1-based line number in the JSONL stream.
        line: usize,
        /// The `id` as given (any JSON value; `null` when absent).
        id: Value,
        /// The document text.
        text: String,
    },
    /// Something that could not even be turned into an input (a directory that
    /// cannot be listed, a malformed JSONL line); becomes an error record.
    Invalid {
        /// The path, for a file or directory.
        path: Option<String>,
        /// The `id` of a JSONL line (`null` when it could not be read).
        id: Option<Value>,
        /// How to name the input in messages (path, or `stdin:LINE`).
        label: String,
        /// The kind of failure.
        kind: ErrorKind,
        /// What went wrong.
        message: String,
    },
}

/// Why input selection itself failed (bad usage rather than a bad document).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A `--glob` pattern does not parse.
    #[error("invalid glob {pattern:?}")]
    Glob {
        /// The pattern.
        pattern: String,
        /// The parser's error.
        source: globset::Error,
    },
}

/// Compiles `--glob` patterns (matched against paths relative to a directory
/// argument; `*` also crosses `/`, so `*.txt` selects text files at any depth).
pub fn glob_set(patterns: &[String]) -> Result<Option<GlobSet>, InputError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|source| InputError::Glob {
            pattern: p.clone(),
            source,
        })?;
        b.add(glob);
    }
    b.build().map(Some).map_err(|source| InputError::Glob {
        pattern: patterns.join(", "),
        source,
    })
}

/// Expands path arguments into inputs: a file is itself, a directory is every
/// regular file under it (recursively, sorted by name, hidden entries skipped,
/// filtered by `globs`), `-` is stdin. Lazy: directories are walked as the batch
/// consumes inputs.
pub fn expand_paths(
    args: Vec<PathBuf>,
    globs: Option<GlobSet>,
) -> impl Iterator<Item = Input> + Send {
    args.into_iter()
        .flat_map(move |arg| -> Box<dyn Iterator<Item = Input> + Send> {
            if arg.as_os_str() == "-" {
                return Box::new(std::iter::once(Input::Stdin));
            }
            if !arg.is_dir() {
                let rel = PathBuf::from(arg.file_name().unwrap_or(arg.as_os_str()));
                return Box::new(std::iter::once(Input::File { path: arg, rel }));
            }
            let globs = globs.clone();
            let root = arg.clone();
            let walk = walkdir::WalkDir::new(&arg)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            Box::new(walk.filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_file() => {
                    let rel = e
                        .path()
                        .strip_prefix(&root)
                        .unwrap_or(e.path())
                        .to_path_buf();
                    if let Some(g) = &globs {
                        if !g.is_match(&rel) {
                            return None;
                        }
                    }
                    Some(Input::File {
                        path: e.into_path(),
                        rel,
                    })
                }
                Ok(_) => None,
                Err(err) => {
                    Some(Input::Invalid {
                        path: err.path().map(|p| p.display().to_string()),
                        label: err.path().map_or_else(
                            || root.display().to_string(),
                            |p| p.display().to_string(),
                        ),
                        id: None,
                        kind: ErrorKind::Unreadable,
                        message: err.to_string(),
                    })
                }
            }))
        })
}

/// Reads JSONL records (`{"id": …, "text": …}`) one line at a time. Every line
/// gives exactly one input (a malformed or blank line gives an
/// [`Input::Invalid`]) so output line *i* answers input line *i*. A line longer
/// than `max_bytes` is skipped without being held in memory.
pub struct JsonlInputs<R> {
    reader: R,
    line: usize,
    max_bytes: u64,
    done: bool,
}

impl<R: BufRead> JsonlInputs<R> {
    /// Reads records from `reader`, rejecting lines over `max_bytes`.
    pub fn new(reader: R, max_bytes: u64) -> Self {
        JsonlInputs {
            reader,
            line: 0,
            max_bytes,
            done: false,
        }
    }

    fn invalid(&self, id: Option<Value>, kind: ErrorKind, message: String) -> Input {
        Input::Invalid {
            path: None,
            label: format!("stdin:{}", self.line),
            id: Some(id.unwrap_or(Value::Null)),
            kind,
            message,
        }
    }
}

impl<R: BufRead> Iterator for JsonlInputs<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if self.done {
            return None;
        }
        let mut buf = Vec::new();
        let limit = self.max_bytes.saturating_add(1);
        let read = (&mut self.reader).take(limit).read_until(b'\n', &mut buf);
        match read {
            Err(e) => {
                self.done = true;
                self.line += 1;
                return Some(self.invalid(
                    None,
                    ErrorKind::Unreadable,
                    format!("reading stdin: {e}"),
                ));
            }
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(_) => {}
        }
        self.line += 1;
        if buf.last() != Some(&b'\n') && buf.len() as u64 >= limit {
            // Too long: skip to the end of the line without keeping it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                match (&mut self.reader)
                    .take(1 << 16)
                    .read_until(b'\n', &mut sink)
                {
                    Ok(0) => break,
                    Ok(_) if sink.last() == Some(&b'\n') => break,
                    Ok(_) => continue,
                    Err(_) => break,
                }
            }
            return Some(self.invalid(
                None,
                ErrorKind::TooLarge,
                format!(
                    "JSONL line is longer than the limit of {} bytes",
                    self.max_bytes
                ),
            ));
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        let value: Value = match serde_json::from_slice(&buf) {
            Ok(v) => v,
            Err(e) => {
                return Some(self.invalid(
                    None,
                    ErrorKind::BadRecord,
                    format!("not a JSON object: {e}"),
                ))
            }
        };
        let Value::Object(mut obj) = value else {
            return Some(self.invalid(
                None,
                ErrorKind::BadRecord,
                "expected a JSON object {\"id\": …, \"text\": …}".to_owned(),
            ));
        };
        let id = obj.remove("id").unwrap_or(Value::Null);
        match obj.remove("text") {
            Some(Value::String(text)) => Some(Input::Record {
                line: self.line,
                id,
                text,
            }),
            _ => Some(self.invalid(
                Some(id),
                ErrorKind::BadRecord,
                "the record has no string field \"text\"".to_owned(),
            )),
        }
    }
}

/// Reads a whole file, refusing (before reading, from its metadata) files larger
/// than `max_bytes`.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, (ErrorKind, String)> {
    let unreadable = |e: std::io::Error| (ErrorKind::Unreadable, format!("cannot read: {e}"));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    read_limited(file, max_bytes).map_err(|e| match e {
        Limited::Io(e) => unreadable(e),
        Limited::TooLarge => too_large(max_bytes.saturating_add(1), max_bytes),
    })
}

/// Reads all of stdin, refusing more than `max_bytes`.
pub fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, (ErrorKind, String)> {
    read_limited(std::io::stdin().lock(), max_bytes).map_err(|e| match e {
        Limited::Io(e) => (ErrorKind::Unreadable, format!("cannot read stdin: {e}")),
        Limited::TooLarge => too_large(max_bytes.saturating_add(1), max_bytes),
    })
}

fn too_large(size: u64, max: u64) -> (ErrorKind, String) {
    (
        ErrorKind::TooLarge,
        format!("input is {size} bytes or more, over the limit of {max} bytes (--max-bytes)"),
    )
}

enum Limited {
    Io(std::io::Error),
    TooLarge,
}

fn read_limited(r: impl Read, max_bytes: u64) -> Result<Vec<u8>, Limited> {
    let mut buf = Vec::new();
    r.take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(Limited::Io)?;
    if buf.len() as u64 > max_bytes {
        return Err(Limited::TooLarge);
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_one_input_per_line() {
        let data =
            "{\"id\":1,\"text\":\"a\"}\n\nnot json\n{\"id\":\"x\"}\n{\"id\":2,\"text\":\"b\"}";
        let inputs: Vec<Input> = JsonlInputs::new(data.as_bytes(), 1000).collect();
        assert_eq!(inputs.len(), 5);
        assert!(matches!(&inputs[0], Input::Record { line: 1, text, .. } if text == "a"));
        assert!(matches!(
            &inputs[1],
            Input::Invalid {
                kind: ErrorKind::BadRecord,
                ..
            }
        ));
        assert!(matches!(
            &inputs[2],
            Input::Invalid {
                kind: ErrorKind::BadRecord,
                ..
            }
        ));
        assert!(matches!(
            &inputs[3],
            Input::Invalid {
                id: Some(Value::String(_)),
                ..
            }
        ));
        assert!(matches!(&inputs[4], Input::Record { line: 5, .. }));
    }

    #[test]
    fn jsonl_long_line_is_skipped() {
        let long = format!(
            "{{\"id\":1,\"text\":\"{}\"}}\n{{\"id\":2,\"text\":\"ok\"}}\n",
            "x".repeat(500)
        );
        let inputs: Vec<Input> = JsonlInputs::new(long.as_bytes(), 100).collect();
        assert_eq!(inputs.len(), 2);
        assert!(matches!(
            &inputs[0],
            Input::Invalid {
                kind: ErrorKind::TooLarge,
                ..
            }
        ));
        assert!(matches!(&inputs[1], Input::Record { line: 2, .. }));
    }
}
