"""Felt latency: what a person waits for in the real browser, per concept page and mode, next to a render floor.

One `streamlit run app.py` (through bench/timed_server.py, which logs every script run's wall and CPU time) and
Debian's chromium on the same machine. For each case one widget is moved `repeats` times as a person does (arrow
keys on a focused slider or number input, clicks on a segmented control's options), and each move is timed by
tests/browser/felt.py: key press / click → the last DOM change after the script run ended and the page stayed still.
Bytes the server sent over the websocket are counted per move.

Where the time goes, per case (medians over the moves):
* server — the script run inside the server (wall, and CPU of the script thread);
* run end — press → the browser leaves the "running" state (the server's run plus the transfer, with the browser
  drawing the elements as they stream in);
* after run — run end → last DOM change (the browser still drawing, mostly Plotly).

Render floor: after the last move, every Plotly figure on the page is taken from the DOM (its `data`, `layout` and
drawn size) and drawn again by chromium from a static HTML page with the plotly.min.js that ships in the plotly
Python package: time from `Plotly.newPlot` to the last DOM change. No page can show those figures faster; the
ratio latency ÷ floor says how much the app adds around the drawing.

First paint of every page (ui/pages.py): navigation start → the last DOM change once the first run(s) ended.

Run: python -m bench --only felt   (BENCH_QUICK=1 or --quick: 3 moves a case, one floor repetition)
"""

from __future__ import annotations

import io
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ENV_AT_START, markdown_table

ROOT = Path(__file__).resolve().parent.parent
GOAL_P50_S, GOAL_P95_S, GOAL_FIRST_PAINT_S, GOAL_KB = 0.3, 0.6, 2.0, 300
VIEWPORT = {"width": 1400, "height": 900}
PAGE_TIMEOUT_MS = 120_000
FIRST_VISITS = 5  # first visits per page; the goal is read on their median (one page spreads ±0.4 s: bench/NOTES.md)


@dataclass(frozen=True)
class Case:
    name: str
    path: str  # URL path and link parameters that set the mode
    key: str  # the widget moved (its key = its URL parameter)
    upload: bool = False  # upload a generated 512×512 RGB PNG through the page's file input first


CASES = (
    Case("1-D convolution (mode)", "conv1d", "conv1d_mode"),
    Case("2-D convolution, 7×7 grid (kernel rows)", "conv2d", "conv2d_kh"),
    Case("2-D convolution, RGB photo (stride)", "conv2d?conv2d_source=photo&conv2d_color=rgb", "conv2d_sh"),
    Case(
        "2-D convolution, 512×512 RGB upload (stride)",
        "conv2d?conv2d_source=upload&conv2d_color=rgb",
        "conv2d_sh",
        upload=True,
    ),
    Case("pooling, grid (pool size)", "pooling", "pooling_size"),
    Case("pooling, photo (pool size)", "pooling?pooling_source=photo", "pooling_size"),
    Case("shapes (custom input height)", "shapes?shapes_input=custom", "shapes_h"),
    Case("activations (x range)", "activations", "activations_x_max"),
    Case("dropout (rate)", "dropout", "dropout_rate"),
    Case("optimizers (steps)", "optimizers", "optimizers_steps"),
    Case("data augmentation (versions)", "augmentation", "augment_n"),
)

# What kind of widget holds `key`: its container's class is `st-key-<key>` (Streamlit 1.67).
WIDGET_KIND = """key => {
  const box = document.querySelector('.st-key-' + key);
  if (!box) return 'missing';
  if (box.querySelector('input[type=range], [role=slider]')) return 'slider';
  if (box.querySelector('input[type=number]')) return 'number';
  if (box.querySelector('[role=radio]')) return 'choice';
  return 'other';
}"""

FIGURES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
  const fl = gd._fullLayout || {};
  const layout = {...(gd.layout || {}), width: fl.width, height: fl.height};
  return JSON.stringify({data: gd.data || [], layout},
                        (k, v) => ArrayBuffer.isView(v) ? Array.from(v) : v);
})"""

# Charts whose margins Plotly had to grow (`automargin`): each of those draws is done twice. Margin given vs drawn.
DRAW = """async figs => {
  const root = document.getElementById('root');
  root.innerHTML = '';
  const divs = figs.map(() => { const d = document.createElement('div'); root.appendChild(d); return d; });
  const f = window.__felt; f.t0 = performance.now();
  await Promise.all(figs.map((fig, i) => Plotly.newPlot(divs[i], fig.data, fig.layout, {responsive: false})));
  return f.t0;
}"""


def plotly_js() -> Path:
    """The Plotly.js the app serves (ui/charts.py), so the floor draws with the same code."""
    from ui.charts import _plotly_js_source

    return _plotly_js_source()


def upload_png(side: int = 512) -> bytes:
    """A 512×512 RGB PNG with structure a kernel can find (gradients, rings, bars), made here (nothing downloaded)."""
    import numpy as np
    from PIL import Image

    y, x = np.mgrid[0:side, 0:side] / side
    r = 0.5 + 0.5 * np.sin(12 * np.pi * np.hypot(x - 0.5, y - 0.5))
    g = x
    b = ((x * 8).astype(int) % 2) * 0.8 + 0.2 * y
    rgb = (np.stack([r, g, b], axis=-1) * 255).clip(0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, format="PNG")
    return buf.getvalue()


def mover(pg, key: str, n: int) -> list[Callable[[], None]]:
    """`n` actions moving the widget `key` as a person does: arrow keys up/down in turn on a focused slider or number
    input (so the value stays in range), or a click on the next option of a segmented control / radio."""
    kind = pg.evaluate(WIDGET_KIND, key)
    box = pg.locator(f".st-key-{key}")
    if kind == "slider":
        target = box.locator("input[type=range], [role=slider]").first
        keys = ("ArrowRight", "ArrowLeft")
    elif kind == "number":
        target = box.locator("input[type=number]").first
        keys = ("ArrowUp", "ArrowDown")
    elif kind == "choice":
        options = box.locator("[role=radio]")
        count = options.count()
        checked = next((i for i in range(count) if options.nth(i).get_attribute("aria-checked") == "true"), 0)
        order = [(checked + 1 + i) % count for i in range(n)]
        return [lambda i=i: options.nth(i).click() for i in order]
    else:
        raise RuntimeError(f"no slider, number input or segmented control with key {key!r} ({kind})")

    def press(k: str) -> None:
        if not target.evaluate("e => e === document.activeElement"):
            target.focus()
        target.press(k)

    return [lambda k=keys[i % 2]: press(k) for i in range(n)]


@dataclass
class CaseResult:
    case: Case
    samples: list = field(default_factory=list)  # felt.Sample per move
    server: list[tuple[float, float]] = field(default_factory=list)  # (wall ms, CPU ms) per script run
    floor_s: float = float("nan")
    figures: int = 0
    figure_kb: float = 0.0
    grown: list[str] = field(default_factory=list)  # charts drawn twice because their margins were too small
    error: str = ""

    def stat(self, attr: str, q: float) -> float:
        from tests.browser.felt import percentile

        return percentile([getattr(s, attr) for s in self.samples], q)


def _settle(pg, felt, quiet_ms: float = 800) -> None:
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        ok, _ = felt.settled(pg, since=0, quiet_ms=quiet_ms, need_run=False)
        if ok and not pg.query_selector('[data-testid="stSkeleton"]'):
            return
        pg.wait_for_timeout(100)
    raise TimeoutError("page did not settle")


def run_case(browser, server, case: Case, repeats: int, artifacts: Path, floor_repeats: int = 3) -> CaseResult:
    from tests.browser import felt
    from tests.browser.conftest import exceptions_on

    result = CaseResult(case)
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    felt.install(context)
    try:
        pg = context.new_page()
        counter = felt.watch_bytes(pg)
        felt.first_paint(pg, server.url(case.path), counter=counter)
        if case.upload:
            pg.locator(".st-key-conv2d_upload input[type=file]").set_input_files(
                {"name": "bench-512.png", "mimeType": "image/png", "buffer": upload_png()}
            )
            pg.wait_for_timeout(500)
            _settle(pg, felt)
        if exceptions_on(pg):
            raise RuntimeError(f"exception on the page: {exceptions_on(pg)[0][:300]}")
        actions = mover(pg, case.key, repeats)
        started = time.time()
        for action in actions:
            result.samples.append(felt.measure(pg, action, counter=counter))
        result.server = server.runs_between(started, time.time() + 1)
        if exceptions_on(pg):
            raise RuntimeError(f"exception after the moves: {exceptions_on(pg)[0][:300]}")
        figures = pg.evaluate(FIGURES)
        result.figures = len(figures)
        result.grown = pg.evaluate(felt.GROWN_MARGINS, 1)
        result.figure_kb = sum(len(f) for f in figures) / 1024
        slug = case.path.split("?")[0] + "-" + case.key
        (artifacts / f"felt-figures-{slug}.json").write_text("[" + ",".join(figures) + "]", encoding="utf-8")
        pg.screenshot(path=str(artifacts / f"felt-{slug}.png"))
    except Exception as err:  # noqa: BLE001 (reported in the table; the other cases still run)
        result.error = f"{type(err).__name__}: {str(err).splitlines()[0][:200]}"
        return result
    finally:
        context.close()
    result.floor_s = render_floor(browser, [json.loads(f) for f in figures], artifacts, slug, floor_repeats)
    return result


def render_floor(browser, figures: list[dict], artifacts: Path, slug: str, repeats: int = 3) -> float:
    """Median seconds chromium takes to draw `figures` with plain Plotly from a static page (after one warm-up)."""
    from tests.browser import felt

    if not figures:
        return float("nan")
    html = artifacts / f"floor-{slug}.html"
    html.write_text(
        f'<!doctype html><meta charset="utf-8"><script src="{plotly_js().as_uri()}"></script><div id="root"></div>',
        encoding="utf-8",
    )
    context = browser.new_context(viewport=VIEWPORT)
    felt.install(context)
    try:
        pg = context.new_page()
        pg.goto(html.as_uri())
        pg.wait_for_function("() => window.Plotly !== undefined")
        times = []
        for i in range(repeats + 1):
            t0 = pg.evaluate(DRAW, figures)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                f = pg.evaluate("({...window.__felt, now: performance.now()})")
                if f["now"] - f["last"] >= 300:
                    break
                pg.wait_for_timeout(50)
            if i:  # the first drawing warms up (JIT, fonts)
                times.append((f["last"] - t0) / 1000)
        return statistics.median(times)
    finally:
        context.close()


def first_paints(
    browser, server, visits: int = FIRST_VISITS, floor=None
) -> tuple[list[tuple[str, object, object, list[float]]], dict[str, list[float]]]:
    """(url path, first visit, returning visit, every first visit's seconds) of every page, each a fresh session;
    and Streamlit's floor measured in between: {"/": seconds, "/page": seconds} of first visits to `floor`, a
    Server of bench/floor_app.py (a bare page at the root and at a page's path), one of each before every page, so
    that the floor and the pages are measured in the same host period (empty when `floor` is None).

    First visit: a new browser context (no HTTP cache: Streamlit's code, fonts and Plotly.js all load and compile),
    `visits` times; the entry is the median one (one visit on this shared box varies by as much as a page is over
    or under the goal: bench/NOTES.md, thirteenth pass).
    Returning visit: a new tab in one context that has already shown the home page, as a learner opening a shared
    link in the browser they used before (the cache holds the app's code; the session is still new).
    Each visit is a felt.Sample, or the error's text."""
    from tests.browser import felt
    from ui.pages import HOME, PAGES

    def paint(context, path: str, srv=server):
        pg = context.new_page()
        counter = felt.watch_bytes(pg)
        try:
            return felt.first_paint(pg, srv.url(path), counter=counter)
        except Exception as err:  # noqa: BLE001 (reported in the table; the other pages still run)
            return f"{type(err).__name__}: {str(err).splitlines()[0][:120]}"
        finally:
            pg.close()

    def context():
        c = browser.new_context(viewport=VIEWPORT)
        c.set_default_timeout(PAGE_TIMEOUT_MS)
        felt.install(c)
        return c

    def fresh_paint(srv, path: str):
        c = context()
        try:
            return paint(c, path, srv)
        finally:
            c.close()

    out = []
    floors: dict[str, list[float]] = {"/": [], "/page": []} if floor is not None else {}
    returning = context()
    try:
        paint(returning, "")  # fills the cache, as an earlier visit would
        if floor is not None:
            fresh_paint(floor, "")  # the floor server's first run (imports) is not a visit's
        for page_def in (HOME, *PAGES):
            path = "" if page_def is HOME else page_def.url_path
            for where in floors:
                f = fresh_paint(floor, where.strip("/"))
                if not isinstance(f, str):
                    floors[where].append(f.latency)
            firsts = []
            for _ in range(visits):
                firsts.append(fresh_paint(server, path))
            failed = [f for f in firsts if isinstance(f, str)]
            timed = sorted((f for f in firsts if not isinstance(f, str)), key=lambda f: f.latency)
            first = failed[0] if failed else timed[len(timed) // 2]
            out.append((page_def.url_path, first, paint(returning, path), [f.latency for f in timed]))
    finally:
        returning.close()
    return out, floors


# The first chart of the page that a first paint left undrawn (further down than the window and its margin, NEAR_PX in
# ui/charts.py): its key and its top relative to the window.
FIRST_UNDRAWN = """() => { for (const gd of document.querySelectorAll('[data-testid="stMain"] .playground-chart')) {
  const r = gd.parentElement.getBoundingClientRect();
  if (r.width > 0 && !gd.querySelector('.main-svg')) {
    const box = gd.closest('[class*="st-key-"]');
    return [box ? [...box.classList].find(c => c.startsWith('st-key-')).slice(7) : '?', r.top]; } }
  return null; }"""


def scroll_draws(browser, server) -> list[tuple[str, str, object]]:
    """(url path, chart key, seconds or error text) for every page whose first paint left a chart undrawn:
    one turn of the mouse wheel that brings the first such chart to 200 px below the window's top, timed from the
    wheel to the last DOM change (the chart drawn). A returning visit (cache warm), a fresh session per page."""
    from tests.browser import felt
    from tests.browser.conftest import wheel
    from ui.pages import PAGES

    out = []
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    felt.install(context)
    try:
        for page_def in PAGES:
            pg = context.new_page()
            try:
                felt.first_paint(pg, server.url(page_def.url_path))
                found = pg.evaluate(FIRST_UNDRAWN)
                if found is None:
                    continue
                key, top = found
                sample = felt.measure(
                    pg, lambda pg=pg, dy=top - 200: wheel(pg, dy), expect_run=False, expect_change=True, timeout_s=60
                )
                drawn = pg.evaluate(f"() => !!document.querySelector('.st-key-{key} .main-svg')")
                out.append((page_def.url_path, key, sample.latency if drawn else "not drawn"))
            except Exception as err:  # noqa: BLE001 (reported in the table; the other pages still run)
                out.append((page_def.url_path, "?", f"{type(err).__name__}: {str(err).splitlines()[0][:120]}"))
            finally:
                pg.close()
    finally:
        context.close()
    return out


def _ms(v: float) -> str:
    return "—" if v != v else f"{v * 1e3:.0f}"


def _verdict(r: CaseResult) -> str:
    if r.error:
        return "error"
    kb = r.stat("bytes_received", 50) / 1024
    ok = r.stat("latency", 50) <= GOAL_P50_S and r.stat("latency", 95) <= GOAL_P95_S and kb <= GOAL_KB
    return "yes" if ok else "no"


def where_the_time_goes(r: CaseResult) -> str:
    """One sentence: server script time vs the browser's share, for a case that misses its goal."""
    if r.error or not r.samples:
        return ""
    lat = r.stat("latency", 50)
    run_end = r.stat("run_end", 50)
    after = lat - run_end if run_end == run_end else float("nan")
    walls = [w for w, _ in r.server]
    cpus = [c for _, c in r.server]
    server = statistics.median(walls) / 1e3 if walls else float("nan")
    cpu = statistics.median(cpus) / 1e3 if cpus else float("nan")
    parts = [f"median {_ms(lat)} ms: server script {_ms(server)} ms (CPU {_ms(cpu)} ms)"]
    if run_end == run_end:
        parts.append(f"press → run end in the browser {_ms(run_end)} ms")
        parts.append(f"drawing after the run {_ms(after)} ms")
    if r.floor_s == r.floor_s:
        parts.append(f"Plotly alone needs {_ms(r.floor_s)} ms for the {r.figures} figures")
    if r.grown:
        parts.append("drawn twice for margins too small: " + "; ".join(r.grown))
    return f"**{r.case.name}** — " + "; ".join(parts) + "."


def run(*, quick: bool | None = None) -> str:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import Server, launch_chromium

    quick = bool(int(os.environ.get("BENCH_QUICK", "0") or 0)) if quick is None else quick
    repeats = 3 if quick else 10
    first_visits = 1 if quick else FIRST_VISITS
    artifacts = Path(os.environ.get("ARTIFACTS_DIR") or tempfile.mkdtemp(prefix="bench-artifacts-"))
    artifacts.mkdir(parents=True, exist_ok=True)
    started = time.time()
    results: list[CaseResult] = []
    paints: list = []
    floors: dict[str, list[float]] = {}
    scrolls: list = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            with Server(base_env=ENV_AT_START, run_log=artifacts / f"felt-runs-{os.getpid()}.log") as server:
                # First: every page's first paint on a fresh server, Streamlit's bare floor measured in between.
                with Server(base_env=ENV_AT_START, app=ROOT / "bench" / "floor_app.py") as floor_server:
                    paints, floors = first_paints(browser, server, first_visits, floor=floor_server)
                print(f"  felt: first paint of {len(paints)} pages done", flush=True)
                scrolls = scroll_draws(browser, server)
                for case in CASES:
                    results.append(run_case(browser, server, case, repeats, artifacts, 1 if quick else 3))
                    print(f"  felt: {case.name}: {_verdict(results[-1])}", flush=True)
        finally:
            browser.close()

    rows = []
    for r in results:
        if r.error:
            rows.append([r.case.name, "—", "—", "—", "—", "—", "—", "—", "error: " + r.error])
            continue
        p50, p95 = r.stat("latency", 50), r.stat("latency", 95)
        walls = [w for w, _ in r.server]
        rows.append(
            [
                r.case.name,
                len(r.samples),
                _ms(p50),
                _ms(p95),
                f"{r.stat('bytes_received', 50) / 1024:.0f}",
                f"{statistics.median(walls):.0f}" if walls else "—",
                _ms(r.stat("after_run", 50)),
                f"{_ms(r.floor_s)} ({r.figures})",
                f"{p50 / r.floor_s:.1f}×" if r.floor_s == r.floor_s and r.floor_s > 0 else "—",
                _verdict(r),
            ]
        )
    scroll_rows = [[path, key, s if isinstance(s, str) else f"{s * 1e3:.0f}"] for path, key, s in scrolls]
    floor_s = {where: statistics.median(v) if v else float("nan") for where, v in floors.items()}
    paint_rows = []
    for path, s, back, seconds in paints:
        if isinstance(s, str):
            paint_rows.append([path, "—", "—", "—", "—", "—", "—", "error: " + s])
        else:
            ok = "yes" if s.latency <= GOAL_FIRST_PAINT_S else "no"
            again = back if isinstance(back, str) else f"{back.latency:.2f}"
            spread = f"{min(seconds):.2f}–{max(seconds):.2f}"
            above = s.latency - floor_s.get("/" if path == "home" else "/page", float("nan"))
            paint_rows.append(
                [
                    path,
                    f"{s.latency:.2f}",
                    spread,
                    "—" if above != above else f"{above:+.2f}",
                    again,
                    s.script_runs,
                    f"{s.bytes_received / 1024:.0f}",
                    ok,
                ]
            )
    floor_line = (
        "Streamlit's floor in the same period: a bare page of bench/floor_app.py (a title and a two-page "
        "navigation; same Streamlit and config), fresh profiles, one visit at `/` and one at `/page` before every page "
        "above: "
        + ", ".join(
            f"`{where}` {statistics.median(v):.2f} s (median of {len(v)}, {min(v):.2f}–{max(v):.2f})"
            for where, v in floors.items()
            if v
        )
        + ". A page at its own path starts later than `/`: Streamlit's frontend first pings `<page>/_stcore/health`, "
        'gets a 404 and waits 100 ms before it tries the root. "above floor" = the page\'s median − the floor at the '
        "same kind of path (home: `/`): what the page's own elements, charts and script cost."
        if any(floors.values())
        else "Streamlit's floor was not measured."
    )
    measured = [r for r in results if not r.error and r.samples]
    RESULTS.clear()
    RESULTS.update(
        {
            "cases": {
                r.case.name: {
                    "p50": r.stat("latency", 50),
                    "p95": r.stat("latency", 95),
                    "kb": r.stat("bytes_received", 50) / 1024,
                    "floor": r.floor_s,
                }
                for r in measured
            },
            "errors": [r.case.name for r in results if r.error],
            "worst_p50": max((r.stat("latency", 50) for r in measured), default=float("nan")),
            "worst_p95": max((r.stat("latency", 95) for r in measured), default=float("nan")),
            "worst_kb": max((r.stat("bytes_received", 50) / 1024 for r in measured), default=float("nan")),
            "worst_first_paint": max(
                (s.latency for _, s, _, _ in paints if not isinstance(s, str)), default=float("nan")
            ),
            "worst_returning_paint": max(
                (b.latency for _, _, b, _ in paints if not isinstance(b, str)), default=float("nan")
            ),
            "first_paint_errors": [p for p, s, b, _ in paints if isinstance(s, str) or isinstance(b, str)],
            "floor_page": floor_s.get("/page", float("nan")),
            "first_visits": first_visits,
            "repeats": repeats,
        }
    )
    missed = [where_the_time_goes(r) for r in measured if _verdict(r) == "no"]
    parts = [
        "## Felt latency (real server, Debian chromium, one session)",
        f"Each case: one widget moved {repeats} times by key presses / clicks; latency = press → last DOM change "
        "after the script run ended and the page stayed still (tests/browser/felt.py). KB = websocket bytes per "
        "move (median). server = the script run's wall time in the server (median); after run = the browser still "
        "drawing after the run ended (median); floor = the Plotly figures the page drew (those in and near the "
        "window; charts further down are drawn when scrolled to) drawn again by chromium from a static page (number of "
        "figures); ratio = p50 ÷ floor. Goals: p50 ≤ 300 ms, p95 ≤ 600 ms, ≤ 300 KB.",
        markdown_table(
            [
                "case",
                "moves",
                "p50 ms",
                "p95 ms",
                "KB / move",
                "server ms",
                "after run ms",
                "floor ms (figures)",
                "p50 ÷ floor",
                "met?",
            ],
            rows,
        ),
        "### Where the time goes (cases that miss a goal)\n\n" + ("\n".join(f"- {m}" for m in missed) or "None."),
        "### First paint of every page (fresh session; goal ≤ 2 s)",
        f"First visit: a new browser profile (nothing cached), {first_visits} times; the median is shown with the "
        "range. Returning: a new tab of a browser that showed the home page before (Streamlit's code and Plotly.js "
        "cached), as a learner opening a shared link; a new session all the same. The goal is read on the first "
        "visits' median. KB = websocket bytes of that visit.",
        markdown_table(
            [
                "page",
                "first visit s",
                "range s",
                "above floor s",
                "returning s",
                "script runs",
                "KB",
                "met? (first visit)",
            ],
            paint_rows,
        ),
        floor_line,
        "### Charts further down: the wheel → the chart drawn",
        "A chart is drawn when it comes into the window (ui/charts.py, NEAR_PX), so a first paint and every rerun "
        "leave out the charts further down the page. What a person waits for one when scrolling to it: one turn of "
        "the mouse wheel bringing the page's first undrawn chart into the window, timed to the last DOM change "
        "(a returning visit, fresh session).",
        markdown_table(["page", "chart", "wheel → drawn ms"], scroll_rows) if scroll_rows else "No page left one.",
        f"Felt part: {time.time() - started:.0f} s.",
    ]
    return "\n\n".join(parts)


RESULTS: dict[str, object] = {}

if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    print(run())
