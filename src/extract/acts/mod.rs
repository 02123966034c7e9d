//! Speech acts: what a speech does (ACTS.md). "I thank the Kuwaiti
//! presidency", "we condemn the terrorist attack in Kabul", "we call on all
//! parties": each act typed, tied to its target entity or event, and to the
//! sentence that performs it.
//!
//! Runs after the mentions and events of the speech are known: a cue
//! ([`cues`]) is an act when the speaker performs it ([`agent`]), and its
//! targets are chosen among the mentions and events of its object
//! ([`target`]).

pub mod agent;
pub mod cues;
pub mod sentences;
pub mod target;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use regex::Regex;

pub use target::Target;

use super::{EntityKind, Event, Mention};

/// The eight kinds of act of ACTS.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActKind {
    /// Thanks, gratitude, appreciation, commendation, tribute.
    Thank,
    /// Congratulations.
    Congratulate,
    /// Welcoming an event, decision, document, arrival or person.
    Welcome,
    /// Condemning, deploring, denouncing, rejecting an act or actor.
    Condemn,
    /// Condolences, sympathy, solidarity with victims.
    Condole,
    /// Calling on someone, or for something; urging, demanding, encouraging.
    Call,
    /// Supporting, endorsing, backing, aligning with.
    Support,
    /// Concern, alarm, worry.
    Concern,
}

impl ActKind {
    /// The kind's name in ACTS.md and in the graph (`thank`, `condemn`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ActKind::Thank => "thank",
            ActKind::Congratulate => "congratulate",
            ActKind::Welcome => "welcome",
            ActKind::Condemn => "condemn",
            ActKind::Condole => "condole",
            ActKind::Call => "call",
            ActKind::Support => "support",
            ActKind::Concern => "concern",
        }
    }
}

/// One act a speech performs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// What the act does.
    pub kind: ActKind,
    /// What it is directed at.
    pub target: Target,
    /// Byte span of the sentence that performs it, its evidence.
    pub start: usize,
    /// One past the last byte of that sentence.
    pub end: usize,
}

/// Who speaks, as far as acts need to know: the speaker's own side.
#[derive(Debug, Clone, Default)]
pub struct Speaker {
    /// The state spoken for (ISO alpha-3).
    pub state: Option<String>,
    /// The organisation spoken for (gazetteer key).
    pub organisation: Option<String>,
    /// Organisations the speaker says it speaks on behalf of.
    pub behalf_keys: Vec<String>,
    /// What the speaker says it speaks on behalf of, as written ("Nordic
    /// countries"), for subjects no gazetteer knows.
    pub behalf_phrases: Vec<String>,
    /// The state the one presiding speaks for, whom "you" addresses
    /// ([`Target::Addressee`]); none where not known.
    pub addressee: Option<String>,
}

/// "I speak on behalf of the Nordic countries": the group a speaker speaks
/// for, which is then the speaker when it is a subject.
static BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bI (?:have the honour to |am honoured to |would like to |wish to )?(?:speak|am speaking|deliver|make|read|present)\w*(?: this| a)?(?: statement| joint statement)?(?: today)? on behalf of (?:the )?([A-Z][\w'-]*(?: [A-Za-z][\w'-]*){0,5})")
        .expect("behalf regex compiles")
});

impl Speaker {
    /// The speaker of `text`, speaking for `state` or `organisation`,
    /// with whatever it says it speaks on behalf of.
    pub fn new(text: &str, mentions: &[Mention], state: Option<String>, organisation: Option<String>) -> Self {
        let mut sp = Speaker { state, organisation, ..Speaker::default() };
        for c in BEHALF.captures_iter(text) {
            let Some(group) = c.get(1) else { continue };
            // The group ends before the first word that starts a new phrase.
            let phrase: Vec<&str> = group.as_str().split(' ').take_while(|w| !matches!(*w, "and" | "in" | "at" | "on" | "to" | "of" | "for" | "as" | "which" | "that")).collect();
            if !phrase.is_empty() {
                sp.behalf_phrases.push(phrase.join(" "));
            }
            for m in mentions.iter().filter(|m| m.start >= group.start() && m.start < group.end()) {
                if m.kind == EntityKind::Organisation {
                    sp.behalf_keys.push(m.key.clone());
                }
            }
        }
        sp
    }

    fn is_self(&self, m: &Mention) -> bool {
        match m.kind {
            EntityKind::State => self.state.as_deref() == Some(m.key.as_str()),
            EntityKind::Organisation => self.organisation.as_deref() == Some(m.key.as_str()),
            _ => false,
        }
    }
}

/// Words between two cues that make them share an object ("I congratulate
/// and welcome Ambassador Nebenzia").
fn shares_object(gap: &str) -> bool {
    matches!(gap.trim(), "and" | ", and" | "and also" | "or" | "," | "and to" | "and fully" | "and strongly")
}

/// Whether a cue right after `gap` is a verb coordinated with the cue
/// before it: the gap ends in "and", "and to", "and also" with no subject of
/// its own in between.
fn coordinates(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    let tail: Vec<&str> = words.iter().rev().take(3).copied().collect();
    // "and to thank him" is an infinitive of the same subject; a bare "and"
    // only after a short object ("I congratulate Egypt and welcome ..."),
    // lest "for his efforts and support" read as an act.
    match tail.as_slice() {
        ["to", "and", ..] | ["to", "also", "and"] => true,
        ["and", ..] | ["also", "and", ..] => words.len() <= 6 && !words.contains(&"for") || gap.trim_end().trim_end_matches("also").trim_end().ends_with(", and"),
        _ => false,
    }
}

/// The acts `text` performs, given its mentions and events.
pub fn find(text: &str, mentions: &[Mention], events: &[Event], speaker: &Speaker) -> Vec<Act> {
    let sentences = sentences::Bounds::new(text);
    let cues = cues::find(text);
    let mut acts: Vec<Act> = Vec::new();
    let is_self = |m: &Mention| speaker.is_self(m);
    // Objects are computed right to left, so that a cue sharing the next
    // cue's object can take it.
    let mut objects: Vec<(usize, usize)> = vec![(0, 0); cues.len()];
    for n in (0..cues.len()).rev() {
        let c = &cues[n];
        let (_, sent_end) = sentences.around(c.start);
        let mut end = sent_end;
        // A gerund after "of" or "for" belongs to the object ("the
        // proposal of inviting the PLO") and does not end it.
        if let Some(next) = cues.get(n + 1).filter(|x| x.start < sent_end && !object_gerund(text, x)) {
            if next.start >= c.end && shares_object(&text[c.end..next.start]) {
                objects[n] = objects[n + 1];
                continue;
            }
            end = next.start.max(c.end);
        }
        objects[n] = (c.end, end);
    }
    let topic = topic_state(mentions, &is_self);
    // The last cue performed by the speaker, for verbs coordinated with it
    // ("let me congratulate X ... and to thank him").
    let mut last_performed: Option<usize> = None;
    let mut last_kind: Option<ActKind> = None;
    // Acts already found, so that a list of thousands stays linear.
    let mut seen: std::collections::BTreeSet<(ActKind, Target, usize)> = std::collections::BTreeSet::new();
    for (n, c) in cues.iter().enumerate() {
        let (sent_start, sent_end) = sentences.around(c.start);
        // "we encourage the Government to pursue ... and encourage UNAMI to":
        // the same verb again after "and" has the same subject.
        let repeated = last_kind == Some(c.kind) && text[..c.start].trim_end().ends_with(" and");
        let coordinated = last_performed.is_some_and(|p: usize| p >= sent_start && (coordinates(&text[p..c.start]) || repeated || gives_after_and(&text[p..c.start])));
        // "We urge the African Union to play a role and to support the
        // parties": a second infinitive of a call is asked, not performed.
        let asked = last_kind == Some(ActKind::Call) && c.kind != ActKind::Call && text[..c.start].trim_end().ends_with(" and to");
        if asked || !coordinated && !agent::performed(text, sent_start, c, mentions, speaker) {
            continue;
        }
        last_performed = Some(c.end);
        last_kind = Some(c.kind);
        let (start, end) = if c.form == cues::Form::Affects || watched_before(text, c, objects[n]) { (sent_start, c.start) } else { objects[n] };
        // "Thank you" alone closes a speech; thanking "you ... for" something
        // thanks the one presiding.
        if text[c.start..c.end].ends_with(" you") && !text[c.end..sent_end].trim_start_matches([',', ' ']).contains("for ") {
            continue;
        }
        // "Let us ..." calls on everyone: no addressee of its own.
        let mut targets = if c.form == cues::Form::Hortative {
            Vec::new()
        } else {
            target::choose(text, (c.kind, c.start, c.asks_for), (start, end), mentions, events, &is_self)
        };
        // "I thank you, Mr. President, for convening", "congratulate you,
        // Sir, on presiding", "the presidency": the one presiding, for the
        // state it holds.
        if speaker.addressee.is_some() && matches!(c.kind, ActKind::Thank | ActKind::Congratulate) && addresses_chair(&text[c.start..c.end], &text[start..end]) {
            targets.push(Target::Addressee);
        }
        // "to thank him", "extends to these delegations its felicitations":
        // whom the previous act of the sentence was for.
        let (s, e) = trim_span(text, sent_start, sent_end);
        // Only a noun's recipient stands before it ("extends to them its
        // felicitations"); before a verb, "her" belongs to the last act
        // ("thank Ms. Hasic for her briefing, and welcome all").
        let from = if c.form == cues::Form::Noun { sent_start.max(last_cue_end(&cues, n, sent_start)) } else { c.end };
        if targets.is_empty() && refers_back(&text[from.min(end)..end]) {
            // Acts are pushed sentence by sentence: this sentence's are last.
            let this_sentence = || acts.iter().rev().take_while(|a| a.start == s).filter(|a| a.target != Target::None);
            let last_kind = this_sentence().next().map(|a| a.kind);
            let mut prev: Vec<Target> = this_sentence().filter(|a| Some(a.kind) == last_kind).map(|a| a.target).collect();
            prev.reverse();
            targets.extend(prev);
        }
        // "We commend his role": whom the last act, in this sentence or the
        // one before, was for, when it was a person.
        if targets.is_empty() && starts_with_word(text[start..end].trim_start(), &["his", "her"]) {
            let back = boundary(text, sent_start.saturating_sub(PRONOUN_REACH));
            if let Some(a) = acts.iter().rev().take_while(|a| a.start >= back).find(|a| matches!(a.target, Target::Mention(i) if mentions[i].kind == EntityKind::Person)) {
                targets.push(a.target);
            }
        }
        // "Palestine is at the heart of our policy, and we will continue to
        // support it": "it" is the entity the sentence opens on.
        if targets.is_empty() && c.form != cues::Form::Hortative && starts_with_word(text[start..end].trim_start(), &["it", "them"]) {
            let first = mentions.partition_point(|m| m.start < sent_start);
            if let Some((i, m)) = mentions.iter().enumerate().skip(first).next() {
                let opener = text[sent_start..m.start.min(sent_end)].split_whitespace().count() <= 1;
                if opener && matches!(m.kind, EntityKind::State | EntityKind::Organisation) && !is_self(m) {
                    targets.push(Target::Mention(i));
                }
            }
        }
        // "We encourage the Government to ...", "concern about the
        // situation in the country": in a speech about one state, its
        // government and country.
        if targets.is_empty() && c.form != cues::Form::Hortative && names_the_country(&text[start..end]) {
            targets.extend(topic.map(Target::Mention));
        }
        if targets.is_empty() {
            targets.push(Target::None);
        }
        for t in targets {
            let act = Act { kind: c.kind, target: t, start: s, end: e };
            if seen.insert((act.kind, act.target, act.start)) {
                acts.push(act);
            }
        }
    }
    acts
}

/// How far back, in bytes, "his" or "her" may refer to a person an act was
/// for (about a sentence or two).
const PRONOUN_REACH: usize = 400;

/// Whether `gap` ends in "and" and a verb that hands something over, which
/// shares the subject of the act before it ("welcomes ... and extends to
/// these delegations its felicitations").
fn gives_after_and(gap: &str) -> bool {
    gap.rfind(" and ").is_some_and(|i| {
        let first = gap[i + 5..].split_whitespace().next().unwrap_or("");
        matches!(first, "extend" | "extends" | "express" | "expresses" | "offer" | "offers" | "convey" | "conveys" | "pay" | "pays")
    })
}

/// Whether the concern of "Malta looks upon the problem of Cyprus with
/// concern." is about what its verb watched before it: "with" before the
/// cue, and no object after it.
fn watched_before(text: &str, cue: &cues::Cue, (start, end): (usize, usize)) -> bool {
    let before = text[..cue.start].trim_end();
    let with = before.ends_with(" with") || before.rsplit(' ').nth(1) == Some("with");
    let after = text[start..end].trim_start();
    cue.kind == ActKind::Concern && with && (after.is_empty() || after.starts_with(['.', ',', ';']) || after.starts_with("because") || after.starts_with("as "))
}

/// Whether an act worded `cue` on `object` is directed at the one
/// presiding: "thank you", "you, Sir", "your presidency", "the presidency";
/// not the closing "thank you for your attention".
fn addresses_chair(cue: &str, object: &str) -> bool {
    let object = object.trim_start_matches([',', ' ']);
    let you = cue.ends_with(" you") || starts_with_word(object, &["you", "your"]);
    let presidency = ["the presidency", "the Presidency", "the President", "your presidency", "your Presidency"]
        .iter()
        .any(|p| object.strip_prefix(p).is_some_and(|rest| !rest.starts_with(" of") && !rest.starts_with(char::is_alphanumeric)));
    (you || presidency) && !["your attention", "your kind attention", "listening"].iter().any(|p| object.contains(p))
}

/// Whether `cue` is a gerund inside a noun phrase ("the proposal of
/// inviting", "thanks for supporting"), which performs nothing itself.
fn object_gerund(text: &str, cue: &cues::Cue) -> bool {
    let before = text[..cue.start].trim_end();
    text[cue.start..cue.end].split(' ').next().is_some_and(|w| w.ends_with("ing")) && (before.ends_with(" of") || before.ends_with(" for"))
}

/// The state a speech is about, which "the Government" and "the country"
/// stand for: the one other than the speaker's named most often, at least
/// twice and more often than any other, the speaker's own included (whose
/// "Government" it would be). Its first mention, as a target.
fn topic_state(mentions: &[Mention], is_self: &dyn Fn(&Mention) -> bool) -> Option<usize> {
    let mut counts: std::collections::BTreeMap<&str, (usize, usize)> = std::collections::BTreeMap::new();
    let mut own = 0;
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::State) {
        if is_self(m) {
            own += 1;
        } else {
            counts.entry(m.key.as_str()).or_insert((0, i)).0 += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match ranked.as_slice() {
        [(n, first), rest @ ..] if *n >= 2 && *n > own && rest.first().is_none_or(|(m, _)| m < n) => Some(*first),
        _ => None,
    }
}

/// Whether an object speaks of "the Government", "the authorities" or
/// "the country" without saying whose.
fn names_the_country(object: &str) -> bool {
    // Only the object's own words, not a relative clause after it ("his
    // report, which describes ... under way in the country").
    let object = &object[..boundary(object, 120)];
    let object = object.split(", which").next().unwrap_or(object);
    ["the Government", "the authorities", "the national authorities", "the country", "the Transitional Government", "the transitional Government", "the Federal Government"]
        .iter()
        .any(|p| object.match_indices(p).any(|(i, _)| !object[i + p.len()..].starts_with(char::is_alphanumeric) && !object[i + p.len()..].starts_with(" of")))
}

/// Where the cue before the `n`th ends, if it is in the same sentence.
fn last_cue_end(cues: &[cues::Cue], n: usize, sent_start: usize) -> usize {
    n.checked_sub(1).map(|p| cues[p].end).filter(|&e| e >= sent_start).unwrap_or(sent_start)
}

/// Whether a span names those an earlier act of its sentence was for:
/// "him", "them", "these delegations".
fn refers_back(span: &str) -> bool {
    let ws: Vec<&str> = span.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    ws.iter().enumerate().any(|(i, w)| {
        matches!(*w, "him" | "her" | "them")
            || matches!(*w, "these" | "those") && ws.get(i + 1).is_some_and(|n| matches!(*n, "delegations" | "countries" | "States" | "nations" | "Members" | "Governments" | "peoples"))
    })
}

/// Whether `s` opens on one of `words` as a whole word.
fn starts_with_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.strip_prefix(w).is_some_and(|rest| rest.starts_with([' ', ',', '.', ';']) || rest.is_empty()))
}

/// The char boundary at or before byte `i` (at most the text's length), for
/// windows of a fixed byte width.
pub(crate) fn boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The span without surrounding white space.
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}
