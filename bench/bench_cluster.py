"""The Ray backend (issue 16), measured in one run on this machine against a local Ray head started here:

1. Per-training overhead: the same config trained in-process (`TrainingJob`, TensorFlow already loaded) and as a
   Ray actor (`RemoteTrainingJob`, one slot of 2 CPUs): wall time from start to "finished", and their ratio. The
   actor's share is what a remote training costs on top: a new worker process that imports TensorFlow, the data
   loaded there, the model sent back.
2. Throughput: four trainings submitted at once, on one slot (2 CPUs per training) and on two slots (1 CPU each):
   trainings per minute until the last one finished.
3. Memory of the Streamlit process (what one server holds): RSS with one idle browser session on the lab, and its
   peak while that session's training runs on the cluster — against the peak while the same training runs
   in-process.

Run: python -m bench --only cluster   (needs the cluster extra: pip install -e ".[cluster]")
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace

from bench.common import ENV_AT_START, markdown_table

RESULTS: dict[str, float] = {}


def _config(train_size: int):
    from playground.lab.options import PRESETS

    return replace(PRESETS["quick"], epochs=1, train_size=train_size, preset=None)


def _timed(job) -> float:
    t0 = time.perf_counter()
    job.start()
    if not job.join(900):
        job.stop()
        raise TimeoutError(f"{job.run_id} did not finish within 15 minutes")
    state = job.snapshot().state
    if state != "finished":
        raise RuntimeError(f"{job.run_id} ended {state}: {job.snapshot().error}")
    return time.perf_counter() - t0


def overhead(config) -> tuple[float, float]:
    """(in-process seconds, remote seconds) for the same config; the in-process job after a warm-up run."""
    from playground.cluster import RemoteTrainingJob
    from playground.lab.job import TrainingJob

    _timed(TrainingJob(replace(config, train_size=max(200, config.train_size // 10)), run_id="warm-up"))
    local = _timed(TrainingJob(config, run_id="local"))
    remote = _timed(RemoteTrainingJob(config, run_id="remote", cpus=2))
    return local, remote


def throughput(config, cpus: int, n: int = 4) -> float:
    """Trainings per minute: `n` remote trainings submitted at once, each reserving `cpus` CPUs."""
    from playground.cluster import RemoteTrainingJob

    jobs = [RemoteTrainingJob(config, run_id=f"tp{cpus}-{i}", cpus=cpus) for i in range(n)]
    t0 = time.perf_counter()
    for job in jobs:
        job.start()
        time.sleep(0.2)  # a clear arrival order
    for job in jobs:
        if not job.join(1800):
            raise TimeoutError(f"{job.run_id} did not finish")
    bad = [j.run_id for j in jobs if j.snapshot().state != "finished"]
    if bad:
        raise RuntimeError(f"not finished: {bad}")
    return n / ((time.perf_counter() - t0) / 60)


def _rss_mb(pid: int) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


def session_memory(address: str | None, train_size: int) -> tuple[float, float]:
    """(idle MB, peak MB during training) of a real Streamlit server with one browser session on the lab that trains
    the Quick preset for one epoch on `train_size` images: on the cluster at `address`, or in-process (None)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import Server, launch_chromium, wait_for_app
    from ui.texts import TEXTS

    env = {"PLAYGROUND_MIN_TRAIN_SIZE": "200", "PLAYGROUND_TRAIN_CPUS": "2"}
    if address:
        env["PLAYGROUND_RAY_ADDRESS"] = address
    finished = TEXTS["train.badge_done"]["en"].split("{")[0].strip()
    with Server(extra_env=env, base_env=ENV_AT_START) as server, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            pg = browser.new_page(viewport={"width": 1280, "height": 1200})
            pg.goto(server.url(f"train?train_preset=quick&train_epochs=1&train_size={train_size}"))
            wait_for_app(pg, timeout=120_000)
            time.sleep(2)
            idle = _rss_mb(server.proc.pid)
            peak, done = idle, threading.Event()

            def sample() -> None:
                nonlocal peak
                while not done.is_set():
                    peak = max(peak, _rss_mb(server.proc.pid))
                    time.sleep(0.2)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            pg.get_by_role("button", name=TEXTS["train.start"]["en"], exact=True).click()
            pg.get_by_text(finished).first.wait_for(timeout=900_000)
            done.set()
            sampler.join()
            return idle, peak
        finally:
            browser.close()


def run(*, quick: bool = False) -> str:
    from tests.ray_cluster import LocalRayCluster

    started = time.time()
    size = 2000 if quick else 6000
    config = _config(size)
    cpus = os.cpu_count() or 2
    head = LocalRayCluster(num_cpus=2)
    old = os.environ.get("PLAYGROUND_RAY_ADDRESS")
    os.environ["PLAYGROUND_RAY_ADDRESS"] = head.address
    try:
        local, remote = overhead(config)
        one_slot = throughput(config, cpus=2)
        two_slots = throughput(config, cpus=1)
        import ray

        ray.shutdown()  # the browser part's server connects on its own
        idle_remote, peak_remote = session_memory(head.address, size)
        idle_local, peak_local = session_memory(None, size)
    finally:
        if old is None:
            os.environ.pop("PLAYGROUND_RAY_ADDRESS", None)
        else:
            os.environ["PLAYGROUND_RAY_ADDRESS"] = old
        try:
            import ray

            ray.shutdown()
        finally:
            head.stop()
    RESULTS.update(
        local_s=local,
        remote_s=remote,
        ratio=remote / local,
        per_min_1=one_slot,
        per_min_2=two_slots,
        idle_remote_mb=idle_remote,
        peak_remote_mb=peak_remote,
        idle_local_mb=idle_local,
        peak_local_mb=peak_local,
    )
    rows = [
        ["in-process training (TrainingJob, TensorFlow loaded)", f"{local:.1f} s", ""],
        ["Ray actor, one slot of 2 CPUs (RemoteTrainingJob)", f"{remote:.1f} s", f"**{remote / local:.2f}×**"],
        ["throughput, 1 slot (2 CPUs a training), 4 submitted at once", f"{one_slot:.2f} trainings / min", ""],
        ["throughput, 2 slots (1 CPU a training), 4 submitted at once", f"{two_slots:.2f} trainings / min", ""],
        ["Streamlit process, one idle lab session (cluster configured)", f"{idle_remote:.0f} MB", ""],
        [
            "… peak while its training runs on the cluster",
            f"{peak_remote:.0f} MB",
            f"+{peak_remote - idle_remote:.0f} MB",
        ],
        [
            "… peak while the same training runs in-process",
            f"{peak_local:.0f} MB",
            f"+{peak_local - idle_local:.0f} MB",
        ],
    ]
    return "\n\n".join(
        [
            "## Ray backend (local Ray head on this machine)",
            f"Quick preset, 1 epoch on {size:,} images; a local Ray head with 2 CPUs on this {cpus}-core machine "
            "(the Streamlit server, the browser and the workers share it). Ratio = remote ÷ in-process wall time; "
            "the difference is a fresh worker process importing TensorFlow and loading the data, and the model "
            "coming back. Memory: RSS of the Streamlit process (psutil), sampled every 0.2 s.",
            markdown_table(["measure", "value", "ratio / delta"], rows),
            f"Cluster part: {time.time() - started:.0f} s.",
        ]
    )


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(run(quick="--quick" in sys.argv))
