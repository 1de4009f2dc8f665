//! Politeness: a global limit on requests in flight, a per-host limit with a minimum delay between the starts of
//! two requests to one host, and each host's robots.txt, fetched once and shared.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OnceCell, Semaphore, SemaphorePermit};
use tokio::time::Instant;
use url::Url;

use super::robots::Robots;

/// The limits of one run, shared by every request.
#[derive(Debug)]
pub(crate) struct Limits {
    global: Semaphore,
    per_host: usize,
    delay: Duration,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// What rinse keeps per host: its request slots, when the next request may start, and its robots.txt.
#[derive(Debug)]
pub(crate) struct Host {
    slots: Option<Semaphore>,
    next_start: Mutex<Option<Instant>>,
    /// The host's robots.txt, fetched by the first request that needs it.
    pub(crate) robots: OnceCell<Robots>,
}

/// The right to send one request; dropping it frees the slots.
#[derive(Debug)]
pub(crate) struct Permit<'a> {
    _host: Option<SemaphorePermit<'a>>,
    _global: SemaphorePermit<'a>,
}

impl Limits {
    /// `jobs` requests in flight at most, `per_host` per host (0: no per-host limit), `delay` between the starts
    /// of two requests to one host.
    pub(crate) fn new(jobs: usize, per_host: usize, delay: Duration) -> Self {
        Limits {
            global: Semaphore::new(jobs.clamp(1, Semaphore::MAX_PERMITS)),
            per_host: per_host.min(Semaphore::MAX_PERMITS),
            delay,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// The state of a URL's host (scheme, host and port), created on first use.
    pub(crate) fn host(&self, url: &Url) -> Arc<Host> {
        let key = format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        // A poisoned lock means another request panicked while inserting; the map itself is still usable.
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(key)
            .or_insert_with(|| {
                Arc::new(Host {
                    slots: (self.per_host > 0).then(|| Semaphore::new(self.per_host)),
                    next_start: Mutex::new(None),
                    robots: OnceCell::new(),
                })
            })
            .clone()
    }

    /// Waits for a slot on the host, then for its turn after the delay, then for a global slot. The host slot comes
    /// first so that requests queued for a busy host do not hold global slots other hosts could use.
    pub(crate) async fn acquire<'a>(&'a self, host: &'a Host) -> Permit<'a> {
        let host_permit = match &host.slots {
            Some(slots) => Some(
                slots
                    .acquire()
                    .await
                    .expect("host semaphores are never closed"),
            ),
            None => None,
        };
        if !self.delay.is_zero() {
            let start = {
                let mut next = host.next_start.lock().unwrap_or_else(|e| e.into_inner());
                let now = Instant::now();
                let start = next.map_or(now, |at| at.max(now));
                *next = Some(start + self.delay);
                start
            };
            tokio::time::sleep_until(start).await;
        }
        let global = self
            .global
            .acquire()
            .await
            .expect("the global semaphore is never closed");
        Permit {
            _host: host_permit,
            _global: global,
        }
    }
}
