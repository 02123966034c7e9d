//! The speech pipeline: one speech's bytes and metadata in, its quads out.
//!
//! Every caller that turns a speech into quads goes through [`Pipeline`]:
//! `unkg build` ([`crate::ingest`]), the fuzz targets ([`crate::fuzz`]) and
//! any binding, so that what they write cannot drift apart. The pipeline
//! decodes the bytes, refuses what is no speech, parses the header and
//! identifies the speaker, reads the speech as of its date, normalises the
//! text, then extracts and writes it window by window: a long speech never
//! holds all its quads at once, and the caller takes each [`Part`] as it
//! comes (a store's loader, a file, a check).
//!
//! It reads no global: the [`Reference`] data and the [`Extractors`] built
//! over its gazetteer are given, and it touches neither the file system nor
//! a store.

use crate::corpus::{decode, Layout, SpeechMeta};
use crate::error::{Diagnostic, Error, Result};
use crate::extract::{Context, Extraction, Extractors};
use crate::link::{read_as_of, speech_date, state_on};
use crate::rdf::summary::SummaryBuilder;
use crate::rdf::SpeechWriter;
use crate::reference::Reference;
use crate::speech::{Role, Speech};
use crate::text::{normalize, windows, NormalizedText};
use oxrdf::{GraphName, NamedNode, Quad};
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::Path;

/// Identifies this build of unkg: its version and a hash of its sources,
/// gazetteers and ontology (see `build.rs`).
pub const BUILD_ID: &str = env!("UNKG_BUILD_ID");

/// The bytes of normalised text extracted at once. Longer speeches are
/// extracted and written window by window: one long file then costs about
/// 20 bytes of memory per byte of text, not the 170 its quads would take
/// at once.
pub const WINDOW: usize = 256 << 10;

/// What decides whether a speech must be written again: this build of unkg,
/// the file's bytes and what the metadata says of it. Cheap beside
/// extraction, so that a build can skip unchanged speeches before it.
pub fn fingerprint(bytes: &[u8], meta: &SpeechMeta) -> String {
    let mut h = Sha256::new();
    h.update(BUILD_ID.as_bytes());
    h.update(bytes);
    // Strings and options only, which JSON always writes.
    h.update(serde_json::to_vec(meta).expect("speech metadata serialises"));
    format!("{:x}", h.finalize())
}

/// The per-speech stages over one [`Reference`] and its [`Extractors`]:
/// cheap to copy, shared by every thread of a build.
#[derive(Clone, Copy)]
pub struct Pipeline<'r> {
    reference: &'r Reference,
    extractors: &'r Extractors<'r>,
    window: usize,
}

/// A speech read and parsed, its text normalised: what [`Pipeline::write`]
/// extracts from. Reading is cheap and can run ahead of extraction (a build
/// reads in parallel and writes long speeches one at a time).
pub struct ReadSpeech {
    speech: Speech,
    context: Context,
    text: NormalizedText,
}

/// One piece of a speech's quads, in the order the pipeline gives them: the
/// header first, a part per window, the fingerprint last. A consumer that
/// stores the parts as they come has the whole speech once the fingerprint
/// is stored, and an interrupted one is known by its missing fingerprint.
pub enum Part<'a> {
    /// The speech, its meeting and its speaker.
    Header(Vec<Quad>),
    /// What was found in one window of the text.
    Window {
        /// The window: a byte range of `text`.
        range: Range<usize>,
        /// The whole speech's normalised text, which spans point into.
        text: &'a NormalizedText,
        /// What was found in the window, spans counting from the start of
        /// `text`.
        found: &'a Extraction,
        /// Its quads.
        quads: Vec<Quad>,
    },
    /// The fingerprint, which marks the speech as whole.
    Fingerprint(Vec<Quad>),
}

impl Part<'_> {
    /// The part's quads, the speech's graph and its share of the corpus
    /// graph together.
    pub fn into_quads(self) -> Vec<Quad> {
        match self {
            Part::Header(quads) | Part::Window { quads, .. } | Part::Fingerprint(quads) => quads,
        }
    }
}

impl<'r> Pipeline<'r> {
    /// The pipeline over `reference`, with `extractors` built over its
    /// gazetteer (`Extractors::new(reference.gazetteer())`), extracting
    /// [`WINDOW`] bytes of text at a time.
    ///
    /// # Panics
    ///
    /// If `extractors` were built over another gazetteer: mentions would be
    /// keyed by one and described by the other.
    pub fn new(reference: &'r Reference, extractors: &'r Extractors<'r>) -> Self {
        assert!(
            std::ptr::eq(reference.gazetteer(), extractors.gazetteer()),
            "the extractors must be built over the reference's gazetteer"
        );
        Pipeline { reference, extractors, window: WINDOW }
    }

    /// The same pipeline with windows of `bytes` bytes of text (at least
    /// 8): small windows let tests cut short speeches too.
    pub fn with_window(self, bytes: usize) -> Self {
        Pipeline { window: bytes, ..self }
    }

    /// The reference data it links to.
    pub fn reference(&self) -> &'r Reference {
        self.reference
    }

    /// The extractors it runs.
    pub fn extractors(&self) -> &'r Extractors<'r> {
        self.extractors
    }

    /// Decodes `bytes`, the file at `path` (its name tells the corpus
    /// layout), refuses what is no speech (empty, binary), parses the
    /// header, identifies the speaker with `meta`, dates the speech and
    /// normalises its text. An error names `path`.
    pub fn read(&self, path: &Path, bytes: &[u8], meta: SpeechMeta) -> Result<ReadSpeech> {
        let decoded = decode(bytes);
        check_text(path, &decoded.text)?;
        let mut speech = Speech::from_decoded(path.to_path_buf(), bytes, decoded, meta, self.reference);
        let context = self.context(&mut speech);
        let text = normalize(speech.body(), speech.body_start);
        Ok(ReadSpeech { speech, context, text })
    }

    /// Whether `speech` has more text than one window, and so is written in
    /// several parts.
    pub fn is_long(&self, speech: &ReadSpeech) -> bool {
        speech.text.text.len() > self.window
    }

    /// Extracts `speech` window by window and gives its quads to `sink`,
    /// part by part ([`Part`]); `fingerprint` ([`fingerprint`]) is written
    /// last. Returns the speech's warnings, each at its file and line;
    /// fails only when `sink` does.
    pub fn write<E>(
        &self,
        speech: ReadSpeech,
        fingerprint: &str,
        mut sink: impl FnMut(Part<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<Vec<Diagnostic>, E> {
        let ReadSpeech { mut speech, context, text } = speech;
        let mut undated = Vec::new();
        {
            let mut writer = SpeechWriter::new(&speech, self.reference);
            let graph = crate::rdf::iri::speech_graph(&speech.id);
            let mut summary = Summary { name: GraphName::NamedNode(graph.clone()), graph, builder: SummaryBuilder::default() };
            let header = writer.header();
            summary.add(&header);
            sink(Part::Header(header))?;
            // A speech within one window is one window: the same extraction
            // as of the whole text.
            for range in windows(&text.text, self.window) {
                let mut found = self.extractors.extract_range(&text, range.clone(), &context);
                for name in read_as_of(self.reference.gazetteer(), &mut found, context.date.as_deref()) {
                    if !undated.contains(&name) {
                        undated.push(name);
                    }
                }
                let quads = writer.part(&text, &found);
                summary.add(&quads);
                sink(Part::Window { range, text: &text, found: &found, quads })?;
            }
            let mut last = writer.fingerprint(fingerprint);
            summary.add(&last);
            // Just before the fingerprint: in the same part, so that a graph
            // marked whole always has its summary.
            let at = last.iter().position(|q| q.predicate == crate::rdf::vocab::prop::BUILD_FINGERPRINT).unwrap_or(last.len());
            last.insert(at, summary.builder.finish_quad(&crate::rdf::iri::speech(&speech.id), &summary.graph));
            sink(Part::Fingerprint(last))?;
        }
        warn_undated(&mut speech, &undated);
        Ok(speech.warnings)
    }

    /// [`Pipeline::read`] then [`Pipeline::write`]: the whole way from a
    /// file's bytes to its quads, for callers that have the bytes at hand.
    pub fn run(
        &self,
        path: &Path,
        bytes: &[u8],
        meta: SpeechMeta,
        fingerprint: &str,
        sink: impl FnMut(Part<'_>) -> Result<()>,
    ) -> Result<Vec<Diagnostic>> {
        let speech = self.read(path, bytes, meta)?;
        self.write(speech, fingerprint, sink)
    }

    /// Reads a parsed speech as of its date (a General Debate file's code
    /// means the state of the day) and returns what the extractors know of
    /// it: its date, and whom the speaker speaks for (who "we" are).
    fn context(&self, speech: &mut Speech) -> Context {
        let gazetteer = self.reference.gazetteer();
        let date = speech_date(gazetteer, speech);
        if let (Some(code), Some(date)) = (speech.speaker.state.as_mut(), date.as_deref()) {
            *code = state_on(gazetteer, code, date);
        }
        let addressee = self.presidency(speech, date.as_deref());
        Context { date, speaker_state: speech.speaker.state.clone(), speaker_organisation: speech.speaker.organisation.clone(), addressee }
    }

    /// The state presiding over the Security Council meeting of `speech`,
    /// whom its "you, Mr. President" addresses: none outside the Council,
    /// and none when the speaker presides.
    fn presidency(&self, speech: &Speech, date: Option<&str>) -> Option<String> {
        if !matches!(speech.layout, Layout::Unsc { .. }) || speech.speaker.role == Some(Role::President) {
            return None;
        }
        let date = date?;
        let year = date.get(..4)?.parse().ok()?;
        let month = date.get(5..7)?.parse().ok()?;
        let state = self.reference.council().presidency(year, month)?;
        (speech.speaker.state.as_deref() != Some(state)).then(|| state.to_owned())
    }
}

impl ReadSpeech {
    /// The parsed speech.
    pub fn speech(&self) -> &Speech {
        &self.speech
    }

    /// Its normalised text.
    pub fn text(&self) -> &NormalizedText {
        &self.text
    }

    /// What the extractors are told of it.
    pub fn context(&self) -> &Context {
        &self.context
    }
}

/// Says which names were read as today's states because the speech's
/// metadata gives no date (a plain file with no metadata has none to give).
fn warn_undated(speech: &mut Speech, undated: &[String]) {
    if !undated.is_empty() && !speech.meta.sources.is_empty() {
        let message =
            format!("no date for this speech (the metadata gives none): {} read as the state(s) of today", undated.join(", "));
        speech.warnings.push(Diagnostic::new(&speech.path, 1, message));
    }
}

/// Refuses files that are no speech: empty, or binary.
fn check_text(path: &Path, text: &str) -> Result<()> {
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() as u64 + 1;
        return Err(Error::input(path, line, "expected text, found a NUL byte (binary file?)"));
    }
    if text.chars().all(char::is_whitespace) {
        return Err(Error::input(path, 1, "expected a speech, found an empty file"));
    }
    Ok(())
}

/// The summary of one speech's graph as its parts are written.
struct Summary {
    graph: NamedNode,
    name: GraphName,
    builder: SummaryBuilder,
}

impl Summary {
    /// Counts the quads of `part` that are in the speech's graph (the
    /// others are its share of the corpus graph).
    fn add(&mut self, part: &[Quad]) {
        for quad in part.iter().filter(|q| q.graph_name == self.name) {
            self.builder.add(quad);
        }
    }
}
