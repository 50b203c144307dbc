"""The HTML report in a real browser: Debian's headless Chromium driven by Selenium through
Debian's chromedriver (no browser download). CI installs both (scripts/install.sh --test)
and sets CONCORD_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping."""

import os
import shutil

import pytest
from click.testing import CliRunner

from concord.cli import main
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
from selenium.webdriver.common.by import By  # noqa: E402


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
    res = CliRunner().invoke(main, ["check", str(CORPUS), "-o", str(out), "--fail-on", "never"],
                             env={"CONCORD_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    assert res.exit_code == 0, res.output
    return out


def _errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _visible_categories(driver, pair=1):
    rows = driver.find_elements(By.CSS_SELECTOR, f'table.findings[data-pair="{pair}"] tr.finding')
    return [r.get_attribute("data-category") for r in rows if r.is_displayed()]


def test_index_renders_groups_and_counts(browser, seed_report):
    browser.get((seed_report / "index.html").as_uri())
    assert browser.title == "Concord report"
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "main table a")]
    assert links == ["lluvias-valencia", "mexico-extradiciones", "sismo-chile", "tasas-colombia"]
    assert _errors(browser) == []


def test_group_page_filters_hide_other_categories(browser, seed_report):
    browser.get((seed_report / "group-mexico-extradiciones.html").as_uri())
    page = browser.find_element(By.TAG_NAME, "body").text
    assert "Name 'Houston' appears only in 002_b2ec2e246b353f73.txt." in page
    before = _visible_categories(browser)
    assert {"name", "quote", "number"} <= set(before)
    # "only" on the quote category: every other category disappears
    browser.find_element(By.CSS_SELECTOR, 'button.only[data-pair="1"][value="quote"]').click()
    after = _visible_categories(browser)
    assert after and set(after) == {"quote"} and len(after) == before.count("quote")
    count = browser.find_element(By.ID, "count-1").text
    assert count == f"{len(after)} of {len(before)} finding(s) shown"
    # unticking a category hides just that one; "show all" brings everything back
    browser.find_element(By.CSS_SELECTOR, 'button.all[data-pair="1"]').click()
    browser.find_element(By.CSS_SELECTOR, 'input.f-cat[data-pair="1"][value="name"]').click()
    assert "name" not in _visible_categories(browser)
    assert len(_visible_categories(browser)) == len(before) - before.count("name")
    # keyboard: focus the checkbox and press space to tick it again
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.CSS_SELECTOR, 'input.f-cat[data-pair="1"][value="name"]')
    box.send_keys(Keys.SPACE)
    assert _visible_categories(browser) == before
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
    assert len(scripts) == 1 and "__xss" not in scripts[0].get_attribute("textContent")
    text = browser.find_element(By.TAG_NAME, "body").text
    assert '<script>window.__xss = 1</script>' in text
    assert '<img src=x onerror="window.__xss = 2">' in text
    assert '</textarea><a href="javascript:window.__xss=3">enlace</a>' in text
    assert _errors(browser) == []
