"""Training benchmarks, measured in one run on this machine (ratios, not thresholds):

1. Overhead of the live lab: the in-app `TrainingJob` (per-batch recorder, stop/session checks, the validation
   progress, the live feature maps — one image through a conv sub-model every quarter epoch,
   `playground.lab.watch` — and a poller that takes `snapshot()` and builds the four live figures and the feature
   map images every POLL_S, like the page's fragment) against a bare `model.fit` of the same model, data and seed.
   Alternated bare/job/bare/job, one epoch each; ratio of the sums.
2. The Quick preset on the full training set: time to ≥ 90 % test accuracy and the final test accuracy
   (test set evaluated after each epoch, outside the timing).
3. Training throughput (samples/s) of every preset, one epoch on a 6 000-image subset (after a warm-up epoch).
4. Honest progress, on a warm process (TensorFlow imported, earlier runs done), one Quick epoch with validation in
   a `TrainingJob` whose snapshot is read every PROGRESS_POLL_S: the time from `job.start()` to the first batch-loss
   point, the longest time the snapshot did not change (what the page could show: phase, batch, validation batch,
   curves, feature maps), and the time-left estimate against the time that really remained — once ETA_MIN_FRACTION
   of the epoch is done (the first estimate) and the worst afterwards while ≥ 10 s remained.
5. Peak RSS of the process.

Run: python -m bench.bench_training  (takes several minutes; writes bench/results-training.md)
     python -m bench.bench_training --progress-only [--train-size N]  (part 4 alone, printed, nothing written)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground import data as fmnist  # noqa: E402
from playground.figures.training import (  # noqa: E402
    batch_loss_curve,
    coloured,
    learning_rate_curve,
    metric_curves,
)
from playground.lab.job import TrainingJob  # noqa: E402
from playground.lab.model import build_model  # noqa: E402
from playground.lab.options import PRESETS  # noqa: E402
from playground.lab.progress import ETA_MIN_FRACTION  # noqa: E402
from playground.lab.watch import mosaic  # noqa: E402

POLL_S = 2.0  # as the lab page
PROGRESS_POLL_S = 0.05  # how often the progress part reads the snapshot (finer than the page, to time the gaps)
ROUNDS = 5  # bare/job pairs for the overhead ratio (2 were not enough: ±10 % noise on a shared machine)


def split(config):
    (x, y), test = fmnist.load_fashion_mnist()
    tr, va = fmnist.train_validation_split(
        y, train_size=config.train_size, validation_split=config.validation_split, seed=config.seed
    )
    return (x[tr][..., None], y[tr]), (x[va][..., None], y[va]), (test[0][..., None], test[1])


def bare_fit(config) -> tuple[float, float]:
    """A bare model.fit (same model, data, seed, batch size, epochs), nothing else running: (wall seconds of the fit,
    process CPU seconds of the whole call: split, build, fit)."""
    import keras

    cpu0 = time.process_time()
    train, val, _ = split(config)
    keras.utils.set_random_seed(config.seed)
    model = build_model(config)
    t0 = time.perf_counter()
    model.fit(*train, validation_data=val, batch_size=config.batch_size, epochs=config.epochs, verbose=0)
    return time.perf_counter() - t0, time.process_time() - cpu0


def job_fit(config) -> tuple[float, int, float]:
    """model.fit inside a TrainingJob while a poller draws it every POLL_S s: (wall seconds of the fit, number of
    polls, process CPU seconds from start to end: the job's split, build and fit, its callback, and the poller)."""
    cpu0 = time.process_time()
    job = TrainingJob(config, is_alive=lambda: True).start()
    polls = 0
    while not job.join(POLL_S):
        snap = job.snapshot()  # what the page's fragment does on each poll
        metric_curves(snap.history, "loss", snap.events, epochs=snap.epochs)
        metric_curves(snap.history, "accuracy", snap.events, epochs=snap.epochs)
        batch_loss_curve(snap.batch_loss, snap.batches or 1, epochs=snap.epochs)
        learning_rate_curve(snap.history.get("learning_rate", []), snap.events, epochs=snap.epochs)
        if snap.watch and snap.watch[-1].maps:  # the live feature maps and filters, as ui/watch.py draws them
            frame = snap.watch[-1]
            coloured(mosaic(frame.filters[:, :, 0, :]), symmetric=True, scale=6)
            for _, _, maps in frame.maps:
                coloured(mosaic(maps, cols=16 if maps.shape[2] > 32 else 8), scale=max(1, 56 // maps.shape[0]) + 1)
        polls += 1
    snap = job.snapshot()
    if snap.state == "failed":
        raise RuntimeError(snap.error)
    return snap.run.duration_s, polls, time.process_time() - cpu0


def quick_to_90() -> tuple[float | None, float, list[tuple[int, float, float]]]:
    """Train the Quick preset epoch by epoch; (seconds to ≥ 90 % test accuracy, final accuracy, per-epoch rows)."""
    import keras

    config = PRESETS["quick"]
    train, val, test = split(config)
    keras.utils.set_random_seed(config.seed)
    model = build_model(config)
    elapsed, reached, rows = 0.0, None, []
    for epoch in range(config.epochs):
        t0 = time.perf_counter()
        model.fit(
            *train,
            validation_data=val,
            batch_size=config.batch_size,
            epochs=epoch + 1,
            initial_epoch=epoch,
            verbose=0,
        )
        elapsed += time.perf_counter() - t0
        _, accuracy = model.evaluate(*test, verbose=0)
        rows.append((epoch + 1, elapsed, accuracy))
        if reached is None and accuracy >= 0.90:
            reached = elapsed
    return reached, rows[-1][2], rows


def throughput(name: str, n: int = 6000) -> float:
    """Samples per second of one training epoch of preset `name` on n images (after a warm-up epoch)."""
    import keras

    config = replace(PRESETS[name], train_size=n, validation_split=0.0, epochs=1)
    config = replace(config, early_stopping=None, reduce_lr=None, checkpoint=None)
    train, _, _ = split(config)
    keras.utils.set_random_seed(0)
    model = build_model(config)
    model.fit(*train, batch_size=config.batch_size, epochs=1, verbose=0)  # warm-up: tracing, allocation
    t0 = time.perf_counter()
    model.fit(*train, batch_size=config.batch_size, epochs=1, verbose=0)
    return len(train[1]) / (time.perf_counter() - t0)


def _visible(snap) -> tuple:
    """What of a snapshot the lab page can show: a change in any of these is visible progress."""
    return (
        snap.state,
        snap.phase,
        snap.epoch,
        snap.batch,
        snap.val_batch,
        len(snap.batch_loss),
        len(snap.history.get("loss", [])),
        len(snap.watch),
    )


def honest_progress(config) -> dict:
    """One training of `config` in a TrainingJob, its snapshot read every PROGRESS_POLL_S (see part 4 above).

    Returns first_point_s (job.start() → the first batch-loss point), longest_gap_s and gap_phase (the longest time
    without a visible change and the phase it began in), and the time-left check: eta_first_s / actual_first_s /
    eta_first_err (relative error of the first estimate, taken once ETA_MIN_FRACTION of an epoch was timed, at
    fraction eta_first_at of the epoch) and eta_worst_err (the largest relative error of any later estimate while
    ≥ 10 s remained), duration_s (start → ended).
    """
    job = TrainingJob(config, is_alive=lambda: True)
    t0 = time.perf_counter()
    job.start()
    first_point = None
    last_seen, last_change, gap, gap_phase = None, t0, 0.0, ""
    estimates: list[tuple[float, float, float]] = []  # (time, estimate, fraction of the epoch done)
    while True:
        snap = job.snapshot()
        now = time.perf_counter()
        seen = _visible(snap)
        if seen != last_seen:
            if now - last_change > gap:
                gap, gap_phase = now - last_change, last_seen[1] if last_seen else "start"
            last_seen, last_change = seen, now
        if first_point is None and snap.batch_loss:
            first_point = now - t0
        if snap.eta_s is not None and snap.state == "running":
            estimates.append((now, snap.eta_s, snap.progress))
        if not snap.active:
            break
        time.sleep(PROGRESS_POLL_S)
    end = time.perf_counter()
    if snap.state != "finished":
        raise RuntimeError(snap.error or snap.state)
    if not estimates:
        raise RuntimeError("no time-left estimate was shown")
    t_first, eta_first, at = estimates[0]
    actual_first = end - t_first
    later = [(eta - (end - t)) / (end - t) for t, eta, _ in estimates[1:] if end - t >= 10]
    return {
        "first_point_s": first_point,
        "longest_gap_s": gap,
        "gap_phase": gap_phase,
        "eta_first_s": eta_first,
        "actual_first_s": actual_first,
        "eta_first_err": (eta_first - actual_first) / actual_first,
        "eta_first_at": at,
        "eta_worst_err": max(later, key=abs) if later else None,  # None: never ≥ 10 s left after the first
        "duration_s": end - t0,
    }


def progress_lines(p: dict, config) -> list[str]:
    worst = p["eta_worst_err"]
    return [
        f"## Honest progress (Quick preset, {config.train_size:,} images, 1 epoch with validation, warm process)",
        "",
        "| measure | value |",
        "|---|---|",
        f"| first batch-loss point after `job.start()` | **{p['first_point_s']:.2f} s** |",
        f"| longest time without visible progress (snapshot unchanged) | **{p['longest_gap_s']:.2f} s** "
        f'(began in phase "{p["gap_phase"]}") |',
        f"| time-left error once {ETA_MIN_FRACTION * 100:.0f} % of the epoch is done "
        f"| **{p['eta_first_err'] * 100:+.1f} %** (estimate {p['eta_first_s']:.1f} s at "
        f"{p['eta_first_at'] * 100:.1f} % done, actual {p['actual_first_s']:.1f} s) |",
        "| worst time-left error afterwards (while ≥ 10 s remain) | "
        + ("not measured (the run was too short) |" if worst is None else f"**{worst * 100:+.1f} %** |"),
        f"| the whole run, start → ended | {p['duration_s']:.1f} s |",
        "",
        f"The snapshot was read every {PROGRESS_POLL_S * 1000:.0f} ms (the page redraws every {POLL_S:.0f} s); "
        "visible = state, phase, epoch, batch, validation batch, curve points or feature-map frames changed.",
        "",
    ]


def progress_only(train_size: int | None) -> None:
    """Part 4 alone (a check of the measurement; with --train-size a small subset): warm up, measure, print."""
    config = replace(PRESETS["quick"], epochs=1)
    if train_size:
        config = replace(config, train_size=train_size)
    honest_progress(replace(config, train_size=2000))  # the "one earlier run" of a warm server
    print("\n".join(progress_lines(honest_progress(config), config)))


def main() -> None:
    started = time.time()
    load = os.getloadavg()[0]
    overhead_config = replace(PRESETS["quick"], epochs=1, train_size=30_000)
    bare_fit(replace(overhead_config, train_size=2000))  # warm-up of TensorFlow itself
    bare, job, bare_cpu, job_cpu, polls = [], [], [], [], 0
    for i in range(ROUNDS):  # alternate, and swap who goes first, so drift on a shared machine hits both sides
        order = ("bare", "job") if i % 2 == 0 else ("job", "bare")
        for side in order:
            if side == "bare":
                seconds, cpu = bare_fit(overhead_config)
                bare.append(seconds)
                bare_cpu.append(cpu)
            else:
                seconds, n, cpu = job_fit(overhead_config)
                job.append(seconds)
                job_cpu.append(cpu)
                polls += n
    ratio = sum(job) / sum(bare)
    per_round = sorted(j / b for j, b in zip(job, bare, strict=True))
    median = per_round[len(per_round) // 2]
    cpu_ratio = sum(job_cpu) / sum(bare_cpu)
    print(
        f"overhead: bare {bare} s, job {job} s ({polls} polls) → ratio {ratio:.3f}, median {median:.3f}; "
        f"CPU bare {bare_cpu} s, job {job_cpu} s → {cpu_ratio:.3f}",
        flush=True,
    )

    reached, final, rows = quick_to_90()
    print(f"quick: {rows} → 90 % after {reached} s, final {final:.4f}", flush=True)

    rates = {name: throughput(name) for name in PRESETS}
    print(f"samples/s: {rates}", flush=True)

    progress_config = replace(PRESETS["quick"], epochs=1)  # the process is warm: TensorFlow loaded, many runs done
    progress = honest_progress(progress_config)
    print(f"progress: {progress}", flush=True)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    lines = [
        "# Training benchmarks",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `python -m bench.bench_training` on {platform.machine()}, "
        f"{os.cpu_count()} CPU cores, Python {platform.python_version()}; load average at start {load:.1f} "
        "(the machine was shared with other work, so absolute times are noisy; the ratio is measured "
        "alternately in the same run).",
        "",
        f"## Live lab overhead (Quick preset, 27 000 training images, 1 epoch, alternated ×{ROUNDS})",
        "",
        "| | seconds (each run) | total |",
        "|---|---|---|",
        f"| bare `model.fit` | {', '.join(f'{s:.1f}' for s in bare)} | {sum(bare):.1f} |",
        f"| `TrainingJob` with live feature maps + poller ({polls} polls, 4 figures + map images each) "
        f"| {', '.join(f'{s:.1f}' for s in job)} "
        f"| {sum(job):.1f} |",
        f"| **ratio job / bare** | | **{ratio:.3f}** |",
        f"| process CPU, bare (split, build, fit) | {', '.join(f'{s:.1f}' for s in bare_cpu)} | {sum(bare_cpu):.1f} |",
        f"| process CPU, job + poller | {', '.join(f'{s:.1f}' for s in job_cpu)} | {sum(job_cpu):.1f} |",
        f"| **CPU-time ratio job / bare** | | **{cpu_ratio:.3f}** |",
        "",
        f"Per-round ratios (job / bare of the same round): {', '.join(f'{r:.3f}' for r in per_round)}; "
        f"median **{median:.3f}**. Wall times on this shared machine move by ±20 % from run to run; the CPU time "
        "the process spends (the work the live UI adds: per-batch callback, feature maps every quarter epoch, polls "
        "drawing four figures and the map images) does not "
        "include waiting for a core, so the goal is read from the CPU-time ratio.",
        "",
        "## Quick preset, full training set (54 000 train / 6 000 validation), test accuracy per epoch",
        "",
        "| epoch | training seconds so far | test accuracy |",
        "|---|---|---|",
        *[f"| {e} | {s:.1f} | {a:.2%} |" for e, s, a in rows],
        "",
        f"Time to ≥ 90 % test accuracy: **{'not reached' if reached is None else f'{reached:.1f} s'}**; "
        f"final test accuracy **{final:.2%}**.",
        "",
        "## Throughput per preset (one epoch on 6 000 images, after a warm-up epoch)",
        "",
        "| preset | samples / s |",
        "|---|---|",
        *[f"| {name} | {rate:,.0f} |" for name, rate in rates.items()],
        "",
        *progress_lines(progress, progress_config),
        f"Peak RSS of the benchmark process: **{rss_mb:,.0f} MB**. Total run time {time.time() - started:.0f} s.",
        "",
    ]
    out = ROOT / "bench" / "results-training.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.bench_training", description=__doc__.split("\n")[0])
    parser.add_argument("--progress-only", action="store_true", help="only part 4 (honest progress), printed")
    parser.add_argument("--train-size", type=int, help="with --progress-only: train on this many images")
    args = parser.parse_args()
    if args.progress_only:
        progress_only(args.train_size)
    else:
        main()
