//! Bad input of every kind: each is reported with its file (and line where
//! there is one), the build exits 1 if anything failed, and every good file
//! still loads.

mod common;

use common::{build, query, samples};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const GOOD: &str = "000_eb8c3d89eb49a159.txt";

/// The source files of the speeches in the store.
fn loaded(store: &Path) -> HashSet<String> {
    query(store, "SELECT ?f WHERE { ?s a unkg:Speech ; unkg:sourceFile ?f }").into_iter().map(|r| r["f"].clone()).collect()
}

fn good_text() -> Vec<u8> {
    std::fs::read(samples().join(GOOD)).expect("a sample speech")
}

/// Whether this process can read a file whose permissions forbid it (root
/// can), in which case permission tests prove nothing.
fn permissions_bind(dir: &Path) -> bool {
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").expect("write a probe");
    set_mode(&probe, 0o000);
    let binds = std::fs::read(&probe).is_err();
    set_mode(&probe, 0o644);
    binds
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn bad_speech_files_are_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let good = good_text();
    std::fs::write(input.join("good.txt"), &good).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("blank.txt"), " \r\n\t\n  ").unwrap();
    // A PNG's first bytes: binary, with NULs on line 3.
    std::fs::write(input.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01").unwrap();
    std::fs::write(input.join("nul.txt"), b"Mr. X (France): one\ntwo\nthree \0 four\n").unwrap();
    // Loaded, each with a warning or none, and quotes at the right offsets.
    std::fs::write(input.join("cp1252.txt"), b"Mr. Michon (France): C\xF4te d\x92Ivoire and the Security Council.").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in String::from_utf8_lossy(&good).encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    std::fs::write(input.join("utf16.txt"), utf16).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(&good);
    std::fs::write(input.join("bom.txt"), bom).unwrap();
    // One line of 2 MB: a header that never ends.
    let long = format!("Mr. X (France): {}", "the Security Council and ".repeat(80_000));
    std::fs::write(input.join("long line.txt"), long).unwrap();
    std::fs::write(input.join("espace é\u{65e5}.txt"), &good).unwrap();
    #[cfg(unix)]
    std::fs::write(input.join("new\nline.txt"), &good).unwrap();

    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 1, "{err}");
    let at = |name: &str| input.join(name).display().to_string();
    for expected in [
        format!("{}:1: expected a speech, found an empty file", at("empty.txt")),
        format!("{}:1: expected a speech, found an empty file", at("blank.txt")),
        format!("{}:3: expected text, found a NUL byte", at("image.txt")),
        format!("{}:3: expected text, found a NUL byte", at("nul.txt")),
        format!("warning: {}:1: not valid UTF-8: read as Windows-1252", at("cp1252.txt")),
        format!("warning: {}:1: UTF-16 (little-endian) with a byte-order mark: decoded", at("utf16.txt")),
    ] {
        assert!(err.contains(&expected), "expected {expected:?} in:\n{err}");
    }
    assert!(!err.contains("bom.txt"), "a UTF-8 byte-order mark is no problem:\n{err}");
    let mut want: HashSet<String> =
        ["good.txt", "cp1252.txt", "utf16.txt", "bom.txt", "long line.txt", "espace é\u{65e5}.txt"].map(String::from).into();
    if cfg!(unix) {
        want.insert("new\nline.txt".into());
    }
    assert_eq!(loaded(&store), want, "{err}");
    let files = want.iter().map(|f| (f.clone(), input.join(f))).collect();
    let checked = common::check_mention_offsets(&store, &files);
    assert!(checked > 20, "only {checked} mentions checked");
}

#[cfg(unix)]
#[test]
fn unreadable_entries_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("sub/good.txt"), good_text()).unwrap();
    // Links back to a folder being read: followed, it never ends.
    std::os::unix::fs::symlink("..", input.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", input.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", input.join("dangling.txt")).unwrap();
    // A FIFO blocks whoever reads it: it must not be read at all.
    let fifo = input.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    // A folder named like a speech is a folder.
    std::fs::create_dir(input.join("folder.txt")).unwrap();
    std::fs::write(input.join("folder.txt/inner.txt"), good_text()).unwrap();
    let binds = permissions_bind(dir.path());
    if binds {
        std::fs::write(input.join("locked.txt"), good_text()).unwrap();
        set_mode(&input.join("locked.txt"), 0o000);
        std::fs::create_dir(input.join("closed")).unwrap();
        std::fs::write(input.join("closed/hidden.txt"), good_text()).unwrap();
        set_mode(&input.join("closed"), 0o000);
    } else {
        println!("skipped the chmod 000 checks: this process reads files whatever their permissions (root)");
    }

    let store = dir.path().join("store");
    let started = std::time::Instant::now();
    let (code, err) = build(&store, &[&input, &dir.path().join("absent")]);
    if binds {
        set_mode(&input.join("closed"), 0o755);
    }
    assert!(started.elapsed().as_secs() < 120, "the build took {:?}", started.elapsed());
    assert_eq!(code, 1, "{err}");
    let at = |name: &str| input.join(name).display().to_string();
    let mut expected = vec![
        (at("sub/loop"), "symbolic link loop"),
        (at("self.txt"), "symbolic links"),
        (at("dangling.txt"), "No such file"),
        (dir.path().join("absent").display().to_string(), "No such file"),
    ];
    if made {
        expected.push((at("pipe.txt"), "found a FIFO"));
    }
    if binds {
        expected.push((at("locked.txt"), "Permission denied"));
        expected.push((at("closed"), "Permission denied"));
    }
    for (path, message) in expected {
        let line = err.lines().find(|l| l.starts_with(&format!("error: {path}:")));
        assert!(line.is_some_and(|l| l.contains(message)), "expected {path}: ...{message}... in:\n{err}");
    }
    assert_eq!(loaded(&store), ["good.txt", "inner.txt"].map(String::from).into(), "{err}");
}

/// A Council speech and the speeches table beside it, written as `table`.
fn with_table(dir: &Path, table: &str) -> (PathBuf, PathBuf) {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for name in ["UNSC_2020_SPV.8746_spch002.txt", "UNSC_2020_SPV.8746_spch003.txt"] {
        std::fs::write(input.join(name), good_text()).unwrap();
    }
    let path = input.join("meta_speeches_2020.tsv");
    std::fs::write(&path, table).unwrap();
    (input, path)
}

#[test]
fn metadata_tables_with_bad_rows_warn_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // A byte-order mark, an extra column, a quote, a short row, a repeated
    // row, a contradicting one, one without a file and one a field too long.
    let table = "\u{FEFF}filename\tspeaker\tcountry\tdate\textra\n\
                 UNSC_2020_SPV.8746_spch002.txt\tMr. \"Jack\" Smith\tFrance\t30 March 2020\tx\n\
                 UNSC_2020_SPV.8746_spch003.txt\tMs. Jones\n\
                 UNSC_2020_SPV.8746_spch002.txt\tMr. \"Jack\" Smith\tFrance\t30 March 2020\tx\n\
                 UNSC_2020_SPV.8746_spch003.txt\tMs. Jones\tGermany\t1 April 2020\tz\n\
                 UNSC_2020_SPV.8746_spch003.txt\tMs. Jones\tGermany\t2 April 2020\tz\n\
                 \tnobody\t\t\t\n\
                 UNSC_2020_SPV.8746_spch002.txt\tMr. X\tFrance\t3 March 2020\tx\ty\n";
    let (input, table) = with_table(dir.path(), table);
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "warnings only:\n{err}");
    let t = table.display().to_string();
    for expected in [
        format!("warning: {t}:3: expected 5 fields, as the header has, found 2: the row is not used"),
        format!("warning: {t}:4: \"UNSC_2020_SPV.8746_spch002.txt\" repeats line 2 of {t}"),
        format!("warning: {t}:6: \"UNSC_2020_SPV.8746_spch003.txt\" contradicts line 5 of {t}: this later row is used"),
        format!("warning: {t}:7: expected a file name in column `filename`"),
        format!("warning: {t}:8: expected 5 fields, as the header has, found 6: the row is not used"),
    ] {
        assert!(err.contains(&expected), "expected {expected:?} in:\n{err}");
    }
    assert_eq!(loaded(&store).len(), 2, "{err}");
    let rows = query(&store, "SELECT ?f ?date WHERE { ?s unkg:sourceFile ?f ; <http://purl.org/dc/terms/date> ?date }");
    let date = |file: &str| rows.iter().find(|r| r["f"] == file).map(|r| r["date"].clone());
    assert_eq!(date("UNSC_2020_SPV.8746_spch002.txt").as_deref(), Some("2020-03-30"), "quotes and extra columns: {rows:?}");
    assert_eq!(date("UNSC_2020_SPV.8746_spch003.txt").as_deref(), Some("2020-04-02"), "the later row is used: {rows:?}");
}

#[test]
fn a_table_missing_its_key_columns_is_refused_and_the_speeches_load() {
    let dir = tempfile::tempdir().unwrap();
    let (input, table) = with_table(dir.path(), "file\tspeaker\nUNSC_2020_SPV.8746_spch002.txt\tMr. X\n");
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "a table is no speech: a warning\n{err}");
    let expected = format!("warning: {}:1: expected the header of a speeches table", table.display());
    assert!(err.contains(&expected), "expected {expected:?} in:\n{err}");
    assert_eq!(loaded(&store).len(), 2, "{err}");
}
