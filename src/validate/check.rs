//! Each constraint as one SPARQL query that returns the violating focus
//! nodes (and values), over the union of the store's named graphs.

use super::shapes::{Constraint, Path, Target};
use crate::rdf::vocab::sh;
use super::Violation;
use crate::error::{Error, Result};
use crate::rdf::vocab::{rdf, rdfs};
use crate::store::KgStore;
use oxigraph::model::Term;
use std::sync::LazyLock;

/// The SPARQL path from an instance to each of its classes and their
/// superclasses: the store does no inference.
static SUBCLASS: LazyLock<String> = LazyLock::new(|| format!("{}/{}*", rdf::TYPE, rdfs::SUB_CLASS_OF));

/// A SPARQL group binding `?focus` to every target node.
pub(super) fn focus_pattern(targets: &[Target]) -> Option<String> {
    if targets.is_empty() {
        return None;
    }
    let groups: Vec<String> = targets
        .iter()
        .map(|t| match t {
            Target::Class(c) => format!("{{ ?focus {} {c} }}", *SUBCLASS),
            Target::SubjectsOf(p) => format!("{{ ?focus {p} ?_any }}"),
            Target::ObjectsOf(p) => format!("{{ ?_any {p} ?focus }}"),
            Target::Node(n) => format!("{{ VALUES ?focus {{ {n} }} }}"),
        })
        .collect();
    Some(format!("{{ SELECT DISTINCT ?focus WHERE {{ {} }} }}", groups.join(" UNION ")))
}

fn string_literal(s: &str) -> String {
    oxigraph::model::Literal::new_simple_literal(s).to_string()
}

/// A filter that holds when `?v` breaks the value constraint `c`, or None
/// for the counting constraints.
fn value_filter(c: &Constraint) -> Option<String> {
    Some(match c {
        Constraint::Datatype(d) => format!("FILTER(!isLiteral(?v) || DATATYPE(?v) != {d})"),
        Constraint::Class(c) => format!("FILTER NOT EXISTS {{ ?v {} {c} }}", *SUBCLASS),
        Constraint::NodeKind(k) => {
            let test = match k.as_ref() {
                sh::IRI => "isIRI(?v)",
                sh::LITERAL => "isLiteral(?v)",
                sh::BLANK_NODE => "isBlank(?v)",
                sh::BLANK_NODE_OR_IRI => "!isLiteral(?v)",
                sh::IRI_OR_LITERAL => "!isBlank(?v)",
                sh::BLANK_NODE_OR_LITERAL => "!isIRI(?v)",
                _ => "false",
            };
            format!("FILTER(!({test}))")
        }
        Constraint::Pattern(p, flags) => {
            format!("FILTER(isBlank(?v) || !REGEX(STR(?v), {}, {}))", string_literal(p), string_literal(flags))
        }
        Constraint::MinCount(_) | Constraint::MaxCount(_) | Constraint::HasValue(_) => return None,
    })
}

/// The query listing the violations of `c` on the values reached by `path`
/// (or on the focus node itself when there is no path).
pub(super) fn query(focus: &str, path: Option<&Path>, c: &Constraint) -> String {
    let values = match path {
        Some(p) => format!("?focus {} ?v .", p.sparql()),
        None => "BIND(?focus AS ?v)".to_owned(),
    };
    match c {
        Constraint::MinCount(n) | Constraint::MaxCount(n) => {
            let reach = match path {
                Some(p) => format!("OPTIONAL {{ ?focus {} ?v }}", p.sparql()),
                None => "BIND(?focus AS ?v)".to_owned(),
            };
            let cmp = if matches!(c, Constraint::MinCount(_)) { "<" } else { ">" };
            format!("SELECT ?focus WHERE {{ {focus} {reach} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) {cmp} {n})")
        }
        Constraint::HasValue(t) => match path {
            Some(p) => format!("SELECT ?focus WHERE {{ {focus} FILTER NOT EXISTS {{ ?focus {} {t} }} }}", p.sparql()),
            None => format!("SELECT ?focus WHERE {{ {focus} FILTER(?focus != {t}) }}"),
        },
        other => {
            let filter = value_filter(other).unwrap_or_default();
            format!("SELECT DISTINCT ?focus ?v WHERE {{ {focus} {values} {filter} }}")
        }
    }
}

/// Runs the query of `c` and turns its rows into violations.
pub(super) fn run(
    store: &KgStore,
    shape: &str,
    focus: &str,
    path: Option<&Path>,
    c: &Constraint,
) -> Result<Vec<Violation>> {
    let text = query(focus, path, c);
    let origin = format!("shape {shape}");
    // The query is generated: an error shows it.
    let with_text = |e: Error| match e {
        Error::Query(e) => Error::Query(e.with_text(&text)),
        other => other,
    };
    let rows = store.select(crate::query::prepare(&text, &origin)?, &origin).map_err(with_text)?;
    let mut out = Vec::new();
    for s in rows {
        let s = s.map_err(with_text)?;
        let term = |v: &str| s.get(v).map(Term::to_string);
        let Some(focus) = s.get("focus") else { continue };
        out.push(Violation {
            shape: shape.to_owned(),
            focus: match focus {
                Term::NamedNode(n) => n.as_str().to_owned(),
                other => other.to_string(),
            },
            path: path.map(Path::display),
            value: term("v"),
            component: c.component().as_str().to_owned(),
            message: message(path, c),
        });
    }
    Ok(out)
}

fn message(path: Option<&Path>, c: &Constraint) -> String {
    let on = path.map_or("the node".to_owned(), |p| format!("values of {}", p.display()));
    match c {
        Constraint::MinCount(n) => format!("fewer than {n} {on}"),
        Constraint::MaxCount(n) => format!("more than {n} {on}"),
        Constraint::Datatype(d) => format!("{on}: not a literal of datatype {}", d.as_str()),
        Constraint::Class(k) => format!("{on}: not an instance of {}", k.as_str()),
        Constraint::NodeKind(k) => format!("{on}: not of node kind {}", k.as_str()),
        Constraint::Pattern(p, _) => format!("{on}: does not match /{p}/"),
        Constraint::HasValue(t) => format!("{on}: lacks the value {t}"),
    }
}
