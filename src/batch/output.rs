//! Writing results: where each input's files go under `--out-dir`, atomic
//! writes (temporary file + rename), the `--resume` check, and error records.

use super::ErrorKind;
use serde::Serialize;
use serde_json::Value;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Suffix of temporary files; a run with `--resume` removes strays left by an
/// interrupted run.
pub const TEMP_SUFFIX: &str = ".vietdoc-tmp";

/// The JSON file for an input whose relative path is `rel` (`a/b.txt` →
/// `OUT/a/b.txt.json`: the whole file name is kept so `b.txt` and `b.md` never
/// collide). `..`, root and prefix components are dropped so outputs stay
/// inside `out_dir`.
pub fn json_path(out_dir: &Path, rel: &Path) -> PathBuf {
    let mut p = out_dir.to_path_buf();
    for c in rel.components() {
        if let Component::Normal(part) = c {
            p.push(part);
        }
    }
    append_ext(p, "json")
}

/// The repaired-text file written by `--text` beside the JSON file
/// (`b.txt.json` → `b.txt.repaired.txt`).
pub fn text_path(json_path: &Path) -> PathBuf {
    append_ext(json_path.with_extension(""), "repaired.txt")
}

fn append_ext(p: PathBuf, ext: &str) -> PathBuf {
    let mut s = p.into_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// A file-name-safe version of a JSONL `id` (or `line-N` when it has none).
pub fn id_file_name(id: &Value, line: usize) -> PathBuf {
    let raw = match id {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let safe: String = raw
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    if safe.is_empty() {
        PathBuf::from(format!("line-{line}"))
    } else {
        PathBuf::from(safe.chars().take(200).collect::<String>())
    }
}

/// Writes `contents` to `path` atomically: into a temporary file in the same
/// directory, then renamed over `path`. An interrupted run leaves either the
/// old file, the new file, or a stray `*.vietdoc-tmp`, never a half-written output.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(
        ".{name}.{}.{}{TEMP_SUFFIX}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.flush()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes stray temporary files (ours only: names ending in [`TEMP_SUFFIX`])
/// under `out_dir`; returns how many were removed.
pub fn remove_stray_temps(out_dir: &Path) -> usize {
    walkdir::WalkDir::new(out_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(TEMP_SUFFIX)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// The previous output at `path`, if it is a successful document whose source
/// hash is `sha256` (the `--resume` test). Unreadable or failed outputs are not
/// reused: those inputs are processed again.
pub fn reusable(path: &Path, sha256: &str) -> Option<Value> {
    let bytes = std::fs::read(path).ok()?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    let ok = v.get("error").is_none()
        && v.pointer("/source/sha256").and_then(Value::as_str) == Some(sha256);
    ok.then_some(v)
}

/// `source` of an error record: what is known about an input that failed.
#[derive(Debug, Serialize)]
pub struct ErrorSource {
    /// Path as given, or `null` (stdin, JSONL record).
    pub path: Option<String>,
    /// SHA-256 of the bytes, when they could be read.
    pub sha256: Option<String>,
    /// Size in bytes, when known.
    pub bytes: Option<u64>,
    /// Always `null`: the document was not decoded.
    pub lines: Option<usize>,
    /// The encoding, when decoding got that far.
    pub encoding: Option<String>,
}

/// `error` of an error record.
#[derive(Debug, Serialize)]
pub struct ErrorInfo {
    /// Stable machine-readable kind (see [`ErrorKind::as_str`]).
    pub kind: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

/// The record written in place of a document that could not be processed:
/// `{"id"?, "source": {...}, "error": {"kind", "message"}}`.
#[derive(Debug, Serialize)]
pub struct ErrorRecord<'a> {
    /// The JSONL `id`, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a Value>,
    /// What is known about the input.
    pub source: ErrorSource,
    /// What went wrong.
    pub error: ErrorInfo,
}

impl ErrorRecord<'_> {
    /// Builds an error record.
    pub fn new(
        id: Option<&Value>,
        source: ErrorSource,
        kind: ErrorKind,
        message: String,
    ) -> ErrorRecord<'_> {
        ErrorRecord {
            id,
            source,
            error: ErrorInfo {
                kind: kind.as_str(),
                message,
            },
        }
    }
}

/// A document with the JSONL `id` echoed as its first key.
#[derive(Debug, Serialize)]
pub struct WithId<'a, T: Serialize> {
    /// The JSONL `id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a Value>,
    /// The document.
    #[serde(flatten)]
    pub doc: &'a T,
}

/// Serializes `value` compactly or pretty-printed.
pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> Result<String, (ErrorKind, String)> {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    r.map_err(|e| (ErrorKind::Internal, format!("cannot serialize: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_mirror_and_stay_inside() {
        let out = Path::new("/o");
        assert_eq!(
            json_path(out, Path::new("a/b.txt")),
            Path::new("/o/a/b.txt.json")
        );
        assert_eq!(
            json_path(out, Path::new("../../etc/x")),
            Path::new("/o/etc/x.json")
        );
        assert_eq!(
            text_path(Path::new("/o/a/b.txt.json")),
            Path::new("/o/a/b.txt.repaired.txt")
        );
        assert_eq!(id_file_name(&Value::from("../a b"), 3), Path::new("_a_b"));
        assert_eq!(id_file_name(&Value::Null, 3), Path::new("line-3"));
        assert_eq!(id_file_name(&Value::from(42), 3), Path::new("42"));
    }

    #[test]
    fn atomic_write_and_resume_check() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("x/y.json");
        write_atomic(&p, br#"{"source":{"sha256":"ab"}}"#).expect("write");
        assert!(reusable(&p, "ab").is_some());
        assert!(reusable(&p, "cd").is_none());
        std::fs::write(dir.path().join("x/.y.json.1.2.vietdoc-tmp"), "half").expect("write");
        assert_eq!(remove_stray_temps(dir.path()), 1);
        assert!(p.exists());
    }
}
