//! The main job: speech files in, an up-to-date store out.
//!
//! Files are read, parsed, extracted and turned into quads in parallel, in
//! bounded batches, and streamed into the bulk loader, which writes whole
//! speeches batch by batch (a large build ends by compacting). A speech whose
//! file, metadata and unkg build are unchanged since the last build is
//! skipped; a changed one has its graph replaced whole; one whose file is
//! gone from a folder the build was given is removed. When most of the
//! store would be replaced, a new store is built beside it and swapped in
//! instead (`way`, `store::aside`). The store is then what a fresh build
//! of the same files would make.

mod missing;
mod progress;
mod report;
mod way;

pub use crate::error::Diagnostic;
pub use report::Report;

use crate::corpus::{discover, MetaIndex, SpeechMeta};
use crate::error::{Error, Result};
use crate::extract::Extractors;
use crate::pipeline::{fingerprint, Pipeline, ReadSpeech, WINDOW};
use crate::rdf::{self, iri};
use crate::reference::Reference;
use crate::store::KgStore;
use way::Way;
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Quad};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

pub use crate::pipeline::BUILD_ID;

/// Speeches processed in parallel before their quads go to the loader:
/// bounds memory whatever the corpus size...
const BATCH: usize = 256;

/// ...and whatever the files' sizes: a batch ends once its files reach this
/// many bytes (ungdc's 256 speeches make about 4.7 MB).
const BATCH_BYTES: u64 = 4 << 20;

/// The default of `--max-file-size`: 160 times the longest speech of the
/// corpora (127 KB), and at 20 bytes of memory per byte well within the
/// memory a corpus build takes.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20 << 20;

/// A build that writes or removes at least this many quads compacts the
/// store: removed quads leave tombstones that take room and slow reads
/// until compacted away.
const COMPACT_AFTER: u64 = 1_000_000;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The store's folder.
    pub store: PathBuf,
    /// Speech files and folders.
    pub inputs: Vec<PathBuf>,
    /// Metadata tables given explicitly (besides those found near the files).
    pub meta: Vec<PathBuf>,
    /// No progress bar.
    pub quiet: bool,
    /// Files larger than this many bytes are refused (with an error naming
    /// the file and its size) instead of loaded.
    pub max_file_size: u64,
    /// Keep the speeches whose files are gone from the folders given,
    /// instead of removing them: for a store built from several folders
    /// in turns.
    pub keep_missing: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { store: PathBuf::new(), inputs: Vec::new(), meta: Vec::new(), quiet: false, max_file_size: DEFAULT_MAX_FILE_SIZE, keep_missing: false }
    }
}

/// Builds or updates the store from the inputs: [`plan`] what to do,
/// choose the way (in place, or a new store aside: see `way`), [`remove`]
/// the speeches whose files are gone (in place), [`run`] the speeches
/// through the stages into the loader, [`finish`] the store.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    let store = KgStore::open(&options.store)?;
    let reference = Reference::bundled();
    let (mut report, jobs, gone) = plan(options, &store)?;
    let mut report = match way::choose(&store, &jobs, &gone)? {
        Way::InPlace => {
            let removed = remove(&store, &gone, &mut report)?;
            write(&store, &reference, &jobs, options, report, removed, false)?
        }
        Way::Aside => {
            // The old store stays as it is, and locked, until the new one
            // is whole; what it held of the speeches gone is only counted.
            let stored = store.speeches()?;
            let removed = Removed {
                hashes: gone.iter().filter_map(|g| stored.get(g).and_then(|s| s.content_hash.clone())).collect(),
                linked: BTreeSet::new(),
            };
            report.removed += gone.len();
            let aside = store.open_aside()?;
            let mut report = match write(&aside, &reference, &jobs, options, report, removed, true) {
                Ok(report) => report,
                Err(e) => {
                    // The old store is untouched: the half-built one goes.
                    let _ = aside.discard_aside();
                    return Err(e);
                }
            };
            store.swap_in(aside)?;
            report.aside = true;
            report
        }
    };
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Loads the static graphs where they changed, then the jobs' speeches
/// (each one, with `fresh`: `store` is a new store beside the old), and
/// finishes the store.
fn write(
    store: &KgStore,
    reference: &Reference,
    jobs: &[Job],
    options: &BuildOptions,
    mut report: Report,
    mut removed: Removed,
    fresh: bool,
) -> Result<Report> {
    // Whether the corpus graph may change: a speech written or removed.
    let changes = !removed.linked.is_empty() || report.removed > 0 || fresh || jobs.iter().any(|j| !j.unchanged);
    if changes {
        store.forget_corpus_summary()?;
    }
    let mut loader = store.loader();
    let existing = store.fingerprints()?;
    report.warnings.extend(load_static_graphs(reference, store, &existing, &mut loader)?);
    let extractors = Extractors::new(reference.gazetteer());
    let pipeline = Pipeline::new(reference, &extractors);
    let progress = progress::Progress::new(jobs.len() as u64, options.quiet);
    let stage = Stage { store, pipeline, max_file_size: options.max_file_size, fresh };
    run(&stage, jobs, &mut loader, &progress, &mut report, &mut removed)?;
    finish(store, loader, &removed, &progress, &mut report)?;
    if changes || !store.has_corpus_summary()? {
        store.summarise_corpus()?;
    }
    Ok(report)
}

/// What every batch of a build's speeches goes through.
struct Stage<'a> {
    store: &'a KgStore,
    pipeline: Pipeline<'a>,
    max_file_size: u64,
    /// Whether `store` is a new store beside the old one: every speech is
    /// written, and there is nothing to replace.
    fresh: bool,
}

/// What the build took out of the store: the speeches whose old graphs it
/// removed, and what those graphs linked to (the corpus graph's
/// descriptions to cut back to what the remaining speeches share).
#[derive(Default)]
struct Removed {
    /// The content hash of each speech removed because its file is gone:
    /// an added speech with the same bytes was moved.
    hashes: Vec<String>,
    /// What the removed and replaced graphs linked to.
    linked: BTreeSet<NamedNode>,
}

/// Removes the graphs of `gone`, speeches whose files are no longer under
/// the folders given.
fn remove(store: &KgStore, gone: &[NamedNode], report: &mut Report) -> Result<Removed> {
    let mut removed = Removed::default();
    if gone.is_empty() {
        return Ok(removed);
    }
    let stored = store.speeches()?;
    for graph in gone {
        removed.hashes.extend(stored.get(graph).and_then(|s| s.content_hash.clone()));
    }
    let (quads, linked) = store.remove_graphs(gone)?;
    report.removed_quads += quads;
    removed.linked = linked;
    report.removed += gone.len();
    Ok(removed)
}

/// Finds the files and their metadata and makes one job per speech (with
/// the fingerprint of its last build, and whether the file still has it);
/// what cannot be read or clashes is in the report. Writes nothing: how
/// to write depends on how much changed (see `way`).
fn plan(options: &BuildOptions, store: &KgStore) -> Result<(Report, Vec<Job>, Vec<NamedNode>)> {
    let found = discover(&options.inputs);
    let files = found.files;
    let mut report = Report { files: files.len(), ..Report::default() };
    // Entries that could not be looked at fail the build's exit code but not
    // the files found beside them.
    for problem in found.problems {
        let path = problem.location().map(|(path, _)| path.to_path_buf()).unwrap_or_default();
        report.failed += 1;
        report.errors.push(Diagnostic::from_error(&path, problem));
    }

    let mut index = MetaIndex::default();
    for table in &options.meta {
        match index.load_table(table) {
            Ok(problems) => report.warn_all(problems),
            Err(e) => report.warn_all(vec![e]),
        }
    }
    let mut metas = Vec::with_capacity(files.len());
    for file in &files {
        let problems = index.load_near(file);
        report.warn_all(problems);
        metas.push(index.for_file(file, &crate::corpus::Layout::of(file)));
    }

    let existing = store.fingerprints()?;
    let stored = store.speeches()?;
    let mut owners: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut jobs = Vec::with_capacity(files.len());
    for (file, meta) in files.into_iter().zip(metas) {
        let id = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(first) = owners.get(&id) {
            report.errors.push(Diagnostic::new(
                &file,
                1,
                format!("speech id {id:?} is already taken by {}: rename one of the files", first.display()),
            ));
            report.failed += 1;
            continue;
        }
        owners.insert(id.clone(), file.clone());
        let graph = iri::speech_graph(&id);
        let previous = existing.get(graph.as_str()).cloned();
        // The graph records where its file was: a file moved to another
        // folder under the same name is written again, as a fresh build
        // would write it.
        let moved = stored.get(&graph).is_some_and(|s| s.path.as_deref() != Some(file.as_path()));
        // A file that cannot be looked at now fails when it is read.
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        jobs.push(Job { path: file, id, meta, previous, moved, size, unchanged: false });
    }
    // Which speeches changed, before anything is written: how to write the
    // store depends on how much of it changes.
    jobs.par_iter_mut().filter(|job| job.previous.is_some() && !job.moved && job.size <= options.max_file_size).for_each(|job| {
        // A file that cannot be read now fails when it is read again.
        if let Ok(bytes) = std::fs::read(&job.path) {
            job.unchanged = job.previous.as_deref() == Some(fingerprint(&bytes, &job.meta).as_str());
        }
    });
    let gone = if options.keep_missing {
        Vec::new()
    } else {
        let present: BTreeSet<NamedNode> = owners.keys().map(|id| iri::speech_graph(id)).collect();
        missing::missing(&stored, &present, &options.inputs)
    };
    Ok((report, jobs, gone))
}

/// Runs the jobs batch by batch: the speeches of a batch through the stages
/// in parallel, their quads into the loader; adds to `removed` what the
/// replaced speeches linked to.
fn run(
    stage: &Stage<'_>,
    jobs: &[Job],
    loader: &mut crate::store::Loader<'_>,
    progress: &progress::Progress,
    report: &mut Report,
    removed: &mut Removed,
) -> Result<()> {
    let batches = batches(jobs);
    // Extraction of the next batch runs while the loader takes this one, so
    // that neither core waits for the other stage.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
    std::thread::scope(|scope| -> Result<()> {
        let batches = &batches;
        scope.spawn(move || {
            for batch in batches {
                let outcomes = jobs[batch.clone()].par_iter().map(|job| process(stage, job)).collect();
                if sender.send(outcomes).is_err() {
                    break; // the loader failed and stopped listening
                }
            }
        });
        for (batch, outcomes) in batches.iter().zip(receiver) {
            let batch = &jobs[batch.clone()];
            // Old graphs go before any quad of their new ones is queued: an
            // interrupted build leaves such a speech absent (and rebuilt next
            // time), never half. A graph with no fingerprint was left
            // half-written (a long speech is written in parts): it goes too.
            // So does the graph of a file that now fails: a fresh build
            // would not hold it.
            let mut stale = Vec::new();
            for (job, outcome) in batch.iter().zip(&outcomes) {
                if stage.fresh {
                    if job.previous.is_some() && matches!(outcome, Outcome::Failed(_)) {
                        report.removed += 1;
                    }
                } else if !matches!(outcome, Outcome::Unchanged { .. }) {
                    let graph = iri::speech_graph(&job.id);
                    if job.previous.is_some() || stage.store.has_graph(&graph)? {
                        if matches!(outcome, Outcome::Failed(_)) {
                            report.removed += 1;
                        }
                        stale.push(graph);
                    }
                }
            }
            let (quads, linked) = stage.store.remove_graphs(&stale)?;
            report.removed_quads += quads;
            removed.linked.extend(linked);
            for (job, outcome) in batch.iter().zip(outcomes) {
                progress.advance(outcome.bytes());
                let (warnings, bytes, hash) = match outcome {
                    Outcome::Unchanged { bytes } => {
                        report.unchanged += 1;
                        report.bytes += bytes;
                        continue;
                    }
                    Outcome::Failed(e) => {
                        report.failed += 1;
                        report.errors.push(Diagnostic::from_error(&job.path, e));
                        continue;
                    }
                    Outcome::Built { quads, warnings, bytes, hash } => {
                        loader.load(quads)?;
                        (warnings, bytes, hash)
                    }
                    Outcome::Long(long) => {
                        let LongSpeech { speech, fingerprint, bytes } = *long;
                        let hash = speech.speech().content_hash.clone();
                        // Each window's quads are loaded before the next
                        // window is extracted.
                        (stage.pipeline.write(speech, &fingerprint, |part| loader.load(part.into_quads()))?, bytes, hash)
                    }
                };
                if job.unchanged {
                    // Written again only because the whole store was.
                    report.unchanged += 1;
                } else if job.previous.is_some() {
                    report.replaced += 1;
                } else if let Some(at) = removed.hashes.iter().position(|h| *h == hash) {
                    // The same bytes under a new name: a move, not a
                    // removal and an addition.
                    removed.hashes.swap_remove(at);
                    report.removed -= 1;
                    report.moved += 1;
                } else {
                    report.added += 1;
                }
                report.bytes += bytes;
                report.warnings.extend(warnings);
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// Commits the load, cuts the corpus graph back to what the speeches
/// share, and compacts the store after a large load or removal.
fn finish(
    store: &KgStore,
    loader: crate::store::Loader<'_>,
    removed: &Removed,
    progress: &progress::Progress,
    report: &mut Report,
) -> Result<()> {
    report.quads = loader.count();
    loader.commit()?;
    report.removed_quads += store.prune_corpus(&removed.linked)? as u64;
    // A large load leaves many overlapping files, which make every query
    // read several of them, and a large removal leaves tombstones that
    // take room and are read past: compacting now costs a fraction of the
    // build and makes queries several times faster.
    if report.quads + report.removed_quads >= COMPACT_AFTER || removed_much(store, report.removed_quads)? {
        progress.compacting();
        store.optimize()?;
    }
    progress.finish();
    Ok(())
}

/// Whether `removed` quads are a quarter or more of what the store's
/// speeches held: enough tombstones to grow a store by a third or more on
/// disk and to slow its reads until compacted away, whatever the absolute
/// number. (Compacting costs about as much as a fresh load of the whole
/// store's quads; below a quarter it would cost more than the replacement.)
fn removed_much(store: &KgStore, removed: u64) -> Result<bool> {
    if removed == 0 {
        return Ok(false);
    }
    let left: u64 = store.speech_sizes()?.values().sum();
    Ok(removed * 4 >= left + removed)
}

struct Job {
    path: PathBuf,
    id: String,
    meta: SpeechMeta,
    previous: Option<String>,
    /// Whether the store has this speech from a file elsewhere.
    moved: bool,
    /// Whether the store has this speech with the fingerprint the file has
    /// now, from this file: nothing to write.
    unchanged: bool,
    /// The file's size in bytes when the build started.
    size: u64,
}

/// Cuts the jobs into batches of at most [`BATCH`] speeches and about
/// [`BATCH_BYTES`] bytes; a file too long for one [`WINDOW`] goes alone.
fn batches(jobs: &[Job]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, job) in jobs.iter().enumerate() {
        let long = job.size > WINDOW as u64;
        if i > start && (long || i - start >= BATCH || bytes >= BATCH_BYTES) {
            out.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += job.size;
        if long {
            out.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < jobs.len() {
        out.push(start..jobs.len());
    }
    out
}

enum Outcome {
    Unchanged { bytes: u64 },
    Built { quads: Vec<Quad>, warnings: Vec<Diagnostic>, bytes: u64, hash: String },
    /// A speech too long to extract at once: the loader extracts and writes
    /// it window by window.
    Long(Box<LongSpeech>),
    Failed(Error),
}

/// A speech read but not yet extracted: the loader's thread extracts it,
/// loading each window's quads before the next.
struct LongSpeech {
    speech: ReadSpeech,
    fingerprint: String,
    bytes: u64,
}

impl Outcome {
    fn bytes(&self) -> u64 {
        match self {
            Outcome::Unchanged { bytes } | Outcome::Built { bytes, .. } => *bytes,
            Outcome::Long(long) => long.bytes,
            Outcome::Failed(_) => 0,
        }
    }
}

/// Reads a job's file and, unless it is unchanged or long, runs it
/// through the pipeline.
fn process(stage: &Stage<'_>, job: &Job) -> Outcome {
    let (pipeline, max_file_size) = (stage.pipeline, stage.max_file_size);
    if job.unchanged && !stage.fresh {
        return Outcome::Unchanged { bytes: job.size };
    }
    if job.size > max_file_size {
        return Outcome::Failed(Error::input(&job.path, 0, format!(
            "the file is {} bytes, over the --max-file-size of {max_file_size}: no speech is that long (raise \
             --max-file-size to load it all the same)",
            job.size
        )));
    }
    let bytes = match std::fs::read(&job.path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(Error::io(&job.path, e)),
    };
    let fingerprint = fingerprint(&bytes, &job.meta);
    let size = bytes.len() as u64;
    let speech = match pipeline.read(&job.path, &bytes, job.meta.clone()) {
        Ok(speech) => speech,
        Err(e) => return Outcome::Failed(e),
    };
    drop(bytes);
    if pipeline.is_long(&speech) {
        return Outcome::Long(Box::new(LongSpeech { speech, fingerprint, bytes: size }));
    }
    let hash = speech.speech().content_hash.clone();
    let mut quads = Vec::new();
    let Ok(warnings) = pipeline.write(speech, &fingerprint, |part| {
        quads.append(&mut part.into_quads());
        Ok::<(), std::convert::Infallible>(())
    });
    Outcome::Built { quads, warnings, bytes: size, hash }
}

/// Loads the ontology and reference graphs when this build of unkg differs
/// from the one that loaded them; returns the names of the Council's tables
/// that linked to no state when it loaded the reference graph.
pub(crate) fn load_static_graphs(
    reference: &Reference,
    store: &KgStore,
    existing: &BTreeMap<String, String>,
    loader: &mut crate::store::Loader<'_>,
) -> Result<Vec<Diagnostic>> {
    let fingerprint_quad = |graph: &NamedNode| {
        Quad::new(
            graph.clone(),
            rdf::vocab::prop::BUILD_FINGERPRINT,
            oxigraph::model::Literal::new_simple_literal(BUILD_ID),
            graph.clone(),
        )
    };
    let ontology = iri::ontology_graph();
    if existing.get(ontology.as_str()).map(String::as_str) != Some(BUILD_ID) {
        store.remove_graphs(std::slice::from_ref(&ontology))?;
        let mut quads = vec![fingerprint_quad(&ontology)];
        for triple in oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).for_slice(rdf::ONTOLOGY_TTL.as_bytes()) {
            let quad = triple.map_err(|e| Error::input("ontology/unkg.ttl", 0, e.to_string()))?;
            quads.push(Quad::new(quad.subject, quad.predicate, quad.object, ontology.clone()));
        }
        quads.push(summary_quad(&quads, &ontology));
        loader.load(quads)?;
    }
    let graph = iri::reference_graph();
    if existing.get(graph.as_str()).map(String::as_str) != Some(BUILD_ID) {
        store.remove_graphs(std::slice::from_ref(&graph))?;
        let mut quads = rdf::reference_quads(reference);
        quads.extend(rdf::decision_quads(reference));
        quads.push(fingerprint_quad(&graph));
        quads.push(summary_quad(&quads, &graph));
        loader.load(quads)?;
        return Ok(crate::decisions::members::unlinked_names(reference));
    }
    Ok(Vec::new())
}

/// The summary of the static graph `graph`, whose quads are `quads` (see
/// [`rdf::summary`]): loaded with them in one batch.
fn summary_quad(quads: &[Quad], graph: &NamedNode) -> Quad {
    let mut builder = rdf::summary::SummaryBuilder::default();
    let name = oxigraph::model::GraphName::NamedNode(graph.clone());
    for quad in quads.iter().filter(|q| q.graph_name == name) {
        builder.add(quad);
    }
    builder.finish_quad(graph, graph)
}
