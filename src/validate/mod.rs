//! `unkg validate`: checks a store against SHACL shapes (by default
//! `ontology/shapes.ttl`). A SHACL Core subset: targets (`sh:targetClass`
//! with subclasses, `sh:targetSubjectsOf`, `sh:targetObjectsOf`,
//! `sh:targetNode`), property shapes with predicate and inverse paths, and
//! `sh:minCount`, `sh:maxCount`, `sh:datatype`, `sh:class`, `sh:nodeKind`,
//! `sh:pattern` and `sh:hasValue`, each evaluated as one SPARQL query.
//! Shapes using anything else are refused rather than half checked.

mod check;
pub mod shapes;

pub use shapes::ShapeError;

use crate::error::Result;
use crate::store::KgStore;
use serde::Serialize;

/// The shapes shipped with unkg.
pub const SHAPES_TTL: &str = include_str!("../../ontology/shapes.ttl");

/// One result of validation: a focus node that breaks a constraint.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The node shape (or property shape's node shape) that was broken.
    pub shape: String,
    /// The node that breaks it.
    pub focus: String,
    /// The property path, for property shapes.
    pub path: Option<String>,
    /// The offending value, in N-Triples syntax, where there is one.
    pub value: Option<String>,
    /// The SHACL constraint component (`sh:MinCountConstraintComponent` ...).
    pub component: String,
    /// What is wrong, in words.
    pub message: String,
}

/// The outcome of validating a store.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Whether there is no violation.
    pub conforms: bool,
    /// Node shapes checked.
    pub shapes: usize,
    /// Constraints checked (each on all of its shape's focus nodes).
    pub constraints: usize,
    /// Every violation, sorted.
    pub violations: Vec<Violation>,
}

/// Validates `store` against the shapes in the Turtle text `shapes_ttl`
/// (read from `origin`, for messages).
pub fn validate(store: &KgStore, shapes_ttl: &str, origin: &str) -> Result<Report> {
    let shapes = shapes::parse(shapes_ttl, origin)?;
    let mut violations = Vec::new();
    let mut constraints = 0;
    for shape in &shapes {
        let Some(focus) = check::focus_pattern(&shape.targets) else { continue };
        for c in &shape.constraints {
            constraints += 1;
            violations.extend(check::run(store, &shape.id, &focus, None, c)?);
        }
        for p in &shape.properties {
            for c in &p.constraints {
                constraints += 1;
                violations.extend(check::run(store, &shape.id, &focus, Some(&p.path), c)?);
            }
        }
    }
    violations.sort();
    violations.dedup();
    Ok(Report { conforms: violations.is_empty(), shapes: shapes.len(), constraints, violations })
}

impl Report {
    /// The report as a SHACL validation report in Turtle.
    pub fn to_turtle(&self) -> String {
        use std::fmt::Write;
        let lit = |s: &str| oxigraph::model::Literal::new_simple_literal(s).to_string();
        let mut out = format!("@prefix sh: <{}> .\n\n[] a sh:ValidationReport ;\n", crate::rdf::vocab::SH);
        let _ = writeln!(out, "  sh:conforms {}{}", self.conforms, if self.violations.is_empty() { " ." } else { " ;" });
        for (i, v) in self.violations.iter().enumerate() {
            let _ = write!(out, "  sh:result [ a sh:ValidationResult ; sh:resultSeverity sh:Violation ;\n    sh:focusNode <{}> ;", v.focus);
            if let Some(p) = &v.path {
                match p.strip_prefix('^') {
                    Some(inv) => { let _ = write!(out, " sh:resultPath [ sh:inversePath <{inv}> ] ;"); }
                    None => { let _ = write!(out, " sh:resultPath <{p}> ;"); }
                }
            }
            if let Some(value) = &v.value {
                let _ = write!(out, " sh:value {value} ;");
            }
            let shape = if v.shape.starts_with("_:") { v.shape.clone() } else { format!("<{}>", v.shape) };
            let _ = write!(
                out,
                "\n    sh:sourceShape {shape} ; sh:sourceConstraintComponent <{}> ;\n    sh:resultMessage {} ]{}\n",
                v.component,
                lit(&v.message),
                if i + 1 == self.violations.len() { " ." } else { " ;" }
            );
        }
        out
    }
}
