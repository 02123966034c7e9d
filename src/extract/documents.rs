//! UN documents cited by symbol: reports and letters (S/2017/467, A/74/123),
//! presidential statements (S/PRST/2020/1), meeting records (S/PV.8699,
//! A/67/PV.6), General Assembly resolutions (A/RES/75/1), and resolutions of
//! other organs cited by number with a slash ("General Assembly resolution
//! 75/1" -> A/RES/75/1), which is how their symbols are built.

use std::sync::LazyLock;

use regex::Regex;

use super::matcher::mention;
use super::{EntityKind, Extractor, Mention};

/// A UN symbol: a series prefix, then slash-separated parts, at least one
/// with a digit (checked in code). Security Council resolutions (S/RES/) are
/// Resolutions, not Documents, and are skipped in code.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:S|A|E|ST|UNEP|DP|TD|CCPR|CRC|CEDAW|CERD|CAT|UNW|ICCD|FCCC|INF)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:\s\(\d{4}\))?",
    )
    .expect("symbol regex compiles")
});

/// "resolution(s) 75/1, 74/2 and ES-10/19": resolutions numbered
/// session/number, which only the General Assembly, the Human Rights Council
/// and ECOSOC (year/number) use.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[Rr]esolutions?((?:(?:\s*,\s*|\s+|\s*,?\s*(?:and|as well as)\s+)(?:(?:ES-|S-)?\d{1,4}/\d{1,4}(?:\s*\([IVXL]+\))?))+)",
    )
    .expect("numbered resolution regex compiles")
});

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:ES-|S-)?\d{1,4})/(\d{1,4})").expect("number regex compiles"));

/// "resolution(s) 1514 (XV), 1541 (XV) and 2625 (XXV)": until 1976 the
/// General Assembly numbered its resolutions on, with the session in Roman
/// numerals, as did ECOSOC; the Security Council never did.
static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:[Rr]esolutions?|RESOLUTIONS?)((?:(?:\s*,\s*|\s+|\s*,?\s*(?:and|as well as)\s+)(?:\[?\d{1,4}\s*\((?:[IVXL]+|S-[IVX]+|ES-[IVX]+)\)\]?))+)",
    )
    .expect("Roman-numeral resolution regex compiles")
});

static ROMAN_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,4})\s*\(((?:ES-|S-)?[IVXL]+)\)").expect("Roman-numeral item regex compiles")
});

/// The symbol of a resolution numbered within a General Assembly session
/// (`1514`, `XV`): `A/RES/1514 (XV)`, or `E/RES/...` when the sentence says
/// the Economic and Social Council adopted it.
pub fn session_resolution(number: &str, session: &str, ecosoc: bool) -> String {
    format!("{}{number} ({session})", if ecosoc { "E/RES/" } else { "A/RES/" })
}

/// The symbols of a document issued in two series ("A/33/266-S/12863"),
/// or the symbol alone.
fn split_double_symbol(sym: &str) -> Vec<&str> {
    for series in ["-S/", "-A/", "-E/"] {
        if let Some(i) = sym.find(series) {
            if sym[..i].contains('/') {
                return vec![&sym[..i], &sym[i + 1..]];
            }
        }
    }
    vec![sym]
}

/// Whether the sentence around `[start, end)` names the Economic and Social
/// Council (and not the General Assembly) as the organ that resolved.
fn ecosoc_sentence(text: &str, start: usize, end: usize) -> bool {
    let from = text[..start].rfind(['.', '\n', ';']).map_or(0, |i| i + 1);
    let to = text[end..].find(['.', '\n', ';']).map_or(text.len(), |i| end + i);
    let sentence = &text[from..to];
    (sentence.contains("Economic and Social Council") || sentence.contains("ECOSOC")) && !sentence.contains("General Assembly")
}

/// Finds every document symbol in `text`.
pub fn find(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in SYMBOL.find_iter(text) {
        let mut sym = m.as_str();
        // A symbol followed by " (2017)" keeps only the symbol part.
        if let Some(p) = sym.find(" (") {
            sym = &sym[..p];
        }
        // Sentence punctuation is not part of the symbol.
        sym = sym.trim_end_matches(['.', '-']);
        if !sym.bytes().any(|b| b.is_ascii_digit()) || sym.starts_with("S/RES/") {
            continue;
        }
        // "A/B" or "S/A" in prose is not a symbol; real ones have a number
        // part or a series ("PV.", "PRST").
        if sym.matches('/').count() < 2 && !sym.contains('.') {
            continue;
        }
        // A document issued in two series carries both symbols:
        // "A/33/266-S/12863" is A/33/266 and S/12863.
        let mut from = m.start();
        for part in split_double_symbol(sym) {
            let at = from + sym[from - m.start()..].find(part).unwrap_or(0);
            out.push(mention(at, at + part.len(), EntityKind::Document, part.to_string(), part.to_string(), Extractor::Symbol, 0.97));
            from = at + part.len();
        }
    }
    for cap in NUMBERED.captures_iter(text) {
        let (Some(whole), Some(list)) = (cap.get(0), cap.get(1)) else { continue };
        let before = text[..whole.start()].trim_end();
        let series = if before.ends_with("Human Rights Council") || before.ends_with("HRC") {
            "A/HRC/RES/"
        } else if before.ends_with("Economic and Social Council") || before.ends_with("ECOSOC") {
            "E/RES/"
        } else {
            "A/RES/"
        };
        for num in NUMBER.captures_iter(list.as_str()) {
            let (Some(m), Some(session), Some(n)) = (num.get(0), num.get(1), num.get(2)) else { continue };
            // ECOSOC numbers by year ("1981/68"), the Assembly by session.
            let by_year = session.as_str().len() == 4 && session.as_str().bytes().all(|b| b.is_ascii_digit());
            let series = if series == "A/RES/" && by_year { "E/RES/" } else { series };
            let key = format!("{series}{}/{}", session.as_str(), n.as_str());
            let start = list.start() + m.start();
            let end = list.start() + m.end();
            out.push(mention(start, end, EntityKind::Document, key.clone(), key, Extractor::Citation, 0.93));
        }
    }
    for cap in ROMAN.captures_iter(text) {
        let Some(list) = cap.get(1) else { continue };
        let ecosoc = ecosoc_sentence(text, list.start(), list.end());
        for item in ROMAN_ITEM.captures_iter(list.as_str()) {
            let (Some(m), Some(n), Some(session)) = (item.get(0), item.get(1), item.get(2)) else { continue };
            let key = session_resolution(n.as_str(), session.as_str(), ecosoc);
            let (start, end) = (list.start() + m.start(), list.start() + m.end());
            out.push(mention(start, end, EntityKind::Document, key.clone(), key, Extractor::Citation, 0.95));
        }
    }
    out.sort_by_key(|m| m.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str) -> Vec<String> {
        find(t).into_iter().map(|m| m.key).collect()
    }

    #[test]
    fn symbols_in_running_text() {
        assert_eq!(keys("for his comprehensive report (S/2017/467) on the Islamic State"), ["S/2017/467"]);
        assert_eq!(keys("see S/PV.8715. We also recall S/PRST/2020/1, A/67/PV.6 and A/74/123."),
            ["S/PV.8715", "S/PRST/2020/1", "A/67/PV.6", "A/74/123"]);
        assert_eq!(keys("as contained in document A/HRC/43/70"), ["A/HRC/43/70"]);
        assert_eq!(keys("[see A/33/266-S/12863, annex)"), ["A/33/266", "S/12863"]);
    }

    #[test]
    fn assembly_resolutions_become_symbols() {
        assert_eq!(keys("General Assembly resolution 75/1 and resolutions 70/291 and ES-10/19"),
            ["A/RES/75/1", "A/RES/70/291", "A/RES/ES-10/19"]);
        assert_eq!(keys("Human Rights Council resolution 40/1"), ["A/HRC/RES/40/1"]);
        assert_eq!(keys("adopted A/RES/75/1 today"), ["A/RES/75/1"]);
    }

    #[test]
    fn session_numerals_make_assembly_and_ecosoc_resolutions() {
        assert_eq!(keys("the Declaration in resolution 1514 (XV) and resolution 181 (II)"), ["A/RES/1514 (XV)", "A/RES/181 (II)"]);
        assert_eq!(keys("the anniversary of the resolution [289 (IV)] adopted by"), ["A/RES/289 (IV)"]);
        assert_eq!(
            keys("General Assembly resolutions 2625 (XXV), 1541(XV) and 3379 (XXX)."),
            ["A/RES/2625 (XXV)", "A/RES/1541 (XV)", "A/RES/3379 (XXX)"]
        );
        assert_eq!(
            keys("resolution 1049 (XXXVII) adopted last summer by the Economic and Social Council"),
            ["E/RES/1049 (XXXVII)"]
        );
        assert_eq!(keys("resolution ES-8/2 and resolution 35/206"), ["A/RES/ES-8/2", "A/RES/35/206"]);
        assert_eq!(keys("Economic and Social Council resolution 1981/68"), ["E/RES/1981/68"]);
    }

    #[test]
    fn council_resolutions_and_prose_are_not_documents() {
        assert!(keys("S/RES/2368 (2017) and resolution 2253 (2015)").is_empty());
        assert!(keys("A and S are letters; A/B testing").is_empty());
        // A page footer cut short.
        assert!(keys("must not fail them. S/2").is_empty());
    }
}
