//! The parallel, ordered, bounded map at the heart of a batch.
//!
//! Items are pulled from an iterator on the calling thread, processed on a rayon
//! pool, and handed to a sink in input order. At most `window` items are in
//! flight (being processed, or finished and waiting for an earlier one), so
//! memory is bounded by the window, never by the length of the input.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc;

/// Maps `work` over `items` on `pool`, calling `sink` with each result in input
/// order. Stops early (after the in-flight items finish) when `sink` fails.
///
/// The calling thread reads `items` and runs `sink`; it must not be a thread of
/// `pool`. `idle` is called whenever the sink has caught up with every finished
/// item and the caller is about to wait (for input or for a worker): the place to
/// flush buffered output so a streaming consumer sees results promptly.
///
/// # Panics
///
/// A panic in `work` is resumed on the calling thread once it is reported.
pub fn ordered_map<T, R, E>(
    pool: &rayon::ThreadPool,
    window: usize,
    items: impl IntoIterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
    mut idle: impl FnMut() -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let window = window.max(1);
    // A panic in `work` is carried back and resumed on the calling thread, so
    // the caller never waits forever for a result that will not come.
    let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    let work = &work;
    pool.in_place_scope(|scope| {
        let mut items = items.into_iter();
        let mut issued = 0usize;
        let mut written = 0usize;
        let mut exhausted = false;
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        loop {
            // Keep the window full.
            while !exhausted && issued - written < window {
                if issued == written {
                    idle()?;
                }
                match items.next() {
                    Some(item) => {
                        let tx = tx.clone();
                        let index = issued;
                        scope.spawn(move |_| {
                            // The receiver outlives the scope; a send only fails
                            // if the caller already returned an error.
                            let result = catch_unwind(AssertUnwindSafe(|| work(item)));
                            let _ = tx.send((index, result));
                        });
                        issued += 1;
                    }
                    None => exhausted = true,
                }
            }
            if written == issued {
                return idle();
            }
            // The next result in order is not ready: flush, then wait.
            idle()?;
            match rx.recv() {
                Ok((index, Ok(result))) => {
                    pending.insert(index, result);
                }
                Ok((_, Err(panic))) => resume_unwind(panic),
                // Unreachable while `tx` lives; treat as the end.
                Err(_) => return idle(),
            }
            while let Some(result) = pending.remove(&written) {
                written += 1;
                sink(result)?;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("thread pool")
    }

    #[test]
    fn keeps_order_and_bounds_window() {
        for threads in [1, 2, 4] {
            let in_flight = std::sync::atomic::AtomicUsize::new(0);
            let max_seen = std::sync::atomic::AtomicUsize::new(0);
            let mut out = Vec::new();
            let r: Result<(), ()> = ordered_map(
                &pool(threads),
                3,
                0..200u64,
                |i| {
                    use std::sync::atomic::Ordering::SeqCst;
                    let now = in_flight.fetch_add(1, SeqCst) + 1;
                    max_seen.fetch_max(now, SeqCst);
                    // Uneven work so results finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
                    in_flight.fetch_sub(1, SeqCst);
                    i * 2
                },
                |r| {
                    out.push(r);
                    Ok(())
                },
                || Ok(()),
            );
            assert!(r.is_ok());
            assert_eq!(out, (0..200).map(|i| i * 2).collect::<Vec<_>>());
            assert!(max_seen.into_inner() <= 3);
        }
    }

    #[test]
    fn worker_panic_reaches_the_caller() {
        let r = catch_unwind(|| {
            let _: Result<(), ()> = ordered_map(
                &pool(2),
                4,
                0..100,
                |i| assert!(i != 30, "boom"),
                |_| Ok(()),
                || Ok(()),
            );
        });
        assert!(r.is_err());
    }

    #[test]
    fn sink_error_stops() {
        let mut n = 0;
        let r = ordered_map(
            &pool(2),
            4,
            0..1000,
            |i| i,
            |i| {
                n += 1;
                if i == 10 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
            || Ok(()),
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(n, 11);
    }
}
