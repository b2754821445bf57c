"""Page responsiveness: server-side time of one rerun of each concept page after a widget change, cold start of
the app in a real browser, and whether any concept page imports TensorFlow.

* Rerun: each page runs inside the frame (``tests.conftest.page_app``, Streamlit's AppTest: the script runs in this
  process exactly as the server would run it, without the websocket). After a first run and a warm-up rerun, one
  widget is moved back and forth and every `run()` is timed. The conv2d page is also measured with a 512×512 RGB
  PNG uploaded through its file uploader (the page downscales photos to 112 px for computing and drawing).
* Cold start: `streamlit run app.py` started → health endpoint answers → home page rendered (title visible and the
  script idle) in Debian's chromium via Playwright.
* TensorFlow: each concept page is run once in a fresh Python process; did `tensorflow` or `keras` get imported?

Run: python -m bench.bench_pages   (part of `python -m bench`)
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ENV_AT_START, markdown_table

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 150.0
CONCEPT_PAGES = ("conv1d", "conv2d", "pooling", "shapes", "activations", "dropout", "optimizers")


@dataclass(frozen=True)
class Case:
    """One page measurement: open `script` (with `query` as a deep link), prepare, then toggle one widget."""

    name: str
    script: str
    widget: str  # AppTest accessor: "slider", "number_input", ...
    key: str
    values: tuple  # alternated
    query: dict[str, str] = field(default_factory=dict)
    upload: bool = False  # conv2d: 512×512 RGB PNG through the file uploader


CASES = (
    Case("conv1d", "app_pages/conv1d.py", "slider", "conv1d_step", (1, 2)),
    Case("conv2d (7×7 grid)", "app_pages/conv2d.py", "slider", "conv2d_dilation", (2, 1)),
    Case(
        "conv2d (photo, RGB)",
        "app_pages/conv2d.py",
        "slider",
        "conv2d_dilation",
        (2, 1),
        {"conv2d_source": "photo", "conv2d_color": "rgb"},
    ),  # fmt: skip
    Case(
        "conv2d (512×512 RGB upload)",
        "app_pages/conv2d.py",
        "slider",
        "conv2d_dilation",
        (2, 1),
        {"conv2d_source": "upload", "conv2d_color": "rgb"},
        upload=True,
    ),  # fmt: skip
    Case("pooling (feature map)", "app_pages/pooling.py", "slider", "pooling_size", (3, 2)),
    Case("pooling (photo)", "app_pages/pooling.py", "slider", "pooling_size", (3, 2), {"pooling_source": "photo"}),
    Case("shapes", "app_pages/shapes.py", "number_input", "shapes_h", (65, 64), {"shapes_input": "custom"}),
    Case("activations", "app_pages/activations.py", "slider", "activations_x_max", (7.0, 6.0)),
    Case("dropout", "app_pages/dropout.py", "slider", "dropout_rate", (0.3, 0.5)),
    Case("optimizers", "app_pages/optimizers.py", "slider", "optimizers_steps", (160, 150)),
)


def upload_png(side: int = 512) -> bytes:
    """A side×side RGB PNG made from one of the app's sample photos."""
    from PIL import Image

    from playground.images import SAMPLES

    with Image.open(next(iter(SAMPLES.values()))) as img:
        rgb = img.convert("RGB").resize((side, side))
    buf = io.BytesIO()
    rgb.save(buf, format="PNG")
    return buf.getvalue()


def _quiet_and_cached() -> None:
    """AppTest builds a new ScriptCache for every run, so it recompiles app.py and the page each time; a server
    compiles once per process. Share one cache so the timings show what a server does. Also hush the
    "missing ScriptRunContext" log lines of bare mode."""
    import streamlit.logger
    import streamlit.testing.v1.app_test as app_test
    import streamlit.testing.v1.local_script_runner as local_runner
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    streamlit.logger.set_log_level("error")
    shared = ScriptCache()
    app_test.ScriptCache = local_runner.ScriptCache = lambda: shared
    if not getattr(script_runner.ScriptRunner, "_bench_timed", False):
        original = script_runner.ScriptRunner._run_script

        def timed(self, *args, **kwargs):
            cpu = time.thread_time()
            try:
                return original(self, *args, **kwargs)
            finally:
                CPU_MS.append(1e3 * (time.thread_time() - cpu))

        script_runner.ScriptRunner._run_script = timed
        script_runner.ScriptRunner._bench_timed = True


CPU_MS: list[float] = []  # CPU time of each script run (the script thread only), filled by the patched runner


def _widget(at, kind: str, key: str):
    return getattr(at, kind)(key=key)


def time_case(case: Case, reruns: int = 6) -> dict[str, float]:
    """Milliseconds: the first run, and the median/min/max of `reruns` reruns after a widget change."""
    from tests.conftest import page_app

    _quiet_and_cached()
    at = page_app(case.script)
    for k, v in case.query.items():
        at.query_params[k] = v
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    if case.upload:
        uploader = next(u for u in at.file_uploader if u.key == "conv2d_upload")
        uploader.set_value(("photo512.png", upload_png(), "image/png"))
        at.run()
    if at.exception:
        raise RuntimeError(f"{case.name}: {at.exception[0].value}")
    _widget(at, case.widget, case.key).set_value(case.values[-1])
    at.run()  # warm-up rerun (caches, first figure of this kind)
    times, cpu = [], []
    for i in range(reruns):
        _widget(at, case.widget, case.key).set_value(case.values[i % len(case.values)])
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        cpu.append(CPU_MS[-1])
        if at.exception:
            raise RuntimeError(f"{case.name}: {at.exception[0].value}")
    if case.upload:
        shape = next(m.value for m in at.metric if "×" in str(m.value))
        if shape.startswith("512"):
            raise RuntimeError("the upload was not downscaled as expected")
    ms = [t * 1e3 for t in times]
    return {
        "first": first * 1e3,
        "median": statistics.median(ms),
        "min": min(ms),
        "max": max(ms),
        "cpu": statistics.median(cpu),
    }


_TF_PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from tests.conftest import page_app
at = page_app({script!r})
at.run()
print(json.dumps({{"tensorflow": "tensorflow" in sys.modules, "keras": "keras" in sys.modules,
                  "exception": bool(at.exception)}}))
"""


def imports_tensorflow(script: str) -> dict[str, bool]:
    """Run one page in a fresh interpreter; report whether tensorflow/keras ended up in sys.modules."""
    code = _TF_PROBE.format(root=str(ROOT), script=script)
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"probe of {script} failed: {proc.stderr[-2000:]}")
    return json.loads(lines[-1])


def cold_start() -> dict[str, float]:
    """Seconds: server process start → health OK; → home page rendered in chromium; and a second page load."""
    os.environ.setdefault("ARTIFACTS_DIR", tempfile.mkdtemp(prefix="bench-artifacts-"))
    Path(os.environ["ARTIFACTS_DIR"]).mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Server

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)  # browser up before the clock
        try:
            t0 = time.perf_counter()
            server = Server(base_env=ENV_AT_START)
            healthy = time.perf_counter() - t0
            try:
                loads = []
                for _ in range(2):  # first load: cold server (imports, first script run); second: warm
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(server.url(""))
                    page.wait_for_selector('[data-testid="stMain"] h1', timeout=120_000)
                    page.wait_for_function(
                        "() => document.querySelector('[data-testid=\"stApp\"]')"
                        "?.getAttribute('data-test-script-state') === 'notRunning'",
                        timeout=120_000,
                    )
                    loads.append(time.perf_counter() - start)
                    context.close()
            finally:
                server.stop()
        finally:
            browser.close()
    return {"health": healthy, "first_load": loads[0], "total": healthy + loads[0], "warm_load": loads[1]}


def measure_all(*, with_tensorflow: bool, reruns: int) -> dict[str, dict[str, float]]:
    """time_case for every case in a fresh interpreter, with or without TensorFlow/Keras imported first.

    Fresh, because the process matters: once `keras` is in sys.modules, Streamlit calls
    `keras.backend.clear_session()` (a full `gc.collect()` over TensorFlow's objects) after *every* script run of
    every session (`script_runner._clean_problem_modules`). A server where someone opened the training lab is in
    that state; one where nobody did is not.
    """
    code = (
        f"import json, sys; sys.path.insert(0, {str(ROOT)!r})\n"
        f"if {with_tensorflow}: import keras\n"
        "from bench import bench_pages as b\n"
        f"print('RESULT ' + json.dumps({{c.name: b.time_case(c, reruns={reruns}) for c in b.CASES}}))\n"
    )
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        raise RuntimeError(f"page timing failed: {proc.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def run(*, browser: bool = True, reruns: int = 8) -> str:
    rows, worst = [], 0.0
    load_before = os.getloadavg()[0]
    clean = measure_all(with_tensorflow=False, reruns=reruns)
    with_tf = measure_all(with_tensorflow=True, reruns=reruns)
    upload = next(clean[c.name] for c in CASES if c.upload)
    upload_tf = next(with_tf[c.name] for c in CASES if c.upload)
    for case in CASES:
        r, t = clean[case.name], with_tf[case.name]
        worst = max(worst, r["cpu"])
        rows.append(
            [
                case.name,
                f"{case.key} → {case.values}",
                r["first"],
                r["median"],
                r["min"],
                r["max"],
                r["cpu"],
                t["cpu"],
                t["min"],
            ]
        )
    tf_rows = []
    for name in CONCEPT_PAGES:
        probe = imports_tensorflow(f"app_pages/{name}.py")
        tf_rows.append([name, "yes" if probe["tensorflow"] else "no", "yes" if probe["keras"] else "no"])
    parts = [
        f"## Page responsiveness (goal: one rerun ≤ {GOAL_MS:.0f} ms server-side for a 512×512 RGB input)",
        "AppTest runs the page inside the frame in this process, as the server would (no websocket, no browser "
        f"drawing). Milliseconds; 'first' is the page's first run in the process, then {reruns} reruns after "
        "moving the named widget (after one warm-up rerun). Wall times include waiting for a core on this shared "
        f"machine (load average {load_before:.1f} at the start of this part); 'CPU' is the script thread's CPU "
        "time per rerun (median), the work the server does for one rerun, which queueing does not inflate. "
        "The goal is checked on CPU time and on the best (min) wall time.",
        markdown_table(
            [
                "page (input)",
                "widget moved",
                "first run ms",
                "rerun median ms",
                "min",
                "max",
                "CPU ms (median)",
                "CPU ms, TF loaded",
                "min ms, TF loaded",
            ],
            rows,
        ),
        "The last two columns repeat the measurement in a process that has imported Keras/TensorFlow, as a "
        "server has once any session opened the training lab: Streamlit then calls `keras.backend.clear_session()` "
        "(a full garbage collection over TensorFlow's objects) after every script run of every session.",
        "### Does a concept page import TensorFlow? (fresh interpreter per page)",
        markdown_table(["page", "tensorflow imported", "keras imported"], tf_rows),
    ]
    result = {
        "worst_rerun_ms": worst,
        "upload_cpu_ms": upload["cpu"],
        "upload_min_ms": upload["min"],
        "upload_median_ms": upload["median"],
        "upload_tf_cpu_ms": upload_tf["cpu"],
        "tf_free": all(r[1] == "no" and r[2] == "no" for r in tf_rows),
    }
    if browser:
        cs = cold_start()
        result["cold_start_s"] = cs["total"]
        parts += [
            "### Cold start (real server, Debian chromium)",
            markdown_table(
                ["server start → health OK s", "→ home page rendered s", "total s", "second page load (warm) s"],
                [[cs["health"], cs["first_load"], cs["total"], cs["warm_load"]]],
            ),
        ]
    RESULTS.update(result)
    return "\n\n".join(parts)


RESULTS: dict[str, object] = {}  # summary numbers of the last run(), for the goals table

if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(run(browser="--no-browser" not in sys.argv))
