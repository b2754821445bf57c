"""A real `streamlit run` server on 127.0.0.1 and Debian's chromium driven by Playwright.

Never `playwright install`: the browser is /usr/bin/chromium (apt package `chromium`).
Screenshots go to $ARTIFACTS_DIR (default test-artifacts/), not into the repository.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", ROOT / "test-artifacts"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run app.py` on a free loopback port; `.url(path)` builds page URLs."""

    def __init__(self, extra_env: dict[str, str] | None = None):
        self.port = free_port()
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", **(extra_env or {})}
        self.log = open(ARTIFACTS / f"server-{self.port}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url("_stcore/health"), timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit server did not become healthy; see {self.log.name}")

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(artifacts, chromium_path):
    srv = Server()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    context.close()


SCRIPT_STATE = "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state')"
SKELETON = '[data-testid="stSkeleton"]'
MAIN_TEXT = "() => document.querySelector('[data-testid=\"stMain\"]')?.innerText.length ?? -1"


def wait_for_app(pg, timeout: float = 60_000, settle_ms: int = 1000) -> None:
    """Wait until Streamlit has rendered and is idle: script state 'notRunning' and the page text unchanged for
    `settle_ms` (a deep link's bound widgets can trigger a second run right after the first)."""
    import time

    deadline = time.monotonic() + timeout / 1000
    # Every page starts with a title: before it appears, the first run has not even started.
    pg.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    while time.monotonic() < deadline:
        pg.wait_for_function(f"() => ({SCRIPT_STATE})() === 'notRunning'", timeout=timeout)
        before = pg.evaluate(MAIN_TEXT)
        pg.wait_for_timeout(settle_ms)
        if pg.evaluate(SCRIPT_STATE) == "notRunning" and pg.evaluate(MAIN_TEXT) == before:
            # Elements whose code Streamlit loads lazily show a grey skeleton until it arrives.
            pg.wait_for_function(f"() => !document.querySelector('{SKELETON}')", timeout=timeout)
            return
    raise TimeoutError("the app did not settle")


def exceptions_on(pg) -> list[str]:
    return [e.inner_text() for e in pg.query_selector_all('[data-testid="stException"]')]
