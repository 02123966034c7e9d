//! What a speech file's name says about it, in the corpora unkg knows.

use std::path::Path;

/// A Security Council meeting record: `S/PV.8699`, with its resumption, or
/// the letter `S/2020/254` that records a videoconference of 2020.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeetingRecord {
    /// The document symbol: `S/PV.8699` or `S/2020/254`.
    pub symbol: String,
    /// `Some(n)` for the n-th resumption of the meeting.
    pub resumption: Option<u32>,
}

impl MeetingRecord {
    /// A readable IRI segment: `S-PV-8699`, `S-PV-8699-Resumption-1`, the
    /// same as the reference data's records get.
    pub fn slug(&self) -> String {
        crate::rdf::iri::symbol_slug(&self.label())
    }

    /// The label a reader expects: `S/PV.8699 (Resumption 1)`.
    pub fn label(&self) -> String {
        match self.resumption {
            Some(n) => format!("{} (Resumption {n})", self.symbol),
            None => self.symbol.clone(),
        }
    }
}

/// The corpus layout a speech file's name belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// UN Security Council Debates corpus:
    /// `UNSC_2020_SPV.8699Resumption1_spch004.txt`.
    Unsc {
        /// Year of the meeting.
        year: u16,
        /// The meeting record the speech belongs to.
        record: MeetingRecord,
        /// The speech's position in the meeting, from one.
        position: u32,
        /// The corpus's meeting key: `UNSC_2020_SPV.8699Resumption1`.
        meeting_key: String,
    },
    /// UN General Debate corpus: `FIN_78_2023.txt`.
    Ungdc {
        /// ISO 3166-1 alpha-3 code of the state that spoke (withdrawn codes
        /// such as `YUG` included), or the code of an observer that is no
        /// state (`EU`).
        iso3: String,
        /// General Assembly session number.
        session: u32,
        /// Year of the session.
        year: u16,
    },
    /// Any other file: a plain speech with a header line.
    Plain,
}

impl Layout {
    /// Recognises the layout from the file name alone.
    pub fn of(path: &Path) -> Layout {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        unsc(name).or_else(|| ungdc(name)).unwrap_or(Layout::Plain)
    }
}

fn unsc(name: &str) -> Option<Layout> {
    let rest = name.strip_prefix("UNSC_")?;
    let (year, rest) = rest.split_once("_SPV.")?;
    let year: u16 = year.parse().ok()?;
    let (meeting, position) = rest.rsplit_once("_spch")?;
    let position: u32 = position.parse().ok()?;
    let (number, resumption) = match meeting.split_once("Resumption") {
        Some((n, r)) => (n, Some(r.parse().ok()?)),
        None => (meeting, None),
    };
    let symbol = match number.split_once('_') {
        // Videoconference statements are filed under the letter recording them.
        Some((y, n)) if is_digits(y) && is_digits(n) => format!("S/{y}/{n}"),
        None if is_digits(number) => format!("S/PV.{number}"),
        _ => return None,
    };
    Some(Layout::Unsc {
        year,
        record: MeetingRecord { symbol, resumption },
        position,
        meeting_key: format!("UNSC_{year}_SPV.{meeting}"),
    })
}

fn ungdc(name: &str) -> Option<Layout> {
    let mut parts = name.split('_');
    let iso3 = parts.next()?;
    let session = parts.next()?.parse().ok()?;
    let year = parts.next()?.parse().ok()?;
    // Observers' files carry their code too: `EU_66_2011.txt`.
    let ok = parts.next().is_none() && (2..=3).contains(&iso3.len()) && iso3.bytes().all(|b| b.is_ascii_uppercase());
    ok.then(|| Layout::Ungdc { iso3: iso3.to_owned(), session, year })
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(layout: Layout) -> (MeetingRecord, u32) {
        match layout {
            Layout::Unsc { record, position, .. } => (record, position),
            other => panic!("not a UNSC layout: {other:?}"),
        }
    }

    #[test]
    fn reads_security_council_names() {
        let (r, pos) = record(Layout::of(Path::new("x/UNSC_2020_SPV.8699Resumption1_spch004.txt")));
        assert_eq!((r.symbol.as_str(), r.resumption, pos), ("S/PV.8699", Some(1), 4));
        assert_eq!(r.slug(), "S-PV-8699-Resumption-1");
        let (r, _) = record(Layout::of(Path::new("UNSC_2020_SPV.2020_254_spch001.txt")));
        assert_eq!(r.symbol, "S/2020/254");
        assert_eq!(r.slug(), "S-2020-254");
    }

    #[test]
    fn reads_general_debate_names_and_falls_back_to_plain() {
        assert_eq!(
            Layout::of(Path::new("TXT/Session 78 - 2023/FIN_78_2023.txt")),
            Layout::Ungdc { iso3: "FIN".into(), session: 78, year: 2023 }
        );
        assert_eq!(
            Layout::of(Path::new("TXT/Session 66 - 2011/EU_66_2011.txt")),
            Layout::Ungdc { iso3: "EU".into(), session: 66, year: 2011 }
        );
        assert_eq!(Layout::of(Path::new("000_eb8c3d89eb49a159.txt")), Layout::Plain);
        assert_eq!(Layout::of(Path::new("UNSC_2020_SPV.x_spch1.txt")), Layout::Plain);
    }
}
