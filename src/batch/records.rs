//! `--records DIR`: spreadsheet exports of the extracted records of a whole
//! batch: `references.csv`, `kpis.csv`, `dates.csv`, one row per record.
//!
//! Rows are read from the document's JSON (the `references`, `kpis` and `dates`
//! arrays of contract `vietdoc/1`) rather than from Rust types, so the export
//! follows the contract, not the extractor's internals. Values that are objects
//! or arrays are written as compact JSON; `null` and missing keys as empty cells.

use serde_json::Value;
use std::path::Path;

/// One exported table: its file name, the document array it comes from, and
/// the record keys that become columns (after `source` and `line`).
pub struct Table {
    /// File name inside the records directory.
    pub file: &'static str,
    /// Key of the array in the document JSON.
    pub key: &'static str,
    /// Record keys written as columns, in order.
    pub columns: &'static [&'static str],
}

/// The three exported tables.
pub const TABLES: [Table; 3] = [
    Table {
        file: "references.csv",
        key: "references",
        columns: &[
            "type",
            "number",
            "year",
            "symbol",
            "full",
            "date",
            "issuer",
            "raw",
            "confidence",
        ],
    },
    Table {
        file: "kpis.csv",
        key: "kpis",
        columns: &[
            "label",
            "value",
            "unit",
            "qualifier",
            "out_of",
            "raw",
            "confidence",
        ],
    },
    Table {
        file: "dates.csv",
        key: "dates",
        columns: &["value", "raw"],
    },
];

/// The rows one document contributes, per table of [`TABLES`].
pub type Rows = [Vec<Vec<String>>; 3];

/// Extracts the rows of `doc` (a document's JSON), labelling each with `source`.
pub fn rows(doc: &Value, source: &str) -> Rows {
    TABLES.map(|t| {
        doc.get(t.key)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .map(|item| {
                        let mut row = Vec::with_capacity(t.columns.len() + 2);
                        row.push(source.to_owned());
                        row.push(cell(item.get("line")));
                        row.extend(t.columns.iter().map(|c| cell(item.get(*c))));
                        row
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => number(n),
        Some(other) => other.to_string(),
    }
}

/// A number as a spreadsheet wants it: integers plainly, and floats that came
/// from an `f32` (confidences) in their shortest form (`0.95`, not
/// `0.949999988079071`, which is what widening to `f64` prints).
fn number(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() && f.is_finite() => {
            let narrow = f as f32;
            if f64::from(narrow) == f {
                narrow.to_string()
            } else {
                f.to_string()
            }
        }
        _ => n.to_string(),
    }
}

/// Why the record files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    /// Creating or writing a CSV file failed.
    #[error("writing records to {path}")]
    Csv {
        /// The file.
        path: String,
        /// The CSV or I/O error.
        source: csv::Error,
    },
    /// Creating the directory failed.
    #[error("creating records directory {path}")]
    Dir {
        /// The directory.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The three CSV writers of a batch, written in input order.
pub struct RecordWriters {
    writers: Vec<(String, csv::Writer<std::fs::File>)>,
}

impl RecordWriters {
    /// Creates `dir` and the three files with their header rows.
    pub fn create(dir: &Path) -> Result<RecordWriters, RecordsError> {
        std::fs::create_dir_all(dir).map_err(|source| RecordsError::Dir {
            path: dir.display().to_string(),
            source,
        })?;
        let mut writers = Vec::new();
        for t in &TABLES {
            let path = dir.join(t.file);
            let name = path.display().to_string();
            let err = |source| RecordsError::Csv {
                path: name.clone(),
                source,
            };
            let mut w = csv::Writer::from_path(&path).map_err(err)?;
            let header = ["source", "line"].iter().chain(t.columns.iter());
            w.write_record(header).map_err(err)?;
            writers.push((name, w));
        }
        Ok(RecordWriters { writers })
    }

    /// Appends one document's rows.
    pub fn write(&mut self, rows: &Rows) -> Result<(), RecordsError> {
        for ((name, w), table_rows) in self.writers.iter_mut().zip(rows) {
            for row in table_rows {
                w.write_record(row).map_err(|source| RecordsError::Csv {
                    path: name.clone(),
                    source,
                })?;
            }
        }
        Ok(())
    }

    /// Flushes all three files.
    pub fn flush(&mut self) -> Result<(), RecordsError> {
        for (name, w) in &mut self.writers {
            w.flush().map_err(|e| RecordsError::Csv {
                path: name.clone(),
                source: e.into(),
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_from_json() {
        let doc = serde_json::json!({
            "references": [{"type": "Kế hoạch", "number": "07", "symbol": "KH-UBND",
                            "full": "07/KH-UBND", "line": 12, "raw": "07/KH-UBND", "date": null}],
            "kpis": [{"label": "hồ sơ", "value": 56703, "unit": "hồ sơ", "raw": "56.703 hồ sơ", "line": 3}],
        });
        let r = rows(&doc, "a.txt");
        assert_eq!(r[0].len(), 1);
        assert_eq!(
            r[0][0][..6],
            ["a.txt", "12", "Kế hoạch", "07", "", "KH-UBND"]
        );
        assert_eq!(r[1][0][3], "56703");
        let conf = serde_json::to_value(0.95f32).unwrap();
        assert_eq!(cell(Some(&conf)), "0.95");
        assert_eq!(cell(Some(&serde_json::json!(74e9))), "74000000000");
        assert_eq!(cell(Some(&serde_json::json!(99.9))), "99.9");
        assert!(r[2].is_empty());
    }
}
