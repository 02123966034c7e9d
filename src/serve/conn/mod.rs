//! The server's HTTP/1.1 connections: accepting, reading requests whole
//! within deadlines, handing them to the handler, writing the answers.
//!
//! oxhttp's server, which this replaces, let a client hold a connection by
//! sending a byte now and then (its timeout restarts with each read),
//! waited for a free slot before accepting so that a hundred idle sockets
//! locked everybody out, answered a declared body that never came with 500
//! after its timeout, and dropped pipelined requests. Here:
//!
//! - a connection waiting for a request is cheap (a parked thread), and many
//!   more may wait than requests are handled at once
//!   ([`Limits::max_open`] against [`Limits::max_active`]);
//! - a request's head must arrive whole within [`Limits::head_timeout`]
//!   and its body within [`Limits::body_timeout`] (408 otherwise); a body
//!   declared larger than [`Limits::max_body`] gets 413 before it is read;
//! - when [`Limits::max_open`] connections are open, the one that has
//!   waited longest for a request is closed to make room for the new one,
//!   so that slow and idle clients cannot keep a real one out; only when
//!   every open connection is being answered does a newcomer get 503;
//! - pipelined requests are answered in order, from one buffered reader.

mod read;
mod write;

use oxhttp::model::header::CONNECTION;
use oxhttp::model::{Body, HeaderValue, Request, Response, StatusCode, Version};
use read::{ReadError, Reader};
use std::collections::BTreeMap;
use std::io::{BufWriter, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What a request is answered by.
pub(crate) type Handler = dyn Fn(&mut Request<Body>) -> Response<Body> + Send + Sync;

/// The bounds every connection is served within.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    /// Most connections open at once, waiting for a request or answered.
    pub(crate) max_open: usize,
    /// Most requests answered at once; more wait up to
    /// [`Limits::queue_wait`] for a turn.
    pub(crate) max_active: usize,
    /// Longest a request waits for a turn before 503.
    pub(crate) queue_wait: Duration,
    /// Time for a whole request head, from the moment the connection
    /// waits for it; a connection with nothing to say is closed after it.
    pub(crate) head_timeout: Duration,
    /// Time for a whole request body, once the head is in.
    pub(crate) body_timeout: Duration,
    /// Longest one write to a client may block: a client that stops
    /// reading a long answer is dropped after it.
    pub(crate) write_timeout: Duration,
    /// Largest request body, in bytes.
    pub(crate) max_body: u64,
    /// The `Server` header.
    pub(crate) server: HeaderValue,
}

/// Accepts connections on `listener` and serves each on its own thread,
/// until the listener fails.
pub(crate) fn run(listener: TcpListener, handler: Arc<Handler>, limits: Limits) -> std::io::Result<()> {
    let shared = Arc::new(Shared {
        open: Mutex::new(Open::default()),
        active: Mutex::new(0),
        turn: Condvar::new(),
        limits,
    });
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            // Out of file descriptors, or a connection reset before it
            // was accepted: the next one may do.
            Err(e) => {
                eprintln!("unkg: accepting a connection failed: {e}");
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Some(id) = shared.admit(&stream) else {
            refuse_busy(stream);
            continue;
        };
        let (shared_c, handler_c) = (Arc::clone(&shared), Arc::clone(&handler));
        let spawned = std::thread::Builder::new()
            .name("unkg connection".into())
            .spawn(move || {
                serve_connection(stream, id, &shared_c, &*handler_c);
                shared_c.leave(id);
            });
        if let Err(e) = spawned {
            eprintln!("unkg: no thread for a connection: {e}");
            shared.leave(id);
        }
    }
    Ok(())
}

/// State shared by the accepting thread and the connections.
struct Shared {
    open: Mutex<Open>,
    active: Mutex<usize>,
    turn: Condvar,
    limits: Limits,
}

/// The open connections, by number of arrival.
#[derive(Default)]
struct Open {
    next: u64,
    connections: BTreeMap<u64, Connection>,
}

struct Connection {
    /// A handle on the socket, to close it from the accepting thread.
    socket: TcpStream,
    /// Since when the connection waits for a request; `None` while one of
    /// its requests is read or answered.
    waiting_since: Option<Instant>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking handler cannot leave these counters half-updated: every
    // change is one statement. So a poisoned lock is still good.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Shared {
    /// Registers `stream`, closing the connection that has waited longest
    /// for a request when the server is full; `None` when every open
    /// connection is busy being answered.
    fn admit(&self, stream: &TcpStream) -> Option<u64> {
        let socket = stream.try_clone().ok()?;
        let mut open = lock(&self.open);
        if open.connections.len() >= self.limits.max_open.max(1) {
            let oldest = open
                .connections
                .iter()
                .filter_map(|(id, c)| c.waiting_since.map(|t| (t, *id)))
                .min()
                .map(|(_, id)| id)?;
            if let Some(evicted) = open.connections.remove(&oldest) {
                // Its thread sees the end of the stream and leaves.
                let _ = evicted.socket.shutdown(Shutdown::Both);
            }
        }
        let id = open.next;
        open.next += 1;
        open.connections.insert(id, Connection { socket, waiting_since: Some(Instant::now()) });
        Some(id)
    }

    fn leave(&self, id: u64) {
        lock(&self.open).connections.remove(&id);
    }

    /// Marks connection `id` as waiting for a request (or not). Returns
    /// false when it was closed to make room for another.
    fn waiting(&self, id: u64, waiting: bool) -> bool {
        match lock(&self.open).connections.get_mut(&id) {
            Some(c) => {
                c.waiting_since = waiting.then(Instant::now);
                true
            }
            None => false,
        }
    }

    /// Takes one of the [`Limits::max_active`] turns, waiting up to
    /// [`Limits::queue_wait`]; `None` when none came free.
    fn take_turn(&self) -> Option<Turn<'_>> {
        let deadline = Instant::now() + self.limits.queue_wait;
        let mut active = lock(&self.active);
        while *active >= self.limits.max_active.max(1) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            active = self.turn.wait_timeout(active, left).unwrap_or_else(std::sync::PoisonError::into_inner).0;
        }
        *active += 1;
        Some(Turn(self))
    }
}

/// A request's turn to be answered; given back when dropped.
struct Turn<'a>(&'a Shared);

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        *lock(&self.0.active) -= 1;
        self.0.turn.notify_one();
    }
}

/// The answer to a connection that finds every slot busy answering.
fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let body = "the server is answering as many requests as it can: try again shortly\n";
    let _ = write!(
        stream,
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\nretry-after: 1\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.shutdown(Shutdown::Write);
}

/// Answers the requests of one connection in order until it closes.
fn serve_connection(stream: TcpStream, id: u64, shared: &Shared, handler: &Handler) {
    let limits = &shared.limits;
    let Ok(read_side) = stream.try_clone() else { return };
    let _ = stream.set_write_timeout(Some(limits.write_timeout));
    let mut reader = Reader::new(read_side);
    // Buffered per answer, not per connection: a connection that only
    // waits holds no write buffer.
    let mut out = Unbuffered(stream);
    loop {
        if !shared.waiting(id, true) {
            return;
        }
        let request = reader.request(limits, &mut out.0);
        shared.waiting(id, false);
        let mut request = match request {
            Ok(r) => r,
            Err(ReadError::Closed) | Err(ReadError::Io(_)) => return,
            Err(ReadError::Refused { status, message }) => {
                let mut r = plain(status, &message);
                let framing = write::Framing { head_only: false, http11: true, close: true };
                let _ = write::response(&mut out.buffered(), &mut r, framing, &limits.server);
                let _ = out.0.shutdown(Shutdown::Write);
                return;
            }
        };
        let framing = write::Framing {
            head_only: request.method() == oxhttp::model::Method::HEAD,
            http11: request.version() >= Version::HTTP_11,
            close: wants_close(&request),
        };
        let mut response = match shared.take_turn() {
            Some(_turn) => answer(handler, &mut request),
            None => {
                let mut r = plain(503, "the server is answering as many requests as it can: try again shortly");
                r.headers_mut().insert("retry-after", HeaderValue::from_static("1"));
                r
            }
        };
        let written = write::response(&mut out.buffered(), &mut response, framing, &limits.server);
        match written {
            Ok(false) => {}
            Ok(true) | Err(_) => {
                let _ = out.0.shutdown(Shutdown::Both);
                return;
            }
        }
    }
}

/// The writing side of a connection, buffered only while an answer is
/// written.
struct Unbuffered(TcpStream);

impl Unbuffered {
    fn buffered(&mut self) -> BufWriter<&mut TcpStream> {
        BufWriter::with_capacity(8 * 1024, &mut self.0)
    }
}

/// Runs the handler; a panic in it answers 500 instead of dropping the
/// connection without a word.
fn answer(handler: &Handler, request: &mut Request<Body>) -> Response<Body> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(request))).unwrap_or_else(|panic| {
        let why = crate::query::guard::panic_message(&*panic);
        eprintln!("unkg: a request handler panicked: {why}");
        plain(500, "the server failed on this request; it goes on answering others")
    })
}

/// Whether the client asked to close after this request (HTTP/1.0 closes
/// unless asked to keep alive).
fn wants_close(request: &Request<Body>) -> bool {
    let says = |word: &[u8]| {
        request.headers().get_all(CONNECTION).iter().any(|v| {
            v.as_bytes().split(|&b| b == b',').any(|t| t.trim_ascii().eq_ignore_ascii_case(word))
        })
    };
    if request.version() >= Version::HTTP_11 {
        says(b"close")
    } else {
        !says(b"keep-alive")
    }
}

/// A plain-text response with `status` (a valid HTTP status).
fn plain(status: u16, message: &str) -> Response<Body> {
    let mut r = Response::new(Body::from(format!("{message}\n")));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    r.headers_mut().insert(oxhttp::model::header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    r.headers_mut().insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    r
}
