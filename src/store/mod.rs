//! The oxigraph store on disk: opening it, knowing what it holds, and
//! replacing named graphs so that no speech is ever half loaded.

mod lock;
mod stats;

pub use stats::{stats, Stats};

use crate::error::{Error, Result};
use crate::rdf::iri;
use crate::rdf::vocab::{prop, UNKG};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// An unkg store: an oxigraph store and the folder it lives in.
pub struct KgStore {
    store: Store,
    path: PathBuf,
    _lock: lock::StoreLock,
}

impl KgStore {
    /// Opens the store in `path` for writing, creating it if needed.
    pub fn open(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let store = Store::open(path).map_err(|e| Error::store(path, e))?;
        // After RocksDB's own lock, which tells a second writer apart.
        let lock = lock::StoreLock::exclusive(path)?;
        Ok(KgStore { store, path: path.to_path_buf(), _lock: lock })
    }

    /// Opens an existing store for reading only; several readers may share it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.join("CURRENT").exists() {
            return Err(Error::Usage(format!(
                "{}: no unkg store here (build one with `unkg build --store {} PATH...`)",
                path.display(),
                path.display()
            )));
        }
        let lock = lock::StoreLock::shared(path)?;
        let store = Store::open_read_only(path).map_err(|e| Error::store(path, e))?;
        Ok(KgStore { store, path: path.to_path_buf(), _lock: lock })
    }

    /// The oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store's folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The build fingerprint recorded in each named graph that has one:
    /// graph IRI to fingerprint.
    pub fn fingerprints(&self) -> Result<HashMap<String, String>> {
        let query = format!("SELECT ?g ?f WHERE {{ GRAPH ?g {{ ?s <{UNKG}{}> ?f }} }}", prop::BUILD_FINGERPRINT);
        let results = SparqlEvaluator::new()
            .parse_query(&query)
            .map_err(|e| Error::store(&self.path, e))?
            .on_store(&self.store)
            .execute()
            .map_err(|e| Error::store(&self.path, e))?;
        let mut map = HashMap::new();
        if let QueryResults::Solutions(solutions) = results {
            for solution in solutions {
                let solution = solution.map_err(|e| Error::store(&self.path, e))?;
                if let (Some(Term::NamedNode(g)), Some(Term::Literal(f))) = (solution.get("g"), solution.get("f")) {
                    map.insert(g.as_str().to_owned(), f.value().to_owned());
                }
            }
        }
        Ok(map)
    }

    /// Removes the named graphs in `graphs`, each in one transaction.
    pub fn remove_graphs(&self, graphs: &[NamedNode]) -> Result<()> {
        for g in graphs {
            self.store
                .remove_named_graph(NamedOrBlankNodeRef::from(g.as_ref()))
                .map_err(|e| Error::store(&self.path, e))?;
        }
        Ok(())
    }

    /// Every IRI the named graph `graph` has as an object: what a speech
    /// graph links to, before it is replaced.
    pub fn objects_in(&self, graph: &NamedNode) -> Result<HashSet<NamedNode>> {
        let mut nodes = HashSet::new();
        for quad in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
            if let Term::NamedNode(n) = quad.map_err(|e| Error::store(&self.path, e))?.object {
                nodes.insert(n);
            }
        }
        Ok(nodes)
    }

    /// Removes from the corpus graph the description of each of
    /// `candidates` that no speech graph links to any more; returns how many
    /// quads went. Called after speeches were replaced, with what their old
    /// graphs linked to, so that a speaker or entity no speech names is gone.
    pub fn prune_corpus(&self, candidates: &HashSet<NamedNode>) -> Result<usize> {
        let corpus = iri::corpus_graph();
        let mut orphaned = Vec::new();
        for node in candidates {
            if self.linked_from_a_speech(node)? {
                continue;
            }
            for quad in self.store.quads_for_pattern(Some(node.as_ref().into()), None, None, Some(corpus.as_ref().into())) {
                orphaned.push(quad.map_err(|e| Error::store(&self.path, e))?);
            }
        }
        if orphaned.is_empty() {
            return Ok(0);
        }
        let mut transaction = self.store.start_transaction().map_err(|e| Error::store(&self.path, e))?;
        for quad in &orphaned {
            transaction.remove(quad);
        }
        transaction.commit().map_err(|e| Error::store(&self.path, e))?;
        Ok(orphaned.len())
    }

    fn linked_from_a_speech(&self, node: &NamedNode) -> Result<bool> {
        for quad in self.store.quads_for_pattern(None, None, Some(node.as_ref().into()), None) {
            if let GraphName::NamedNode(g) = quad.map_err(|e| Error::store(&self.path, e))?.graph_name {
                if iri::is_speech_graph(&g) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Starts a bulk load. Each batch of whole speeches becomes visible as
    /// soon as it is written, so that RocksDB compacts while the load goes
    /// on; an interrupted build leaves whole speeches, never part of one.
    pub fn loader(&self) -> Loader<'_> {
        // Bounded memory: the loader sorts each batch into files on disk in a
        // thread of its own, two at a time. Its batches are exactly ours
        // (see [`PENDING`]), which [`Loader::load`] cuts between speeches.
        let inner = self
            .store
            .bulk_loader()
            .with_num_threads(2)
            // Room for twice our batches, so that oxigraph never splits one.
            .with_max_memory_size_in_megabytes(PENDING * 2 * 2 / 1000)
            .without_atomicity();
        Loader { inner, path: &self.path, count: 0, pending: Vec::new() }
    }

    /// Flushes and compacts the store after a large build.
    pub fn optimize(&self) -> Result<()> {
        self.store.optimize().map_err(|e| Error::store(&self.path, e))
    }

    /// Whether the store holds anything in the named graph `graph`.
    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool> {
        match self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).next() {
            Some(Err(e)) => Err(Error::store(&self.path, e)),
            found => Ok(found.is_some()),
        }
    }

    /// Number of quads in the named graph `graph`.
    pub fn graph_len(&self, graph: &NamedNode) -> usize {
        self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).count()
    }
}

/// Quads gathered before they go to the bulk loader: every call to it
/// sorts and writes files of its own, so feeding it speech by speech is slow.
const PENDING: usize = 350_000;

/// A bulk load into a [`KgStore`], written batch by batch.
pub struct Loader<'a> {
    inner: oxigraph::store::BulkLoader<'a>,
    path: &'a Path,
    count: u64,
    pending: Vec<Quad>,
}

impl Loader<'_> {
    /// Queues `quads`, all of one speech (or one static graph): a batch is
    /// cut only between two calls.
    pub fn load(&mut self, mut quads: Vec<Quad>) -> Result<()> {
        self.count += quads.len() as u64;
        self.pending.append(&mut quads);
        if self.pending.len() >= PENDING {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.pending);
        self.inner.load_quads(batch).map_err(|e| Error::store(self.path, e))
    }

    /// Number of quads queued so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Writes what is still queued and waits until all of it is in the store.
    pub fn commit(mut self) -> Result<()> {
        self.flush()?;
        self.inner.commit().map_err(|e| Error::store(self.path, e))
    }
}
