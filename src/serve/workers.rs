//! Query worker processes: the only way to stop a SPARQL query for good.
//!
//! oxigraph looks at a query's cancellation token only while it reads the
//! store, so a query busy joining or counting in memory (a cross product of
//! `VALUES`, say) runs on after its deadline, keeping a core busy for
//! minutes. A thread cannot be stopped from outside; a process can. So every
//! client query runs in a worker process (`unkg query-worker`, the same
//! binary) that holds the store open read-only and answers one query at a
//! time over its standard input and output. A query past its time or memory
//! limit has its worker killed, and a fresh worker takes its place.
//!
//! The wire format is a line of JSON each way, the answer's line followed by
//! its body bytes.

use crate::error::Context;
use super::evaluate::{self, QueryJob};
use super::http::HttpError;
use oxigraph::sparql::CancellationToken;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How often a running query's memory is looked at.
const WATCH_EVERY: Duration = Duration::from_millis(50);

/// The header of a worker's answer; `len` body bytes follow it.
#[derive(Debug, Serialize, Deserialize)]
struct Reply {
    status: u16,
    media_type: String,
    message: String,
    len: u64,
}

/// The limits every query runs under.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    /// Longest a query may run, waiting for a worker included.
    pub(crate) timeout: Duration,
    /// Most memory (resident) a worker may reach while answering.
    pub(crate) max_memory: u64,
}

/// A fixed number of worker processes, handed out one query at a time.
pub(crate) struct WorkerPool {
    exe: PathBuf,
    store: PathBuf,
    limits: Limits,
    idle: Mutex<Vec<Worker>>,
    freed: Condvar,
}

struct Worker {
    child: Child,
    input: BufWriter<ChildStdin>,
    replies: Receiver<std::io::Result<(Reply, Vec<u8>)>>,
}

impl WorkerPool {
    /// Starts `count` workers of `exe` on the store at `store`.
    pub(crate) fn start(exe: PathBuf, store: PathBuf, count: usize, limits: Limits) -> std::io::Result<Self> {
        let workers = (0..count.max(1)).map(|_| Worker::spawn(&exe, &store)).collect::<std::io::Result<Vec<_>>>()?;
        Ok(WorkerPool { exe, store, limits, idle: Mutex::new(workers), freed: Condvar::new() })
    }

    /// Answers `job` in a worker: the media type and body, or the error to
    /// send. Waits for a free worker within the time limit (503 when none
    /// comes free), and kills the worker of a query that passes a limit.
    pub(crate) fn run(&self, job: &QueryJob) -> Result<(String, Vec<u8>), HttpError> {
        let started = Instant::now();
        let deadline = started + self.limits.timeout;
        let mut worker = self.take(deadline)?;
        match self.ask(&mut worker, job, deadline) {
            // A worker left holding much of its memory limit after a big
            // answer would fail the next query for what this one took.
            Ok(answer) if resident_bytes(worker.child.id()).is_some_and(|rss| rss > self.limits.max_memory / 2) => {
                self.replace(worker);
                answer
            }
            Ok(answer) => {
                self.give_back(worker);
                answer
            }
            Err(why) => {
                self.replace(worker);
                Err(why)
            }
        }
    }

    /// Kills `worker` and starts another in its place, so that the pool
    /// keeps its size.
    fn replace(&self, mut worker: Worker) {
        let _ = worker.child.kill();
        let _ = worker.child.wait();
        match Worker::spawn(&self.exe, &self.store) {
            Ok(fresh) => self.give_back(fresh),
            Err(e) => eprintln!("unkg: could not start a query worker: {e}"),
        }
    }

    fn take(&self, deadline: Instant) -> Result<Worker, HttpError> {
        let busy = || {
            HttpError::new(503, "every query worker is busy and none came free within the time limit: try again shortly")
        };
        let mut idle = self.idle.lock().map_err(|_| HttpError::new(500, "the worker pool is broken"))?;
        loop {
            if let Some(worker) = idle.pop() {
                return Ok(worker);
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(busy());
            }
            idle = self.freed.wait_timeout(idle, deadline - now).map_err(|_| HttpError::new(500, "the worker pool is broken"))?.0;
        }
    }

    fn give_back(&self, worker: Worker) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(worker);
            self.freed.notify_one();
        }
    }

    /// Sends the job and waits for the answer, watching time and memory.
    /// `Ok` holds the query's own answer (which may be an error to send);
    /// `Err` means the worker must go.
    #[allow(clippy::type_complexity)]
    fn ask(
        &self,
        worker: &mut Worker,
        job: &QueryJob,
        deadline: Instant,
    ) -> Result<Result<(String, Vec<u8>), HttpError>, HttpError> {
        let dead = |e: &dyn std::fmt::Display| HttpError::new(500, format!("the query worker failed: {e}"));
        let line = serde_json::to_string(job).map_err(|e| dead(&e))?;
        writeln!(worker.input, "{line}").and_then(|()| worker.input.flush()).map_err(|e| dead(&e))?;
        let pid = worker.child.id();
        loop {
            let now = Instant::now();
            if now >= deadline {
                return Err(HttpError::new(
                    503,
                    format!("the query ran past the time limit of {} s and was stopped", self.limits.timeout.as_secs_f64()),
                ));
            }
            match worker.replies.recv_timeout(WATCH_EVERY.min(deadline - now)) {
                Ok(Ok((reply, body))) => {
                    return Ok(if reply.status == 200 {
                        Ok((reply.media_type, body))
                    } else {
                        Err(HttpError::new(reply.status, reply.message))
                    })
                }
                Ok(Err(e)) => return Err(dead(&e)),
                Err(RecvTimeoutError::Disconnected) => return Err(dead(&"it exited")),
                Err(RecvTimeoutError::Timeout) => {
                    if resident_bytes(pid).is_some_and(|rss| rss > self.limits.max_memory) {
                        return Err(HttpError::new(
                            422,
                            format!(
                                "the query needed more than {} MiB of memory and was stopped (see --max-query-memory)",
                                self.limits.max_memory >> 20
                            ),
                        ));
                    }
                }
            }
        }
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        if let Ok(mut idle) = self.idle.lock() {
            for mut worker in idle.drain(..) {
                let _ = worker.child.kill();
                let _ = worker.child.wait();
            }
        }
    }
}

impl Worker {
    fn spawn(exe: &Path, store: &Path) -> std::io::Result<Worker> {
        let mut child = Command::new(exe)
            .arg("query-worker")
            .arg("--store")
            .arg(store)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err(std::io::Error::other("the worker's pipes were not opened"));
        };
        let (tx, replies) = mpsc::channel();
        // One reader per worker turns its output into messages, so that the
        // request thread can wait with a deadline.
        std::thread::Builder::new().name("unkg worker reader".into()).spawn(move || {
            let mut from = BufReader::new(stdout);
            while tx.send(read_reply(&mut from)).is_ok() {}
        })?;
        Ok(Worker { child, input: BufWriter::new(stdin), replies })
    }
}

fn read_reply(from: &mut impl BufRead) -> std::io::Result<(Reply, Vec<u8>)> {
    let mut line = String::new();
    if from.read_line(&mut line)? == 0 {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the worker exited"));
    }
    let reply: Reply = serde_json::from_str(&line).map_err(std::io::Error::other)?;
    let mut body = Vec::new();
    from.take(reply.len).read_to_end(&mut body)?;
    if body.len() as u64 != reply.len {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the worker's answer was cut short"));
    }
    Ok((reply, body))
}

/// The resident memory of process `pid`, from `/proc` (Linux); `None`
/// elsewhere, where only the time limit applies.
fn resident_bytes(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// The worker's side: answers queries from standard input on the store at
/// `store` (opened read-only) until its input closes.
pub fn worker_main(store: &Path) -> crate::error::Result<()> {
    let store = crate::store::KgStore::open_read_only(store)?;
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.at("<stdin>")?;
        let answer = serde_json::from_str::<QueryJob>(&line)
            .map_err(|e| HttpError::new(500, format!("the worker could not read its job: {e}")))
            .and_then(|job| {
                // The server checked the nesting; the stack holds the rest.
                crate::query::guard::on_query_stack(|| evaluate::answer(&store, &job, &CancellationToken::new()))
                    .map_err(|e| HttpError::new(500, e.to_string()))?
            });
        let (reply, body) = match answer {
            Ok((media, body)) => (Reply { status: 200, media_type: media.to_owned(), message: String::new(), len: body.len() as u64 }, body),
            Err(e) => (Reply { status: e.status(), media_type: String::new(), message: e.message().to_owned(), len: 0 }, Vec::new()),
        };
        let header = serde_json::to_string(&reply)?;
        writeln!(out, "{header}")
            .and_then(|()| out.write_all(&body))
            .and_then(|()| out.flush())
            .writing("<stdout>")?;
    }
    Ok(())
}
