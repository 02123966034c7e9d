//! The research portal (issue #11) over HTTP: the search contract, accent
//! folding, facets, limits, escaping of hostile text from the speeches, the
//! Content-Security-Policy, the speech reader's marks against the store,
//! the network and the editor; and, in a real browser, the four scenarios
//! of the issue (tests/browser/portal_test.py).

mod common;

use common::{build, samples};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `unkg serve`, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }
}

fn serve(store: &Path) -> Server {
    let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port();
    let child = Command::new(assert_cmd::cargo::cargo_bin("unkg"))
        .args(["serve", "--store"])
        .arg(store)
        .args(["--bind", &format!("127.0.0.1:{port}"), "--base", &format!("http://127.0.0.1:{port}/")])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start unkg serve");
    let mut server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("unkg serve exited early: {status}");
        }
        assert!(Instant::now() < deadline, "unkg serve did not listen within 60 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn store_of(paths: &[&Path]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let (code, err) = build(&store, paths);
    assert_eq!(code, 0, "{err}");
    (dir, store)
}

struct Got {
    status: u16,
    body: String,
    headers: String,
}

fn curl(args: &[&str]) -> Got {
    let dir = tempfile::tempdir().expect("temp dir");
    let headers = dir.path().join("headers");
    let out = Command::new("curl")
        .args(["-s", "-S", "--max-time", "60", "-D"])
        .arg(&headers)
        .args(["-w", "\n<<<%{http_code}"])
        .args(args)
        .output()
        .expect("run curl");
    assert!(out.status.success(), "curl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once("\n<<<").expect("curl's trailer");
    Got {
        status: status.trim().parse().expect("status"),
        body: body.to_owned(),
        headers: std::fs::read_to_string(headers).unwrap_or_default().to_ascii_lowercase(),
    }
}

fn html(url: &str) -> Got {
    curl(&["-H", "Accept: text/html", url])
}

fn json(url: &str) -> serde_json::Value {
    let got = curl(&["-H", "Accept: application/json", url]);
    assert_eq!(got.status, 200, "{url}: {}", got.body);
    serde_json::from_str(&got.body).unwrap_or_else(|e| panic!("{url}: not JSON ({e}): {}", got.body))
}

fn search(s: &Server, query: &str) -> Vec<serde_json::Value> {
    json(&s.url(&format!("search?{query}"))).as_array().expect("a list of results").clone()
}

#[test]
fn search_answers_json_by_prefix_without_accents_most_mentioned_first() {
    let (_dir, store) = store_of(&[&samples()]);
    assert!(store.join("unkg-search/stamp").exists(), "build makes the search index in the store");
    let s = serve(&store);

    let kaz = search(&s, "q=Kazakhstan");
    assert_eq!(kaz[0]["iri"], s.url("id/state/KAZ"), "{kaz:?}");
    assert_eq!(kaz[0]["label"], "Kazakhstan");
    assert_eq!(kaz[0]["type"], "State");
    assert_eq!(kaz[0]["speeches"], 5);
    for r in &kaz {
        for field in ["iri", "label", "type", "speeches"] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
    }
    // Prefixes, any case, without accents.
    assert_eq!(search(&s, "q=kazak")[0]["label"], "Kazakhstan");
    let civ = search(&s, "q=cote+d%27ivoire&type=State");
    assert_eq!(civ[0]["label"], "Côte d'Ivoire", "{civ:?}");
    assert!(search(&s, "q=COTE+D").iter().any(|r| r["label"] == "Côte d'Ivoire"));
    // Ranked by mentions.
    let un = search(&s, "q=united&limit=50");
    let counts: Vec<u64> = un.iter().map(|r| r["mentions"].as_u64().unwrap_or(0)).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // The type facet keeps one type.
    let orgs = search(&s, "q=u&type=Organisation&limit=30");
    assert!(!orgs.is_empty());
    assert!(orgs.iter().all(|r| r["type"] == "Organisation"), "{orgs:?}");
    // Limits are capped, and a limit that is no number is refused.
    assert!(search(&s, "q=&limit=100000").len() <= 200);
    assert_eq!(search(&s, "q=a&limit=3").len(), 3);
    assert_eq!(curl(&[&s.url("search?q=a&limit=lots")]).status, 400);
    assert!(search(&s, "q=zzzzqqq").is_empty());
    // The same search as a page, with facets and counts.
    let page = html(&s.url("search?q=kaz"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<input type=\"search\""), "{}", page.body);
    assert!(page.body.contains("class=\"badge k-state"), "{}", page.body);
}

#[test]
fn every_portal_page_is_read_only_and_sent_with_a_content_security_policy() {
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    for path in ["", "search?q=kaz", "id/state/KAZ", "id/speech/001_eadf400dcecc39c9", "network", "editor", "id/state/KAZ?page=999999&year=1900"] {
        let got = html(&s.url(path));
        assert_eq!(got.status, 200, "/{path}: {}", got.body);
        assert!(got.headers.contains("content-security-policy: default-src 'self'; script-src 'self'"), "/{path}: {}", got.headers);
        assert!(!got.body.contains("<script>"), "/{path} has an inline script");
    }
    let home = html(&s.url(""));
    assert!(home.body.contains("<input type=\"search\""));
    assert!(home.body.contains("Speeches per year"));
    assert!(home.body.contains("href=\"/id/state/KAZ\""), "top entities link to their pages");
    let post = curl(&["-X", "POST", "-d", "q=kaz", &s.url("search")]);
    assert_eq!(post.status, 405);
    let css = curl(&[&s.url("assets/portal.css")]);
    assert_eq!(css.status, 200);
    assert!(css.headers.contains("content-type: text/css"), "{}", css.headers);
    assert!(css.headers.contains("cache-control: public"), "{}", css.headers);
    assert_eq!(curl(&[&s.url("assets/nothing.js")]).status, 404);
}

#[test]
fn hostile_text_from_a_speech_is_escaped_everywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("000_hostile.txt");
    std::fs::write(
        &file,
        "Mr. Zork<script>alert(1)</script> (Kazakhstan): We thank the \"Kuwaiti\" presidency & the <b>Security Council</b>.\n\n\
         Kazakhstan supports Côte d'Ivoire and Afghanistan.\n",
    )
    .expect("write the speech");
    let (_d, store) = store_of(&[&file]);
    let s = serve(&store);
    let found = search(&s, "q=zork");
    assert!(found.iter().any(|r| r["label"].as_str().is_some_and(|l| l.contains("<script>"))), "{found:?}");
    let pages = [
        "search?q=zork".to_owned(),
        "id/speech/000_hostile".to_owned(),
        "id/state/KAZ".to_owned(),
    ];
    for path in pages {
        let got = html(&s.url(&path));
        assert_eq!(got.status, 200, "/{path}");
        assert!(!got.body.contains("<script>alert"), "/{path} lets the speech's markup through:\n{}", got.body);
        assert!(!got.body.contains("<b>Security"), "/{path}");
        assert!(got.body.contains("&lt;script&gt;"), "/{path} lost the text:\n{}", got.body);
    }
}

/// The speech's mentions of entities, counted by the endpoint.
fn mention_count(s: &Server, speech: &str) -> u64 {
    let q = format!(
        "SELECT (COUNT(?m) AS ?n) WHERE {{ ?m <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> <https://w3id.org/unkg/id/speech/{speech}> ; <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e }}"
    );
    let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let v = json(&s.url(&format!("sparql?query={encoded}")));
    v["results"]["bindings"][0]["n"]["value"].as_str().and_then(|n| n.parse().ok()).expect("a count")
}

#[test]
fn the_reader_marks_every_mention_the_store_has() {
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    for speech in ["000_eb8c3d89eb49a159", "001_eadf400dcecc39c9", "003_b70b41d151435293"] {
        let page = html(&s.url(&format!("id/speech/{speech}")));
        assert_eq!(page.status, 200);
        let marks = page.body.matches(" data-entity=\"").count() as u64;
        let expected = mention_count(&s, speech);
        assert!(expected > 0);
        assert_eq!(marks, expected, "{speech}: marks against the store's mentions");
        assert!(page.body.contains(&format!("data-entity=\"{}\"", s.url("id/state/KAZ"))), "{speech}");
        assert!(page.body.contains("href=\"/id/state/KAZ\""), "the speaker's state links to its page");
    }
}

/// The rows of a SELECT through the endpoint, each binding as its value.
fn sparql_rows(s: &Server, query: &str) -> Vec<std::collections::HashMap<String, String>> {
    let encoded: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
    let v = json(&s.url(&format!("sparql?query={encoded}")));
    let rows = v["results"]["bindings"].as_array().expect("bindings").clone();
    rows.iter()
        .map(|r| {
            r.as_object()
                .expect("a row")
                .iter()
                .map(|(k, b)| (k.clone(), b["value"].as_str().unwrap_or_default().to_owned()))
                .collect()
        })
        .collect()
}

/// The reader's text: its div, closing tag included (it holds no other div).
fn text_div(html: &str) -> &str {
    let from = html.find("<div class=\"text\" id=\"text\">").expect("the text");
    let rest = &html[from..];
    &rest[..rest.find("</div>").expect("the text's end") + "</div>".len()]
}

/// Whether every `<a>` and `<span>` of `html` closes in order.
fn well_nested(html: &str) -> bool {
    let mut stack = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        match name.as_str() {
            "a" | "span" | "div" => stack.push(name),
            "/a" | "/span" | "/div" => {
                if stack.pop().as_deref() != Some(&name[1..]) {
                    return false;
                }
            }
            _ => {}
        }
    }
    stack.is_empty()
}

#[test]
fn the_reader_marks_every_act_and_entity_pages_list_the_acts_at_them() {
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    let rows = sparql_rows(
        &s,
        "SELECT ?s ?a ?kind (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s unkg:performs ?a . ?a unkg:actKind ?kind ; unkg:evidence ?e } GROUP BY ?s ?a ?kind",
    );
    assert!(!rows.is_empty(), "the samples perform acts");
    let mut speeches: std::collections::BTreeMap<String, Vec<(String, u64)>> = Default::default();
    for r in &rows {
        speeches.entry(r["s"].clone()).or_default().push((r["kind"].clone(), r["n"].parse().expect("a count")));
    }
    for (speech, acts) in &speeches {
        let path = speech.split_once("/id/").map(|(_, p)| format!("id/{p}")).expect("a speech IRI");
        let page = html(&s.url(&path));
        assert_eq!(page.status, 200);
        let text = text_div(&page.body);
        assert!(well_nested(text), "{speech}: marks cross:\n{text}");
        // One mark per act and evidence sentence, of the act's kind.
        let marks = text.matches(" data-act-kind=\"").count() as u64;
        assert_eq!(marks, acts.iter().map(|a| a.1).sum::<u64>(), "{speech}: act marks against the store's");
        for (kind, _) in acts {
            let want: u64 = acts.iter().filter(|a| &a.0 == kind).map(|a| a.1).sum();
            assert_eq!(text.matches(&format!(" data-act-kind=\"{kind}\"")).count() as u64, want, "{speech}: {kind}");
        }
        assert_eq!(page.body.matches("<li data-act=\"").count(), acts.len(), "{speech}: acts listed");
        assert!(page.body.contains(&format!("Acts in this speech ({})", acts.len())), "{speech}");
        // Mentions stay marked inside the sentences.
        assert_eq!(text.matches(" data-entity=\"").count() as u64, mention_count(&s, speech.rsplit('/').next().expect("an id")));
    }

    // A state that acts are directed at: its page counts them per kind.
    let targets = sparql_rows(
        &s,
        "SELECT ?t ?kind (COUNT(DISTINCT ?a) AS ?n) WHERE { ?s unkg:performs ?a . ?a schema:object ?t ; unkg:actKind ?kind . ?t a unkg:State } GROUP BY ?t ?kind ORDER BY ?t",
    );
    let target = targets.first().map(|r| r["t"].clone()).expect("an act directed at a state");
    let path = target.split_once("/id/").map(|(_, p)| format!("id/{p}")).expect("a state IRI");
    let page = html(&s.url(&path));
    assert!(page.body.contains("<section id=\"acts\"><h2>Acts directed at "), "{}", page.body);
    for r in targets.iter().filter(|r| r["t"] == target) {
        assert!(page.body.contains(&format!("data-act-kind=\"{}\" data-acts=\"{}\"", r["kind"], r["n"])), "{path}: {r:?}");
    }
    assert!(well_nested(&format!("<div>{}</div>", page.body.split_once("<section id=\"acts\">").expect("acts").1.split_once("</section>").expect("end").0)));
}

#[test]
fn entity_pages_chart_list_and_draw_their_neighbourhood() {
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    let page = html(&s.url("id/state/KAZ"));
    assert!(page.body.contains("Speeches that mention it (5)"), "{}", page.body);
    assert!(page.body.contains("Most often mentioned with it"));
    assert!(page.body.contains("<svg class=\"star\""));
    assert!(page.body.contains("Mentioned in speeches"), "the quotes stay");
    let filtered = html(&s.url("id/state/KAZ?state=https%3A%2F%2Fw3id.org%2Funkg%2Fid%2Fstate%2FAFG"));
    assert!(filtered.body.contains("Speeches that mention it (0)"), "a filter on a state none spoke for");
}

#[test]
fn the_index_follows_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = common::copy_samples(dir.path());
    let store = dir.path().join("store");
    let one = input.join("000_eb8c3d89eb49a159.txt");
    let (code, err) = build(&store, &[&one]);
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read_to_string(store.join("unkg-search/stamp")).expect("a stamp");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(store.join("unkg-search/stamp")).expect("a stamp");
    assert_ne!(before, after, "a build that changes the store remakes the index");
    // An index left stale (here: removed) is made again when the server starts.
    std::fs::remove_dir_all(store.join("unkg-search")).expect("remove the index");
    let s = serve(&store);
    assert_eq!(search(&s, "q=kazakhstan")[0]["speeches"], 5);
    assert!(store.join("unkg-search/stamp").exists());
}

#[test]
fn networks_come_as_json_and_as_the_same_graphml() {
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    let net = json(&s.url("network.json?view=co-mention&min-weight=2&top=30"));
    let nodes = net["nodes"].as_array().expect("nodes");
    assert!(!nodes.is_empty() && nodes.len() <= 30, "{}", nodes.len());
    assert!(nodes.iter().all(|n| n["pagerank"].as_f64().is_some() && n["community"].as_i64().is_some()));
    assert!(!net["edges"].as_array().expect("edges").is_empty());
    let g = curl(&[&s.url("network.graphml?view=co-mention&min-weight=2&top=30")]);
    assert_eq!(g.status, 200);
    assert!(g.headers.contains("content-disposition: attachment"), "{}", g.headers);
    assert_eq!(g.body.matches("<node ").count(), nodes.len(), "the download is the network drawn");
    for view in ["citations", "delegates"] {
        assert_eq!(curl(&["-H", "Accept: application/json", &s.url(&format!("network.json?view={view}&from="))]).status, 200, "{view}");
    }
    assert_eq!(curl(&[&s.url("network.json?view=nonsense")]).status, 400);
    assert_eq!(curl(&[&s.url("network.json?min-weight=x")]).status, 400);
    let page = html(&s.url("network"));
    assert!(page.body.contains("data-src=\"/network.json?"), "{}", page.body);
}

#[test]
fn the_editor_offers_every_canned_query() {
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    let page = html(&s.url("editor"));
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries")).expect("queries/") {
        let name = entry.expect("a file").file_name().to_string_lossy().trim_end_matches(".rq").to_owned();
        assert!(page.body.contains(&format!("<option value=\"{name}\"")), "{name} missing");
    }
    assert!(page.body.contains("<script type=\"application/json\" id=\"queries\">"));
    assert!(page.body.contains("src=\"/assets/vendor/codemirror.js\""));
}

/// A program given by an environment variable, or the first of `names`
/// found on PATH.
fn program(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var).map(PathBuf::from).filter(|p| p.exists()) {
        return Some(p);
    }
    let path = std::env::var_os("PATH")?;
    names.iter().flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n))).find(|p| p.exists())
}

#[test]
fn in_a_real_browser() {
    let python = std::env::var_os("UNKG_PYTHON").map(PathBuf::from).or_else(|| {
        let venv = Path::new(&std::env::var_os("HOME")?).join(".cache/unkg/venv/bin/python");
        venv.exists().then_some(venv)
    });
    let Some(python) = python else {
        println!("skipped: no Python for Selenium (set UNKG_PYTHON)");
        return;
    };
    let Some(chromium) = program("UNKG_CHROMIUM", &["chromium", "chromium-browser", "google-chrome"]) else {
        println!("skipped: no Chromium (apt-get install chromium chromium-driver, or set UNKG_CHROMIUM)");
        return;
    };
    let Some(driver) = program("UNKG_CHROMEDRIVER", &["chromedriver"]) else {
        println!("skipped: no chromedriver (apt-get install chromium-driver, or set UNKG_CHROMEDRIVER)");
        return;
    };
    let has_selenium = Command::new(&python).args(["-c", "import selenium"]).status().is_ok_and(|s| s.success());
    if !has_selenium {
        println!("skipped: {} has no selenium (pip install selenium)", python.display());
        return;
    }
    let (_dir, store) = store_of(&[&samples()]);
    let s = serve(&store);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/portal_test.py");
    let out = Command::new(&python)
        .arg(&script)
        .arg(s.url(""))
        .env("UNKG_CHROMIUM", &chromium)
        .env("UNKG_CHROMEDRIVER", &driver)
        .output()
        .expect("run the browser test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(out.status.success(), "browser test failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    for scenario in ["search: ok", "speech: ok", "acts: ok", "network: ok", "editor: ok"] {
        assert!(stdout.contains(scenario), "{scenario} not reported:\n{stdout}");
    }
}

#[test]
fn a_long_speech_is_read_a_part_at_a_time() {
    // A sample speech's body repeated to about 450,000 characters: three
    // parts of the reader's 200,000.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(samples().join("000_eb8c3d89eb49a159.txt")).expect("a sample speech");
    let (head, body) = text.split_once('\n').expect("a header line");
    let mut long = format!("{head}\n");
    while long.chars().count() < 450_000 {
        long.push_str(body);
        long.push('\n');
    }
    let speeches = dir.path().join("in");
    std::fs::create_dir(&speeches).expect("a folder");
    std::fs::write(speeches.join("900_long.txt"), &long).expect("the long speech");
    let (_store_dir, store) = store_of(&[&speeches]);
    let s = serve(&store);

    let first = html(&s.url("id/speech/900_long"));
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(first.body.contains("part 1 of 3") && first.body.contains("rel=\"next\"") && !first.body.contains("rel=\"prev\""), "{}", &first.body[..2000.min(first.body.len())]);
    let shown = text_div(&first.body);
    assert!(shown.contains("class=\"m "), "no mention marked in the first part");
    let last = html(&s.url("id/speech/900_long?part=2"));
    assert!(last.body.contains("part 3 of 3") && last.body.contains("rel=\"prev\"") && !last.body.contains("rel=\"next\""));
    assert!(text_div(&last.body).contains("class=\"m "), "no mention marked in the last part");
    // Past the end: a link back to the first part, not an error.
    let beyond = html(&s.url("id/speech/900_long?part=99"));
    assert_eq!(beyond.status, 200);
    assert!(beyond.body.contains("has 3 parts"), "{}", &beyond.body[..2000.min(beyond.body.len())]);
    assert_eq!(html(&s.url("id/speech/900_long?part=x")).status, 400);
}
