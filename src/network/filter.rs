//! The filters every view shares: dates, meeting topic, entity classes and
//! edge weight.

use crate::error::{Error, Result};
use crate::rdf::vocab::class::local as class;

/// What to keep.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Earliest date kept, as a full date (`2020` means `2020-01-01`).
    pub from: Option<String>,
    /// Latest date kept, as a full date (`2020` means `2020-12-31`).
    pub to: Option<String>,
    /// Text the meeting's topic must contain, lower-cased.
    pub topic: Option<String>,
    /// Classes to keep (unkg local names); empty means the view's default.
    pub types: Vec<&'static str>,
    /// Lightest edge kept.
    pub min_weight: Option<f64>,
}

/// Class names accepted by `--type`, and the class each stands for.
const TYPE_NAMES: &[(&str, &str)] = &[
    ("state", class::STATE),
    ("organisation", class::ORGANISATION),
    ("organization", class::ORGANISATION),
    ("person", class::PERSON),
    ("delegate", class::DELEGATE),
    ("resolution", class::RESOLUTION),
    ("document", class::DOCUMENT),
    ("place", class::PLACE),
    ("meeting", class::MEETING),
    ("speech", class::SPEECH),
    ("event", class::EVENT),
    ("attack", class::ATTACK),
    ("gathering", class::GATHERING),
];

impl Filter {
    /// Reads the command-line forms: dates as `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`, classes by name, case-insensitive.
    pub fn parse(from: Option<&str>, to: Option<&str>, topic: Option<&str>, types: &[String], min_weight: Option<f64>) -> Result<Filter> {
        let mut out = Filter {
            from: from.map(|d| widen(d, false)).transpose()?,
            to: to.map(|d| widen(d, true)).transpose()?,
            topic: topic.map(str::to_lowercase),
            types: Vec::new(),
            min_weight,
        };
        for t in types {
            let t = t.trim().to_lowercase();
            let found = TYPE_NAMES.iter().find(|(name, _)| *name == t);
            match found {
                Some((_, c)) => out.types.push(c),
                None => {
                    let names: Vec<&str> = TYPE_NAMES.iter().map(|(n, _)| *n).collect();
                    return Err(Error::usage(format!("--type {t}: unknown class (expected one of {})", names.join(", "))));
                }
            }
        }
        if let (Some(f), Some(t)) = (&out.from, &out.to) {
            if f > t {
                return Err(Error::usage(format!("--from {f} is after --to {t}")));
            }
        }
        if min_weight.is_some_and(|w| !w.is_finite()) {
            return Err(Error::usage("--min-weight must be a number"));
        }
        Ok(out)
    }

    /// Whether a speech or meeting dated `date` is in range; an undated one
    /// is in range only when no range was asked for.
    pub fn date_ok(&self, date: Option<&str>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(d) = date else { return false };
        // A year-only date (General Debate) covers the whole year.
        let (start, end) = (widen(d, false).unwrap_or_else(|_| d.to_owned()), widen(d, true).unwrap_or_else(|_| d.to_owned()));
        self.from.as_deref().is_none_or(|f| end.as_str() >= f) && self.to.as_deref().is_none_or(|t| start.as_str() <= t)
    }

    /// Whether a meeting topic matches `--topic`.
    pub fn topic_ok(&self, topic: &str) -> bool {
        self.topic.as_deref().is_none_or(|t| topic.to_lowercase().contains(t))
    }

    /// The classes to keep: those asked for, else `default`. A Delegate
    /// counts as a Person, a Resolution as a Document, an Attack as an
    /// Event, as in the ontology.
    pub fn keeps(&self, default: &[&str], kind: &str) -> bool {
        let list: &[&str] = if self.types.is_empty() { default } else { &self.types };
        list.iter().any(|c| *c == kind || superclass(kind) == Some(c))
    }
}

fn superclass(kind: &str) -> Option<&'static str> {
    match kind {
        k if k == class::DELEGATE => Some(class::PERSON),
        k if k == class::RESOLUTION => Some(class::DOCUMENT),
        k if k == class::ATTACK || k == class::GATHERING => Some(class::EVENT),
        _ => None,
    }
}

/// `2020` -> `2020-01-01` (or `2020-12-31` for an end); refuses what is no date.
pub fn widen(date: &str, end: bool) -> Result<String> {
    let bad = || Error::usage(format!("{date}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD"));
    let parts: Vec<&str> = date.trim().split('-').collect();
    fn digits(s: &str, len: usize) -> Option<&str> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
    }
    let num = |s: &'_ str, len: usize| digits(s, len).map(str::to_owned).ok_or_else(bad);
    match parts.as_slice() {
        [y] => Ok(format!("{}-{}", num(y, 4)?, if end { "12-31" } else { "01-01" })),
        [y, m] => Ok(format!("{}-{}-{}", num(y, 4)?, num(m, 2)?, if end { "31" } else { "01" })),
        [y, m, d] => Ok(format!("{}-{}-{}", num(y, 4)?, num(m, 2)?, num(d, 2)?)),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_widen_to_whole_periods() {
        let f = Filter::parse(Some("2020-03"), Some("2020"), None, &[], None).unwrap();
        assert_eq!(f.from.as_deref(), Some("2020-03-01"));
        assert_eq!(f.to.as_deref(), Some("2020-12-31"));
        assert!(f.date_ok(Some("2020-03-15")));
        assert!(!f.date_ok(Some("2020-02-28")));
        assert!(f.date_ok(Some("2020")), "a year overlapping the range is kept");
        assert!(!f.date_ok(None));
        assert!(Filter::parse(Some("March"), None, None, &[], None).is_err());
        assert!(Filter::parse(Some("2021"), Some("2020"), None, &[], None).is_err());
    }

    #[test]
    fn types_accept_names_and_subclasses() {
        let f = Filter::parse(None, None, None, &["Person".into(), "document".into()], None).unwrap();
        assert!(f.keeps(&[], class::DELEGATE));
        assert!(f.keeps(&[], class::RESOLUTION));
        assert!(!f.keeps(&[], class::STATE));
        assert!(Filter::parse(None, None, None, &["country".into()], None).is_err());
    }
}
