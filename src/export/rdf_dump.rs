//! The whole store, or one named graph, as standard RDF.

use crate::error::{Context, Error, Result};
use crate::rdf::vocab::PREFIXES;
use crate::store::KgStore;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Triple};
use std::collections::HashSet;
use std::io::Write;

/// RDF serialisations `unkg export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DumpFormat {
    /// N-Quads: every quad with its graph; byte-identical for identical input.
    Nquads,
    /// TriG: Turtle with named graphs.
    Trig,
    /// Turtle (one graph, or the union of all).
    Turtle,
    /// N-Triples (one graph, or the union of all).
    Ntriples,
    /// RDF/XML (one graph, or the union of all).
    Rdfxml,
    /// JSON-LD, with named graphs.
    Jsonld,
}

impl DumpFormat {
    fn rdf_format(self) -> RdfFormat {
        match self {
            DumpFormat::Nquads => RdfFormat::NQuads,
            DumpFormat::Trig => RdfFormat::TriG,
            DumpFormat::Turtle => RdfFormat::Turtle,
            DumpFormat::Ntriples => RdfFormat::NTriples,
            DumpFormat::Rdfxml => RdfFormat::RdfXml,
            DumpFormat::Jsonld => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        }
    }
}

/// Writes the store (or only `graph`) to `out` in `format`. Formats without
/// named graphs get the union of all graphs, each triple once.
pub fn dump(store: &KgStore, format: DumpFormat, graph: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let rdf_format = format.rdf_format();
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(format, DumpFormat::Trig | DumpFormat::Turtle | DumpFormat::Rdfxml | DumpFormat::Jsonld) {
        for (prefix, namespace) in PREFIXES {
            // The vocabulary's namespaces, all valid IRIs (a test in rdf::vocab).
            serializer = serializer.with_prefix(*prefix, *namespace).map_err(|e| Error::usage(e.to_string()))?;
        }
    }
    match graph {
        Some(g) => {
            let g = NamedNode::new(g).map_err(|e| Error::usage(format!("--graph {g}: {e}")))?;
            if !store.is_named_graph(g.as_ref())? {
                return Err(Error::usage(format!("--graph {g}: no such named graph in {}", store.path().display())));
            }
            store.dump_graph(g.as_ref(), serializer, out)?;
        }
        None if rdf_format.supports_datasets() => {
            store.dump(serializer, out)?;
        }
        None => {
            let mut seen = HashSet::new();
            for quad in store.all_quads() {
                let quad = quad?;
                seen.insert(Triple::from(quad));
            }
            // Sorted, so that the same store always gives the same file.
            let mut triples: Vec<Triple> = seen.into_iter().collect();
            triples.sort_by_cached_key(Triple::to_string);
            let mut writer = serializer.for_writer(out);
            for t in &triples {
                writer.serialize_triple(t).writing("<output>")?;
            }
            writer.finish().writing("<output>")?;
        }
    }
    Ok(())
}
