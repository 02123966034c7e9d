//! Extractors: find what a speech refers to in its normalised text.
//!
//! Every extractor reads a [`NormalizedText`] and returns [`Mention`]s with
//! byte spans into it; linking to corpus-wide entity keys happens here too,
//! against the gazetteers in `data/`, so that a mention always names the one
//! entity node it denotes. The RDF stage turns spans into original offsets.

use crate::text::NormalizedText;

/// The class of entity a mention denotes; one class of the ontology each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A sovereign state; key: ISO 3166-1 alpha-3 (PSE, VAT, XKX included).
    State,
    /// An organisation, body or group; key: gazetteer key (`UN`, `ISIL`), or
    /// a slug of the name for bodies found by pattern or acronym definition.
    Organisation,
    /// A named person; key: gazetteer key or a slug of the fullest name.
    Person,
    /// A Security Council resolution; key: `2253` (the number).
    Resolution,
    /// Another UN document; key: its symbol, `S/2017/467`, `A/RES/75/1`.
    Document,
    /// A place that is not a state; key: gazetteer key or slug.
    Place,
    /// A date; key: `2017-06-07` (xsd:date) or `2017-06` (xsd:gYearMonth).
    Date,
}

/// One place in the text that refers to an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte offset of the first byte in [`NormalizedText::text`].
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entity's class.
    pub kind: EntityKind,
    /// The entity's corpus-wide key (see [`EntityKind`]).
    pub key: String,
    /// The entity's preferred label ("Islamic State in Iraq and the Levant").
    pub label: String,
    /// Short name of the extractor that found it (`gazetteer`, `pattern`,
    /// `acronym`, `citation`, ...), recorded as provenance.
    pub extractor: &'static str,
    /// How sure the extractor is, from 0 to 1.
    pub confidence: f32,
}

/// The kind of an [`Event`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Attacks, bombings, strikes, massacres.
    Attack,
    /// Meetings, conferences, summits, dialogues, workshops, visits, talks.
    Meeting,
}

/// Something that happened or will happen at a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Byte span of the phrase that describes the event ("the terrorist
    /// attack that took place in Tehran on 7 June").
    pub start: usize,
    /// One past the last byte of that phrase.
    pub end: usize,
    /// Attack or meeting.
    pub kind: EventKind,
    /// Index into [`Extraction::mentions`] of the most specific Place or
    /// State mention where it happened.
    pub place: usize,
    /// Index into [`Extraction::mentions`] of its Date mention, if given.
    pub date: Option<usize>,
}

/// What the speech knows about itself that helps extraction.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The meeting's date (`YYYY-MM-DD`), to resolve "7 June" or "last month".
    pub date: Option<String>,
}

/// Everything found in one speech.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Mentions sorted by start offset; spans of one kind do not overlap.
    pub mentions: Vec<Mention>,
    /// Events, each pointing at its place (and date) mention.
    pub events: Vec<Event>,
}
