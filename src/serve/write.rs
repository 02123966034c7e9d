//! Writing RDF responses in the negotiated serialisation.

use super::http::{self, HttpError, HttpResult};
use super::negotiate::Out;
use crate::rdf::vocab::{PREFIXES, SERVICE_PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Triple};

/// A named node for an IRI the server built itself.
pub(crate) fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn serializer(format: RdfFormat) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    // Prefixes only where the syntax has them: N-Triples and N-Quads have none.
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml | RdfFormat::JsonLd { .. }) {
        for (prefix, namespace) in PREFIXES.iter().chain(SERVICE_PREFIXES) {
            if let Ok(with) = s.clone().with_prefix(*prefix, *namespace) {
                s = with;
            }
        }
    }
    s
}

/// `triples` in `format`.
pub(crate) fn rdf_bytes(format: RdfFormat, triples: &[Triple]) -> Result<Vec<u8>, HttpError> {
    let io = |e: std::io::Error| HttpError::new(500, format!("writing RDF failed: {e}"));
    let mut writer = serializer(format).for_writer(Vec::new());
    for t in triples {
        writer.serialize_triple(t).map_err(io)?;
    }
    writer.finish().map_err(io)
}

/// A response holding `triples` in the RDF format `out`.
pub(crate) fn respond_rdf(out: Out, triples: &[Triple]) -> HttpResult {
    match out {
        Out::Rdf(f) => Ok(http::negotiated(out.media_type(), rdf_bytes(f, triples)?)),
        _ => Err(HttpError::new(406, "this resource is only offered as RDF")),
    }
}
