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
    /// "X is deeply concerning to us", "X deserves our appreciation", "X
    /// must be condemned": the speaker is plainly the one who acts, and the
    /// object comes before the cue.
    Affects,
    /// "It is encouraging that ...", "it is worrying that ...": the speaker
    /// acts without a subject, on what follows.
    Impersonal,
    /// "Let us work together": a call on everyone, the speaker included,
    /// with no addressee of its own.
    Hortative,
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
        // "Praise is due to", "our appreciation goes to", "congratulations
        // are in order": the act is handed to what follows, by nobody else
        // than the speaker.
        r"(?P<owed>(?:[Pp]raise|[Cc]redit|[Tt]ribute|[Tt]hanks|[Gg]ratitude|[Aa]ppreciation|[Cc]ommendations?|[Cc]ongratulations|[Ff]elicitations) (?:is |are |must |should |also |therefore |then )*(?:due|owed|go|goes)(?: also)? to)",
        // The passive of the resolutions' verbs, whose agent is the one
        // speaking: "X is to be commended", "must be condemned", "a
        // modification of extreme positions must be encouraged".
        r"|(?P<passive>(?:must|should|ought to|deserves? to|is to|are to) (?:also |therefore |further |rightly |surely )?be (?:\w+ly )?(?:commended|praised|applauded|thanked|congratulated|welcomed|encouraged|urged|condemned|deplored|denounced|regretted))",
        // A predicate at the end of its clause: "the positive reaction is
        // encouraging", "all of this is most welcome", "security problems
        // are great and worrying" (find() checks what follows).
        r"|(?P<predicate>(?:is|are|remains|remain)(?: \w+ly| also| most| very| indeed| therefore| particularly| all| both| great and| serious and| grave and)* (?:welcome|encouraging|heartening|gratifying|reassuring|worrying|worrisome|alarming|troubling|disturbing))",
        // thank: the verbs, and paying tribute or homage
        r"|(?P<thank>[Tt]hank(?:s|ing)?(?: you)?|[Cc]ommend(?:s|ing)?|[Ss]alut(?:e|es|ing)|[Pp]rais(?:e|es|ing)|[Pp]ay(?:s|ing)? (?:a |my |our |its |their )?(?:\w+ ){0,2}(?:tribute|homage)(?: to)?)",
        r"|(?P<thankn>gratitude|[Aa]ppreciation|[Gg]rateful|[Tt]hankful|[Aa]ppreciative|[Cc]ommendations?|[Tt]hanks to)",
        r"|(?P<thankv>[Aa]ppreciate(?:s)?)",
        // "X deserves our appreciation": the speaker thanks what comes before
        r"|(?P<thankx>deserves? (?:our |the |all our |my )?(?:\w+ )?(?:appreciation|gratitude|thanks|praise|commendation|admiration))",
        // congratulate
        r"|(?P<congr>[Cc]ongratulat(?:e|es|ing)|[Ff]elicitat(?:e|es))",
        r"|(?P<congrn>[Cc]ongratulations|[Ff]elicitations)",
        r"|(?P<congrx>deserves? (?:our |the |all our |my )?(?:\w+ )?congratulations)",
        // welcome: the verbs, taking note with satisfaction (the UN's own
        // form), being pleased, "a welcome development", "it is encouraging"
        r"|(?P<welcome>[Ww]elcom(?:e|es|ing)|[Aa]pplaud(?:s|ing)?|[Hh]ail(?:s|ing)?|[Rr]ejoice(?:s)? (?:at|in|over|that)|(?:note|notes|take note|takes note) with (?:great |deep |particular |much )?(?:satisfaction|appreciation|pleasure))",
        r"|(?P<welcomea>(?:pleased|glad|delighted|happy|heartened|gratified|encouraged|satisfied)(?: (?:by|with|at|that|to see|to note|to learn))?)",
        r"|(?P<welcomex>(?:is|are|was) (?:a |an )?(?:[\w-]+ ){0,4}welcome (?:development|developments|step|steps|news|sign|signs|move|initiative|progress|decision|change|addition))",
        // A predicate put first: "Equally worrying are the attempts to",
        // "Particularly encouraging is the agreement".
        r"|(?P<fronted>(?:^|[.!?]\s+)(?:(?:Equally|Particularly|Especially|Also|Most|Very|Even more|More|Deeply|Similarly) )?(?:worrying|worrisome|alarming|troubling|disturbing|encouraging|heartening|gratifying|welcome) (?:is|are))",
        r"|(?P<welcomei>[Ii]t is (?:\w+ )?(?:encouraging|heartening|gratifying|reassuring) (?:that|to)|[Ii]t is with (?:\w+ )?(?:satisfaction|gratification|joy) that)",
        r"|(?P<welcomen>(?:[Ss]atisfaction|[Gg]ratification) (?:at|with|over|that|in))",
        r"|(?P<welcomes>(?:a |the )?(?:matter|source|cause|subject) (?:of|for) (?:\w+ )?(?:satisfaction|gratification|rejoicing|encouragement))",
        // condemn: the verbs, and the passive "must be condemned"
        r"|(?P<condemn>[Cc]ondemn(?:s|ing)?|[Dd]eplor(?:e|es|ing)|[Dd]enounc(?:e|es|ing)|[Rr]eject(?:s|ing)?)",
        r"|(?P<condemnn>condemnation)",
        r"|(?P<condemnx>deserves? (?:our |the )?(?:\w+ )?condemnation)",
        // condole
        r"|(?P<condole>[Cc]ondolences?|[Ss]ympath(?:y|ies)|solidarity with)",
        r"|(?P<condolei>[Ii]t is with (?:\w+ ){0,2}(?:sadness|sorrow|grief) that)",
        // call
        r"|(?P<callfor>call(?:s|ing)? for|appeal(?:s|ing)? for)",
        r"|(?P<call>call(?:s)?(?: (?:on|upon))?|calling (?:on|upon)|[Uu]rg(?:e|es|ing)|[Dd]emand(?:s|ing)?|appeal(?:s|ing)? to|[Ee]ncourag(?:e|es|ing)|[Ii]nvit(?:e|es|ing)|[Ee]xhort(?:s|ing)?|[Rr]equest(?:s|ing)?)",
        r"|(?P<callus>[Ll]et us (?:all |now |therefore |together |also |then |instead |here )?(?:work|join|act|strive|make|ensure|redouble|commit|build|stand|unite|seize|do|take|continue|move|give|renew|recommit|strengthen|find|spare|use|help|put|resolve|reaffirm|rededicate|pledge|promote|support|uphold|respect|embrace|address|focus|keep|bring|create|invest|engage|cooperate|co-operate|mobilize|mobilise|agree|fulfil|fulfill|implement|end|overcome|prevent|protect|reject|remain|show|turn))",
        // support: the verbs, standing with, aligning with a statement,
        // sharing a view
        r"|(?P<support>[Ss]upport(?:s|ing)?|[Ee]ndors(?:e|es|ing)|back(?:s)?|stand(?:s)? (?:(?:in |with )?(?:\w+ )?solidarity )?(?:with|by)|[Cc]o-?sponsor(?:s)?|align(?:s)? (?:itself |ourselves |myself )?with|associate(?:s)? (?:itself|ourselves|myself) with|share(?:s)? (?:fully )?(?:the |his |her |their |its |this |that )?(?:\w+ )?(?:view|views|position|assessment|conviction))",
        // concern: the nouns and adjectives, regret (ACTS.md: regret of a
        // situation is concern), noting with concern, and the impersonal
        // forms ("a source of concern", "it is worrying that")
        r"|(?P<concernn>concerns?)",
        r"|(?P<concerna>concerned|alarmed|worried|troubled|disturbed|appalled|dismayed|perturbed|Alarmingly)",
        r"|(?P<concernv>[Rr]egret(?:s)?|(?:note|notes|take note|takes note) with (?:great |deep |grave |serious |particular |much )?(?:concern|regret|alarm|dismay))",
        r"|(?P<affects>(?:concerning|worrying|worrisome|alarming|troubling|disturbing) to (?:us|me|my delegation|my country|my Government)|(?:a |the )?(?:matter|source|cause|subject) (?:of|for) (?:\w+ ){0,2}concern|(?:cause|reason) for (?:\w+ )?concern|(?:is|are|remains|remain|(?:has|have)(?: \w+){0,3} been) (?:one )?of (?:great |grave |deep |serious |particular |major |growing |increasing |special )?concern)",
        r"|(?P<concerni>[Ii]t is (?:\w+ )?(?:worrying|worrisome|alarming|disturbing|troubling|regrettable|deplorable|of concern|a matter of concern)(?: that| to|,)|[Ii]t is with (?:\w+ )?(?:concern|regret|alarm|dismay|anxiety) that)",
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
        let (kind, form) = if group("owed") {
            let congratulates = m.as_str().starts_with(['C', 'c', 'F', 'f']) && !m.as_str().to_lowercase().starts_with("commend");
            (if congratulates { ActKind::Congratulate } else { ActKind::Thank }, Form::Impersonal)
        } else if group("passive") {
            (passive_kind(m.as_str()), Form::Affects)
        } else if group("predicate") {
            let w = m.as_str();
            let worry = ["worr", "alarm", "troubl", "disturb"].iter().any(|x| w.contains(x));
            (if worry { ActKind::Concern } else { ActKind::Welcome }, Form::Affects)
        } else if group("thank") || group("thankv") {
            (ActKind::Thank, Form::Verb)
        } else if group("thankn") {
            (ActKind::Thank, Form::Noun)
        } else if group("thankx") {
            (ActKind::Thank, Form::Affects)
        } else if group("congr") {
            (ActKind::Congratulate, Form::Verb)
        } else if group("congrn") {
            (ActKind::Congratulate, Form::Noun)
        } else if group("congrx") {
            (ActKind::Congratulate, Form::Affects)
        } else if group("welcome") {
            (ActKind::Welcome, Form::Verb)
        } else if group("welcomea") {
            (ActKind::Welcome, Form::Noun)
        } else if group("welcomex") {
            (ActKind::Welcome, Form::Affects)
        } else if group("fronted") {
            let w = m.as_str();
            let worry = ["worr", "alarm", "troubl", "disturb"].iter().any(|x| w.contains(x));
            (if worry { ActKind::Concern } else { ActKind::Welcome }, Form::Impersonal)
        } else if group("welcomei") {
            (ActKind::Welcome, Form::Impersonal)
        } else if group("welcomen") {
            (ActKind::Welcome, Form::Noun)
        } else if group("welcomes") {
            (ActKind::Welcome, Form::Affects)
        } else if group("condolei") {
            (ActKind::Condole, Form::Impersonal)
        } else if group("condemn") {
            (ActKind::Condemn, Form::Verb)
        } else if group("condemnn") {
            (ActKind::Condemn, Form::Noun)
        } else if group("condemnx") {
            (ActKind::Condemn, Form::Affects)
        } else if group("condole") {
            (ActKind::Condole, Form::Noun)
        } else if group("callfor") || group("call") {
            (ActKind::Call, Form::Verb)
        } else if group("callus") {
            (ActKind::Call, Form::Hortative)
        } else if group("support") {
            (ActKind::Support, Form::Verb)
        } else if group("concernn") || group("concerna") {
            (ActKind::Concern, Form::Noun)
        } else if group("concernv") {
            (ActKind::Concern, Form::Verb)
        } else if group("concerni") {
            (ActKind::Concern, Form::Impersonal)
        } else {
            (ActKind::Concern, Form::Affects)
        };
        let word = m.as_str();
        // "is not a welcome development" welcomes nothing.
        if group("welcomex") && word.split(' ').any(|w| matches!(w, "not" | "hardly" | "no" | "never")) {
            continue;
        }
        // "Equally worrying are" starts a sentence: the cue starts there.
        let start = if group("fronted") { m.start() + word.find(|c: char| c.is_uppercase()).unwrap_or(0) } else { m.start() };
        // "is encouraging" ends its clause; "is encouraging the parties"
        // reports what someone does.
        if group("predicate") && !ends_clause(&text[m.end()..]) {
            continue;
        }
        // "pleased to extend our congratulations", "happy to join others":
        // the pleasure frames the act that follows, and is none itself.
        if group("welcomea") && !word.contains(' ') && text[m.end()..].starts_with(" to ") {
            continue;
        }
        // "the parties concerned", "as far as we are concerned": concerned
        // as in "involved", no concern.
        if word == "concerned" {
            let before = &text[super::boundary(text, m.start().saturating_sub(60))..m.start()];
            let prev = before.split_whitespace().next_back().unwrap_or("");
            if INVOLVED.contains(&prev) || before.contains("as far as") || before.contains("As far as") || before.rsplit([',', '.']).next().is_some_and(|c| c.contains("where ") || c.contains("Where ")) {
                continue;
            }
        }
        // "thanks to the efforts of" gives a cause, not thanks (but "our
        // sincere thanks to" thanks); "thank God" is an exclamation.
        let after = &text[m.end()..];
        if word.eq_ignore_ascii_case("thanks to") || word.eq_ignore_ascii_case("thanks") && after.starts_with(" to ") && !is_noun_use(text, m.start()) {
            continue;
        }
        if word.eq_ignore_ascii_case("thank") && ["God", "goodness", "heaven", "Heaven"].iter().any(|w| after.strip_prefix(' ').is_some_and(|a| a.starts_with(w))) {
            continue;
        }
        // "We appreciate the difficulties", "we fully appreciate the
        // importance of": appreciating as understanding thanks nobody.
        if group("thankv") && understood(after) {
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
        // Solidarity with victims is condolence; with a people or a cause,
        // support ("we stand in firm solidarity with the people of Cuba").
        let kind = if word.contains("solidarity") {
            let around = &text[super::boundary(text, m.start().saturating_sub(120))..super::boundary(text, m.end() + 80)];
            if mourns(around) { ActKind::Condole } else { ActKind::Support }
        } else {
            kind
        };
        // Nouns that double as verbs: "our support", "France's call for",
        // "with regret".
        let form = match kind {
            // A gerund stays a verb after a preposition: "in calling on".
            ActKind::Support | ActKind::Call | ActKind::Concern | ActKind::Welcome if form == Form::Verb && !word.split(' ').next().is_some_and(|w| w.ends_with("ing")) && is_noun_use(text, m.start()) => Form::Noun,
            // "our warm thanks", "special thanks to"
            ActKind::Thank if word == "thanks" && is_noun_use(text, m.start()) => Form::Noun,
            _ => form,
        };
        out.push(Cue { start, end: m.end(), kind, form, asks_for: group("callfor") });
    }
    out
}

/// What one appreciates by understanding it, not by thanks.
const UNDERSTOOD: &[&str] = &[
    "difficulty", "difficulties", "challenge", "challenges", "complexity", "complexities", "constraints", "importance",
    "significance", "need", "needs", "gravity", "seriousness", "sensitivity", "sensitivities", "fact", "magnitude",
    "urgency", "scale", "dilemma", "dilemmas", "reasons", "problems", "risks", "dangers", "limits", "limitations", "extent",
];

/// Whether the object after "appreciate" is something understood ("the
/// difficulties", "the full importance of", "how hard").
fn understood(after: &str) -> bool {
    let mut ws = after.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty());
    let first = ws.next().unwrap_or("");
    if matches!(first, "how" | "why" | "what") {
        return true;
    }
    std::iter::once(first).chain(ws).take(4).any(|w| UNDERSTOOD.contains(&w))
}

/// The act of a passive cue, by its participle ("is to be commended").
fn passive_kind(cue: &str) -> ActKind {
    let participle = cue.rsplit(' ').next().unwrap_or("");
    match participle {
        "congratulated" => ActKind::Congratulate,
        "welcomed" => ActKind::Welcome,
        "encouraged" | "urged" => ActKind::Call,
        "condemned" | "deplored" | "denounced" => ActKind::Condemn,
        "regretted" => ActKind::Concern,
        _ => ActKind::Thank,
    }
}

/// Whether `after` starts where a clause ends: a stop, or a conjunction
/// that opens the next clause.
fn ends_clause(after: &str) -> bool {
    after.starts_with(['.', ';', '!', ':']) || [",", " and ", " but ", ", and ", ", but "].iter().any(|p| after.starts_with(p)) && !after.starts_with(", which")
}

/// Nouns that "concerned" follows as "involved" ("the parties concerned").
const INVOLVED: &[&str] = &[
    "parties", "party", "States", "State", "countries", "country", "Governments", "Government", "sides", "Powers", "Members", "all",
    "those", "everyone", "organizations", "agencies", "communities", "individuals", "persons", "people", "peoples", "actors",
    "stakeholders", "authorities", "nations", "delegations", "officials", "entities", "bodies", "institutions", "regions", "region",
    "areas", "area", "Territories", "territories", "Territory", "Powers", "people", "others", "person",
];

/// Whether the words around "solidarity with" tell of those who suffered
/// a loss, which makes the solidarity a condolence.
fn mourns(after: &str) -> bool {
    ["victim", "famil", "bereaved", "lost their lives", "affected", "injured", "survivors", "wounded", "killed", "mourn", "grief", "tragedy", "disaster"]
        .iter()
        .any(|w| after.contains(w))
}

/// Adjectives of the nouns that double as verbs, which no ending tells
/// ("our deep regret", "a firm call").
const ADJECTIVES: &[&str] = &["deep", "full", "strong", "great", "warm", "grave", "firm", "high", "new", "keen", "real", "utter", "clear", "broad", "sincere", "urgent"];

/// Whether the word at `start` is used as a noun: after a determiner or a
/// possessive ("our full support", "France's call", "the support of"), with
/// adjectives in between ("our profound regret", "an urgent appeal").
fn is_noun_use(text: &str, start: usize) -> bool {
    let det = |w: &str| {
        matches!(w, "our" | "Our" | "my" | "My" | "its" | "their" | "the" | "The" | "a" | "A" | "an" | "An" | "his" | "her" | "full" | "strong" | "firm" | "unwavering" | "continued" | "steadfast" | "grave" | "deep" | "serious" | "great" | "this" | "that" | "in" | "of" | "for" | "with" | "without" | "warm" | "warmest" | "special" | "sincere" | "heartfelt" | "cordial" | "hearty")
            || w.ends_with("'s")
            || w.ends_with('\u{2019}')
    };
    let adjective = |w: &str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && (ADJECTIVES.contains(&w) || ["ed", "ing", "ful", "al", "ous", "ent", "ant", "ive", "ound", "est"].iter().any(|e| w.ends_with(e)))
    };
    let mut before = text[..start].trim_end();
    // "our full cooperation and support.": a noun as the one it is
    // coordinated with, where no object follows ("we welcome and support
    // the plan", "the report and encourage the parties" stay verbs).
    if let Some(first) = before.strip_suffix(" and").or_else(|| before.strip_suffix(" or")) {
        let first = first.trim_end();
        let word = first.rsplit(char::is_whitespace).next().unwrap_or("");
        let rest = text[start..].split_once(char::is_whitespace).map_or("", |(_, r)| r);
        let no_object = text[start..].split_whitespace().next().is_some_and(|w| w.ends_with(['.', ',', ';', ':']))
            || ["for ", "to ", "of ", "in "].iter().any(|p| rest.starts_with(p));
        return no_object && !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-') && is_noun_use(first, first.len() - word.len());
    }
    for _ in 0..3 {
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if det(prev) {
            return true;
        }
        if prev.is_empty() || !adjective(prev) {
            return false;
        }
        before = before[..before.len() - prev.len()].trim_end();
    }
    false
}
