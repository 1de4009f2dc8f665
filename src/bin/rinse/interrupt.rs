//! Ctrl-C during a batch: the first one asks the run to stop after the documents in progress, whose files are then
//! complete (writes are atomic, and none is cut off); a second one ends the process at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Set by the first Ctrl-C of a watched run. A process has one SIGINT, so one flag: registered once, and cleared
/// by each run that watches it (the Python package may run several in one process).
static REQUESTED: OnceLock<Option<Arc<AtomicBool>>> = OnceLock::new();

/// A run's view of Ctrl-C.
#[derive(Debug, Clone, Default)]
pub struct Interrupt(Option<Arc<AtomicBool>>);

impl Interrupt {
    /// Takes over Ctrl-C for this run: from now on it sets the flag that [`Interrupt::requested`] reads, and a
    /// second one exits with 130 at once. Where the handler cannot be installed, Ctrl-C keeps ending the process.
    pub fn watch() -> Self {
        let flag = REQUESTED.get_or_init(|| {
            let flag = Arc::new(AtomicBool::new(false));
            use signal_hook::consts::SIGINT;
            // The shutdown goes first: it fires only once the flag is already set, on the second Ctrl-C.
            signal_hook::flag::register_conditional_shutdown(
                SIGINT,
                i32::from(crate::Status::Interrupted.code()),
                Arc::clone(&flag),
            )
            .and_then(|_| signal_hook::flag::register(SIGINT, Arc::clone(&flag)))
            .ok()
            .map(|_| flag)
        });
        if let Some(flag) = flag {
            flag.store(false, Ordering::SeqCst);
        }
        Interrupt(flag.clone())
    }

    /// Whether Ctrl-C was pressed since [`Interrupt::watch`].
    pub fn requested(&self) -> bool {
        self.0.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
    }
}
