//! What a named graph holds, counted once when it is written and kept in
//! the graph itself (`unkg:graphSummary`), so that `unkg stats` and the
//! VoID description add up stored counts instead of reading every quad.
//!
//! A summary is written in the same part as the graph's fingerprint (the
//! last part of a speech, which marks it whole): a graph is in the store
//! with its summary or is not whole, and the next build writes it again.
//! Counts that add up across graphs (quads, mentions, quads per property,
//! typed subjects per class) are numbers; counts of distinct things that
//! several speeches share (meetings, speakers, states, entities mentioned)
//! are the sets themselves, whose union the reader takes.

use super::vocab::{class, owl, prop, rdf, schema, ID, PREFIXES, WIKIDATA_ENTITY};
use oxrdf::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{Hash, Hasher};

/// The counts of one named graph (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GraphSummary {
    /// Distinct quads in the graph, its summary's own included.
    pub quads: u64,
    /// Quads whose predicate is `unkg:extractor`: one per mention.
    pub mentions: u64,
    /// Objects of `unkg:meeting`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub meetings: BTreeSet<String>,
    /// Objects of `unkg:speaker`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub speakers: BTreeSet<String>,
    /// What a speech of the graph speaks for or mentions: among these, the
    /// states are the states a store's statistics count.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub spoken_of: BTreeSet<String>,
    /// Objects of `schema:mentions`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub mentioned: BTreeSet<String>,
    /// Quads per predicate.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, u64>,
    /// Distinct subjects typed with each class.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub classes: BTreeMap<String, u64>,
    /// Distinct typed subjects under unkg's own IRIs ([`ID`]).
    pub entities: u64,
    /// `owl:sameAs` links to Wikidata.
    pub wikidata_links: u64,
}

impl GraphSummary {
    /// The summary as the literal stored in its graph: JSON, IRIs shortened
    /// by unkg's prefixes.
    pub fn to_literal(&self) -> Literal {
        let short = GraphSummary {
            meetings: self.meetings.iter().map(|i| shorten(i)).collect(),
            speakers: self.speakers.iter().map(|i| shorten(i)).collect(),
            spoken_of: self.spoken_of.iter().map(|i| shorten(i)).collect(),
            mentioned: self.mentioned.iter().map(|i| shorten(i)).collect(),
            properties: self.properties.iter().map(|(i, n)| (shorten(i), *n)).collect(),
            classes: self.classes.iter().map(|(i, n)| (shorten(i), *n)).collect(),
            ..self.clone()
        };
        // Strings, numbers and sorted maps only, which JSON always writes.
        Literal::new_simple_literal(serde_json::to_string(&short).expect("a summary serialises"))
    }

    /// Adds `other`'s counts to this summary's and its sets to these: the
    /// summary of two graphs together, as far as the counts add up.
    pub fn merge(&mut self, other: GraphSummary) {
        self.quads += other.quads;
        self.mentions += other.mentions;
        self.entities += other.entities;
        self.wikidata_links += other.wikidata_links;
        self.meetings.extend(other.meetings);
        self.speakers.extend(other.speakers);
        self.spoken_of.extend(other.spoken_of);
        self.mentioned.extend(other.mentioned);
        for (p, n) in other.properties {
            *self.properties.entry(p).or_default() += n;
        }
        for (c, n) in other.classes {
            *self.classes.entry(c).or_default() += n;
        }
    }

    /// Reads a summary written by [`GraphSummary::to_literal`]; `None` if
    /// `text` is none.
    pub fn from_literal(text: &str) -> Option<GraphSummary> {
        Some(Self::from_literal_short(text)?.expanded())
    }

    /// [`GraphSummary::from_literal`] with its IRIs left shortened: summaries
    /// read to be merged are merged short ([`GraphSummary::merge`] is the
    /// same on either form) and expanded once ([`GraphSummary::expanded`]).
    pub fn from_literal_short(text: &str) -> Option<GraphSummary> {
        serde_json::from_str(text).ok()
    }

    /// A summary read with [`GraphSummary::from_literal_short`], its IRIs
    /// whole.
    pub fn expanded(self) -> GraphSummary {
        let short = self;
        GraphSummary {
            meetings: short.meetings.iter().map(|i| expand(i)).collect(),
            speakers: short.speakers.iter().map(|i| expand(i)).collect(),
            spoken_of: short.spoken_of.iter().map(|i| expand(i)).collect(),
            mentioned: short.mentioned.iter().map(|i| expand(i)).collect(),
            properties: short.properties.iter().map(|(i, n)| (expand(i), *n)).collect(),
            classes: short.classes.iter().map(|(i, n)| (expand(i), *n)).collect(),
            ..short
        }
    }
}

/// Counts the quads of one graph as they are written, each distinct quad
/// once (a long speech's windows may repeat a quad, which the store keeps
/// once).
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    summary: GraphSummary,
    /// Quads seen, by a 128-bit hash: a long speech's quads are never all
    /// held at once, so neither are they here.
    seen: HashSet<u128>,
    /// Subjects typed so far (by hash), and whether they are unkg's own.
    typed: HashSet<u128>,
    /// Subjects typed as speeches, and the candidates they speak of, until
    /// the end: the type may come after the link.
    speeches: BTreeSet<String>,
    links: BTreeSet<(String, String)>,
}

impl SummaryBuilder {
    /// Counts `quad`, unless counted already.
    pub fn add(&mut self, quad: &Quad) {
        if !self.seen.insert(hash128(quad)) {
            return;
        }
        let s = &mut self.summary;
        s.quads += 1;
        *s.properties.entry(quad.predicate.as_str().to_owned()).or_default() += 1;
        let object = match &quad.object {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        let subject = match &quad.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
            _ => None,
        };
        let p = quad.predicate.as_ref();
        if p == prop::EXTRACTOR {
            s.mentions += 1;
        } else if p == rdf::TYPE {
            if let Some(c) = object {
                *s.classes.entry(c.to_owned()).or_default() += 1;
                if c == class::SPEECH.as_str() {
                    self.speeches.extend(subject.map(str::to_owned));
                }
            }
            let key = hash128(&quad.subject);
            if self.typed.insert(key) && subject.is_some_and(|i| i.starts_with(ID)) {
                s.entities += 1;
            }
        }
        let Some(o) = object else { return };
        if p == prop::MEETING {
            s.meetings.insert(o.to_owned());
        } else if p == prop::SPEAKER {
            s.speakers.insert(o.to_owned());
        } else if p == owl::SAME_AS && o.starts_with(WIKIDATA_ENTITY) {
            s.wikidata_links += 1;
        }
        if p == schema::MENTIONS {
            s.mentioned.insert(o.to_owned());
        }
        if p == schema::MENTIONS || p == prop::SPEAKS_FOR {
            if let Some(subject) = subject {
                self.links.insert((subject.to_owned(), o.to_owned()));
            }
        }
    }

    /// The summary of what was added, counting the quad that will hold it.
    pub fn finish(self) -> GraphSummary {
        let mut summary = self.counted();
        summary.quads += 1;
        *summary.properties.entry(prop::GRAPH_SUMMARY.as_str().to_owned()).or_default() += 1;
        summary
    }

    /// The summary of what was added, and nothing else: for a graph read
    /// from the store, which has no summary of its own.
    pub fn counted(self) -> GraphSummary {
        let SummaryBuilder { mut summary, speeches, links, .. } = self;
        summary.spoken_of = links.into_iter().filter(|(s, _)| speeches.contains(s)).map(|(_, o)| o).collect();
        summary
    }

    /// [`SummaryBuilder::finish`], as the quad `subject unkg:graphSummary
    /// "..."` in `graph`.
    pub fn finish_quad(self, subject: &NamedNode, graph: &NamedNode) -> Quad {
        Quad::new(subject.clone(), prop::GRAPH_SUMMARY, self.finish().to_literal(), GraphName::NamedNode(graph.clone()))
    }
}

/// A hash of `value` wide enough that two distinct quads of one graph never
/// meet by chance; fixed keys, so the same in every process.
fn hash128(value: &impl Hash) -> u128 {
    let mut low = std::hash::DefaultHasher::new();
    value.hash(&mut low);
    let mut high = std::hash::DefaultHasher::new();
    1u8.hash(&mut high);
    value.hash(&mut high);
    (u128::from(high.finish()) << 64) | u128::from(low.finish())
}

/// `unkg:meeting` for `https://w3id.org/unkg/ontology#meeting`; an IRI
/// under no prefix stays whole, in angle brackets.
fn shorten(iri: &str) -> String {
    let ns = std::iter::once(("id", ID)).chain(PREFIXES.iter().copied());
    // The longest namespace that fits: unkg's ids sit under a longer IRI than some prefixes.
    match ns.filter(|(_, ns)| iri.starts_with(ns)).max_by_key(|(_, ns)| ns.len()) {
        Some((prefix, ns)) => format!("{prefix}:{}", &iri[ns.len()..]),
        None => format!("<{iri}>"),
    }
}

/// The IRI [`shorten`] shortened.
fn expand(short: &str) -> String {
    if let Some(iri) = short.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        return iri.to_owned();
    }
    let (prefix, rest) = short.split_once(':').unwrap_or(("", short));
    let ns = std::iter::once(("id", ID)).chain(PREFIXES.iter().copied()).find(|(p, _)| *p == prefix);
    ns.map_or_else(|| short.to_owned(), |(_, ns)| format!("{ns}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::vocab::class;

    fn quad(s: &str, p: oxrdf::NamedNodeRef<'_>, o: impl Into<Term>) -> Quad {
        Quad::new(NamedNode::new_unchecked(s), p, o, GraphName::NamedNode(NamedNode::new_unchecked("urn:unkg-test:g")))
    }

    #[test]
    fn repeated_quads_count_once_and_the_literal_reads_back() {
        let speech = format!("{ID}speech/x");
        let state = format!("{ID}state/FRA");
        let mut b = SummaryBuilder::default();
        let mentions = quad(&speech, schema::MENTIONS, NamedNode::new_unchecked(&state));
        b.add(&mentions);
        b.add(&mentions);
        b.add(&quad(&speech, rdf::TYPE, class::SPEECH.into_owned()));
        b.add(&quad("urn:unkg-test:y", schema::MENTIONS, NamedNode::new_unchecked("urn:unkg-test:z")));
        let s = b.finish();
        assert_eq!(s.quads, 4);
        assert_eq!(s.entities, 1);
        assert_eq!(s.spoken_of.iter().collect::<Vec<_>>(), [&state], "only what a speech mentions");
        assert_eq!(s.mentioned.len(), 2);
        let literal = s.to_literal();
        assert!(literal.value().contains("\"id:state/FRA\""), "{}", literal.value());
        assert!(literal.value().contains("<urn:unkg-test:z>"), "{}", literal.value());
        assert_eq!(GraphSummary::from_literal(literal.value()), Some(s));
    }
}
