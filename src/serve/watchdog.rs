//! Query time limits: one thread cancels every query past its deadline, so
//! that a slow query costs no extra thread while it waits.

use oxigraph::sparql::CancellationToken;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Entries = Arc<Mutex<Vec<(u64, Instant, CancellationToken)>>>;

/// Cancels registered queries when their time is up.
pub(crate) struct Watchdog {
    entries: Entries,
    next: std::sync::atomic::AtomicU64,
}

/// A registered deadline; dropping it withdraws the deadline.
pub(crate) struct Armed {
    entries: Entries,
    id: u64,
    token: CancellationToken,
}

impl Armed {
    /// The token to give the query evaluator.
    pub(crate) fn token(&self) -> CancellationToken {
        self.token.clone()
    }

    /// Whether the deadline passed and the query was cancelled.
    pub(crate) fn expired(&self) -> bool {
        self.token.is_cancelled()
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|(id, _, _)| *id != self.id);
        }
    }
}

impl Watchdog {
    /// Starts the watching thread.
    pub(crate) fn start() -> Self {
        let entries: Entries = Arc::default();
        let watched = Arc::clone(&entries);
        // 50 ms granularity is far below any sensible time limit.
        let spawned = std::thread::Builder::new().name("unkg query watchdog".into()).spawn(move || loop {
            std::thread::sleep(Duration::from_millis(50));
            let now = Instant::now();
            if let Ok(mut entries) = watched.lock() {
                entries.retain(|(_, deadline, token)| {
                    if *deadline <= now {
                        token.cancel();
                        false
                    } else {
                        true
                    }
                });
            }
        });
        if let Err(e) = spawned {
            eprintln!("warning: no query watchdog ({e}): queries will run without a time limit");
        }
        Watchdog { entries, next: std::sync::atomic::AtomicU64::new(0) }
    }

    /// A token that is cancelled `limit` from now.
    pub(crate) fn arm(&self, limit: Duration) -> Armed {
        let id = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let token = CancellationToken::new();
        if let Ok(mut entries) = self.entries.lock() {
            entries.push((id, Instant::now() + limit, token.clone()));
        }
        Armed { entries: Arc::clone(&self.entries), id, token }
    }
}
