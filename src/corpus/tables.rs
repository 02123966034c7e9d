//! The kinds of metadata table, the columns each needs and what a value
//! must look like in them: a row is used only when every value it gives
//! fits, so that a shifted row never passes a count for a speaker's name.

use crate::error::{Error, Result};
use std::path::Path;

/// A kind of metadata table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    /// A row per speech (`meta_speeches_*.tsv`, the corpus's `speaker.tsv`).
    Speeches,
    /// A row per meeting (`meta_meetings_*.tsv`, the corpus's `meta.tsv`).
    Meetings,
    /// A row per state and session (`Speakers_by_session.csv`).
    Debates,
}

/// How a speech table names a participant's type.
const PARTICIPANT_TYPES: [&str; 3] = ["The President", "Mentioned", "Guest"];

impl Table {
    /// The kind of the table at `path`: by its name where the corpora give
    /// it one, else by its columns; its header must hold the columns that
    /// kind needs.
    pub(super) fn of(path: &Path, header: &[&str]) -> Result<Table> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let has = |column: &str| header.iter().any(|h| h.eq_ignore_ascii_case(column));
        let kind = if name.starts_with("meta_speeches") || name == "speaker.tsv" {
            Some(Table::Speeches)
        } else if name.starts_with("meta_meetings") || name == "meta.tsv" {
            Some(Table::Meetings)
        } else if name == "Speakers_by_session.csv" {
            Some(Table::Debates)
        } else if has("filename") {
            // Only a speeches table names files; its `basename` and `topic`
            // must not make it pass for a meetings table.
            Some(Table::Speeches)
        } else if has("basename") {
            Some(Table::Meetings)
        } else if has("ISO Code") {
            Some(Table::Debates)
        } else {
            None
        };
        let Some(kind) = kind else {
            return Err(Error::input(
                path,
                1,
                "expected the header of a speeches table (filename, speaker, ...), a meetings table (basename, \
                 topic, ...) or Speakers_by_session.csv",
            ));
        };
        let missing: Vec<String> = kind.columns().iter().filter(|c| !has(c)).map(|c| format!("`{c}`")).collect();
        if !missing.is_empty() {
            return Err(Error::input(
                path,
                1,
                format!(
                    "expected the header of {} ({}), found no column {}: the table is not used",
                    kind.name(),
                    kind.columns().join(", "),
                    missing.join(", ")
                ),
            ));
        }
        Ok(kind)
    }

    /// The columns a table of this kind must have.
    pub(super) fn columns(&self) -> &[&str] {
        match self {
            Table::Speeches => &["filename", "speaker"],
            Table::Meetings => &["basename", "topic"],
            Table::Debates => &["Year", "Session", "ISO Code"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Table::Speeches => "a speeches table",
            Table::Meetings => "a meetings table",
            Table::Debates => "Speakers_by_session.csv",
        }
    }

    /// What `value` in `column` should have been, where it does not fit.
    pub(super) fn misfit(self, column: &str, value: &str) -> Option<String> {
        let letter = value.chars().any(char::is_alphabetic);
        let expected = match (self, column) {
            (Table::Speeches | Table::Meetings, "date") if super::metadata::parse_date(value).is_none() => {
                "a date like `10 January 2020`"
            }
            (Table::Speeches, "participanttype") if !PARTICIPANT_TYPES.contains(&value) => {
                "`The President`, `Mentioned` or `Guest`"
            }
            (Table::Speeches, "speaker" | "country") | (Table::Debates, "Country" | "Name of Person Speaking") if !letter => {
                "a name"
            }
            (Table::Debates, "Year") if !(value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit())) => "a year",
            (Table::Debates, "Session") if !value.bytes().all(|b| b.is_ascii_digit()) => "a session number",
            (Table::Debates, "ISO Code") if !value.chars().all(|c| c.is_ascii_alphabetic()) => "a state's letter code",
            _ => return None,
        };
        Some(format!("expected {expected} in column `{column}`, found {value:?}: the row is not used"))
    }

    /// The columns whose values [`Table::misfit`] checks.
    pub(super) fn checked(&self) -> &[&str] {
        match self {
            Table::Speeches => &["date", "participanttype", "speaker", "country"],
            Table::Meetings => &["date"],
            Table::Debates => &["Year", "Session", "ISO Code", "Country", "Name of Person Speaking"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speeches_table_without_a_speaker_is_no_meetings_table() {
        let header = ["filename", "basename", "date", "topic", "participanttype", "country"];
        assert_eq!(Table::Speeches.columns(), ["filename", "speaker"]);
        let e = Table::of(Path::new("t.tsv"), &header).unwrap_err().to_string();
        assert!(e.starts_with("t.tsv:1: expected the header of a speeches table") && e.contains("no column `speaker`"), "{e}");
        let header = ["basename", "date", "topic"];
        assert_eq!(Table::of(Path::new("t.tsv"), &header).ok(), Some(Table::Meetings));
    }

    #[test]
    fn values_that_do_not_fit_their_column_are_named() {
        assert!(Table::Speeches.misfit("speaker", "2").is_some_and(|m| m.contains("a name") && m.contains("\"2\"")));
        assert!(Table::Speeches.misfit("participanttype", "Ghana").is_some());
        assert!(Table::Speeches.misfit("participanttype", "Guest").is_none());
        assert!(Table::Meetings.misfit("date", "soon").is_some());
        assert!(Table::Debates.misfit("ISO Code", "YDYE").is_none() && Table::Debates.misfit("ISO Code", "12").is_some());
    }
}
