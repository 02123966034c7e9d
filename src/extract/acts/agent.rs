//! Who performs a cue: the speaker, or someone the speech reports on.
//!
//! The words before a cue, back to the start of its clause, are read from
//! right to left until a subject turns up. "I", "we", "my delegation",
//! "our Government", the state or organisation the speaker speaks for
//! ("Kazakhstan condemns", "The delegation of Kazakhstan welcomes", "the
//! European Union" when the speaker speaks for it) and whatever the
//! speaker says it speaks on behalf of ("the Nordic countries") are the
//! speaker. Anyone else (a name, "the Secretary-General", "he", "which")
//! makes the act a reported one. Modal, negated, conditional and past
//! auxiliaries ("would", "not", "if", "were", "have been") make it no act
//! of the speech, except the conventional "would like to", "should like
//! to", "wish to" and "May I" forms of thanking.

use super::cues::{Cue, Form};
use super::{ActKind, Speaker};
use crate::extract::{EntityKind, Mention};

/// How many words may separate a subject from its cue ("We would also like
/// to take this opportunity to express our sincere gratitude").
const MAX_WORDS: usize = 14;

/// How far back from a cue, in bytes, its subject is looked for: well
/// past MAX_WORDS words of any real sentence.
const WORDS_REACH: usize = 600;

/// Words that make what follows hypothetical, negated, obligatory or past.
const BLOCKING: &[&str] = &[
    "not", "never", "no", "cannot", "nor", "neither", "without", "if", "unless", "whether", "when", "whenever",
    "could", "might", "can", "did", "had", "was", "were", "been", "having", "hardly", "lest", "hope", "hopes",
];

/// Words that stand for someone other than the speaker.
const OTHERS: &[&str] = &[
    "he", "she", "they", "it", "who", "which", "that", "others", "him", "her",
    "them", "you", "your", "everyone", "everybody", "anyone", "someone", "nobody", "whom", "whose", "what",
];

/// Nouns that, after "my" or "our" or the speaker's own adjective, name
/// the speaker's side.
const SELF_NOUNS: &[&str] = &["delegation", "Government", "government", "country", "nation", "Mission", "authorities", "people", "President", "Minister", "State"];

/// Forms of government a state names itself by ("The Kingdom supports").
const STATE_FORMS: &[&str] = &["Kingdom", "Republic", "Principality", "Sultanate", "Emirate", "Federation", "Confederation", "Commonwealth"];

/// A word of the clause before a cue, with its place in the text.
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// The words of `text[from..to]`, and `;`/`:` as words of their own (they
/// end a clause).
fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        let inner = c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}';
        if inner {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Word { text: &text[s..at], start: s, end: at });
        }
        if matches!(c, ';' | ':' | '(' | ')' | '"' | '\u{201c}' | '\u{201d}') {
            out.push(Word { text: &text[at..at + c.len_utf8()], start: at, end: at + c.len_utf8() });
        }
    }
    if let Some(s) = start {
        out.push(Word { text: &text[s..to], start: s, end: to });
    }
    out
}

/// Whether the word before a subject makes its clause a condition ("If we
/// condemn one side", "unless we act").
fn conditional(prev: Option<&str>) -> bool {
    prev.is_some_and(|p| matches!(p.to_lowercase().as_str(), "if" | "unless" | "when" | "whenever" | "whether" | "once" | "should" | "until" | "before"))
}

/// The mention covering `[start, end)`, if any.
fn mention_at(mentions: &[Mention], start: usize, end: usize) -> Option<&Mention> {
    let k = mentions.partition_point(|m| m.end <= start);
    mentions[k..].iter().take_while(|m| m.start < end).find(|m| m.kind != EntityKind::Date && m.end > start)
}

/// Whether `m` denotes the speaker's state or organisation.
fn is_speaker(m: &Mention, speaker: &Speaker) -> bool {
    match m.kind {
        EntityKind::State => speaker.state.as_deref() == Some(m.key.as_str()),
        EntityKind::Organisation => speaker.organisation.as_deref() == Some(m.key.as_str()) || speaker.behalf_keys.contains(&m.key),
        _ => false,
    }
}

/// Whether the speaker performs `cue`, whose sentence starts at `sent_start`.
pub fn performed(text: &str, sent_start: usize, cue: &Cue, mentions: &[Mention], speaker: &Speaker) -> bool {
    if matches!(cue.form, Form::Affects | Form::Impersonal | Form::Hortative) {
        return true;
    }
    // A subject stands at most MAX_WORDS words back: reading a clause of a
    // long sentence from its start would make a sentence of many cues cost
    // the square of its length.
    let from = sent_start.max(crate::extract::acts::boundary(text, cue.start.saturating_sub(WORDS_REACH)));
    let ws = words(text, from, cue.start);
    // "We echo the Secretary-General's appeal to", "I share the grave
    // concern of": the verb taking up the act performs it, with its own
    // subject.
    if let Some(j) = taken_up(&ws) {
        let verb = Cue { start: ws[j].start, end: ws[j].end, form: Form::Verb, ..*cue };
        return verb_performed(text, &ws[..j], &verb, mentions, speaker);
    }
    if cue.form == Form::Noun {
        return noun_performed(text, &ws, cue, mentions, speaker);
    }
    verb_performed(text, &ws, cue, mentions, speaker)
}

/// Words that may stand between a noun cue and what introduces it ("our
/// most sincere appreciation", "deeply concerned").
fn is_modifier(w: &str) -> bool {
    let l = w.to_lowercase();
    l.ends_with("ly")
        || l.ends_with("est")
        || matches!(
            l.as_str(),
            "most" | "very" | "deep" | "sincere" | "heartfelt" | "profound" | "full" | "strong" | "great" | "warm" | "grave"
                | "serious" | "particular" | "special" | "continued" | "unwavering" | "firm" | "steadfast" | "utmost"
                | "high" | "also" | "again" | "once" | "therefore" | "further" | "its" | "their" | "all" | "both" | "genuine"
                | "renewed" | "complete" | "total" | "unequivocal" | "unreserved" | "so" | "too" | "still" | "thus" | "hence"
                | "keen" | "real" | "utter" | "outright" | "hearty" | "and" | "indeed" | "much" | "more" | "a" | "an"
                | "warmest" | "fitting" | "well-deserved" | "deserved" | "cordial" | "fraternal" | "brotherly" | "urgent"
                | "earnest" | "solemn" | "fervent" | "pressing" | "new"
        )
}

/// Nouns whose "of" introduces the act they carry: "special words of
/// appreciation", "an expression of our gratitude".
const CARRIERS: &[&str] = &["words", "word", "expression", "expressions", "message", "messages", "sentiments", "feelings", "token", "note", "mark"];

/// Verbs that put a noun cue in the speaker's mouth ("we express concern",
/// "I offer our condolences") or link an adjective cue to its subject
/// ("we are deeply concerned", "Kazakhstan is concerned").
const INTRODUCERS: &[&str] = &[
    "express", "expresses", "expressing", "offer", "offers", "extend", "extends", "convey", "conveys", "reiterate",
    "reiterates", "reaffirm", "reaffirms", "renew", "renews", "register", "registers", "voice", "voices", "place",
    "record", "add", "join", "joins", "are", "is", "am", "remain", "remains", "feel", "feels", "become", "be",
    "share", "shares", "have", "has", "state", "emphasize", "underline", "stress", "pledge", "pledges", "make", "makes",
    "launch", "launches", "issue", "issues", "lend", "lends", "give", "gives", "accord", "accords",
];

/// Adverbs that may stand between a verb cue and its subject or auxiliary.
fn is_adverb(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(w, "much" | "very" | "greatly" | "also" | "therefore" | "again" | "further" | "once" | "thus" | "hence" | "hereby" | "both" | "all" | "too" | "still" | "indeed" | "equally" | "," | "(" | ")" | "once again" | "especially" | "particularly" | "first" | "firstly" | "secondly" | "lastly" | "finally")
}

/// Whether a verb cue stands where a verb does: right after its subject,
/// an auxiliary ("to", "will"), a coordinating "and", or an adverb of
/// those. "the call from", "valuable support to", "increased support"
/// have a word before them that makes them nouns.
fn verb_position(text: &str, ws: &[Word<'_>], cue: &Cue) -> bool {
    let mut k = ws.len();
    while k > 0 && is_adverb(ws[k - 1].text) {
        k -= 1;
    }
    let Some(w) = k.checked_sub(1).map(|i| ws[i].text) else { return true };
    if w.chars().next().is_some_and(char::is_uppercase) || matches!(w, ";" | ":" | "\"" | "\u{201c}") {
        return true;
    }
    let ing = text[cue.start..cue.end].contains("ing");
    matches!(w, "we" | "me" | "us" | "myself" | "ourselves" | "itself" | "to" | "and" | "or" | "will" | "shall" | "must" | "would" | "should" | "can" | "may" | "might" | "could" | "not" | "never" | "did" | "do" | "does" | "delegation" | "Government" | "government" | "country" | "nation" | "authorities" | "people")
        // "join others in calling on", "begin by thanking", "while
        // welcoming": the gerund of the subject's own act. Not "the
        // proposal of inviting", "thank them for supporting".
        || ing && matches!(w, "in" | "by" | "while")
        || w.ends_with("n't")
        || w.ends_with('s') && !w.ends_with("ss") && k >= 2 && ws[k - 2].text.chars().next().is_some_and(char::is_uppercase) // "Kazakhstan therefore welcomes"
}

/// A noun or adjective cue is the speaker's when a possessive of the
/// speaker's comes right before it ("our condolences", "Kazakhstan's
/// deepest condolences", "has our full support"), when an introducing
/// verb does and its subject is the speaker ("we express concern", "we are
/// deeply concerned"), or when it opens a verbless sentence ("Sincere
/// appreciation to ..."). A determiner ("the call from", "a concern") or
/// any other word makes it someone's noun, not an act.
fn noun_performed(text: &str, ws: &[Word<'_>], cue: &Cue, mentions: &[Mention], speaker: &Speaker) -> bool {
    let mut k = ws.len();
    let mut joined = false;
    while k > 0 && is_modifier(ws[k - 1].text) {
        joined |= ws[k - 1].text == "and";
        k -= 1;
    }
    // "our fullest co-operation and support": the noun stands where the
    // one it is joined to does.
    if joined && k > 0 && ws[k - 1].text.chars().all(|c| c.is_lowercase() || c == '-') && !INTRODUCERS.contains(&ws[k - 1].text) {
        return noun_performed(text, &ws[..k - 1], cue, mentions, speaker);
    }
    // "Special words of appreciation are due to ...": the carrier noun
    // stands for the act.
    if k >= 2 && ws[k - 1].text == "of" && CARRIERS.contains(&ws[k - 2].text.to_lowercase().as_str()) {
        k -= 2;
        while k > 0 && is_modifier(ws[k - 1].text) {
            k -= 1;
        }
    }
    let Some(w) = k.checked_sub(1).map(|i| &ws[i]) else { return true };
    if matches!(w.text, "our" | "Our" | "my" | "My") {
        return true;
    }
    if w.text.ends_with("'s") || w.text.ends_with("\u{2019}s") {
        let own = matches!(w.text.to_lowercase().as_str(), "delegation's" | "government's" | "country's")
            && k >= 2
            && matches!(ws[k - 2].text, "my" | "My" | "our" | "Our");
        return own || mention_at(mentions, w.start, w.end).is_some_and(|m| is_speaker(m, speaker));
    }
    if matches!(w.text, ";" | ":") {
        return true;
    }
    // "We stand in support of", "we remain united in support of".
    if w.text == "in" && cue.kind == ActKind::Support && k >= 2 && STANDING.contains(&ws[k - 2].text) {
        return verb_performed(text, &ws[..k - 1], cue, mentions, speaker);
    }
    if INTRODUCERS.contains(&w.text.to_lowercase().as_str()) {
        return verb_performed(text, &ws[..k], cue, mentions, speaker);
    }
    // "Malta looks upon the problem of Cyprus with particular concern",
    // "we follow with concern": the one who watches is concerned.
    if w.text == "with" && cue.kind == ActKind::Concern {
        let clause = ws[..k - 1].iter().rev().take(MAX_WORDS).take_while(|x| !matches!(x.text, ";" | ":"));
        if let Some(back) = clause.clone().position(|x| WATCHING.contains(&x.text)) {
            return verb_performed(text, &ws[..k - 1 - back], cue, mentions, speaker);
        }
    }
    // The recipient may stand between the introducing verb and a noun of
    // what is handed over (thanks, congratulations, condolences, welcome):
    // "to extend to you, Sir, on behalf of my delegation, sincere
    // congratulations". Only a verb that gives (not "are", "is") reaches
    // over such a phrase.
    // "Germany reiterates its confidence in the Court, as well as its
    // support for": a second object of the same introducing verb, past
    // the first one.
    let coordinated = w.text == "and" || w.text == "as" && k >= 3 && ws[k - 2].text == "well" && ws[k - 3].text == "as";
    let span = if coordinated { 2 * MAX_WORDS } else { MAX_WORDS };
    let reach = ws[..k].iter().rev().take(span).take_while(|x| !matches!(x.text, ";" | ":")).position(|x| GIVING.contains(&x.text.to_lowercase().as_str()));
    let handed = coordinated || matches!(cue.kind, ActKind::Thank | ActKind::Congratulate | ActKind::Condole | ActKind::Welcome);
    if let Some(back) = reach.filter(|_| handed) {
        let at = k - 1 - back;
        return verb_performed(text, &ws[..=at], cue, mentions, speaker);
    }
    false
}

/// Where the verb stands that takes up the act named right after it: "we
/// share the concern of", "we echo the Secretary-General's appeal to", "we
/// reiterate the urgent call for" (ADOPTING, a determiner or a possessive,
/// and modifiers).
fn taken_up(ws: &[Word<'_>]) -> Option<usize> {
    let mut k = ws.len();
    let mut skipped = 0;
    while k > 0 && skipped < 4 && (is_modifier(ws[k - 1].text) && ws[k - 1].text != "and" || ws[k - 1].text.ends_with("'s") || ws[k - 1].text.ends_with("\u{2019}s")) {
        k -= 1;
        skipped += 1;
    }
    let det = k.checked_sub(1).filter(|&i| matches!(ws[i].text, "the" | "this" | "that" | "these" | "those"))?;
    det.checked_sub(1).filter(|&i| ADOPTING.contains(&ws[i].text))
}

/// Verbs that ask someone to do what their infinitive says.
const CALLING: &[&str] = &[
    "call", "calls", "calling", "urge", "urges", "urging", "encourage", "encourages", "encouraging", "invite", "invites",
    "inviting", "appeal", "appeals", "request", "requests", "ask", "asks", "demand", "demands", "exhort", "exhorts",
];

/// Verbs of watching that "with concern" qualifies.
const WATCHING: &[&str] = &[
    "view", "views", "look", "looks", "follow", "follows", "following", "watch", "watches", "watching", "regard", "regards",
    "observe", "observes", "see", "sees", "consider", "considers", "witness", "witnesses", "learn", "learnt", "learned", "note", "notes",
];

/// Nouns of "it is my pleasure to", "it is our position to": the act that
/// follows is the speaker's.
const FRAMES: &[&str] = &["pleasure", "privilege", "honour", "honor", "duty", "position", "policy", "intention"];

/// Verbs that take up an act already named ("we echo the call for",
/// "I share the concern of").
const ADOPTING: &[&str] = &[
    "share", "shares", "sharing", "echo", "echoes", "echoing", "reiterate", "reiterates", "renew", "renews", "repeat",
    "repeats", "reaffirm", "reaffirms", "join", "joins", "joining", "add", "adds",
];

/// Verbs before "in support of" that make the support the subject's.
const STANDING: &[&str] = &["stand", "stands", "standing", "remain", "remains", "united", "unite", "unites", "are", "is", "am", "join", "joins", "speak", "speaks"];

/// Introducing verbs that hand something over, whose recipient may come
/// before the noun they introduce ("extend to the people of Haiti our
/// sympathy").
const GIVING: &[&str] = &["express", "expresses", "expressing", "offer", "offers", "extend", "extends", "extending", "convey", "conveys", "conveying", "address", "addresses", "renew", "renews", "reiterate", "reiterates", "reaffirm", "reaffirms", "voice", "voices", "lend", "lends", "give", "gives"];

/// A verb cue is the speaker's when the subject found walking back from it
/// is the speaker and nothing on the way makes it hypothetical, negated or
/// past.
fn verb_performed(text: &str, ws: &[Word<'_>], cue: &Cue, mentions: &[Mention], speaker: &Speaker) -> bool {
    if cue.form == Form::Verb && !verb_position(text, ws, cue) {
        return false;
    }
    let worded = &text[cue.start..cue.end];
    let with_preposition = [" on", " upon", " for", " to", " with", " by"].iter().any(|p| worded.ends_with(p));
    if cue.form == Form::Verb && (with_preposition || takes_object(&text[cue.end..])) {
        if let Some(shared) = after_and(ws, mentions, speaker) {
            return shared;
        }
    }
    // "We call on the international community to support the Prime
    // Minister": an act in the infinitive after a call is asked of the
    // addressee, not performed.
    let infinitive = ws.iter().rev().find(|w| !is_adverb(w.text)).is_some_and(|w| w.text == "to");
    // Walking back, `after` is the word right of the current one, adverbs
    // aside ("would therefore like to"), and `next` the very next one.
    let mut after: Option<&str> = None;
    let mut next: Option<&str> = None;
    let mut seen = 0;
    for (n, w) in ws.iter().enumerate().rev() {
        let t = w.text;
        if matches!(t, ";" | ":") {
            break;
        }
        if matches!(t, "(" | ")" | "\"" | "\u{201c}" | "\u{201d}") {
            continue;
        }
        let prev = n.checked_sub(1).map(|p| ws[p].text);
        // A vocative ("Allow me, Sir, to", "Mr. President,") is no subject.
        if matches!(t, "Sir" | "Madam" | "Excellency" | "Mr" | "Madame") || t == "President" && matches!(prev, Some("Mr" | "Madam" | "Madame")) {
            continue;
        }
        seen += 1;
        if seen > MAX_WORDS {
            return false;
        }
        let lower = t.to_lowercase();
        if infinitive && CALLING.contains(&lower.as_str()) {
            return false;
        }
        if let Some(m) = mention_at(mentions, w.start, w.end) {
            if is_speaker(m, speaker) {
                // "Kazakhstan's condolences" is a possessive, which only a
                // noun cue takes; "Kazakhstan condemns" is a subject.
                return true;
            }
            // The speaker's own adjective before "delegation" was caught
            // below; any other name is someone else's act.
            return false;
        }
        if speaker.behalf_phrases.iter().any(|p| text[..w.end].ends_with(p.as_str())) {
            return true;
        }
        match t {
            // "If we condemn" is a condition; "Now as before, we endorse"
            // is not: a comma sets the word before apart.
            "I" | "we" | "We" | "me" | "myself" | "ourselves" => return !(conditional(prev) && !text[ws[n - 1].end..w.start].contains(',')),
            "us" if matches!(prev, Some("Let" | "let")) => return true,
            _ => {}
        }
        // "The Kingdom supports", "the Republic welcomes": a state speaking
        // of itself by its form of government.
        if STATE_FORMS.contains(&t) && matches!(prev, Some("The" | "the" | "My" | "my" | "Our" | "our")) {
            return true;
        }
        // "It is a great pleasure to welcome", "it is my privilege to
        // congratulate": the speaker's pleasure frames the act.
        if lower == "it" && ws[n + 1..].iter().take(6).any(|x| FRAMES.contains(&x.text)) {
            return !conditional(prev);
        }
        if SELF_NOUNS.contains(&t) {
            match prev {
                Some("my" | "My" | "our" | "Our") => return true,
                Some(_) if mention_at(mentions, ws[n - 1].start, ws[n - 1].end).is_some_and(|m| is_speaker(m, speaker)) => return true,
                _ => {}
            }
        }
        // "It is our position to support": the possessive belongs to the
        // frame, whose "it" comes next.
        let framed = |ws: &[Word<'_>]| ws.iter().take(3).any(|x| FRAMES.contains(&x.text));
        if matches!(t, "our" | "Our" | "my" | "My") && !framed(&ws[n + 1..]) {
            return cue.form == Form::Noun;
        }
        // "We can only deplore": the speaker does what nothing else is left
        // to do.
        if lower == "can" && next == Some("only") || lower == "cannot" && next == Some("but") {
            after = Some(t);
            next = Some(t);
            continue;
        }
        if lower.ends_with("n't") || BLOCKING.contains(&lower.as_str()) {
            return false;
        }
        match lower.as_str() {
            // "I would like to thank", "I would also pay tribute", "I would
            // take this opportunity to": the conventional forms.
            "would" | "should" if after.is_some_and(|a| matches!(a, "like" | "love" | "wish" | "take")) || next == Some("also") => {}
            // "We should pay a special tribute to": thanks said as a duty.
            "should" if matches!(cue.kind, ActKind::Thank | ActKind::Congratulate) && after.is_none() && matches!(prev, Some("I" | "we" | "We")) => {}
            "would" | "should" => return false,
            "may" if after == Some("I") || after == Some("we") => {}
            "may" => return false,
            // "I must call on the Government", "we must condemn": the
            // speaker's own act, said as a duty. "We must support", "must
            // welcome" say what ought to be done.
            "must" if matches!(cue.kind, ActKind::Call | ActKind::Condemn) && after.is_none() && matches!(prev, Some("I" | "we" | "We")) => {}
            "must" | "need" | "needs" if !matches!(cue.kind, ActKind::Thank | ActKind::Congratulate | ActKind::Condole) => return false,
            "have" | "has" if after == Some("to") => return false,
            _ => {}
        }
        // "I consider it necessary to call on": "it" is no other actor.
        if lower == "it" && matches!(prev, Some("consider" | "find" | "deem" | "think" | "believe" | "feel" | "regard")) {
            after = Some(t);
            next = Some(t);
            continue;
        }
        // "Rwanda joins with the nations that have preceded it in paying
        // tribute": the subject of "join" performs the act.
        if lower == "in" && after.is_none() {
            if let Some(j) = ws[..n].iter().rposition(|x| matches!(x.text, "join" | "joins" | "joining")) {
                if n - j <= MAX_WORDS && !ws[j..n].iter().any(|x| matches!(x.text, ";" | ":")) {
                    return verb_performed(text, &ws[..=j], &Cue { form: Form::Noun, ..*cue }, mentions, speaker);
                }
            }
        }
        // "I join others in thanking": the speaker acts with the others.
        if lower == "others" && matches!(prev, Some("join" | "joins" | "joining")) {
            after = Some(t);
            next = Some(t);
            continue;
        }
        // "The Kingdom of Morocco has reaffirmed its commitment. It strongly
        // reaffirms its solidarity": a sentence opening on "It" goes on with
        // the speaker's state, when the sentence before opened on it.
        if t == "It" && text[..w.start].trim_end().ends_with(['.', '!', '?']) {
            return continues_speaker(text, w.start, mentions, speaker);
        }
        if OTHERS.contains(&lower.as_str()) && !(lower == "that" && after.is_some_and(|a| a == "we" || a == "I")) {
            return false;
        }
        // A capitalised word inside the clause is a name or a title:
        // "the Secretary-General welcomes", "the Council calls on".
        if t.chars().next().is_some_and(char::is_uppercase) && n > 0 && !matches!(ws[n - 1].text, ";" | ":" | "(" | "\"" | "\u{201c}") {
            return false;
        }
        if !is_adverb(t) {
            after = Some(t);
        }
        next = Some(t);
    }
    // The clause holds no subject: a verbless opener ("Sincere appreciation
    // to the Chinese presidency", "Alarmingly, ...") performs the act, and
    // so does "Thank you" or "Congratulations".
    // A verb among those words ("Such behaviour has encouraged") makes its
    // own subject the actor.
    let clause: Vec<&Word<'_>> = ws.iter().rev().take_while(|w| !matches!(w.text, ";" | ":")).collect();
    let opener = clause.len() <= 3 && !clause.iter().any(|w| INTRODUCERS.contains(&w.text.to_lowercase().as_str()));
    opener && (cue.form == Form::Noun || matches!(cue.kind, ActKind::Thank) && text[cue.start..].starts_with("Thank"))
}

/// Whether the words after a cue open its object as a verb's do ("and
/// support the efforts", "and call on", "and urge them"), not as a noun's
/// ("the help and support of", "stand and support on").
fn takes_object(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    next.chars().next().is_some_and(char::is_uppercase)
        || matches!(next, "the" | "a" | "an" | "all" | "its" | "their" | "this" | "these" | "those" | "his" | "her" | "our" | "any" | "every" | "them" | "him" | "you" | "it" | "that" | "both" | "each" | "efforts" | "to")
        || after.is_empty()
}

/// A verb right after "and" shares the subject of its clause's first verb,
/// past that verb's objects: "We are willing to continue providing
/// assistance to Syria and call on other countries". Some(true) when that
/// subject is the speaker with nothing hypothetical, negated or reported
/// on the way; None when the verb follows no "and" or no speaker subject
/// stands before it, and the ordinary walk decides.
fn after_and(ws: &[Word<'_>], mentions: &[Mention], speaker: &Speaker) -> Option<bool> {
    let mut k = ws.len();
    while k > 0 && is_adverb(ws[k - 1].text) {
        k -= 1;
    }
    // "I have the honour to convey ... and to congratulate you".
    let infinitive = k >= 2 && ws[k - 1].text == "to" && ws[k - 2].text == "and";
    if infinitive {
        k -= 1;
    }
    let and = k.checked_sub(1).filter(|&i| ws[i].text == "and")?;
    let clause = ws[..and].iter().rposition(|w| matches!(w.text, ";" | ":")).map_or(0, |i| i + 1);
    let subject = (clause..and).rev().take(2 * MAX_WORDS).find(|&i| {
        matches!(ws[i].text, "we" | "We" | "I") || mention_at(mentions, ws[i].start, ws[i].end).is_some_and(|m| is_speaker(m, speaker))
    })?;
    let between = &ws[subject + 1..and];
    let blocked = between.iter().enumerate().any(|(j, w)| {
        let lower = w.text.to_lowercase();
        let next = between.get(j + 1).map(|x| x.text);
        BLOCKING.contains(&lower.as_str())
            || lower.ends_with("n't")
            || OTHERS.contains(&lower.as_str())
            || matches!(lower.as_str(), "would" | "should" | "may" | "must") && !matches!(next, Some("like" | "wish" | "love"))
            // "need" as a verb, not as the noun of "the urgent need to".
            || matches!(lower.as_str(), "need" | "needs") && !j.checked_sub(1).is_some_and(|p| is_modifier(between[p].text) || matches!(between[p].text, "the" | "a" | "this" | "that" | "our" | "their" | "its"))
    });
    // "We urge the African Union to play a role and to support the
    // parties": the second infinitive is asked of the addressee too.
    let asked = infinitive && between.iter().any(|w| CALLING.contains(&w.text.to_lowercase().as_str()));
    let prev = subject.checked_sub(1).map(|p| ws[p].text);
    Some(!blocked && !asked && !conditional(prev))
}

/// Whether the sentence before `at` opens on the speaker's state ("The
/// Kingdom of Morocco ...", "My country ..."), which a following "It"
/// continues.
fn continues_speaker(text: &str, at: usize, mentions: &[Mention], speaker: &Speaker) -> bool {
    let before = text[..at].trim_end().trim_end_matches(['.', '!', '?']);
    let lo = crate::extract::acts::boundary(text, before.len().saturating_sub(WORDS_REACH));
    let start = before[lo..].rfind(". ").map_or(lo, |i| lo + i + 2);
    let opening = &text[start..crate::extract::acts::boundary(text, (start + 60).min(before.len()))];
    let own = ["My country", "My Government", "My delegation", "Our country", "Our Government", "The Kingdom", "The Republic"].iter().any(|p| opening.starts_with(p));
    let k = mentions.partition_point(|m| m.end <= start);
    own || mentions[k..].iter().take_while(|m| m.start < start + opening.len()).any(|m| is_speaker(m, speaker))
}
