"""Trainings on a Ray cluster: the same job interface as the in-process `TrainingJob`, run as a Ray actor.

Without `PLAYGROUND_RAY_ADDRESS` nothing here is used and Ray is never imported (the embedded default). With it
(e.g. `auto`, `127.0.0.1:6379`, `ray://head:10001`), each training is one actor on the cluster that reserves
`PLAYGROUND_TRAIN_CPUS` CPUs (default 2) and runs an ordinary `TrainingJob` inside it. The session side,
`RemoteTrainingJob`, has the same public surface as `TrainingJob` — `start()`, `snapshot()`, `stop()`, `join()`,
`state`, `run` — so the page polls it exactly as before and cannot tell which backend ran the job.

How it works:

* **Queue**: a detached, named actor (`playground-queue`, 0 CPUs) holds the tickets of waiting trainings, first come
  first served across every session and every Streamlit replica. The first ticket starts its actor once the
  cluster has `train_cpus` free; the others see their position and an estimated start (the running trainings'
  expected ends, as they report them).
* **Polling**: a session-side thread asks the actor for a snapshot every `POLL_S` with a timeout; `snapshot()`
  returns the latest copy at once, so the page never waits on the network.
* **Watching**: each poll brings only the watch frames (`playground.lab.watch`) the session does not have yet; the
  snapshot carries all of them, as the local job's does.
* **Result**: when the actor's job ends, the trained model comes back as `.keras` bytes and is loaded in the
  session (the run store then keeps it like any other run).
* **Faults**: every remote call has a timeout. The cluster unreachable when a training starts → `ClusterUnavailable`
  (the caller trains locally under the local cap). The actor's process dies → the job ends "failed" with
  `error = "worker_lost"` and the history received so far. The cluster stops answering for `LOST_AFTER_S` → the
  job ends "failed" with `error = "cluster_lost"`. Stop ends the remote job within a batch; a session that is gone
  (`is_alive()` False) kills its actor, freeing the slot.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from playground._checks import check_int, check_number
from playground.messages import described

POLL_S = 0.5
CALL_TIMEOUT_S = 10.0
LOST_AFTER_S = 30.0
CONNECT_TIMEOUT_S = 20.0
QUEUE_NAME = "playground-queue"
NAMESPACE = "cnn-playground"


class ClusterUnavailable(RuntimeError):
    """The Ray cluster could not be reached (or Ray is not installed): train locally instead."""


def ray_address() -> str | None:
    """`$PLAYGROUND_RAY_ADDRESS`, or None (the embedded default: train in-process)."""
    return os.environ.get("PLAYGROUND_RAY_ADDRESS") or None


def train_cpus() -> int:
    """CPUs each training reserves on the cluster: `$PLAYGROUND_TRAIN_CPUS`, default 2."""
    raw = os.environ.get("PLAYGROUND_TRAIN_CPUS", "2")
    return check_int("PLAYGROUND_TRAIN_CPUS", int(raw) if raw.strip().isdigit() else raw, low=1, high=256)


_connect_lock = threading.Lock()


def connect(address: str | None = None, *, timeout_s: float = CONNECT_TIMEOUT_S):
    """Connect this process to the cluster once (later calls reuse the connection); returns the `ray` module.

    Raises:
        ClusterUnavailable: Ray is not installed, or the cluster did not answer within `timeout_s`.
    """
    address = address or ray_address()
    try:
        import ray
    except ImportError as err:
        raise ClusterUnavailable("ray_not_installed") from err
    with _connect_lock:
        if ray.is_initialized():
            return ray
        result: list[BaseException | None] = []

        def attempt() -> None:
            try:
                kwargs: dict[str, Any] = {"address": address, "namespace": NAMESPACE, "logging_level": "ERROR"}
                if address and not address.startswith("ray://"):
                    kwargs["_node_ip_address"] = os.environ.get("PLAYGROUND_RAY_NODE_IP", "127.0.0.1")
                ray.init(**kwargs, log_to_driver=False)
                result.append(None)
            except BaseException as err:  # noqa: BLE001 (any failure to connect means: not available)
                result.append(err)

        thread = threading.Thread(target=attempt, daemon=True, name="ray-connect")
        thread.start()
        thread.join(check_number("timeout_s", timeout_s, low=0, low_open=True))
        if not result:
            raise ClusterUnavailable(f"no answer from {address} within {timeout_s:g} s")
        if result[0] is not None:
            raise ClusterUnavailable(f"{address}: {result[0]}") from result[0]
        return ray


# ---------------------------------------------------------------------------------------------------- actors


_ACTOR_CLASSES: tuple[Any, Any] | None = None


def _actors(ray):
    """The two actor classes, defined once per process (Ray is imported lazily, so they cannot be module-level)."""
    global _ACTOR_CLASSES
    if _ACTOR_CLASSES is not None:
        return _ACTOR_CLASSES

    @ray.remote(num_cpus=0, max_concurrency=16)
    class TrainingQueue:
        """First come, first served tickets; running trainings report when they expect to end."""

        def __init__(self) -> None:
            self.waiting: list[str] = []
            self.running: dict[str, float] = {}  # ticket → expected end (unix time)

        def join(self, ticket: str) -> int:
            if ticket not in self.waiting:
                self.waiting.append(ticket)
            return self.waiting.index(ticket)

        def position(self, ticket: str) -> int:
            return self.waiting.index(ticket) if ticket in self.waiting else -1

        def started(self, ticket: str, expected_end: float) -> None:
            if ticket in self.waiting:
                self.waiting.remove(ticket)
            self.running[ticket] = expected_end

        def leave(self, ticket: str) -> None:
            if ticket in self.waiting:
                self.waiting.remove(ticket)
            self.running.pop(ticket, None)

        def estimated_start(self, ticket: str, slots: int) -> float | None:
            """Unix time this ticket may start: the (position+1)-th earliest end among running trainings."""
            if ticket not in self.waiting:
                return None
            ends = sorted(self.running.values())
            free = max(0, slots - len(ends))
            k = self.waiting.index(ticket) - free
            if k < 0:
                return time.time()
            return ends[k] if k < len(ends) else None

        def state(self) -> dict[str, Any]:
            return {"waiting": list(self.waiting), "running": dict(self.running)}

    @ray.remote(max_concurrency=4, max_restarts=0)
    class TrainingActor:
        """An ordinary in-process TrainingJob, inside a Ray worker."""

        def __init__(
            self, config: Any, run_id: str, data: tuple[np.ndarray, np.ndarray] | None, watch_image: Any = 0
        ) -> None:
            from playground.lab.job import TrainingJob

            self.job = TrainingJob(config, run_id=run_id, data=data, watch_image=watch_image)

        def pid(self) -> int:
            return os.getpid()

        def start(self) -> None:
            self.job.start()

        def stop(self) -> None:
            self.job.stop()

        def snapshot(self, have: int = 0) -> Any:
            """The job's snapshot without the model (it travels once, in result()) and with only the watch frames
            after the first `have` (the session keeps those it already has)."""
            snap = self.job.snapshot()
            return dataclasses.replace(snap, run=None, watch=snap.watch[have:])

        def result(self) -> tuple[Any, bytes | None]:
            """(the Run without its model, the model as `.keras` bytes) once the job has ended."""
            self.job.join()
            run = self.job.run
            if run is None:
                return None, None
            model_bytes = None
            if run.model is not None:
                from playground.persistence import keras_bytes

                model_bytes = keras_bytes(run.model)
            return dataclasses.replace(run, model=None), model_bytes

    _ACTOR_CLASSES = (TrainingQueue, TrainingActor)
    return _ACTOR_CLASSES


def _queue(ray):
    queue_cls, _ = _actors(ray)
    return queue_cls.options(name=QUEUE_NAME, lifetime="detached", get_if_exists=True).remote()


def _free_cpus(ray) -> float:
    return float(ray.available_resources().get("CPU", 0.0))


def _total_cpus(ray) -> float:
    return float(ray.cluster_resources().get("CPU", 0.0))


# -------------------------------------------------------------------------------------------- session side


class RemoteTrainingJob:
    """A training on the cluster, polled like an in-process `TrainingJob` (same public methods and snapshot).

    Args:
        config: the run's settings (validated here, as the local job does).
        is_alive: "is the browser session still there?"; when it turns False the actor is killed.
        data: a training set to send instead of Fashion-MNIST (tests); None = the worker loads Fashion-MNIST.
        run_id: the run's id.
        watch_image: the image whose feature maps are watched (as `TrainingJob`'s).
        cpus: CPUs the actor reserves (default `train_cpus()`).
    Raises:
        ClusterUnavailable: from `start()`, when the cluster cannot be reached.
    """

    backend = "ray"

    def __init__(
        self,
        config: Any,
        *,
        is_alive: Callable[[], bool] | None = None,
        data: tuple[np.ndarray, np.ndarray] | None = None,
        run_id: str | None = None,
        watch_image: np.ndarray | int = 0,
        cpus: int | None = None,
    ) -> None:
        from playground.lab.validate import validate_config

        validate_config(config)
        self.config = config
        self.run_id = run_id or f"run-{os.urandom(3).hex()}"
        self.ticket = f"{self.run_id}-{os.urandom(8).hex()}"
        self.cpus = cpus or train_cpus()
        self._is_alive = is_alive
        self._data = data
        self._watch_image = watch_image
        self._frames: list[Any] = []  # every watch frame received so far
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._snapshot: Any = None
        self._state = "waiting"
        self._error = ""
        self._run: Any = None
        self._position = 0
        self._estimated_start: float | None = None
        self._actor: Any = None
        self._ray: Any = None

    # -- public API (as TrainingJob) ---------------------------------------------------------------------------

    def start(self) -> RemoteTrainingJob:
        if self._thread is not None:
            raise RuntimeError("This job was already started; make a new job for another run.")
        self._ray = connect()
        self._queue = _queue(self._ray)
        self._position = self._call(self._queue.join.remote(self.ticket))
        self._thread = threading.Thread(target=self._main, name=f"remote-{self.run_id}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is not None and not self._thread.is_alive()

    @property
    def state(self) -> str:
        with self._lock:
            return self._state

    @property
    def run(self) -> Any:
        with self._lock:
            return self._run

    @property
    def position(self) -> int:
        """Trainings ahead of this one in the cluster's queue (0 when first or running)."""
        with self._lock:
            return self._position

    @property
    def estimated_start_s(self) -> float | None:
        """Seconds until this training should start (None: unknown), while it waits."""
        with self._lock:
            return None if self._estimated_start is None else max(0.0, self._estimated_start - time.time())

    def actor_pid(self) -> int | None:
        """The process id of the worker that trains (tests kill it to simulate a lost worker)."""
        return None if self._actor is None else self._call(self._actor.pid.remote())

    def snapshot(self) -> Any:
        """The latest snapshot received from the cluster (a local one while waiting or after a failure)."""
        from playground.lab.progress import JobSnapshot

        with self._lock:
            snap = self._snapshot
            if snap is None:
                snap = JobSnapshot(
                    state="waiting",
                    epoch=0,
                    epochs=self.config.epochs,
                    batch=0,
                    batches=0,
                    history={},
                    batch_loss=[],
                    events=[],
                    elapsed_s=0.0,
                    eta_s=None,
                    queue_position=self._position,
                    stop_requested=self._stop.is_set(),
                    error="",
                    run=None,
                )
            changes: dict[str, Any] = {"run": self._run, "stop_requested": self._stop.is_set()}
            if self._state in ("waiting", "failed", "stopped") or snap.state != self._state:
                changes.update(state=self._state, error=self._error or snap.error)
            if self._state == "waiting":
                changes["queue_position"] = self._position
            return dataclasses.replace(snap, **changes)

    # -- the session-side thread ---------------------------------------------------------------------------------

    def _call(self, ref: Any, timeout: float = CALL_TIMEOUT_S) -> Any:
        return self._ray.get(ref, timeout=timeout)

    def _set(self, **values: Any) -> None:
        with self._lock:
            for key, value in values.items():
                setattr(self, f"_{key}", value)

    def _alive(self) -> bool:
        return self._is_alive is None or self._is_alive()

    def _main(self) -> None:
        try:
            if self._wait_for_turn():
                self._train()
        except Exception as err:  # noqa: BLE001 (the page shows it; the thread must not die silently)
            self._fail(_error_code(err, self._ray))
        finally:
            self._cleanup()

    def _wait_for_turn(self) -> bool:
        """Wait until this ticket is first and the cluster has the CPUs free; False if stopped meanwhile."""
        slots = max(1, int(_total_cpus(self._ray) // self.cpus))
        while True:
            if self._stop.is_set() or not self._alive():
                self._set(state="stopped")
                return False
            position = self._call(self._queue.position.remote(self.ticket))
            start = self._call(self._queue.estimated_start.remote(self.ticket, slots))
            self._set(position=max(position, 0), estimated_start=start)
            if position == 0 and _free_cpus(self._ray) >= self.cpus:
                return True
            time.sleep(POLL_S)

    def _train(self) -> None:
        _, actor_cls = _actors(self._ray)
        self._actor = actor_cls.options(num_cpus=self.cpus).remote(
            self.config, self.run_id, self._data, self._watch_image
        )
        self._call(self._actor.start.remote(), timeout=LOST_AFTER_S * 4)  # worker start-up imports TensorFlow
        expected = time.time() + 60.0 * max(1, self.config.epochs)
        self._call(self._queue.started.remote(self.ticket, expected))
        self._set(state="running", position=0, estimated_start=None)
        last_answer = time.monotonic()
        stop_sent = False
        while True:
            if (self._stop.is_set() or not self._alive()) and not stop_sent:
                self._call(self._actor.stop.remote())
                stop_sent = True
            try:
                snap = self._call(self._actor.snapshot.remote(len(self._frames)), timeout=POLL_S * 4)
            except self._ray.exceptions.GetTimeoutError:
                if time.monotonic() - last_answer > LOST_AFTER_S:
                    raise
                continue
            last_answer = time.monotonic()
            with self._lock:
                self._frames.extend(snap.watch)
                snap = dataclasses.replace(snap, watch=tuple(self._frames))
                self._snapshot = snap
            if snap.eta_s is not None:
                self._queue.started.remote(self.ticket, time.time() + snap.eta_s)
            if snap.state not in ("waiting", "running"):
                break
            time.sleep(POLL_S)
        run, model_bytes = self._call(self._actor.result.remote(), timeout=LOST_AFTER_S * 4)
        if run is not None and model_bytes is not None:
            run = dataclasses.replace(run, model=_load_model(model_bytes))
        self._set(run=run, state=snap.state, error=snap.error)

    def _fail(self, code: str) -> None:
        self._set(state="failed", error=code)

    def _cleanup(self) -> None:
        try:
            if self._actor is not None:
                self._ray.kill(self._actor)
            self._queue.leave.remote(self.ticket)
        except Exception:  # noqa: BLE001 (the cluster may be gone; nothing is left to free then)
            pass


def _error_code(err: BaseException, ray: Any) -> str:
    """ "worker_lost" when the actor's process died, "cluster_lost" when the cluster stopped answering."""
    exceptions = getattr(ray, "exceptions", None)
    if exceptions is not None and isinstance(err, exceptions.RayActorError | exceptions.ActorDiedError):
        return "worker_lost"
    if exceptions is not None and isinstance(err, exceptions.GetTimeoutError | exceptions.RaySystemError):
        return "cluster_lost"
    if isinstance(err, ConnectionError):
        return "cluster_lost"
    return described(err)


def _load_model(data: bytes) -> Any:
    """A remote worker's model, with the checks of an upload (allow-list, model budgets, weights check)."""
    from playground.persistence import load_checked_keras

    return load_checked_keras(data)
