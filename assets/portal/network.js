// The network view: fetches the network JSON named by #network's
// data-src and draws it with cytoscape.js. Node size: PageRank; colour:
// community; edge width: weight. A click on a node opens its page.
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box || typeof cytoscape !== "function") return;
  var palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"];
  function status(text) {
    var p = document.getElementById("network-status");
    if (p) p.textContent = text;
  }
  fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
      return r.json();
    })
    .then(function (net) {
      if (!net.nodes.length) { status("No node matches these filters: lower the minimum weight or widen the dates."); return; }
      var maxRank = Math.max.apply(null, net.nodes.map(function (n) { return n.pagerank; })) || 1;
      // Only the most central nodes are labelled; the others on hover.
      var ranks = net.nodes.map(function (n) { return n.pagerank; }).sort(function (a, b) { return b - a; });
      var labelFrom = ranks[Math.min(ranks.length - 1, 24)];
      var maxWeight = Math.max.apply(null, net.edges.map(function (e) { return e.weight; }).concat([1]));
      var elements = net.nodes.map(function (n) {
        return { data: { id: n.id, label: n.label, shown: n.pagerank >= labelFrom ? n.label : "", href: n.href, kind: n.kind,
          size: 6 + 26 * Math.sqrt(n.pagerank / maxRank), colour: palette[n.community % palette.length] } };
      }).concat(net.edges.map(function (e, i) {
        return { data: { id: "e" + i, source: e.source, target: e.target, width: 0.5 + 6 * e.weight / maxWeight } };
      }));
      box.textContent = "";
      var cy = cytoscape({
        container: box,
        elements: elements,
        style: [
          { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
            label: "data(shown)", "font-size": 8, "text-valign": "bottom", "text-margin-y": 2, color: "#1d2330",
            "text-outline-color": "#fff", "text-outline-width": 2 } },
          { selector: "node.hover", style: { label: "data(label)", "z-index": 10 } },
          { selector: "edge", style: { width: "data(width)", "line-color": "#b9c3d0", opacity: 0.7,
            "curve-style": "haystack", "target-arrow-shape": net.directed ? "triangle" : "none" } },
          { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } }
        ],
        layout: { name: "cose", animate: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 60; }, numIter: 600 },
        wheelSensitivity: 0.3
      });
      cy.on("tap", "node", function (evt) { window.location.href = evt.target.data("href"); });
      cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
      cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
      status("");
      var info = document.getElementById("network-info");
      if (info) info.textContent = net.nodes.length + " nodes, " + net.edges.length + " edges, minimum weight " + net.min_weight + ".";
      box.setAttribute("data-nodes", String(net.nodes.length));
      box.setAttribute("data-edges", String(net.edges.length));
      box.setAttribute("data-drawn", String(cy.nodes().length));
    })
    .catch(function (err) { status("The network could not be loaded: " + err.message); });
})();
