//! The words that perform an act (ACTS.md's "typical forms"), found in one
//! regex pass: verbs in the present ("we condemn", "Kazakhstan welcomes"),
//! the nouns of "we express our gratitude", "our deepest condolences", and
//! the adjectives of "we are deeply concerned", "we are pleased by".
//!
//! Past forms ("condemned", "welcomed") are left out on purpose: they report
//! what someone did, the speaker included, rather than doing it now.

use std::sync::LazyLock;

use regex::Regex;

use super::ActKind;

/// How a cue is worded, which decides how its subject is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A finite or infinitive verb: needs a speaker subject before it.
    Verb,
    /// A noun ("condolences", "appreciation", "support"): a speaker's
    /// possessive or subject before it, or a verbless sentence opener
    /// ("Sincere appreciation to the Chinese presidency").
    Noun,
    /// "X is deeply concerning to us": the speaker is the one affected and
    /// the object comes before the cue.
    Affects,
}

/// One cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// First byte of the cue.
    pub start: usize,
    /// One past the last byte (after a preposition that belongs to it:
    /// "call on", "pay tribute to").
    pub end: usize,
    /// The act it performs.
    pub kind: ActKind,
    /// How it is worded.
    pub form: Form,
    /// Whether the cue names what is asked for rather than whom ("call for",
    /// "appeal for"): the target is then what is called for.
    pub asks_for: bool,
}

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:",
        // thank
        r"(?P<thank>[Tt]hank(?:s|ing)?(?: you)?|[Cc]ommend(?:s|ing)?|[Ss]alute(?:s)?|[Pp]ay(?:s|ing)? (?:a )?(?:special |warm |sincere |heartfelt |high )?(?:tribute|homage) to)",
        r"|(?P<thankn>gratitude|[Aa]ppreciation|[Gg]rateful|[Tt]hanks to)",
        r"|(?P<thankv>[Aa]ppreciate(?:s)?)",
        // congratulate
        r"|(?P<congr>[Cc]ongratulat(?:e|es|ing)|[Ff]elicitat(?:e|es))",
        r"|(?P<congrn>[Cc]ongratulations|[Ff]elicitations)",
        // welcome
        r"|(?P<welcome>[Ww]elcom(?:e|es|ing)|[Aa]pplaud(?:s)?|[Hh]ail(?:s)?|note(?:s)? with (?:great |deep |particular )?(?:satisfaction|appreciation|pleasure))",
        r"|(?P<welcomea>(?:pleased|glad|delighted|happy|heartened|gratified|encouraged)(?: (?:by|with|at|that|to see|to note|to learn))?)",
        // condemn
        r"|(?P<condemn>[Cc]ondemn(?:s|ing)?|[Dd]eplore(?:s)?|[Dd]enounce(?:s)?|[Rr]eject(?:s)?)",
        r"|(?P<condemnn>condemnation)",
        // condole
        r"|(?P<condole>[Cc]ondolences?|[Ss]ympath(?:y|ies)|solidarity with)",
        // call
        r"|(?P<callfor>call(?:s)? for|appeal(?:s)? for)",
        r"|(?P<call>call(?:s)?(?: (?:on|upon))?|[Uu]rge(?:s)?|[Dd]emand(?:s)?|appeal(?:s)? to|[Ee]ncourage(?:s)?|[Ii]nvite(?:s)?|[Ee]xhort(?:s)?)",
        // support
        r"|(?P<support>[Ss]upport(?:s|ing)?|[Ee]ndorse(?:s)?|back(?:s)?|stand(?:s)? (?:with|by)|[Cc]o-?sponsor(?:s)?|align(?:s)? (?:itself |ourselves |myself )?with|associate(?:s)? (?:itself|ourselves|myself) with)",
        // concern
        r"|(?P<concernn>concerns?)",
        r"|(?P<concerna>concerned|alarmed|worried|troubled|disturbed|appalled|dismayed|perturbed|Alarmingly)",
        r"|(?P<affects>(?:concerning|worrying|alarming|troubling|disturbing) to (?:us|me|my delegation|my country))",
        r")(?-u:\b)",
    ))
    .expect("cue regex compiles")
});

/// Every cue in `text`, in text order.
pub fn find(text: &str) -> Vec<Cue> {
    let mut out = Vec::new();
    for c in CUE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let group = |name: &str| c.name(name).is_some();
        let (kind, form) = if group("thank") || group("thankv") {
            (ActKind::Thank, Form::Verb)
        } else if group("thankn") {
            (ActKind::Thank, Form::Noun)
        } else if group("congr") {
            (ActKind::Congratulate, Form::Verb)
        } else if group("congrn") {
            (ActKind::Congratulate, Form::Noun)
        } else if group("welcome") {
            (ActKind::Welcome, Form::Verb)
        } else if group("welcomea") {
            (ActKind::Welcome, Form::Noun)
        } else if group("condemn") {
            (ActKind::Condemn, Form::Verb)
        } else if group("condemnn") {
            (ActKind::Condemn, Form::Noun)
        } else if group("condole") {
            (ActKind::Condole, Form::Noun)
        } else if group("callfor") || group("call") {
            (ActKind::Call, Form::Verb)
        } else if group("support") {
            (ActKind::Support, Form::Verb)
        } else if group("concernn") || group("concerna") {
            (ActKind::Concern, Form::Noun)
        } else {
            (ActKind::Concern, Form::Affects)
        };
        let word = m.as_str();
        // "thanks to the efforts of" gives a cause, not thanks.
        if word.eq_ignore_ascii_case("thanks to") {
            continue;
        }
        // "I call on the Minister for Foreign Affairs of the Niger." gives
        // the floor; a call on someone asks them to do something.
        if word.starts_with("call") && (word.ends_with(" on") || word.ends_with(" upon")) {
            let rest = &text[m.end()..super::boundary(text, m.end() + 400)];
            let sentence = rest.split(". ").next().unwrap_or(rest);
            if !sentence.contains(" to ") && !sentence.contains(" for ") && !sentence.contains(" not ") && !sentence.contains("that") {
                continue;
            }
        }
        // The President inviting speakers to the table under rule 37 or 39
        // is procedure, not a call.
        if word.starts_with("invite") || word.starts_with("Invite") {
            let rest = &text[m.end()..super::boundary(text, m.end() + 400)];
            let sentence = rest.split(". ").next().unwrap_or(rest);
            if ["participate", "rule 3", "take a seat", "take seats", "the floor", "briefing", "brief the Council"].iter().any(|p| sentence.contains(p)) {
                continue;
            }
        }
        // Nouns that double as verbs: "our support", "France's call for".
        let form = match kind {
            ActKind::Support | ActKind::Call if is_noun_use(text, m.start()) => Form::Noun,
            _ => form,
        };
        out.push(Cue { start: m.start(), end: m.end(), kind, form, asks_for: group("callfor") });
    }
    out
}

/// Whether the word at `start` is used as a noun: after a determiner or a
/// possessive ("our full support", "France's call", "the support of").
fn is_noun_use(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let prev = before.rsplit(|c: char| c.is_whitespace()).find(|w| !w.is_empty()).unwrap_or("");
    let prev_prev = before[..before.len() - prev.len()].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let det = |w: &str| {
        matches!(w, "our" | "Our" | "my" | "My" | "its" | "their" | "the" | "The" | "a" | "A" | "his" | "her" | "full" | "strong" | "firm" | "unwavering" | "continued" | "steadfast" | "grave" | "deep" | "serious" | "great" | "this" | "that" | "in" | "of" | "for" | "with" | "without")
            || w.ends_with("'s")
            || w.ends_with('\u{2019}')
    };
    det(prev) || (prev.ends_with("ed") || prev.ends_with("ing") || prev.ends_with("ful") || prev.ends_with("al")) && det(prev_prev)
}
