//! A small writer of quads into one named graph.

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

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

    /// Adds `subject predicate object`.
    pub fn add(&mut self, subject: &NamedNode, predicate: &NamedNode, object: impl Into<Term>) {
        self.quads.push(Quad::new(subject.clone(), predicate.clone(), object, self.graph.clone()));
    }

    /// Adds a plain string literal.
    pub fn text(&mut self, subject: &NamedNode, predicate: &NamedNode, value: &str) {
        self.add(subject, predicate, Literal::new_simple_literal(value));
    }

    /// Adds a typed literal.
    pub fn typed(&mut self, subject: &NamedNode, predicate: &NamedNode, value: &str, datatype: &NamedNode) {
        self.add(subject, predicate, Literal::new_typed_literal(value, datatype.clone()));
    }

    /// Adds an `xsd:integer`.
    pub fn integer(&mut self, subject: &NamedNode, predicate: &NamedNode, value: i64) {
        self.add(subject, predicate, Literal::from(value));
    }
}
