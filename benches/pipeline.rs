//! Full-pipeline throughput (decode → repair → layout → extract → JSON) through
//! the batch layer, on 1 and 2 threads.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```
//!
//! The batch is ten *different* OCR documents: the four raw-OCR seeds (000,
//! 001, 003, 004) and the OCR side of the five evaluation pair files (each
//! file's lines in order, one document per file), plus the clean seed 002.
//! Every iteration starts with an empty candidate cache, as a new run does,
//! so nothing one iteration learned speeds up the next; what the documents
//! share within the batch (a run's cache is shared by its documents) is
//! all the cache gives them.

/// The allocator the `vietdoc` binary uses (src/main.rs), so the bench
/// measures what the command runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../src/allocator.rs"]
mod allocator;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::{Duration, Instant};
use vietdoc::batch::{run_batch, BatchOptions, Input};
use vietdoc::repair::CandidateCache;
use vietdoc::{Lexicon, Pipeline};

/// The seeds, then one document per evaluation pair file (its `eng` OCR lines).
fn documents() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let files = |dir: &str, ext: &str| -> Vec<std::path::PathBuf> {
        let mut v: Vec<_> = std::fs::read_dir(format!("{root}/fixtures/{dir}"))
            .expect("fixtures")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(ext))
            .collect();
        v.sort();
        v
    };
    let mut docs: Vec<String> = files("seeds", ".txt")
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    for p in files("pairs", ".jsonl") {
        let text = std::fs::read_to_string(&p).expect("pairs");
        let lines: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["eng"].as_str().map(str::to_owned))
            .collect();
        docs.push(lines.join("\n"));
    }
    docs
}

fn bench(c: &mut Criterion) {
    allocator::keep_freed_memory();
    let lexicon = Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries load");
    let mut pipeline = Pipeline::new(lexicon);
    let docs = documents();
    assert_eq!(docs.len(), 10, "5 seeds and 5 pair files");
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for jobs in [1, 2] {
        group.bench_with_input(BenchmarkId::new("threads", jobs), &jobs, |b, &jobs| {
            let opts = BatchOptions {
                jobs,
                ..BatchOptions::default()
            };
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // A new run: empty cache (the old one is dropped untimed).
                    pipeline.cache = CandidateCache::default();
                    let inputs = docs.iter().enumerate().map(|(i, t)| Input::Record {
                        line: i + 1,
                        id: serde_json::Value::from(i),
                        text: t.clone(),
                    });
                    let mut out = Vec::with_capacity(bytes * 2);
                    let start = Instant::now();
                    run_batch(&pipeline, inputs, &opts, &mut out).expect("batch");
                    total += start.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
