//! Network metrics written as node attributes: degree, weighted degree,
//! PageRank, connected component and community.
//!
//! PageRank is computed here rather than with `petgraph::algo::page_rank`,
//! which ignores weights and costs O(iterations x V^2 x E): minutes for the
//! co-mention network of the General Debate corpus. This one is the usual
//! sparse power iteration (as networkx does it), O(iterations x E).

use super::model::{Network, Value};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Damping factor, the customary 0.85.
const DAMPING: f64 = 0.85;
/// Upper bound on PageRank iterations.
const MAX_ITER: usize = 200;
/// Stop when the ranks move less than this in total (L1).
const TOLERANCE: f64 = 1e-12;
/// Upper bound on label-propagation rounds.
const MAX_ROUNDS: usize = 100;

/// Computes every metric and stores it in the nodes' attributes. The
/// network must be canonical (see [`Network::canonical`]) for the result
/// to be the same every run.
pub fn compute(net: &mut Network) {
    let n = net.graph.node_count();
    let g = &net.graph;
    let mut degree = vec![0i64; n];
    let mut in_degree = vec![0i64; n];
    let mut out_degree = vec![0i64; n];
    let mut strength = vec![0f64; n];
    for e in g.edge_references() {
        let (a, b, w) = (e.source().index(), e.target().index(), e.weight().weight);
        degree[a] += 1;
        degree[b] += 1;
        out_degree[a] += 1;
        in_degree[b] += 1;
        strength[a] += w;
        strength[b] += w;
    }
    let rank = pagerank(net);
    let component = renumber(&components(net));
    let community = renumber(&communities(net));
    let directed = net.directed;
    for ix in net.graph.node_indices() {
        let i = ix.index();
        let attrs = &mut net.graph[ix].attrs;
        attrs.insert("degree".into(), Value::Int(degree[i]));
        if directed {
            attrs.insert("in_degree".into(), Value::Int(in_degree[i]));
            attrs.insert("out_degree".into(), Value::Int(out_degree[i]));
        }
        attrs.insert("weighted_degree".into(), Value::Double(strength[i]));
        attrs.insert("pagerank".into(), Value::Double(rank[i]));
        attrs.insert("component".into(), Value::Int(component[i] as i64));
        attrs.insert("community".into(), Value::Int(community[i] as i64));
    }
}

/// Weighted PageRank; an undirected edge counts both ways, and the rank of
/// nodes without out-links is spread evenly (as networkx does).
pub fn pagerank(net: &Network) -> Vec<f64> {
    let g = &net.graph;
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    // (from, to, weight) in a fixed order: the edges' own.
    let mut links: Vec<(usize, usize, f64)> = Vec::with_capacity(g.edge_count() * 2);
    for e in g.edge_references() {
        let (a, b, w) = (e.source().index(), e.target().index(), e.weight().weight.max(0.0));
        links.push((a, b, w));
        if !net.directed && a != b {
            links.push((b, a, w));
        }
    }
    let mut out = vec![0f64; n];
    for &(a, _, w) in &links {
        out[a] += w;
    }
    let nf = n as f64;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0f64; n];
    for _ in 0..MAX_ITER {
        let dangling: f64 = (0..n).filter(|&i| out[i] == 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - DAMPING) / nf + DAMPING * dangling / nf;
        next.iter_mut().for_each(|x| *x = base);
        for &(a, b, w) in &links {
            if out[a] > 0.0 {
                next[b] += DAMPING * rank[a] * w / out[a];
            }
        }
        let delta: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    rank
}

/// Weakly connected components: a component number per node.
pub fn components(net: &Network) -> Vec<usize> {
    let g = &net.graph;
    let mut uf = UnionFind::<usize>::new(g.node_count());
    for e in g.edge_references() {
        uf.union(e.source().index(), e.target().index());
    }
    (0..g.node_count()).map(|i| uf.find(i)).collect()
}

/// Communities by weighted label propagation, edges taken both ways. Nodes
/// are visited in the canonical order and ties go to the smallest label,
/// so that the same network always gives the same communities.
pub fn communities(net: &Network) -> Vec<usize> {
    let g = &net.graph;
    let n = g.node_count();
    let mut label: Vec<usize> = (0..n).collect();
    let mut weights: std::collections::BTreeMap<usize, f64> = std::collections::BTreeMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for ix in g.node_indices() {
            weights.clear();
            for dir in [Direction::Outgoing, Direction::Incoming] {
                for e in g.edges_directed(ix, dir) {
                    let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
                    if other != ix {
                        *weights.entry(label[other.index()]).or_default() += e.weight().weight;
                    }
                }
            }
            let mut best = label[ix.index()];
            let mut best_w = weights.get(&best).copied().unwrap_or(0.0);
            for (&l, &w) in &weights {
                if w > best_w || (w == best_w && l < best && w > 0.0) {
                    best = l;
                    best_w = w;
                }
            }
            if best != label[ix.index()] {
                label[ix.index()] = best;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    label
}

/// Numbers groups 0, 1, 2, ... from the largest down (ties: the group
/// whose first node comes first), so that colours in Gephi follow size.
fn renumber(group: &[usize]) -> Vec<usize> {
    let mut size: std::collections::HashMap<usize, (usize, usize)> = std::collections::HashMap::new();
    for (i, &g) in group.iter().enumerate() {
        let s = size.entry(g).or_insert((0, i));
        s.0 += 1;
    }
    let mut order: Vec<(usize, usize, usize)> = size.iter().map(|(&g, &(n, first))| (n, first, g)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let number: std::collections::HashMap<usize, usize> = order.iter().enumerate().map(|(k, &(_, _, g))| (g, k)).collect();
    group.iter().map(|g| number[g]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triangle_and_pair() -> Network {
        let mut net = Network::new(false);
        let ids: Vec<_> = ["a", "b", "c", "d", "e"].iter().map(|i| net.node(i, "State", i)).collect();
        for (x, y) in [(0, 1), (1, 2), (0, 2), (3, 4)] {
            net.edge(ids[x], ids[y], "co-mention").weight = 2.0;
        }
        net.canonical()
    }

    #[test]
    fn pagerank_sums_to_one_and_is_symmetric_on_a_triangle() {
        let r = pagerank(&triangle_and_pair());
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!((r[0] - r[1]).abs() < 1e-12 && (r[3] - r[4]).abs() < 1e-12);
    }

    #[test]
    fn pagerank_agrees_with_petgraph_on_an_unweighted_cycle() {
        // On a cycle every formula gives 1/n; petgraph's is the reference.
        let mut net = Network::new(true);
        let ids: Vec<_> = ["a", "b", "c", "d"].iter().map(|i| net.node(i, "", i)).collect();
        for i in 0..4 {
            net.edge(ids[i], ids[(i + 1) % 4], "x").weight = 1.0;
        }
        let ours = pagerank(&net);
        let theirs = petgraph::algo::page_rank(&net.graph, DAMPING, 50);
        for (a, b) in ours.iter().zip(theirs) {
            assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        }
    }

    #[test]
    fn components_and_communities_find_the_two_groups() {
        let net = triangle_and_pair();
        let c = renumber(&components(&net));
        assert_eq!(c, [0, 0, 0, 1, 1]);
        let m = renumber(&communities(&net));
        assert_eq!(m, [0, 0, 0, 1, 1]);
    }
}
