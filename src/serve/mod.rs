//! `unkg serve`: the store on HTTP, for tools that speak the standards.
//!
//! One server answers the SPARQL 1.1 Protocol ([`protocol`]), the Graph
//! Store Protocol for reading ([`gsp`]), dereferenceable IRIs with content
//! negotiation ([`resource`]), a VoID description ([`void`]) and the
//! ontology and shapes at their namespaces. Request routing lives here;
//! each module answers one kind of request.

mod conn;
mod documents;
mod evaluate;
mod gsp;
mod html;
mod http;
mod negotiate;
mod portal;
mod protocol;
mod resource;
mod stream;
pub mod void;
mod workers;
mod write;

pub use workers::worker_main;

use crate::error::{Context, Error, Result};
use crate::store::KgStore;
use http::{HttpError, HttpResult, Params};
use oxhttp::model::{Body, Method, Request, Response};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The IRI base every resource and graph of a store is minted under.
pub use crate::rdf::vocab::BASE as CANONICAL_BASE;

/// The shapes the store is validated against, served at [`SHAPES_NS`].
pub use crate::validate::SHAPES_TTL;

/// Namespace of the SHACL shapes in `ontology/shapes.ttl`.
pub use crate::rdf::vocab::SHAPES as SHAPES_NS;

/// How `unkg serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store's folder.
    pub store: PathBuf,
    /// Address to listen on.
    pub bind: SocketAddr,
    /// The public IRI the server's root stands for (ends with `/`).
    pub base: String,
    /// Longest a query may run, waiting for a worker included.
    pub timeout: Duration,
    /// Largest request body accepted, in bytes.
    pub max_body: u64,
    /// Largest query answer sent, in bytes.
    pub max_result_bytes: u64,
    /// Most resident memory a query worker may reach while answering.
    pub max_query_memory: u64,
    /// How many queries run at once, each in its own worker process
    /// (read-only servers; a server accepting updates runs them itself).
    pub query_workers: usize,
    /// Most connections handled at once; more wait to be accepted.
    pub max_connections: usize,
    /// Accept SPARQL Update (the store is opened for writing).
    pub allow_update: bool,
}

/// Everything a request handler needs, shared by all connection threads.
pub(crate) struct App {
    pub(crate) store: Arc<KgStore>,
    pub(crate) opts: ServeOptions,
    /// The path part of the base (`/` or `/unkg/`), stripped from requests.
    pub(crate) base_path: String,
    /// Where client queries run; `None` on a server that accepts updates.
    pub(crate) workers: Option<workers::WorkerPool>,
    void_cache: std::sync::OnceLock<Vec<u8>>,
    /// Dumps being streamed, bounded in number.
    pub(crate) streams: stream::Streams,
}

impl App {
    /// `path` (relative to the root, without leading `/`) as a public address.
    pub(crate) fn public(&self, path: &str) -> String {
        format!("{}{path}", self.opts.base)
    }

    /// A link to `iri` for an HTML page: local when the server answers for it.
    pub(crate) fn href(&self, iri: &str) -> String {
        match iri.strip_prefix(CANONICAL_BASE).or_else(|| iri.strip_prefix(self.opts.base.as_str())) {
            Some(rest) => format!("{}{rest}", self.base_path),
            None => iri.to_owned(),
        }
    }

    /// The IRI a resource is published as: resources minted under the
    /// canonical base move to `--base`, so that links resolve on this server.
    pub(crate) fn published(&self, iri: &str) -> String {
        match iri.strip_prefix(CANONICAL_BASE) {
            Some(rest) if rest.starts_with("id/") && self.opts.base != CANONICAL_BASE => {
                format!("{}{rest}", self.opts.base)
            }
            _ => iri.to_owned(),
        }
    }
}

/// Opens the store and answers requests until the process is stopped.
pub fn serve(opts: ServeOptions) -> Result<()> {
    if !opts.base.ends_with('/') || !(opts.base.starts_with("http://") || opts.base.starts_with("https://")) {
        return Err(Error::usage(format!("--base {}: give an http(s) IRI ending with /", opts.base)));
    }
    let store = if opts.allow_update { KgStore::open(&opts.store)? } else { KgStore::open_read_only(&opts.store)? };
    let base_path = base_path(&opts.base);
    let bind = opts.bind;
    let timeout = opts.timeout;
    let max_connections = opts.max_connections.max(1);
    let limits = conn::Limits {
        max_open: max_connections.saturating_mul(OPEN_PER_ACTIVE),
        max_active: max_connections,
        queue_wait: QUEUE_WAIT,
        head_timeout: HEAD_TIMEOUT,
        body_timeout: BODY_TIMEOUT,
        write_timeout: WRITE_TIMEOUT,
        max_body: opts.max_body,
        server: oxhttp::model::HeaderValue::from_static(concat!("unkg/", env!("CARGO_PKG_VERSION"))),
    };
    let workers = if opts.allow_update {
        None
    } else {
        let exe = std::env::current_exe().at("<the unkg executable>")?;
        let limits = workers::Limits { timeout, max_memory: opts.max_query_memory };
        Some(
            workers::WorkerPool::start(exe.clone(), opts.store.clone(), opts.query_workers, limits)
                .at(exe)?,
        )
    };
    let app = Arc::new(App {
        store: Arc::new(store),
        opts,
        base_path,
        workers,
        void_cache: std::sync::OnceLock::new(),
        streams: stream::Streams::default(),
    });
    portal::warm(&app);
    if !bind.ip().is_loopback() {
        eprintln!("warning: listening on {bind}, which other machines can reach");
    }
    let handler: Arc<conn::Handler> = Arc::new(move |request: &mut Request<Body>| with_cors(request, |r| handle(&app, r)));
    let listener = std::net::TcpListener::bind(bind).at(format!("<bind {bind}>"))?;
    eprintln!("unkg: SPARQL endpoint at http://{bind}/sparql (IRIs under the base answer at http://{bind}/)");
    conn::run(listener, handler, limits).at(format!("<server {bind}>"))
}

/// How long a client may take to send a request head, and how long a
/// connection may wait for one: well above any real client's need, short
/// enough that connections left open or trickling bytes go soon.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a client may take to send a request body once its head is in
/// (the body is at most `--max-body` bytes).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long one write to a client may wait: a client that stops reading a
/// long answer loses its connection after it.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a complete request waits for one of the `--max-connections`
/// turns before it is answered 503.
pub const QUEUE_WAIT: Duration = Duration::from_secs(2);

/// Connections kept open per request answered at once: waiting connections
/// cost a parked thread each, so many more may wait than are answered.
pub const OPEN_PER_ACTIVE: usize = 4;

fn base_path(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// Browser tools (YASGUI) query from other origins: every answer allows it,
/// and preflight requests are answered here.
fn with_cors(request: &mut Request<Body>, handler: impl Fn(&mut Request<Body>) -> Response<Body>) -> Response<Body> {
    use oxhttp::model::header::{
        ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
        ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    };
    use oxhttp::model::HeaderValue;
    let mut response = if request.method() == Method::OPTIONS {
        let mut r = http::empty(oxhttp::model::StatusCode::NO_CONTENT);
        let h = r.headers_mut();
        h.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, POST, OPTIONS"));
        let asked = request.headers().get(ACCESS_CONTROL_REQUEST_HEADERS).cloned();
        h.insert(ACCESS_CONTROL_ALLOW_HEADERS, asked.unwrap_or(HeaderValue::from_static("Accept, Content-Type")));
        h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        r
    } else {
        handler(request)
    };
    let h = response.headers_mut();
    h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("Content-Type, Content-Length, Vary"));
    response
}

/// Answers one request. Every answer says its type is not to be guessed,
/// and every HTML page gets the portal's Content-Security-Policy, whichever
/// module wrote it. (A HEAD request's body is left out when it is written.)
fn handle(app: &App, request: &mut Request<Body>) -> Response<Body> {
    let mut response = route(app, request).unwrap_or_else(HttpError::into_response);
    let html = response
        .headers()
        .get(oxhttp::model::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"));
    if html {
        portal::secure(&mut response);
    } else {
        response.headers_mut().insert("x-content-type-options", oxhttp::model::HeaderValue::from_static("nosniff"));
    }
    response
}

fn route(app: &App, request: &mut Request<Body>) -> HttpResult {
    let full = request.uri().path().to_owned();
    // Requests may come with the base's path (behind a proxy) or without it.
    let path = full
        .strip_prefix(app.base_path.as_str())
        .or_else(|| full.strip_prefix('/'))
        .unwrap_or(&full)
        .to_owned();
    let method = request.method().clone();
    let reading = method == Method::GET || method == Method::HEAD;
    match path.as_str() {
        "sparql" | "query" => protocol::endpoint(app, request),
        "update" => protocol::update_endpoint(app, request),
        "store" if reading => gsp::read(app, request),
        "store" => Err(if app.opts.allow_update {
            HttpError::new(405, "the Graph Store Protocol is read-only here: use SPARQL Update at /sparql")
        } else {
            http::read_only()
        }),
        _ if !reading => Err(HttpError::new(405, format!("{method} is not allowed on /{path}: use GET"))),
        p if portal::handles(p) => portal::respond(app, request, p),
        "void" | ".well-known/void" => void::respond(app, request),
        "ontology" => documents::static_rdf(app, request, crate::rdf::ONTOLOGY_TTL, "unkg ontology"),
        "shapes" => documents::static_rdf(app, request, SHAPES_TTL, "unkg shapes"),
        p if p.starts_with("graph/") => {
            let iri = format!("{CANONICAL_BASE}{}", resource::canonical_path(p));
            gsp::graph(app, request, &iri)
        }
        p if p.starts_with("id/") => resource::respond(app, request, p),
        _ => Err(HttpError::new(404, format!("nothing at /{path}; try /sparql, /void or /id/..."))),
    }
}

/// Query-string parameters of `request`.
pub(crate) fn url_params(request: &Request<Body>) -> Params {
    Params::parse(request.uri().query().unwrap_or("").as_bytes())
}
