"""Training benchmarks, measured in one run on this machine (ratios, not thresholds):

1. Overhead of the live lab: the in-app `TrainingJob` (per-batch recorder, stop/session checks, the validation
   progress, the live feature maps — one image through a conv sub-model every quarter epoch,
   `playground.lab.watch` — and a poller that takes `snapshot()` and builds the four live figures and the feature
   map images every POLL_S, like the page's fragment) against a bare `model.fit` of the same model, data and seed.
   Alternated bare/job/bare/job, one epoch each; ratio of the sums.
2. The Quick preset on the full training set: time to ≥ 90 % test accuracy and the final test accuracy
   (test set evaluated after each epoch, outside the timing).
3. Training throughput (samples/s) of every preset, one epoch on a 6 000-image subset (after a warm-up epoch).
4. Peak RSS of the process.

Run: python -m bench.bench_training  (takes several minutes; writes bench/results-training.md)
"""

from __future__ import annotations

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
from playground.lab.watch import mosaic  # noqa: E402

POLL_S = 2.0  # as the lab page
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
        f"Peak RSS of the benchmark process: **{rss_mb:,.0f} MB**. Total run time {time.time() - started:.0f} s.",
        "",
    ]
    out = ROOT / "bench" / "results-training.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
