"""The pages in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium):
the sample article pasted and highlighted, a corpus article, and text that tries to run script.

Screenshots of each page are saved in the test's tmp folder. Skips, saying why, where Chromium
or chromedriver is not installed (`.ci/run` installs both).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from webdata import XSS_ID, XSS_TEXT, need_sample

from newsquotes.web.server import listen, url_of

webdriver = pytest.importorskip("selenium.webdriver", reason="the browser test needs selenium ([dev])")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")
# flags measured to work on these machines (../shared/NOTES.md)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="module")
def server(app: FastAPI) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, served by uvicorn in a thread."""
    sock = listen("127.0.0.1", 0)
    uvicorn_server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uvicorn_server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield url_of(sock).rstrip("/")
    uvicorn_server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip(
            "the browser test needs Chromium and chromedriver: apt-get install -y chromium chromium-driver "
            f"(found chromium={CHROMIUM}, chromedriver={CHROMEDRIVER})"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    # an alert() left open is reported to the test instead of being dismissed by the driver
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: Any, css: str, seconds: float = 60) -> Any:
    return WebDriverWait(driver, seconds).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def _screenshot(driver: Any, folder: Path, name: str) -> Path:
    path = folder / name
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000
    return path


def _no_script_ran(driver: Any) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - reading it raises where no alert is open
    assert driver.execute_script("return [window.__xss, window.__xssTitle]") == [None, None]


def test_browser_paste_sample_finds_seven_direct_quotes(browser: Any, server: str, tmp_path: Path) -> None:
    text = need_sample()
    browser.get(server + "/")
    area = _wait(browser, "textarea#text")
    # what a paste does: the whole text lands in the field at once (typing 5,000 keys is slow)
    browser.execute_script("arguments[0].value = arguments[1];", area, text)
    browser.find_element(By.ID, "extract-button").click()
    _wait(browser, "#article-text mark.q")
    marks = browser.find_elements(
        By.CSS_SELECTOR, 'mark.q[data-type="direct"][data-speaker="Chrissy Teigen"]'
    )
    assert len({m.get_attribute("data-quote-id") for m in marks}) == 7
    # the page shows the text exactly as pasted, every character at its offset
    assert browser.execute_script("return document.getElementById('article-text').textContent") == text
    # click one: its details show in the panel (our script runs under the page's CSP)
    marks[0].click()
    details = browser.find_element(By.ID, "quote-details").text
    assert "Chrissy Teigen" in details and "direct" in details and "confidence" in details
    parts = browser.find_elements(
        By.CSS_SELECTOR, f'mark.q[data-quote-id="{marks[0].get_attribute("data-quote-id")}"]'
    )
    assert all("active" in p.get_attribute("class") for p in parts)
    speaker = browser.find_element(By.CSS_SELECTOR, 'tr[data-speaker-row="Chrissy Teigen"]')
    assert speaker.find_elements(By.TAG_NAME, "td")[-1].text.isdigit()
    browser.execute_script("document.getElementById('result').scrollIntoView();")
    _screenshot(browser, tmp_path, "extract.png")


def test_browser_corpus_article_page(browser: Any, server: str, tmp_path: Path) -> None:
    browser.get(server + "/articles")
    _wait(browser, "table#articles")
    link = browser.find_element(By.CSS_SELECTOR, f'table#articles a[href="/articles/{XSS_ID}"]')
    rows = browser.find_elements(By.CSS_SELECTOR, "table#articles tbody tr")
    assert len(rows) >= 4
    _screenshot(browser, tmp_path, "articles.png")
    link.click()
    _wait(browser, "#article-text")
    quote_ids = {m.get_attribute("data-quote-id") for m in browser.find_elements(By.CSS_SELECTOR, "mark.q")}
    assert "q1" in quote_ids
    smith = browser.find_element(By.CSS_SELECTOR, 'mark.q[data-quote-id="q1"]')
    assert smith.get_attribute("data-speaker") == "Anna Smith"
    _no_script_ran(browser)
    _screenshot(browser, tmp_path, "article.png")
    browser.get(server + "/speakers")
    _wait(browser, "table#speakers-table")
    names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table#speakers-table a.speaker")]
    assert "Anna Smith" in names
    _screenshot(browser, tmp_path, "speakers.png")


def test_browser_script_in_an_article_does_not_run(browser: Any, server: str, tmp_path: Path) -> None:
    browser.get(server + f"/articles/{XSS_ID}")
    text = _wait(browser, "#article-text").text
    assert "<script>alert(1)</script>" in text and '<img src=x onerror="window.__xss = 1">' in text
    assert "<script>window.__xssTitle = 1</script>" in browser.find_element(By.TAG_NAME, "h1").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img, h1 b")
    _no_script_ran(browser)
    # the same text pasted into the form
    browser.get(server + "/")
    area = _wait(browser, "textarea#text")
    browser.execute_script("arguments[0].value = arguments[1];", area, XSS_TEXT)
    browser.find_element(By.ID, "extract-button").click()
    shown = _wait(browser, "#article-text").text
    assert "<script>alert(1)</script>" in shown
    assert not browser.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img")
    _no_script_ran(browser)
    _screenshot(browser, tmp_path, "script.png")
