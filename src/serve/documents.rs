//! Fixed documents served beside the store's resources: the ontology, the
//! shapes and the VoID description, as Turtle, another RDF format or a page.

use super::http::{self, HttpError, HttpResult};
use super::negotiate::{self, Out};
use super::{url_params, write, App};
use oxhttp::model::{Body, Request};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;

/// A fixed Turtle document (the ontology, the shapes) in the format asked.
pub(crate) fn static_rdf(app: &App, request: &Request<Body>, ttl: &str, title: &str) -> HttpResult {
    let params = url_params(request);
    let out = negotiate::choose(negotiate::RESOURCE, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    static_rdf_with(out, app, ttl, title)
}

/// The Turtle document `ttl` as `out`.
pub(crate) fn static_rdf_with(out: Out, app: &App, ttl: &str, title: &str) -> HttpResult {
    match out {
        Out::Rdf(RdfFormat::Turtle) => Ok(http::negotiated(out.media_type(), ttl.as_bytes().to_vec())),
        Out::Html => Ok(http::negotiated(out.media_type(), super::html::turtle_page(app, title, ttl).into_bytes())),
        _ => {
            let triples = RdfParser::from_format(RdfFormat::Turtle)
                .for_slice(ttl.as_bytes())
                .map(|q| q.map(Triple::from))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| HttpError::new(500, format!("{title}: {e}")))?;
            write::respond_rdf(out, &triples)
        }
    }
}
