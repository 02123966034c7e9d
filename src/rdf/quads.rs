//! A small writer of quads into one named graph.

use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

/// Collects quads for one named graph.
pub struct QuadSink {
    graph: GraphName,
    /// The quads written so far.
    pub quads: Vec<Quad>,
}

impl QuadSink {
    /// A sink writing into `graph`.
    pub fn new(graph: NamedNode) -> Self {
        QuadSink { graph: graph.into(), quads: Vec::new() }
    }

    /// Adds `subject predicate object`. Predicates are the vocabulary's
    /// constants ([`super::vocab`]).
    pub fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.quads.push(Quad::new(subject.clone(), predicate, object, self.graph.clone()));
    }

    /// Adds a plain string literal.
    pub fn text(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, value: &str) {
        self.add(subject, predicate, Literal::new_simple_literal(value));
    }

    /// Adds a typed literal.
    pub fn typed(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, value: &str, datatype: NamedNodeRef<'_>) {
        self.add(subject, predicate, Literal::new_typed_literal(value, datatype));
    }

    /// Adds an `xsd:integer`.
    pub fn integer(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, value: i64) {
        self.add(subject, predicate, Literal::from(value));
    }
}

/// The triple of `quad` as one line of N-Triples, as a speech's
/// `unkg:corpusShare` lists it: the same quad always gives the same line,
/// so that the store compares what a speech shares with what the corpus
/// graph holds line for line.
pub fn share_line(quad: &Quad) -> String {
    format!("{} {} {} .", quad.subject, quad.predicate, quad.object)
}
