//! The SPARQL 1.1 Graph Store Protocol, for reading: `GET /store?graph=IRI`,
//! `GET /store?default` (here the union of all graphs) and `GET /store`
//! (the whole dataset, with its named graphs). Every answer streams from
//! the store as it is written (see [`super::stream`]): a dump costs the
//! server a pipe and a serializer, not the dump's size.

use super::http::{self, HttpError, HttpResult};
use super::negotiate::{self, Out};
use super::{url_params, App};
use crate::export;
use oxhttp::model::header::{CONTENT_TYPE, VARY};
use oxhttp::model::{Body, HeaderValue, Request, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use std::sync::Arc;

/// `GET /store...`.
pub(crate) fn read(app: &App, request: &Request<Body>) -> HttpResult {
    let params = url_params(request);
    if let Some(g) = params.one("graph")? {
        return graph(app, request, &g);
    }
    let format = params.one("format")?;
    let accept = http::accept(request);
    let store = Arc::clone(&app.store);
    if params.has("default") {
        let (media, f) = rdf(negotiate::choose(negotiate::GRAPH, format.as_deref(), accept.as_deref())?)?;
        let body = app.streams.body("dump", move |out| export::dump_union(&store, f, out))?;
        return Ok(streamed(media, body));
    }
    let (media, f) = rdf(negotiate::choose(negotiate::DATASET, format.as_deref(), accept.as_deref())?)?;
    let body = app.streams.body("dump", move |out| export::dump_rdf(&store, f, None, out))?;
    Ok(streamed(media, body))
}

/// The named graph `iri`, or 404.
pub(crate) fn graph(app: &App, request: &Request<Body>, iri: &str) -> HttpResult {
    let g = NamedNode::new(iri).map_err(|e| HttpError::new(400, format!("graph={iri}: {e}")))?;
    let is_graph = app.store.is_named_graph(g.as_ref()).map_err(|e| HttpError::new(500, format!("reading the store failed: {e}")))?;
    if !is_graph {
        return Err(HttpError::new(404, format!("no named graph <{iri}> in this store")));
    }
    let params = url_params(request);
    let out = negotiate::choose(negotiate::GRAPH, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    let (media, f) = rdf(out)?;
    let store = Arc::clone(&app.store);
    let iri = iri.to_owned();
    let body = app.streams.body("graph", move |out| export::dump_rdf(&store, f, Some(&iri), out))?;
    Ok(streamed(media, body))
}

fn rdf(out: Out) -> Result<(&'static str, RdfFormat), HttpError> {
    match out {
        Out::Rdf(f) => Ok((out.media_type(), f)),
        _ => Err(HttpError::new(500, "not an RDF format")),
    }
}

/// A negotiated answer whose body streams.
fn streamed(media: &str, body: Body) -> Response<Body> {
    let mut r = Response::new(body);
    if let Ok(v) = HeaderValue::from_str(media) {
        r.headers_mut().insert(CONTENT_TYPE, v);
    }
    r.headers_mut().insert(VARY, HeaderValue::from_static("Accept"));
    r
}
