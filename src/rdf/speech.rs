//! The quads of one speech: the speech, its meeting and speaker, every
//! mention with its exact characters, the entities and events it names.
//!
//! What only this speech says (the speech itself, its mentions and events)
//! goes into its own graph, so that rebuilding the file replaces exactly
//! that. Descriptions of what several speeches share (a meeting, a speaker,
//! an entity the reference data lacks) go into the corpus graph, where each
//! triple stands once: the union of all graphs must not repeat a triple per
//! speech, or every count over it would be multiplied.

use super::iri;
use super::quads::QuadSink;
use super::reference::{meeting_topic, reference_names};
use super::vocab::{class, dcterms, foaf, individual, itsrdf, nif, prop, prov, rdf, rdfs, schema, skos, xsd};
use crate::corpus::Layout;
use crate::extract::{EntityKind, EventKind, Extraction, Mention};
use crate::reference::Reference;
use crate::speech::{Role, Speech};
use crate::text::NormalizedText;
use oxrdf::{NamedNode, NamedNodeRef, Quad};
use std::collections::BTreeSet;

/// Writes the quads of one speech in parts: its description once, then what
/// was found in each stretch of its text, so that a very long file never
/// holds all its quads at once. Mention IRIs carry their offsets and event
/// numbers run on across parts, so the parts add up to the quads of the
/// whole speech written at once. The build fingerprint comes last: a speech whose parts were not all written
/// has none, and the next build writes it again.
pub struct SpeechWriter<'a> {
    w: Writer<'a>,
}

impl<'a> SpeechWriter<'a> {
    /// A writer for `speech`; `reference` tells what the reference graph
    /// describes already, which the speech's graphs then do not repeat.
    pub fn new(speech: &'a Speech, reference: &'a Reference) -> Self {
        SpeechWriter { w: Writer::new(speech, reference) }
    }

    /// The speech, its meeting and its speaker.
    pub fn header(&mut self) -> Vec<Quad> {
        self.w.speech();
        self.w.meeting();
        self.w.speaker();
        self.w.take()
    }

    /// The mentions, events and acts of `found`, whose spans are byte
    /// offsets into `text`, the whole speech's normalised text.
    pub fn part(&mut self, text: &NormalizedText, found: &Extraction) -> Vec<Quad> {
        let event_base = self.w.events;
        self.w.mentions(text, found);
        self.w.events(text, found);
        let w = &mut self.w;
        let cx = super::acts::ActContext {
            id: &w.speech.id,
            speech: &w.node,
            original: &w.speech.text,
            chars: &w.chars,
            agent: w.agent.as_ref(),
            event_base,
        };
        super::acts::write_acts(&mut w.out, &mut w.acts, &cx, text, found);
        w.take()
    }

    /// The speech's share of the corpus graph ([`prop::CORPUS_SHARE`]) and
    /// the fingerprint of the build inputs besides the file itself, which
    /// marks the speech as whole in the store.
    pub fn fingerprint(&mut self, fingerprint: &str) -> Vec<Quad> {
        let s = self.w.node.clone();
        let share: Vec<&str> = self.w.share.iter().map(String::as_str).collect();
        self.w.out.text(&s, prop::CORPUS_SHARE, &share.join("\n"));
        self.w.out.text(&s, prop::BUILD_FINGERPRINT, fingerprint);
        self.w.take()
    }
}

struct Writer<'a> {
    speech: &'a Speech,
    reference: &'a Reference,
    node: NamedNode,
    /// The speech's own graph.
    out: QuadSink,
    /// The corpus graph.
    shared: QuadSink,
    /// Every triple written into the corpus graph, as N-Triples lines,
    /// sorted: a rebuild removes from the corpus what no speech shares.
    share: BTreeSet<String>,
    /// Character offsets of the original text, for quoting mentions.
    chars: CharIndex,
    /// Entities and spellings already written for this speech.
    described: BTreeSet<(EntityKind, String)>,
    /// Events of the parts written so far: where the next part's numbers start.
    events: usize,
    /// Who performs the speech's acts: the state or organisation spoken
    /// for, else the speaker; known once [`Writer::speaker`] ran.
    agent: Option<NamedNode>,
    /// The acts written so far, one per kind and target of the speech.
    acts: super::acts::ActsWritten,
}

impl<'a> Writer<'a> {
    fn new(speech: &'a Speech, reference: &'a Reference) -> Self {
        Writer {
            speech,
            reference,
            node: iri::speech(&speech.id),
            out: QuadSink::new(iri::speech_graph(&speech.id)),
            shared: QuadSink::new(iri::corpus_graph()),
            share: BTreeSet::new(),
            chars: CharIndex::new(&speech.text),
            described: BTreeSet::new(),
            events: 0,
            agent: None,
            acts: super::acts::ActsWritten::default(),
        }
    }

    /// What was written since the last call, the speech's graph first.
    fn take(&mut self) -> Vec<Quad> {
        let mut quads = std::mem::take(&mut self.out.quads);
        for q in &self.shared.quads {
            self.share.insert(crate::rdf::share_line(q));
        }
        quads.append(&mut self.shared.quads);
        quads
    }

    fn speech(&mut self) {
        let (s, sp) = (self.node.clone(), self.speech);
        self.out.add(&s, rdf::TYPE, class::SPEECH);
        self.out.text(&s, dcterms::IDENTIFIER, &sp.id);
        self.out.text(&s, rdfs::LABEL, &self.title());
        self.out.text(&s, prop::SOURCE_FILE, &sp.file_name);
        self.out.text(&s, prop::SOURCE_PATH, &sp.path.to_string_lossy());
        self.out.text(&s, prop::CONTENT_HASH, &sp.content_hash);
        self.out.text(&s, nif::IS_STRING, &sp.text);
        if let Some(h) = &sp.header {
            self.out.text(&s, prop::HEADER, &h.printed);
        }
        if let Some(lang) = &sp.language {
            self.out.text(&s, prop::LANGUAGE_SPOKEN, lang);
        }
        if let Some(date) = sp.date() {
            self.out.typed(&s, dcterms::DATE, date, xsd::DATE);
        }
        if let Layout::Unsc { position, .. } = &sp.layout {
            self.out.integer(&s, prop::POSITION, i64::from(*position));
        }
    }

    /// "Mr. Sadykov (KAZ), S/PV.7962": enough to tell speeches apart in a list.
    fn title(&self) -> String {
        let sp = &self.speech.speaker;
        let who = match (&sp.honorific, &sp.name, &sp.office) {
            (Some(h), Some(n), _) => format!("{h} {n}"),
            (None, Some(n), _) => n.clone(),
            (_, None, Some(o)) => format!("The {o}"),
            _ => "Speech".to_owned(),
        };
        let whom = sp.state.as_ref().or(sp.organisation.as_ref()).map(|c| format!(" ({c})")).unwrap_or_default();
        match self.meeting_label() {
            Some(m) => format!("{who}{whom}, {m}"),
            None => format!("{who}{whom}, {}", self.speech.file_name),
        }
    }

    /// The slug of the meeting's IRI (`iri::meeting`), which is also how
    /// the reference data finds the meeting.
    fn meeting_slug(&self) -> Option<String> {
        match &self.speech.layout {
            Layout::Unsc { record, .. } => Some(record.slug()),
            Layout::Ungdc { session, .. } => Some(format!("UNGA-{session}-GD")),
            Layout::Plain => None,
        }
    }

    fn meeting_label(&self) -> Option<String> {
        match &self.speech.layout {
            Layout::Unsc { record, .. } => Some(record.label()),
            Layout::Ungdc { session, year, .. } => {
                Some(format!("General Assembly, session {session} ({year}), General Debate"))
            }
            Layout::Plain => None,
        }
    }

    fn meeting(&mut self) {
        let (Some(slug), Some(label)) = (self.meeting_slug(), self.meeting_label()) else { return };
        let m = iri::meeting(&slug);
        let (s, sp) = (self.node.clone(), self.speech);
        self.out.add(&s, prop::MEETING, m.clone());
        // A Security Council meeting the reference data knows is described
        // there; the corpus adds only what the reference lacks.
        let known_topic = meeting_topic(self.reference, &slug);
        let d = &mut self.shared;
        if known_topic.is_none() {
            d.add(&m, rdf::TYPE, class::MEETING);
            d.text(&m, rdfs::LABEL, &label);
            d.text(&m, skos::PREF_LABEL, &label);
        }
        match &sp.layout {
            Layout::Unsc { record, .. } => {
                if known_topic.is_none() {
                    d.text(&m, prop::SYMBOL, &record.label());
                    d.add(&m, schema::URL, iri::undocs(&record.symbol));
                    if let Some(date) = sp.date() {
                        d.typed(&m, dcterms::DATE, date, xsd::DATE);
                    }
                }
                if let Some(n) = record.resumption {
                    d.integer(&m, prop::RESUMPTION, i64::from(n));
                }
            }
            Layout::Ungdc { session, year, .. } => {
                d.integer(&m, prop::SESSION, i64::from(*session));
                d.typed(&m, dcterms::DATE, &year.to_string(), xsd::G_YEAR);
                d.text(&m, prop::TOPIC, "General Debate");
            }
            Layout::Plain => {}
        }
        if let Some(topic) = sp.meta.topic.as_deref().filter(|t| Some(*t) != known_topic) {
            d.text(&m, prop::TOPIC, topic);
        }
        if let Some(outcome) = &sp.meta.outcome {
            d.text(&m, prop::OUTCOME, outcome);
        }
    }

    fn speaker(&mut self) {
        let s = self.node.clone();
        let sp = &self.speech.speaker;
        let whom = sp.state.as_ref().map(|c| iri::state(c)).or_else(|| sp.organisation.as_ref().map(|k| iri::organisation(k)));
        self.agent = whom.clone();
        if let Some(whom) = &whom {
            self.out.add(&s, prop::SPEAKS_FOR, whom.clone());
            if let Some(name) = &sp.organisation_name {
                self.shared.add(whom, rdf::TYPE, class::ORGANISATION);
                self.shared.text(whom, skos::PREF_LABEL, name);
            }
        }
        if let Some(role) = sp.role {
            let role = match role {
                Role::President => individual::PRESIDENT,
                Role::CouncilMember => individual::COUNCIL_MEMBER,
                Role::InvitedSpeaker => individual::INVITED_SPEAKER,
                Role::UnOfficial => individual::UN_OFFICIAL,
                Role::GeneralDebateSpeaker => individual::GENERAL_DEBATE_SPEAKER,
            };
            self.out.add(&s, prop::SPEAKER_ROLE, role);
        }
        // How this record names its speaker belongs to the speech: the same
        // person is printed differently elsewhere.
        if let Some(h) = &sp.honorific {
            self.out.text(&s, prop::SPEAKER_HONORIFIC, h);
        }
        let Some(name) = &sp.name else { return };
        self.out.text(&s, prop::SPEAKER_NAME, name);
        // Family names alone are common: the state spoken for keeps two
        // Mr. Zhangs apart while one delegate stays one node across meetings.
        let whom_code = sp.state.as_deref().or(sp.organisation.as_deref()).unwrap_or("");
        // A full name the persons gazetteer knows is that person's node,
        // which the reference graph already names.
        let known = self.reference.gazetteer().persons.iter().find(|p| p.label == *name || p.aliases.contains(name));
        let p = match known {
            Some(person) => iri::person(&person.key),
            None => iri::person(&crate::names::slug_keeping_accents(&format!("{name} {whom_code}"))),
        };
        self.out.add(&s, prop::SPEAKER, p.clone());
        self.agent.get_or_insert_with(|| p.clone());
        let d = &mut self.shared;
        if whom.is_some() {
            d.add(&p, rdf::TYPE, class::DELEGATE);
        }
        match known {
            Some(person) if person.label == *name => {}
            Some(_) => d.text(&p, foaf::NAME, name),
            None => {
                d.add(&p, rdf::TYPE, class::PERSON);
                d.text(&p, foaf::NAME, name);
                d.text(&p, skos::PREF_LABEL, name);
            }
        }
        d.text(&p, prop::NAME_AS_PRINTED, name);
        if let Some(h) = &sp.honorific {
            d.text(&p, prop::HONORIFIC, h);
        }
        if let Some(o) = sp.office.as_ref().filter(|o| known.is_none_or(|k| k.office != **o)) {
            d.text(&p, prop::OFFICE, o);
        }
    }

    fn mentions(&mut self, text: &NormalizedText, found: &Extraction) {
        let s = self.node.clone();
        for m in &found.mentions {
            let (start, stop) = text.original_span(m.start, m.end);
            let quote = self.chars.slice(&self.speech.text, start, stop);
            let node = iri::mention(&self.speech.id, start, stop);
            // No `a unkg:Mention`: a ninth of the corpus's quads, and
            // entailed by the domain of unkg:extractor.
            self.out.add(&node, nif::REFERENCE_CONTEXT, s.clone());
            self.out.typed(&node, nif::BEGIN_INDEX, &start.to_string(), xsd::NON_NEGATIVE_INTEGER);
            self.out.typed(&node, nif::END_INDEX, &stop.to_string(), xsd::NON_NEGATIVE_INTEGER);
            self.out.text(&node, nif::ANCHOR_OF, quote);
            self.out.add(&node, prop::EXTRACTOR, m.extractor.iri());
            self.out.typed(&node, itsrdf::TA_CONFIDENCE, &format!("{:.2}", m.confidence), xsd::DOUBLE);
            let Some(entity) = entity_node(m) else {
                if m.kind == EntityKind::Date {
                    self.out.typed(&node, prop::DATE_VALUE, &m.key, date_type(&m.key));
                }
                continue;
            };
            self.out.add(&node, itsrdf::TA_IDENT_REF, entity.clone());
            if self.described.insert((m.kind, m.key.clone())) {
                self.out.add(&s, schema::MENTIONS, entity.clone());
                if reference_names(self.reference, m.kind, &m.key).is_none() {
                    self.describe(&entity, m);
                }
            }
            // Forms found in the text (acronyms defined there, shorter names)
            // become alternative labels, so that every spelling finds the node.
            let surface = quote_form(text, m);
            if m.extractor != crate::extract::Extractor::Gazetteer
                && surface != m.label
                && !reference_names(self.reference, m.kind, &m.key).is_some_and(|names| names.contains(&surface))
                && self.described.insert((m.kind, surface.to_owned()))
            {
                self.shared.text(&entity, skos::ALT_LABEL, surface);
            }
        }
    }

    fn describe(&mut self, entity: &NamedNode, m: &Mention) {
        let d = &mut self.shared;
        if let Some(class) = class_node(m.kind) {
            d.add(entity, rdf::TYPE, class);
        }
        d.text(entity, skos::PREF_LABEL, &m.label);
        match m.kind {
            EntityKind::State => d.text(entity, prop::ALPHA3, &m.key),
            EntityKind::Resolution => {
                if let Ok(n) = m.key.parse::<i64>() {
                    d.integer(entity, prop::RESOLUTION_NUMBER, n);
                }
            }
            EntityKind::Document => {
                d.text(entity, prop::SYMBOL, &m.key);
                d.add(entity, schema::URL, iri::undocs(&m.key));
            }
            _ => {}
        }
    }

    fn events(&mut self, text: &NormalizedText, found: &Extraction) {
        let s = self.node.clone();
        let base = self.events;
        self.events += found.events.len();
        for (n, ev) in found.events.iter().enumerate() {
            let Some(place) = found.mentions.get(ev.place) else { continue };
            let Some(place_node) = entity_node(place) else { continue };
            let node = iri::event(&self.speech.id, base + n + 1);
            let (kind, class) = match ev.kind {
                EventKind::Attack => ("attack", class::ATTACK),
                EventKind::Meeting => ("meeting", class::GATHERING),
            };
            self.out.add(&node, rdf::TYPE, class);
            self.out.add(&node, rdf::TYPE, class::EVENT);
            self.out.text(&node, prop::EVENT_KIND, kind);
            self.out.text(&node, rdfs::LABEL, &format!("{kind} in {}", place.label));
            self.out.add(&node, schema::LOCATION, place_node);
            if let Some(date) = ev.date.and_then(|d| found.mentions.get(d)) {
                self.out.typed(&node, schema::START_DATE, &date.key, date_type(&date.key));
            }
            let (start, stop) = text.original_span(ev.start, ev.end);
            self.out.add(&node, prov::WAS_DERIVED_FROM, iri::mention(&self.speech.id, start, stop));
            self.out.add(&s, schema::ABOUT, node);
        }
    }
}

/// The XML Schema type of a date key: `2017-06-07`, `2017-06` or `2017`.
fn date_type(key: &str) -> NamedNodeRef<'static> {
    match key.len() {
        10 => xsd::DATE,
        7 => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    }
}

/// The class of the entities of `kind`; none for dates, which are literals.
pub(crate) fn class_node(kind: EntityKind) -> Option<NamedNodeRef<'static>> {
    Some(match kind {
        EntityKind::State => class::STATE,
        EntityKind::Organisation => class::ORGANISATION,
        EntityKind::Person => class::PERSON,
        EntityKind::Resolution => class::RESOLUTION,
        EntityKind::Document => class::DOCUMENT,
        EntityKind::Place => class::PLACE,
        EntityKind::Date => return None,
    })
}

pub(crate) fn entity_node(m: &Mention) -> Option<NamedNode> {
    Some(match m.kind {
        EntityKind::State => iri::state(&m.key),
        EntityKind::Organisation => iri::organisation(&m.key),
        EntityKind::Person => iri::person(&m.key),
        EntityKind::Resolution => iri::resolution(&m.key),
        EntityKind::Document => iri::document(&m.key),
        EntityKind::Place => iri::place(&m.key),
        EntityKind::Date => return None,
    })
}

/// The mention's text as normalised, without a possessive ending.
fn quote_form<'t>(text: &'t NormalizedText, m: &Mention) -> &'t str {
    let form = &text.text[m.start..m.end];
    form.strip_suffix("'s").unwrap_or(form).trim()
}

/// Character offsets to byte offsets, for quoting the original text; four
/// bytes a character, since the build refuses files of 4 GB long before.
pub(super) struct CharIndex {
    bytes: Vec<u32>,
}

impl CharIndex {
    pub(super) fn new(text: &str) -> Self {
        let mut bytes: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        bytes.push(text.len() as u32);
        CharIndex { bytes }
    }

    pub(super) fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let at = |c: usize| self.bytes.get(c).map_or(text.len(), |&b| b as usize);
        &text[at(start)..at(end)]
    }
}
