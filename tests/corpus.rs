//! The real corpora in `../shared`: every Security Council speech of 2020
//! becomes a speech, every header names its speaker, every quote is exact.
//! Skipped, with the reason printed, where `../shared` is absent.

mod common;

use common::*;
use std::collections::HashMap;
use std::path::PathBuf;

#[test]
fn all_of_unsc_2020_builds_with_no_file_lost() {
    let Some(corpus) = shared("corpus/unsc-2020") else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&corpus]);
    assert_eq!(code, 0, "{}", err.lines().filter(|l| l.starts_with("error")).collect::<Vec<_>>().join("\n"));
    let files: HashMap<String, PathBuf> = std::fs::read_dir(corpus.join("speeches"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    assert_eq!(files.len(), 2649);
    assert!(err.contains("2649 speeches from 2649 files"), "{}", err.lines().last().unwrap_or(""));

    let speakers: HashMap<String, HashMap<String, String>> =
        query(&store, "speakers.rq").into_iter().map(|r| (r["file"].clone(), r)).collect();
    assert_eq!(speakers.len(), files.len(), "every file became a speech");
    let (mut headers, mut for_whom) = (0, 0);
    for (name, path) in &files {
        let text = unkg::corpus::decode(&std::fs::read(path).unwrap()).text;
        if unkg::speech::parse_header(&text).is_some() {
            headers += 1;
            let row = &speakers[name];
            assert!(!row["name"].is_empty(), "{name}: no speaker: {row:?}");
            for_whom += usize::from(!row["state_code"].is_empty());
        }
    }
    assert!(headers > 1500, "only {headers} headers recognised");
    // Individuals invited in their own name speak for no state or body.
    assert!(for_whom * 100 >= headers * 99, "only {for_whom} of {headers} speakers speak for someone known");
    let checked = check_mention_offsets(&store, &files);
    assert!(checked > 10_000, "only {checked} mentions");
}

#[test]
fn general_debate_speeches_take_their_speaker_from_the_metadata() {
    let Some(corpus) = shared("corpus/ungdc") else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ungdc");
    let session = input.join("TXT").join("Session 78 - 2023");
    std::fs::create_dir_all(&session).unwrap();
    std::fs::copy(corpus.join("Speakers_by_session.csv"), input.join("Speakers_by_session.csv")).unwrap();
    for name in ["FIN_78_2023.txt", "KAZ_78_2023.txt", "BRA_78_2023.txt"] {
        std::fs::copy(corpus.join("TXT/Session 78 - 2023").join(name), session.join(name)).unwrap();
    }
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    let rows = query(&store, "speakers.rq");
    let fin = rows.iter().find(|r| r["file"] == "FIN_78_2023.txt").expect("FIN speech");
    assert_eq!(fin["state_code"], "FIN");
    assert!(fin["name"].contains("Niinist"), "{fin:?}");
}
