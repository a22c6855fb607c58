//! Repair throughput on OCR text (seeds 001, 003, 000, 004: raw Tesseract output).
//!
//! `cargo bench --bench repair` reports MB/s of input through `Repairer::repair_text`
//! on one thread, two ways:
//!
//! - `cold`: every iteration starts with an empty candidate cache, as the first
//!   document of a run does;
//! - `warm`: iterations share one `CandidateCache`, as documents after the first
//!   few of a batch do (the `repair` and `parse` commands share one cache per run).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vietdoc::repair::CandidateCache;
use vietdoc::{Lexicon, RepairOptions, Repairer};

fn bench(c: &mut Criterion) {
    let lex = Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries");
    let root = env!("CARGO_MANIFEST_DIR");
    let cache = CandidateCache::default();
    for mode in ["cold", "warm"] {
        let mut group = c.benchmark_group(format!("repair-{mode}"));
        for name in [
            "001_8d0248409765ec2d",
            "003_cebd24264a134460",
            "000_ad64dd47668e3eff",
            "004_0181843333fda109",
        ] {
            let text = std::fs::read_to_string(format!("{root}/fixtures/seeds/{name}.txt"))
                .expect("fixture");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(name, |b| {
                b.iter(|| match mode {
                    "cold" => Repairer::new(&lex, RepairOptions::default()).repair_text(&text),
                    _ => Repairer::with_cache(&lex, RepairOptions::default(), &cache)
                        .repair_text(&text),
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
