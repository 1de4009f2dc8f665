//! The one concurrent part of rinse: an ordered sliding window over a stream of work. Items are done on a pool's
//! threads, their results handed back on the calling thread in item order.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{self, AssertUnwindSafe};
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
/// on the calling thread instead, one after the other. A panic in `work` goes on unwinding on the calling thread
/// when its item's turn comes, as it would with one thread (the caller decides what a panic is: the pipeline turns
/// its own into the document's error), instead of leaving the calling thread waiting for a result that never comes.
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
    let (done_tx, done_rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    pool.in_place_scope(|scope| {
        let mut started = 0usize;
        let mut reported = 0usize;
        let mut waiting: BTreeMap<usize, std::thread::Result<R>> = BTreeMap::new();
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
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    let _ = done.send((index, result));
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
                let result = result.unwrap_or_else(|payload| panic::resume_unwind(payload));
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

    #[test]
    fn a_panic_in_work_reaches_the_caller_instead_of_hanging() {
        // Before, the calling thread waited forever for the result of the item that panicked; the run is on its
        // own thread here so that the test fails by timing out instead of hanging.
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = panic::catch_unwind(|| {
                let mut reported = Vec::new();
                let _: Result<(), ()> = run(
                    &pool(2),
                    0..40,
                    |i| if i == 5 { panic!("item {i}") } else { i },
                    |i| {
                        reported.push(i);
                        Ok(ControlFlow::Continue(()))
                    },
                );
                reported
            });
            let _ = tx.send(outcome.map_err(|payload| payload.downcast_ref::<String>().cloned()));
        });
        let outcome = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the run ends instead of waiting forever");
        assert_eq!(outcome, Err(Some("item 5".to_string())));
    }
}
