//! The index in the store's folder: `stamp` (the store state it was built
//! from), `keys.fst` (the search keys) and `data.json` (entries and counts).
//! Files are written beside and renamed into place, the stamp last, so a
//! reader never takes a half-written index for a current one.

use super::{Index, IndexData};
use std::fs;
use std::io::Write;
use std::path::Path;

/// The index saved in `dir`, if it was built from the store state `stamp`.
pub(super) fn load(dir: &Path, stamp: &str) -> Option<Index> {
    let saved = fs::read_to_string(dir.join("stamp")).ok()?;
    if saved.trim() != stamp {
        return None;
    }
    let keys = fst::Set::new(fs::read(dir.join("keys.fst")).ok()?).ok()?;
    let data: IndexData = serde_json::from_slice(&fs::read(dir.join("data.json")).ok()?).ok()?;
    if data.stamp != stamp || !consistent(&data) {
        return None;
    }
    Some(Index::with_keys(data, keys))
}

/// Whether every number in `data` points at an entry or speech it holds,
/// so that a damaged file is rebuilt instead of read out of bounds.
fn consistent(data: &IndexData) -> bool {
    let (entries, speeches) = (data.entries.len(), data.speeches.len());
    let entry = |i: u32| (i as usize) < entries;
    data.postings.len() == entries
        && data.postings.iter().flatten().all(|&(r, _)| (r as usize) < speeches)
        && data.acts.len() == entries
        && data.acts.iter().flatten().all(|a| (a.kind as usize) < data.act_kinds.len() && (a.speech as usize) < speeches && a.agent.is_none_or(entry))
        && data.speeches.iter().all(|s| {
            entry(s.entry) && s.meeting.is_none_or(entry) && s.state.is_none_or(entry) && s.entities.iter().all(|&e| entry(e))
        })
}

/// Saves `index` in `dir`.
pub(super) fn save(dir: &Path, index: &Index) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let _ = fs::remove_file(dir.join("stamp"));
    write(dir, "keys.fst", index.keys.as_fst().as_bytes())?;
    let data = serde_json::to_vec(&index.data).map_err(std::io::Error::other)?;
    write(dir, "data.json", &data)?;
    write(dir, "stamp", index.data.stamp.as_bytes())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut f = fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    fs::rename(&tmp, dir.join(name))
}
