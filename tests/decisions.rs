//! The Security Council's decisions in the graph: votes, vetoes, sponsors,
//! presidential statements, their canned queries, and the vote attributes
//! of the GraphML `citations` view. The unsc-2020 checks skip, saying so,
//! where `../shared` is absent.

mod common;

use common::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("links to no state"), "{err}");
    store
}

#[test]
fn resolution_2334_is_14_0_1_with_the_united_states_abstaining() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let votes: Vec<HashMap<String, String>> =
        query(&store, "resolution-votes.rq").into_iter().filter(|r| r["resolution"] == "S/RES/2334 (2016)").collect();
    assert_eq!(votes.len(), 15, "{votes:?}");
    let by_position = |v: &str| votes.iter().filter(|r| r["vote"] == v).map(|r| r["state_code"].as_str()).collect::<Vec<_>>();
    assert_eq!(by_position("in favour").len(), 14);
    assert_eq!(by_position("against"), Vec::<&str>::new());
    assert_eq!(by_position("abstention"), ["USA"]);
    assert!(by_position("in favour").contains(&"VEN"), "VENEZUELA (BOLIVARIAN REPUBLIC OF) links to VEN");
    let tally = query(
        &store,
        "SELECT ?f ?a ?x ?draft WHERE { <https://w3id.org/unkg/id/resolution/2334> unkg:votesInFavour ?f ; \
         unkg:votesAgainst ?a ; unkg:abstentions ?x ; unkg:draft/skos:prefLabel ?draft }",
    );
    assert_eq!(tally.len(), 1);
    assert_eq!((tally[0]["f"].as_str(), tally[0]["a"].as_str(), tally[0]["x"].as_str()), ("14", "0", "1"));
    assert_eq!(tally[0]["draft"], "S/2016/1100");
}

/// (draft key, date, state code) of every veto in `data/vetoes.csv`.
fn vetoes_in_data() -> BTreeSet<(String, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/vetoes.csv");
    let mut reader = csv::Reader::from_path(path).unwrap();
    let mut out = BTreeSet::new();
    for row in reader.deserialize::<HashMap<String, String>>() {
        let row = row.unwrap();
        for member in row["vetoed_by"].split('|') {
            let code = match member {
                "USSR" => "SUN",
                "Russia" => "RUS",
                "USA" => "USA",
                "UK" => "GBR",
                "China" => "CHN",
                "France" => "FRA",
                other => panic!("unexpected vetoing member {other}"),
            };
            out.insert((row["key"].clone(), row["date"].clone(), code.to_owned()));
        }
    }
    out
}

#[test]
fn every_veto_of_the_table_is_in_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let rows = query(&store, "vetoes.rq");
    let in_graph: BTreeSet<(String, String, String)> =
        rows.iter().map(|r| (r["draft"].clone(), r["date"].clone(), r["state_code"].clone())).collect();
    assert_eq!(in_graph.len(), rows.len(), "one row per veto and state");
    assert_eq!(in_graph, vetoes_in_data());
    assert!(in_graph.contains(&("S/2022/155".into(), "2022-02-25".into(), "RUS".into())));
    assert!(in_graph.iter().any(|(_, date, code)| code == "SUN" && date.starts_with("1946")));
    // The shared table, where present: each of its rows is one veto here.
    if let Some(table) = shared("reference/unsc_vetoes_1946_2022.csv") {
        let source_rows = csv::Reader::from_path(table).unwrap().records().count();
        let drafts: BTreeSet<&String> = in_graph.iter().map(|(d, _, _)| d).collect();
        assert_eq!(drafts.len(), source_rows, "every row of the shared veto table is a vetoed draft");
    }
}

#[test]
fn presidential_statements_are_linked_to_their_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let rows = query(
        &store,
        "SELECT ?meeting ?date WHERE { <https://w3id.org/unkg/id/document/S-PRST-2020-1> a unkg:PresidentialStatement ; \
         unkg:adoptedAt/skos:prefLabel ?meeting ; dcterms:date ?date }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0]["meeting"].starts_with("S/PV."), "{rows:?}");
}

#[test]
fn the_new_queries_answer_on_the_unsc_2020_store() {
    let Some(corpus) = shared("corpus/unsc-2020") else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&corpus]);
    assert_eq!(code, 0, "{err}");
    for q in ["resolution-votes.rq", "vetoes.rq", "cited-not-voted-for.rq", "veto-speeches.rq", "sponsors-citing.rq"] {
        let rows = query(&store, q);
        println!("{q}: {} rows", rows.len());
        assert!(!rows.is_empty(), "{q} returns no rows on unsc-2020");
    }
    let out = unkg()
        .args(["graphml", "--view", "citations", "--store"])
        .arg(&store)
        .output()
        .expect("run unkg graphml");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = String::from_utf8(out.stdout).unwrap();
    let key = xml
        .lines()
        .find(|l| l.contains(r#"for="edge" attr.name="vote""#))
        .and_then(|l| l.split('"').nth(1))
        .expect("a vote key for edges")
        .to_owned();
    for position in ["in favour", "abstention", "none"] {
        assert!(xml.contains(&format!(r#"<data key="{key}">{position}</data>"#)), "no citation edge with vote {position}");
    }
}
