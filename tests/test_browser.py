"""The pages in a real headless browser (Debian chromium + chromium-driver, driven by Selenium).

Skipped only where the browser is not installed; `.ci/run` installs it. Set PLANEX_SCREENSHOTS=DIR to keep
a screenshot of every page (the README's pictures are made so).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian chromium and chromium-driver")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = ["c24_tinh_tay_ninh_van_hoa_cong_vu.txt", "c25_huyen_duong_minh_chau_van_hoa_cong_vu.txt",
         "c26_th_le_van_tam_duong_minh_chau_van_hoa_cong_vu.txt", "c05_cv_kh_an_khe_xanh_sach_dep.txt"]
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from extractor.archive.batch import run_batch
    from extractor.archive.server import create_app

    root = tmp_path_factory.mktemp("site")
    (root / "docs").mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, root / "docs" / name)
    run_batch([str(root / "docs")], root / "out", workers=1)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(root / "out", token=TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM or ""
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER or ""), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _open(browser: object, url: str, shot: str) -> None:
    browser.get(url)  # type: ignore[attr-defined]
    folder = os.environ.get("PLANEX_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(Path(folder) / f"{shot}.png"))  # type: ignore[attr-defined]


def _errors(browser: object) -> list[str]:
    logs = browser.get_log("browser")  # type: ignore[attr-defined]
    return [e["message"] for e in logs if e["level"] == "SEVERE" and "favicon" not in e["message"]]


def _doc_id(browser: object, number: str) -> str:
    from selenium.webdriver.common.by import By

    link = browser.find_element(By.LINK_TEXT, number)  # type: ignore[attr-defined]
    return str(link.get_attribute("href")).rsplit("/", 1)[1]


def test_index_lists_filters_and_has_no_errors(base: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    _open(browser, base + "/", "index")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.docs tbody tr")  # type: ignore[attr-defined]
    assert len(rows) == 5  # four files, one of them a letter + plan bundle
    box = browser.find_element(By.NAME, "q")  # type: ignore[attr-defined]
    box.send_keys("duong minh chau")
    box.submit()
    # The filter reloads the page: wait for the old table to go before reading the new one.
    WebDriverWait(browser, 10).until(staleness_of(rows[0]))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.docs tbody tr")  # type: ignore[attr-defined]
    assert len(rows) == 1 and "112/KH-UBND" in rows[0].text
    assert _errors(browser) == []


def test_review_click_scrolls_to_the_span_and_back(base: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    browser.get(base + "/")  # type: ignore[attr-defined]
    doc = _doc_id(browser, "845/KH-UBND")
    _open(browser, f"{base}/documents/{doc}", "review")
    items = browser.find_elements(By.CSS_SELECTOR, "ul.values li.deadlines a.goto")  # type: ignore[attr-defined]
    assert items, "the panel lists the deadlines"
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", items[-1])  # type: ignore[attr-defined]
    value = items[-1].get_attribute("data-value")
    focused = browser.find_elements(By.CSS_SELECTOR, "mark.v.focus")  # type: ignore[attr-defined]
    assert focused and value in focused[0].get_attribute("data-values").split()
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top;", focused[0])  # type: ignore[attr-defined]
    assert 0 <= top <= browser.execute_script("return window.innerHeight;")  # type: ignore[attr-defined]
    focused[0].click()
    item = browser.find_element(By.ID, f"item-{value}")  # type: ignore[attr-defined]
    assert "focus" in item.get_attribute("class")
    assert _errors(browser) == []


def test_bundle_boundary_is_visible(base: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    browser.get(base + "/")  # type: ignore[attr-defined]
    doc = _doc_id(browser, "215/PNV-TĐKT")
    _open(browser, f"{base}/documents/{doc}", "review-bundle")
    starts = browser.find_elements(By.CSS_SELECTOR, ".doc-start")  # type: ignore[attr-defined]
    assert [s.text.split(":")[0] for s in starts] == ["Văn bản 1", "Văn bản 2"]
    assert "chuyển" in browser.find_element(By.CSS_SELECTOR, ".panel").text  # type: ignore[attr-defined]


def test_lineage_graph_expands_to_another_document(base: str, browser: object) -> None:
    browser.get(base + "/")  # type: ignore[attr-defined]
    doc = _doc_id(browser, "112/KH-UBND")
    _open(browser, f"{base}/documents/{doc}/lineage", "lineage")
    count = browser.execute_script("return window.planexGraph.nodes().length;")  # type: ignore[attr-defined]
    assert count >= 4  # the province plan, its national parent, this plan and the school's plan
    tree = browser.find_element("css selector", ".tree").text  # type: ignore[attr-defined]
    assert "845/KH-UBND" in tree and "27/KH-THLVT" in tree and "(ngoài kho)" in tree
    browser.execute_script(  # type: ignore[attr-defined]
        "window.planexGraph.nodes().filter(n => n.data('label').startsWith('Kế hoạch 27/KH-THLVT'))[0].emit('tap');")
    deadline = time.monotonic() + 10
    while "/lineage" not in browser.current_url or f"/{doc}/" in browser.current_url:  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "the tap did not open the school plan's lineage"
        time.sleep(0.1)
    assert "27/KH-THLVT" in browser.find_element("css selector", "h1").text  # type: ignore[attr-defined]
    assert _errors(browser) == []


def test_reviewer_removes_a_value(base: str, browser: object) -> None:
    import httpx
    from selenium.webdriver.common.by import By

    browser.get(base + "/")  # type: ignore[attr-defined]
    doc = _doc_id(browser, "27/KH-THLVT")
    browser.get(f"{base}/documents/{doc}")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "who").send_keys("Trần Thu")  # type: ignore[attr-defined]
    token = browser.find_element(By.ID, "token")  # type: ignore[attr-defined]
    token.send_keys(TOKEN)
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'));", token)  # type: ignore[attr-defined]
    browser.execute_script("document.getElementById('who').dispatchEvent(new Event('change'));")  # type: ignore[attr-defined]
    button = browser.find_element(By.CSS_SELECTOR, "li.targets button.remove")  # type: ignore[attr-defined]
    browser.execute_script("window.confirm = () => true; arguments[0].click();", button)  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while not browser.find_elements(By.CSS_SELECTOR, "li.removed"):  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "the removal was not stored"
        time.sleep(0.1)
    stored = httpx.get(f"{base}/v1/documents/{doc}/corrections").json()
    assert [(c["action"], c["who"]) for c in stored] == [("remove", "Trần Thu")]
    _open(browser, base + "/", "index-reviewed")
    assert "1 sửa" in browser.find_element(By.CSS_SELECTOR, "table.docs").text  # type: ignore[attr-defined]


def test_archive_graph_clusters_by_issuer(base: str, browser: object) -> None:
    _open(browser, base + "/graph", "archive-graph")
    count = browser.execute_script("return window.planexGraph.nodes().length;")  # type: ignore[attr-defined]
    assert count >= 5  # the archive's four issuers and the national ones outside it
    assert _errors(browser) == []
