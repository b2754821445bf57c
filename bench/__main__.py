"""`python -m bench`: run the benchmark parts, print their tables and write bench/results.md with the goals table.

    python -m bench                      # everything (core, pages, training, load; ~15 minutes on 2 cores)
    python -m bench --only core pages    # some parts
    python -m bench --reuse-training     # take the training numbers from bench/results-training.md (no retraining)
    python -m bench --no-browser         # pages without the cold start (no chromium), and no felt or load part
    python -m bench --only felt --quick  # felt latency with 3 moves a case and 1/3 sessions (BENCH_QUICK=1 too)
    python -m bench --only cluster       # the Ray backend: overhead, throughput on 1 and 2 slots, session memory

Training is measured by bench/bench_training.py (run as a subprocess; it writes bench/results-training.md).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import ENV_AT_START, box_speed, machine, markdown_table  # noqa: E402

PARTS = ("core", "pages", "training", "felt", "load", "cluster")
TRAINING_MD = ROOT / "bench" / "results-training.md"
RESULTS_MD = ROOT / "bench" / "results.md"


def run_training(reuse: bool) -> tuple[str, dict[str, float | None]]:
    """The training part's markdown (without its title line) and its headline numbers."""
    if not reuse or not TRAINING_MD.exists():
        subprocess.run([sys.executable, "-m", "bench.bench_training"], cwd=ROOT, check=True, env=ENV_AT_START)
    text = TRAINING_MD.read_text(encoding="utf-8")

    def number(pattern: str) -> float | None:
        m = re.search(pattern, text)
        return float(m.group(1).replace(",", "")) if m else None

    numbers = {
        "overhead": number(r"\*\*ratio job / bare\*\* \| \| \*\*([\d.]+)\*\*"),
        "overhead_cpu": number(r"CPU-time ratio job / bare\*\* \| \| \*\*([\d.]+)\*\*"),
        "to90_s": number(r"Time to ≥ 90 % test accuracy: \*\*([\d.]+) s\*\*"),
        "final_acc": number(r"final test accuracy \*\*([\d.]+)%\*\*"),
        "rss_mb": number(r"Peak RSS of the benchmark process: \*\*([\d,]+) MB\*\*"),
        "first_point_s": number(r"first batch-loss point after `job.start\(\)` \| \*\*([\d.]+) s\*\*"),
        "longest_gap_s": number(r"longest time without visible progress \(snapshot unchanged\) \| \*\*([\d.]+) s"),
        "eta_first_pct": number(r"time-left error once \d+ % of the epoch is done \| \*\*([+-][\d.]+) %\*\*"),
        "eta_worst_pct": number(r"worst time-left error afterwards \(while ≥ 10 s remain\) \| \*\*([+-][\d.]+) %"),
    }
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    return "## Training\n" + body.replace("\n## ", "\n### "), numbers


def _fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    return "not measured" if value is None else f"{value:.{digits}f}{unit}"


def _felt_rows(felt: dict) -> list[list[str]]:
    """Goals rows of the felt-latency part (bench/bench_felt.py)."""
    cases = felt.get("cases", {})
    errors = felt.get("errors", [])
    if not cases and not errors:
        return []

    def worst(field: str) -> tuple[str, float]:
        name = max(cases, key=lambda c: cases[c][field]) if cases else "—"
        return name, cases[name][field] if cases else float("nan")

    p50_case, p50 = worst("p50")
    p95_case, p95 = worst("p95")
    kb_case, kb = worst("kb")
    slow50 = sum(1 for c in cases.values() if c["p50"] > 0.3)
    slow95 = sum(1 for c in cases.values() if c["p95"] > 0.6)
    note = f"; {len(errors)} case(s) failed: {', '.join(errors)}" if errors else ""
    fp = felt.get("worst_first_paint", float("nan"))
    fp_back = felt.get("worst_returning_paint", float("nan"))
    fp_errors = felt.get("first_paint_errors", [])
    floor = felt.get("floor_page", float("nan"))
    floor_note = f"; a bare Streamlit page at a page's path: {floor:.2f} s in the same period" if floor == floor else ""
    return [
        [
            "felt latency p50 ≤ 300 ms on every concept case (one session)",
            f"worst {p50 * 1e3:.0f} ms ({p50_case}); {slow50} of {len(cases)} cases over{note}",
            "yes" if cases and not errors and slow50 == 0 else "no",
        ],
        [
            "felt latency p95 ≤ 600 ms on every concept case (one session)",
            f"worst {p95 * 1e3:.0f} ms ({p95_case}); {slow95} of {len(cases)} cases over",
            "yes" if cases and not errors and slow95 == 0 else "no",
        ],
        [
            "≤ 300 KB over the websocket per rerun (heaviest mode)",
            f"worst median {kb:.0f} KB ({kb_case})",
            "yes" if cases and kb <= 300 else "no",
        ],
        [
            "first paint of any page ≤ 2 s",
            f"worst {fp:.2f} s on a first visit (median of {felt.get('first_visits', 1)}), {fp_back:.2f} s returning "
            "(code cached)" + floor_note + (f"; failed: {', '.join(fp_errors)}" if fp_errors else ""),
            "yes" if fp == fp and fp <= 2 and not fp_errors else "no",
        ],
    ]


def goals_table(core: dict, pages: dict, training: dict, load: dict, felt: dict | None = None) -> str:
    rows = []
    if core:
        rows.append(
            [
                "core ops within 2× of the reference (worst ratio over all sizes)",
                f"conv2d {core['worst_conv']:.2f}×, pool2d {core['worst_pool']:.2f}× "
                f"(conv2d 3→8 on 1024²: {core['conv_1024']})",
                "yes" if max(core["worst_conv"], core["worst_pool"]) <= 2 else "no (see notes)",
            ]
        )
    if pages:
        cpu, best, med = pages.get("upload_cpu_ms"), pages.get("upload_min_ms"), pages.get("upload_median_ms")
        rows.append(
            [
                "concept-page rerun ≤ 150 ms server-side, 512×512 RGB input (conv2d upload)",
                f"CPU {_fmt(cpu, ' ms', 0)}, wall best {_fmt(best, ' ms', 0)} / median {_fmt(med, ' ms', 0)} "
                f"(shared machine); slowest concept page (CPU) {pages['worst_rerun_ms']:.0f} ms; with TensorFlow "
                f"loaded in the server process (after a training): CPU {_fmt(pages.get('upload_tf_cpu_ms'), ' ms', 0)}",
                "yes" if cpu is not None and best is not None and max(cpu, best) <= 150 else "no",
            ]
        )
        rows.append(["concept pages never import TensorFlow", "none does" if pages["tf_free"] else "some do", ""])
        if "cold_start_s" in pages:
            rows.append(["cold start: server up → home page rendered", f"{pages['cold_start_s']:.1f} s", "(no goal)"])
    if training:
        ov, t90, acc, rss = training["overhead"], training["to90_s"], training["final_acc"], training["rss_mb"]
        cpu = training["overhead_cpu"]  # what the live UI adds, without the shared machine's wall-time noise
        wall = _fmt(None if ov is None else (ov - 1) * 100, " %", 1)
        measured = "not measured" if cpu is None else f"CPU time {(cpu - 1) * 100:+.1f} % (wall time {wall})"
        met = "not measured" if cpu is None else "yes" if cpu <= 1.05 else "no"
        rows.append(["live-training overhead ≤ 5 %", measured, met])
        rows.append(
            [
                "Quick preset ≥ 90 % test accuracy in ≤ 60 s",
                f"{_fmt(t90, ' s', 1)} to 90 %, final {_fmt(acc, ' %')}",
                "yes" if t90 is not None and t90 <= 60 else "no",
            ]
        )
        met = "yes" if rss is not None and rss <= 1536 else "no"
        rows.append(["peak RSS ≤ 1.5 GB (training on 60k)", _fmt(rss, " MB", 0), met])
        first, gap = training.get("first_point_s"), training.get("longest_gap_s")
        rows.append(
            [
                "first batch-loss point ≤ 3 s after Train (warm process)",
                _fmt(first, " s"),
                "not measured" if first is None else "yes" if first <= 3 else "no",
            ]
        )
        rows.append(
            [
                "never > 5 s without visible progress (1 Quick epoch incl. validation)",
                f"longest {_fmt(gap, ' s')}",
                "not measured" if gap is None else "yes" if gap <= 5 else "no",
            ]
        )
        at10, worst = training.get("eta_first_pct"), training.get("eta_worst_pct")
        errors = [e for e in (at10, worst) if e is not None]
        rows.append(
            [
                "time left within ±30 % once 10 % of an epoch is done",
                f"{_fmt(at10, ' %', 1)} at 10 %, worst later {_fmt(worst, ' %', 1)}",
                "not measured" if not errors else "yes" if max(map(abs, errors)) <= 30 else "no",
            ]
        )
    rows += _felt_rows(felt or {})
    if load:
        levels = load.get("levels", [])
        text = ", ".join(
            f"{r['sessions']}: p50 {r['p50'] * 1e3:.0f} / p95 {r['p95'] * 1e3:.0f} ms felt, "
            f"server p50 {r['server_p50'] * 1e3:.0f} ms"
            for r in levels
        )
        top = max(levels, key=lambda r: r["sessions"], default=None)
        met = "no" if top is None or top["sessions"] < 10 else "yes" if top["p95"] <= 2 else "no"
        rows.append(["felt latency p95 ≤ 2 s with 10 sessions moving widgets at once", text, met])
    return markdown_table(["goal", "measured", "met?"], rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=PARTS, help="parts to run (default: all)")
    parser.add_argument("--reuse-training", action="store_true", help="reuse bench/results-training.md")
    parser.add_argument("--no-browser", action="store_true", help="skip chromium: no cold start, no load part")
    parser.add_argument("--output", type=Path, default=RESULTS_MD, help="where to write the report")
    parser.add_argument(
        "--quick", action="store_true", help="felt and load parts: fewer moves and sessions (also BENCH_QUICK=1)"
    )
    args = parser.parse_args(argv)
    # A `timeout` or `kill` ends the run through SystemExit, so every `finally` runs and the servers and browsers the
    # parts started are stopped (Python's default for SIGTERM ends the process at once and leaves them running).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parts = [p for p in PARTS if args.only is None or p in args.only]
    if args.no_browser:
        parts = [p for p in parts if p not in ("felt", "load")]
    quick = args.quick or bool(int(os.environ.get("BENCH_QUICK", "0") or 0))

    started = time.time()
    header = [
        "# Benchmark results",
        "",
        "`" + " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]) + "`",
        f"run {time.strftime('%Y-%m-%d %H:%M %Z')} on: {machine()}.",
        f"{box_speed()}.",
        "Every figure is a ratio measured side by side in one run (absolute times for context). The machine is "
        "shared (2 cores, other jobs running), so absolute times vary from run to run; ratios much less.",
    ]
    sections: list[str] = []
    core: dict = {}
    pages: dict = {}
    training: dict = {}
    load: dict = {}
    felt: dict = {}
    if "core" in parts:
        from bench import bench_core

        sections.append(bench_core.run())
        core = dict(bench_core.RESULTS)
        print(sections[-1], "\n", flush=True)
    if "pages" in parts:
        from bench import bench_pages

        sections.append(bench_pages.run(browser=not args.no_browser))
        pages = dict(bench_pages.RESULTS)
        print(sections[-1], "\n", flush=True)
    if "training" in parts:
        text, training = run_training(args.reuse_training)
        sections.append(text)
        print(text, "\n", flush=True)
    if "felt" in parts:
        from bench import bench_felt

        sections.append(bench_felt.run(quick=quick))
        felt = dict(bench_felt.RESULTS)
        print(sections[-1], "\n", flush=True)
    if "load" in parts:
        from bench import bench_load

        sections.append(bench_load.run(quick=quick))
        load = dict(bench_load.RESULTS)
        print(sections[-1], "\n", flush=True)

    if "cluster" in parts:
        try:
            from bench import bench_cluster
        except ImportError as err:  # the cluster extra is not installed
            sections.append(f"## Ray backend\n\nnot measured: {err} (pip install -e '.[cluster]')")
        else:
            sections.append(bench_cluster.run(quick=quick))
        print(sections[-1], "\n", flush=True)

    goals = goals_table(core, pages, training, load, felt)
    notes = (ROOT / "bench" / "NOTES.md").read_text(encoding="utf-8") if (ROOT / "bench" / "NOTES.md").exists() else ""
    report = "\n\n".join(
        [
            "\n".join(header),
            "## Goals",
            goals,
            *sections,
            notes,
            f"Total benchmark time {time.time() - started:.0f} s.",
        ]
    )
    print("## Goals\n\n" + goals)
    args.output.write_text(report.strip() + "\n", encoding="utf-8")
    print(f"\nwritten: {args.output}")


if __name__ == "__main__":
    main()
