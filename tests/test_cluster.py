"""The Ray backend (playground.cluster) against a real local Ray cluster started in a temp folder.

One job interface, two backends: a remote training gives the same history as in-process for the same config and
seed; Stop ends it; a killed worker is reported as "worker_lost" with its history kept and Retry works; six
trainings on two slots run first come, first served and all finish; a session that goes away frees its slot.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import replace

import numpy as np
import pytest

pytest.importorskip("ray", reason="the cluster extra is not installed (pip install -e '.[cluster]')")

from playground.cluster import RemoteTrainingJob  # noqa: E402
from playground.lab.job import TrainingJob  # noqa: E402
from playground.lab.options import PRESETS  # noqa: E402
from tests.ray_cluster import LocalRayCluster  # noqa: E402

pytestmark = pytest.mark.cluster

TINY = replace(PRESETS["mlp"], epochs=2, train_size=240, validation_split=0.25, batch_size=32, preset=None)


def tiny_data(n: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """A small, reproducible, learnable set: each class a bright square at its own place, plus noise."""
    rng = np.random.default_rng(0)
    y = np.arange(n) % 10
    x = rng.integers(0, 60, size=(n, 28, 28), dtype=np.uint8)
    for i, label in enumerate(y):
        r, c = divmod(int(label), 4)
        x[i, 4 + 6 * r : 10 + 6 * r, 2 + 6 * c : 8 + 6 * c] = 250
    return x, y


@pytest.fixture(scope="module")
def cluster():
    import ray

    head = LocalRayCluster(num_cpus=2)
    old = {k: os.environ.get(k) for k in ("PLAYGROUND_RAY_ADDRESS", "PLAYGROUND_TRAIN_CPUS")}
    os.environ["PLAYGROUND_RAY_ADDRESS"] = head.address
    os.environ["PLAYGROUND_TRAIN_CPUS"] = "1"
    try:
        yield head
    finally:
        ray.shutdown()
        head.stop()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        assert not head.group_alive(), "a process of the test's Ray cluster is still running"


def wait_for(predicate, timeout: float = 120, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise TimeoutError(f"timed out waiting for {what}")


def test_remote_training_gives_the_in_process_history(cluster):
    """Same config, seed and data: the actor's history equals the in-process one (float tolerance) and the model
    comes back to the session."""
    data = tiny_data()
    local = TrainingJob(TINY, data=data, run_id="local").start()
    assert local.join(300)
    remote = RemoteTrainingJob(TINY, data=data, run_id="remote").start()
    assert remote.join(300), "the remote training did not end"
    snap = remote.snapshot()
    assert snap.state == "finished", snap.error
    want, got = local.run.history, remote.run.history
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        np.testing.assert_allclose(got[key], want[key], rtol=2e-3, atol=2e-3, err_msg=key)
    assert remote.run.model is not None and remote.run.model.count_params() == local.run.model.count_params()
    # the watched feature maps come along: every frame once, in order, the last one the returned model's
    assert [f.position for f in snap.watch] == [f.position for f in local.run.watch]
    assert [f.position for f in remote.run.watch] == [f.position for f in snap.watch]
    from playground.lab.watch import Probe

    final = Probe(remote.run.model, data[0][0]).frame(0).maps
    assert len(final) == len(snap.watch[-1].maps)
    for (_, _, got), (_, _, want) in zip(snap.watch[-1].maps, final, strict=True):
        np.testing.assert_allclose(got.astype(np.float32), want.astype(np.float32), rtol=1e-2, atol=1e-2)


def test_stop_ends_the_remote_training_within_a_batch(cluster):
    job = RemoteTrainingJob(replace(TINY, epochs=50), data=tiny_data(), run_id="stop-me").start()
    wait_for(lambda: job.snapshot().batch_loss, what="the first batch")
    job.stop()
    assert job.join(120)
    snap = job.snapshot()
    assert snap.state == "stopped" and snap.epoch < 50
    assert job.run is not None and job.run.status == "stopped"


def test_a_killed_worker_is_reported_and_retry_works(cluster):
    """SIGKILL the actor's process mid-training: "failed: worker_lost" with the history so far; Retry finishes."""
    job = RemoteTrainingJob(replace(TINY, epochs=50), data=tiny_data(), run_id="doomed").start()
    wait_for(lambda: len(job.snapshot().batch_loss) >= 3, what="three batches")
    os.kill(job.actor_pid(), signal.SIGKILL)
    assert job.join(120)
    snap = job.snapshot()
    assert (snap.state, snap.error) == ("failed", "worker_lost")
    assert len(snap.batch_loss) >= 3, "the history received before the loss must be kept"
    retry = RemoteTrainingJob(TINY, data=tiny_data(), run_id="retry").start()
    assert retry.join(300) and retry.snapshot().state == "finished"


def test_six_trainings_on_two_slots_first_come_first_served(cluster):
    """Six jobs on 2 CPUs × 1 CPU each: at most two run at once, they start in the order they came, all finish,
    and every slot is free afterwards."""
    import ray

    jobs = []
    for i in range(6):
        jobs.append(RemoteTrainingJob(replace(TINY, epochs=1), data=tiny_data(), run_id=f"fifo-{i}").start())
        time.sleep(0.3)  # a clear arrival order
    started: dict[str, float] = {}
    most_at_once = 0
    stop = threading.Event()

    def watch():
        nonlocal most_at_once
        while not stop.is_set():
            running = [j for j in jobs if j.state == "running"]
            most_at_once = max(most_at_once, len(running))
            for j in running:
                started.setdefault(j.run_id, time.monotonic())
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        for j in jobs:
            assert j.join(600), f"{j.run_id} did not end"
    finally:
        stop.set()
        watcher.join()
    assert [j.snapshot().state for j in jobs] == ["finished"] * 6
    assert most_at_once <= 2
    order = sorted(started, key=started.get)
    assert order == [f"fifo-{i}" for i in range(6)], order
    wait_for(lambda: ray.available_resources().get("CPU", 0) == 2, 60, "the slots to be free")


def test_a_session_that_goes_away_frees_its_slot(cluster):
    """is_alive() turning False (the tab was closed) stops the remote job and kills its actor."""
    import ray

    alive = threading.Event()
    alive.set()
    job = RemoteTrainingJob(replace(TINY, epochs=50), data=tiny_data(), run_id="tab", is_alive=alive.is_set).start()
    wait_for(lambda: job.state == "running", what="the job to run")
    alive.clear()
    assert job.join(120)
    assert job.snapshot().state == "stopped"
    wait_for(lambda: ray.available_resources().get("CPU", 0) == 2, 60, "the slot to be free")
