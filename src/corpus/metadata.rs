//! The corpora's metadata tables, found beside the speeches or given with
//! `--meta`: `meta_speeches_*.tsv` and `meta_meetings_*.tsv` (or the Security
//! Council Debates corpus's own `speaker.tsv` and `meta.tsv`) and the
//! General Debate corpus's `Speakers_by_session.csv`.

use super::layout::Layout;
use super::tables::Table;
use crate::error::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What the metadata says about one speech. Every field may be missing.
///
/// Its serialisation is part of a speech's build fingerprint: every fact
/// added here rebuilds the speeches it changes, with no list to keep in step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct SpeechMeta {
    /// The speaker's name as the table gives it ("Mr. Zhang Jun").
    pub speaker: Option<String>,
    /// `The President`, `Mentioned` (a Council member) or `Guest`.
    pub participant_type: Option<String>,
    /// The state or organisation spoken for, as the table spells it.
    pub country: Option<String>,
    /// The speaker's office in the UN system, if any.
    pub role_in_un: Option<String>,
    /// The speaker's post (General Debate: "President", "Prime Minister").
    pub post: Option<String>,
    /// The meeting's date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The meeting's topic (agenda item).
    pub topic: Option<String>,
    /// The meeting's outcome (resolutions or statements adopted).
    pub outcome: Option<String>,
    /// Where the facts came from: the table's path. Not in the
    /// fingerprint: moving a table changes no fact.
    #[serde(skip)]
    pub sources: Vec<PathBuf>,
    /// The table and line that gave `country`, for warnings about it. Not in
    /// the fingerprint: a row added above it changes no fact.
    #[serde(skip)]
    pub country_source: Option<(PathBuf, u64)>,
}

#[derive(Debug, Clone, Default)]
struct MeetingMeta {
    date: Option<String>,
    topic: Option<String>,
    outcome: Option<String>,
    source: PathBuf,
    line: u64,
}

#[derive(Debug, Clone, Default)]
struct SpeechRow {
    speaker: Option<String>,
    participant_type: Option<String>,
    country: Option<String>,
    role_in_un: Option<String>,
    date: Option<String>,
    topic: Option<String>,
    source: PathBuf,
    line: u64,
}

#[derive(Debug, Clone, Default)]
struct DebateRow {
    name: Option<String>,
    country: Option<String>,
    post: Option<String>,
    source: PathBuf,
    line: u64,
}

/// All metadata tables loaded so far, keyed the way the corpora name things.
#[derive(Debug, Default)]
pub struct MetaIndex {
    speeches: HashMap<String, SpeechRow>,
    meetings: HashMap<String, MeetingMeta>,
    debates: HashMap<(u16, String), DebateRow>,
    searched: HashSet<PathBuf>,
    loaded: HashSet<PathBuf>,
}

/// Whether a file of this name is a table unkg recognises (and a build
/// loads when it lies beside the speeches or up to two folders above).
pub fn is_table(name: &str) -> bool {
    (name.starts_with("meta_speeches") || name.starts_with("meta_meetings")) && name.ends_with(".tsv")
        || name == "speaker.tsv"
        || name == "meta.tsv"
        || name == "Speakers_by_session.csv"
}

impl MetaIndex {
    /// Loads the tables in the folder of `file` and in its two parents, each
    /// folder once. Bad rows do not stop the load: they come back as errors
    /// naming the file and line.
    pub fn load_near(&mut self, file: &Path) -> Vec<Error> {
        let mut problems = Vec::new();
        let mut dir = file.parent();
        for _ in 0..3 {
            let Some(d) = dir else { break };
            let key = if d.as_os_str().is_empty() { PathBuf::from(".") } else { d.to_path_buf() };
            if self.searched.insert(key.clone()) {
                if let Ok(entries) = std::fs::read_dir(&key) {
                    let mut tables: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_table))
                        .collect();
                    tables.sort();
                    for table in tables {
                        match self.load_table(&table) {
                            Ok(mut errs) => problems.append(&mut errs),
                            Err(e) => problems.push(e),
                        }
                    }
                }
            }
            dir = d.parent();
        }
        problems
    }

    /// Loads one table, recognised by its name or, failing that, its columns.
    /// Returns the problems with single rows, each of which costs that row:
    /// a field count other than the header's, a value that does not fit its
    /// column. Fails only if the file cannot be read or its header lacks the
    /// columns its kind needs.
    pub fn load_table(&mut self, path: &Path) -> Result<Vec<Error>> {
        // The real path: `--meta ./t.tsv` and the `t.tsv` found near the
        // speeches are one table, whose rows must not repeat themselves.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.loaded.insert(real) {
            return Ok(Vec::new());
        }
        let tab = path.extension().is_some_and(|e| e == "tsv");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if tab { b'\t' } else { b',' })
            .quoting(!tab)
            .flexible(true)
            .from_path(path)
            .map_err(|e| csv_error(path, e))?;
        let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
        // A table saved with a byte-order mark has it glued to its first
        // column's name, which would then never match.
        let names: Vec<&str> = headers.iter().map(|h| h.trim_start_matches('\u{FEFF}').trim()).collect();
        let col = |name: &str| names.iter().position(|h| h.eq_ignore_ascii_case(name));
        let mut problems = Vec::new();
        let kind = Table::of(path, &names)?;
        for (i, record) in reader.records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    problems.push(csv_error(path, e));
                    continue;
                }
            };
            // The record's own line: a quoted field may span several.
            let line = record.position().map_or(i as u64 + 2, |p| p.line());
            let get = |name: &str| {
                col(name).and_then(|c| record.get(c)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
            };
            let source = path.to_path_buf();
            let bad = |message: String| Error::input(path, line, message);
            // A field too many or too few shifts every column after it: the
            // speaker would be read from the speech's position.
            if record.len() != names.len() {
                let message = format!(
                    "expected {} fields, as the header has, found {}: the row is not used",
                    names.len(),
                    record.len()
                );
                problems.push(bad(message));
                continue;
            }
            if let Some(misfit) = kind.checked().iter().find_map(|&c| get(c).and_then(|v| kind.misfit(c, &v))) {
                problems.push(bad(misfit));
                continue;
            }
            match kind {
                Table::Speeches => {
                    let Some(file) = get("filename") else {
                        problems.push(bad("expected a file name in column `filename`".into()));
                        continue;
                    };
                    let row = SpeechRow {
                        speaker: get("speaker"),
                        participant_type: get("participanttype"),
                        country: get("country"),
                        role_in_un: get("role_in_un"),
                        date: get("date").and_then(|d| parse_date(&d)),
                        topic: get("topic"),
                        source,
                        line,
                    };
                    if let Some(old) = self.speeches.get(&file) {
                        problems.push(repeated(path, line, &file, (&old.source, old.line), old.facts() == row.facts()));
                    }
                    self.speeches.insert(file, row);
                }
                Table::Meetings => {
                    let Some(key) = get("basename") else {
                        problems.push(bad("expected a meeting in column `basename`".into()));
                        continue;
                    };
                    let iso = get("date").as_deref().and_then(parse_date);
                    let meta = MeetingMeta { date: iso, topic: get("topic"), outcome: get("outcome"), source, line };
                    if let Some(old) = self.meetings.get(&key) {
                        problems.push(repeated(path, line, &key, (&old.source, old.line), old.facts() == meta.facts()));
                    }
                    self.meetings.insert(key, meta);
                }
                Table::Debates => {
                    let (Some(year), Some(iso3)) = (get("Year").and_then(|y| y.parse().ok()), get("ISO Code")) else {
                        problems.push(bad("expected a year in `Year` and a code in `ISO Code`".into()));
                        continue;
                    };
                    let row = DebateRow {
                        name: get("Name of Person Speaking").map(|n| n.trim_end_matches(',').trim().to_owned()),
                        country: get("Country"),
                        post: get("Post"),
                        source,
                        line,
                    };
                    let key = (year, iso3.to_ascii_uppercase());
                    if let Some(old) = self.debates.get(&key) {
                        let what = format!("{} {}", key.1, key.0);
                        problems.push(repeated(path, line, &what, (&old.source, old.line), old.facts() == row.facts()));
                    }
                    self.debates.insert(key, row);
                }
            }
        }
        Ok(problems)
    }

    /// What the loaded tables say about the speech in `path`.
    pub fn for_file(&self, path: &Path, layout: &Layout) -> SpeechMeta {
        let mut meta = SpeechMeta::default();
        match layout {
            Layout::Unsc { meeting_key, .. } => {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if let Some(row) = self.speeches.get(name) {
                    meta.speaker = row.speaker.clone();
                    meta.participant_type = row.participant_type.clone();
                    meta.country = row.country.clone();
                    meta.role_in_un = row.role_in_un.clone();
                    meta.date = row.date.clone();
                    meta.topic = row.topic.clone();
                    meta.sources.push(row.source.clone());
                }
                if let Some(m) = self.meetings.get(meeting_key) {
                    meta.date = m.date.clone().or(meta.date);
                    meta.topic = m.topic.clone().or(meta.topic);
                    meta.outcome = m.outcome.clone();
                    meta.sources.push(m.source.clone());
                }
            }
            Layout::Ungdc { iso3, year, .. } => {
                if let Some(row) = self.debates.get(&(*year, iso3.clone())) {
                    meta.speaker = row.name.clone();
                    meta.country = row.country.clone();
                    meta.post = row.post.clone();
                    meta.sources.push(row.source.clone());
                    meta.country_source = Some((row.source.clone(), row.line));
                }
            }
            Layout::Plain => {}
        }
        meta
    }
}

/// The warning for a row about `key`, which the row at `earlier` described
/// already: a repeat is noise, a contradiction means one of the two is wrong.
fn repeated(path: &Path, line: u64, key: &str, earlier: (&Path, u64), same: bool) -> Error {
    let (file, at) = earlier;
    let message = if same {
        format!("{key:?} repeats line {at} of {}: nothing new", file.display())
    } else {
        format!("{key:?} contradicts line {at} of {}: this later row is used", file.display())
    };
    Error::input(path, line, message)
}

impl SpeechRow {
    /// What the row says, without where it says it.
    fn facts(&self) -> impl PartialEq + '_ {
        (&self.speaker, &self.participant_type, &self.country, &self.role_in_un, &self.date, &self.topic)
    }
}

impl MeetingMeta {
    /// What the row says, without where it says it.
    fn facts(&self) -> impl PartialEq + '_ {
        (&self.date, &self.topic, &self.outcome)
    }
}

impl DebateRow {
    /// What the row says, without where it says it.
    fn facts(&self) -> impl PartialEq + '_ {
        (&self.name, &self.country, &self.post)
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    Error::input(path, line, e.to_string())
}

/// `10 January 2020` (or `2020-01-10`) as `2020-01-10`.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    if text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-' {
        return Some(text.to_owned());
    }
    let mut parts = text.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = month_number(parts.next()?)?;
    let year: u32 = parts.next()?.parse().ok()?;
    (parts.next().is_none() && (1..=31).contains(&day) && year > 1000).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The month's number from its English name.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ];
    let lower = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn parses_meeting_dates() {
        assert_eq!(parse_date("30 March 2020").as_deref(), Some("2020-03-30"));
        assert_eq!(parse_date("2020-03-30").as_deref(), Some("2020-03-30"));
        assert_eq!(parse_date("March 2020"), None);
    }

    #[test]
    fn loads_tables_and_reports_bad_rows_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let speeches = dir.path().join("meta_speeches_2020.tsv");
        let mut f = std::fs::File::create(&speeches).unwrap();
        writeln!(f, "filename\tspv\tdate\ttopic\tspeaker\tparticipanttype\tcountry").unwrap();
        writeln!(f, "UNSC_2020_SPV.8699_spch001.txt\t8699\t10 January 2020\tPeace\tMr. Dang\tThe President\tViet Nam").unwrap();
        let meetings = dir.path().join("meta_meetings_2020.tsv");
        let mut f = std::fs::File::create(&meetings).unwrap();
        writeln!(f, "basename\tdate\ttopic").unwrap();
        writeln!(f, "UNSC_2020_SPV.8699\tsoon\tPeace").unwrap();
        let file = dir.path().join("speeches").join("UNSC_2020_SPV.8699_spch001.txt");
        let mut index = MetaIndex::default();
        let problems = index.load_near(&file);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].to_string().contains("meta_meetings_2020.tsv:2:"), "{}", problems[0]);
        let meta = index.for_file(&file, &Layout::of(&file));
        assert_eq!(meta.speaker.as_deref(), Some("Mr. Dang"));
        assert_eq!(meta.country.as_deref(), Some("Viet Nam"));
        assert_eq!(meta.date.as_deref(), Some("2020-01-10"));
        assert_eq!(meta.topic.as_deref(), Some("Peace"));
    }
}
