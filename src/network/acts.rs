//! The `acts` view: who does what to whom. States and organisations (the
//! speakers' principals) linked to the entities and events their speeches
//! thank, congratulate, welcome, condemn, condole, call on, support or are
//! concerned about; one edge per kind, weighted by the number of speeches.

use super::filter::Filter;
use super::model::Network;
use super::source::{Source, ENTITY_CLASSES};
use super::views::{add, count, link};
use crate::error::Result;
use crate::rdf::vocab::class::local as class;
use crate::rdf::vocab::{prop, schema};
use std::collections::BTreeSet;

/// Classes of the acts view unless `--type` says otherwise: every entity
/// a speech can mention, and attacks.
fn default_classes() -> Vec<&'static str> {
    let mut v = ENTITY_CLASSES.to_vec();
    v.push(class::ATTACK);
    v
}

/// `acts`: principal -kind-> target, weighted by speeches.
pub fn acts(src: &Source, filter: &Filter) -> Result<super::model::Network> {
    let cat = src.catalog()?;
    let speeches = src.speeches(filter)?;
    let performs = src.map(prop::PERFORMS)?;
    let kinds = src.map(prop::ACT_KIND)?;
    let objects = src.map(schema::OBJECT)?;
    let keep = default_classes();
    let mut net = Network::new(true);
    for s in &speeches {
        let (Some(p), Some(acts)) = (s.principal.as_deref(), performs.get(&s.iri)) else { continue };
        if !filter.keeps(&keep, cat.kind(p)) {
            continue;
        }
        // A speech counts once per (kind, target), however often it repeats
        // the act.
        let mut done: BTreeSet<(&str, &str)> = BTreeSet::new();
        for act in acts {
            let (Some(kind), Some(targets)) = (kinds.get(act).and_then(|k| k.iter().next()), objects.get(act)) else { continue };
            for t in targets.iter().filter(|t| filter.keeps(&keep, cat.kind(t))) {
                if t != p && done.insert((kind.as_str(), t.as_str())) {
                    let date = s.date.as_deref();
                    let px = add(&mut net, &cat, p);
                    let tx = add(&mut net, &cat, t);
                    if done.iter().filter(|(_, x)| *x == t.as_str()).count() == 1 {
                        count(&mut net, tx, date);
                    }
                    link(&mut net, px, tx, kind, 1.0, date);
                }
            }
        }
        if !done.is_empty() {
            if let Some(px) = net.find(p) {
                count(&mut net, px, s.date.as_deref());
            }
        }
    }
    Ok(net)
}
