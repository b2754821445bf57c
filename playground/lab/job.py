"""The training job: `model.fit` in a background thread, its progress as snapshots, a server-wide queue.

A job runs `model.fit` in a thread that never touches Streamlit. A small Keras callback (`progress.make_recorder`)
writes every batch's loss and every epoch's metrics into the job under a lock, and asks the job after each batch
whether to stop: setting `model.stop_training = True` from `on_train_batch_end` ends the epoch loop right after that
batch (keras/src/backend/tensorflow/trainer.py checks the flag after every `on_train_batch_end`; our callback
overrides that method, so Keras dispatches it synchronously, not on its async thread pool). The page polls
`job.snapshot()` (a copy made under the lock) from an `st.fragment(run_every=...)`.

A server-wide semaphore caps the number of trainings running at once (`PLAYGROUND_MAX_TRAININGS`, default 1 for a
2-core machine); other jobs wait in line and say how many are ahead. A job also stops when `is_alive()` (passed in
by the page: "is the browser session still connected?") turns False.

What happens is recorded as `playground.run.Event` codes with values (`playground.lab.events`); the UI words them.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from playground import data as fmnist
from playground.lab import events
from playground.lab.model import build_model, configure_tensorflow, keras_callbacks
from playground.lab.progress import HISTORY_KEYS, EpochClock, JobSnapshot, make_recorder
from playground.lab.validate import validate_config
from playground.lab.watch import WatchFrame, make_watcher
from playground.messages import described
from playground.run import Event, Run, TrainConfig

MAX_TRAININGS = max(1, int(os.environ.get("PLAYGROUND_MAX_TRAININGS", "1") or 1))
_SLOTS = threading.BoundedSemaphore(MAX_TRAININGS)  # server-wide: one process serves every session
_QUEUE: list[object] = []  # jobs (and other trainings' tickets) waiting for a slot, first come first served
_QUEUE_CHANGED = threading.Condition()
_ALIVE_CHECK_S = 1.0  # how often the session check runs during training (it is cheap, but not free)


class _Ticket:
    """A place in the training line for work that is not a TrainingJob (the transfer page's trainings)."""


@contextlib.contextmanager
def training_slot(
    *, on_wait: Callable[[int], None] | None = None, is_alive: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Hold one of the server's training slots (the same cap and first-come-first-served line as the lab's jobs)
    for the duration of a `with` block; while waiting, `on_wait(jobs_ahead)` is called about 4 times a second.

    Raises:
        TimeoutError: `is_alive()` turned False while waiting (the session is gone); nothing ran.
    """
    ticket = _Ticket()
    with _QUEUE_CHANGED:
        _QUEUE.append(ticket)
    try:
        while True:
            with _QUEUE_CHANGED:
                if _QUEUE[0] is ticket and _SLOTS.acquire(blocking=False):
                    _QUEUE.remove(ticket)
                    _QUEUE_CHANGED.notify_all()
                    break
                ahead = _QUEUE.index(ticket)
                _QUEUE_CHANGED.wait(0.25)
            if is_alive is not None and not is_alive():
                raise TimeoutError("the session ended while waiting for a training slot")
            if on_wait is not None:
                on_wait(ahead)
    except BaseException:
        with _QUEUE_CHANGED:
            if ticket in _QUEUE:
                _QUEUE.remove(ticket)
            _QUEUE_CHANGED.notify_all()
        raise
    try:
        yield
    finally:
        _SLOTS.release()
        with _QUEUE_CHANGED:
            _QUEUE_CHANGED.notify_all()


def queue_length() -> int:
    """Jobs waiting for a training slot on this server right now."""
    with _QUEUE_CHANGED:
        return len(_QUEUE)


def _restored_epoch(early: Any) -> int | None:
    """The 1-based epoch whose weights EarlyStopping restored when training ended (Keras 3 restores whenever
    restore_best_weights is on and a best epoch was recorded), else None."""
    if early is None or not early.restore_best_weights or early.best_weights is None:
        return None
    return int(early.best_epoch) + 1


class TrainingJob:
    """One training run in a background thread: `start()`, poll `snapshot()`, `stop()`.

    Args:
        config: the run's settings (checked with `validate_config` here, so bad settings fail on the page).
        is_alive: called about once a second during training and while waiting for a slot; when it returns
            False (the browser session is gone) the job stops.
        data: (x_train, y_train) to train on instead of Fashion-MNIST's training set (tests use small
            crafted sets); uint8 images (n, 28, 28) and labels 0…9.
        run_id: the id of the resulting `Run` (default: "run-<n>").
        watch_image: the image whose feature maps are watched during training (`playground.lab.watch`): a
            (28, 28) uint8 array, or a class label 0…9 for the first test image of that class (with `data`: the
            first image of that class in `data`). Default: class 0.
    Raises:
        ValueError: the configuration is invalid.
    """

    _ids = itertools.count(1)

    def __init__(
        self,
        config: TrainConfig,
        *,
        is_alive: Callable[[], bool] | None = None,
        data: tuple[np.ndarray, np.ndarray] | None = None,
        run_id: str | None = None,
        watch_image: np.ndarray | int = 0,
    ) -> None:
        validate_config(config)
        self.config = config
        self.run_id = run_id or f"run-{next(self._ids)}"
        self._is_alive = is_alive
        self._data = data
        self._watch_image = watch_image
        self._watch: list[WatchFrame] = []
        self._phase = ""
        self._t_phase = 0.0
        self._val_batch = self._val_batches = 0
        self._clock = EpochClock(config.epochs, 1, 0)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._stop_code = ""  # "user_stop" or "session_end" once a stop is asked for
        self._next_alive_check = 0.0
        self._thread: threading.Thread | None = None
        self._state = "waiting"
        self._epoch = self._batch = self._batches = self._n_train = 0
        self._history: dict[str, list[float]] = {key: [] for key in HISTORY_KEYS}
        self._batch_loss: list[float] = []
        self._events: list[Event] = []
        self._t_start: float | None = None  # got a slot (then: load data, build the model, fit)
        self._t_end: float | None = None
        self._error = ""
        self._run: Run | None = None
        self._checkpoint = events.CheckpointWatch(None)
        self._dir = ""  # the checkpoint folder, made when training starts (none for a job stopped while waiting)

    # -- public API -------------------------------------------------------------------------------------------

    def start(self) -> TrainingJob:
        """Queue for a training slot and train in a daemon thread; returns self."""
        if self._thread is not None:
            raise RuntimeError("This job was already started; make a new TrainingJob for another run.")
        with _QUEUE_CHANGED:
            _QUEUE.append(self)
        self._thread = threading.Thread(target=self._main, name=f"training-{self.run_id}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the job to stop after the current batch (the partial model and history are kept)."""
        self._request_stop("user_stop")
        with _QUEUE_CHANGED:
            _QUEUE_CHANGED.notify_all()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is not None and not self._thread.is_alive()

    def snapshot(self) -> JobSnapshot:
        """A consistent copy of the progress, for drawing (cheap: a few list copies under the lock)."""
        with _QUEUE_CHANGED:
            position = _QUEUE.index(self) if self in _QUEUE else 0
        with self._lock:
            now = self._t_end or time.monotonic()
            elapsed = now - self._t_start if self._t_start else 0.0
            eta = self._clock.time_left(now) if self._state == "running" else None
            running = self._state == "running"
            return JobSnapshot(
                state=self._state,
                epoch=self._epoch,
                epochs=self.config.epochs,
                batch=self._batch,
                batches=self._batches,
                history={k: list(v) for k, v in self._history.items()},
                batch_loss=list(self._batch_loss),
                events=list(self._events),
                elapsed_s=elapsed,
                eta_s=eta,
                queue_position=position,
                stop_requested=self._stop.is_set(),
                error=self._error,
                run=self._run,
                phase=self._phase if running else "",
                phase_s=now - self._t_phase if running and self._t_phase else 0.0,
                val_batch=self._val_batch,
                val_batches=self._val_batches,
                watch=tuple(self._watch),
            )

    @property
    def state(self) -> str:
        with self._lock:
            return self._state

    @property
    def run(self) -> Run | None:
        """The `Run` once the job has finished or stopped, else None."""
        with self._lock:
            return self._run

    # -- inside the thread ------------------------------------------------------------------------------------

    def _request_stop(self, code: str) -> None:
        if not self._stop_code:
            self._stop_code = code
        self._stop.set()

    def _wait_for_slot(self) -> bool:
        """Wait until this job is first in line and a slot is free; False if stopped meanwhile."""
        next_check = time.monotonic() + _ALIVE_CHECK_S
        with _QUEUE_CHANGED:
            while True:
                if self._stop.is_set():
                    _QUEUE.remove(self)
                    _QUEUE_CHANGED.notify_all()
                    return False
                if _QUEUE[0] is self and _SLOTS.acquire(blocking=False):
                    _QUEUE.remove(self)
                    _QUEUE_CHANGED.notify_all()
                    return True
                _QUEUE_CHANGED.wait(0.25)
                if self._is_alive is not None and time.monotonic() >= next_check:
                    next_check = time.monotonic() + _ALIVE_CHECK_S
                    if not self._is_alive():
                        self._request_stop("session_end")

    def _main(self) -> None:
        if not self._wait_for_slot():
            with self._lock:
                self._state = "stopped"
                self._t_end = time.monotonic()
            return
        try:
            with self._lock:
                self._state = "running"
                self._t_start = self._t_phase = time.monotonic()
                self._phase = "loading_data"
            self._train()
        except Exception as err:  # the page shows the message; the thread must never die silently
            with self._lock:
                self._state = "failed"
                self._error = described(err)
                self._t_end = time.monotonic()
        finally:
            _SLOTS.release()
            with _QUEUE_CHANGED:
                _QUEUE_CHANGED.notify_all()
            if self._dir and self.run is None:  # failed before a Run owned the folder: remove it now
                shutil.rmtree(self._dir, ignore_errors=True)

    def _train(self) -> None:
        config = self.config
        configure_tensorflow()
        import keras

        if self._data is None:
            (x_all, y_all), (x_test, y_test) = fmnist.load_fashion_mnist()
        else:
            x_all, y_all = x_test, y_test = self._data
        watched = self._watch_image
        if not isinstance(watched, np.ndarray):
            matches = np.flatnonzero(np.asarray(y_test) == int(watched))
            watched = x_test[matches[0] if matches.size else 0]
        train_idx, val_idx = fmnist.train_validation_split(
            y_all,
            train_size=min(config.train_size, len(y_all)),
            validation_split=config.validation_split,
            seed=config.seed,
        )
        x_train, y_train = x_all[train_idx][..., None], y_all[train_idx]  # uint8 copies of the subset: no floats
        validation = (x_all[val_idx][..., None], y_all[val_idx]) if len(val_idx) else None
        with self._lock:
            self._n_train = len(train_idx)
            self._batches = math.ceil(len(train_idx) / config.batch_size)
            self._val_batches = math.ceil(len(val_idx) / config.batch_size) if len(val_idx) else 0
            self._clock = EpochClock(config.epochs, self._batches, self._val_batches)
        self._set_phase("building_model")

        keras.utils.set_random_seed(config.seed)  # initial weights and shuffling, reproducible per seed
        model = build_model(config)
        self._dir = tempfile.mkdtemp(prefix=f"playground-{self.run_id}-")
        callbacks, checkpoint_path = keras_callbacks(config, self._dir)
        self._checkpoint = events.CheckpointWatch(checkpoint_path)
        early = next((c for c in callbacks if isinstance(c, keras.callbacks.EarlyStopping)), None)
        t0 = time.monotonic()
        model.fit(
            x_train,
            y_train,
            validation_data=validation,
            batch_size=config.batch_size,
            epochs=config.epochs,
            callbacks=[
                *callbacks,
                make_recorder(self),
                make_watcher(watched, lambda: self._batches, self._watched, restored=lambda: _restored_epoch(early)),
            ],
            verbose=0,
        )
        self._finish(model, bool(early is not None and early.stopped_epoch > 0), time.monotonic() - t0)

    def _should_stop(self) -> bool:
        """After each batch: was a stop asked for, or (checked every _ALIVE_CHECK_S) is the session gone?"""
        if not self._stop.is_set() and self._is_alive is not None and time.monotonic() >= self._next_alive_check:
            self._next_alive_check = time.monotonic() + _ALIVE_CHECK_S
            if not self._is_alive():
                self._request_stop("session_end")
        return self._stop.is_set()

    def _set_phase(self, phase: str) -> None:
        with self._lock:
            self._phase, self._t_phase = phase, time.monotonic()

    def _epoch_started(self, epoch: int) -> None:
        now = time.monotonic()
        self._next_alive_check = now + _ALIVE_CHECK_S
        with self._lock:
            self._epoch = epoch
            self._batch = 0
            self._phase, self._t_phase = ("first_batch" if epoch == 1 else "epoch_start"), now
            self._clock.epoch_begin(epoch, now)

    def _batch_done(self, batch: int, loss: float) -> None:
        now = time.monotonic()
        with self._lock:
            self._batch = batch
            self._batch_loss.append(loss)
            self._clock.batch_end(batch, now)
            if self._phase != "training":
                self._phase, self._t_phase = "training", now

    def _validation_started(self) -> None:
        now = time.monotonic()
        with self._lock:
            self._val_batch = 0
            self._phase, self._t_phase = "validating", now
            self._clock.validation_begin(now)

    def _validation_batch_done(self, batch: int) -> None:
        with self._lock:
            self._val_batch = batch

    def _validation_done(self) -> None:
        with self._lock:
            self._clock.validation_end(time.monotonic())

    def _watched(self, frame: WatchFrame) -> None:
        """A new watch frame; it replaces the last one when training did not move since (the final frame), unless
        it shows restored weights (then both stay: the last epoch's weights and the best epoch's)."""
        with self._lock:
            if self._watch and self._watch[-1].position == frame.position and frame.restored_epoch is None:
                self._watch[-1] = frame
            else:
                self._watch.append(frame)

    def _epoch_done(self, epoch: int, logs: dict, lr: float, new_lr: float) -> None:
        new = events.epoch_events(self.config, epoch, logs, lr, new_lr, self._checkpoint)
        with self._lock:
            for key in HISTORY_KEYS:
                if key in logs:
                    self._history[key].append(float(logs[key]))
            self._events.extend(new)

    def _finish(self, model, early_stopped: bool, duration: float) -> None:
        history = {k: v for k, v in self._history.items() if v}
        stop_code = self._stop_code if self._stop.is_set() else ("early_stopping" if early_stopped else "")
        status, stop, final = events.final_events(self.config, history, stop_code)
        run = Run(
            run_id=self.run_id,
            config=self.config,
            history=history,
            status=status,
            model=model,
            batch_loss=list(self._batch_loss),
            events=[*self._events, *final],
            stop_reason=stop,
            duration_s=duration,
            checkpoint_path=self._checkpoint.path if self._checkpoint.saved else None,
            watch=tuple(self._watch),
        )
        if run.checkpoint_path:
            weakref.finalize(run, shutil.rmtree, self._dir, True)  # the checkpoint folder lives as long as the run
        else:
            shutil.rmtree(self._dir, ignore_errors=True)
        with self._lock:
            self._events = list(run.events)
            self._run = run
            self._state = "stopped" if status == "stopped" else "finished"
            self._t_end = time.monotonic()
