//! A text index over the store's entities, speeches and meetings, for the
//! portal's search: every label and alias, accent-folded with
//! [`crate::names::slug`], found by prefix and ranked by how often the
//! entity is mentioned.
//!
//! oxigraph has no text index, so this one is built from the store
//! ([`gather`]), kept beside it in `STORE/unkg-search/` ([`disk`]) and
//! stamped with the store's state, so that a build that changes the store
//! makes the next start rebuild it. Besides the search keys it holds what
//! the portal's pages count over (mentions per speech and entity, each
//! speech's year, meeting and state), so that no page has to run an
//! unbounded query.

mod disk;
pub mod gather;

use crate::error::Result;
use crate::store::KgStore;
use fst::{Automaton, IntoStreamer, Streamer};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Version of the index's layout: a different one is rebuilt.
pub const FORMAT: &str = "unkg-search-2";

/// Words of a label after which suffixes are no longer indexed: a long
/// speech title needs no key for its tenth word.
const MAX_WORD_KEYS: usize = 8;

/// One indexed resource.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Entry {
    /// The IRI as stored.
    pub iri: String,
    /// The preferred label.
    pub label: String,
    /// Its unkg class's local name (`State`, `Speech`, ...).
    pub kind: String,
    /// Other labels it goes by.
    pub aliases: Vec<String>,
    /// How many times speeches mention it.
    pub mentions: u64,
    /// How many speeches mention it (a meeting: how many were given at it).
    pub speeches: u64,
}

/// One speech, with what the portal counts by.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SpeechRow {
    /// The speech's entry.
    pub entry: u32,
    /// The year it was given.
    pub year: Option<i32>,
    /// The meeting's entry.
    pub meeting: Option<u32>,
    /// The entry of the state or organisation spoken for.
    pub state: Option<u32>,
    /// The speech's place in its meeting.
    pub position: i64,
    /// The entries it mentions, ascending.
    pub entities: Vec<u32>,
}

/// One speech act directed at an entry. Short field names: the index of
/// ungdc holds a few hundred thousand of them in `data.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActRow {
    /// Its kind, an index into [`IndexData::act_kinds`].
    #[serde(rename = "k")]
    pub kind: u16,
    /// The speech row that performs it.
    #[serde(rename = "s")]
    pub speech: u32,
    /// The entry of its agent (`schema:agent`: the state or organisation
    /// spoken for, else the speaker), when indexed.
    #[serde(rename = "a")]
    pub agent: Option<u32>,
}

/// What the index holds besides its search keys.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexData {
    /// Every indexed resource, in IRI order.
    pub entries: Vec<Entry>,
    /// Every speech.
    pub speeches: Vec<SpeechRow>,
    /// Per entry: (speech row, mentions in it), ascending by row.
    pub postings: Vec<Vec<(u32, u32)>>,
    /// The kinds of speech act the store has (`thank`, `condemn`, ...),
    /// sorted: what [`ActRow::kind`] numbers.
    pub act_kinds: Vec<String>,
    /// Per entry: the acts directed at it (`schema:object`), one per speech
    /// and kind, ascending by kind then speech row; what its page lists
    /// under "Acts directed at", without a query per visit.
    pub acts: Vec<Vec<ActRow>>,
    /// The store state the index was built from.
    pub stamp: String,
}

/// The index, ready to answer.
pub struct Index {
    /// The data.
    pub data: IndexData,
    keys: fst::Set<Vec<u8>>,
    by_iri: HashMap<String, u32>,
    speech_of_entry: HashMap<u32, u32>,
    /// Each entry's label, folded as the search keys are, so that ranking
    /// compares it with the query without folding it again.
    folded_labels: Vec<String>,
    /// Every entry, best ranked first: what an empty query lists.
    ranked: Vec<u32>,
    /// Per meeting entry: its speech rows, in order of speaking.
    pub meeting_speeches: HashMap<u32, Vec<u32>>,
}

/// One search answer.
#[derive(Debug, Clone)]
pub struct Hits {
    /// The best matches, at most the limit asked for.
    pub results: Vec<u32>,
    /// Every match, by kind (before the kind filter).
    pub facets: Vec<(String, usize)>,
    /// How many matched the kind filter.
    pub total: usize,
}

impl Index {
    /// The index of `store`: read from its folder when it is current, else
    /// built and, where the folder can be written, saved there.
    pub fn open_or_build(store: &KgStore) -> Result<Index> {
        let stamp = gather::stamp(store)?;
        let dir = store.path().join("unkg-search");
        if let Some(index) = disk::load(&dir, &stamp) {
            return Ok(index);
        }
        let mut data = gather::gather(store)?;
        data.stamp = stamp;
        let index = Index::new(data)?;
        if let Err(e) = disk::save(&dir, &index) {
            // A read-only store is served all the same, from memory.
            eprintln!("note: search index kept in memory: {e}");
        }
        Ok(index)
    }

    /// Builds the search keys over `data`.
    pub fn new(data: IndexData) -> Result<Index> {
        let keys = build_keys(&data.entries)?;
        Ok(Index::with_keys(data, keys))
    }

    fn with_keys(data: IndexData, keys: fst::Set<Vec<u8>>) -> Index {
        let by_iri = data.entries.iter().enumerate().map(|(i, e)| (e.iri.clone(), i as u32)).collect();
        let speech_of_entry = data.speeches.iter().enumerate().map(|(i, s)| (s.entry, i as u32)).collect();
        let mut meeting_speeches: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, s) in data.speeches.iter().enumerate() {
            if let Some(m) = s.meeting {
                meeting_speeches.entry(m).or_default().push(i as u32);
            }
        }
        for list in meeting_speeches.values_mut() {
            list.sort_by_key(|&r| (data.speeches[r as usize].position, data.entries[data.speeches[r as usize].entry as usize].iri.clone()));
        }
        let folded_labels = data.entries.iter().map(|e| crate::names::slug(&e.label)).collect();
        let mut ranked: Vec<u32> = (0..data.entries.len() as u32).collect();
        ranked.sort_by_key(|&i| rank(&data.entries[i as usize], i));
        Index { data, keys, by_iri, speech_of_entry, folded_labels, ranked, meeting_speeches }
    }

    /// The entry of `iri`, if indexed.
    pub fn entry_of(&self, iri: &str) -> Option<u32> {
        self.by_iri.get(iri).copied()
    }

    /// The entry at `i`.
    pub fn entry(&self, i: u32) -> &Entry {
        &self.data.entries[i as usize]
    }

    /// The speech row of the speech entry `i`.
    pub fn speech_row(&self, i: u32) -> Option<u32> {
        self.speech_of_entry.get(&i).copied()
    }

    /// The speech row `r`.
    pub fn speech(&self, r: u32) -> &SpeechRow {
        &self.data.speeches[r as usize]
    }

    /// The entries whose label or alias has a word starting with `query`
    /// (accent- and case-insensitive), of kind `kind` if given, most
    /// mentioned first; at most `limit`.
    pub fn search(&self, query: &str, kind: Option<&str>, limit: usize) -> Hits {
        let folded = crate::names::slug(query);
        let of_kind = |i: &u32| kind.is_none_or(|k| self.entry(*i).kind.eq_ignore_ascii_case(k));
        if folded.is_empty() {
            // Everything matches: the ranking is the one made at load.
            let facets = self.facets(&self.ranked);
            let total = self.ranked.iter().filter(|i| of_kind(i)).count();
            let results = self.ranked.iter().copied().filter(|i| of_kind(i)).take(limit).collect();
            return Hits { results, facets, total };
        }
        let mut matched = Vec::new();
        let automaton = fst::automaton::Str::new(&folded).starts_with();
        let mut stream = self.keys.search(automaton).into_stream();
        while let Some(key) = stream.next() {
            if let Some(i) = key_entry(key).filter(|&i| (i as usize) < self.data.entries.len()) {
                matched.push(i);
            }
        }
        matched.sort_unstable();
        matched.dedup();
        let facets = self.facets(&matched);
        matched.retain(of_kind);
        let total = matched.len();
        // An exact match of the whole label comes first among equals.
        let key = |i: &u32| {
            let (mentions, speeches, _) = rank(self.entry(*i), *i);
            (mentions, speeches, self.folded_labels[*i as usize] != folded, *i)
        };
        if matched.len() > limit {
            matched.select_nth_unstable_by_key(limit, key);
            matched.truncate(limit);
        }
        matched.sort_by_key(key);
        Hits { results: matched, facets, total }
    }

    /// How many of `entries` there are of each kind, most first.
    fn facets(&self, entries: &[u32]) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &i in entries {
            *counts.entry(self.entry(i).kind.as_str()).or_insert(0) += 1;
        }
        let mut facets: Vec<(String, usize)> = counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect();
        facets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        facets
    }
}

/// How an entry ranks among matches: most mentioned first, then in most
/// speeches, then in index order.
fn rank(e: &Entry, i: u32) -> (std::cmp::Reverse<u64>, std::cmp::Reverse<u64>, u32) {
    (std::cmp::Reverse(e.mentions), std::cmp::Reverse(e.speeches), i)
}

/// The entry a search key points at: its last four bytes.
fn key_entry(key: &[u8]) -> Option<u32> {
    let n = key.len().checked_sub(4)?;
    Some(u32::from_be_bytes(key[n..].try_into().ok()?))
}

/// One key per word start of every label and alias: the folded text from
/// that word on, a 0 byte, and the entry's number.
fn build_keys(entries: &[Entry]) -> Result<fst::Set<Vec<u8>>> {
    let mut keys: Vec<Vec<u8>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for form in std::iter::once(&e.label).chain(&e.aliases) {
            let folded = crate::names::slug(form);
            let starts = std::iter::once(0).chain(folded.match_indices('-').map(|(p, _)| p + 1));
            for start in starts.take(MAX_WORD_KEYS) {
                let mut key = folded.as_bytes()[start..].to_vec();
                key.push(0);
                key.extend((i as u32).to_be_bytes());
                keys.push(key);
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    Ok(fst::Set::from_iter(keys)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(iri: &str, label: &str, kind: &str, mentions: u64) -> Entry {
        Entry { iri: iri.into(), label: label.into(), kind: kind.into(), mentions, ..Entry::default() }
    }

    #[test]
    fn finds_by_prefix_without_accents_most_mentioned_first() {
        let mut civ = entry("x:civ", "Côte d'Ivoire", "State", 5);
        civ.aliases.push("Ivory Coast".into());
        let data = IndexData {
            entries: vec![civ, entry("x:cot", "Cotonou", "Place", 9), entry("x:kaz", "Kazakhstan", "State", 1)],
            ..IndexData::default()
        };
        let index = Index::new(data).unwrap();
        let hits = index.search("cote d'ivoire", None, 10);
        assert_eq!(hits.results, vec![0]);
        assert_eq!(index.search("COT", None, 10).results, vec![1, 0]);
        assert_eq!(index.search("ivory", None, 10).results, vec![0]);
        assert_eq!(index.search("coast", None, 10).results, vec![0]);
        assert_eq!(index.search("co", Some("state"), 10).results, vec![0]);
        assert_eq!(index.search("co", None, 1).results, vec![1]);
        assert_eq!(index.search("co", None, 1).total, 2);
        assert!(index.search("zzz", None, 10).results.is_empty());
        // No query: everything, ranked, with the facets of everything.
        let all = index.search("", None, 10);
        assert_eq!(all.results, vec![1, 0, 2]);
        assert_eq!(all.facets, vec![("State".to_owned(), 2), ("Place".to_owned(), 1)]);
        let states = index.search(" ", Some("State"), 1);
        assert_eq!((states.results, states.total), (vec![0], 2));
    }
}
