"""The portal in a real browser: headless Chromium driven by Selenium.

Usage: portal_test.py BASE_URL
Environment: UNKG_CHROMIUM and UNKG_CHROMEDRIVER (paths), and optionally
UNKG_SPEECH and UNKG_SPEAKER_ROWS (0: any) for a store other than the
samples, and UNKG_SCREENSHOTS=DIR to save home.png, speech.png, entity.png, network.png
and editor.png there (the README's pictures, docs/img).

The four scenarios of issue #11, each printing "<name>: ok" when it passes:
search "Kazakhstan" and open the state; open a speech and count the marked
mentions against the store (a SPARQL COUNT through /sparql); open a network
and check that nodes are drawn; run a canned query and see its rows. And the
acts of issue #24: open the speech with the most acts and compare its act
marks with the store's acts (which acts, their kinds, one mark per act and
evidence sentence), then open one target's page and compare its "Acts
directed at" counts per kind with the store's (UNKG_ACT_SPEECH picks the
speech; acts.png is its picture).
"""

import collections

import json
import os
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1].rstrip("/") + "/"
SHOTS = os.environ.get("UNKG_SCREENSHOTS")
# The sample store's speech and its number of speakers; another store
# (for the README's pictures) names its own by environment.
SPEECH = os.environ.get("UNKG_SPEECH", "001_eadf400dcecc39c9")
SPEAKER_ROWS = int(os.environ.get("UNKG_SPEAKER_ROWS", "5"))


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ["UNKG_CHROMIUM"]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(os.environ["UNKG_CHROMEDRIVER"]), options=options)


def shot(driver, name, height=None):
    if not SHOTS:
        return
    os.makedirs(SHOTS, exist_ok=True)
    full = height or driver.execute_script("return Math.min(document.body.scrollHeight, 2400)")
    driver.set_window_size(1280, max(800, int(full)))
    time.sleep(0.3)
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    driver.set_window_size(1280, 1000)


def csp_errors(driver):
    """Console errors about the Content-Security-Policy: a blocked script is a bug."""
    try:
        logs = driver.get_log("browser")
    except Exception:
        return []
    return [l["message"] for l in logs if "Content Security Policy" in l.get("message", "")]


def sparql(query):
    """The rows of a SELECT through /sparql, as dicts of plain values."""
    url = BASE + "sparql?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        data = json.load(r)
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def sparql_count(query):
    return int(sparql(query)[0]["n"])


def local(iri):
    """An IRI from the id/ on: the store's and the pages' (moved to --base) compare equal."""
    return iri[iri.find("/id/") :] if "/id/" in iri else iri


def search(driver, wait):
    driver.get(BASE)
    shot(driver, "home")
    box = driver.find_element(By.CSS_SELECTOR, "main input[type=search]")
    box.send_keys("Kazakhstan", Keys.ENTER)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.results li")))
    first = driver.find_element(By.CSS_SELECTOR, "ol.results li a")
    assert first.text == "Kazakhstan", first.text
    first.click()
    wait.until(EC.title_contains("Kazakhstan"))
    assert driver.current_url.rstrip("/").endswith("/id/state/KAZ"), driver.current_url
    assert driver.find_elements(By.CSS_SELECTOR, "svg.star circle"), "no network around the state"
    shot(driver, "entity")
    print("search: ok (Kazakhstan -> %s)" % driver.current_url)


def speech(driver, wait):
    driver.get(BASE + "id/speech/" + SPEECH)
    wait.until(EC.presence_of_element_located((By.ID, "text")))
    marks = driver.find_elements(By.CSS_SELECTOR, "#text [data-entity]")
    expected = sparql_count(
        "SELECT (COUNT(?m) AS ?n) WHERE { ?m nif:referenceContext <https://w3id.org/unkg/id/speech/%s> ; itsrdf:taIdentRef ?e }" % SPEECH
    )
    assert len(marks) == expected, "%d marks, %d mentions in the store" % (len(marks), expected)
    # Each mark links to its entity.
    href = marks[0].get_attribute("href")
    assert "/id/" in href, href
    shot(driver, "speech", 1400)
    print("speech: ok (%d marked mentions = %d in the store)" % (len(marks), expected))


def acts(driver, wait):
    speech_iri = os.environ.get("UNKG_ACT_SPEECH")
    if speech_iri:
        speech_iri = "https://w3id.org/unkg/id/speech/" + speech_iri
    else:
        rows = sparql("SELECT ?s (COUNT(DISTINCT ?a) AS ?n) WHERE { ?s unkg:performs ?a } GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 1")
        assert rows, "no speech in the store performs an act"
        speech_iri = rows[0]["s"]
    # The store's acts of the speech: kind, target, evidence sentences.
    stored = sparql(
        "SELECT ?a ?kind ?t (COUNT(DISTINCT ?e) AS ?sentences) WHERE { <%s> unkg:performs ?a . ?a unkg:actKind ?kind ; unkg:evidence ?e . "
        "OPTIONAL { ?a schema:object ?t } } GROUP BY ?a ?kind ?t" % speech_iri
    )
    expected = {local(r["a"]): (r["kind"], local(r.get("t", ""))) for r in stored}
    expected_marks = sum(int(r["sentences"]) for r in stored)
    driver.get(BASE + local(speech_iri).lstrip("/"))
    wait.until(EC.presence_of_element_located((By.ID, "text")))
    marks = driver.find_elements(By.CSS_SELECTOR, "#text [data-act]")
    seen = {}
    for m in marks:
        seen[local(m.get_attribute("data-act"))] = (m.get_attribute("data-act-kind"), local(m.get_attribute("data-act-target") or ""))
    assert len(marks) == expected_marks, "%d act marks, %d acts x sentences in the store" % (len(marks), expected_marks)
    assert seen == expected, "marks %s\nstore %s" % (sorted(seen.items()), sorted(expected.items()))
    kinds = collections.Counter(k for k, _ in seen.values())
    assert kinds == collections.Counter(k for k, _ in expected.values()), kinds
    # Every act is listed under the text, and every list item's sentence is in the text.
    items = driver.find_elements(By.CSS_SELECTOR, "ul.acts li[data-act]")
    assert len(items) == len(expected), "%d acts listed, %d in the store" % (len(items), len(expected))
    for a in driver.find_elements(By.CSS_SELECTOR, "ul.acts li a[href^='#act-']"):
        anchor = a.get_attribute("href").split("#", 1)[1]
        assert driver.find_elements(By.ID, anchor), "no sentence #%s in the text" % anchor
    # The sentence is visibly highlighted: its badge names its acts.
    first = driver.find_element(By.CSS_SELECTOR, "#text span.act[data-badge]")
    assert first.get_attribute("data-badge"), "a sentence without its badge"
    errors = csp_errors(driver)
    assert not errors, errors
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    shot(driver, "acts", 1400)

    # A target's page lists the acts directed at it, as many per kind as the store has.
    target = next((t for _, t in sorted(expected.values()) if t.startswith("/id/state/") or t.startswith("/id/organisation/")), None)
    target = target or next((t for _, t in sorted(expected.values()) if t), None)
    assert target, "no act of the speech has a target"
    per_kind = {
        r["kind"]: int(r["n"])
        for r in sparql(
            "SELECT ?kind (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:object <https://w3id.org/unkg%s> ; unkg:actKind ?kind . "
            "?s unkg:performs ?a } GROUP BY ?kind" % target
        )
    }
    driver.get(BASE + target.lstrip("/"))
    wait.until(EC.presence_of_element_located((By.ID, "acts")))
    groups = driver.find_elements(By.CSS_SELECTOR, "#acts .act-group")
    shown = {g.get_attribute("data-act-kind"): int(g.get_attribute("data-acts")) for g in groups}
    assert shown == per_kind, "page %s, store %s" % (shown, per_kind)
    assert driver.find_elements(By.CSS_SELECTOR, "#acts .act-group li a[href*='/id/speech/']"), "no speech linked"
    driver.execute_script("document.getElementById('acts').scrollIntoView()")
    shot(driver, "entity-acts", 1000)
    print("acts: ok (%d acts in %d marks = the store's; %s: %s)" % (len(expected), len(marks), target, shown))


def network(driver, wait):
    driver.get(BASE + "network?view=co-mention&top=60")
    box = wait.until(EC.presence_of_element_located((By.ID, "network")))
    WebDriverWait(driver, 60).until(lambda d: box.get_attribute("data-drawn"))
    drawn = int(box.get_attribute("data-drawn"))
    assert drawn > 0, "no node drawn"
    assert driver.find_elements(By.CSS_SELECTOR, "#network canvas"), "no canvas"
    errors = csp_errors(driver)
    assert not errors, errors
    time.sleep(0.5)
    shot(driver, "network", 1000)
    print("network: ok (%d nodes drawn)" % drawn)


def editor(driver, wait):
    driver.get(BASE + "editor")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#editor .cm-editor")))
    Select(driver.find_element(By.ID, "canned")).select_by_value("speakers")
    driver.find_element(By.ID, "run").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_element(By.ID, "results").get_attribute("data-rows"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")
    assert len(rows) == SPEAKER_ROWS or (SPEAKER_ROWS == 0 and rows), "%d rows" % len(rows)
    assert driver.find_elements(By.CSS_SELECTOR, ".cm-content"), "no highlighting editor"
    errors = csp_errors(driver)
    assert not errors, errors
    shot(driver, "editor", 1100)
    print("editor: ok (%d rows)" % len(rows))


def main():
    driver = browser()
    try:
        wait = WebDriverWait(driver, 30)
        search(driver, wait)
        speech(driver, wait)
        acts(driver, wait)
        network(driver, wait)
        editor(driver, wait)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
