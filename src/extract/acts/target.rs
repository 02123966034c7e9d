//! What an act is directed at (ACTS.md, "Targets").
//!
//! The object of a cue runs from the cue to the end of its clause. Its
//! targets are the entity mentions that head it or are chained to its head
//! by "of" and "by" ("the efforts of the Russian Federation and China",
//! "the adoption of resolution 2370", "Secretary-General Guterres' vision"),
//! and those listed with them. A mention behind any other preposition, a
//! verb or a clause ("for his report (S/2017/467)", "efforts to reform the
//! United Nations", "as the new Permanent Representative of the Russian
//! Federation") is context, not target; after ", and" a new object may
//! start ("the Bolivian presidency for convening today's briefing, and
//! Secretary-General Guterres"). Condemnations take the attack events in
//! their object (or the attack "the attack" refers back to), else the
//! perpetrator; concern takes every place and actor its object names.

use super::ActKind;
use crate::extract::{EntityKind, Event, EventKind, Mention};

/// What an act is directed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// No entity: "we condemn terrorism in all its forms".
    None,
    /// An index into the speech's mentions.
    Mention(usize),
    /// An index into the speech's events.
    Event(usize),
    /// The one presiding, addressed as "you, Mr. President" or "the
    /// presidency", standing for the state of the presidency
    /// ([`crate::extract::Extraction::addressee`]).
    Addressee,
}

/// Words that end an object's head: prepositions other than "of" and
/// "by", verbs of being, modals, relatives and subordinators.
const BLOCKED: &[&str] = &[
    "to", "in", "for", "on", "at", "with", "from", "into", "against", "about", "over", "through", "within",
    "between", "among", "towards", "toward", "during", "after", "before", "since", "without", "across", "via",
    "around", "near", "regarding", "concerning", "upon", "as", "that", "which", "who", "whom", "whose",
    "where", "when", "while", "if", "whether", "because", "than", "like", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "not",
    "so", "but", "despite", "following", "amid", "behind", "beyond", "throughout", "outside", "inside",
];

/// Prepositions a cue takes before its object ("condolences to",
/// "concerned about", "support for"), dropped before the object is read.
/// "that" opens a clause whose subject is the object ("we demand that
/// Palestine be admitted", "we are pleased that the Group adopted").
const LEADING: &[&str] = &["to", "for", "with", "on", "at", "by", "over", "about", "regarding", "upon", "that"];

/// Longest aside between a verb and its object, in bytes.
const ASIDE: usize = 60;

/// What links a noun cue to its recipient after it, dropped before the
/// object is read.
const PASSIVE_LINKS: &[&str] = &[
    "is also extended to", "is extended to", "are also extended to", "are extended to", "goes to", "go to", "goes out to",
    "go out to", "are due to", "is due to", "are also due to", "is also due to", "goes also to", "also goes to",
];

/// Longest head of an object in words ("the implementation of the strategy
/// adopted by the Intergovernmental Authority on Development").
const MAX_HEAD_WORDS: usize = 12;

/// How far past its cue concern looks for places and actors, in bytes.
const CONCERN_WINDOW: usize = 220;

/// How far back "the attack" may refer to an attack told of before.
const ANAPHORA_WINDOW: usize = 1200;

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}')).filter(|w| !w.is_empty())
}

/// Whether `gap` may stand between an object's start and a mention that
/// heads it: determiners, adjectives, titles, "of" and "by" chains.
fn head_gap(gap: &str) -> bool {
    let mut n = 0;
    let ws: Vec<&str> = words(gap).collect();
    // Admission into the Organization is transparent: "the entry into the
    // United Nations of Bahrain" welcomes Bahrain (ACTS.md: welcoming a
    // new Member targets the state).
    let admission = ws.iter().any(|w| ADMISSION.contains(w));
    for (i, w) in ws.iter().enumerate() {
        n += 1;
        // "our colleagues from China", "our friends from Kuwait".
        let from_colleagues = *w == "from" && i > 0 && matches!(ws[i - 1], "colleague" | "colleagues" | "friend" | "friends" | "counterpart" | "counterparts" | "partners");
        let into_un = admission && matches!(*w, "into" | "to" | "in") && ws.get(i + 1..i + 3).is_some_and(|x| x.contains(&"United") || x.contains(&"Organization"));
        // "the Federal Minister for Foreign Affairs of Germany": "for"
        // inside the name of an office whose "of" leads on.
        let in_office = *w == "for" && ws.get(i + 1).is_some_and(|x| x.starts_with(char::is_uppercase)) && ws[i + 1..].contains(&"of");
        if n > MAX_HEAD_WORDS || BLOCKED.contains(w) && !into_un && !from_colleagues && !in_office {
            return false;
        }
    }
    !gap.contains([';', ':'])
}

/// Whether `gap` is an office held by the person who follows it:
/// "Under-Secretary-General for Humanitarian Affairs and Emergency Relief
/// Coordinator", "the Secretary-General and his Envoy on Youth, Ms.".
fn office_gap(gap: &str) -> bool {
    let mut n = 0;
    let all = words(gap).all(|w| {
        n += 1;
        w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "the" | "his" | "her" | "their" | "our" | "my" | "and" | "of" | "on" | "for" | "to" | "a")
    });
    all && n <= MAX_HEAD_WORDS + 2 && !gap.contains([';', ':'])
}

/// Nouns of a state's admission into the Organization.
const ADMISSION: &[&str] = &["admission", "entry", "accession", "admittance", "membership"];

/// Whether `gap` ends in an admission into what follows ("the recent
/// entry into the", "the admission to").
fn admitted_into(gap: &str) -> bool {
    let ws: Vec<&str> = words(gap).collect();
    let tail: Vec<&str> = ws.iter().rev().take(3).copied().collect();
    let into = matches!(tail.as_slice(), ["the", "into" | "to" | "in", ..] | ["into" | "to" | "in", ..]);
    into && ws.iter().any(|w| ADMISSION.contains(w))
}

/// Whether `gap` singles out who follows among those named before it:
/// "the parties, in particular the Houthis", "all States, especially the
/// Government of".
fn singles_out(gap: &str) -> bool {
    [", in particular ", ", particularly ", ", especially ", ", notably ", ", including ", " in particular "]
        .iter()
        .filter_map(|p| gap.rfind(p).map(|i| (&gap[..i], &gap[i + p.len()..])))
        .any(|(before, after)| !before.contains([';', ':']) && words(before).count() <= MAX_HEAD_WORDS && head_gap(after))
}

/// Words before a name in a list of people ("Ms. Amina and Mr. Bello").
const HONORIFICS: &[&str] = &["Mr", "Ms", "Mrs", "Dr", "Sir", "Madam", "Dame", "Ambassador", "Professor", "Judge", "His", "Her", "Excellency", "Honourable", "Minister", "President"];

/// Whether `gap` only joins two items of a list ("Australia, Argentina,
/// the Republic of Korea", "Houthis as well as the Yemeni Government").
fn list_gap(gap: &str) -> bool {
    let gap = &gap.replace("in particular", "");
    let g: Vec<&str> = words(gap).filter(|w| !matches!(*w, "the" | "and" | "or" | "as" | "well" | "also" | "of" | "both" | "including" | "especially" | "particularly" | "notably") && !HONORIFICS.contains(w)).collect();
    // A full stop only ends an honorific here ("Mr."): objects never run
    // past their sentence.
    g.is_empty() && gap.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '(' | ')' | '-' | '/' | '.' | '\'' | '\u{2019}'))
}

/// The part of `gap` after its last ", and" or " and" (a new object in a
/// coordination), if any.
fn after_and(gap: &str) -> Option<&str> {
    // Lists of briefers are often set off by semicolons ("Head of the
    // Office of Counter-Terrorism; Assistant Secretary-General Coninsx").
    // A new object starts only after a comma or semicolon and "and":
    // "Chergui and the AU Commission" in a "for" complement is not one.
    let i = [gap.rfind(", and ").map(|i| i + 6), gap.rfind(", as well as ").map(|i| i + 13), gap.rfind("; ").map(|i| i + 2)].into_iter().flatten().max()?;
    let rest = &gap[i..];
    title_gap(rest).then_some(rest)
}

/// Whether `m` starts a second object parallel to the first, each with its
/// own "for": "the Secretary-General for his opening remarks and Mr.
/// Mladenov for his briefing". Without the second "for", an "and" inside
/// the first complement joins its words ("for the work of Commissioner
/// Chergui and the AU Commission").
fn parallel(text: &str, gap: &str, m: &Mention) -> bool {
    let Some(i) = gap.rfind(" and ") else { return false };
    gap[..i].contains(" for ") && title_gap(&gap[i + 5..]) && {
        let after = &text[m.end..];
        after.starts_with(" for ") || after.starts_with(", for ")
    }
}

/// Whether `gap` is "and" and a title ("and Ambassador"), not an
/// apposition (", Head of the Office of Counter-Terrorism").
fn and_title(gap: &str) -> bool {
    gap.trim_start().strip_prefix("and ").is_some_and(title_gap)
}

/// Whether `gap` is a comma and the office of the person who follows
/// ("Gamba, Executive Director Fore").
fn comma_title(gap: &str) -> bool {
    gap.trim_start().strip_prefix(',').is_some_and(|rest| {
        let n = rest.split_whitespace().count();
        n <= 5 && rest.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether `gap` holds only what comes before a name in a list of those
/// thanked or called on: titles and determiners ("Assistant
/// Secretary-General", "Ms.", "the", "of the").
fn title_gap(gap: &str) -> bool {
    words(gap).all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "the" | "his" | "her" | "our" | "my" | "its" | "their" | "all" | "other" | "dear" | "distinguished" | "esteemed" | "former" | "outgoing" | "incoming" | "of" | "and" | "also" | "to")
    })
}

/// Where the object starting at `start` ends: at `end`, or before a finite
/// verb that opens another clause ("supporting those efforts and important
/// progress has already been made ...").
fn object_end(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    let mut at = 0;
    for w in s.split(' ') {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if at > 0 && matches!(bare, "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "can" | "could" | "should" | "must") {
            return start + at;
        }
        at += w.len() + 1;
    }
    end
}

/// Strips one preposition the cue takes from the start of its object.
fn skip_leading(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    let trimmed = s.trim_start();
    let lead = s.len() - trimmed.len();
    // An aside between the verb and its object: "we call, once more, for
    // ...", "we urge, in this regard, the Government to ...".
    if let Some(aside) = trimmed.strip_prefix(',') {
        if let Some(close) = aside.find(',').filter(|&i| i <= ASIDE && !aside[..i].contains(['.', ';', ':'])) {
            return skip_leading(text, start + lead + 1 + close + 1, end);
        }
    }
    // An adverb between the verb and its object: "we thank as well
    // Special Representative ...", "we commend also the Government".
    for adverb in ["as well ", "also ", "too ", "again ", "once again ", "further ", "in turn "] {
        if let Some(rest) = trimmed.strip_prefix(adverb) {
            return skip_leading(text, end - rest.len(), end);
        }
    }
    // A noun cue's passive link to its recipient: "a warm welcome is
    // extended to", "our appreciation goes to", "words of appreciation
    // are due to".
    for p in PASSIVE_LINKS {
        if let Some(rest) = trimmed.strip_prefix(p) {
            if rest.starts_with(' ') {
                return start + lead + p.len();
            }
        }
    }
    for p in LEADING {
        if let Some(rest) = trimmed.strip_prefix(p) {
            if rest.starts_with(' ') {
                return start + lead + p.len();
            }
        }
    }
    start
}

/// Whether `gap` ends in an office held in an organisation ("the
/// Secretary-General of the", "the President of the"): the person in the
/// office is addressed, and an unnamed office is no target (ACTS.md). A
/// state's office still names the state ("the Permanent Representative of
/// Pakistan"), as a presidency does.
fn office_of(gap: &str) -> bool {
    let g = gap.trim_end();
    let g = g.strip_suffix("the").map(str::trim_end).unwrap_or(g);
    let Some(g) = g.strip_suffix(" of") else { return false };
    g.rsplit(' ').next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The mentions that may be targets, in `[start, end)`.
fn candidates(mentions: &[Mention], start: usize, end: usize) -> impl Iterator<Item = (usize, &Mention)> {
    let first = mentions.partition_point(|m| m.start < start);
    mentions.iter().enumerate().skip(first).take_while(move |(_, m)| m.start < end).filter(|(_, m)| m.kind != EntityKind::Date)
}

/// The heads of the object `[start, end)`: mentions reached from its start
/// through a head gap, and those listed with them.
fn heads(text: &str, mentions: &[Mention], start: usize, end: usize, is_self: &dyn Fn(&Mention) -> bool) -> Vec<usize> {
    let start = skip_leading(text, start, end);
    let end = object_end(text, start, end);
    let mut out = Vec::new();
    let mut last: Option<(usize, bool)> = None; // (end of previous mention, its decision)
    let mut anchor = start;
    for (i, m) in candidates(mentions, start, end) {
        if m.start < anchor {
            continue; // nested in the previous one ("resolution 2140" in a Committee's name)
        }
        // "the entry into the United Nations of Bahrain": the Organization
        // is where the new Member enters, not what is welcomed.
        if last.is_none() && m.kind == EntityKind::Organisation && admitted_into(&text[start..m.start]) {
            continue;
        }
        let keep = match last {
            // Listed, or listed with a title ("Nakamitsu and Ambassador
            // Zlauvinen"): as the previous one.
            Some((prev_end, prev_keep)) if list_gap(&text[prev_end..m.start]) || and_title(&text[prev_end..m.start]) || m.kind == EntityKind::Person && comma_title(&text[prev_end..m.start]) => prev_keep,
            Some((prev_end, _)) => {
                let gap = &text[prev_end..m.start];
                after_and(gap).is_some_and(head_gap) || (out.is_empty() && head_gap(&text[start..m.start])) || parallel(text, gap, m)
            }
            None => {
                let gap = &text[start..m.start];
                head_gap(gap) || singles_out(gap) || m.kind == EntityKind::Person && office_gap(gap) || parallel(text, gap, m)
            }
        };
        // "Mr. Peter Thomson of Fiji": the state is the person's, not a
        // second target, and a list goes on as after the person.
        let affiliation = i > 0 && mentions[i - 1].kind == EntityKind::Person && mentions[i - 1].end <= m.start && {
            let gap = text[mentions[i - 1].end..m.start].trim();
            gap == "of" || gap == ", of" || gap == "of the"
        };
        if affiliation {
            last = last.map(|(_, k)| (m.end, k));
            anchor = m.end;
            continue;
        }
        // "EU High Representative Borrell", "the Chair of the 1267
        // Committee, Ambassador Djani": the person holding the office is
        // the one addressed, in the place of the body it is held in.
        let before = &text[anchor.max(start)..m.start];
        if let Some((j, p)) = mentions.get(i + 1).map(|p| (i + 1, p)).filter(|(_, p)| p.start < end && holds_office_in(text, before, m, p)) {
            if keep && !is_self(p) {
                out.push(j);
            }
            last = Some((p.end, keep));
            anchor = p.end;
            continue;
        }
        let keep = keep && !is_self(m) && !(m.kind == EntityKind::Organisation && office_of(before));
        if keep {
            out.push(i);
        }
        last = Some((m.end, keep));
        anchor = m.end;
    }
    out
}

/// Whether the person `p` holds an office in the organisation or state `m`
/// just before it (or `p` is a resolution or document `m` adopted): named
/// by it as a modifier ("EU High Representative Borrell", "Russian Foreign
/// Minister Lavrov") or after an office "of" it ("former President of
/// Liberia Ellen Johnson Sirleaf", "the Chair of the 1267 Committee,
/// Ambassador Djani"); `before` is the text before `m`.
fn holds_office_in(text: &str, before: &str, m: &Mention, p: &Mention) -> bool {
    if !matches!(m.kind, EntityKind::State | EntityKind::Organisation) || p.start < m.end {
        return false;
    }
    let gap = &text[m.end..p.start];
    // "General Assembly resolution 47/181", "the Council's resolution
    // 2334": the body that adopted what is named.
    if matches!(p.kind, EntityKind::Resolution | EntityKind::Document) {
        let named = gap.trim().trim_start_matches("'s").trim_start_matches('\u{2019}').trim_start_matches('s').trim();
        return m.kind == EntityKind::Organisation && matches!(named, "" | "resolution" | "resolutions" | "decision" | "report" | "presidential statement");
    }
    if p.kind != EntityKind::Person {
        return false;
    }
    let gap = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("\u{2019}s")).unwrap_or(gap);
    let (apposed, titles) = match gap.trim_start().strip_prefix(',') {
        Some(rest) => (true, rest),
        None => (false, gap),
    };
    let n = titles.split_whitespace().count();
    let all_titles = titles.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    all_titles && n <= 4 && (office_of(before) || !apposed && n > 0)
}

/// Attack events told of in `[start, end)`.
fn attacks_in(events: &[Event], start: usize, end: usize) -> Vec<usize> {
    // Events are sorted by start: only those from `start` on are looked at.
    let first = events.partition_point(|e| e.start < start);
    events.iter().enumerate().skip(first).take_while(|(_, e)| e.start < end).filter(|(_, e)| e.kind == EventKind::Attack).map(|(i, _)| i).collect()
}

/// The attacks "the attack" at the start of an object refers back to: those
/// of the last sentence before it that told of one.
fn attacks_referred(text: &str, events: &[Event], cue_start: usize, start: usize, end: usize) -> Vec<usize> {
    let object: Vec<&str> = words(&text[start..end]).take(5).collect();
    let definite = matches!(object.first(), Some(&("the" | "this" | "that" | "these" | "those" | "today's" | "yesterday's")));
    let attack = object.iter().take(4).any(|w| matches!(*w, "attack" | "attacks" | "bombing" | "bombings" | "explosion" | "explosions" | "attacks," | "attack,"));
    if !(definite && attack) {
        return Vec::new();
    }
    let first = events.partition_point(|e| e.start + ANAPHORA_WINDOW < cue_start);
    let before: Vec<usize> = events
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, e)| e.start < cue_start)
        .filter(|(_, e)| e.kind == EventKind::Attack && e.end <= cue_start)
        .map(|(i, _)| i)
        .collect();
    let Some(&last) = before.last() else { return Vec::new() };
    // Attacks listed together are referred to together.
    let last_start = events[last].start;
    before.into_iter().filter(|&i| events[i].start + 200 >= last_start).collect()
}

/// The targets of an act of `kind` (cue at `cue_start`) whose object is
/// `object`, a byte span.
pub fn choose(
    text: &str,
    (kind, cue_start, asks_for): (ActKind, usize, bool),
    (start, end): (usize, usize),
    mentions: &[Mention],
    events: &[Event],
    is_self: &dyn Fn(&Mention) -> bool,
) -> Vec<Target> {
    match kind {
        ActKind::Condemn => {
            let mut t = attacks_in(events, start, end);
            if t.is_empty() {
                t = attacks_referred(text, events, cue_start, start, end);
            }
            if !t.is_empty() {
                return t.into_iter().map(Target::Event).collect();
            }
            // Else the perpetrator: an actor heading the object or named
            // with "by".
            heads(text, mentions, start, end, is_self)
                .into_iter()
                .filter(|&i| matches!(mentions[i].kind, EntityKind::State | EntityKind::Organisation | EntityKind::Person))
                .map(Target::Mention)
                .collect()
        }
        ActKind::Concern => {
            // What the concern is about ends where a relative clause starts
            // ("... in the north of the country, which can pose a threat to
            // the States of Central Asia").
            let stop = clause_end(text, start, super::boundary(text, end.min(start + CONCERN_WINDOW)));
            candidates(mentions, start, stop)
                .filter(|(_, m)| matches!(m.kind, EntityKind::State | EntityKind::Organisation | EntityKind::Place) && !is_self(m))
                .map(|(i, _)| Target::Mention(i))
                .collect()
        }
        ActKind::Support if aligns(text, cue_start) => {
            // Aligning with a statement supports whoever it was made for
            // ("on behalf of the Movement of Non-Aligned Countries"), else
            // whoever made it ("the observer of the European Union").
            let object = &text[start..end];
            let from = object.find("on behalf of").map_or(start, |i| start + i + "on behalf of".len());
            candidates(mentions, from, end)
                .find(|(_, m)| matches!(m.kind, EntityKind::State | EntityKind::Organisation) && !is_self(m))
                .map(|(i, _)| vec![Target::Mention(i)])
                .unwrap_or_default()
        }
        _ => {
            let found = heads(text, mentions, start, end, is_self);
            if !found.is_empty() {
                return found.into_iter().map(Target::Mention).collect();
            }
            fallback(text, kind, asks_for, (start, end), mentions, is_self).into_iter().map(Target::Mention).collect()
        }
    }
}

/// Targets of an object no entity heads, where the kind of act says what
/// else it is about: a call for something concerns the states and bodies
/// named in it ("calls for the lifting of the embargo on Cuba", ACTS.md);
/// a condolence on a disaster goes to the places it struck ("those
/// affected by the earthquake in Mexico"); a welcome or support of a
/// report goes to the document cited ("the proposals in the report
/// (A/75/982)").
fn fallback(text: &str, kind: ActKind, asks_for: bool, (start, end): (usize, usize), mentions: &[Mention], is_self: &dyn Fn(&Mention) -> bool) -> Vec<usize> {
    let stop = clause_end(text, start, super::boundary(text, end.min(start + CONCERN_WINDOW)));
    let object = &text[start..stop];
    let wanted: &[EntityKind] = match kind {
        ActKind::Call if asks_for => &[EntityKind::State, EntityKind::Organisation],
        ActKind::Condole if has_any(object, DISASTERS) => &[EntityKind::State, EntityKind::Place],
        ActKind::Welcome | ActKind::Support => &[EntityKind::Document],
        _ => &[],
    };
    candidates(mentions, start, stop).filter(|(_, m)| wanted.contains(&m.kind) && !is_self(m)).map(|(i, _)| i).collect()
}

/// Words that tell of a disaster or of those it struck.
const DISASTERS: &[&str] = &["affected", "struck", "earthquake", "hurricane", "hurricanes", "flood", "floods", "flooding", "cyclone", "typhoon", "tsunami", "disaster", "disasters", "storm", "storms", "wildfires", "landslide"];

fn has_any(s: &str, list: &[&str]) -> bool {
    words(s).any(|w| list.contains(&w))
}

/// Where the clause of an object ends: before a relative clause or a
/// semicolon ("the embargo on Cuba, which is contrary to ...").
fn clause_end(text: &str, start: usize, stop: usize) -> usize {
    let mut stop = stop;
    for cut in [", which", " which ", ", who", "; "] {
        if let Some(i) = text[start..stop].find(cut) {
            stop = start + i;
        }
    }
    stop
}

/// Whether the cue at `at` aligns the speaker with a statement.
fn aligns(text: &str, at: usize) -> bool {
    let w = &text[at..];
    w.starts_with("align") || w.starts_with("associate")
}
