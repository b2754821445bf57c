"""Timing and reporting helpers shared by the benchmarks."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

# The environment as the user started the benchmark, taken when the first bench module is imported. Parts import
# test helpers, and tests/conftest.py sets TF_ENABLE_ONEDNN_OPTS=0 for the test suite; a subprocess or server started
# afterwards would inherit it and measure TensorFlow with oneDNN off (the training part then ran at half speed:
# Quick preset 109 s to 90 % instead of 52 s). What the benchmark starts gets this environment instead.
ENV_AT_START = dict(os.environ)

RESULTS_DIR = Path(__file__).resolve().parent


def best_time(fn: Callable[[], object], *, repeat: int = 5, min_total: float = 0.2, max_loops: int = 200) -> float:
    """Best-of-`repeat` seconds per call; each repeat loops until `min_total` seconds (timeit's approach)."""
    fn()  # warm-up (imports, caches, graph tracing)
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    loops = int(min(max_loops, max(1, min_total / once)))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        times.append((time.perf_counter() - start) / loops)
    return min(times)


def side_by_side(fns: dict[str, Callable[[], object]], *, rounds: int = 3, repeat: int = 3) -> dict[str, float]:
    """Best seconds per call of each function, measured in alternation (`rounds` × each one's best_time).

    Alternating keeps a load spike on a shared machine from landing on one side of a ratio only.
    """
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            best[name] = min(best[name], best_time(fn, repeat=repeat))
    return best


def fit_exponent(xs: list[float], ys: list[float]) -> float:
    """Slope of log(y) against log(x): time ∝ x^slope."""
    return float(np.polyfit(np.log(xs), np.log(ys), 1)[0])


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> str:
    """One line describing the machine the numbers come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem_gb = float("nan")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_gb:.0f} GiB, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load average at start {load:.2f}"
    )


def box_speed() -> str:
    """Two fixed workloads timed at the start of a run, so that runs on different days can be compared.

    This box's cores are not equally fast from one day to the next (bench/NOTES.md, tenth pass: ~35 % between two
    idle days, unchanged code). The goals are absolute times, so a reader needs the box's speed next to them:
    scipy's `correlate2d` of a 1024×1024 float64 image with a 3×3 kernel ('valid'), and a pure-Python loop
    (`sum(i * i for i in range(10**6))`, what the server's script runs are made of), each best of 5.
    """
    from scipy import signal

    rng = np.random.default_rng(0)
    image, kernel = rng.standard_normal((1024, 1024)), rng.standard_normal((3, 3))
    conv = best_time(lambda: signal.correlate2d(image, kernel, mode="valid"), repeat=5, max_loops=5)
    loop = best_time(lambda: sum(i * i for i in range(10**6)), repeat=5, max_loops=3)
    return (
        f"box speed (lower is faster; compare with other runs' headers): scipy correlate2d 1024² 3×3 "
        f"{conv * 1e3:.1f} ms, Python loop of 10⁶ {loop * 1e3:.0f} ms"
    )


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    def fmt(v: object) -> str:
        if isinstance(v, float):
            return f"{v:.3g}"
        return str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
