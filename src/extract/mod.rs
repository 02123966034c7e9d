//! Extractors: find what a speech refers to in its normalised text.
//!
//! Every extractor reads a [`NormalizedText`] and returns [`Mention`]s with
//! byte spans into it, keyed by corpus-wide entity keys of the gazetteer
//! they were given, so that a mention always names the one entity node it
//! denotes. The RDF stage turns spans into original offsets.
//!
//! The extractors are a value, [`Extractors`], built once from a
//! [`Gazetteer`] (its automaton and its fuzzy linker are built then) and
//! shared by reference by every thread of a build: none reaches a global.

pub mod acronyms;
pub mod acts;
pub mod dates;
pub mod documents;
pub mod events;
mod extractor;
pub(crate) mod matcher;
pub mod organisations;
pub mod persons;
pub mod places;
pub mod resolutions;
pub mod states;

#[cfg(test)]
mod tests;

/// The extractors over the bundled gazetteer, built once for the unit
/// tests (a test of another gazetteer builds its own [`Extractors`]).
#[cfg(test)]
pub(crate) fn bundled() -> &'static Extractors<'static> {
    static EXTRACTORS: std::sync::LazyLock<Extractors<'static>> =
        std::sync::LazyLock::new(|| Extractors::new(crate::reference::Reference::for_tests().gazetteer()));
    &EXTRACTORS
}


pub use extractor::Extractor;

use crate::gazetteer::surface::SurfaceMatcher;
use crate::gazetteer::Gazetteer;
use crate::link::FuzzyLinker;
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
    /// A date; key: `2017-06-07` (xsd:date), `2017-06` (xsd:gYearMonth) or
    /// `2017` (xsd:gYear).
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
    /// The extractor that found it, recorded as provenance.
    pub extractor: Extractor,
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
    /// The state the speaker speaks for (ISO alpha-3), whose "we" and
    /// "Kazakhstan condemns" are the speaker's own acts.
    pub speaker_state: Option<String>,
    /// The organisation the speaker speaks for (gazetteer key), likewise.
    pub speaker_organisation: Option<String>,
    /// The state whose representative presides and whom "you, Mr.
    /// President" and "the presidency" address: in a Security Council
    /// speech, the presidency of the meeting's month (none when the speaker
    /// presides).
    pub addressee: Option<String>,
}

/// Everything found in one speech.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Mentions sorted by start offset; spans of one kind do not overlap.
    pub mentions: Vec<Mention>,
    /// Events, each pointing at its place (and date) mention.
    pub events: Vec<Event>,
    /// Speech acts the speaker performs, with targets pointing into
    /// `mentions` and `events`.
    pub acts: Vec<acts::Act>,
    /// The state that [`acts::Target::Addressee`] stands for.
    pub addressee: Option<String>,
}

/// Every extractor over one gazetteer: built once (the automaton over
/// every surface form, the fuzzy linker's forms), then shared.
pub struct Extractors<'g> {
    gazetteer: &'g Gazetteer,
    surface: SurfaceMatcher,
    fuzzy: FuzzyLinker,
}

impl<'g> Extractors<'g> {
    /// The extractors over `gazetteer`.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Extractors { gazetteer, surface: SurfaceMatcher::new(gazetteer), fuzzy: FuzzyLinker::new(gazetteer) }
    }

    /// The gazetteer they link to.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The automaton over the gazetteer's surface forms.
    pub fn surface(&self) -> &SurfaceMatcher {
        &self.surface
    }

    /// The linker of misspelt organisation names.
    pub fn fuzzy(&self) -> &FuzzyLinker {
        &self.fuzzy
    }

    /// Finds and links everything `text` refers to.
    ///
    /// Gazetteer forms are found in one Aho-Corasick pass; the pattern
    /// extractors (named bodies, acronym definitions, titled names,
    /// provinces, citations, symbols, dates) run over the same text; then
    /// overlaps between names are resolved so that the longest name wins
    /// across kinds (a state named inside an organisation's name is no
    /// state mention), and events are attached to the place mentions that
    /// remain; last, the speech acts the speaker performs are read off the
    /// sentences, pointing at those mentions and events.
    pub fn extract(&self, text: &NormalizedText, ctx: &Context) -> Extraction {
        self.extract_str(&text.text, ctx)
    }

    /// [`Extractors::extract`] over the stretch `range` of `text` alone (a
    /// window of a very long file), with spans that count from the start of
    /// the whole text.
    pub fn extract_range(&self, text: &NormalizedText, range: std::ops::Range<usize>, ctx: &Context) -> Extraction {
        let mut found = self.extract_str(&text.text[range.clone()], ctx);
        for m in &mut found.mentions {
            m.start += range.start;
            m.end += range.start;
        }
        for e in &mut found.events {
            e.start += range.start;
            e.end += range.start;
        }
        for a in &mut found.acts {
            a.start += range.start;
            a.end += range.start;
        }
        found
    }

    /// [`Extractors::extract`] over a plain string, for callers and tests
    /// that have no offset map.
    pub fn extract_str(&self, t: &str, ctx: &Context) -> Extraction {
        // Joined lines can leave runs of spaces ("Human  Rights Council");
        // names are matched on a copy with single spaces and mapped back.
        if !t.contains("  ") {
            return self.extract_single_spaced(t, ctx);
        }
        let mut squeezed = String::with_capacity(t.len());
        let mut map: Vec<usize> = Vec::with_capacity(t.len() + 1);
        let bytes = t.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b' ' && i > 0 && bytes[i - 1] == b' ' {
                continue;
            }
            map.push(i);
        }
        map.push(t.len());
        // Only ASCII spaces are dropped, so the kept bytes form valid UTF-8.
        squeezed.push_str(&String::from_utf8_lossy(&map[..map.len() - 1].iter().map(|&i| bytes[i]).collect::<Vec<u8>>()));
        let mut ex = self.extract_single_spaced(&squeezed, ctx);
        let back = |s: usize, e: usize| (map[s], if e == 0 { 0 } else { map[e - 1] + 1 });
        for m in &mut ex.mentions {
            (m.start, m.end) = back(m.start, m.end);
        }
        for ev in &mut ex.events {
            (ev.start, ev.end) = back(ev.start, ev.end);
        }
        for act in &mut ex.acts {
            (act.start, act.end) = back(act.start, act.end);
        }
        ex
    }

    fn extract_single_spaced(&self, t: &str, ctx: &Context) -> Extraction {
        let g = self.gazetteer;
        let found = self.surface.find(t);
        let covered = |s: usize, e: usize| {
            let k = found.partition_point(|m| m.end <= s);
            found.get(k).is_some_and(|m| m.start < e)
        };

        // Names: states, organisations, places, persons compete for spans.
        let mut names: Vec<Mention> = Vec::new();
        names.extend(states::from_surface(g, t, &found));
        let mut orgs = organisations::from_surface(g, &found);
        let mut by_pattern = organisations::by_pattern(t, covered);
        by_pattern.iter_mut().for_each(|m| self.fuzzy.link(m));
        orgs.extend(by_pattern);
        orgs.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let defined = acronyms::find(g, t, &orgs, &found);
        names.extend(orgs);
        names.extend(defined);
        names.extend(places::from_surface(g, &found));
        let state_spans: Vec<(usize, usize)> =
            names.iter().filter(|m| m.kind == EntityKind::State).map(|m| (m.start, m.end)).collect();
        names.extend(places::by_pattern(g, t, |s, e| state_spans.iter().any(|&(a, b)| a < e && s < b)));
        names.extend(persons::find(g, t, &found));
        let names = matcher::resolve_overlaps(names, |m| m.extractor.overlap_rank(m.kind));

        // Citations and dates may sit inside names ("Committee established
        // pursuant to resolution 2140 (2014)") and are kept alongside them.
        let mut mentions = names;
        mentions.extend(resolutions::find(g, t, ctx));
        mentions.extend(documents::find(t));
        mentions.extend(dates::find(t, ctx));
        // A slug of a name with no letter it can spell ("𝔘", found by
        // fuzzing) is empty: it would make every such name one node, `person/`.
        mentions.retain(|m| !m.key.is_empty());
        // A total order: of two mentions of one kind at one start, which
        // one `dedup_same_kind` keeps must not depend on the order found.
        mentions.sort_by(|a, b| (a.start, a.end, a.kind, &a.key).cmp(&(b.start, b.end, b.kind, &b.key)));
        dedup_same_kind(&mut mentions);
        let events = events::find(g, t, &mentions);
        let mut speaker = acts::Speaker::new(t, &mentions, ctx.speaker_state.clone(), ctx.speaker_organisation.clone());
        speaker.addressee = ctx.addressee.clone();
        let acts = acts::find(t, &mentions, &events, &speaker);
        Extraction { mentions, events, acts, addressee: ctx.addressee.clone() }
    }
}

/// Drops later mentions that overlap an earlier one of the same kind, the
/// invariant the RDF stage relies on.
fn dedup_same_kind(mentions: &mut Vec<Mention>) {
    let mut last_end = [0usize; 7];
    mentions.retain(|m| {
        let k = m.kind as usize;
        if m.start < last_end[k] {
            return false;
        }
        last_end[k] = m.end;
        true
    });
}
