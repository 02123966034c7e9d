//! Replacing and removing speeches: their graphs go whole, and the corpus
//! graph keeps exactly what the remaining speeches share with it.
//!
//! Each speech graph lists, in `unkg:corpusShare`, the triples it added to
//! the corpus graph (its meeting, its speaker, entities the reference data
//! lacks, spellings found in its text). After speeches are replaced or
//! removed, the description of everything their old graphs linked to is
//! cut back to the union of what the speeches now linking to it share: the
//! store then holds what a fresh build of the same files would.

use super::KgStore;
use crate::error::{Error, Result};
use crate::rdf::iri;
use crate::rdf::vocab::prop;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNodeRef, Quad, Term};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Quads removed per transaction: bounds the memory a removal takes
/// whatever the graph's size.
const REMOVE_CHUNK: usize = 50_000;

/// A speech graph of the store, as its header describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredSpeech {
    /// The file it was built from, as the build named it (`unkg:sourcePath`).
    pub path: Option<PathBuf>,
    /// `sha256:` and the hex digest of the file's bytes (`unkg:contentHash`).
    pub content_hash: Option<String>,
}

impl KgStore {
    /// Every speech graph of the store, with where its file was and what
    /// it held, in the order of the graphs' IRIs.
    pub fn speeches(&self) -> Result<BTreeMap<NamedNode, StoredSpeech>> {
        let mut out: BTreeMap<NamedNode, StoredSpeech> = BTreeMap::new();
        for (predicate, path) in [(prop::SOURCE_PATH, true), (prop::CONTENT_HASH, false)] {
            for quad in self.quads(None, Some(predicate), None, None) {
                let quad = quad?;
                let (GraphName::NamedNode(g), Term::Literal(value)) = (quad.graph_name, quad.object) else { continue };
                if !iri::is_speech_graph(&g) {
                    continue;
                }
                let entry = out.entry(g).or_default();
                if path {
                    entry.path = Some(PathBuf::from(value.value()));
                } else {
                    entry.content_hash = Some(value.value().to_owned());
                }
            }
        }
        Ok(out)
    }

    /// Removes the named graphs in `graphs`; returns how many quads went,
    /// and every IRI they had as an object (what the corpus graph may now
    /// describe for nobody: see [`KgStore::prune_corpus`]), read in the
    /// same pass.
    ///
    /// A graph's build fingerprint goes first, then its quads in bounded
    /// transactions: an interrupted removal leaves a graph without a
    /// fingerprint, which the next build removes or writes again whole.
    /// (oxigraph's own removal holds the whole graph's deletions in one
    /// indexed batch: memory grows with the graph.)
    pub fn remove_graphs(&self, graphs: &[NamedNode]) -> Result<(u64, BTreeSet<NamedNode>)> {
        let mut removed = 0;
        let mut objects = BTreeSet::new();
        for g in graphs {
            let graph = GraphNameRef::NamedNode(g.as_ref());
            let fingerprints: Vec<Quad> =
                self.quads(None, Some(prop::BUILD_FINGERPRINT), None, Some(graph)).collect::<Result<_>>()?;
            removed += self.remove_quads(&fingerprints)?;
            let mut chunk = Vec::with_capacity(REMOVE_CHUNK);
            // The iterator reads a snapshot: the removals below do not move it.
            for quad in self.quads(None, None, None, Some(graph)) {
                let quad = quad?;
                if let Term::NamedNode(n) = &quad.object {
                    if !objects.contains(n) {
                        objects.insert(n.clone());
                    }
                }
                chunk.push(quad);
                if chunk.len() == REMOVE_CHUNK {
                    removed += self.remove_quads(&chunk)?;
                    chunk.clear();
                }
            }
            removed += self.remove_quads(&chunk)?;
            self.store.remove_named_graph(NamedOrBlankNodeRef::from(g.as_ref())).map_err(|e| Error::store(&self.path, e))?;
        }
        Ok((removed, objects))
    }

    /// Removes `quads` in one transaction; returns how many there were.
    pub(super) fn remove_quads(&self, quads: &[Quad]) -> Result<u64> {
        if quads.is_empty() {
            return Ok(0);
        }
        let mut transaction = self.store.start_transaction().map_err(|e| Error::store(&self.path, e))?;
        for quad in quads {
            transaction.remove(quad);
        }
        transaction.commit().map_err(|e| Error::store(&self.path, e))?;
        Ok(quads.len() as u64)
    }

    /// Cuts the corpus graph's description of each of `candidates` back to
    /// what the speech graphs linking to it share; returns how many quads
    /// went. Called after speeches were replaced or removed, with what their
    /// old graphs linked to: a speaker no speech names leaves the corpus, and
    /// so does a spelling found only in a removed text.
    pub fn prune_corpus(&self, candidates: &BTreeSet<NamedNode>) -> Result<usize> {
        let corpus = iri::corpus_graph();
        let mut shares: BTreeMap<NamedNode, Option<BTreeSet<String>>> = BTreeMap::new();
        let mut orphaned = Vec::new();
        for node in candidates {
            let described: Vec<Quad> =
                self.quads(Some(node.as_ref().into()), None, None, Some(corpus.as_ref().into())).collect::<Result<_>>()?;
            if described.is_empty() {
                continue;
            }
            let mut kept: BTreeSet<String> = BTreeSet::new();
            let mut unknown = false;
            for graph in self.speech_graphs_linking(node)? {
                if !shares.contains_key(&graph) {
                    let share = self.share_of(&graph)?;
                    shares.insert(graph.clone(), share);
                }
                match shares.get(&graph) {
                    Some(Some(lines)) => kept.extend(lines.iter().filter(|l| describes(l, node)).cloned()),
                    // A graph built before speeches listed their share (or
                    // half written): what it shares is unknown, so all stays.
                    _ => unknown = true,
                }
            }
            if unknown {
                continue;
            }
            orphaned.extend(described.into_iter().filter(|q| !kept.contains(&crate::rdf::share_line(q))));
        }
        self.remove_quads(&orphaned)?;
        Ok(orphaned.len())
    }

    /// The speech graphs holding a quad whose object is `node`.
    fn speech_graphs_linking(&self, node: &NamedNode) -> Result<BTreeSet<NamedNode>> {
        let mut graphs = BTreeSet::new();
        for quad in self.quads(None, None, Some(node.as_ref().into()), None) {
            if let GraphName::NamedNode(g) = quad?.graph_name {
                if iri::is_speech_graph(&g) {
                    graphs.insert(g);
                }
            }
        }
        Ok(graphs)
    }

    /// The lines of the `unkg:corpusShare` of the speech graph `graph`, if
    /// it has one.
    fn share_of(&self, graph: &NamedNode) -> Result<Option<BTreeSet<String>>> {
        let graph = GraphNameRef::NamedNode(graph.as_ref());
        for quad in self.quads(None, Some(prop::CORPUS_SHARE), None, Some(graph)) {
            if let Term::Literal(share) = quad?.object {
                return Ok(Some(share.value().lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()));
            }
        }
        Ok(None)
    }
}

/// Whether the N-Triples `line` is about `node`.
fn describes(line: &str, node: &NamedNode) -> bool {
    line.strip_prefix('<').and_then(|rest| rest.strip_prefix(node.as_str())).is_some_and(|rest| rest.starts_with("> "))
}
