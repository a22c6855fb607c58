//! Full-pipeline throughput (decode → repair → layout → extract → JSON) through
//! the batch layer, on 1 and 2 threads, over a generated batch made from the
//! bundled seed documents.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use vietdoc::batch::{run_batch, BatchOptions, Input};
use vietdoc::{Lexicon, Pipeline};

/// Seeds, each repeated with a numbered first line so every document differs.
fn documents(n: usize) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    seeds.sort();
    (0..n)
        .map(|i| format!("Tài liệu số {i}\n{}", seeds[i % seeds.len()]))
        .collect()
}

fn bench(c: &mut Criterion) {
    let lexicon = Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries load");
    let pipeline = Pipeline::new(lexicon);
    let docs = documents(100);
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
            b.iter(|| {
                let inputs = docs.iter().enumerate().map(|(i, t)| Input::Record {
                    line: i + 1,
                    id: serde_json::Value::from(i),
                    text: t.clone(),
                });
                let mut out = Vec::with_capacity(bytes * 2);
                run_batch(&pipeline, inputs, &opts, &mut out).expect("batch");
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
