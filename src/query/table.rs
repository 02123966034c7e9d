//! Solutions as an aligned text table, for people at a terminal.

use crate::rdf::vocab::{ID, PREFIXES};
use oxigraph::model::Term;
use oxigraph::sparql::{QuerySolution, Variable};
use std::io::{self, Write};

/// Widest a cell may be before it is cut, so a speech's text does not
/// swamp the screen.
const MAX_WIDTH: usize = 60;

/// Writes `rows` under a header of `variables`.
pub fn write(out: &mut dyn Write, variables: &[Variable], rows: &[QuerySolution]) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| variables.iter().map(|v| row.get(v).map(show).unwrap_or_default()).collect())
        .collect();
    let mut widths: Vec<usize> = variables.iter().map(|v| v.as_str().chars().count()).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> io::Result<()> {
        let padded: Vec<String> = row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        writeln!(out, "{}", padded.join(" | ").trim_end())
    };
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    line(out, &header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

/// A term as a person reads it: IRIs shortened with the usual prefixes,
/// literals as their value, long text cut.
fn show(term: &Term) -> String {
    let text = match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            PREFIXES
                .iter()
                .chain(&[("id", ID)])
                .filter(|(_, ns)| iri.starts_with(ns))
                .max_by_key(|(_, ns)| ns.len())
                .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
                .unwrap_or_else(|| iri.to_owned())
        }
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    };
    let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if flat.chars().count() > MAX_WIDTH {
        let cut: String = flat.chars().take(MAX_WIDTH - 1).collect();
        format!("{cut}…")
    } else {
        flat
    }
}
