//! The oxigraph store on disk: opening it, knowing what it holds, and
//! replacing named graphs so that no speech is ever half loaded.
//!
//! [`KgStore`] is the one way in: queries (SELECT, CONSTRUCT, ASK), quad
//! patterns, named graphs, dumps and bulk loads, each mapping oxigraph's
//! errors to unkg's ([`StoreError`] for the store, [`QueryError`](crate::query::QueryError)
//! for a query's evaluation) so that callers do not.

mod aside;
mod error;
mod kept;
mod leftovers;
mod lock;
mod replace;
mod stats;

pub use error::{StoreError, StoreProblem};
pub use replace::StoredSpeech;
pub use kept::Totals;
pub use stats::{recount, stats, Stats};

use crate::error::{Context, Error, Result};
use crate::rdf::vocab::prop;
use oxigraph::io::RdfSerializer;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, QuadRef, Term,
    TermRef, Triple,
};
use oxigraph::sparql::{PreparedSparqlQuery, PreparedSparqlUpdate, QueryEvaluationError, QueryResults, QuerySolution};
use oxigraph::store::Store;
use std::collections::BTreeMap;
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
        std::fs::create_dir_all(path).at(path)?;
        // Before RocksDB's open, which writes even when it then finds the
        // store taken: a refused build must leave the folder as it was.
        let lock = lock::StoreLock::exclusive(path)?;
        let store = Store::open(path).map_err(|e| Error::store(path, e))?;
        leftovers::remove(path)?;
        aside::remove_leftover(path)?;
        Ok(KgStore { store, path: path.to_path_buf(), _lock: lock })
    }

    /// Opens an existing store for reading only; several readers may share it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::missing(path).into());
        }
        let lock = lock::StoreLock::shared(path)?;
        let store = Store::open_read_only(path).map_err(|e| Error::store(path, e))?;
        Ok(KgStore { store, path: path.to_path_buf(), _lock: lock })
    }

    /// Evaluates a prepared query, leaving its error as oxigraph's: for the
    /// SPARQL endpoint, whose answer depends on which error it is (a
    /// refused `SERVICE`, a cancelled query).
    pub fn execute(&self, query: PreparedSparqlQuery) -> std::result::Result<QueryResults<'_>, QueryEvaluationError> {
        query.on_store(&self.store).execute()
    }

    /// Applies a SPARQL update (a server started with `--allow-update`).
    pub fn update(&self, update: PreparedSparqlUpdate) -> Result<()> {
        update.on_store(&self.store).execute().map_err(|e| self.storage_error(e))
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize> {
        self.store.len().map_err(|e| self.storage_error(e))
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool> {
        self.store.is_empty().map_err(|e| self.storage_error(e))
    }

    fn storage_error(&self, e: impl std::fmt::Display) -> Error {
        Error::store(&self.path, e)
    }

    /// Evaluates a prepared query (see [`crate::query::prepare`]); an
    /// evaluation error is a query error of `origin`.
    pub fn evaluate(&self, query: PreparedSparqlQuery, origin: &str) -> Result<QueryResults<'_>> {
        self.execute(query).map_err(|e| query_error(origin, &e))
    }

    /// [`KgStore::evaluate`], also returning the evaluated plan with the
    /// rows and time of each step.
    pub fn evaluate_explained(&self, query: PreparedSparqlQuery, origin: &str) -> (Result<QueryResults<'_>>, String) {
        let (results, explanation) = query.on_store(&self.store).compute_statistics().explain();
        (results.map_err(|e| query_error(origin, &e)), format!("{explanation:?}"))
    }

    /// The rows of a SELECT query, each error a query error of `origin`.
    pub fn select(
        &self,
        query: PreparedSparqlQuery,
        origin: &str,
    ) -> Result<impl Iterator<Item = Result<QuerySolution>> + '_> {
        let QueryResults::Solutions(rows) = self.evaluate(query, origin)? else {
            return Err(query_error(origin, &"expected a SELECT query"));
        };
        let origin = origin.to_owned();
        Ok(rows.map(move |row| row.map_err(|e| query_error(&origin, &e))))
    }

    /// The triples of a CONSTRUCT or DESCRIBE query; `None` for another
    /// form of query.
    pub fn construct(&self, query: PreparedSparqlQuery, origin: &str) -> Result<Option<Vec<Triple>>> {
        let QueryResults::Graph(triples) = self.evaluate(query, origin)? else {
            return Ok(None);
        };
        triples.collect::<std::result::Result<Vec<_>, _>>().map(Some).map_err(|e| query_error(origin, &e))
    }

    /// The quads matching a pattern (`None` matches anything).
    pub fn quads(
        &self,
        subject: Option<NamedOrBlankNodeRef<'_>>,
        predicate: Option<NamedNodeRef<'_>>,
        object: Option<TermRef<'_>>,
        graph: Option<GraphNameRef<'_>>,
    ) -> impl Iterator<Item = Result<Quad>> + '_ {
        self.store.quads_for_pattern(subject, predicate, object, graph).map(|q| q.map_err(|e| self.storage_error(e)))
    }

    /// Every quad of the named graph `graph`.
    pub fn graph_quads(&self, graph: NamedNodeRef<'_>) -> impl Iterator<Item = Result<Quad>> + '_ {
        self.quads(None, None, None, Some(GraphNameRef::NamedNode(graph)))
    }

    /// Every quad of the store.
    pub fn all_quads(&self) -> impl Iterator<Item = Result<Quad>> + '_ {
        self.quads(None, None, None, None)
    }

    /// Every named graph of the store.
    pub fn named_graphs(&self) -> impl Iterator<Item = Result<NamedOrBlankNode>> + '_ {
        self.store.named_graphs().map(|g| g.map_err(|e| self.storage_error(e)))
    }

    /// Whether the store declares the named graph `graph` (see also
    /// [`KgStore::has_graph`], whether it holds anything in it).
    pub fn is_named_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        self.store.contains_named_graph(graph).map_err(|e| self.storage_error(e))
    }

    /// Writes the whole store with `serializer`, which must take datasets.
    pub fn dump(&self, serializer: RdfSerializer, out: &mut dyn std::io::Write) -> Result<()> {
        self.store.dump_to_writer(serializer, out).map(drop).map_err(|e| self.storage_error(e))
    }

    /// Writes the named graph `graph` with `serializer`.
    pub fn dump_graph(&self, graph: NamedNodeRef<'_>, serializer: RdfSerializer, out: &mut dyn std::io::Write) -> Result<()> {
        self.store
            .dump_graph_to_writer(GraphNameRef::NamedNode(graph), serializer, out)
            .map(drop)
            .map_err(|e| self.storage_error(e))
    }

    /// Adds one quad, in a transaction of its own (a build loads through
    /// [`KgStore::loader`]).
    pub fn insert<'q>(&self, quad: impl Into<QuadRef<'q>>) -> Result<()> {
        self.store.insert(quad).map(drop).map_err(|e| self.storage_error(e))
    }

    /// Removes one quad, in a transaction of its own.
    pub fn remove<'q>(&self, quad: impl Into<QuadRef<'q>>) -> Result<()> {
        self.store.remove(quad).map(drop).map_err(|e| self.storage_error(e))
    }

    /// The store's folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The build fingerprint recorded in each named graph that has one:
    /// graph IRI to fingerprint.
    pub fn fingerprints(&self) -> Result<BTreeMap<String, String>> {
        let mut map = BTreeMap::new();
        for quad in self.quads(None, Some(prop::BUILD_FINGERPRINT), None, None) {
            let quad = quad?;
            if let (GraphName::NamedNode(g), Term::Literal(f)) = (quad.graph_name, quad.object) {
                map.insert(g.into_string(), f.value().to_owned());
            }
        }
        Ok(map)
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

/// An error of the query from `origin`.
fn query_error(origin: &str, e: &dyn std::fmt::Display) -> Error {
    crate::query::QueryError::new(origin, e).into()
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
