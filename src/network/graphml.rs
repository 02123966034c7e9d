//! Writing a network as GraphML: keys declared once with their types,
//! text escaped, characters XML forbids dropped, everything in a fixed order.

use crate::markup::escape;
use super::model::{Dates, Network, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Node attributes every view writes, in this order, before any other.
const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("type", "string"),
    ("speeches", "int"),
    ("first", "string"),
    ("last", "string"),
    ("start", "string"),
    ("end", "string"),
];

/// Edge attributes, in this order.
const EDGE_KEYS: &[(&str, &str)] =
    &[("label", "string"), ("weight", "double"), ("first", "string"), ("last", "string"), ("start", "string"), ("end", "string")];

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Int(_) => "int",
        Value::Double(_) => "double",
        Value::Bool(_) => "boolean",
        Value::Str(_) => "string",
    }
}

/// Writes `net` (canonical, with metrics) to `out`; `description` goes in
/// the graph's `description` data.
pub fn write(net: &Network, description: &str, out: &mut dyn Write) -> io::Result<()> {
    // One type per attribute name; a name seen with two types (which the
    // views avoid) is written as text rather than lying about numbers.
    let mut extra: BTreeMap<&str, &'static str> = BTreeMap::new();
    for n in net.graph.node_weights() {
        for (k, v) in &n.attrs {
            let t = type_name(v);
            let slot = extra.entry(k.as_str()).or_insert(t);
            if *slot != t {
                *slot = "string";
            }
        }
    }
    let reserved = |k: &str| NODE_KEYS.iter().any(|(n, _)| *n == k);
    extra.retain(|k, _| !reserved(k));

    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(out, r#"  <key id="g0" for="graph" attr.name="description" attr.type="string"/>"#)?;
    let mut node_ids: BTreeMap<&str, (String, &str)> = BTreeMap::new();
    for (i, (name, ty)) in NODE_KEYS.iter().copied().chain(extra.iter().map(|(k, t)| (*k, *t))).enumerate() {
        let id = format!("n{i}");
        writeln!(out, r#"  <key id="{id}" for="node" attr.name="{}" attr.type="{ty}"/>"#, escape(name))?;
        node_ids.insert(name, (id, ty));
    }
    let edge_extra = edge_attributes(net);
    let mut edge_ids: BTreeMap<&str, (String, &str)> = BTreeMap::new();
    for (i, (name, ty)) in EDGE_KEYS.iter().copied().chain(edge_extra.iter().map(|(k, t)| (*k, *t))).enumerate() {
        writeln!(out, r#"  <key id="e{i}" for="edge" attr.name="{}" attr.type="{ty}"/>"#, escape(name))?;
        edge_ids.insert(name, (format!("e{i}"), ty));
    }
    let edgedefault = if net.directed { "directed" } else { "undirected" };
    writeln!(out, r#"  <graph id="G" edgedefault="{edgedefault}">"#)?;
    writeln!(out, r#"    <data key="g0">{}</data>"#, escape(description))?;

    let key = |name: &str| node_ids.get(name).map(|(id, _)| id.as_str()).unwrap_or("");
    for n in net.graph.node_weights() {
        writeln!(out, r#"    <node id="{}">"#, escape(&n.id))?;
        data(out, key("label"), &n.label)?;
        data(out, key("type"), &n.kind)?;
        if let Some(s) = n.speeches {
            data(out, key("speeches"), &s.to_string())?;
        }
        dates(out, &n.dates, [key("first"), key("last"), key("start"), key("end")])?;
        for (k, v) in &n.attrs {
            if let Some((id, ty)) = node_ids.get(k.as_str()) {
                if !reserved(k) {
                    data(out, id, &value_text(v, ty))?;
                }
            }
        }
        writeln!(out, "    </node>")?;
    }
    for (i, e) in net.graph.edge_indices().enumerate() {
        let Some((a, b)) = net.graph.edge_endpoints(e) else { continue };
        let edge = &net.graph[e];
        writeln!(out, r#"    <edge id="e{i}" source="{}" target="{}">"#, escape(&net.graph[a].id), escape(&net.graph[b].id))?;
        data(out, "e0", &edge.label)?;
        data(out, "e1", &number(edge.weight))?;
        dates(out, &edge.dates, ["e2", "e3", "e4", "e5"])?;
        for (k, v) in &edge.attrs {
            if let (Some((id, ty)), false) = (edge_ids.get(k.as_str()), EDGE_KEYS.iter().any(|(n, _)| n == k)) {
                data(out, id, &value_text(v, ty))?;
            }
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// The view-specific edge attributes and their types, by name; the fixed
/// edge keys keep their own.
fn edge_attributes(net: &Network) -> BTreeMap<&str, &'static str> {
    let mut extra: BTreeMap<&str, &'static str> = BTreeMap::new();
    for e in net.graph.edge_weights() {
        for (k, v) in &e.attrs {
            let t = type_name(v);
            let slot = extra.entry(k.as_str()).or_insert(t);
            if *slot != t {
                *slot = "string";
            }
        }
    }
    extra.retain(|k, _| !EDGE_KEYS.iter().any(|(n, _)| n == k));
    extra
}

fn data(out: &mut dyn Write, key: &str, text: &str) -> io::Result<()> {
    writeln!(out, r#"      <data key="{key}">{}</data>"#, escape(text))
}

/// first and last as seen; start and end as full dates, which Gephi can
/// turn into a time interval (a bare year covers the whole year).
fn dates(out: &mut dyn Write, d: &Dates, keys: [&str; 4]) -> io::Result<()> {
    if let (Some(first), Some(last)) = (&d.first, &d.last) {
        data(out, keys[0], first)?;
        data(out, keys[1], last)?;
        let start = super::filter::widen(first, false).unwrap_or_else(|_| first.clone());
        let end = super::filter::widen(last, true).unwrap_or_else(|_| last.clone());
        data(out, keys[2], &start)?;
        data(out, keys[3], &end)?;
    }
    Ok(())
}

fn value_text(v: &Value, ty: &str) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Double(x) => number(*x),
        Value::Bool(b) if ty == "boolean" => b.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Str(s) => s.clone(),
    }
}

/// A double as text that every reader parses and every run repeats:
/// Rust's shortest round-trip form, never NaN or infinite.
fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x:?}")
    } else {
        "0.0".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_text_and_drops_forbidden_characters() {
        assert_eq!(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(escape("x\u{1}\u{B}y\u{FFFF}\tz\n"), "xy&#9;z&#10;");
        assert_eq!(escape("Côte d’Ivoire"), "Côte d’Ivoire");
    }

    #[test]
    fn numbers_round_trip() {
        assert_eq!(number(3.0), "3.0");
        assert_eq!(number(0.1), "0.1");
        assert_eq!(number(f64::NAN), "0.0");
    }
}
