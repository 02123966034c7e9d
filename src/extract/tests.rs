//! End-to-end checks of [`Extractors::extract`] on real speech text, and a throughput
//! probe run by hand (`cargo test --release --lib throughput -- --ignored
//! --nocapture`), not a timed assertion.

use super::*;
use crate::text::normalize;

fn keys(ex: &Extraction, kind: EntityKind) -> Vec<&str> {
    let mut k: Vec<&str> = ex.mentions.iter().filter(|m| m.kind == kind).map(|m| m.key.as_str()).collect();
    k.sort();
    k.dedup();
    k
}

const KAZ_2017: &str = "Joining previous\r\nspeakers, I wish to offer Kazakhstan's deepest\r\ncondolences to the Government and the people of Iran\r\nfor the horrific terrorist attack that took place in Tehran\r\non 7 June. We extend our sympathies to the bereaved\r\nfamilies of the victims.\r\n\r\nI thank the Bolivian presidency for convening\r\ntoday's briefing, and Secretary-General Guterres for\r\nhis comprehensive report (S/2017/467) on the Islamic\r\nState in Iraq and the Levant (ISIL/Da'esh), Al-Qaida\r\nand their associates.";

#[test]
fn opening_of_a_council_speech() {
    let n = normalize(KAZ_2017, 0);
    let ex = bundled().extract(&n, &Context { date: Some("2017-06-13".into()), ..Context::default() });
    assert_eq!(keys(&ex, EntityKind::State), ["BOL", "IRN", "KAZ"]);
    assert_eq!(keys(&ex, EntityKind::Document), ["S/2017/467"]);
    assert_eq!(keys(&ex, EntityKind::Date), ["2017-06-07"]);
    assert!(keys(&ex, EntityKind::Person).iter().any(|k| k.contains("guterres")), "{:?}", keys(&ex, EntityKind::Person));
    // Events need the places gazetteer; until data/places.csv is embedded
    // there is no place to attach "attack" to.
    if crate::gazetteer::gazetteer().places.is_empty() {
        return;
    }
    let ev = ex.events.first().expect("an attack event");
    assert_eq!(ev.kind, EventKind::Attack);
    assert_eq!(&n.text[ex.mentions[ev.place].start..ex.mentions[ev.place].end], "Tehran");
    assert_eq!(ev.date.map(|d| ex.mentions[d].key.as_str()), Some("2017-06-07"));
}

#[test]
fn mentions_are_sorted_and_same_kind_spans_disjoint() {
    let n = normalize(KAZ_2017, 0);
    let ex = bundled().extract(&n, &Context::default());
    for w in ex.mentions.windows(2) {
        assert!(w[0].start <= w[1].start);
    }
    for (i, a) in ex.mentions.iter().enumerate() {
        for b in &ex.mentions[i + 1..] {
            assert!(a.kind != b.kind || a.end <= b.start, "{a:?} overlaps {b:?}");
        }
        assert!(n.text.is_char_boundary(a.start) && n.text.is_char_boundary(a.end));
    }
}

fn corpus_files(dir: &str, limit: usize) -> Vec<std::path::PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    v.sort();
    v.truncate(limit);
    v
}

/// Prints what the extractors find in the sample speeches, for reading by
/// eye: `cargo test --release --lib dump_samples -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_samples() {
    let dir = std::env::var("UNKG_DUMP").unwrap_or_else(|_| "/work/shared/corpus/samples".into());
    let limit = std::env::var("UNKG_DUMP_LIMIT").ok().and_then(|l| l.parse().ok()).unwrap_or(50);
    // UNKG_DUMP_LIST names a file with one speech path a line, to read a
    // chosen sample instead of a folder's first files.
    let files = match std::env::var("UNKG_DUMP_LIST") {
        Ok(list) => std::fs::read_to_string(list).unwrap_or_default().lines().map(std::path::PathBuf::from).collect(),
        Err(_) => corpus_files(&dir, limit),
    };
    for p in files {
        let raw = std::fs::read(&p).unwrap_or_default();
        let s = String::from_utf8_lossy(&raw);
        let body = s.split_once("):").map_or(&*s, |(_, b)| b);
        let n = normalize(body, 0);
        let ex = bundled().extract(&n, &Context { date: Some("2017-06-13".into()), ..Context::default() });
        println!("== {}", p.display());
        for m in &ex.mentions {
            println!("{:?}\t{}\t{}\t{}\t{}\t{:.2}", m.kind, &n.text[m.start..m.end], m.key, m.label, m.extractor, m.confidence);
        }
        for e in &ex.events {
            println!("EVENT {:?} @ {}\t{}", e.kind, ex.mentions[e.place].label, &n.text[e.start..e.end]);
        }
    }
}

/// Extraction throughput over unsc-2020:
/// `cargo test --release --lib throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let files = corpus_files("/work/shared/corpus/unsc-2020/speeches", usize::MAX);
    let texts: Vec<_> = files
        .iter()
        .map(|p| normalize(&String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()), 0))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.text.len()).sum();
    let _ = bundled().surface();
    let ctx = Context { date: Some("2020-06-01".into()), ..Context::default() };
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for t in &texts {
        n += bundled().extract(t, &ctx).mentions.len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!("{} files, {:.1} MB, {n} mentions, {secs:.2} s, {:.1} MB/s on one core", texts.len(), bytes as f64 / 1e6, bytes as f64 / 1e6 / secs);
}

#[test]
fn runs_of_spaces_from_joined_lines_do_not_hide_names() {
    let t = "As a member of the Human  Rights Council. Finland works";
    let ex = bundled().extract_str(t, &Context::default());
    let org = ex.mentions.iter().find(|m| m.kind == EntityKind::Organisation).expect("an organisation");
    assert_eq!(&t[org.start..org.end], "Human  Rights Council");
    assert_eq!(org.key, "HRC");
}

/// Time spent per extraction stage over unsc-2020, to see where the
/// throughput goes: `cargo test --release --lib stage_times -- --ignored
/// --nocapture`. Stages are run on their own, so the sum exceeds ALL.
#[test]
#[ignore]
fn stage_times() {
    let files = corpus_files("/work/shared/corpus/unsc-2020/speeches", usize::MAX);
    let texts: Vec<_> = files.iter().map(|p| normalize(&String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()), 0)).collect();
    let _ = bundled().surface();
    let mut t = [0f64; 8];
    for x in &texts {
        let s = &x.text;
        let c = std::time::Instant::now();
        let found = bundled().surface().find(s);
        t[0] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let _ = organisations::by_pattern(s, |_, _| false);
        t[1] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let _ = persons::find(crate::gazetteer::gazetteer(), s, &found);
        t[2] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let _ = places::by_pattern(crate::gazetteer::gazetteer(), s, |_, _| false);
        t[3] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let _ = dates::find(s, &Context::default());
        let _ = resolutions::find(crate::gazetteer::gazetteer(), s, &Context::default());
        let _ = documents::find(s);
        t[4] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let ex = bundled().extract_str(s, &Context::default());
        t[5] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let _ = events::find(crate::gazetteer::gazetteer(), s, &ex.mentions);
        t[6] += c.elapsed().as_secs_f64();
        let c = std::time::Instant::now();
        let _ = acronyms::find(crate::gazetteer::gazetteer(), s, &[], &found);
        t[7] += c.elapsed().as_secs_f64();
    }
    println!("surface {:.3} orgpat {:.3} persons {:.3} placepat {:.3} cit+dates {:.3} ALL {:.3} events {:.3} acr {:.3}", t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
}
