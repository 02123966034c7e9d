//! `unkg push`: the store's named graphs to any SPARQL 1.1 Graph Store
//! Protocol endpoint, one `PUT ?graph=IRI` per graph, each replacing what
//! the endpoint held under that name.

use crate::error::{Context, Error, Result};
use crate::store::KgStore;
use oxhttp::model::header::CONTENT_TYPE;
use oxhttp::model::{Body, Method, Request};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::NamedOrBlankNode;
use std::time::Duration;

/// An endpoint that could not be reached, or refused what was sent.
#[derive(Debug, thiserror::Error)]
#[error("{url}: {message}")]
pub struct PushError {
    /// The URL requested.
    pub url: String,
    /// What went wrong: the connection's error or the endpoint's answer.
    pub message: String,
}

impl PushError {
    fn new(url: &str, message: impl std::fmt::Display) -> Error {
        PushError { url: url.to_owned(), message: message.to_string() }.into()
    }
}

/// What a push sent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PushReport {
    /// Named graphs replaced.
    pub graphs: usize,
    /// Triples sent, over all graphs.
    pub triples: u64,
}

/// `endpoint?graph=iri`, keeping any query string the endpoint has.
fn graph_url(endpoint: &str, graph: &str) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    let encoded: String = form_urlencoded::byte_serialize(graph.as_bytes()).collect();
    format!("{endpoint}{sep}graph={encoded}")
}

/// Sends every named graph of `store` (or only those in `only`) to the
/// Graph Store Protocol `endpoint`; `progress` hears of each graph sent.
pub fn push(store: &KgStore, endpoint: &str, only: &[String], timeout: Duration, mut progress: impl FnMut(&str, u64)) -> Result<PushReport> {
    if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
        return Err(Error::usage(format!("--endpoint {endpoint}: give an http(s) URL")));
    }
    let mut graphs = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g? {
            if only.is_empty() || only.iter().any(|o| o == n.as_str()) {
                graphs.push(n);
            }
        }
    }
    for o in only {
        if !graphs.iter().any(|g| g.as_str() == o) {
            return Err(Error::usage(format!("--graph {o}: no such named graph in {}", store.path().display())));
        }
    }
    graphs.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    let client = oxhttp::Client::new()
        .with_global_timeout(timeout)
        .with_user_agent(concat!("unkg/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| PushError::new(endpoint, e))?;
    let mut report = PushReport::default();
    for g in &graphs {
        let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        let mut n = 0u64;
        for q in store.graph_quads(g.as_ref()) {
            let q = q?;
            writer.serialize_triple(&oxigraph::model::Triple::from(q)).writing("<n-triples>")?;
            n += 1;
        }
        let body = writer.finish().writing("<n-triples>")?;
        let url = graph_url(endpoint, g.as_str());
        let request = Request::builder()
            .method(Method::PUT)
            .uri(&url)
            .header(CONTENT_TYPE, "application/n-triples")
            .body(Body::from(body))
            .map_err(|e| PushError::new(&url, e))?;
        let response = client.request(request).map_err(|e| PushError::new(&url, e))?;
        let status = response.status();
        if !status.is_success() {
            let text = response.into_body().to_string().unwrap_or_default();
            return Err(PushError::new(&url, format!("PUT: the endpoint answered {status}: {}", text.trim())));
        }
        report.graphs += 1;
        report.triples += n;
        progress(g.as_str(), n);
    }
    Ok(report)
}
