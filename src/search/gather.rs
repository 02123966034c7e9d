//! Reading what the index holds out of the store, one predicate at a time
//! (a scan of the predicate index is far faster than a SPARQL join over
//! thousands of named graphs; the joins happen here in memory), and the
//! mentions counted by the store itself.

use super::{ActRow, Entry, IndexData, SpeechRow};
use crate::error::Result;
use crate::rdf::vocab::{class, dcterms, foaf, itsrdf, prop, rdf, rdfs, schema, skos};
use crate::store::KgStore;
use oxigraph::model::{NamedNodeRef, Term};
use std::collections::HashMap;

/// The classes indexed, most specific first: a node typed both Delegate
/// and Person is listed as a Delegate.
/// Each with the name pages and facets show (the class's local name).
pub const KINDS: &[(NamedNodeRef<'static>, &str)] = &[
    (class::SPEECH, class::local::SPEECH),
    (class::MEETING, class::local::MEETING),
    (class::STATE, class::local::STATE),
    (class::ORGANISATION, class::local::ORGANISATION),
    (class::RESOLUTION, class::local::RESOLUTION),
    (class::DOCUMENT, class::local::DOCUMENT),
    (class::PLACE, class::local::PLACE),
    (class::DELEGATE, class::local::DELEGATE),
    (class::PERSON, class::local::PERSON),
];

/// Every (subject IRI, object) pair of `predicate` across all graphs.
fn pairs(store: &KgStore, predicate: NamedNodeRef<'_>, mut each: impl FnMut(&str, &Term)) -> Result<()> {
    for q in store.quads(None, Some(predicate), None, None) {
        let q = q?;
        if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject {
            each(s.as_str(), &q.object);
        }
    }
    Ok(())
}

fn literal(t: &Term) -> Option<(&str, Option<&str>)> {
    match t {
        Term::Literal(l) => Some((l.value(), l.language())),
        _ => None,
    }
}

fn iri(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

/// Reads every indexed resource of `store` with its labels, counts and,
/// for speeches, the year, meeting and state spoken for.
pub fn gather(store: &KgStore) -> Result<IndexData> {
    // Rank of each kind: the lowest (most specific) wins.
    let rank: HashMap<&str, usize> = KINDS.iter().enumerate().map(|(i, (k, _))| (k.as_str(), i)).collect();
    let mut kind_of: HashMap<String, usize> = HashMap::new();
    pairs(store, rdf::TYPE, |s, o| {
        if let Some(&r) = iri(o).and_then(|o| rank.get(o)) {
            let k = kind_of.entry(s.to_owned()).or_insert(r);
            *k = (*k).min(r);
        }
    })?;
    let mut subjects: Vec<(&String, &usize)> = kind_of.iter().collect();
    subjects.sort();
    let mut entries: Vec<Entry> = subjects
        .iter()
        .map(|(s, &k)| Entry { iri: (*s).clone(), label: String::new(), kind: KINDS[k].1.to_owned(), ..Entry::default() })
        .collect();
    let at: HashMap<String, u32> = entries.iter().enumerate().map(|(i, e)| (e.iri.clone(), i as u32)).collect();

    // Labels: the first preferred form is the label, every other an alias.
    // English or untagged labels win over other languages.
    let label_props = [skos::PREF_LABEL, rdfs::LABEL, foaf::NAME];
    let mut best: Vec<(usize, String)> = vec![(usize::MAX, String::new()); entries.len()];
    for (rank, p) in label_props.into_iter().enumerate() {
        pairs(store, p, |s, o| {
            let (Some(&i), Some((value, lang))) = (at.get(s), literal(o)) else { return };
            let r = rank * 2 + usize::from(!matches!(lang, None | Some("en")));
            let e = &mut entries[i as usize];
            let b = &mut best[i as usize];
            if r < b.0 || (r == b.0 && value < b.1.as_str()) {
                b.0 = r;
                b.1 = value.to_owned();
            }
            e.aliases.push(value.to_owned());
        })?;
    }
    for p in [skos::ALT_LABEL, prop::NAME_AS_PRINTED, prop::ALPHA3, prop::SYMBOL] {
        pairs(store, p, |s, o| {
            if let (Some(&i), Some((value, _))) = (at.get(s), literal(o)) {
                entries[i as usize].aliases.push(value.to_owned());
            }
        })?;
    }
    for (e, (_, label)) in entries.iter_mut().zip(best) {
        e.label = if label.is_empty() { e.iri.rsplit('/').next().unwrap_or(&e.iri).to_owned() } else { label };
        let label = e.label.clone();
        e.aliases.retain(|a| *a != label);
        e.aliases.sort();
        e.aliases.dedup();
    }

    // Speeches: year, meeting, state spoken for, position in the meeting.
    let mut speeches: Vec<SpeechRow> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == class::local::SPEECH)
        .map(|(i, _)| SpeechRow { entry: i as u32, ..SpeechRow::default() })
        .collect();
    let speech_at: HashMap<u32, u32> = speeches.iter().enumerate().map(|(i, s)| (s.entry, i as u32)).collect();
    let row = |s: &str| at.get(s).and_then(|e| speech_at.get(e)).map(|&r| r as usize);
    let mut dates: HashMap<u32, String> = HashMap::new();
    pairs(store, dcterms::DATE, |s, o| {
        if let (Some(&i), Some((value, _))) = (at.get(s), literal(o)) {
            dates.insert(i, value.to_owned());
        }
    })?;
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
    pairs(store, prop::MEETING, |s, o| {
        if let (Some(r), Some(&m)) = (row(s), iri(o).and_then(|o| at.get(o))) {
            speeches[r].meeting = Some(m);
        }
    })?;
    pairs(store, prop::SPEAKS_FOR, |s, o| {
        if let (Some(r), Some(&m)) = (row(s), iri(o).and_then(|o| at.get(o))) {
            speeches[r].state = Some(m);
        }
    })?;
    pairs(store, prop::POSITION, |s, o| {
        if let (Some(r), Some((value, _))) = (row(s), literal(o)) {
            speeches[r].position = value.parse().unwrap_or(0);
        }
    })?;
    for s in &mut speeches {
        let own = dates.get(&s.entry);
        let meeting = s.meeting.and_then(|m| dates.get(&m));
        s.year = own.or(meeting).and_then(|d| year(d));
    }

    // Mentions, counted by the store per speech graph and entity: it groups
    // on its own term ids, so the million mention IRIs are never decoded
    // (reading them quad by quad took most of the index's time). Every
    // mention is in its speech's graph.
    let graph_row: HashMap<String, usize> = speeches
        .iter()
        .enumerate()
        .filter_map(|(r, s)| Some((crate::rdf::iri::graph_of_speech(&entries[s.entry as usize].iri)?, r)))
        .collect();
    let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
    let origin = "<search index>";
    let query = format!("SELECT ?g ?e (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?m {} ?e }} }} GROUP BY ?g ?e", itsrdf::TA_IDENT_REF);
    for solution in store.select(crate::query::prepare(&query, origin)?, origin)? {
        let solution = solution?;
        let (Some(Term::NamedNode(g)), Some(e), Some((n, _))) = (solution.get("g"), solution.get("e"), solution.get("n").and_then(literal)) else {
            continue;
        };
        if let (Some(&r), Some(&e)) = (graph_row.get(g.as_str()), iri(e).and_then(|e| at.get(e))) {
            *counts.entry((e, r as u32)).or_insert(0) += n.parse::<u32>().unwrap_or(0);
        }
    }
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); entries.len()];
    for ((e, r), n) in counts {
        postings[e as usize].push((r, n));
        speeches[r as usize].entities.push(e);
    }
    for (e, list) in entries.iter_mut().zip(postings.iter_mut()) {
        list.sort_unstable();
        e.speeches = list.len() as u64;
        e.mentions = list.iter().map(|(_, n)| u64::from(*n)).sum();
    }
    for s in &mut speeches {
        s.entities.sort_unstable();
        if let Some(m) = s.meeting {
            entries[m as usize].speeches += 1;
        }
    }
    for s in &speeches {
        entries[s.entry as usize].speeches = 1;
    }
    let speech_row = |s: &str| at.get(s).and_then(|e| speech_at.get(e)).copied();
    let (act_kinds, acts) = acts(store, &at, speech_row, entries.len())?;
    Ok(IndexData { entries, speeches, postings, act_kinds, acts, stamp: String::new() })
}

/// The speech acts directed at each entry: the kinds, sorted, and per entry
/// its acts (kind, speech row, agent). Four scans of a predicate each,
/// joined here on the act's IRI, as the rest of the index is.
fn acts(
    store: &KgStore,
    at: &HashMap<String, u32>,
    speech_row: impl Fn(&str) -> Option<u32>,
    entries: usize,
) -> Result<(Vec<String>, Vec<Vec<ActRow>>)> {
    #[derive(Default)]
    struct Act {
        kind: Option<String>,
        speech: Option<u32>,
        agent: Option<u32>,
        targets: Vec<u32>,
    }
    let mut by_iri: HashMap<String, Act> = HashMap::new();
    pairs(store, prop::ACT_KIND, |s, o| {
        if let Some((kind, _)) = literal(o) {
            by_iri.entry(s.to_owned()).or_default().kind = Some(kind.to_owned());
        }
    })?;
    if by_iri.is_empty() {
        return Ok((Vec::new(), vec![Vec::new(); entries]));
    }
    // schema:agent and schema:object are not only acts' (reference data may
    // use them): only subjects already known as acts are kept.
    pairs(store, prop::PERFORMS, |s, o| {
        if let (Some(row), Some(act)) = (speech_row(s), iri(o).and_then(|o| by_iri.get_mut(o))) {
            act.speech = Some(row);
        }
    })?;
    pairs(store, schema::AGENT, |s, o| {
        if let (Some(act), Some(&a)) = (by_iri.get_mut(s), iri(o).and_then(|o| at.get(o))) {
            act.agent = Some(a);
        }
    })?;
    pairs(store, schema::OBJECT, |s, o| {
        if let (Some(act), Some(&t)) = (by_iri.get_mut(s), iri(o).and_then(|o| at.get(o))) {
            act.targets.push(t);
        }
    })?;
    let mut kinds: Vec<String> = by_iri.values().filter_map(|a| a.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let number: HashMap<&str, u16> = kinds.iter().enumerate().map(|(i, k)| (k.as_str(), i as u16)).collect();
    let mut lists: Vec<Vec<ActRow>> = vec![Vec::new(); entries];
    for act in by_iri.values() {
        let (Some(kind), Some(speech)) = (act.kind.as_deref().and_then(|k| number.get(k)), act.speech) else { continue };
        for &t in &act.targets {
            lists[t as usize].push(ActRow { kind: *kind, speech, agent: act.agent });
        }
    }
    for list in &mut lists {
        list.sort_unstable_by_key(|a| (a.kind, a.speech, a.agent));
        list.dedup();
    }
    Ok((kinds, lists))
}

/// A digest of what the store holds: every speech graph's build
/// fingerprint and content hash, which change whenever a build changes
/// the store.
pub fn stamp(store: &KgStore) -> Result<String> {
    use sha2::{Digest, Sha256};
    let mut rows: Vec<(String, String)> = store.fingerprints()?.into_iter().collect();
    let mut hashes: Vec<String> = Vec::new();
    pairs(store, prop::CONTENT_HASH, |s, o| {
        if let Some((v, _)) = literal(o) {
            hashes.push(format!("{s} {v}"));
        }
    })?;
    rows.sort();
    hashes.sort();
    let mut h = Sha256::new();
    h.update(super::FORMAT.as_bytes());
    for (g, f) in rows {
        h.update(g.as_bytes());
        h.update([0]);
        h.update(f.as_bytes());
        h.update([0]);
    }
    for line in hashes {
        h.update(line.as_bytes());
        h.update([0]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
