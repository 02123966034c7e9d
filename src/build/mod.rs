//! The main job: speech files in, an up-to-date store out.
//!
//! Files are read, parsed, extracted and turned into quads in parallel, in
//! bounded batches, and streamed into the bulk loader, which writes whole
//! speeches batch by batch (a large build ends by compacting). A speech whose
//! file, metadata and unkg build are unchanged since the last build is
//! skipped; a changed one has its graph replaced whole.

mod progress;
mod report;

pub use report::{Diagnostic, Report};

use crate::corpus::{discover, MetaIndex, SpeechMeta};
use crate::error::{Error, Result};
use crate::extract::{extract, Context};
use crate::link::GazetteerDirectory;
use crate::rdf::{self, iri};
use crate::speech::Speech;
use crate::store::KgStore;
use crate::text::normalize;
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Quad};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Instant;

/// Identifies this build of unkg: its version and a hash of its sources,
/// gazetteers and ontology (see `build.rs`).
pub const BUILD_ID: &str = env!("UNKG_BUILD_ID");

/// Speeches processed in parallel before their quads go to the loader:
/// bounds memory whatever the corpus size.
const BATCH: usize = 256;

/// A build that writes at least this many quads compacts the store.
const COMPACT_AFTER: u64 = 1_000_000;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The store's folder.
    pub store: PathBuf,
    /// Speech files and folders.
    pub inputs: Vec<PathBuf>,
    /// Metadata tables given explicitly (besides those found near the files).
    pub meta: Vec<PathBuf>,
    /// No progress bar.
    pub quiet: bool,
}

/// Builds or updates the store from the inputs.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    let files = discover(&options.inputs)?;
    let mut report = Report { files: files.len(), ..Report::default() };

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

    let store = KgStore::open(&options.store)?;
    let existing = store.fingerprints()?;
    let mut loader = store.loader();
    load_static_graphs(&store, &existing, &mut loader)?;

    let mut owners: HashMap<String, PathBuf> = HashMap::new();
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
        let previous = existing.get(iri::speech_graph(&id).as_str()).cloned();
        jobs.push(Job { path: file, id, meta, previous });
    }

    let progress = progress::Progress::new(jobs.len() as u64, options.quiet);
    // What replaced speeches linked to: the corpus graph keeps describing
    // only what some speech still links to.
    let mut unlinked = HashSet::new();
    // Extraction of the next batch runs while the loader takes this one, so
    // that neither core waits for the other stage.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
    std::thread::scope(|scope| -> Result<()> {
        let batches = jobs.chunks(BATCH);
        scope.spawn(move || {
            for batch in batches {
                let outcomes = batch.par_iter().map(process).collect();
                if sender.send(outcomes).is_err() {
                    break; // the loader failed and stopped listening
                }
            }
        });
        for (batch, outcomes) in jobs.chunks(BATCH).zip(receiver) {
            let mut stale = Vec::new();
            for (job, outcome) in batch.iter().zip(outcomes) {
                progress.advance(outcome.bytes());
                match outcome {
                    Outcome::Unchanged { bytes } => {
                        report.unchanged += 1;
                        report.bytes += bytes;
                    }
                    Outcome::Built { quads, warnings, bytes } => {
                        if job.previous.is_some() {
                            report.replaced += 1;
                            stale.push(iri::speech_graph(&job.id));
                        } else {
                            report.added += 1;
                        }
                        report.bytes += bytes;
                        for w in warnings {
                            report.warnings.push(Diagnostic::new(&job.path, 1, w));
                        }
                        loader.load(quads)?;
                    }
                    Outcome::Failed(e) => {
                        report.failed += 1;
                        report.errors.push(Diagnostic::from_error(&job.path, e));
                    }
                }
            }
            // The old graph goes before the new one is committed: an
            // interrupted build leaves the speech absent (and rebuilt next
            // time), never half.
            for graph in &stale {
                unlinked.extend(store.objects_in(graph)?);
            }
            store.remove_graphs(&stale)?;
        }
        Ok(())
    })?;
    report.quads = loader.count();
    loader.commit()?;
    store.prune_corpus(&unlinked)?;
    // A large load leaves many overlapping files, which make every query
    // read several of them; compacting now costs a fraction of the build
    // and makes queries several times faster.
    if report.quads >= COMPACT_AFTER {
        progress.compacting();
        store.optimize()?;
    }
    progress.finish();
    report.elapsed = started.elapsed();
    Ok(report)
}

struct Job {
    path: PathBuf,
    id: String,
    meta: SpeechMeta,
    previous: Option<String>,
}

enum Outcome {
    Unchanged { bytes: u64 },
    Built { quads: Vec<Quad>, warnings: Vec<String>, bytes: u64 },
    Failed(Error),
}

impl Outcome {
    fn bytes(&self) -> u64 {
        match self {
            Outcome::Unchanged { bytes } | Outcome::Built { bytes, .. } => *bytes,
            Outcome::Failed(_) => 0,
        }
    }
}

fn process(job: &Job) -> Outcome {
    let bytes = match std::fs::read(&job.path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(Error::io(&job.path, e)),
    };
    let fingerprint = fingerprint(&bytes, &job.meta);
    if job.previous.as_deref() == Some(fingerprint.as_str()) {
        return Outcome::Unchanged { bytes: bytes.len() as u64 };
    }
    if let Err(e) = check_text(&job.path, &bytes) {
        return Outcome::Failed(e);
    }
    let speech = Speech::parse(job.path.clone(), &bytes, job.meta.clone(), &GazetteerDirectory);
    let text = normalize(speech.body(), speech.body_start);
    let context = Context {
        date: speech.date().map(str::to_owned),
        speaker_state: speech.speaker.state.clone(),
        speaker_organisation: speech.speaker.organisation.clone(),
    };
    let found = extract(&text, &context);
    let quads = rdf::speech_quads(&speech, &text, &found, &fingerprint);
    Outcome::Built { quads, warnings: speech.warnings, bytes: bytes.len() as u64 }
}

/// What decides whether a speech must be rebuilt: this build of unkg, the
/// file's bytes and what the metadata says of it.
fn fingerprint(bytes: &[u8], meta: &SpeechMeta) -> String {
    let mut h = Sha256::new();
    h.update(BUILD_ID.as_bytes());
    h.update(bytes);
    h.update(format!("{:?}", (&meta.speaker, &meta.participant_type, &meta.country, &meta.role_in_un, &meta.post, &meta.date, &meta.topic, &meta.outcome)).as_bytes());
    format!("{:x}", h.finalize())
}

/// Refuses files that are no speech: empty, or binary.
fn check_text(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        return Err(Error::Input { path: path.to_path_buf(), line, message: "expected text, found a NUL byte (binary file?)".into() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Input { path: path.to_path_buf(), line: 1, message: "expected a speech, found an empty file".into() });
    }
    Ok(())
}

/// Loads the ontology and reference graphs when this build of unkg differs
/// from the one that loaded them.
fn load_static_graphs(store: &KgStore, existing: &HashMap<String, String>, loader: &mut crate::store::Loader<'_>) -> Result<()> {
    let fingerprint_quad = |graph: &NamedNode| {
        Quad::new(
            graph.clone(),
            iri::unkg(rdf::vocab::prop::BUILD_FINGERPRINT),
            oxigraph::model::Literal::new_simple_literal(BUILD_ID),
            graph.clone(),
        )
    };
    let ontology = iri::ontology_graph();
    if existing.get(ontology.as_str()).map(String::as_str) != Some(BUILD_ID) {
        store.remove_graphs(std::slice::from_ref(&ontology))?;
        let mut quads = vec![fingerprint_quad(&ontology)];
        for triple in oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).for_slice(rdf::ONTOLOGY_TTL.as_bytes()) {
            let quad = triple.map_err(|e| Error::Input { path: "ontology/unkg.ttl".into(), line: 0, message: e.to_string() })?;
            quads.push(Quad::new(quad.subject, quad.predicate, quad.object, ontology.clone()));
        }
        loader.load(quads)?;
    }
    let reference = iri::reference_graph();
    if existing.get(reference.as_str()).map(String::as_str) != Some(BUILD_ID) {
        store.remove_graphs(std::slice::from_ref(&reference))?;
        let mut quads = rdf::reference_quads();
        quads.push(fingerprint_quad(&reference));
        loader.load(quads)?;
    }
    Ok(())
}
