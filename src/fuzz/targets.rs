//! One target per reader of outside bytes. A target takes any bytes, runs
//! the reader and checks its properties ([`super::check`]); it panics only
//! when a property breaks or the reader itself panics.
//!
//! Targets are plain `fn`s, run millions of times: the driver loads the
//! reference data and builds the extractors once, and hands every call the
//! same [`Pipeline`].

use super::check;
use super::mutate::Dictionary;
use crate::corpus::{decode, Layout, MetaIndex, SpeechMeta};
use crate::extract::{acronyms, dates, documents, events, organisations, persons, places, resolutions, states, Context};
use crate::pipeline::{Part, Pipeline};
use crate::speech::{parse_header, Speech};
use crate::text::{normalize, windows};
use oxrdf::Quad;
use std::path::{Path, PathBuf};

/// A fuzz target.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// Its name, as `tests/fuzz.rs` and the README call it.
    pub name: &'static str,
    /// Runs the reader on the bytes, with the pipeline over the bundled
    /// reference data, and checks what it made.
    pub run: fn(&Pipeline<'_>, &[u8]),
    /// Which seeds and tokens suit it.
    pub dictionary: Dictionary,
}

/// Every target, in the order a pipeline meets them.
pub const TARGETS: &[Target] = &[
    Target { name: "decode", run: decode_bytes, dictionary: Dictionary::Speech },
    Target { name: "normalize", run: normalize_text, dictionary: Dictionary::Speech },
    Target { name: "header", run: header, dictionary: Dictionary::Speech },
    Target { name: "metadata", run: metadata, dictionary: Dictionary::Table },
    Target { name: "extract", run: extractors, dictionary: Dictionary::Speech },
    Target { name: "speech_quads", run: speech_to_quads, dictionary: Dictionary::Speech },
];

/// The file names a speech may have: each corpus's layout and a plain one,
/// picked by the input's length so that every layout gets inputs.
fn path_for(data: &[u8]) -> PathBuf {
    const NAMES: [&str; 4] =
        ["UNSC_2020_SPV.8746_spch002.txt", "FRA_75_2020.txt", "speech with spaces é.txt", "UNSC_1995_SPV.3500Resumption1_spch004.txt"];
    PathBuf::from(NAMES[data.len() % NAMES.len()])
}

/// Metadata as the tables might give it: none, or a date (which turns on
/// the reading of names as of that date).
fn meta_for(data: &[u8]) -> SpeechMeta {
    let mut meta = SpeechMeta::default();
    if data.len() % 3 == 1 {
        meta.date = Some("2020-03-30".into());
        meta.sources.push("meta_speeches_2020.tsv".into());
    } else if data.len() % 3 == 2 {
        meta.date = Some("1985-06-07".into());
        meta.country = Some("Yugoslavia".into());
        meta.sources.push("meta.tsv".into());
    }
    meta
}

/// `corpus::decode`.
pub fn decode_bytes(_: &Pipeline<'_>, data: &[u8]) {
    let d = decode(data);
    check::decoded(data, &d);
}

/// `text::normalize` and `text::windows`.
pub fn normalize_text(_: &Pipeline<'_>, data: &[u8]) {
    let text = decode(data).text;
    let base = data.len() % 7;
    let n = normalize(&text, base);
    check::normalized(&text, base, &n);
    for size in [8, 61, 1024] {
        check::windows(&n.text, size, &windows(&n.text, size));
    }
}

/// `speech::parse_header` and `Speech::parse`.
pub fn header(pipeline: &Pipeline<'_>, data: &[u8]) {
    let text = decode(data).text;
    if let Some(h) = parse_header(&text) {
        check::header(&text, &h);
    }
    let speech = Speech::parse(path_for(data), data, meta_for(data), pipeline.reference());
    assert!(speech.body_start <= speech.text.chars().count(), "body_start past the end");
    assert!(speech.text.ends_with(speech.body()), "the body is not the end of the text");
}

/// `MetaIndex::load_table` on the bytes as a TSV and as a CSV file.
pub fn metadata(_: &Pipeline<'_>, data: &[u8]) {
    let dir = scratch_dir();
    for name in ["meta_speeches_2020.tsv", "Speakers_by_session.csv"] {
        let path = dir.join(name);
        if std::fs::write(&path, data).is_err() {
            return; // no scratch space: nothing to learn about the reader
        }
        let mut index = MetaIndex::default();
        match index.load_table(&path) {
            Ok(problems) => {
                for p in problems {
                    assert!(p.to_string().contains(name), "a problem that names no file: {p}");
                }
            }
            Err(e) => assert!(e.to_string().contains(name), "an error that names no file: {e}"),
        }
        for file in ["UNSC_2020_SPV.2020_254_spch001.txt", "UNSC_2020_SPV.8746_spch002.txt", "FRA_75_2020.txt", "x.txt"] {
            let path = Path::new(file);
            index.for_file(path, &Layout::of(path));
        }
        let _ = std::fs::remove_file(&path);
    }
}

/// A folder of this process and thread's own, for files a reader must open.
fn scratch_dir() -> PathBuf {
    let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_alphanumeric(), "");
    let dir = std::env::temp_dir().join(format!("unkg-fuzz-{}-{thread}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// `extract::extract_str` and each extractor's own `find`, on the
/// normalised text and on the raw decoded text (which has the runs of
/// spaces and line breaks that normalisation removes).
pub fn extractors(pipeline: &Pipeline<'_>, data: &[u8]) {
    let raw = decode(data).text;
    let n = normalize(&raw, 0);
    let mut ctx = Context::default();
    ctx.date = data.len().is_multiple_of(2).then(|| "2017-06-20".to_owned());
    let x = pipeline.extractors();
    let g = x.gazetteer();
    for t in [n.text.as_str(), raw.as_str()] {
        let found = x.extract_str(t, &ctx);
        check::extraction(t, &found);
        let surface = x.surface().find(t);
        let mut orgs = organisations::from_surface(g, &surface);
        let mut by_pattern = organisations::by_pattern(t, |_, _| false);
        by_pattern.iter_mut().for_each(|m| x.fuzzy().link(m));
        orgs.extend(by_pattern);
        check::mentions_in(t, &orgs);
        orgs.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        check::mentions_in(t, &acronyms::find(g, t, &orgs, &surface));
        check::mentions_in(t, &states::from_surface(g, t, &surface));
        check::mentions_in(t, &places::from_surface(g, &surface));
        check::mentions_in(t, &places::by_pattern(g, t, |_, _| false));
        check::mentions_in(t, &persons::find(g, t, &surface));
        check::mentions_in(t, &resolutions::find(g, t, &ctx));
        check::mentions_in(t, &documents::find(t));
        check::mentions_in(t, &dates::find(t, &ctx));
        for e in events::find(g, t, &found.mentions) {
            assert!(e.end <= t.len() && e.place < found.mentions.len(), "event {e:?} outside");
        }
    }
}

/// The whole way from bytes to quads, as `unkg build` goes it, twice (the
/// same quads both times) and once more with small windows, so that short
/// inputs are cut too; every window's extraction and the quotes are checked
/// each time. Input the pipeline refuses must be refused with its path.
pub fn speech_to_quads(pipeline: &Pipeline<'_>, data: &[u8]) {
    let Some(first) = quads_of(pipeline, data) else { return };
    check::quotes(&decode(data).text, &first);
    assert!(Some(&first) == quads_of(pipeline, data).as_ref(), "the same input gave other quads");
    let windowed = quads_of(&pipeline.with_window(512), data).expect("read once, read again");
    check::quotes(&decode(data).text, &windowed);
}

/// The quads the pipeline writes of `data`, every window checked; `None`
/// when it refuses the input (with an error that names the file).
fn quads_of(pipeline: &Pipeline<'_>, data: &[u8]) -> Option<Vec<Quad>> {
    let path = path_for(data);
    let mut quads = Vec::new();
    let written = pipeline.run(&path, data, meta_for(data), "fingerprint", |part| {
        if let Part::Window { range, text, found, .. } = &part {
            check::extraction(&text.text, found);
            check::in_window(found, range);
        }
        quads.append(&mut part.into_quads());
        Ok(())
    });
    match written {
        Ok(_) => Some(quads),
        Err(e) => {
            assert!(e.to_string().contains(&*path.to_string_lossy()), "an error that names no file: {e}");
            None
        }
    }
}
