//! Repair throughput on OCR text (seeds 001, 003, 000, 004: raw Tesseract output).
//!
//! `cargo bench --bench repair` reports MB/s of input through `Repairer::repair_text`
//! on one thread, two ways:
//!
//! - `cold`: every iteration starts with an empty cache, as the first document
//!   of a run does;
//! - `warm`: every iteration starts with a cache that repaired the *other*
//!   three seeds, as a later document of a batch finds it (the `repair` and
//!   `parse` commands share one cache per run). The measured document itself
//!   is never in the cache beforehand, so what it shares with the others
//!   (candidates, code rankings, transition scores) is all the cache gives it.

/// The allocator the `vietdoc` binary uses (src/main.rs), so the bench
/// measures what the command runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../src/allocator.rs"]
mod allocator;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use vietdoc::repair::CandidateCache;
use vietdoc::{Lexicon, RepairOptions, Repairer};

const SEEDS: [&str; 4] = [
    "001_8d0248409765ec2d",
    "003_cebd24264a134460",
    "000_ad64dd47668e3eff",
    "004_0181843333fda109",
];

fn bench(c: &mut Criterion) {
    allocator::keep_freed_memory();
    let lex = Lexicon::load(&vietdoc::lexicon::default_dir()).expect("dictionaries");
    let root = env!("CARGO_MANIFEST_DIR");
    let texts: Vec<String> = SEEDS
        .iter()
        .map(|name| {
            std::fs::read_to_string(format!("{root}/fixtures/seeds/{name}.txt")).expect("fixture")
        })
        .collect();
    for mode in ["cold", "warm"] {
        let mut group = c.benchmark_group(format!("repair-{mode}"));
        for (k, name) in SEEDS.iter().enumerate() {
            let text = &texts[k];
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(*name, |b| {
                b.iter_batched_ref(
                    || {
                        let cache = CandidateCache::default();
                        if mode == "warm" {
                            for (j, other) in texts.iter().enumerate() {
                                if j != k {
                                    Repairer::with_cache(&lex, RepairOptions::default(), &cache)
                                        .repair_text(other);
                                }
                            }
                        }
                        cache
                    },
                    |cache| {
                        Repairer::with_cache(&lex, RepairOptions::default(), cache)
                            .repair_text(text)
                    },
                    BatchSize::PerIteration,
                )
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
