//! The Security Council's decisions as quads of the reference graph: each
//! resolution's adoption, tallies, draft, agenda item, sponsors and member
//! votes ([`resolutions`]); each vetoed draft with its meeting, date,
//! agenda item and vetoing states ([`vetoes`]); each presidential statement
//! with its meeting ([`statements`]). Votes are nodes of their own
//! (`vote/2334/USA`), linking decision, state and position, as parliamentary
//! linked data does it.

mod resolutions;
mod statements;
mod vetoes;

use super::iri;
use super::quads::QuadSink;
use super::vocab::{class, council, dcterms, prop, rdf, rdfs, schema, skos, xsd, ID};
use crate::decisions;
use crate::reference::Reference;
use oxrdf::{NamedNode, NamedNodeRef, Quad};
use std::collections::HashSet;

/// Every quad the decision tables of `reference` give, in a fixed order,
/// for the reference graph.
pub fn decision_quads(reference: &Reference) -> Vec<Quad> {
    let mut w = Writer { reference, out: QuadSink::new(iri::reference_graph()), documents: HashSet::new() };
    resolutions::write(&mut w);
    vetoes::write(&mut w);
    statements::write(&mut w);
    w.out.quads
}

/// A member's vote on a decision: `.../vote/2334/USA`, `.../vote/S-2022-155/RUS`.
fn vote_node(decision: &str, alpha3: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}vote/{}/{}", iri::segment(decision), iri::segment(alpha3)))
}

/// The individual standing for `position`.
fn position_node(position: decisions::Position) -> NamedNodeRef<'static> {
    use decisions::Position::*;
    match position {
        InFavour => council::IN_FAVOUR,
        Against => council::AGAINST,
        Abstention => council::ABSTENTION,
        Absent => council::ABSENT,
    }
}

/// Collects the quads, describing each document once however many tables
/// name it.
struct Writer<'r> {
    /// The tables, and the directory their member names link through.
    reference: &'r Reference,
    out: QuadSink,
    documents: HashSet<String>,
}

impl Writer<'_> {
    /// Types and labels a document (`specific` is its specific class) and,
    /// where it has a symbol, its symbol and address. False when it was
    /// described already.
    fn document(&mut self, node: &NamedNode, specific: NamedNodeRef<'_>, label: &str, symbol: &str) -> bool {
        if !self.documents.insert(node.as_str().to_owned()) {
            return false;
        }
        // Typed Document as well: the store does no inference, and queries
        // and views find documents by that class.
        self.out.add(node, rdf::TYPE, class::DOCUMENT);
        self.out.add(node, rdf::TYPE, specific);
        self.out.text(node, rdfs::LABEL, label);
        self.out.text(node, skos::PREF_LABEL, label);
        if !symbol.is_empty() {
            self.out.text(node, prop::SYMBOL, symbol);
            self.out.add(node, schema::URL, iri::undocs(symbol));
        }
        true
    }

    /// An ISO date as `dcterms:date`.
    fn date(&mut self, node: &NamedNode, date: &str) {
        if !date.is_empty() {
            self.out.typed(node, dcterms::DATE, date, xsd::DATE);
        }
    }

    /// One member's vote: `decision_key` names the decision in the vote's
    /// IRI, `decision_label` in its label.
    fn vote(&mut self, decision: &NamedNode, decision_key: &str, decision_label: &str, alpha3: &str, position: decisions::Position) {
        let node = vote_node(decision_key, alpha3);
        self.out.add(&node, rdf::TYPE, council::VOTE);
        self.out.text(&node, rdfs::LABEL, &format!("{alpha3}: {} on {decision_label}", position.label()));
        self.out.add(&node, council::ON_DECISION, decision.clone());
        self.out.add(&node, council::VOTER, iri::state(alpha3));
        self.out.add(&node, council::POSITION, position_node(position));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{Literal, Term};

    fn objects<'a>(quads: &'a [Quad], s: &str, p: &str) -> Vec<&'a Term> {
        quads.iter().filter(|q| q.subject.to_string() == format!("<{s}>") && q.predicate.as_str() == p).map(|q| &q.object).collect()
    }

    #[test]
    fn resolution_2334_has_its_tally_and_fifteen_votes() {
        let quads = decision_quads(Reference::for_tests());
        let res = format!("{ID}resolution/2334");
        let int = |n: i64| Term::from(Literal::from(n));
        assert_eq!(objects(&quads, &res, council::VOTES_IN_FAVOUR.as_str()), [&int(14)]);
        assert_eq!(objects(&quads, &res, council::ABSTENTIONS.as_str()), [&int(1)]);
        let usa = format!("{ID}vote/2334/USA");
        let position = objects(&quads, &usa, council::POSITION.as_str());
        assert_eq!(position, [&Term::from(council::ABSTENTION)]);
        let votes = quads.iter().filter(|q| q.subject.to_string().starts_with(&format!("<{ID}vote/2334/")) && q.predicate == council::VOTER).count();
        assert_eq!(votes, 15);
    }

    #[test]
    fn no_vote_has_two_positions_and_no_document_two_descriptions() {
        let quads = decision_quads(Reference::for_tests());
        let mut seen = HashSet::new();
        for q in &quads {
            if q.predicate == council::POSITION || q.predicate == skos::PREF_LABEL {
                assert!(seen.insert((q.subject.to_string(), q.predicate.as_str().to_owned())), "{q}");
            }
        }
        let unique: HashSet<&Quad> = quads.iter().collect();
        assert_eq!(unique.len(), quads.len(), "a quad written twice");
    }

    #[test]
    fn speeches_citing_a_draft_or_statement_find_the_reference_node() {
        let document_names = |key| crate::rdf::reference::reference_names(Reference::for_tests(), crate::extract::EntityKind::Document, key);
        assert_eq!(document_names("S/PRST/2020/1"), Some(vec!["S/PRST/2020/1"]));
        assert_eq!(document_names("S/2016/1100"), Some(vec!["S/2016/1100"]));
        assert_eq!(document_names("S/2017/467"), None);
    }
}
