//! Batch processing: many inputs through the pipeline, in parallel, with output
//! in input order.
//!
//! * [`input`] turns arguments (files, directory trees, stdin, JSONL records)
//!   into a lazy stream of [`Input`]s.
//! * [`ordered`] is the bounded parallel map that keeps input order.
//! * [`run`] processes one input (isolating every failure into an error record)
//!   and drives a whole batch: [`run::run_batch`].
//! * [`output`] places, writes (atomically) and reuses (`--resume`) outputs.
//! * [`records`] exports references, KPIs and dates as CSV.
//! * [`progress`] is the terminal progress bar.

pub mod input;
pub mod ordered;
pub mod output;
pub mod progress;
pub mod records;
pub mod run;

pub use input::Input;
pub use run::{run_batch, BatchError, BatchOptions, Status, Summary};

/// Default `--max-bytes`: inputs larger than this are rejected unread.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why one input failed; `as_str` is the `error.kind` of its error record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file or stream could not be read (missing, permissions, I/O error).
    Unreadable,
    /// Larger than `--max-bytes`.
    TooLarge,
    /// Zero bytes.
    Empty,
    /// Looks like binary data (NUL bytes).
    Binary,
    /// Not text in any supported encoding.
    Undecodable,
    /// A JSONL line that is not an `{"id", "text"}` object.
    BadRecord,
    /// The output file could not be written.
    Write,
    /// A bug: a stage panicked or output could not be serialized.
    Internal,
}

impl ErrorKind {
    /// The stable name written in error records.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::Undecodable => "undecodable",
            ErrorKind::BadRecord => "bad-record",
            ErrorKind::Write => "write",
            ErrorKind::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
