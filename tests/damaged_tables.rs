//! Damaged metadata tables and damaged text: every bad row gets a warning
//! naming its file, its line and what was expected, and is not used; a
//! decoding warning names the line of the first bad byte.

mod common;

use common::*;
use std::path::Path;

const HEADER: &str = "filename\tbasename\tspv\tdate\ttopic\tspeech\tspeaker\tparticipanttype\tcountry\trole_in_un";

/// The row of speech `n` of meeting 8699, as the corpus gives it.
fn row(n: usize, speaker: &str, kind: &str, country: &str) -> Vec<String> {
    let file = format!("UNSC_2020_SPV.8699_spch00{n}.txt");
    [file.as_str(), "UNSC_2020_SPV.8699", "8699", "10 January 2020", "Peace", &n.to_string(), speaker, kind, country, ""]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Four written statements (no header line) and `table` beside them.
fn corpus(dir: &Path, table: &str) -> std::path::PathBuf {
    let input = dir.join("unsc");
    std::fs::create_dir_all(input.join("speeches")).unwrap();
    for n in 1..=4 {
        let text = "We welcome the adoption of resolution 2505 (2020) and thank the Secretary-General for his report.\n";
        std::fs::write(input.join(format!("speeches/UNSC_2020_SPV.8699_spch00{n}.txt")), text).unwrap();
    }
    std::fs::write(input.join("meta_speeches_2020.tsv"), table).unwrap();
    input
}

fn speaker_names(store: &Path) -> Vec<(String, String)> {
    query(store, "SELECT ?f ?name WHERE { ?s unkg:sourceFile ?f ; unkg:speakerName ?name } ORDER BY ?f")
        .into_iter()
        .map(|r| (r["f"].clone(), r["name"].clone()))
        .collect()
}

#[test]
fn rows_with_a_field_too_many_or_too_few_are_warned_of_and_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let good = row(1, "Mr. Dang", "The President", "Viet Nam");
    let mut extra = row(2, "Mr. Zhang Jun", "Mentioned", "China");
    extra.insert(5, "extra".into());
    let mut missing_middle = row(3, "Ms. Nusseibeh", "Guest", "United Arab Emirates");
    missing_middle.remove(6);
    let short = row(4, "Mr. Ladeb", "Mentioned", "Tunisia")[..7].to_vec();
    let table = [HEADER.to_owned(), good.join("\t"), extra.join("\t"), missing_middle.join("\t"), short.join("\t")].join("\n") + "\n";
    let input = corpus(dir.path(), &table);
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "warnings only: {err}");
    let at = |line: usize| format!("{}:{line}: ", input.join("meta_speeches_2020.tsv").display());
    for (line, found) in [(3, 11), (4, 9), (5, 7)] {
        let expected = format!("{}expected 10 fields, as the header has, found {found}: the row is not used", at(line));
        assert!(err.contains(&expected), "no {expected:?} in {err}");
    }
    // Only the good row speaks; the others have no name rather than "2" or "Guest".
    let names = speaker_names(&store);
    assert_eq!(names, [("UNSC_2020_SPV.8699_spch001.txt".to_owned(), "Dang".to_owned())], "{err}");
}

#[test]
fn values_that_do_not_fit_their_column_are_warned_of_and_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut bad_date = row(2, "Mr. Zhang Jun", "Mentioned", "China");
    bad_date[3] = "soon".into();
    let table = [
        HEADER.to_owned(),
        row(1, "Mr. Dang", "The President", "Viet Nam").join("\t"),
        bad_date.join("\t"),
        row(3, "2", "Mentioned", "China").join("\t"),
        row(4, "Mr. Ladeb", "Tunisia", "Mentioned").join("\t"),
    ]
    .join("\n");
    let input = corpus(dir.path(), &table);
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "warnings only: {err}");
    let at = |line: usize| format!("{}:{line}: ", input.join("meta_speeches_2020.tsv").display());
    for (line, what) in [
        (3, "expected a date like `10 January 2020` in column `date`, found \"soon\": the row is not used"),
        (4, "expected a name in column `speaker`, found \"2\": the row is not used"),
        (5, "expected `The President`, `Mentioned` or `Guest` in column `participanttype`, found \"Tunisia\""),
    ] {
        assert!(err.contains(&format!("{}{what}", at(line))), "no {what:?} at line {line} in {err}");
    }
    assert_eq!(speaker_names(&store).len(), 1, "{err}");
}

#[test]
fn a_speeches_table_without_its_speaker_column_is_refused_not_read_as_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let header = HEADER.replace("\tspeaker", "");
    let mut r = row(1, "Mr. Dang", "The President", "Viet Nam");
    r.remove(6);
    let input = corpus(dir.path(), &format!("{header}\n{}\n", r.join("\t")));
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "warnings only: {err}");
    let expected = format!(
        "{}:1: expected the header of a speeches table (filename, speaker), found no column `speaker`",
        input.join("meta_speeches_2020.tsv").display()
    );
    assert!(err.contains(&expected), "no {expected:?} in {err}");
    // Read as meetings, the table would have given the meeting a topic.
    assert!(query(&store, "SELECT ?m WHERE { ?m unkg:topic \"Peace\" }").is_empty(), "{err}");
}

#[test]
fn a_byte_that_is_not_utf8_is_reported_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), b"Mr. X (France): one\r\n2\n3\n4\n5\n6\nC\xf4te d'Ivoire\n8\n").unwrap();
    let (code, err) = build(&dir.path().join("store"), &[&input]);
    assert_eq!(code, 0, "{err}");
    let expected = format!("{}:7: not valid UTF-8: read as Windows-1252", input.join("a.txt").display());
    assert!(err.contains(&expected), "no {expected:?} in {err}");
}
