"""Under load: p50/p95 rerun latency of a concept page with 1, 5 and 10 concurrent sessions on one real server.

One `streamlit run app.py` on loopback, one Debian chromium, one browser context per session, all on the 2-D
convolution page with an RGB photo (`conv2d?conv2d_source=photo&conv2d_color=rgb`, the page's heaviest regular
input: 112 px, three channels, seven figures). In every step each session commits a new kernel size or stride at
(nearly) the same moment; a step's latency per session is measured *inside the page* by tests/browser/load_harness
(a MutationObserver on stApp's `data-test-script-state`): from pressing Enter to the end of the script run that
followed, so the harness's own round-robin polling does not add to it. After each step every session's "Feature map
shape" must equal floor((n − k) / s) + 1 per axis for *its* values, so a latency always belongs to the right rerun.

The browser runs on the same 2 cores as the server, so these latencies include the browser's own work of drawing
10 pages of figures; they are an upper bound for what remote users would see from the server.

Run: python -m bench.bench_load   (part of `python -m bench`)
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ENV_AT_START, markdown_table

ROOT = Path(__file__).resolve().parent.parent
PATH = "conv2d?conv2d_source=photo&conv2d_color=rgb"
KNOBS = {"conv2d_kh": (1, 7), "conv2d_kw": (1, 7), "conv2d_sh": (1, 4), "conv2d_sw": (1, 4)}
PAGE_TIMEOUT_MS = 120_000
LEVELS = (1, 5, 10)


class TimedServer:
    """Like tests.browser.conftest.Server, but through bench.timed_server, which logs every script run's time."""

    def __init__(self, run_log: Path):
        import subprocess
        import urllib.request

        from tests.browser.conftest import free_port

        self.port = free_port()
        self.run_log = run_log
        env = {**ENV_AT_START, "TF_CPP_MIN_LOG_LEVEL": "2", "RUN_LOG": str(run_log)}
        self.log = open(run_log.with_suffix(".server.log"), "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.timed_server",
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
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 90
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

    def runs_between(self, start: float, end: float) -> list[tuple[float, float]]:
        """(wall ms, cpu ms) of the script runs that ended between two unix times."""
        if not self.run_log.exists():
            return []
        out = []
        for line in self.run_log.read_text().splitlines():
            t, wall, cpu = (float(v) for v in line.split())
            if start <= t <= end:
                out.append((wall, cpu))
        return out

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except Exception:  # noqa: BLE001
            self.proc.kill()
        self.log.close()


def _shape_ok(pg, values: dict[str, int], input_hw: tuple[int, int]) -> bool:
    from tests.browser import load_harness as lh

    got = lh.metric_value(pg, "Feature map shape")
    h = (input_hw[0] - values["conv2d_kh"]) // values["conv2d_sh"] + 1
    w = (input_hw[1] - values["conv2d_kw"]) // values["conv2d_sw"] + 1
    return got == f"{h}×{w}"


def run_level(browser, server, sessions: int, steps: int, seed: int) -> dict:
    """Open `sessions` pages, then `steps` rounds of simultaneous changes; latencies in seconds."""
    from tests.browser import load_harness as lh

    rng = random.Random(seed)
    contexts, pages = [], []
    latencies: list[float] = []
    problems: list[str] = []
    try:
        for _ in range(sessions):
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            ctx.set_default_timeout(PAGE_TIMEOUT_MS)
            pg = ctx.new_page()
            pg.goto(server.url(PATH))
            pg.wait_for_selector('[data-testid="stMain"] h1')
            lh.watch_reruns(pg)
            lh.wait_idle(pg, PAGE_TIMEOUT_MS)
            contexts.append(ctx)
            shape = lh.metric_value(pg, "Input shape")
            h, w = (int(v) for v in shape.split("×")[:2])
            pages.append((pg, {"conv2d_kh": 3, "conv2d_kw": 3, "conv2d_sh": 1, "conv2d_sw": 1}, (h, w)))
        steps_started = time.time()
        for step in range(steps):
            pending = []
            for i, (pg, values, _) in enumerate(pages):
                key = rng.choice(list(KNOBS))
                lo, hi = KNOBS[key]
                value = rng.choice([v for v in range(lo, hi + 1) if v != values[key]])
                values[key] = value
                pending.append((i, pg, lh.commit_number(pg, key, value)))
            for i, pg, t0 in pending:
                latency = lh.rerun_latency(pg, t0)
                if latency is None:
                    problems.append(f"session {i} step {step}: no rerun")
                    continue
                latencies.append(latency)
            for i, (pg, values, hw) in enumerate(pages):
                lh.wait_idle(pg, PAGE_TIMEOUT_MS)
                deadline = time.monotonic() + 10
                while not _shape_ok(pg, values, hw) and time.monotonic() < deadline:
                    pg.wait_for_timeout(100)
                if not _shape_ok(pg, values, hw):
                    problems.append(f"session {i} step {step}: shape does not match {values}")
        server_runs = server.runs_between(steps_started, time.time())
    finally:
        for ctx in contexts:
            ctx.close()
    walls = [w / 1e3 for w, _ in server_runs]
    cpus = [c / 1e3 for _, c in server_runs]
    return {
        "server_runs": len(server_runs),
        "server_p50": lh.percentile(walls, 50) if walls else float("nan"),
        "server_p95": lh.percentile(walls, 95) if walls else float("nan"),
        "server_cpu_p50": lh.percentile(cpus, 50) if cpus else float("nan"),
        "sessions": sessions,
        "reruns": len(latencies),
        "p50": lh.percentile(latencies, 50) if latencies else float("nan"),
        "p95": lh.percentile(latencies, 95) if latencies else float("nan"),
        "max": max(latencies, default=float("nan")),
        "problems": problems,
    }


def run(*, levels: tuple[int, ...] = LEVELS, steps: int = 4) -> str:
    os.environ.setdefault("ARTIFACTS_DIR", tempfile.mkdtemp(prefix="bench-artifacts-"))
    Path(os.environ["ARTIFACTS_DIR"]).mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.browser.load_harness import RssSampler

    results = []
    server = TimedServer(Path(os.environ["ARTIFACTS_DIR"]) / f"runs-{os.getpid()}.log")
    sampler = RssSampler(server.proc.pid).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for n, sessions in enumerate(levels):
                    results.append(run_level(browser, server, sessions, steps, seed=n))
            finally:
                browser.close()
    finally:
        sampler.stop()
        server.stop()
    rows = [
        [
            r["sessions"],
            r["reruns"],
            r["p50"] * 1e3,
            r["p95"] * 1e3,
            r["max"] * 1e3,
            r["server_runs"],
            r["server_p50"] * 1e3,
            r["server_p95"] * 1e3,
            r["server_cpu_p50"] * 1e3,
            len(r["problems"]),
        ]
        for r in results
    ]
    problems = [p for r in results for p in r["problems"]]
    RESULTS["levels"] = results
    RESULTS["peak_rss_mb"] = sampler.peak_mb
    RESULTS["problems"] = problems
    parts = [
        "## Under load (concurrent sessions on one server, loopback)",
        f"`/{PATH}`: each session commits a new kernel size or stride {steps} times, all sessions at once; latency "
        "= Enter → end of the script run that followed, measured in the page. Browser and server share the "
        "machine's cores.",
        markdown_table(
            [
                "sessions",
                "reruns timed in the page",
                "p50 ms",
                "p95 ms",
                "max ms",
                "script runs on the server",
                "server p50 ms",
                "server p95 ms",
                "server CPU p50 ms",
                "problems",
            ],
            rows,
        ),
        "In-page latency = what a user on this machine waits (Enter → the app idle again); server = wall time of "
        "each script run inside the server process (bench/timed_server.py), CPU = the script thread's CPU time. "
        "The gap between them is queueing for the 2 cores (every session's rerun runs at once, plus the "
        "browser drawing the figures on the same cores).",
        f"Server RSS peak (process + children): {sampler.peak_mb:.0f} MB.",
    ]
    if problems:
        parts.append("Problems: " + "; ".join(problems[:10]))
    return "\n\n".join(parts)


RESULTS: dict[str, object] = {}

if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(run())
