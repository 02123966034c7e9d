//! The speech-centred views: who mentions what, what is mentioned
//! together, which states cite which resolutions, who speaks for whom.

use super::filter::Filter;
use super::model::{Dates, Edge, Network, Value};
use super::source::{Catalog, Source, Speech};
use crate::error::Result;
use crate::rdf::vocab::class::local as class;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashMap};

/// Entity classes of the `mentions` view unless `--type` says otherwise.
const MENTIONS_DEFAULT: &[&str] = &[class::STATE, class::ORGANISATION, class::PERSON, class::RESOLUTION, class::PLACE];
/// Entity classes of `co-mention`: everything a speech can mention.
const CO_MENTION_DEFAULT: &[&str] = super::source::ENTITY_CLASSES;
/// Citing and cited classes of `citations`.
const CITATIONS_DEFAULT: &[&str] = &[class::STATE, class::RESOLUTION];
/// Principals of `delegates`.
const DELEGATES_DEFAULT: &[&str] = &[class::STATE, class::ORGANISATION];

/// The catalog, the speeches passing `filter` and what each mentions, read
/// in parallel.
type Inputs = (Catalog, Vec<Speech>, HashMap<String, BTreeSet<String>>);
fn inputs(src: &Source, filter: &Filter) -> Result<Inputs> {
    let (cat, (speeches, mentioned)) = rayon::join(|| src.catalog(), || rayon::join(|| src.speeches(filter), || src.mentioned()));
    Ok((cat?, speeches?, mentioned?))
}

/// Adds the resource `iri` as a node described from the catalog.
pub(super) fn add(net: &mut Network, cat: &Catalog, iri: &str) -> NodeIndex {
    if let Some(ix) = net.find(iri) {
        return ix;
    }
    let ix = net.node(iri, cat.kind(iri), &cat.label(iri));
    cat.describe(&mut net.graph[ix]);
    ix
}

/// Counts a speech (dated `date`) towards a node.
pub(super) fn count(net: &mut Network, ix: NodeIndex, date: Option<&str>) {
    let node = &mut net.graph[ix];
    node.speeches = Some(node.speeches.unwrap_or(0) + 1);
    if let Some(d) = date {
        node.dates.see(d);
    }
}

/// Adds one fact of weight `w` dated `date` to the edge `a -label-> b`.
pub(super) fn link(net: &mut Network, a: NodeIndex, b: NodeIndex, label: &str, w: f64, date: Option<&str>) {
    let e = net.edge(a, b, label);
    e.weight += w;
    if let Some(d) = date {
        e.dates.see(d);
    }
}

/// `mentions`: entities linked to the speeches that mention them (weight:
/// mention spans) and to the meetings of those speeches (weight: speeches),
/// each speech linked to its meeting.
pub fn mentions(src: &Source, filter: &Filter) -> Result<Network> {
    let (cat, speeches, mentioned) = inputs(src, filter)?;
    let spans = src.mention_spans()?;
    let mut net = Network::new(true);
    for s in &speeches {
        let entities: Vec<&String> = mentioned
            .get(&s.iri)
            .map(|es| es.iter().filter(|e| filter.keeps(MENTIONS_DEFAULT, cat.kind(e))).collect())
            .unwrap_or_default();
        if entities.is_empty() {
            continue;
        }
        let date = s.date.as_deref();
        let sx = add(&mut net, &cat, &s.iri);
        if let Some(d) = date {
            net.graph[sx].dates.see(d);
        }
        let mx = s.meeting.as_deref().map(|m| {
            let mx = add(&mut net, &cat, m);
            count(&mut net, mx, date);
            link(&mut net, sx, mx, "meeting", 1.0, date);
            mx
        });
        for e in entities {
            let ex = add(&mut net, &cat, e);
            count(&mut net, ex, date);
            let w = spans.get(&(s.iri.clone(), e.clone())).copied().unwrap_or(1);
            link(&mut net, sx, ex, "mentions", w as f64, date);
            if let Some(mx) = mx {
                link(&mut net, mx, ex, "mentions", 1.0, date);
            }
        }
    }
    Ok(net)
}

/// `co-mention`: entities only, an undirected edge between two entities
/// weighted by the number of speeches mentioning both.
pub fn co_mention(src: &Source, filter: &Filter) -> Result<Network> {
    let (cat, speeches, mentioned) = inputs(src, filter)?;
    // Entities numbered in IRI order and dates in text order: pairs and
    // spans become small integers, which keeps millions of pairs cheap.
    let kept: BTreeSet<&str> = speeches
        .iter()
        .filter_map(|s| mentioned.get(&s.iri))
        .flatten()
        .filter(|e| filter.keeps(CO_MENTION_DEFAULT, cat.kind(e)))
        .map(String::as_str)
        .collect();
    let ids: HashMap<&str, u32> = kept.iter().enumerate().map(|(i, e)| (*e, i as u32)).collect();
    let dates: Vec<&str> = speeches.iter().filter_map(|s| s.date.as_deref()).collect::<BTreeSet<_>>().into_iter().collect();
    let date_id: HashMap<&str, u32> = dates.iter().enumerate().map(|(i, d)| (*d, i as u32)).collect();
    const NONE: u32 = u32::MAX;
    let mut node_stats = vec![(0u64, NONE, 0u32); kept.len()];
    let mut pairs: HashMap<(u32, u32), (u32, u32, u32)> = HashMap::new();
    let mut list: Vec<u32> = Vec::new();
    for s in &speeches {
        let Some(es) = mentioned.get(&s.iri) else { continue };
        list.clear();
        list.extend(es.iter().filter_map(|e| ids.get(e.as_str()).copied()));
        list.sort_unstable();
        let d = s.date.as_deref().and_then(|d| date_id.get(d).copied()).unwrap_or(NONE);
        for (i, &a) in list.iter().enumerate() {
            see(&mut node_stats[a as usize], d);
            for &b in &list[i + 1..] {
                let p = pairs.entry((a, b)).or_insert((0, NONE, 0));
                p.0 += 1;
                if d != NONE {
                    p.1 = p.1.min(d);
                    p.2 = p.2.max(d);
                }
            }
        }
    }
    let span = |first: u32, last: u32| {
        if first == NONE {
            Dates::default()
        } else {
            Dates { first: Some(dates[first as usize].to_owned()), last: Some(dates[last as usize].to_owned()) }
        }
    };
    let mut net = Network::new(false);
    let mut index = Vec::with_capacity(kept.len());
    for (e, stats) in kept.iter().zip(&node_stats) {
        let ix = add(&mut net, &cat, e);
        net.graph[ix].speeches = Some(stats.0);
        net.graph[ix].dates = span(stats.1, stats.2);
        index.push(ix);
    }
    let mut pairs: Vec<((u32, u32), (u32, u32, u32))> = pairs.into_iter().collect();
    pairs.sort_unstable_by_key(|p| p.0);
    for ((a, b), (n, first, last)) in pairs {
        let edge = Edge { label: "co-mention".into(), weight: f64::from(n), dates: span(first, last), ..Edge::default() };
        net.push_edge(index[a as usize], index[b as usize], edge);
    }
    Ok(net)
}

fn see(stats: &mut (u64, u32, u32), d: u32) {
    stats.0 += 1;
    if d != u32::MAX {
        stats.1 = stats.1.min(d);
        stats.2 = stats.2.max(d);
    }
}

/// `citations`: states (the speakers' principals) to the resolutions their
/// speeches cite, weighted by the number of speeches; each edge says how
/// the state voted on what it cites (`vote`) and whether it sponsored it.
pub fn citations(src: &Source, filter: &Filter) -> Result<Network> {
    let (cat, speeches, mentioned) = inputs(src, filter)?;
    let decisions = super::votes::Decisions::read(src)?;
    let cited_class = |k: &str| k == class::RESOLUTION || k == class::DOCUMENT;
    let mut net = Network::new(true);
    for s in &speeches {
        let Some(p) = s.principal.as_deref() else { continue };
        let pk = cat.kind(p);
        if cited_class(pk) || !filter.keeps(CITATIONS_DEFAULT, pk) {
            continue;
        }
        let cited: Vec<&String> = mentioned
            .get(&s.iri)
            .map(|es| es.iter().filter(|e| cited_class(cat.kind(e)) && filter.keeps(CITATIONS_DEFAULT, cat.kind(e))).collect())
            .unwrap_or_default();
        if cited.is_empty() {
            continue;
        }
        let date = s.date.as_deref();
        let px = add(&mut net, &cat, p);
        count(&mut net, px, date);
        for r in cited {
            let rx = add(&mut net, &cat, r);
            count(&mut net, rx, date);
            link(&mut net, px, rx, "cites", 1.0, date);
            let edge = net.edge(px, rx, "cites");
            if edge.attrs.is_empty() {
                edge.attrs = decisions.edge_attributes(p, r);
            }
        }
    }
    Ok(net)
}

/// `delegates`: speakers to the states or organisations they speak for and
/// the meetings they speak at, weighted by the number of speeches.
pub fn delegates(src: &Source, filter: &Filter) -> Result<Network> {
    let cat = src.catalog()?;
    let speeches = src.speeches(filter)?;
    let mut net = Network::new(true);
    for s in speeches.iter().filter(|s| s.speaker.is_some()) {
        let Some(who) = s.speaker.as_deref() else { continue };
        let date = s.date.as_deref();
        let wx = add(&mut net, &cat, who);
        count(&mut net, wx, date);
        if let Some(p) = s.principal.as_deref().filter(|p| filter.keeps(DELEGATES_DEFAULT, cat.kind(p))) {
            let px = add(&mut net, &cat, p);
            count(&mut net, px, date);
            link(&mut net, wx, px, "speaks for", 1.0, date);
        }
        if let Some(m) = s.meeting.as_deref() {
            let mx = add(&mut net, &cat, m);
            count(&mut net, mx, date);
            link(&mut net, wx, mx, "speaks at", 1.0, date);
        }
    }
    Ok(net)
}

/// Adds the boolean `entity`: whether the node is something speeches
/// mention or a speaker (rather than a speech, meeting or event), so that
/// one filter in Gephi hides the scaffolding.
pub fn flag_entities(net: &mut Network) {
    for n in net.graph.node_weights_mut() {
        let entity = super::source::ENTITY_CLASSES.contains(&n.kind.as_str()) || n.kind == class::DELEGATE;
        n.attrs.insert("entity".into(), Value::Bool(entity));
    }
}
