//! `unkg load`: the N-Quads files of the map step (`unkg extract`, the
//! Spark job) into a store, the reduce side of `unkg build`.
//!
//! The store ends as a build of the same speeches leaves it: the ontology
//! and reference graphs loaded where this unkg has not loaded them yet,
//! each speech's graph replaced whole (or left alone when its fingerprint
//! is unchanged), the corpus graph's quads, which every part file repeats,
//! loaded once, what replaced speeches no longer link to pruned, the store
//! compacted. Speeches go through the bulk loader whole, their fingerprint
//! last, so an interrupted load leaves a speech absent or unfingerprinted
//! (and loaded again next time), never taken for whole.

mod read;

pub use read::{find, Problems};

use crate::error::{Diagnostic, Result};
use crate::ingest::load_static_graphs;
use crate::rdf::iri;
use crate::rdf::vocab::prop;
use crate::reference::Reference;
use crate::store::{KgStore, Loader};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Quads of one speech held before they go to the loader: a longer speech
/// goes in pieces (and is then replaced even when unchanged, since its
/// fingerprint comes last).
const SPEECH_QUADS: usize = 200_000;

/// What a load did, and every problem it met.
#[derive(Debug, Default)]
pub struct Report {
    /// N-Quads files read.
    pub files: usize,
    /// Speeches new to the store.
    pub added: usize,
    /// Speeches whose graph was replaced.
    pub replaced: usize,
    /// Speeches left alone: the store has them with the same fingerprint.
    pub unchanged: usize,
    /// Quads given to the store (the corpus graph's counted once).
    pub quads: u64,
    /// The map step's warnings.
    pub warnings: Vec<Diagnostic>,
    /// The map step's failed speeches, lines that are no N-Quads, files
    /// that could not be read.
    pub errors: Vec<Diagnostic>,
    /// Wall time.
    pub elapsed: Duration,
}

impl Report {
    /// The one-line summary.
    pub fn summary(&self) -> String {
        format!(
            "{} speeches from {} files ({} added, {} replaced, {} unchanged); {} quads loaded; {} warnings, {} errors; \
             {:.2} s",
            self.added + self.replaced + self.unchanged,
            self.files,
            self.added,
            self.replaced,
            self.unchanged,
            self.quads,
            self.warnings.len(),
            self.errors.len(),
            self.elapsed.as_secs_f64()
        )
    }
}

/// Loads the N-Quads files at or below `inputs` (see [`find`]) into the
/// store in `store`, creating it if needed.
pub fn load(store: &std::path::Path, inputs: &[PathBuf]) -> Result<Report> {
    let started = Instant::now();
    let store = KgStore::open(store)?;
    // The corpus graph may change: its summary is written again at the end.
    store.forget_corpus_summary()?;
    let mut loader = store.loader();
    let existing = store.fingerprints()?;
    let mut report = Report::default();
    let reference = Reference::bundled();
    report.warnings.extend(load_static_graphs(&reference, &store, &existing, &mut loader)?);
    let (files, errors) = find(inputs);
    report.files = files.len();
    report.errors.extend(errors);
    let mut speeches = Speeches {
        store: &store,
        loader,
        existing,
        seen: HashSet::new(),
        shared: HashSet::new(),
        unlinked: BTreeSet::new(),
        graph: None,
        pending: Vec::new(),
        cut: false,
    };
    for file in &files {
        let mut problems = Problems::default();
        let read = read::read(file, &mut problems, |quad| speeches.push(quad, &mut report));
        report.errors.extend(problems.errors);
        report.warnings.extend(problems.warnings);
        if let Err(e) = read {
            match e.location() {
                // A file that cannot be read costs itself; the store failing costs the load.
                Some(_) => report.errors.push(Diagnostic::from_error(file, e)),
                None => return Err(e),
            }
        }
    }
    speeches.end(&mut report)?;
    let Speeches { loader, unlinked, .. } = speeches;
    report.quads = loader.count();
    loader.commit()?;
    store.prune_corpus(&unlinked)?;
    store.summarise_corpus()?;
    // The bulk path: many overlapping files, which compaction merges.
    store.optimize()?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The quads read so far, grouped by speech on their way to the loader.
struct Speeches<'s> {
    store: &'s KgStore,
    loader: Loader<'s>,
    /// Fingerprints in the store before the load, by graph.
    existing: BTreeMap<String, String>,
    /// The speech graphs met in this load: a graph met again (in a second
    /// file) adds to itself instead of replacing itself.
    seen: HashSet<NamedNode>,
    /// The corpus graph's quads given to the loader.
    shared: HashSet<Quad>,
    /// What the replaced speech graphs linked to.
    unlinked: BTreeSet<NamedNode>,
    /// The speech graph of the quads pending.
    graph: Option<NamedNode>,
    pending: Vec<Quad>,
    /// Whether part of the pending speech went to the loader already.
    cut: bool,
}

impl Speeches<'_> {
    /// Takes one quad: a quad of another speech graph ends the pending
    /// speech; the quads of other graphs go with the pending speech.
    fn push(&mut self, quad: Quad, report: &mut Report) -> Result<()> {
        if let GraphName::NamedNode(g) = &quad.graph_name {
            if iri::is_speech_graph(g) && self.graph.as_ref() != Some(g) {
                self.end(report)?;
                self.graph = Some(g.clone());
            } else if *g == iri::corpus_graph() && !self.shared.insert(quad.clone()) {
                return Ok(());
            }
        }
        self.pending.push(quad);
        if self.pending.len() >= SPEECH_QUADS {
            self.replace(report)?;
            self.cut = true;
            self.loader.load(std::mem::take(&mut self.pending))?;
        }
        Ok(())
    }

    /// Loads the pending speech, unless the store has it with the same
    /// fingerprint.
    fn end(&mut self, report: &mut Report) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        if !self.cut && self.unchanged(&pending) {
            report.unchanged += 1;
        } else {
            self.replace(report)?;
            self.loader.load(pending)?;
        }
        self.graph = None;
        self.cut = false;
        Ok(())
    }

    /// Whether the pending speech is in the store with its fingerprint.
    fn unchanged(&self, pending: &[Quad]) -> bool {
        let Some(graph) = &self.graph else { return false };
        let Some(before) = self.existing.get(graph.as_str()) else { return false };
        !self.seen.contains(graph)
            && pending.iter().rev().any(|q| {
                q.predicate == prop::BUILD_FINGERPRINT
                    && q.graph_name == GraphName::NamedNode(graph.clone())
                    && matches!(&q.object, Term::Literal(l) if l.value() == before)
            })
    }

    /// Before the first quads of a speech graph met for the first time,
    /// removes what the store had of it.
    fn replace(&mut self, report: &mut Report) -> Result<()> {
        let Some(graph) = &self.graph else { return Ok(()) };
        if !self.seen.insert(graph.clone()) {
            return Ok(());
        }
        if self.existing.contains_key(graph.as_str()) || self.store.has_graph(graph)? {
            let (_, linked) = self.store.remove_graphs(std::slice::from_ref(graph))?;
            self.unlinked.extend(linked);
            report.replaced += 1;
        } else {
            report.added += 1;
        }
        Ok(())
    }
}
