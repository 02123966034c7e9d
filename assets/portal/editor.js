// The query editor: CodeMirror over the canned queries, results of
// /sparql as a table whose IRIs link to resource pages, CSV and JSON
// downloads. Everything from the store goes in as text, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("editor");
  if (!box) return;
  var queries = JSON.parse(document.getElementById("queries").textContent);
  var select = document.getElementById("canned");
  var endpoint = box.getAttribute("data-endpoint");
  var root = box.getAttribute("data-root");
  var canonical = box.getAttribute("data-canonical");
  var base = box.getAttribute("data-base");
  var view = null, textarea = null;

  function find(name) {
    for (var i = 0; i < queries.length; i++) if (queries[i].name === name) return queries[i];
    return queries[0];
  }
  function text() { return view ? view.state.doc.toString() : textarea.value; }
  function setText(t) {
    if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    else textarea.value = t;
  }
  if (window.UnkgEditor) {
    view = window.UnkgEditor.create(box, find(select.value).query);
  } else {
    textarea = document.createElement("textarea");
    textarea.value = find(select.value).query;
    box.appendChild(textarea);
  }
  function download() {
    var q = encodeURIComponent(text());
    document.getElementById("csv").href = endpoint + "?format=csv&query=" + q;
    document.getElementById("json").href = endpoint + "?format=json&query=" + q;
  }
  function summary() { document.getElementById("summary").textContent = find(select.value).summary; }
  select.addEventListener("change", function () { setText(find(select.value).query); summary(); download(); });
  summary();
  download();

  // A link for an IRI: the local page when this server answers for it.
  function href(iri) {
    if (iri.indexOf(canonical) === 0) return root + iri.slice(canonical.length);
    if (iri.indexOf(base) === 0) return root + iri.slice(base.length);
    return iri;
  }
  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    // Only web IRIs become links: a result is data, never a script URL.
    if (term.type === "uri" && /^https?:/i.test(term.value)) {
      var a = document.createElement("a");
      a.href = href(term.value);
      a.textContent = term.value.replace(canonical + "id/", "id:").replace(base + "id/", "id:");
      td.appendChild(a);
    } else {
      td.textContent = term.value;
    }
    return td;
  }
  function run() {
    var status = document.getElementById("status");
    var out = document.getElementById("results");
    status.textContent = "Running…";
    download();
    var started = performance.now();
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
      body: "query=" + encodeURIComponent(text())
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
      return r.json();
    }).then(function (res) {
      out.textContent = "";
      var ms = Math.round(performance.now() - started);
      if (typeof res.boolean === "boolean") { status.textContent = "Answer: " + res.boolean + " (" + ms + " ms)"; return; }
      var vars = res.head.vars, rows = res.results.bindings;
      var table = document.createElement("table");
      table.id = "result-table";
      var tr = document.createElement("tr");
      vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; tr.appendChild(th); });
      var thead = document.createElement("thead"); thead.appendChild(tr); table.appendChild(thead);
      var tbody = document.createElement("tbody");
      rows.forEach(function (row) {
        var r = document.createElement("tr");
        vars.forEach(function (v) { r.appendChild(cell(row[v])); });
        tbody.appendChild(r);
      });
      table.appendChild(tbody);
      out.appendChild(table);
      status.textContent = rows.length + " rows in " + ms + " ms";
      out.setAttribute("data-rows", String(rows.length));
    }).catch(function (err) {
      status.textContent = "";
      var pre = document.createElement("pre");
      pre.textContent = err.message;
      out.textContent = "";
      out.appendChild(pre);
    });
  }
  document.getElementById("run").addEventListener("click", run);
  box.addEventListener("keydown", function (e) { if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); } });
})();
