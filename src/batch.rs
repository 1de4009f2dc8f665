//! The one concurrent part of rinse: an ordered sliding window over a stream of work. Items are done on a pool's
//! threads, their results handed back on the calling thread in item order.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::mpsc;

/// How many items may be in flight or waiting for their turn, per thread: bounds memory on huge batches while
/// keeping every thread busy behind a slow item.
pub const WINDOW_PER_THREAD: usize = 16;

/// Runs `work` on each item of `items` on the threads of `pool` and hands each result to `report`, in the order of
/// the items, on the calling thread. At most [`WINDOW_PER_THREAD`] items per thread are in flight or waiting to be
/// reported; a new item starts as soon as one is reported, so no thread waits for a slow item of another batch.
/// `items` is pulled on the calling thread, in order, only as the window has room.
///
/// `report` stops the run by returning `ControlFlow::Break` (the reader went away) or an error: no item starts
/// after that, and the results of items already started are dropped. With a pool of one thread, the items are done
/// on the calling thread instead, one after the other.
pub fn run<T, R, E>(
    pool: &rayon::ThreadPool,
    items: impl Iterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut report: impl FnMut(R) -> Result<ControlFlow<()>, E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    if pool.current_num_threads() == 1 {
        // Handing each item to a single worker thread and back costs more (a wake-up per item, its bytes read
        // again on another core) than overlapping the reading of the next item with the work gains.
        for item in items {
            if report(work(item))?.is_break() {
                break;
            }
        }
        return Ok(());
    }
    let window = WINDOW_PER_THREAD * pool.current_num_threads();
    let work = &work;
    let mut items = items.fuse();
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    pool.in_place_scope(|scope| {
        let mut started = 0usize;
        let mut reported = 0usize;
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        loop {
            while started - reported < window {
                let Some(item) = items.next() else {
                    break;
                };
                let done = done_tx.clone();
                let index = started;
                started += 1;
                scope.spawn(move |_| {
                    // The receiver only goes away when the run stopped, and then nothing more is reported.
                    let _ = done.send((index, work(item)));
                });
            }
            if reported == started {
                return Ok(());
            }
            let Ok((index, result)) = done_rx.recv() else {
                return Ok(());
            };
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&reported) {
                reported += 1;
                if report(result)?.is_break() {
                    return Ok(());
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a test pool starts")
    }

    #[test]
    fn results_come_back_in_item_order() {
        for threads in [1, 4] {
            let mut seen = Vec::new();
            // Early items take longest, so they finish after later ones.
            let work = |i: u64| {
                std::thread::sleep(std::time::Duration::from_micros((100 - i) * 20));
                i * 2
            };
            let result: Result<(), ()> = run(&pool(threads), 0..100u64, work, |r| {
                seen.push(r);
                Ok(ControlFlow::Continue(()))
            });
            assert_eq!(result, Ok(()));
            assert_eq!(seen, (0..100).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn break_stops_taking_items() {
        for threads in [1, 2] {
            let taken = std::sync::atomic::AtomicUsize::new(0);
            let items = (0..10_000).inspect(|_| {
                taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            });
            let mut reported = 0;
            let result: Result<(), ()> = run(
                &pool(threads),
                items,
                |i| i,
                |_| {
                    reported += 1;
                    Ok(if reported == 3 {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    })
                },
            );
            assert_eq!(result, Ok(()));
            assert_eq!(reported, 3);
            assert!(taken.into_inner() <= 3 + WINDOW_PER_THREAD * threads);
        }
    }

    #[test]
    fn an_error_from_report_ends_the_run() {
        let result = run(
            &pool(2),
            0..50,
            |i| i,
            |i| {
                if i == 7 {
                    Err(i)
                } else {
                    Ok(ControlFlow::Continue(()))
                }
            },
        );
        assert_eq!(result, Err(7));
    }
}
