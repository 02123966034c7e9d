//! The reference graph: every state, organisation, place, person,
//! resolution and Security Council meeting the data in `data/` knows, with
//! labels, codes and links to Wikidata. Speeches link to these nodes.

use super::iri;
use super::quads::QuadSink;
use super::vocab::{class, dcterms, foaf, owl, prop, rdf, rdfs, schema, skos, xsd};
use crate::extract::EntityKind;
use crate::gazetteer;
use crate::reference::Reference;
use oxrdf::{NamedNode, NamedNodeRef, Quad};

/// All quads of the reference graph that `reference` gives (the decisions
/// aside: [`super::decision_quads`]), in a fixed order.
pub fn reference_quads(reference: &Reference) -> Vec<Quad> {
    let mut w = Labels::new();
    let g = reference.gazetteer();
    for s in &g.states {
        let node = iri::state(&s.alpha3);
        w.entity(&node, class::STATE, &s.name, std::iter::once(&s.official_name).chain(&s.aliases), &s.wikidata);
        w.out.text(&node, prop::ALPHA3, &s.alpha3);
        w.out.text(&node, prop::ALPHA2, &s.alpha2);
        if !s.m49.is_empty() {
            w.out.text(&node, prop::M49, &s.m49);
        }
        lifetime(&mut w, &node, s);
    }
    council(&mut w, reference.council());
    for o in &g.organisations {
        let node = iri::organisation(&o.key);
        w.entity(&node, class::ORGANISATION, &o.label, &o.aliases, &o.wikidata);
        w.kind(&node, &o.kind);
    }
    for p in &g.places {
        let node = iri::place(&p.key);
        w.entity(&node, class::PLACE, &p.label, &p.aliases, &p.wikidata);
        w.kind(&node, &p.kind);
        if !p.state.is_empty() {
            w.out.add(&node, prop::LOCATED_IN, iri::state(&p.state));
        }
        if let Some((alpha3, until)) = &p.became {
            w.out.add(&node, dcterms::IS_REPLACED_BY, iri::state(alpha3));
            w.date(&node, schema::DISSOLUTION_DATE, until);
        }
    }
    for p in &g.persons {
        let node = iri::person(&p.key);
        w.entity(&node, class::PERSON, &p.label, &p.aliases, &p.wikidata);
        w.out.text(&node, foaf::NAME, &p.label);
        if !p.family_name.is_empty() {
            w.out.text(&node, prop::FAMILY_NAME, &p.family_name);
        }
        if !p.office.is_empty() {
            w.out.text(&node, prop::OFFICE, &p.office);
        }
    }
    for r in &g.resolutions {
        let node = iri::resolution(&r.number);
        w.entity(&node, class::RESOLUTION, &r.symbol, &[], "");
        w.out.text(&node, prop::SYMBOL, &r.symbol);
        if let Ok(n) = r.number.parse::<i64>() {
            w.out.integer(&node, prop::RESOLUTION_NUMBER, n);
        }
        if !r.date.is_empty() {
            w.out.typed(&node, dcterms::DATE, &r.date, xsd::DATE);
        }
        if !r.title.is_empty() {
            w.out.text(&node, dcterms::TITLE, &r.title);
        }
        if !r.meeting_record.is_empty() {
            let slug = iri::symbol_slug(&r.meeting_record);
            w.out.add(&node, prop::ADOPTED_AT, iri::meeting(&slug));
        }
        w.out.add(&node, schema::URL, iri::undocs(&r.symbol));
    }
    meetings(&mut w, reference.decisions().meetings());
    w.out.quads
}

/// A state's lifetime, UN membership, predecessors and successors.
fn lifetime(w: &mut Labels, node: &NamedNode, s: &gazetteer::State) {
    w.date(node, schema::FOUNDING_DATE, &s.start);
    w.date(node, schema::DISSOLUTION_DATE, &s.end);
    w.date(node, prop::UN_MEMBER_FROM, &s.un_admission);
    w.date(node, prop::UN_MEMBER_UNTIL, &s.un_end);
    for p in &s.predecessors {
        w.out.add(node, dcterms::REPLACES, iri::state(p));
    }
    for p in &s.successors {
        w.out.add(node, dcterms::IS_REPLACED_BY, iri::state(p));
    }
    for n in &s.names_in_use {
        let name = iri::state_name(&s.alpha3, &n.name);
        w.out.add(node, prop::NAME_IN_USE, name.clone());
        w.out.add(&name, rdf::TYPE, class::NAME_IN_USE);
        w.out.text(&name, rdfs::LABEL, &n.name);
        w.date(&name, schema::START_DATE, &n.from);
        w.date(&name, schema::END_DATE, &n.to);
    }
}

/// Security Council terms (also as the years each state sat) and the
/// presidency of each month that can be computed.
fn council(w: &mut Labels, council: &crate::link::Council) {
    for t in council.terms() {
        let state = iri::state(&t.alpha3);
        for year in t.start_year..=t.end_year {
            w.out.typed(&state, prop::COUNCIL_MEMBER_IN, &year.to_string(), xsd::G_YEAR);
        }
        let node = iri::council_membership(&t.alpha3, t.start_year);
        w.out.add(&node, rdf::TYPE, class::COUNCIL_MEMBERSHIP);
        w.out.text(&node, rdfs::LABEL, &format!("{} on the Security Council, {}-{}", t.alpha3, t.start_year, t.end_year));
        w.out.add(&node, prop::MEMBER, state);
        w.out.text(&node, prop::SEAT, &t.seat);
        w.date(&node, schema::START_DATE, &format!("{}-01-01", t.start_year));
        w.date(&node, schema::END_DATE, &format!("{}-12-31", t.end_year));
    }
    for p in council.presidencies() {
        let node = iri::council_presidency(p.year, p.month);
        w.out.add(&node, rdf::TYPE, class::COUNCIL_PRESIDENCY);
        w.out.text(&node, rdfs::LABEL, &format!("Presidency of the Security Council, {}-{:02}: {}", p.year, p.month, p.alpha3));
        w.out.add(&node, prop::PRESIDING_STATE, iri::state(&p.alpha3));
        w.date(&node, schema::START_DATE, &format!("{}-{:02}-01", p.year, p.month));
        w.date(&node, schema::END_DATE, &format!("{}-{:02}-{:02}", p.year, p.month, days_in(p.year, p.month)));
    }
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The labels (preferred, then alternative) this graph gives the entity of
/// `kind` with `key`, or `None` when it does not describe it: a speech's
/// graphs then need not repeat them.
pub(crate) fn reference_names<'r>(reference: &'r Reference, kind: EntityKind, key: &str) -> Option<Vec<&'r str>> {
    let with_aliases = |label: &'r str, aliases: &'r [String]| {
        std::iter::once(label).chain(aliases.iter().map(String::as_str)).collect()
    };
    let g = reference.gazetteer();
    match kind {
        EntityKind::State => g.state(key).map(|s| {
            let mut names: Vec<&str> = with_aliases(&s.name, &s.aliases);
            names.insert(1, &s.official_name);
            names
        }),
        EntityKind::Organisation => g.organisation(key).map(|o| with_aliases(&o.label, &o.aliases)),
        EntityKind::Person => g.person(key).map(|p| with_aliases(&p.label, &p.aliases)),
        EntityKind::Place => g.place(key).map(|p| with_aliases(&p.label, &p.aliases)),
        EntityKind::Resolution => g.resolution(key).map(|r| vec![r.symbol.as_str()]),
        EntityKind::Document => reference.decisions().document_symbol(&iri::symbol_slug(key)).map(|s| vec![s]),
        EntityKind::Date => None,
    }
}

/// The topic the reference graph gives the meeting whose symbol's slug is
/// `slug` ("" for none), or `None` when it does not describe that meeting.
pub(crate) fn meeting_topic<'r>(reference: &'r Reference, slug: &str) -> Option<&'r str> {
    reference.decisions().meeting(slug).map(|m| m.topic.as_str())
}

/// Security Council meetings 1946-2022 from `data/meetings.csv`.
fn meetings(w: &mut Labels, meetings: &[crate::decisions::Meeting]) {
    for crate::decisions::Meeting { symbol, date, topic } in meetings {
        let node = iri::meeting(&iri::symbol_slug(symbol));
        w.entity(&node, class::MEETING, symbol, &[], "");
        w.out.text(&node, prop::SYMBOL, symbol);
        w.out.add(&node, schema::URL, iri::undocs(symbol));
        if !date.is_empty() {
            w.out.typed(&node, dcterms::DATE, date, xsd::DATE);
        }
        if !topic.is_empty() {
            w.out.text(&node, prop::TOPIC, topic);
        }
    }
}

struct Labels {
    out: QuadSink,
}

impl Labels {
    fn new() -> Self {
        Labels { out: QuadSink::new(iri::reference_graph()) }
    }

    /// Type, labels and Wikidata link of an entity.
    fn entity<'a>(&mut self, node: &NamedNode, class: NamedNodeRef<'_>, label: &str, aliases: impl IntoIterator<Item = &'a String>, qid: &str) {
        self.out.add(node, rdf::TYPE, class);
        self.out.text(node, rdfs::LABEL, label);
        self.out.text(node, skos::PREF_LABEL, label);
        let mut seen = std::collections::BTreeSet::new();
        for alias in aliases {
            if !alias.is_empty() && alias != label && seen.insert(alias.as_str()) {
                self.out.text(node, skos::ALT_LABEL, alias);
            }
        }
        if !qid.is_empty() {
            self.out.add(node, owl::SAME_AS, iri::wikidata(qid));
        }
    }

    /// An `xsd:date`, unless empty.
    fn date(&mut self, node: &NamedNode, property: NamedNodeRef<'_>, date: &str) {
        if !date.is_empty() {
            self.out.typed(node, property, date, xsd::DATE);
        }
    }

    fn kind(&mut self, node: &NamedNode, kind: &str) {
        if !kind.is_empty() {
            self.out.text(node, prop::KIND, kind);
        }
    }
}
