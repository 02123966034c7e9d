//! `unkg push`: the store's named graphs to any SPARQL 1.1 Graph Store
//! Protocol endpoint, one `PUT ?graph=IRI` per graph, each replacing what
//! the endpoint held under that name. With [`Credentials`] every request
//! carries HTTP Basic authentication; messages never show a password.

mod auth;

pub use auth::{redact, Credentials, PASSWORD_VAR};

use crate::error::{Context, Error, Result};
use crate::store::KgStore;
use oxhttp::model::header::{AUTHORIZATION, CONTENT_TYPE};
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
pub fn push(
    store: &KgStore,
    endpoint: &str,
    only: &[String],
    timeout: Duration,
    credentials: Option<&Credentials>,
    mut progress: impl FnMut(&str, u64),
) -> Result<PushReport> {
    let (shown, has_password) = redact(endpoint);
    if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
        return Err(Error::usage(format!("--endpoint {shown}: give an http(s) URL")));
    }
    if has_password {
        return Err(Error::usage(format!(
            "--endpoint {shown}: the URL holds a user name or password, which would show in process lists and logs: \
             give --user NAME and the password in {PASSWORD_VAR}"
        )));
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
        .map_err(|e| PushError::new(&shown, e))?;
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
        let mut request = Request::builder().method(Method::PUT).uri(&url).header(CONTENT_TYPE, "application/n-triples");
        if let Some(c) = credentials {
            request = request.header(AUTHORIZATION, c.basic());
        }
        let request = request.body(Body::from(body)).map_err(|e| PushError::new(&url, e))?;
        let response = client.request(request).map_err(|e| PushError::new(&url, transport(&e, timeout)))?;
        let status = response.status();
        if !status.is_success() {
            let text = response.into_body().to_string().unwrap_or_default();
            let hint = match (status.as_u16(), credentials) {
                (401, None) => " (the endpoint asks for credentials: give --user NAME and the password in UNKG_PUSH_PASSWORD)",
                (401, Some(_)) => " (the user name or password was refused, or the endpoint wants Digest, which unkg does not speak)",
                _ => "",
            };
            return Err(PushError::new(&url, format!("PUT: the endpoint answered {status}{}{hint}", first_line(&text))));
        }
        report.graphs += 1;
        report.triples += n;
        progress(g.as_str(), n);
    }
    Ok(report)
}

/// A transport error as a person reads it: a timeout says so and for how
/// long, instead of the system's "Resource temporarily unavailable".
fn transport(e: &std::io::Error, timeout: Duration) -> String {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            format!("PUT: timed out after {} s with no answer (see --timeout)", timeout.as_secs_f64())
        }
        _ => format!("PUT: {e}"),
    }
}

/// The first line of an error body that says something, without markup and
/// at most 200 characters, after ": "; empty when there is none.
fn first_line(body: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push('\n');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut cut: String = line.chars().take(200).collect();
    if cut.len() < line.len() {
        cut.push('…');
    }
    if cut.is_empty() {
        cut
    } else {
        format!(": {cut}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_are_summarised() {
        let page = "<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1><p>long text</p></body></html>";
        assert_eq!(first_line(page), ": 401 Unauthorized");
        assert_eq!(first_line("  \n\nVirtuoso 42000 Error SR186: No permission\nmore"), ": Virtuoso 42000 Error SR186: No permission");
        assert_eq!(first_line(""), "");
        assert_eq!(first_line(&"x".repeat(500)).chars().count(), 2 + 200 + 1);
    }

    #[test]
    fn timeouts_say_so() {
        let e = std::io::Error::from(std::io::ErrorKind::WouldBlock);
        assert_eq!(transport(&e, Duration::from_secs(5)), "PUT: timed out after 5 s with no answer (see --timeout)");
    }
}
