//! Pages for people: the start page, a query form, and a readable page per
//! resource (label, types, links to related entities, where it is mentioned).

use super::resource::{label, Description};
use super::App;
use crate::rdf::vocab::{rdf, ID, PREFIXES};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// `text` with HTML's special characters escaped (XML's rules serve HTML).
pub(crate) use crate::markup::escape as esc;

fn page(app: &App, title: &str, body: &str) -> String {
    super::portal::layout(app, title, body, &[])
}

/// The endpoint's page for browsers: a query form.
pub(crate) fn query_form(app: &App) -> String {
    let body = format!(
        "<h1>SPARQL endpoint</h1><p>{e}: send <code>query</code> by GET or POST (SPARQL 1.1 Protocol). \
         unkg's prefixes (<code>unkg: rdfs: skos: nif: itsrdf: schema: dcterms: id:</code> ...) are predeclared, \
         and the default graph is the union of all named graphs.</p>\
         <form method=\"get\"><textarea name=\"query\" rows=\"12\">SELECT ?speech ?label WHERE {{\n  ?speech a unkg:Speech ; rdfs:label ?label .\n}} LIMIT 20</textarea>\
         <p><select name=\"format\"><option>json</option><option>xml</option><option>csv</option><option>tsv</option></select> \
         <button>Run</button></p></form>",
        e = esc(&app.public("sparql"))
    );
    page(app, "SPARQL endpoint", &body)
}

/// A Turtle document shown as text.
pub(crate) fn turtle_page(app: &App, title: &str, ttl: &str) -> String {
    page(app, title, &format!("<h1>{}</h1><p>Also as Turtle, N-Triples, JSON-LD and RDF/XML by content negotiation.</p><pre>{}</pre>", esc(title), esc(ttl)))
}

/// `iri` as `prefix:local` where a known prefix fits.
fn compact(iri: &str) -> String {
    for (prefix, ns) in PREFIXES.iter().chain(&[("id", ID)]) {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_owned()
}

struct Labels<'a> {
    app: &'a App,
    cache: HashMap<String, Option<String>>,
}

impl Labels<'_> {
    fn get(&mut self, iri: &str) -> Option<String> {
        // Bounded: a page listing a thousand links looks up each once.
        if !self.cache.contains_key(iri) && self.cache.len() < 2000 {
            let l = label(self.app, iri);
            self.cache.insert(iri.to_owned(), l);
        }
        self.cache.get(iri).cloned().flatten()
    }

    fn link(&mut self, iri: &str) -> String {
        let href = esc(&self.app.href(iri));
        match self.get(iri) {
            Some(l) => format!("<a href=\"{href}\">{}</a> <span class=\"iri\">{}</span>", esc(&l), esc(&compact(iri))),
            None => format!("<a href=\"{href}\">{}</a>", esc(&compact(iri))),
        }
    }

    fn term(&mut self, t: &Term) -> String {
        match t {
            Term::NamedNode(n) => self.link(n.as_str()),
            Term::Literal(l) => {
                let value = if l.value().chars().count() > 400 {
                    format!("<details><summary>{} characters</summary><p style=\"white-space:pre-wrap\">{}</p></details>", l.value().chars().count(), esc(l.value()))
                } else {
                    esc(l.value())
                };
                match l.language() {
                    Some(lang) => format!("{value} <code>@{}</code>", esc(lang)),
                    None if l.datatype().as_str().ends_with("#string") => value,
                    None => format!("{value} <code>{}</code>", esc(&compact(l.datatype().as_str()))),
                }
            }
            other => esc(&other.to_string()),
        }
    }
}

fn subject_iri(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

fn property_table(labels: &mut Labels<'_>, triples: &[&Triple], skip_type: bool) -> String {
    let mut by_predicate: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in triples {
        if skip_type && t.predicate == rdf::TYPE {
            continue;
        }
        let value = labels.term(&t.object);
        by_predicate.entry(t.predicate.as_str().to_owned()).or_default().push(value);
    }
    let mut html = String::from("<table>");
    for (p, values) in by_predicate {
        let _ = write!(html, "<tr><th>{}</th><td>{}</td></tr>", labels.link(&p), values.join("<br>"));
    }
    html.push_str("</table>");
    html
}

/// The page of one resource.
/// `extra` (the portal's sections) goes after the properties.
pub(crate) fn resource_page(app: &App, d: &Description, extra: &str) -> String {
    let mut labels = Labels { app, cache: HashMap::new() };
    let iri = d.iri.as_str();
    let title = labels.get(iri).unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_owned());
    let types: Vec<String> = d
        .outgoing
        .iter()
        .filter(|t| t.predicate == rdf::TYPE)
        .map(|t| labels.term(&t.object))
        .collect();
    let mut body = format!(
        "<h1>{}</h1><p class=\"iri\">{}</p><p>{}</p>",
        esc(&title),
        esc(&app.published(iri)),
        if types.is_empty() { String::new() } else { format!("a {}", types.join(", ")) }
    );
    let own: Vec<&Triple> = d.outgoing.iter().collect();
    body.push_str(&property_table(&mut labels, &own, true));
    body.push_str(extra);

    if !d.mentions.is_empty() {
        let _ = write!(body, "<h2>Mentioned in speeches ({} mention{})</h2>", d.mention_total, if d.mention_total == 1 { "" } else { "s" });
        let mut last = String::new();
        for m in &d.mentions {
            if m.speech != last {
                let name = m.speech_label.clone().unwrap_or_else(|| compact(&m.speech));
                let _ = write!(body, "<h3><a href=\"{}\">{}</a></h3>", esc(&app.href(&m.speech)), esc(&name));
                last = m.speech.clone();
            }
            let _ = write!(
                body,
                "<blockquote>…{}<a href=\"{}\"><mark>{}</mark></a>{}…</blockquote>",
                esc(&m.before),
                esc(&app.href(&m.mention)),
                esc(&m.quote),
                esc(&m.after)
            );
        }
        if d.mention_total > d.mentions.len() {
            let _ = write!(body, "<p>… and {} more: ask the <a href=\"{}sparql\">endpoint</a>.</p>", d.mention_total - d.mentions.len(), esc(&app.base_path));
        }
    }

    if !d.parts.is_empty() {
        let mut by_subject: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
        for t in &d.parts {
            by_subject.entry(subject_iri(&t.subject)).or_default().push(t);
        }
        let _ = write!(body, "<h2>Mentions and events in this speech ({})</h2>", by_subject.len());
        for (s, triples) in by_subject {
            let anchor = s.rsplit_once('#').map_or("", |(_, f)| f);
            let _ = write!(body, "<h3 id=\"{}\">{}</h3>", esc(anchor), esc(&compact(&s)));
            body.push_str(&property_table(&mut labels, &triples, false));
        }
    }

    if !d.incoming.is_empty() {
        let mut by_predicate: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for t in &d.incoming {
            let s = subject_iri(&t.subject);
            by_predicate.entry(t.predicate.as_str().to_owned()).or_default().push(s);
        }
        body.push_str("<h2>Referred to by</h2><table>");
        for (p, subjects) in by_predicate {
            let links: Vec<String> = subjects.iter().map(|s| labels.link(s)).collect();
            let _ = write!(body, "<tr><th>{} of</th><td>{}</td></tr>", labels.link(&p), links.join("<br>"));
        }
        body.push_str("</table>");
    }
    let _ = write!(
        body,
        "<p>As <a href=\"?format=turtle\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"?format=ntriples\">N-Triples</a> · <a href=\"?format=rdfxml\">RDF/XML</a></p>"
    );
    page(app, &title, &body)
}
