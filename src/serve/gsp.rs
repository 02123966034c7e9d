//! The SPARQL 1.1 Graph Store Protocol, for reading: `GET /store?graph=IRI`,
//! `GET /store?default` (here the union of all graphs) and `GET /store`
//! (the whole dataset, with its named graphs).

use super::http::{self, HttpError, HttpResult};
use super::negotiate::{self, Out};
use super::{url_params, write, App};
use oxhttp::model::{Body, Request};
use oxigraph::model::{NamedNode, Triple};
use std::collections::HashSet;

/// `GET /store...`.
pub(crate) fn read(app: &App, request: &Request<Body>) -> HttpResult {
    let params = url_params(request);
    if let Some(g) = params.one("graph")? {
        return graph(app, request, &g);
    }
    let format = params.one("format")?;
    let accept = http::accept(request);
    let err = |e: &dyn std::fmt::Display| HttpError::new(500, format!("reading the store failed: {e}"));
    if params.has("default") {
        let out = negotiate::choose(negotiate::GRAPH, format.as_deref(), accept.as_deref())?;
        let mut seen = HashSet::new();
        let mut triples = Vec::new();
        for q in app.store.all_quads() {
            let t = Triple::from(q.map_err(|e| err(&e))?);
            if seen.insert(t.clone()) {
                triples.push(t);
            }
        }
        return write::respond_rdf(out, &triples);
    }
    let out = negotiate::choose(negotiate::DATASET, format.as_deref(), accept.as_deref())?;
    let Out::Rdf(f) = out else { return Err(HttpError::new(500, "not an RDF format")) };
    let quads = app.store.all_quads().collect::<Result<Vec<_>, _>>().map_err(|e| err(&e))?;
    Ok(http::negotiated(out.media_type(), write::quad_bytes(f, quads.into_iter())?))
}

/// The named graph `iri`, or 404.
pub(crate) fn graph(app: &App, request: &Request<Body>, iri: &str) -> HttpResult {
    let g = NamedNode::new(iri).map_err(|e| HttpError::new(400, format!("graph={iri}: {e}")))?;
    let store = &app.store;
    let err = |e: &dyn std::fmt::Display| HttpError::new(500, format!("reading the store failed: {e}"));
    if !store.is_named_graph(g.as_ref()).map_err(|e| err(&e))? {
        return Err(HttpError::new(404, format!("no named graph <{iri}> in this store")));
    }
    let params = url_params(request);
    let out = negotiate::choose(negotiate::GRAPH, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    let triples = store
        .graph_quads(g.as_ref())
        .map(|q| q.map(Triple::from))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(&e))?;
    write::respond_rdf(out, &triples)
}
