"""The HTML report in a real browser: Debian's headless Chromium driven by Selenium through
Debian's chromedriver (no browser download). CI installs both (scripts/install.sh --test)
and sets CONCORD_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping."""

import csv
import io
import json
import os
import re
import shutil
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from concord.cli import main
from concord.document import Category, Severity

from conftest import CORPUS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.browser

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("CONCORD_REQUIRE_BROWSER") == "1":
        raise RuntimeError("CONCORD_REQUIRE_BROWSER=1 but chromium/chromedriver are not installed")
    pytest.skip("Debian chromium and chromium-driver are not installed "
                "(apt-get install chromium chromium-driver)", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
                "--window-size=1300,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    res = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(out), "--fail-on", "never",
                                   "--format", "html,json,csv"],
                             env={"CONCORD_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    assert res.exit_code == 0, res.output
    return out


def _errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _visible(driver, attr="data-category"):
    rows = driver.find_elements(By.CSS_SELECTOR, "table.findings tr.finding")
    return [r.get_attribute(attr) for r in rows if r.is_displayed()]


def _findings(report):
    data = json.loads((report / "findings.json").read_text(encoding="utf-8"))
    return {g["id"]: [f for p in g["pairs"] for f in p["findings"]] for g in data["groups"]}


def test_index_lists_stories_with_headlines_date_and_plurals(browser, seed_report):
    browser.get((seed_report / "index.html").as_uri())
    assert browser.title == "Concord report"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.stories tr.story")
    pages = [r.find_element(By.TAG_NAME, "a").get_attribute("href").rsplit("/", 1)[1] for r in rows]
    assert pages == ["group-lluvias-valencia.html", "group-mexico-extradiciones.html",
                     "group-sismo-chile.html", "group-tasas-colombia.html"]
    # a headline per story, not its id
    assert rows[2].find_element(By.TAG_NAME, "a").text.startswith("Strong earthquake shakes northern Chile")
    header = browser.find_element(By.TAG_NAME, "header").text
    assert re.search(r"run \d{4}-\d\d-\d\d \d\d:\d\d UTC", header) and "4 stories, 11 documents" in header
    # the badges count finding rows (a finding several pairs of versions share is one row)
    shown = _visible(browser, "data-severity")
    counts = {sev: shown.count(sev) for sev in Severity.values()}
    summary = browser.find_element(By.ID, "summary").text
    for sev, n in counts.items():
        assert f"{n} {sev if n == 1 or sev == 'info' else sev + 's'}" in summary  # "info" is uncountable
    assert "(s)" not in browser.find_element(By.TAG_NAME, "body").text
    assert _errors(browser) == []


def test_group_page_sorted_by_severity_with_legend(browser, seed_report):
    browser.get((seed_report / "group-mexico-extradiciones.html").as_uri())
    ranks = [Severity(s).rank for s in _visible(browser, "data-severity")]
    assert len(ranks) > 10 and ranks == sorted(ranks, reverse=True) and ranks[0] == Severity.ERROR.rank
    legend = browser.find_element(By.CSS_SELECTOR, "details.legend")
    assert legend.get_attribute("open") is None  # folded: the findings come first
    legend.find_element(By.TAG_NAME, "summary").click()
    assert legend.get_attribute("open") is not None
    for name in (*Category.values(), *Severity.values()):
        assert name in legend.text
    # sentence numbers start at 1; files are named with their language, never "A"/"B"
    first = browser.find_element(By.CSS_SELECTOR, "table.align tbody tr td.a .num")
    assert first.text == "1"
    heads = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "table.align thead th")][:2]
    assert heads[0].startswith("000_30275b1cc5977e66.txt en") and heads[1].startswith("002_b2ec2e246b353f73.txt en")
    # a dropped sentence (or dateline) is one row, with the facts it carries inside it
    drops = browser.find_elements(By.XPATH, "//tr[contains(@class,'finding')][contains(., 'It carries:')]")
    assert drops and {d.get_attribute("data-category") for d in drops} <= {"omission", "addition", "credit"}
    assert all("\u201c" in d.text for d in drops)
    # its figures are listed in its own row, not in rows of their own
    assert any("320 tons" in d.text for d in drops)
    assert not [r for r in browser.find_elements(By.CSS_SELECTOR, "tr.finding[data-category='number']")
                if "320 tons" in r.text]
    # "only" on the quote category: every other category disappears
    before = _visible(browser)
    browser.find_element(By.CSS_SELECTOR, 'button.only[value="quote"]').click()
    after = _visible(browser)
    assert after and set(after) == {"quote"} and len(after) == before.count("quote")
    assert browser.find_element(By.ID, "count").text == f"{len(after)} of {len(before)} findings shown"
    browser.find_element(By.CSS_SELECTOR, "button.all").click()
    assert _visible(browser) == before
    # keyboard: untick a category with space, tick it again
    box = browser.find_element(By.CSS_SELECTOR, 'input.f-cat[value="name"]')
    box.send_keys(Keys.SPACE)
    assert "name" not in _visible(browser)
    box.send_keys(Keys.SPACE)
    assert _visible(browser) == before
    assert _errors(browser) == []


def test_hovering_a_highlight_shows_its_message_and_marks_its_row(browser, seed_report):
    browser.get((seed_report / "group-sismo-chile.html").as_uri())
    hl = browser.find_element(By.CSS_SELECTOR, "a.hl.hl-number[data-fid]")
    assert hl.text == "12"  # the fact, not its sentence
    ActionChains(browser).move_to_element(hl).perform()
    tip = browser.find_element(By.ID, "tip")
    row = browser.find_element(By.ID, "f-" + hl.get_attribute("data-fid"))
    message = row.find_elements(By.TAG_NAME, "td")[3].text
    assert tip.is_displayed() and tip.text == message and "'12'" in message and "'14'" in message
    assert "active" in row.get_attribute("class").split()
    # the keyboard does the same: focus shows the message, Enter jumps to the row
    browser.find_element(By.TAG_NAME, "body").click()
    other = browser.find_elements(By.CSS_SELECTOR, "a.hl.hl-number[data-fid]")[-1]
    browser.execute_script("arguments[0].focus()", other)
    assert tip.is_displayed() and tip.text == other.get_attribute("data-msg")
    other.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#f-" + other.get_attribute("data-fid")
    # the similarity score is behind a toggle
    score = browser.find_element(By.CSS_SELECTOR, "table.align .score")
    assert not score.is_displayed()
    browser.find_element(By.ID, "show-scores").click()
    assert score.is_displayed() and score.text.startswith("similarity ")
    assert _errors(browser) == []


def _download(browser, link_id):
    href = browser.find_element(By.ID, link_id).get_attribute("href")
    prefix, _, body = href.partition(",")
    assert prefix.startswith("data:")
    return unquote(body)


def test_accept_gives_a_baseline_that_suppresses_exactly_the_accepted(browser, seed_report, tmp_path):
    browser.get((seed_report / "group-tasas-colombia.html").as_uri())
    browser.find_element(By.ID, "accept-clear").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.findings tr.finding")
    picked = [rows[0], rows[2]]
    accepted = set()
    for r in picked:
        r.find_element(By.CSS_SELECTOR, "input.accept").click()
        accepted.update(r.get_attribute("data-ids").split())
    assert browser.find_element(By.ID, "accepted-count").text == f"{len(accepted)} accepted findings"
    base = tmp_path / "concord-baseline.json"
    base.write_text(_download(browser, "baseline-download"), encoding="utf-8")
    assert {e["id"] for e in json.loads(base.read_text(encoding="utf-8"))["findings"]} == accepted
    # the CSV of the table: one record per finding and place, every finding id present
    browser.find_element(By.ID, "csv-download").click()
    records = list(csv.DictReader(io.StringIO(_download(browser, "csv-download"))))
    before = _findings(seed_report)
    assert {r["id"] for r in records} == {f["id"] for f in before["tasas-colombia"]}
    out = tmp_path / "r"
    res = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(out), "--fail-on", "never",
                                    "--format", "json", "--baseline", str(base)],
                             env={"CONCORD_CACHE_DIR": str(tmp_path / "cache")})
    assert res.exit_code == 0, res.output
    after = _findings(out)
    for story, found in before.items():
        expected = [f["id"] for f in found if f["id"] not in accepted]
        assert [f["id"] for f in after[story]] == expected, story
    assert sum(len(v) for v in before.values()) - sum(len(v) for v in after.values()) == len(accepted)
    browser.find_element(By.ID, "accept-clear").click()
    assert _errors(browser) == []


def test_index_search_and_filters_work_across_stories(browser, seed_report):
    browser.get((seed_report / "index.html").as_uri())
    found = _findings(seed_report)
    q = browser.find_element(By.ID, "q")
    q.send_keys("Chuquicamata")
    shown = [r for r in browser.find_elements(By.CSS_SELECTOR, "table.findings tr.finding") if r.is_displayed()]
    assert shown and all("chuquicamata" in r.text.lower() for r in shown)
    stories = [r.get_attribute("data-order") for r in browser.find_elements(By.CSS_SELECTOR, "tr.story")
               if r.is_displayed()]
    assert stories == []  # no story row mentions it; its findings do
    q.clear()
    q.send_keys("earthquake")
    shown = [r.find_element(By.TAG_NAME, "a").get_attribute("href").rsplit("/", 1)[1]
             for r in browser.find_elements(By.CSS_SELECTOR, "tr.story") if r.is_displayed()]
    assert shown == ["group-sismo-chile.html"]
    browser.find_element(By.CSS_SELECTOR, "button.all").click()
    # "only" dates: finding rows of every story with a date finding, and only those stories
    browser.find_element(By.CSS_SELECTOR, 'button.only[value="date"]').click()
    rows = [r for r in browser.find_elements(By.CSS_SELECTOR, "table.findings tr.finding") if r.is_displayed()]
    assert {r.get_attribute("data-category") for r in rows} == {"date"}
    assert len(rows) == len({f["id"] for fs in found.values() for f in fs if f["category"] == "date"})
    with_dates = sorted(g for g, fs in found.items() if any(f["category"] == "date" for f in fs))
    shown_stories = sorted(r.find_element(By.TAG_NAME, "a").get_attribute("href").rsplit("/", 1)[1][6:-5]
                           for r in browser.find_elements(By.CSS_SELECTOR, "tr.story") if r.is_displayed())
    assert shown_stories == with_dates and len(with_dates) < len(found)
    # most serious first across stories
    browser.find_element(By.CSS_SELECTOR, "button.all").click()
    ranks = [Severity(r.get_attribute("data-severity")).rank
             for r in browser.find_elements(By.CSS_SELECTOR, "table.findings tr.finding")]
    assert ranks == sorted(ranks, reverse=True)
    assert _errors(browser) == []


def test_hostile_document_renders_as_text(browser, tmp_path):
    a, b = tmp_path / "xss.en.txt", tmp_path / "xss.es.txt"
    a.write_text('Officials said <script>window.__xss = 1</script> and '
                 '<img src=x onerror="window.__xss = 2"> 12 died in Lima.\n', encoding="utf-8")
    b.write_text('Las autoridades dijeron </textarea><a href="javascript:window.__xss=3">enlace</a> '
                 '"<b onmouseover=alert(4)>cita</b>" 14 muertos en Lima.\n', encoding="utf-8")
    out = tmp_path / "r"
    res = CliRunner().invoke(main, ["compare", str(a), str(b), "-o", str(out), "--translator", "none"])
    assert res.exit_code == 1, res.output
    browser.get((out / "group-compare.html").as_uri())
    assert browser.execute_script("return window.__xss === undefined") is True
    assert browser.find_elements(By.CSS_SELECTOR, "img, textarea, b, a[href^='javascript']") == []
    scripts = browser.find_elements(By.TAG_NAME, "script")
    code = [x for x in scripts if x.get_attribute("type") != "application/json"]
    data = [x for x in scripts if x.get_attribute("type") == "application/json"]
    assert len(code) == 1 and "__xss" not in code[0].get_attribute("textContent")
    # the page's data (messages, evidence) is JSON with <, > and & escaped: it cannot end its
    # <script> element early
    assert len(data) == 1 and "<" not in data[0].get_attribute("textContent")
    text = browser.find_element(By.TAG_NAME, "body").text
    assert '<script>window.__xss = 1</script>' in text
    assert '<img src=x onerror="window.__xss = 2">' in text
    assert '</textarea><a href="javascript:window.__xss=3">enlace</a>' in text
    assert _errors(browser) == []
    # hovering the highlighted number shows the message as text, not as markup
    hl = browser.find_element(By.CSS_SELECTOR, "a.hl[data-fid]")
    ActionChains(browser).move_to_element(hl).perform()
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed() and tip.text == hl.get_attribute("data-msg") and tip.text.startswith("Number changed")
    assert browser.find_elements(By.CSS_SELECTOR, "#tip *") == []


@pytest.mark.parametrize("page", ["index.html", "group-sismo-chile.html", "group-mexico-extradiciones.html"])
def test_a_phone_width_never_scrolls_the_page_sideways(browser, seed_report, page):
    """At 390 px (a phone) the page is as wide as the screen: table rows reflow into cards
    and the legend is folded, so the first screen shows the findings."""
    try:
        browser.set_window_size(390, 844)
        browser.get((seed_report / page).as_uri())
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        assert browser.find_element(By.CSS_SELECTOR, "details.legend").get_attribute("open") is None
        row = browser.find_element(By.CSS_SELECTOR, "table.findings tr.finding")
        assert row.rect["width"] <= width
        assert _errors(browser) == []
    finally:
        browser.set_window_size(1300, 1000)


def _badges(driver) -> dict[str, int]:
    out = {}
    for b in driver.find_elements(By.CSS_SELECTOR, "#summary .badge"):
        n, sev = b.text.split(" ", 1)
        out[sev.rstrip("s") if sev != "info" else sev] = int(n)
    return out


@pytest.mark.parametrize("page", ["index.html", "group-mexico-extradiciones.html"])
def test_counts_equal_the_rows_shown_before_and_after_accepting(browser, seed_report, page):
    """The badges count the finding rows the page lists (a finding that several pairs of
    versions share is one row, counted once) and follow accepted findings."""
    browser.get((seed_report / page).as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.findings tr.finding")
    by_sev = {s: sum(r.get_attribute("data-severity") == s for r in rows) for s in Severity.values()}
    assert _badges(browser) == by_sev and sum(by_sev.values()) == len(rows) > 10
    assert browser.find_element(By.ID, "count").text == f"{len(rows)} of {len(rows)} findings shown"
    first_error = next(r for r in rows if r.get_attribute("data-severity") == "error")
    first_error.find_element(By.CSS_SELECTOR, "input.accept").click()
    assert _badges(browser) == dict(by_sev, error=by_sev["error"] - 1)
    browser.find_element(By.ID, "accept-clear").click()
    assert _badges(browser) == by_sev
    assert _errors(browser) == []


@pytest.mark.parametrize("page", ["index.html", "group-mexico-extradiciones.html"])
def test_the_csv_download_is_the_table_format_csv_writes(browser, seed_report, page):
    """The page's CSV (all findings shown) holds the records `--format csv` writes for the
    same findings: same columns, same rows, the text column filled."""
    browser.get((seed_report / page).as_uri())
    link = browser.find_element(By.ID, "csv-download")
    link.click()
    text = unquote(link.get_attribute("href").split(",", 1)[1])
    page_rows = list(csv.DictReader(io.StringIO(text)))
    with open(seed_report / "findings.csv", encoding="utf-8", newline="") as fh:
        written = list(csv.DictReader(fh))
    stories = {r["story"] for r in page_rows}
    key = sorted
    assert key(tuple(r.items()) for r in page_rows) == key(
        tuple(r.items()) for r in written if r["story"] in stories)
    assert page_rows and all(r["text"] for r in page_rows)


def test_a_jump_to_a_finding_focuses_its_row_and_sorting_sets_aria_sort(browser, seed_report):
    browser.get((seed_report / "group-sismo-chile.html").as_uri())
    hl = browser.find_element(By.CSS_SELECTOR, "a.hl[data-fid]")
    hl.send_keys(Keys.ENTER)
    from selenium.webdriver.support.ui import WebDriverWait

    # the focus moves on the hashchange event, which the browser fires after the jump
    WebDriverWait(browser, 5).until(lambda d: d.switch_to.active_element.tag_name == "tr")
    focused = browser.switch_to.active_element
    assert focused.get_attribute("id") == "f-" + hl.get_attribute("data-fid")
    heads = browser.find_elements(By.CSS_SELECTOR, "table.findings th[aria-sort]")
    assert [h.get_attribute("aria-sort") for h in heads] == ["none"] * len(heads) and heads
    heads[0].find_element(By.CSS_SELECTOR, "button.sort").click()
    assert heads[0].get_attribute("aria-sort") == "descending"
    heads[0].find_element(By.CSS_SELECTOR, "button.sort").click()
    assert heads[0].get_attribute("aria-sort") == "ascending"
