"""Draws docs/img/co-mention-unsc-2020.png from a co-mention GraphML file.

    unkg graphml --store STORE --view co-mention --min-weight 20 -o co.graphml
    python docs/img/render_co_mention.py co.graphml docs/img/co-mention-unsc-2020.png

Keeps the 80 entities with the highest PageRank (computed by unkg), sizes
nodes by it, colours them by unkg's community, labels the top 30.
"""
import math
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx

src, dst = sys.argv[1], sys.argv[2]
G = nx.read_graphml(src)
top = sorted(G.nodes, key=lambda n: -G.nodes[n]["pagerank"])[:80]
H = G.subgraph(top).copy()
# Layout on log weights: a few pairs (the Council and the UN) are in
# nearly every speech and would otherwise pull everything into one knot.
for a, b, d in H.edges(data=True):
    d["layout"] = 1 + math.log(d["weight"])
pos = nx.spring_layout(H, weight="layout", seed=7, k=3.0 / len(H) ** 0.5, iterations=300)
pr = [H.nodes[n]["pagerank"] for n in H]
scale = 2600 / max(pr)
palette = plt.get_cmap("tab10")
colour = [palette(H.nodes[n]["community"] % 10) for n in H]
weights = [H.edges[e]["weight"] for e in H.edges]
wmax = max(weights)
fig, ax = plt.subplots(figsize=(13, 10), dpi=90)
nx.draw_networkx_edges(H, pos, ax=ax, width=[0.3 + 3 * w / wmax for w in weights], alpha=0.18, edge_color="#555")
nx.draw_networkx_nodes(H, pos, ax=ax, node_size=[30 + p * scale for p in pr], node_color=colour, alpha=0.9, linewidths=0.5, edgecolors="white")
labelled = top[:30]
nx.draw_networkx_labels(H, pos, ax=ax, labels={n: H.nodes[n]["label"][:32] for n in labelled}, font_size=9,
                        bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.7))
ax.set_title("Security Council 2020: entities mentioned together (top 80 by PageRank; edge weight = speeches)", fontsize=12)
ax.axis("off")
fig.tight_layout()
fig.savefig(dst)
