"""A real `streamlit run` server on 127.0.0.1 and Debian's chromium driven by Playwright.

Never `playwright install`: the browser is /usr/bin/chromium (apt package `chromium`).
Screenshots go to $ARTIFACTS_DIR (default test-artifacts/), not into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.conftest import ROOT
from ui.charts import NEAR_PX
from ui.texts import TEXTS

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
    """`streamlit run app.py` on a free loopback port; `.url(path)` builds page URLs. The one test-server launcher of
    the tests and the benchmarks.

    Args:
        extra_env: variables added to the server's environment (e.g. `PLAYGROUND_MAX_TRAININGS`).
        base_env: the environment to start from (default: this process's; the benchmarks pass the environment they
            were started with, `bench.common.ENV_AT_START`, so test-suite settings do not leak into what they time).
        run_log: when given, the server runs through `bench.timed_server`, which appends the wall and CPU time of
            every script run to this file (`runs_between` reads it back).
        health_timeout: seconds to wait for `/_stcore/health`.
        app: the script to run (default: the playground's app.py); run from the repository root all the same, so
            `.streamlit/config.toml` applies to it too (bench_felt's bare floor app).

    A context manager (`with Server() as srv:`); `stop()` is safe to call twice. The server runs in a process group
    of its own, and `stop()` ends that group, so nothing it started outlives it.
    """

    def __init__(
        self,
        extra_env: dict[str, str] | None = None,
        *,
        base_env: Mapping[str, str] | None = None,
        run_log: Path | None = None,
        health_timeout: float = 90,
        app: Path | None = None,
    ):
        self.port = free_port()
        self.run_log = run_log
        env = {**(os.environ if base_env is None else base_env), "TF_CPP_MIN_LOG_LEVEL": "2", **(extra_env or {})}
        if run_log is not None:
            env["RUN_LOG"] = str(run_log)
            log_path = run_log.with_suffix(".server.log")
            runner = ["-m", "bench.timed_server"]
        else:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            log_path = ARTIFACTS / f"server-{self.port}.log"
            runner = ["-m", "streamlit"]
        self.log = open(log_path, "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                *runner,
                "run",
                "app.py" if app is None else str(app),
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
            start_new_session=True,  # its own process group: stop() ends whatever it started too
        )
        self._stopped = False
        deadline = time.time() + health_timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url("_stcore/health"), timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit server did not become healthy; see {log_path}")

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def runs_between(self, start: float, end: float) -> list[tuple[float, float]]:
        """(wall ms, CPU ms) of the script runs that ended between two unix times (needs `run_log`)."""
        if self.run_log is None or not self.run_log.exists():
            return []
        out = []
        for line in self.run_log.read_text().splitlines():
            t, wall, cpu = (float(v) for v in line.split())
            if start <= t <= end:
                out.append((wall, cpu))
        return out

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
            self.proc.wait(10)
        self.log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def launch_chromium(pw, path: str = CHROMIUM):
    """Debian's chromium through Playwright (`pw` from `sync_playwright()`); the caller closes it."""
    return pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


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
    with Server() as srv:
        yield srv


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = launch_chromium(pw, chromium_path)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    try:
        yield pg
    finally:
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


# The lab's badge once this session's run has finished ("Training finished: run-1").
TRAINED = re.compile(re.escape(TEXTS["train.badge_done"]["en"].split("{")[0].strip()))


def train_and_wait(pg, timeout: float = 180_000) -> None:
    """On the training lab: click Train, as a person does, and wait until the badge says the run has finished and the
    app is idle."""
    pg.get_by_role("button", name=TEXTS["train.start"]["en"], exact=True).click()
    pg.get_by_text(TRAINED).first.wait_for(timeout=timeout)
    wait_for_app(pg)


def open_until_drawn(browser, server, path: str, viewport: dict, chart_key: str):
    """A new context at `viewport` with `path` open, the app idle and chart `chart_key` drawn; returns (context, page)
    (the caller closes the context)."""
    context = browser.new_context(viewport=viewport)
    pg = context.new_page()
    pg.goto(server.url(path))
    wait_for_app(pg)
    chart = pg.locator(f".st-key-{chart_key}")
    chart.scroll_into_view_if_needed()  # drawn when it comes near the window
    pg.wait_for_selector(f".st-key-{chart_key} .js-plotly-plot .main-svg")
    return context, pg


def exceptions_on(pg) -> list[str]:
    return [e.inner_text() for e in pg.query_selector_all('[data-testid="stException"]')]


# Charts are drawn when they come near the window (ui/charts.py, NEAR_PX): a chart further down is drawn once a person
# scrolls to it. True when every chart near the window shows its newest figure.
NEAR_CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stMain"] .playground-chart')].every(gd => {
  const r = gd.parentElement.getBoundingClientRect();
  const near = r.width > 0 && r.bottom > -__NEAR_PX__ && r.top < innerHeight + __NEAR_PX__;
  return !near || (gd.__drawn === gd.__data && !!gd.querySelector('.main-svg') && !gd.style.minHeight);
})""".replace("__NEAR_PX__", str(NEAR_PX))  # the placeholder ui/charts.py fills in the component the same way
# Keys of the displayed charts (not in a closed tab or expander) that are not drawn.
UNDRAWN = """() => [...document.querySelectorAll('[data-testid="stMain"] .playground-chart')]
  .filter(gd => gd.parentElement.getBoundingClientRect().width > 0 && !gd.querySelector('.main-svg'))
  .map(gd => [...gd.closest('[class*="st-key-"]').classList].find(c => c.startsWith('st-key-')))"""
MAIN_SCROLL = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return [m.scrollTop, m.scrollHeight - m.clientHeight]; }"""


def wheel(pg, dy: float) -> None:
    """Turn the mouse wheel by `dy` px over the page's main area, at its left padding (over a chart or a table the
    wheel could be taken by it)."""
    box = pg.locator('[data-testid="stMain"]').bounding_box()
    pg.mouse.move(box["x"] + 6, box["y"] + min(box["height"] * 0.5, 400))
    pg.mouse.wheel(0, dy)


def scroll_main(pg, dy: float, timeout: float = 30_000) -> bool:
    """Turn the mouse wheel over the page's main area by `dy` px (as a person scrolls), wait until the scroll has
    stopped and the charts near the window are drawn. False when the page could not scroll that way any further."""
    before = pg.evaluate(MAIN_SCROLL)[0]
    wheel(pg, dy)
    last, still = None, 0
    for _ in range(100):  # smooth scrolling: wait for three equal readings
        pg.wait_for_timeout(50)
        now = pg.evaluate(MAIN_SCROLL)[0]
        still = still + 1 if now == last else 0
        last = now
        if still >= 3:
            break
    pg.wait_for_function(NEAR_CHARTS_DRAWN, timeout=timeout)
    return last != before


def scroll_to(pg, locator) -> None:
    """Turn the mouse wheel until `locator` is inside the window (a click while the page still scrolls is lost: an
    opening select box closes again when the page moves under it)."""
    height = pg.viewport_size["height"]
    for _ in range(40):
        box = locator.bounding_box()
        if box and box["y"] >= 60 and box["y"] + box["height"] <= height - 20:
            return
        dy = (box["y"] + box["height"] / 2 - height / 2) if box else height * 0.8
        if not scroll_main(pg, dy) and box is None:
            break
    raise AssertionError(f"could not scroll {locator} into the window")


def trace_values(pg, key: str) -> list[dict]:
    """Name, x and y of every trace of the chart with widget key `key` (Plotly's decoded `_fullData`)."""
    return pg.evaluate(
        """key => document.querySelector(`.st-key-${key} .js-plotly-plot`)._fullData.map(tr => ({
             name: tr.name, x: Array.from(tr.x || []), y: Array.from(tr.y || [])}))""",
        key,
    )


def scroll_through(pg, timeout: float = 30_000) -> None:
    """Scroll the main area from top to bottom most of a window at a time, every chart on the way drawn, then back to
    the top: what a person reading the whole page sees (and what a check of every chart needs)."""
    step = pg.viewport_size["height"] * 0.8
    for _ in range(200):
        if not scroll_main(pg, step, timeout):
            break
    undrawn = pg.evaluate(UNDRAWN)
    assert not undrawn, f"charts not drawn after scrolling the page to its end: {undrawn}"
    for _ in range(200):
        if not scroll_main(pg, -10 * step, timeout):
            break
