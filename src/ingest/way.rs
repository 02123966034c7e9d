//! How a build writes the store: graph by graph in place, or, when most of
//! it changes, as a new store built beside the old one and swapped in.
//!
//! Replacing a speech in place costs its removal (every quad read, decoded
//! and deleted from six indexes, each deletion a tombstone that compaction
//! must then clear) and its load; building aside costs a fresh load of
//! every speech, changed or not. Measured (2026-12-08, 2 cores): on
//! unsc-2020 with every speech changed, in place took 3.2 times a fresh
//! build, aside 1.0 to 1.1 times; in a store of six long speeches (31.5 MB,
//! 2.1 M quads), replacing one of 4 MB (12% of the quads) in place took
//! 0.35 times a fresh build of all six and one of 10 MB (29%) 1.18 times.
//! In place costs about three times a fresh load per quad replaced, so
//! building aside wins above about a quarter of the quads.

use super::Job;
use crate::error::Result;
use crate::rdf::iri;
use crate::store::KgStore;
use oxigraph::model::NamedNode;
use std::collections::BTreeSet;

/// The share of the speeches' quads to replace or remove above which a
/// build goes aside (see the module's documentation).
const ASIDE_ABOVE: f64 = 0.25;

/// How a build writes the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Way {
    /// Graph by graph in the store itself.
    InPlace,
    /// A new store beside it, swapped in when whole.
    Aside,
}

/// How to write `store` for `jobs`, the speeches of `gone` leaving it.
pub(super) fn choose(store: &KgStore, jobs: &[Job], gone: &[NamedNode]) -> Result<Way> {
    let changed: Vec<NamedNode> =
        jobs.iter().filter(|j| j.previous.is_some() && !j.unchanged).map(|j| iri::speech_graph(&j.id)).collect();
    if (changed.is_empty() && gone.is_empty()) || !store.can_build_aside() {
        return Ok(Way::InPlace);
    }
    let stored = store.speeches()?;
    if stored.is_empty() {
        return Ok(Way::InPlace);
    }
    // A store built from several folders in turns (`--keep-missing`) holds
    // speeches this build was not given: a new store would lose them.
    let given: BTreeSet<NamedNode> = jobs.iter().map(|j| iri::speech_graph(&j.id)).chain(gone.iter().cloned()).collect();
    if stored.keys().any(|g| !given.contains(g)) {
        return Ok(Way::InPlace);
    }
    let sizes = store.speech_sizes()?;
    // A graph written before summaries counts as the average of the others.
    let average = if sizes.is_empty() { 1 } else { sizes.values().sum::<u64>() / sizes.len() as u64 };
    let size = |graph: &NamedNode| sizes.get(graph).copied().unwrap_or(average);
    let total: u64 = stored.keys().map(size).sum();
    let replaced: u64 = changed.iter().chain(gone).map(size).sum();
    // A second store must fit beside the first; else in place, slower.
    Ok(if replaced as f64 > ASIDE_ABOVE * total as f64 && store.has_room_aside() { Way::Aside } else { Way::InPlace })
}
