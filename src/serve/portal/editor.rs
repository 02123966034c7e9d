//! `GET /editor`: a SPARQL editor for people who know what they want to
//! ask: the canned queries of `queries/` to start from, highlighting
//! (CodeMirror), results as a table linking to resource pages, CSV and
//! JSON downloads. The queries go to `/sparql` like any client's, with its
//! limits; the page only renders.

use super::{esc, layout};
use crate::serve::http::HttpResult;
use crate::serve::App;
use std::fmt::Write;

/// The queries shipped in `queries/`, by file name.
const CANNED: &[(&str, &str)] = &[
    ("acts", include_str!("../../../queries/acts.rq")),
    ("attacks-by-place", include_str!("../../../queries/attacks-by-place.rq")),
    ("attacks-condemned", include_str!("../../../queries/attacks-condemned.rq")),
    ("calls-by-state", include_str!("../../../queries/calls-by-state.rq")),
    ("cited-not-voted-for", include_str!("../../../queries/cited-not-voted-for.rq")),
    ("council-presidency", include_str!("../../../queries/council-presidency.rq")),
    ("events", include_str!("../../../queries/events.rq")),
    ("former-states-mentioned", include_str!("../../../queries/former-states-mentioned.rq")),
    ("meeting-speakers", include_str!("../../../queries/meeting-speakers.rq")),
    ("mention-provenance", include_str!("../../../queries/mention-provenance.rq")),
    ("mentions", include_str!("../../../queries/mentions.rq")),
    ("organisations-mentioned", include_str!("../../../queries/organisations-mentioned.rq")),
    ("persons-mentioned", include_str!("../../../queries/persons-mentioned.rq")),
    ("resolution-votes", include_str!("../../../queries/resolution-votes.rq")),
    ("resolutions-cited", include_str!("../../../queries/resolutions-cited.rq")),
    ("speakers", include_str!("../../../queries/speakers.rq")),
    ("speeches-by-role", include_str!("../../../queries/speeches-by-role.rq")),
    ("speeches-per-state-per-year", include_str!("../../../queries/speeches-per-state-per-year.rq")),
    ("sponsors-citing", include_str!("../../../queries/sponsors-citing.rq")),
    ("states-by-topic", include_str!("../../../queries/states-by-topic.rq")),
    ("states-mentioning-state", include_str!("../../../queries/states-mentioning-state.rq")),
    ("thanks", include_str!("../../../queries/thanks.rq")),
    ("veto-speeches", include_str!("../../../queries/veto-speeches.rq")),
    ("vetoes", include_str!("../../../queries/vetoes.rq")),
];

/// The query shown first: small and quick on any store.
const START: &str = "speakers";

/// The first comment lines of a query: what it answers.
fn summary(text: &str) -> String {
    text.lines().take_while(|l| l.starts_with('#')).map(|l| l.trim_start_matches('#').trim()).collect::<Vec<_>>().join(" ")
}

/// The editor page.
pub(crate) fn page(app: &App) -> HttpResult {
    let root = esc(&app.base_path);
    let queries: Vec<serde_json::Value> =
        CANNED.iter().map(|(name, text)| serde_json::json!({ "name": name, "query": text, "summary": summary(text) })).collect();
    // A JSON data block: never run, and `</` escaped so a query cannot end it.
    let data = serde_json::Value::Array(queries).to_string().replace("</", "<\\/");
    let mut body = String::from("<h1>Query editor</h1><div class=\"editor-bar\"><label>Start from <select id=\"canned\">");
    for (name, text) in CANNED {
        let _ = write!(body, "<option value=\"{}\" title=\"{}\"{}>{}</option>", esc(name), esc(&summary(text)), if *name == START { " selected" } else { "" }, esc(name));
    }
    let _ = write!(
        body,
        "</select></label> <button id=\"run\" type=\"button\">Run ▶</button> \
         <a id=\"csv\" href=\"#\">CSV</a> <a id=\"json\" href=\"#\">JSON</a> <span id=\"status\" class=\"muted\"></span></div>\
         <p id=\"summary\" class=\"muted\"></p>\
         <div id=\"editor\" class=\"editor\" data-endpoint=\"{root}sparql\" data-root=\"{root}\" data-canonical=\"{}\" data-base=\"{}\"></div>\
         <noscript><p>The editor needs JavaScript; the <a href=\"{root}sparql\">plain query form</a> does not.</p></noscript>\
         <div id=\"results\" class=\"results-table\"></div>\
         <script type=\"application/json\" id=\"queries\">{data}</script>",
        esc(crate::serve::CANONICAL_BASE),
        esc(&app.opts.base)
    );
    Ok(super::html_response(layout(app, "Query editor", &body, &["vendor/codemirror.js", "portal/editor.js"])))
}

#[cfg(test)]
mod tests {
    /// Every file of `queries/` is offered, so that a new one is never forgotten.
    #[test]
    fn every_canned_query_is_offered() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/queries");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".rq").map(str::to_owned))
            .collect();
        on_disk.sort();
        let offered: Vec<String> = super::CANNED.iter().map(|(n, _)| (*n).to_owned()).collect();
        assert_eq!(offered, on_disk);
    }
}
