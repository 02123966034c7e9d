//! Security Council resolutions cited by number: "resolution 2253 (2015)",
//! "resolutions 1267 (1999), 1989 (2011) and 2253 (2015)", "resolution
//! 2354(2017)", and the symbol form "S/RES/2368 (2017)".
//!
//! General Assembly resolutions ("75/1", "1514 (XV)") carry a slash or a
//! session numeral and are Documents, so such numbers are left to
//! `documents`. A number is a Council resolution only if the Council had
//! adopted it by the speech's date, in the year the citation gives: "resolution
//! 1514 (1960)" is the General Assembly's, since the Council's 1514 is of 2003.

use crate::gazetteer::Gazetteer;
use super::Extractor;
use std::sync::LazyLock;

use regex::Regex;

use super::documents::session_resolution;
use super::matcher::mention;
use super::{Context, EntityKind, Mention};

/// "resolution(s)" and everything that can follow it in a citation list;
/// ASCII word boundaries keep the regex on the fast DFA path.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:[Rr]esolutions?|RESOLUTIONS?)(?-u:\b)((?:(?:\s*,\s*|\s+|\s*,?\s*(?:and|as well as)\s+)(?:\d{1,4}(?:\s*\(\d{4}\))?))+)",
    )
    .expect("resolution regex compiles")
});

/// One number in a citation list, with its optional year.
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,4})(?:\s*\((\d{4})\))?").expect("number regex compiles"));

/// The symbol form of a Security Council resolution.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)S/RES/(\d{1,4})(?:\s*\((\d{4})\))?").expect("S/RES regex compiles")
});

/// Organs other than the Security Council whose resolutions carry plain
/// numbers too ("Human Rights Council resolution 40/1" has a slash, but
/// "General Assembly resolution 377 (V)" does not).
const OTHER_ORGANS: &[&str] = &["General Assembly", "Assembly", "Human Rights Council", "Economic and Social Council", "Council of Europe", "Board of Governors", "GA", "HRC", "ECOSOC"];

/// Finds every resolution citation in `text`, a speech given on `ctx.date`.
pub fn find(g: &Gazetteer, text: &str, ctx: &Context) -> Vec<Mention> {
    let mut out = Vec::new();
    for cap in CITATION.captures_iter(text) {
        let Some(whole) = cap.get(0) else { continue };
        let Some(list) = cap.get(1) else { continue };
        let before = text[..whole.start()].trim_end();
        if OTHER_ORGANS.iter().any(|o| before.ends_with(o)) {
            continue;
        }
        // In "resolution 2334 (2016) and 2020 marks", the year-less item is
        // not a citation: a list that gives years gives them everywhere.
        let with_years = list.as_str().contains('(');
        for (i, num) in NUMBER.captures_iter(list.as_str()).enumerate() {
            let (Some(m), Some(n)) = (num.get(0), num.get(1)) else { continue };
            if i > 0 && with_years && num.get(2).is_none() {
                continue;
            }
            let start = list.start() + m.start();
            let end = list.start() + m.end();
            // "resolution 75/1" and "resolution 1514 (XV)" are General
            // Assembly resolutions (Documents).
            if text.as_bytes().get(end) == Some(&b'/') || ROMAN_AFTER.is_match(&text[end..]) {
                continue;
            }
            push(g, &mut out, text, start, end, n.as_str(), num.get(2).map(|y| y.as_str()), ctx);
        }
    }
    for cap in SYMBOL.captures_iter(text) {
        let (Some(m), Some(n)) = (cap.get(0), cap.get(1)) else { continue };
        push(g, &mut out, text, m.start(), m.end(), n.as_str(), cap.get(2).map(|y| y.as_str()), &Context::default());
    }
    out.sort_by_key(|m| m.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// A session numeral right after a number: " (XV)".
static ROMAN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\((?:ES-|S-)?[IVXL]+\)").expect("numeral regex compiles"));

fn push(g: &Gazetteer, out: &mut Vec<Mention>, _text: &str, start: usize, end: usize, number: &str, year: Option<&str>, ctx: &Context) {
    let n: u32 = match number.parse() {
        Ok(n) if (1..3000).contains(&n) => n,
        _ => return,
    };
    let adopted = g.resolution(&n.to_string());
    if let (Some(res), Some(y)) = (adopted, year) {
        if res.year != y {
            // Not the Council's: until 1976 the General Assembly numbered on
            // across sessions, its session n opening in the year 1945 + n.
            if let Some(session) = y.parse::<u32>().ok().filter(|y| (1946..=1975).contains(y)).map(|y| roman(y - 1945)) {
                let key = session_resolution(&n.to_string(), &session, false);
                out.push(mention(start, end, EntityKind::Document, key.clone(), key, Extractor::Citation, 0.8));
            }
            return;
        }
    }
    // A speech cannot cite what the Council had yet to adopt.
    if let (Some(res), Some(date)) = (adopted, ctx.date.as_deref()) {
        // By the year only: a General Debate speech is dated by its
        // session's opening, and the debate goes on for weeks.
        if res.date.get(..4).zip(date.get(..4)).is_some_and(|(adopted, given)| adopted > given) {
            return;
        }
    }
    let label = match year {
        Some(y) => format!("resolution {n} ({y})"),
        None => format!("resolution {n}"),
    };
    // A year makes the citation unmistakable; a bare number after
    // "resolution" almost always is one too.
    let confidence = if year.is_some() { 0.98 } else { 0.9 };
    out.push(mention(start, end, EntityKind::Resolution, n.to_string(), label, Extractor::Citation, confidence));
}

/// `n` in Roman numerals (1 to 39 is all the sessions need).
fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str) -> Vec<String> {
        find(crate::gazetteer::gazetteer(), t, &Context::default()).into_iter().map(|m| m.key).collect()
    }

    fn found_on(t: &str, date: &str) -> Vec<(EntityKind, String)> {
        let ctx = Context { date: Some(date.into()), ..Context::default() };
        find(crate::gazetteer::gazetteer(), t, &ctx).into_iter().map(|m| (m.kind, m.key)).collect()
    }

    #[test]
    fn single_and_listed_citations() {
        assert_eq!(keys("the implementation of resolution 2253 (2015) on ISIL"), ["2253"]);
        assert_eq!(
            keys("in accordance with resolutions 1267 (1999), 1989 (2011) and 2253 (2015), we"),
            ["1267", "1989", "2253"]
        );
        assert_eq!(keys("resolutions 2341 (2017) and 2354(2017)."), ["2341", "2354"]);
        assert_eq!(keys("Security Council resolution 1325 on women"), ["1325"]);
        assert_eq!(keys("resolution 2334 (2016) and 2020 marks"), ["2334"]);
    }

    #[test]
    fn spans_cover_number_and_year() {
        let t = "pursuant to resolution 1267 (1999), concerning";
        let m = &find(crate::gazetteer::gazetteer(), t, &Context::default())[0];
        assert_eq!(&t[m.start..m.end], "1267 (1999)");
        assert_eq!(m.label, "resolution 1267 (1999)");
    }

    #[test]
    fn general_assembly_resolutions_are_not_council_resolutions() {
        assert!(keys("General Assembly resolution 75/1 and resolution 70/262").is_empty());
        assert!(keys("General Assembly resolution 377 (V)").is_empty());
    }

    #[test]
    fn what_the_council_had_not_adopted_is_no_council_resolution() {
        assert!(keys("resolution 1514 (XV) on decolonization").is_empty());
        assert_eq!(found_on("resolution 1514 (1960)", "1965-10-01"), [(EntityKind::Document, "A/RES/1514 (XV)".into())]);
        assert!(found_on("resolution 2625 of the Assembly", "1975-10-01").is_empty());
        assert_eq!(found_on("resolution 242 (1967)", "1975-10-01"), [(EntityKind::Resolution, "242".into())]);
        assert_eq!(found_on("resolution 242", "1975-10-01"), [(EntityKind::Resolution, "242".into())]);
        assert_eq!(found_on("resolutions 425 (1978) and 426(1978)", "1978"), [(EntityKind::Resolution, "425".into()), (EntityKind::Resolution, "426".into())]);
        assert_eq!(roman(15), "XV");
        assert_eq!(roman(29), "XXIX");
    }

    #[test]
    fn symbol_form() {
        assert_eq!(keys("as set out in S/RES/2368 (2017)"), ["2368"]);
    }
}
