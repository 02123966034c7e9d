//! Dates: absolute ("10 January 2017", "January 2017", "January 10, 2017")
//! and partial ("7 June", "last month", "last year", "yesterday"), the
//! partial ones resolved against the meeting date in [`Context`]; a partial
//! date with no meeting date to anchor it is dropped, since a key must name
//! one day, month or year.

use std::sync::LazyLock;

use regex::Regex;

use super::matcher::mention;
use super::{Extractor, Context, EntityKind, Mention};

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// Every date form at once, so the text is scanned a single time; ASCII
/// word boundaries keep it on the DFA path.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTHS.join("|");
    Regex::new(&format!(
        r"(?-u:\b)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{m})(?:,?\s+(?P<y1>\d{{4}}))?|(?P<m2>{m})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y2>\d{{4}})|(?P<m3>{m})(?:\s+of)?\s+(?P<y3>\d{{4}})|(?P<rel>[Ll]ast month|[Ll]ast year|[Tt]his year|[Nn]ext year|[Yy]esterday)|(?P<dir>[Ll]ast|[Nn]ext|[Tt]his past) (?P<m4>{m}))(?-u:\b)"
    ))
    .expect("date regex compiles")
});

fn month_number(name: &str) -> u32 {
    MONTHS.iter().position(|m| *m == name).map_or(0, |i| i as u32 + 1)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The meeting date as (year, month, day), if `ctx` has a well-formed one.
fn anchor(ctx: &Context) -> Option<(i32, u32, u32)> {
    let d = ctx.date.as_deref()?;
    let mut parts = d.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&day)).then_some((y, m, day))
}

fn day_key(y: i32, m: u32, d: u32) -> Option<String> {
    (m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m) && (1900..2100).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Finds every date in `text`, resolving partial ones against `ctx`.
pub fn find(text: &str, ctx: &Context) -> Vec<Mention> {
    let base = anchor(ctx);
    let mut out = Vec::new();
    for cap in DATE.captures_iter(text) {
        let Some(whole) = cap.get(0) else { continue };
        let num = |name: &str| cap.name(name).and_then(|x| x.as_str().parse::<u32>().ok());
        let (key, confidence) = if let Some(m) = cap.name("m1") {
            let month = month_number(m.as_str());
            let day = num("d1").unwrap_or(0);
            match num("y1") {
                Some(y) => (day_key(y as i32, month, day), 0.97),
                None => (base.and_then(|b| day_key(year_of(b, month, day), month, day)), 0.8),
            }
        } else if let Some(m) = cap.name("m2") {
            let y = num("y2").unwrap_or(0) as i32;
            (day_key(y, month_number(m.as_str()), num("d2").unwrap_or(0)), 0.95)
        } else if let Some(m) = cap.name("m3") {
            let y = num("y3").unwrap_or(0) as i32;
            ((1900..2100).contains(&y).then(|| format!("{y:04}-{:02}", month_number(m.as_str()))), 0.95)
        } else if let (Some(dir), Some(m)) = (cap.name("dir"), cap.name("m4")) {
            let month = month_number(m.as_str());
            let next = dir.as_str().eq_ignore_ascii_case("next");
            let key = base.map(|(y, m0, _)| {
                // "last June" said in June is a year ago; "next June" in June
                // a year on.
                let y = if next {
                    if month > m0 { y } else { y + 1 }
                } else if month < m0 {
                    y
                } else {
                    y - 1
                };
                format!("{y:04}-{month:02}")
            });
            (key, 0.75)
        } else if let Some(rel) = cap.name("rel") {
            (relative(&rel.as_str().to_ascii_lowercase(), base), 0.75)
        } else {
            (None, 0.0)
        };
        if let Some(key) = key {
            out.push(mention(whole.start(), whole.end(), EntityKind::Date, key.clone(), key, Extractor::Date, confidence));
        }
    }
    out
}

/// The year of a day given without one ("on 7 June"): the meeting's year,
/// unless that puts the day more than four months after the meeting, when
/// it was most likely last year's ("on 20 December", said in January).
/// Speeches look back far more often than they announce dates so far ahead.
fn year_of((y, m0, d0): (i32, u32, u32), month: u32, day: u32) -> i32 {
    let ahead = (month as i32 - m0 as i32) * 31 + (day as i32 - d0 as i32);
    if ahead > 4 * 31 {
        y - 1
    } else {
        y
    }
}

fn relative(phrase: &str, base: Option<(i32, u32, u32)>) -> Option<String> {
    let (y, m, d) = base?;
    Some(match phrase {
        "last month" if m == 1 => format!("{:04}-12", y - 1),
        "last month" => format!("{y:04}-{:02}", m - 1),
        "last year" => format!("{:04}", y - 1),
        "this year" => format!("{y:04}"),
        "next year" => format!("{:04}", y + 1),
        "yesterday" if d > 1 => format!("{y:04}-{m:02}-{:02}", d - 1),
        "yesterday" if m > 1 => format!("{y:04}-{:02}-{:02}", m - 1, days_in_month(y, m - 1)),
        "yesterday" => format!("{:04}-12-31", y - 1),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str, date: Option<&str>) -> Vec<String> {
        let ctx = Context { date: date.map(str::to_string), ..Context::default() };
        find(t, &ctx).into_iter().map(|m| m.key).collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(keys("on 10 January 2017 and in January 2017", None), ["2017-01-10", "2017-01"]);
        assert_eq!(keys("to Malaysia and Singapore in August 2017", None), ["2017-08"]);
        assert_eq!(keys("on January 10, 2017.", None), ["2017-01-10"]);
    }

    #[test]
    fn partial_dates_need_the_meeting_date() {
        let t = "the horrific terrorist attack that took place in Tehran on 7 June.";
        assert_eq!(keys(t, Some("2017-06-13")), ["2017-06-07"]);
        assert!(keys(t, None).is_empty());
        assert_eq!(keys("Last month and last year, and yesterday", Some("2020-01-01")),
            ["2019-12", "2019", "2019-12-31"]);
    }

    #[test]
    fn days_without_a_year_take_the_nearest_plausible_year() {
        assert_eq!(keys("the attack on 20 December", Some("2020-01-08")), ["2019-12-20"]);
        assert_eq!(keys("the attack on 7 June", Some("2017-06-13")), ["2017-06-07"]);
        assert_eq!(keys("the conference on 15 September", Some("2020-07-01")), ["2020-09-15"]);
        assert_eq!(keys("since last December and until next March", Some("2020-01-08")), ["2019-12", "2020-03"]);
        assert_eq!(keys("last January", Some("2020-06-08")), ["2020-01"]);
        assert_eq!(keys("last June", Some("2020-06-08")), ["2019-06"]);
    }

    #[test]
    fn may_the_verb_is_not_a_date() {
        assert!(keys("We may 2 or 3 times", Some("2020-01-01")).is_empty());
        assert!(keys("on 31 February 2017", None).is_empty());
    }
}
