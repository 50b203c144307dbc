"""Regenerate the screenshots of the README and docs/reading-the-report.md.

Checks the bundled corpus into a temporary folder and photographs the pages with Debian's
headless Chromium through Selenium (the browser tests' setup):

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def main() -> int:
    from selenium import webdriver
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory(prefix="concord-shots-") as tmp:
        out = Path(tmp) / "reports"
        subprocess.run([sys.executable, "-m", "concord", "check", str(ROOT / "corpus"), "-o", str(out),
                        "--fail-on", "never", "-q", "-j", "1"], check=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT / "src"), CONCORD_CACHE_DIR=str(Path(tmp) / "cache"),
                                SOURCE_DATE_EPOCH="1780000000"))
        opts = webdriver.ChromeOptions()
        opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={Path(tmp) / 'profile'}"):
            opts.add_argument(arg)
        driver = webdriver.Chrome(options=opts, service=webdriver.ChromeService(
            executable_path=shutil.which("chromedriver")))
        try:
            def shot(name, width, height):
                driver.set_window_size(width, height)
                driver.save_screenshot(str(DOCS / name))
                print(f"wrote docs/{name}")

            driver.get((out / "group-sismo-chile.html").as_uri())
            driver.set_window_size(1300, 1100)
            # the README picture: the story page, a highlight hovered, one finding accepted
            driver.find_element(By.CSS_SELECTOR, "details.legend summary").click()  # open the legend
            driver.find_element(By.CSS_SELECTOR, "table.findings tr.finding:nth-child(4) input.accept").click()
            driver.execute_script("window.scrollTo(0, 0)")
            shot("story-page.png", 1300, 1250)
            driver.find_element(By.CSS_SELECTOR, "details.legend summary").click()  # fold it again
            driver.set_window_size(1300, 1150)
            hl = driver.find_element(By.CSS_SELECTOR, "a.hl.hl-number[data-fid]")
            ActionChains(driver).move_to_element(hl).perform()
            driver.execute_script("window.scrollTo(0, 0)")
            shot("report.png", 1300, 1150)
            driver.get((out / "index.html").as_uri())
            shot("index-page.png", 1300, 1250)
            driver.find_element(By.CSS_SELECTOR, 'button.only[value="date"]').click()
            shot("index-filtered.png", 1300, 900)
            driver.execute_script("localStorage.clear()")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
