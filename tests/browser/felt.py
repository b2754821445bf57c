"""Felt latency: from a person's key press or click to the last change of the page, measured in chromium.

A page gets an init script (before any of Streamlit's own code runs) that records, on the page's clock
(`performance.now()`, 0 = navigation start):

* `t0` — the last `keydown` / `pointerdown` / `wheel` anywhere in the document (capture phase, so no widget can hide
  it);
* `last` — the last DOM mutation anywhere in the document (child list, attributes, text), i.e. the last thing a
  person could see change: Plotly finishing a chart is a mutation of its SVG, a metric's new value one of its text.
  Changes to a canvas's children are left out: they are fallback content, never drawn (the data editor's grid
  rebuilds an invisible accessibility table inside its canvas a few hundred ms after it drew);
* `states` — every change of stApp's `data-test-script-state` ("running" / "notRunning").

`measure(pg, action)` runs `action` (which presses a key or clicks, as a person does), waits until the script run it
caused has ended (if any) and the page has stayed still for `quiet_ms`, and returns `last − t0`. First paint of a
page is `last` after `goto` (t0 = navigation start). Bytes received over Streamlit's websocket during the
measurement are counted too (`watch_bytes`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

INIT_SCRIPT = """
(() => {
  if (window.__felt) return;
  const felt = window.__felt = {t0: 0, last: 0, states: [], mutations: 0};
  const now = () => performance.now();
  for (const type of ['keydown', 'pointerdown', 'wheel']) {
    document.addEventListener(type, () => { felt.t0 = now(); }, true);
  }
  const watch = () => {
    // A canvas's children are fallback content, never drawn (glide-data-grid, the data editors' grid, rebuilds an
    // accessibility <table> inside its canvas ~300 ms after it drew): not a change a person sees.
    const inCanvas = n => !!n.parentElement?.closest('canvas');
    const unseen = r => inCanvas(r.target) || (r.type === 'childList' && r.target.nodeName === 'CANVAS');
    new MutationObserver((records) => {
      const seen = records.filter(r => !unseen(r));
      if (!seen.length) return;
      felt.last = now();
      felt.mutations += seen.length;
      for (const r of seen) {
        if (r.type === 'attributes' && r.attributeName === 'data-test-script-state') {
          felt.states.push([felt.last, r.target.getAttribute('data-test-script-state')]);
        }
      }
    }).observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();
"""

# Charts whose margins Plotly had to grow by more than `slack` px to fit their labels ("key (l 10→126)"). Streamlit
# turns `automargin` on; a margin that is too small costs a second draw of the whole figure (figures/common.style).
GROWN_MARGINS = """slack => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd => {
  const box = gd.closest('[class*="st-key-"]');
  const key = box ? [...box.classList].find(c => c.startsWith('st-key-')).slice(7) : '?';
  const m = (gd.layout || {}).margin || {}, s = gd._fullLayout._size;
  const given = {l: m.l ?? 80, r: m.r ?? 80, t: m.t ?? 100, b: m.b ?? 80};
  const grew = ['l', 'r', 't', 'b'].filter(x => s[x] > given[x] + slack)
    .map(x => `${x} ${given[x]}→${Math.ceil(s[x])}`);
  return grew.length ? [`${key} (${grew.join(', ')})`] : [];
})"""
SCRIPT_STATE = "document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state')"


@dataclass(frozen=True)
class Sample:
    latency: float  # seconds from the key press / click (or navigation start) to the last DOM change
    script_runs: int  # script runs that started during the measurement
    bytes_received: int  # websocket bytes from the server during the measurement
    # Seconds from the press (or navigation start) to the end of the last script run the browser saw ("notRunning"
    # after "running"), or nan when none ran. latency − run_end is the browser still drawing after the run ended.
    run_end: float = float("nan")

    @property
    def after_run(self) -> float:
        """Seconds the page kept changing after the last script run ended (drawing what the run sent)."""
        return self.latency - self.run_end if self.run_end == self.run_end else float("nan")


def install(context) -> None:
    """Record presses, mutations and script states on every page of `context` (call before `new_page`)."""
    context.add_init_script(INIT_SCRIPT)


class ByteCounter:
    """Bytes the server sent over Streamlit's websocket(s) of one page."""

    def __init__(self, pg):
        self.total = 0
        pg.on("websocket", self._socket)

    def _socket(self, ws) -> None:
        ws.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        self.total += len(payload)


def watch_bytes(pg) -> ByteCounter:
    """Start counting websocket bytes on `pg` (call before `goto`)."""
    return ByteCounter(pg)


def reset(pg) -> float:
    """Forget the last press; returns the page clock now (the `since` of `settled`)."""
    return pg.evaluate("(() => { const f = window.__felt; f.t0 = 0; return performance.now(); })()")


def settled(pg, *, since: float, quiet_ms: float, need_run: bool) -> tuple[bool, dict]:
    """Is the page idle and still (no mutation for `quiet_ms`), with a script run since `since` if `need_run`?
    Returns (answer, the recorder's state) so that several pages can be polled in turn (bench/bench_load.py)."""
    felt = pg.evaluate("({...window.__felt, now: performance.now(), state: " + SCRIPT_STATE + "})")
    runs = [s for s in felt["states"] if s[0] >= since]
    started = any(state == "running" for _, state in runs)
    idle = felt["state"] == "notRunning"
    still = felt["now"] - felt["last"] >= quiet_ms
    ok = idle and still and (started or not need_run)
    return ok, felt


def settled_showing(pg, *, since: float, quiet_ms: float, shows: Callable[[], bool]) -> tuple[bool, dict]:
    """`settled` with a script run since `since` — or, when the browser never rendered that run's "running" state
    (on a busy box the run's start and end can arrive in one task, and React draws only the last), idle, still,
    changed since `since`, and `shows()` the run's result. Without the second way such a run is waited for in vain."""
    ok, felt = settled(pg, since=since, quiet_ms=quiet_ms, need_run=True)
    if not ok and felt["state"] == "notRunning" and felt["now"] - felt["last"] >= quiet_ms and felt["last"] > since:
        ok = shows()
    return ok, felt


def measure(
    pg,
    action: Callable[[], object],
    *,
    counter: ByteCounter | None = None,
    quiet_ms: float = 600,
    expect_run: bool = True,
    run_grace_ms: float = 1500,
    expect_change: bool = False,
    timeout_s: float = 90,
) -> Sample:
    """Do `action` (a key press, click or wheel turn) and time it to the last DOM change of the page it causes.

    Waits for the script run that the action starts (when `expect_run`; if none starts within `run_grace_ms`, e.g.
    an action the browser handles alone, it stops waiting for one), then for `quiet_ms` without any mutation. With
    `expect_change`, a page that was already still counts only once something changed after the action (an action the
    browser answers alone and a little later, such as a chart drawn when scrolled to).
    """
    before = reset(pg)
    bytes_before = counter.total if counter else 0
    action()
    deadline = time.monotonic() + timeout_s
    need_run = expect_run
    while True:
        ok, felt = settled(pg, since=before, quiet_ms=quiet_ms, need_run=need_run)
        if ok and (not expect_change or felt["last"] > (felt["t0"] or before)):
            break
        if need_run and felt["now"] - before > run_grace_ms and felt["state"] == "notRunning":
            need_run = False  # nothing ran: the browser answered alone (or the value did not change)
        if time.monotonic() > deadline:
            raise TimeoutError(f"page did not settle within {timeout_s} s after the action")
        pg.wait_for_timeout(50)
    return sample(felt, since=before, bytes_received=(counter.total if counter else 0) - bytes_before)


def sample(felt: dict, *, since: float, bytes_received: int = 0) -> Sample:
    """The Sample of a settled page from its recorder's state (`settled`'s second value), for a press after `since`."""
    t0 = felt["t0"] or since
    runs = sum(1 for ts, state in felt["states"] if ts >= since and state == "running")
    ends = [ts for ts, state in felt["states"] if ts >= since and state == "notRunning"]
    run_end = (max(ends) - t0) / 1000 if runs and ends else float("nan")
    return Sample(max(felt["last"] - t0, 0.0) / 1000, runs, bytes_received, run_end)


def first_paint(pg, url: str, *, counter: ByteCounter | None = None, quiet_ms: float = 800, timeout_s=90) -> Sample:
    """Open `url` and time navigation start → last DOM change once the first script run(s) ended and all is still."""
    bytes_before = counter.total if counter else 0
    pg.goto(url)
    pg.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while True:
        ok, felt = settled(pg, since=0, quiet_ms=quiet_ms, need_run=False)
        if ok and not pg.query_selector('[data-testid="stSkeleton"]'):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not settle within {timeout_s} s")
        pg.wait_for_timeout(50)
    return sample({**felt, "t0": 0}, since=0, bytes_received=(counter.total if counter else 0) - bytes_before)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear interpolation (numpy's default)."""
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")
