//! The header line of a Security Council speech:
//! `Mr. Michon (spoke in French) (France): ...`, `The President: ...`.

/// A parsed header line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The header as printed, up to (not including) the colon.
    pub printed: String,
    /// Character offset just past the colon and the spaces after it: where
    /// the speech's own words begin.
    pub body_start: usize,
    /// `Mr.`, `Ms.`, `Dame`, `King`, ... when printed.
    pub honorific: Option<String>,
    /// The name as printed, without honorific ("Geng Shuang").
    pub name: Option<String>,
    /// An office named instead of a name: `President` (of the meeting),
    /// `Secretary-General`, `Deputy Secretary-General`, `Chair`.
    pub office: Option<String>,
    /// The state or organisation in parentheses ("Kazakhstan", "European Union").
    pub affiliation: Option<String>,
    /// The language from "(spoke in French)".
    pub language: Option<String>,
}

/// Honorifics and titles that may stand before a speaker's name.
const HONORIFICS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Mme", "Dame", "Sir", "Lord", "Lady", "Baroness", "Baron", "Dr.",
    "Dr", "Monsignor", "Msgr.", "Archbishop", "Cardinal", "Bishop", "Sheikh", "Sheikha", "Dato", "Dato'", "Datuk",
    "Prince", "Princess", "King", "Queen", "Emir", "President", "Prime Minister", "Vice-President", "Minister",
    "General", "Ambassador", "Judge", "Professor",
];

/// Offices that stand alone, after "The".
const OFFICES: &[&str] = &[
    "President", "Acting President", "Secretary-General", "Deputy Secretary-General", "Chair", "Chairperson",
    "Chairman", "Vice-President",
];

/// Particles that may be written in lower case inside a name.
const PARTICLES: &[&str] =
    &["de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "bin", "binti", "ibn", "al", "el", "la", "le", "e", "y"];

/// Parses the header of `text`, the whole decoded speech, if its first line
/// has one. Written statements and General Debate speeches have none.
pub fn parse_header(text: &str) -> Option<Header> {
    let lead = text.len() - text.trim_start().len();
    let line = text[lead..].lines().next()?;
    let colon = line.char_indices().take(240).find(|&(_, c)| c == ':')?.0;
    let printed = line[..colon].trim();
    let (who, parens) = split_parentheses(printed)?;
    let mut header = Header { printed: printed.to_owned(), ..Header::default() };
    for p in parens {
        let words: Vec<&str> = p.split_whitespace().collect();
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("spoke")) {
            // OCR sometimes pulls body text inside: the language is the last word.
            header.language = words.last().filter(|w| w.len() > 2).map(|w| w.trim_matches('.').to_owned());
        } else if header.affiliation.is_none() && !p.trim().is_empty() {
            header.affiliation = Some(p.trim().to_owned());
        }
    }
    if let Some(office) = who.strip_prefix("The ").filter(|o| OFFICES.contains(o)) {
        header.office = Some(office.to_owned());
    } else {
        let (honorific, name) = split_honorific(who);
        if !looks_like_name(name) {
            return None;
        }
        // A lone capitalised word is a header only when something else says so.
        let one_word = !name.contains(' ');
        if honorific.is_none() && one_word && header.affiliation.is_none() && header.language.is_none() {
            return None;
        }
        header.honorific = honorific.map(str::to_owned);
        header.name = Some(name.to_owned());
    }
    let after = &text[lead + colon + 1..];
    let body_byte = lead + colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
    header.body_start = text[..body_byte].chars().count();
    Some(header)
}

/// Splits `Mr. Michon (spoke in French) (France)` into the part before the
/// first parenthesis and the parenthesised parts, nested ones kept whole
/// ("Iran (Islamic Republic of)").
fn split_parentheses(printed: &str) -> Option<(&str, Vec<&str>)> {
    let first = printed.find('(').unwrap_or(printed.len());
    let who = printed[..first].trim();
    let mut parens = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in printed[first..].char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = first + i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    parens.push(&printed[start..first + i]);
                }
            }
            _ => {}
        }
    }
    (!who.is_empty()).then_some((who, parens))
}

fn split_honorific(who: &str) -> (Option<&str>, &str) {
    let mut best: Option<&str> = None;
    for h in HONORIFICS {
        if let Some(rest) = who.strip_prefix(h) {
            if rest.starts_with(' ') && best.is_none_or(|b| h.len() > b.len()) {
                best = Some(h);
            }
        }
    }
    match best {
        Some(h) => (Some(h), who[h.len()..].trim()),
        None => (None, who),
    }
}

fn looks_like_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            (first.is_uppercase() || PARTICLES.contains(&w.trim_end_matches('-')) || w.starts_with("al-") || w.starts_with("el-"))
                && !w.chars().any(|c| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_forms() {
        let h = parse_header("Mr. Sadykov (Kazakhstan): Joining previous\nspeakers").unwrap();
        assert_eq!((h.honorific.as_deref(), h.name.as_deref()), (Some("Mr."), Some("Sadykov")));
        assert_eq!(h.affiliation.as_deref(), Some("Kazakhstan"));
        assert_eq!(h.body_start, "Mr. Sadykov (Kazakhstan): ".len());

        let h = parse_header("Mr. Michon (spoke in French) (France): Je").unwrap();
        assert_eq!((h.affiliation.as_deref(), h.language.as_deref()), (Some("France"), Some("French")));

        let h = parse_header("Mr. Geng Shuang (China) (spoke in Chinese): I").unwrap();
        assert_eq!((h.name.as_deref(), h.affiliation.as_deref()), (Some("Geng Shuang"), Some("China")));

        let h = parse_header("The President: I now give the floor").unwrap();
        assert_eq!((h.office.as_deref(), h.name), (Some("President"), None));

        let h = parse_header("Mr. Chambas: Thank you").unwrap();
        assert_eq!((h.name.as_deref(), h.affiliation), (Some("Chambas"), None));

        let h = parse_header("Mr. Ravanchi (Iran (Islamic Republic of)): I").unwrap();
        assert_eq!(h.affiliation.as_deref(), Some("Iran (Islamic Republic of)"));
    }

    #[test]
    fn reads_damaged_and_unusual_headers() {
        let h = parse_header("The President (spoke I thank Mr. Mladenov for his briefing. in French): x").unwrap();
        assert_eq!((h.office.as_deref(), h.language.as_deref()), (Some("President"), Some("French")));
        let h = parse_header("Monsignor Hansen (Holy See): The Holy See").unwrap();
        assert_eq!((h.honorific.as_deref(), h.affiliation.as_deref()), (Some("Monsignor"), Some("Holy See")));
        let h = parse_header("Dato Lim Jock Hoi: At the outset").unwrap();
        assert_eq!(h.name.as_deref(), Some("Lim Jock Hoi"));
        let h = parse_header("Hadiza (spoke in French): Allow me").unwrap();
        assert_eq!((h.honorific, h.name.as_deref()), (None, Some("Hadiza")));
        let h = parse_header("President Abbas (spoke in Arabic): I have come").unwrap();
        assert_eq!((h.honorific.as_deref(), h.name.as_deref()), (Some("President"), Some("Abbas")));
    }

    #[test]
    fn refuses_body_text() {
        assert_eq!(parse_header("My briefing today will focus on four areas: First"), None);
        assert_eq!(parse_header("Concerning the Constitutional Committee, despite"), None);
        assert_eq!(parse_header("First: the COVID-19 crisis"), None);
        assert_eq!(parse_header("Statement dated 30 March by the co-penholders: We"), None);
    }
}
