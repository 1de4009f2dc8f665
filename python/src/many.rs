//! `clean_many`: documents cleaned in parallel on Rust threads while Python waits with the GIL released, yielded
//! in input order through a sliding window (as `rinse clean` runs a batch), with a `Failure` in place of a bad
//! item, and stopped by Ctrl-C. Within the window the largest document starts first.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator};

use rinse::{Cleaned, Error};

use crate::convert::{self, BadItem};
use crate::engine::{Engine, EngineKey, Request};
use crate::types::{Document, Failure};

/// Documents in flight or waiting for their turn, per thread: bounds memory (as `rinse clean` does) while a slow
/// document never holds up the others.
const WINDOW_PER_THREAD: usize = 16;

/// How often a wait for the next result looks for a signal (Ctrl-C) to deliver.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Cleans many documents in parallel and yields the results in input order.
///
/// Items are `str`, `bytes`, or dicts with the document under `content` (kind sniffed), `html` or `markdown`,
/// and optionally `url` and `source`; a dict's other keys come back in `Document.extra` (and `to_dict()`). An
/// item that cannot be cleaned (wrong type, empty, binary) yields a `Failure` in its place and the rest go on.
/// `jobs` threads clean (default: the configuration's `jobs`, else one per core), with the GIL released; items
/// are read from `items` as the window of work moves on, so a generator of millions of documents runs in bounded
/// memory. Ctrl-C raises `KeyboardInterrupt` from the loop and stops the work.
#[pyfunction]
#[pyo3(signature = (items, *, jobs=None, input_format=None, images=None, select=None, ignore=None, config=None))]
#[allow(
    clippy::too_many_arguments,
    reason = "Python keyword arguments, one per setting"
)]
pub fn clean_many(
    items: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    input_format: Option<String>,
    images: Option<bool>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    config: Option<std::path::PathBuf>,
) -> PyResult<CleanMany> {
    let items = items.try_iter()?.unbind();
    let request = Request::new(
        EngineKey::new(config, select, ignore),
        input_format.as_deref(),
        images,
    )?;
    let engine = request.engine()?;
    let jobs = jobs.or(engine.settings(&request).jobs).unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("rinse-{i}"))
        .build()
        .map_err(|err| PyRuntimeError::new_err(format!("starting the worker threads: {err}")))?;
    let window = WINDOW_PER_THREAD * pool.current_num_threads();
    let (done_tx, done_rx) = channel();
    Ok(CleanMany {
        state: Mutex::new(State {
            items: Some(items),
            engine,
            request: Arc::new(request),
            pool,
            queue: Arc::new(Queue::default()),
            done_tx,
            done_rx: Some(done_rx),
            window,
            pulled: 0,
            yielded: 0,
            waiting: BTreeMap::new(),
            cancel: Arc::new(AtomicBool::new(false)),
            finished: false,
        }),
    })
}

/// The documents of the window waiting for a thread, started largest first.
///
/// Started in input order, a large document near the end of the input runs alone while the other threads have
/// nothing left: on the 61 AEB dev pages (the largest two are 10% of the bytes each and come 51st and 58th) two
/// threads would finish at best 1.89 times faster than one, against 1.99 largest first (a simulation of the window
/// with a page's bytes for its time). The results are yielded in input order all the same.
#[derive(Default)]
struct Queue {
    jobs: Mutex<BinaryHeap<Job>>,
}

/// A document to clean, ordered by size, then earliest first.
struct Job {
    size: usize,
    index: usize,
    doc: rinse::read::RawDocument,
}

impl Job {
    fn key(&self) -> (usize, Reverse<usize>) {
        (self.size, Reverse(self.index))
    }
}

impl PartialEq for Job {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Job {}

impl PartialOrd for Job {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Job {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl Queue {
    fn push(&self, job: Job) {
        self.lock().push(job);
    }

    /// The largest job waiting. Each job pushed is followed by one task that pops, so a task always finds one.
    fn pop(&self) -> Option<Job> {
        self.lock().pop()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BinaryHeap<Job>> {
        // A task that panicked while holding the lock left the heap whole (push and pop do not unwind midway).
        self.jobs
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// The iterator `clean_many` returns.
#[pyclass(module = "rinse", frozen)]
pub struct CleanMany {
    state: Mutex<State>,
}

/// A finished document, or the failure of an item.
type Outcome = Result<Cleaned, Error>;

/// What an item of the window is: being cleaned, cleaned, or bad from the start.
enum Slot {
    Running {
        source_given: bool,
        extra: Option<Py<PyDict>>,
        source: Option<String>,
    },
    Done {
        /// Boxed: a cleaned document is large, and most slots of the window are still running.
        outcome: Box<Outcome>,
        source_given: bool,
        extra: Option<Py<PyDict>>,
        source: Option<String>,
    },
    Bad(BadItem),
}

struct State {
    /// The items not read yet; `None` once exhausted.
    items: Option<Py<PyIterator>>,
    engine: Arc<Engine>,
    request: Arc<Request>,
    pool: rayon::ThreadPool,
    /// The documents started and not taken by a thread yet.
    queue: Arc<Queue>,
    done_tx: Sender<(usize, Outcome)>,
    /// Taken out while waiting without the GIL (a receiver cannot be shared between threads).
    done_rx: Option<Receiver<(usize, Outcome)>>,
    window: usize,
    /// Items read so far; the next one gets this index.
    pulled: usize,
    /// Results yielded so far; the next one to yield has this index.
    yielded: usize,
    /// The items read and not yielded yet, by index.
    waiting: BTreeMap<usize, Slot>,
    /// Set on Ctrl-C, an error, or when the iterator goes away: queued documents are skipped.
    cancel: Arc<AtomicBool>,
    finished: bool,
}

#[pymethods]
impl CleanMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let Ok(mut state) = self.state.try_lock() else {
            return Err(PyRuntimeError::new_err(
                "the clean_many iterator is already running in another thread",
            ));
        };
        if state.finished {
            return Ok(None);
        }
        let next = state.next(py);
        if !matches!(next, Ok(Some(_))) {
            state.finish();
        }
        next
    }
}

impl State {
    fn next(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.fill(py)?;
        loop {
            if let Some(Slot::Done { .. } | Slot::Bad(_)) = self.waiting.get(&self.yielded) {
                let slot = self
                    .waiting
                    .remove(&self.yielded)
                    .expect("the slot was just found");
                let index = self.yielded;
                self.yielded += 1;
                // Room in the window: start the next items before handing this result to Python.
                self.fill(py)?;
                return result(py, index, slot).map(Some);
            }
            if self.waiting.is_empty() {
                return Ok(None);
            }
            self.wait(py)?;
        }
    }

    /// Reads items and starts them until the window is full or the items run out.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while self.pulled - self.yielded < self.window {
            let Some(items) = &self.items else {
                return Ok(());
            };
            let item = match items.bind(py).clone().next() {
                None => {
                    self.items = None;
                    return Ok(());
                }
                Some(item) => item?,
            };
            let index = self.pulled;
            self.pulled += 1;
            match convert::item(&item) {
                Err(bad) => {
                    self.waiting.insert(index, Slot::Bad(bad));
                }
                Ok(item) => {
                    let sourced = self.request.raw_document(
                        item.content,
                        item.source.clone(),
                        item.url,
                        item.kind,
                    );
                    self.waiting.insert(
                        index,
                        Slot::Running {
                            source_given: sourced.source_given,
                            extra: item.extra,
                            source: item.source,
                        },
                    );
                    self.queue.push(Job {
                        size: sourced.doc.bytes.len(),
                        index,
                        doc: sourced.doc,
                    });
                    let (engine, request) = (Arc::clone(&self.engine), Arc::clone(&self.request));
                    let (done, cancel) = (self.done_tx.clone(), Arc::clone(&self.cancel));
                    let queue = Arc::clone(&self.queue);
                    self.pool.spawn(move || {
                        let Some(job) = queue.pop() else {
                            return;
                        };
                        if cancel.load(Ordering::Relaxed) {
                            return;
                        }
                        let outcome = engine.clean(&job.doc, &request);
                        // The receiver is gone only when the iterator is, and then nobody wants the result.
                        let _ = done.send((job.index, outcome));
                    });
                }
            }
        }
        Ok(())
    }

    /// Waits for one result with the GIL released, looking for Ctrl-C every [`SIGNAL_CHECK`].
    fn wait(&mut self, py: Python<'_>) -> PyResult<()> {
        let receiver = self
            .done_rx
            .take()
            .expect("the receiver is put back after every wait");
        let (receiver, received) = py.detach(move || {
            let received = receiver.recv_timeout(SIGNAL_CHECK);
            (receiver, received)
        });
        self.done_rx = Some(receiver);
        match received {
            Ok((index, outcome)) => {
                if let Some(slot) = self.waiting.get_mut(&index) {
                    if let Slot::Running {
                        source_given,
                        extra,
                        source,
                    } = slot
                    {
                        *slot = Slot::Done {
                            outcome: Box::new(outcome),
                            source_given: *source_given,
                            extra: extra.take(),
                            source: source.take(),
                        };
                    }
                }
                Ok(())
            }
            Err(RecvTimeoutError::Timeout) => py.check_signals(),
            Err(RecvTimeoutError::Disconnected) => {
                unreachable!("the iterator holds a sender, so the channel stays open")
            }
        }
    }

    /// Stops for good: queued documents are skipped, and the next call ends the iteration.
    fn finish(&mut self) {
        self.finished = true;
        self.items = None;
        self.cancel.store(true, Ordering::Relaxed);
        self.waiting.clear();
    }
}

impl Drop for State {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The Python object for a finished slot: a `Document`, or a `Failure` with the command line's message.
fn result(py: Python<'_>, index: usize, slot: Slot) -> PyResult<Py<PyAny>> {
    let failure = |message: String, source: Option<String>, extra| {
        Py::new(py, Failure::new(index, message, source, extra)).map(Py::into_any)
    };
    match slot {
        Slot::Done {
            outcome,
            source_given,
            extra,
            source,
        } => match *outcome {
            Ok(cleaned) => {
                Py::new(py, Document::new(cleaned, extra, source_given)).map(Py::into_any)
            }
            Err(err) => failure(err.chain(), source, extra),
        },
        Slot::Bad(bad) => failure(bad.reason, bad.source, bad.extra),
        Slot::Running { .. } => unreachable!("only finished slots are turned into results"),
    }
}
