//! Where an event happened: the place mentions a trigger governs.
//!
//! A place counts when it is introduced as a location (a locative word of
//! the trigger, or the trigger itself for a transitive verb), when it is
//! listed after such a place, or when it stands right before the trigger
//! ("the Bandung Conference", "the Kabul and Jalalabad attacks"). Every
//! scan looks only at the mentions in a window found by `partition_point`,
//! so a long list costs time in proportion to its length.

use crate::gazetteer::Gazetteer;

use super::super::matcher::{next_token, prev_token};
use super::super::places::specificity;
use super::super::{EntityKind, Extractor, Mention};

/// Nouns that take a place themselves, so that a place after them is theirs
/// and not the event's ("talks on resolving the conflict in Yemen", "a
/// meeting on the political situation in Guinea-Bissau").
const TOPIC_NOUNS: &[&str] = &[
    "conflict", "conflicts", "crisis", "situation", "situations", "peace", "war", "process", "violence",
    "instability", "stability", "security", "question", "issue", "issues", "elections", "developments",
    "fighting", "hostilities", "cooperation", "operation", "relations", "deployment", "deployments",
];

/// Words that introduce the subject of a meeting rather than its venue
/// ("the Conference on ... Disarmament in Europe", "talks about Cyprus").
const TOPIC_INTRODUCERS: &[&str] = &["on", "about", "concerning", "regarding"];

/// Words that may stand between a locative and its place: articles, the
/// unit of the place ("the city of"), and the noun phrase that makes the
/// place a target ("against the territorial integrity of Egypt", "the
/// bombing of the innocent people of Viet-Nam").
const BETWEEN: &[&str] = &[
    "the", "city", "cities", "of", "capital", "town", "towns", "village", "villages", "province", "region", "here",
    "there", "occupied", "territorial", "integrity", "sovereignty", "territory", "territories", "people", "peoples",
    "population", "populations", "innocent", "civilian", "neighbouring", "neighboring", "independent",
];

/// The specificity of regions and continents ([`specificity`]), the
/// places a meeting's subject spans rather than its venue.
const REGION: u8 = 5;

/// How many tokens a locative may lie before its place.
const MAX_BETWEEN: usize = 8;

/// Whether a word of `words` lies in `span`.
pub(crate) fn has_word(span: &str, words: &[&str]) -> bool {
    span.split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(&w))
}

/// Whether the place at `start` is introduced as a location: by one of
/// `locative`, or by the trigger ending at `direct` (a transitive verb),
/// looking back from its start over the words of [`BETWEEN`].
fn introduced(text: &str, start: usize, locative: &[&str], direct: Option<usize>) -> bool {
    let mut at = start;
    for _ in 0..MAX_BETWEEN {
        let Some(t) = prev_token(text, at) else { return false };
        if direct.is_some_and(|te| t.end == te) {
            return true;
        }
        let w = t.text(text);
        if locative.contains(&w) || (w == "In" || w == "At") && locative.contains(&"in") {
            return true;
        }
        if !BETWEEN.contains(&w) {
            return false;
        }
        at = t.start;
    }
    false
}

/// Whether the first word after a meeting trigger introduces its subject
/// ("the conference on ... in Europe").
fn opens_topic(text: &str, te: usize) -> bool {
    next_token(text, te).is_some_and(|t| TOPIC_INTRODUCERS.contains(&t.text(text)))
}

/// Whether only list punctuation separates two places ("London, Paris and
/// Rome", "Europe - Saint Petersburg", "West Africa, especially in Burkina
/// Faso").
fn continues_list(gap: &str) -> bool {
    let g = gap.trim();
    let g = g.strip_suffix("the").map(str::trim_end).unwrap_or(g);
    // "in Kabul, in Jalalabad and in Herat"
    let g = g.strip_suffix(" in").or_else(|| g.strip_suffix(",in")).map(str::trim_end).unwrap_or(g);
    matches!(g, "," | "and" | ", and" | "-" | "–" | ":" | "or" | ", or" | "" | "as well as" | "(")
        || nests(gap)
}

/// Whether a list goes on or ends after a place at `end`: a place after a
/// bare comma is a list item only then ("in Nairobi, Dar-es-Salaam, Cape
/// Town and ...", "held at Rabat, Morocco."), and otherwise the subject of
/// the next clause ("In South-East Asia, Rwanda observes ...").
fn goes_on(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    rest.is_empty()
        || rest.starts_with([',', '.', ';', ')', ':', '-', '\n'])
        || next_token(text, end).is_some_and(|t| matches!(t.text(text), "and" | "or" | "in" | "on" | "from" | "last" | "this" | "earlier"))
}

/// Whether a list gap closes a plain list ("in Nairobi, Cape Town and
/// Northern Ireland"): a wider place after it goes on with the list, where
/// one after a bare comma or a repeated locative starts the next clause
/// ("the attack in Alexandria, in Asia, with ...", "the attack on Pearl
/// Harbor, the Dominican Republic declared ...").
fn closes_list(gap: &str) -> bool {
    let words = || gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words().any(|w| matches!(w, "and" | "or")) && !words().any(|w| matches!(w, "in" | "at" | "on"))
}

/// Whether the gap between two places makes the second part of the first:
/// "Europe - Saint Petersburg", "West Africa, especially in Burkina Faso",
/// "Asia (Kabul)"; the first is then only the frame and not the event's
/// place.
fn nests(gap: &str) -> bool {
    let g = gap.trim();
    let g = g.strip_suffix("the").map(str::trim_end).unwrap_or(g);
    let g = g.strip_suffix("in").map(str::trim_end).unwrap_or(g);
    matches!(g, "-" | "–" | ":" | "(" | ", especially" | ", particularly" | ", notably" | ", including" | ", namely" | ", mainly" | ", in particular" | ", such as" | "especially" | "including" | "particularly")
}

/// Whether a mention can be where an event happened: a place, or a state
/// named as such (not by its adjective).
pub(crate) fn is_place(m: &Mention) -> bool {
    m.kind == EntityKind::Place || (m.kind == EntityKind::State && m.extractor == Extractor::Gazetteer)
}

/// Whether place `inner` lies in `outer`: a gazetteer place in a state,
/// the only containment the data records.
fn lies_in(g: &Gazetteer, inner: &Mention, outer: &Mention) -> bool {
    outer.kind == EntityKind::State
        && inner.kind == EntityKind::Place
        && g.place(&inner.key).is_some_and(|p| p.state == outer.key)
}

/// Among the places of one event (in text order), those that are not only
/// the frame of another: a place followed by a nested one ("Europe -
/// Saint Petersburg"), or a state another of them lies in.
pub(crate) fn most_specific(g: &Gazetteer, text: &str, mentions: &[Mention], chosen: &[usize]) -> Vec<usize> {
    let mut keep = Vec::new();
    for (n, &i) in chosen.iter().enumerate() {
        let m = &mentions[i];
        let framed = chosen.get(n + 1).is_some_and(|&j| {
            let next = &mentions[j];
            next.start >= m.end && nests(&text[m.end..next.start]) && specificity(g, next) <= specificity(g, m)
        });
        // `chosen` lies within one trigger's window, so this is bounded.
        let contains = chosen.iter().any(|&j| j != i && lies_in(g, &mentions[j], m));
        if !framed && !contains {
            keep.push(i);
        }
    }
    keep
}

/// How a trigger names its place after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct After<'a> {
    /// Words that introduce the place.
    pub locative: &'a [&'a str],
    /// Whether the place may be the trigger's object.
    pub direct: bool,
    /// Whether a place after "on", "about" is the subject, not the venue
    /// (meetings).
    pub topical: bool,
}

/// The places introduced after a trigger ending at `te`, up to `end`: the
/// first one introduced by a locative word, and those listed after it.
pub(crate) fn places_after(g: &Gazetteer, text: &str, mentions: &[Mention], te: usize, end: usize, how: After) -> Vec<usize> {
    let first = mentions.partition_point(|m| m.start < te);
    let mut chosen: Vec<usize> = Vec::new();
    let mut last_end: Option<usize> = None;
    // "the Conference on ... Disarmament in Europe": a region after the
    // subject is the subject's scope; a city or a state is still the venue
    // ("the International Conference on SIDS in Samoa").
    let topic = how.topical && opens_topic(text, te);
    for (i, m) in mentions.iter().enumerate().skip(first) {
        if m.start >= end {
            break;
        }
        if !is_place(m) {
            continue;
        }
        let gap = last_end.filter(|&e| e <= m.start).map(|e| &text[e..m.start]);
        let listed = gap.is_some_and(continues_list) && (gap.is_some_and(|g| g.trim() != ",") || goes_on(text, m.end));
        if let Some(&f) = chosen.first() {
            // Once the event has its place, only a list goes on; and a wider
            // place after a repeated locative starts the next clause ("the
            // attack in Alexandria, in Asia, with the attacks in Kabul").
            let wider = specificity(g, m) > specificity(g, &mentions[f]);
            if !listed || wider && !gap.is_some_and(closes_list) {
                break;
            }
            chosen.push(i);
            last_end = Some(m.end);
        } else if introduced(text, m.start, how.locative, how.direct.then_some(te)) {
            if has_word(&text[te.min(m.start)..m.start], TOPIC_NOUNS) {
                break;
            }
            if topic && specificity(g, m) >= REGION {
                continue;
            }
            chosen.push(i);
            last_end = Some(m.end);
        }
    }
    chosen
}

/// The places right before a trigger at `ts` ("the Kabul and Jalalabad
/// attacks", "the London Conference"), in text order.
pub(crate) fn places_right_before(text: &str, mentions: &[Mention], sent_start: usize, ts: usize) -> Vec<usize> {
    let first = mentions.partition_point(|m| m.start < ts);
    let mut chosen = Vec::new();
    let mut k = first;
    let mut gap_end = ts;
    while k > 0 {
        let m = &mentions[k - 1];
        if m.start < sent_start {
            break;
        }
        if m.end > gap_end {
            // A mention overlapping the trigger or the last place (a date
            // inside a name): step over it, a bounded number of times since
            // mentions of one kind do not overlap.
            k -= 1;
            continue;
        }
        let gap = &text[m.end..gap_end];
        let ok = if gap_end == ts { gap.trim().is_empty() || gap.trim() == "terrorist" } else { continues_list(gap) };
        if !ok || !is_place(m) {
            break;
        }
        chosen.push(k - 1);
        gap_end = m.start;
        k -= 1;
    }
    chosen.reverse();
    chosen
}

/// The places of a sentence that opens on where it happens, before the
/// trigger at `ts` with no other trigger before ("In the Sahel and the Lake
/// Chad basin, Boko Haram ... attack security forces"); a locative further
/// in belongs to its own clause ("instigators in Syria ... commit terrorist
/// acts").
pub(crate) fn places_opening(g: &Gazetteer, text: &str, mentions: &[Mention], sent_start: usize, ts: usize, prev_trigger: usize, locative: &[&str]) -> Vec<usize> {
    let Some(opener) = next_token(text, sent_start) else { return Vec::new() };
    if prev_trigger > sent_start || !matches!(opener.text(text), "In" | "At") {
        return Vec::new();
    }
    let first = mentions.partition_point(|m| m.start < ts);
    // Indices into the prefix are indices into `mentions`.
    places_after(g, text, &mentions[..first], sent_start, ts, After { locative, direct: false, topical: false })
}
