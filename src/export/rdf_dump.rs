//! The whole store, or one named graph, as standard RDF.

use crate::error::{Context, Error, Result};
use crate::rdf::vocab::PREFIXES;
use crate::store::KgStore;
use super::sorted::{Merged, SortedLines, RUN_BYTES};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{NamedNode, Triple};
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
/// named graphs get the union of all graphs, each triple once, sorted (see
/// [`union`]). Memory stays bounded in every format: datasets and graphs
/// stream from the store, the union sorts in runs of [`RUN_BYTES`].
pub fn dump(store: &KgStore, format: DumpFormat, graph: Option<&str>, out: &mut dyn Write) -> Result<()> {
    dump_rdf(store, format.rdf_format(), graph, out)
}

/// A serializer of `rdf_format` with unkg's prefixes where it has any.
fn serializer(rdf_format: RdfFormat) -> Result<RdfSerializer> {
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(rdf_format, RdfFormat::TriG | RdfFormat::Turtle | RdfFormat::RdfXml | RdfFormat::JsonLd { .. }) {
        for (prefix, namespace) in PREFIXES {
            // The vocabulary's namespaces, all valid IRIs (a test in rdf::vocab).
            serializer = serializer.with_prefix(*prefix, *namespace).map_err(|e| Error::usage(e.to_string()))?;
        }
    }
    Ok(serializer)
}

/// The union of all graphs in `rdf_format`, each triple once, sorted, even
/// in a format that could hold named graphs (the Graph Store Protocol's
/// default graph).
pub fn dump_union(store: &KgStore, rdf_format: RdfFormat, out: &mut dyn Write) -> Result<()> {
    union(store, serializer(rdf_format)?, out)
}

/// [`dump`] in any of oxigraph's RDF formats.
pub fn dump_rdf(store: &KgStore, rdf_format: RdfFormat, graph: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let serializer = serializer(rdf_format)?;
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
        None => union(store, serializer, out)?,
    }
    Ok(())
}

/// The union of all graphs, each triple once, in the byte order of its
/// N-Triples form, so that the same store always gives the same file. The
/// same triple stands in many graphs (a state's label in every speech that
/// names it), so repeats must go; they are found by sorting, in runs
/// spilled to the temporary folder, not in a set of every triple.
fn union(store: &KgStore, serializer: RdfSerializer, out: &mut dyn Write) -> Result<()> {
    let tmp = std::env::temp_dir();
    let spill = |e: std::io::Error| Error::io(tmp.join(".unkg-sort-*"), e);
    let mut sorter = SortedLines::new(&tmp, RUN_BYTES);
    for quad in store.all_quads() {
        sorter.push(Triple::from(quad?).to_string()).map_err(spill)?;
    }
    let lines = sorter.finish().map_err(spill)?;
    let mut writer = serializer.for_writer(out);
    // Each line is the N-Triples form of a triple, read back as one.
    let reader = NTriplesLines { lines, pending: Vec::new(), at: 0 };
    for triple in RdfParser::from_format(RdfFormat::NTriples).for_reader(reader) {
        let triple = triple.map_err(|e| Error::io(tmp.join(".unkg-sort-*"), std::io::Error::other(e)))?;
        writer.serialize_triple(&Triple::from(triple)).writing("<output>")?;
    }
    writer.finish().writing("<output>")?;
    Ok(())
}

/// Sorted lines as an N-Triples document.
struct NTriplesLines {
    lines: Merged,
    pending: Vec<u8>,
    at: usize,
}

impl std::io::Read for NTriplesLines {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.pending.len() {
            match self.lines.next() {
                None => return Ok(0),
                Some(line) => {
                    self.pending.clear();
                    self.pending.extend_from_slice(line?.as_bytes());
                    self.pending.extend_from_slice(b" .\n");
                    self.at = 0;
                }
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
