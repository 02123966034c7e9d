//! Events: an attack or meeting phrase with the place it happened at in the
//! same sentence ("the horrific terrorist attack that took place in Tehran
//! on 7 June" -> attack @ Tehran, 2017-06-07).
//!
//! The place must be given as a location: after "in", "at" (and "on",
//! "against" for attacks, "to" for visits), or in a list continuing one
//! ("in Europe - Saint Petersburg, Stockholm, London"). A place that only
//! frames others ("Europe - ...", "West Africa, especially ...", a state
//! one of the other places lies in) gives way to them; coordinated places
//! ("a visit to Israel and the Palestinian territories") all count. Places
//! before the trigger count too: right before it ("the Kabul and Jalalabad
//! attacks") or introduced earlier in its sentence ("In the Sahel, groups
//! attack security forces"). Things "held", "convened" or that "took place"
//! somewhere are meetings when no other trigger claims the sentence. One
//! event per (kind, place) per speech, since the graph records what
//! happened where, not how often the speech repeats it.

use crate::gazetteer::Gazetteer;
use super::Extractor;
use std::sync::LazyLock;

use regex::Regex;

use super::matcher::{prev_token, Sentences};
use super::places::specificity;
use super::{EntityKind, Event, EventKind, Mention};

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<a>[Aa]ttacks?|[Bb]ombings?|[Aa]ir ?strikes?|[Ss]trikes|[Mm]assacres?|[Ee]xplosions?|[Tt]errorist acts?|[Ss]helling|[Aa]ttacked|[Bb]ombed)|(?P<v>[Vv]isits?|[Vv]isited|[Tt]rips?)|(?P<m>[Mm]eetings?|[Cc]onferences?|[Ss]ummits?|[Dd]ialogues?|[Ww]orkshops?|[Tt]alks|[Ff]orums?|[Ss]essions?|[Cc]onsultations|[Nn]egotiations|[Dd]iscussions|[Dd]ebates?|[Ss]eminars?|[Ss]ymposium))(?-u:\b)",
    )
    .expect("trigger regex compiles")
});

/// Verbs that say something was held somewhere without naming it ("the
/// discussions recently held in Jeddah", "the Joint Plan ... was adopted,
/// which took place in the city of Ashgabat", "we gather here in New
/// York"): meetings, but only where no attack or meeting word in the same
/// sentence claims the place.
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:held|took place|takes place|taking place|convened|hosted|launched|gather|gathered|gathering)(?-u:\b)")
        .expect("held regex compiles")
});

/// Words before a weak trigger that make the thing held no meeting
/// ("elections held in", "the referendum took place").
const NOT_MEETINGS: &[&str] = &["election", "elections", "referendum", "vote", "polls", "census", "trial", "trials", "exercise", "exercises"];

/// Nouns that take a place themselves, so that a place after them is theirs
/// and not the event's ("talks on resolving the conflict in Yemen", "a
/// meeting on the political situation in Guinea-Bissau").
const TOPIC_NOUNS: &[&str] = &[
    "conflict", "conflicts", "crisis", "situation", "situations", "peace", "war", "process", "violence",
    "instability", "stability", "security", "question", "issue", "issues", "elections", "developments",
    "fighting", "hostilities", "cooperation", "relations", "deployment", "deployments",
];

/// Words that make a sentence about weapons, where "launched" or "took
/// place" tell of no meeting ("launched ballistic missiles on ... Ma'rib").
const WEAPON_WORDS: &[&str] = &["missile", "missiles", "rocket", "rockets", "drone", "drones", "offensive", "operations", "weapons", "strikes", "fighting", "hostilities", "conflict", "conflicts", "clashes", "violence"];

/// Whether a word of `words` lies in `span`.
fn has_word(span: &str, words: &[&str]) -> bool {
    span.split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(&w))
}

/// Words that introduce where an attack happened.
const ATTACK_LOCATIVE: &[&str] = &["in", "at", "on", "near", "across", "throughout", "inside", "within", "against"];

/// Words that introduce where a meeting happened; "on" gives its topic
/// ("talks on the Grand Ethiopian Renaissance Dam"), "to" its subject
/// ("issues related to North-East Asia"), except after a visit.
const MEETING_LOCATIVE: &[&str] = &["in", "at", "hosted"];

/// Words that introduce where a visit went.
const VISIT_LOCATIVE: &[&str] = &["to", "in", "at"];

/// Longest distance from a trigger to its place, in bytes.
const WINDOW: usize = 200;

/// Longest distance from a weak trigger ("held") to its place.
const HELD_WINDOW: usize = 150;

/// Whether the place at `start` is introduced as a location: by one of
/// `locative` (skipping "the", "city of", "here"), looking back from its
/// start.
fn introduced(text: &str, start: usize, locative: &[&str]) -> bool {
    let mut at = start;
    for _ in 0..4 {
        let Some(t) = prev_token(text, at) else { return false };
        let w = t.text(text);
        if locative.contains(&w) || (w == "In" || w == "At") && locative.contains(&"in") {
            return true;
        }
        if !matches!(w, "the" | "city" | "cities" | "of" | "capital" | "town" | "towns" | "village" | "province" | "region" | "here" | "there" | "occupied") {
            return false;
        }
        at = t.start;
    }
    false
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

fn is_place(m: &Mention) -> bool {
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
fn most_specific(g: &Gazetteer, text: &str, mentions: &[Mention], chosen: &[usize]) -> Vec<usize> {
    let mut keep = Vec::new();
    for (n, &i) in chosen.iter().enumerate() {
        let m = &mentions[i];
        let framed = chosen.get(n + 1).is_some_and(|&j| {
            let next = &mentions[j];
            next.start >= m.end && nests(&text[m.end..next.start]) && specificity(g, next) <= specificity(g, m)
        });
        let contains = chosen.iter().any(|&j| j != i && lies_in(g, &mentions[j], m));
        if !framed && !contains {
            keep.push(i);
        }
    }
    keep
}

/// The places introduced after a trigger ending at `te`, up to `end`: the
/// first one introduced by a locative word, and those listed after it.
fn places_after(g: &Gazetteer, text: &str, mentions: &[Mention], te: usize, end: usize, locative: &[&str]) -> Vec<usize> {
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
        let listed = last_end.is_some_and(|e| e <= m.start && continues_list(&text[e..m.start]));
        if let Some(&f) = chosen.first() {
            // Once the event has its place, only a list goes on; and a wider
            // place, even listed, starts the next clause ("the attack in
            // Alexandria, in Asia, with the attacks in Kabul").
            if !listed || specificity(g, m) > specificity(g, &mentions[f]) {
                break;
            }
            chosen.push(i);
            last_end = Some(m.end);
        } else if introduced(text, m.start, locative) {
            if has_word(&text[te.min(m.start)..m.start], TOPIC_NOUNS) {
                break;
            }
            chosen.push(i);
            last_end = Some(m.end);
        }
    }
    chosen
}

/// The places before a trigger at `ts` in its sentence: those right before
/// it ("the Kabul and Jalalabad attacks"), else those of a sentence that
/// opens on them, with no other trigger before ("In the Sahel and the Lake
/// Chad basin, Boko Haram ... attack security forces").
fn places_before(g: &Gazetteer, text: &str, mentions: &[Mention], sent_start: usize, ts: usize, prev_trigger: usize, locative: &[&str]) -> Vec<usize> {
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
    if !chosen.is_empty() {
        chosen.reverse();
        return chosen;
    }
    // A sentence that opens on where it happens ("In the Sahel and the Lake
    // Chad basin, ..."); a locative further in belongs to its own clause
    // ("instigators in Syria ... commit terrorist acts").
    let Some(opener) = super::matcher::next_token(text, sent_start) else { return chosen };
    if prev_trigger > sent_start || !matches!(opener.text(text), "In" | "At") {
        return chosen;
    }
    // Indices into the prefix are indices into `mentions`.
    places_after(g, text, &mentions[..first], sent_start, ts, locative)
}

/// Events in `text`, pointing into `mentions` (sorted by start).
pub fn find(g: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<Event> {
    let sentences = Sentences::new(text);
    // (start, end, kind, locative words)
    let triggers: Vec<(usize, usize, EventKind, &[&str])> = TRIGGER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let (kind, loc): (EventKind, &[&str]) = if c.name("a").is_some() {
                (EventKind::Attack, ATTACK_LOCATIVE)
            } else if c.name("v").is_some() {
                (EventKind::Meeting, VISIT_LOCATIVE)
            } else {
                (EventKind::Meeting, MEETING_LOCATIVE)
            };
            Some((m.start(), m.end(), kind, loc))
        })
        .collect();
    let mut found: Vec<(usize, usize, EventKind, Vec<usize>)> = Vec::new();
    for (n, &(ts, te, kind, loc)) in triggers.iter().enumerate() {
        let (sent_start, sent_end) = sentences.around(ts);
        let next = triggers.get(n + 1).map_or(usize::MAX, |t| t.0);
        let end = sent_end.min(next).min(te + WINDOW);
        let mut chosen = places_after(g, text, mentions, te, end, loc);
        if chosen.is_empty() {
            let prev = n.checked_sub(1).and_then(|p| triggers.get(p)).map_or(0, |t| t.1);
            chosen = places_before(g, text, mentions, sent_start, ts, prev, loc);
        }
        found.push((ts, te, kind, chosen));
    }
    for m in HELD.find_iter(text) {
        let (sent_start, sent_end) = sentences.around(m.start());
        // "the attack that took place in Tehran": the attack has the place.
        if triggers.iter().any(|t| t.0 >= sent_start && t.0 < m.start()) {
            continue;
        }
        if has_word(&text[sent_start..sent_end], WEAPON_WORDS) {
            continue;
        }
        let before = &text[sent_start..m.start()];
        if before.split(|c: char| !c.is_alphanumeric()).rev().filter(|w| !w.is_empty()).take(4).any(|w| NOT_MEETINGS.contains(&w)) {
            continue;
        }
        let end = sent_end.min(m.end() + HELD_WINDOW);
        let chosen = places_after(g, text, mentions, m.end(), end, MEETING_LOCATIVE);
        found.push((m.start(), m.end(), EventKind::Meeting, chosen));
    }
    found.sort_by_key(|f| f.0);

    let mut events: Vec<Event> = Vec::new();
    let mut seen: Vec<(bool, &str)> = Vec::new();
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


#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Context;

    fn events(t: &str) -> Vec<(EventKind, String)> {
        let ex = crate::extract::bundled().extract_str(t, &Context::default());
        ex.events.iter().map(|e| (e.kind, ex.mentions[e.place].label.clone())).collect()
    }

    #[test]
    fn frames_give_way_to_the_places_they_frame() {
        let e = events("We condemn the attacks in Europe - Saint Petersburg, Stockholm and London.");
        let places: Vec<&str> = e.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(places, ["Saint Petersburg", "Stockholm", "London"]);
        let e = events("the attacks in West Africa, especially in Burkina Faso, Mali and the Niger.");
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e.iter().all(|x| x.1 != "West Africa"), "{e:?}");
    }

    #[test]
    fn a_place_listed_after_an_event_is_not_its_place() {
        let e = events("as in Africa, with the attack in Alexandria, in Asia, with the attacks in Kabul and Manila.");
        let places: Vec<&str> = e.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(places, ["Alexandria", "Kabul", "Manila"]);
        let e = events("The terrorist acts have been as widespread in Europe - Saint Petersburg, London - as in Africa.");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(events("the return of fighters who, under their instigators in Syria and Afghanistan, commit terrorist acts").is_empty());
    }

    #[test]
    fn coordinated_places_all_count() {
        let e = events("during his visit to Israel and the Palestinian territories on 22 January.");
        assert!(e.contains(&(EventKind::Meeting, "Israel".to_string())), "{e:?}");
    }

    #[test]
    fn topics_are_not_places() {
        assert!(events("dialogue should continue on issues related to North-East Asia and the Middle East.").is_empty());
        assert!(events("the talks on the Grand Ethiopian Renaissance Dam resumed.").is_empty());
        assert!(events("the talks broken off after the deployment of missiles in Western Europe.").is_empty());
    }

    #[test]
    fn places_before_the_trigger_and_things_held() {
        let e = events("In the Sahel and the Lake Chad basin, Boko Haram continues to attack security forces.");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e.iter().all(|x| x.0 == EventKind::Attack));
        let e = events("It is essential that the efforts recently held in Jeddah continue, and the open debate taking place today in the Security Council.");
        assert_eq!(e, vec![(EventKind::Meeting, "Jeddah".to_string())]);
        assert!(events("The elections held in Kabul were peaceful.").is_empty());
        assert!(events("The Houthis launched ballistic missiles on residential areas in the city of Ma'rib.").is_empty());
        assert!(events("the talks on resolving the conflict in Yemen").is_empty());
        let e = events("the horrific terrorist attack that took place in Tehran on 7 June");
        assert_eq!(e, vec![(EventKind::Attack, "Tehran".to_string())]);
    }
}
