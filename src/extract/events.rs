//! Events: an attack or meeting phrase with the place it happened at in the
//! same sentence ("the horrific terrorist attack that took place in Tehran
//! on 7 June" -> attack @ Tehran, 2017-06-07).
//!
//! The place must be given as a location: after "in", "at", "to", ... or in
//! a list continuing one ("in Europe - Saint Petersburg, Stockholm, London");
//! among the places so given, the most specific win (cities over the
//! continent that frames them). A place right before the trigger ("the Kabul
//! and Jalalabad attacks") counts too. One event per (kind, place) per
//! speech, since the graph records what happened where, not how often the
//! speech repeats it.

use std::sync::LazyLock;

use regex::Regex;

use super::matcher::{prev_token, Sentences};
use super::places::specificity;
use super::{EntityKind, Event, EventKind, Mention};

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<a>[Aa]ttacks?|[Bb]ombings?|[Aa]ir ?strikes?|[Ss]trikes|[Mm]assacres?|[Ee]xplosions?|[Tt]errorist acts?|[Ss]helling|[Aa]ttacked|[Bb]ombed)|(?P<m>[Mm]eetings?|[Cc]onferences?|[Ss]ummits?|[Dd]ialogues?|[Ww]orkshops?|[Vv]isits?|[Vv]isited|[Tt]alks|[Ff]orums?|[Ss]essions?|[Cc]onsultations|[Nn]egotiations))(?-u:\b)",
    )
    .expect("trigger regex compiles")
});

/// Words that introduce a location.
const LOCATIVE: &[&str] = &["in", "at", "to", "near", "across", "throughout", "inside", "within", "on", "hosted", "from"];

/// Longest distance from a trigger to its place, in bytes.
const WINDOW: usize = 200;

/// Whether the place at `m` is introduced as a location: by a locative word
/// (skipping "the", "city of"), looking back from its start.
fn introduced(text: &str, start: usize) -> bool {
    let mut at = start;
    for _ in 0..3 {
        let Some(t) = prev_token(text, at) else { return false };
        let w = t.text(text);
        if LOCATIVE.contains(&w) {
            return true;
        }
        if !matches!(w, "the" | "city" | "of" | "capital" | "town" | "province" | "region") {
            return false;
        }
        at = t.start;
    }
    false
}

/// Whether only list punctuation separates two places ("London, Paris and
/// Rome", "Europe - Saint Petersburg").
fn continues_list(gap: &str) -> bool {
    let g = gap.trim();
    let g = g.strip_suffix("the").map(str::trim_end).unwrap_or(g);
    matches!(g, "," | "and" | ", and" | "-" | "–" | "or" | ", or" | "" | "as well as" | "(")
}

fn is_place(m: &Mention) -> bool {
    m.kind == EntityKind::Place || (m.kind == EntityKind::State && m.extractor == "gazetteer")
}

/// Events in `text`, pointing into `mentions` (sorted by start).
pub fn find(text: &str, mentions: &[Mention]) -> Vec<Event> {
    let sentences = Sentences::new(text);
    let triggers: Vec<(usize, usize, EventKind)> = TRIGGER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let kind = if c.name("a").is_some() { EventKind::Attack } else { EventKind::Meeting };
            Some((m.start(), m.end(), kind))
        })
        .collect();
    let mut events: Vec<Event> = Vec::new();
    let mut seen: Vec<(bool, &str)> = Vec::new();
    for (n, &(ts, te, kind)) in triggers.iter().enumerate() {
        let (_, sent_end) = sentences.around(ts);
        let next = triggers.get(n + 1).map_or(usize::MAX, |t| t.0);
        let end = sent_end.min(next).min(te + WINDOW);
        let first = mentions.partition_point(|m| m.start < te);
        let mut chosen: Vec<usize> = Vec::new();
        let mut last_end: Option<usize> = None;
        for (i, m) in mentions.iter().enumerate().skip(first) {
            if m.start >= end {
                break;
            }
            if !is_place(m) {
                continue;
            }
            let ok = introduced(text, m.start)
                || last_end.is_some_and(|e| e <= m.start && continues_list(&text[e..m.start]));
            if ok {
                chosen.push(i);
                last_end = Some(m.end);
            } else if last_end.is_some() {
                break;
            }
        }
        if chosen.is_empty() {
            // "the Kabul and Jalalabad attacks": places just before.
            let (sent_start, _) = sentences.around(ts);
            let mut k = first;
            let mut gap_end = ts;
            while k > 0 {
                let m = &mentions[k - 1];
                if m.start < sent_start {
                    break;
                }
                if m.end > gap_end {
                    k -= 1;
                    continue;
                }
                let gap = &text[m.end..gap_end];
                let ok = if gap_end == ts {
                    gap.trim().is_empty() || gap.trim() == "terrorist"
                } else {
                    continues_list(gap)
                };
                if !ok || !is_place(m) {
                    break;
                }
                chosen.push(k - 1);
                gap_end = m.start;
                k -= 1;
            }
        }
        let Some(best) = chosen.iter().map(|&i| specificity(&mentions[i])).min() else { continue };
        let date = mentions[first..]
            .iter()
            .position(|m| m.start >= end)
            .map_or(mentions.len(), |p| first + p);
        let date = (first..date).find(|&i| mentions[i].kind == EntityKind::Date && mentions[i].key.len() >= 7);
        for i in chosen {
            let m = &mentions[i];
            if specificity(m) != best {
                continue;
            }
            let is_attack = kind == EventKind::Attack;
            if seen.contains(&(is_attack, m.key.as_str())) {
                continue;
            }
            seen.push((is_attack, m.key.as_str()));
            let span_end = m.end.max(date.map_or(0, |d| mentions[d].end)).max(te);
            events.push(Event { start: ts.min(m.start), end: span_end, kind, place: i, date });
        }
    }
    events.sort_by_key(|e| e.start);
    events
}
