//! Events: an attack or meeting phrase with the place it happened at in the
//! same sentence ("the horrific terrorist attack that took place in Tehran
//! on 7 June" -> attack @ Tehran, 2017-06-07).
//!
//! Triggers (`triggers`) are word families with the words that introduce
//! their place: attacks "in", "at", "on", "against"; bombings and
//! invasions also "of" their target ("the bombing of North Viet-Nam");
//! aggressions "against" theirs; meetings "in" and "at"; visits "to";
//! transitive verbs their object ("invaded Kuwait", "visited Lusaka");
//! the attacks of 11 September 2001 by their date. The place must be given
//! as a location (`places`): introduced by such a word, or in a list
//! continuing one ("in Nairobi, Dar-es-Salaam and Cape Town": one attack
//! per place). A place that only frames others ("Europe - ...", "West
//! Africa, especially ...", a state one of the other places lies in)
//! gives way to them. Places before the trigger count too: right before it
//! ("the Kabul and Jalalabad attacks"; a city before a meeting word is its
//! venue even when another place follows, "the Paris Conference"), or
//! introduced earlier in a sentence that opens on them ("In the Sahel,
//! groups attack security forces"). Things "held", "convened", "signed"
//! or that "took place" somewhere, and people who "met" there, are
//! meetings when no attack earlier in the sentence claims them. One event
//! per (kind, place) per speech, since the graph records what happened
//! where, not how often the speech repeats it.

use std::collections::HashSet;

use crate::gazetteer::Gazetteer;

use super::matcher::Sentences;
use super::places::specificity;
use super::{EntityKind, Event, EventKind, Mention};

mod places;
mod triggers;

use places::{has_word, most_specific, places_after, places_opening, places_right_before, After};
use triggers::{Trigger, MEETING_LOCATIVE};

/// Words before a weak trigger that make the thing held no meeting
/// ("elections held in", "the referendum took place", "the events taking
/// place in", "the hostages held in"): votes, happenings and people held.
const NOT_MEETINGS: &[&str] = &[
    "election", "elections", "referendum", "vote", "polls", "census", "trial", "trials", "exercise", "exercises",
    "events", "event", "changes", "struggle", "struggles", "revolution", "transformation", "transformations",
    "tests", "test", "hostage", "hostages", "prisoners", "detainees", "captive", "persons", "civilians",
];

/// Words that make a sentence about weapons, where "launched" or "took
/// place" tell of no meeting ("launched ballistic missiles on ... Ma'rib").
const WEAPON_WORDS: &[&str] = &["missile", "missiles", "rocket", "rockets", "drone", "drones", "offensive", "operations", "weapons", "strikes", "fighting", "hostilities", "conflict", "conflicts", "clashes", "violence", "war", "wars"];

/// Longest distance from a trigger to its place, in bytes.
const WINDOW: usize = 200;

/// How far around a weak trigger weapon words make it no meeting.
const WEAPON_REACH: usize = 200;

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the clause of a trigger ending at `te` ends, at most `end`: a
/// place after a semicolon belongs to the next clause ("Communist
/// incursions in 1947; it averted bloodshed in Kashmir").
fn clause_end(text: &str, te: usize, end: usize) -> usize {
    let end = floor_boundary(text, end);
    text.get(te..end).and_then(|s| s.find(';')).map_or(end, |i| te + i)
}

/// Whether a date trigger tells of the attacks of 11 September 2001: it
/// names 2001, or the date it is read as falls after them (a speech of
/// 2003 saying "11 September").
fn names_2001(text: &str, mentions: &[Mention], t: &Trigger) -> bool {
    if text[t.start..t.end].contains("2001") {
        return true;
    }
    let first = mentions.partition_point(|m| m.start < t.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.start < t.end)
        .any(|m| m.kind == EntityKind::Date && m.key.as_str() >= "2001-09")
}

/// The places of the trigger `n` of `triggers`: a city named right before a
/// meeting word is its venue ("the Paris Conference ... in Viet-Nam");
/// otherwise the places introduced after it, else those right before it,
/// else those its sentence opens on.
fn places_of(g: &Gazetteer, text: &str, mentions: &[Mention], sentences: &Sentences, triggers: &[Trigger], n: usize) -> Vec<usize> {
    let t = &triggers[n];
    let (sent_start, sent_end) = sentences.around(t.start);
    let before = if t.before { places_right_before(text, mentions, sent_start, t.start) } else { Vec::new() };
    let named_after_city = t.kind == EventKind::Meeting && !before.is_empty() && before.iter().all(|&i| specificity(g, &mentions[i]) == 1);
    if named_after_city {
        return before;
    }
    let next = triggers.get(n + 1).map_or(usize::MAX, |x| x.start);
    let end = clause_end(text, t.end, sent_end.min(next).min(t.end + WINDOW));
    let how = After { locative: t.locative, direct: t.direct, topical: t.kind == EventKind::Meeting };
    let after = places_after(g, text, mentions, t.end, end, how);
    if !after.is_empty() {
        return after;
    }
    if !before.is_empty() {
        return before;
    }
    let prev = n.checked_sub(1).map_or(0, |p| triggers[p].end);
    places_opening(g, text, mentions, sent_start, t.start, prev, t.locative)
}

/// Events in `text`, pointing into `mentions` (sorted by start).
pub fn find(g: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<Event> {
    let sentences = Sentences::new(text);
    let triggers: Vec<Trigger> = triggers::find(text).into_iter().filter(|t| !t.dated || names_2001(text, mentions, t)).collect();
    let mut found: Vec<(usize, usize, EventKind, Vec<usize>)> = Vec::new();
    for (n, t) in triggers.iter().enumerate() {
        found.push((t.start, t.end, t.kind, places_of(g, text, mentions, &sentences, &triggers, n)));
    }
    // last_attack[k]: the start of the last attack trigger among the first
    // k, so that a weak trigger asks "attack earlier in my sentence?" in
    // O(log n).
    let mut last_attack: Vec<Option<usize>> = Vec::with_capacity(triggers.len() + 1);
    last_attack.push(None);
    for t in &triggers {
        let prev = last_attack.last().copied().flatten();
        last_attack.push(if t.kind == EventKind::Attack { Some(t.start) } else { prev });
    }
    for h in triggers::held(text) {
        let (sent_start, sent_end) = sentences.around(h.start);
        // "the attack that took place in Tehran": the attack has the place.
        let k = triggers.partition_point(|t| t.start < h.start);
        if last_attack.get(k).copied().flatten().is_some_and(|s| s >= sent_start) {
            continue;
        }
        let lo = floor_boundary(text, sent_start.max(h.start.saturating_sub(WEAPON_REACH)));
        let hi = floor_boundary(text, sent_end.min(h.end + WEAPON_REACH));
        if has_word(&text[lo..hi], WEAPON_WORDS) {
            continue;
        }
        let before = &text[lo..h.start];
        if before.split(|c: char| !c.is_alphanumeric()).rev().filter(|w| !w.is_empty()).take(4).any(|w| NOT_MEETINGS.contains(&w)) {
            continue;
        }
        let end = clause_end(text, h.end, sent_end.min(h.end + h.window));
        let how = After { locative: MEETING_LOCATIVE, direct: false, topical: false };
        let chosen = places_after(g, text, mentions, h.end, end, how);
        found.push((h.start, h.end, EventKind::Meeting, chosen));
    }
    found.sort_by_key(|f| f.0);

    let mut events: Vec<Event> = Vec::new();
    let mut seen: HashSet<(bool, &str)> = HashSet::new();
    for (ts, te, kind, chosen) in found {
        if chosen.is_empty() {
            continue;
        }
        let (_, sent_end) = sentences.around(ts);
        let first = mentions.partition_point(|m| m.start < te);
        let stop = mentions.partition_point(|m| m.start < sent_end.min(te + WINDOW));
        let date = (first..stop.max(first)).find(|&i| mentions[i].kind == EntityKind::Date && mentions[i].key.len() >= 7);
        for i in most_specific(g, text, mentions, &chosen) {
            let m = &mentions[i];
            let is_attack = kind == EventKind::Attack;
            if !seen.insert((is_attack, m.key.as_str())) {
                continue;
            }
            let span_end = m.end.max(date.map_or(0, |d| mentions[d].end)).max(te);
            events.push(Event { start: ts.min(m.start), end: span_end, kind, place: i, date });
        }
    }
    events.sort_by_key(|e| e.start);
    events
}

#[cfg(test)]
mod tests;
