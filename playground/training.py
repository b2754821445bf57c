"""The training lab's engine: presets, optimizers, the Keras model and a background `TrainingJob`.

A job runs `model.fit` in a background thread that never touches Streamlit. A small Keras callback
(`_Recorder`) writes every batch's loss and every epoch's metrics into the job under a lock, and checks a stop
event after each batch: setting `model.stop_training = True` from `on_train_batch_end` ends the epoch loop right
after that batch (keras/src/backend/tensorflow/trainer.py checks the flag after every `on_train_batch_end`;
our callback overrides that method, so Keras dispatches it synchronously, not on its async thread pool).
The page polls `job.snapshot()` (a copy made under the lock) from an `st.fragment(run_every=...)`.

A server-wide semaphore caps the number of trainings running at once (`PLAYGROUND_MAX_TRAININGS`, default 1 for
a 2-core machine); other jobs wait in line and say how many are ahead. A job also stops when `is_alive()` (passed
in by the page: "is the browser session still connected?") turns False.

TensorFlow is imported lazily, inside the functions that need it; `configure_tensorflow()` sets its thread
counts once, before the first op.
"""

from __future__ import annotations

import itertools
import math
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from playground import data as fmnist
from playground.run import Run, RunEvent, RunStatus, TrainConfig

INPUT_SHAPE = (28, 28, 1)
LOSS = "sparse_categorical_crossentropy"
METRICS = ("loss", "accuracy", "val_loss", "val_accuracy")
HISTORY_KEYS = (*METRICS, "learning_rate")
JOB_STATES = ("waiting", "running", "finished", "stopped", "failed")

MAX_TRAININGS = max(1, int(os.environ.get("PLAYGROUND_MAX_TRAININGS", "1") or 1))
_SLOTS = threading.BoundedSemaphore(MAX_TRAININGS)  # server-wide: one process serves every session
_QUEUE: list[TrainingJob] = []  # jobs waiting for a slot, first come first served
_QUEUE_CHANGED = threading.Condition()
_ALIVE_CHECK_S = 1.0  # how often the session check runs during training (it is cheap, but not free)

# ---------------------------------------------------------------------------------------------------------------
# Optimizers: the option table that feeds the page's widgets.


@dataclass(frozen=True)
class OptimizerDef:
    """One optimizer choice: the Keras class, its fixed arguments and its tunable hyper-parameters (Keras names)."""

    keras_class: str
    learning_rate: float  # a sensible default for Fashion-MNIST
    hyper: dict[str, float] = field(default_factory=dict)  # name → Keras default
    fixed: dict[str, Any] = field(default_factory=dict)


OPTIMIZERS: dict[str, OptimizerDef] = {
    "sgd": OptimizerDef("SGD", 0.01),
    "momentum": OptimizerDef("SGD", 0.01, {"momentum": 0.9}),
    "nesterov": OptimizerDef("SGD", 0.01, {"momentum": 0.9}, {"nesterov": True}),
    "adagrad": OptimizerDef("Adagrad", 0.01, {"initial_accumulator_value": 0.1, "epsilon": 1e-7}),
    "rmsprop": OptimizerDef("RMSprop", 0.001, {"rho": 0.9, "momentum": 0.0, "epsilon": 1e-7}),
    "adam": OptimizerDef("Adam", 0.001, {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7}),
}
HYPER_RANGES: dict[str, tuple[float, float]] = {  # closed ranges the widgets offer and the checks accept
    "momentum": (0.0, 0.999),
    "rho": (0.0, 0.999),
    "beta_1": (0.0, 0.999),
    "beta_2": (0.0, 0.99999),
    "epsilon": (1e-10, 1.0),
    "initial_accumulator_value": (0.0, 1.0),
}
LEARNING_RATE_RANGE = (1e-5, 1.0)
BATCH_SIZE_RANGE = (1, 4096)
EPOCHS_RANGE = (1, 100)
MONITORS = ("val_loss", "val_accuracy", "loss", "accuracy")


def make_optimizer(name: str, learning_rate: float, **params: Any):
    """The Keras optimizer `name` ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam").

    "momentum" is `SGD(momentum=0.9)` and "nesterov" `SGD(momentum=0.9, nesterov=True)`; `params` override the
    hyper-parameters in `OPTIMIZERS[name].hyper` (Keras names). Imports keras.
    """
    _check_optimizer(name, learning_rate, params)
    import keras

    spec = OPTIMIZERS[name]
    kwargs = {**spec.hyper, **params, **spec.fixed}
    return getattr(keras.optimizers, spec.keras_class)(learning_rate=learning_rate, **kwargs)


def _check_optimizer(name: str, learning_rate: float, params: dict[str, Any]) -> None:
    if name not in OPTIMIZERS:
        raise ValueError(
            f"Invalid value received for argument `optimizer`. Expected one of {list(OPTIMIZERS)}. "
            f"Received: optimizer={name!r}"
        )
    _check_range("learning_rate", learning_rate, *LEARNING_RATE_RANGE)
    allowed = OPTIMIZERS[name].hyper
    for key, value in params.items():
        if key not in allowed:
            raise ValueError(
                f"Invalid value received for argument `{key}`. The {name} optimizer takes "
                f"{list(allowed) or 'no hyper-parameters besides learning_rate'}. Received: {key}={value!r}"
            )
        _check_range(key, value, *HYPER_RANGES[key])


def _check_range(name: str, value: Any, low: float, high: float, *, integer: bool = False) -> None:
    kind = "an integer" if integer else "a number"
    ok = isinstance(value, (int, np.integer)) if integer else isinstance(value, (int, float, np.number))
    if isinstance(value, bool) or not ok or not (low <= value <= high) or (not integer and not math.isfinite(value)):
        raise ValueError(
            f"Invalid value received for argument `{name}`. Expected {kind} between {low:g} and {high:g}. "
            f"Received: {name}={value!r}"
        )


# ---------------------------------------------------------------------------------------------------------------
# Presets


def _conv(filters: int, kernel_size: int, padding: str = "same", strides: int = 1) -> dict[str, Any]:
    return {
        "type": "Conv2D",
        "filters": filters,
        "kernel_size": kernel_size,
        "strides": strides,
        "padding": padding,
        "activation": "relu",
    }


def _dense(units: int, activation: str = "relu") -> dict[str, Any]:
    return {"type": "Dense", "units": units, "activation": activation}


_OUTPUT = _dense(10, "softmax")
_POOL = {"type": "MaxPooling2D", "pool_size": 2}
_FLATTEN = {"type": "Flatten"}

PRESETS: dict[str, TrainConfig] = {
    # The course notes' CNN (001): 16(3, same) → 32(4, same) → 64(4, valid) → MaxPool → Flatten → 50 → 20 → 10,
    # trained as the notes do (Adam, batch 64) with their three callbacks.
    "course_notes": TrainConfig(
        specs=(_conv(16, 3), _conv(32, 4), _conv(64, 4, "valid"), _POOL, _FLATTEN, _dense(50), _dense(20), _OUTPUT),
        optimizer="adam",
        learning_rate=1e-3,
        batch_size=64,
        epochs=10,
        early_stopping={"monitor": "val_loss", "patience": 3, "restore_best_weights": True},
        reduce_lr={"monitor": "val_loss", "factor": 0.1, "patience": 2, "min_lr": 1e-6},
        checkpoint={"monitor": "val_loss", "save_best_only": True},
        preset="course_notes",
    ),
    # Small and fast: ≥ 90 % test accuracy on the full training set in about a minute on 2 CPU cores
    # (measured in bench/bench_training.py).
    "quick": TrainConfig(
        specs=(_conv(32, 3), _POOL, _conv(64, 3), _POOL, _FLATTEN, _dense(128), _OUTPUT),
        optimizer="adam",
        learning_rate=1e-3,
        batch_size=64,  # 128 stayed just under 90 % after 3 epochs; 64 reaches it (bench/results-training.md)
        epochs=3,
        validation_split=0.1,
        preset="quick",
    ),
    # Two conv blocks with batch normalization and dropout, more epochs, a learning-rate schedule.
    "accurate": TrainConfig(
        specs=(
            _conv(32, 3),
            {"type": "BatchNormalization"},
            _conv(32, 3),
            _POOL,
            {"type": "Dropout", "rate": 0.25},
            _conv(64, 3),
            {"type": "BatchNormalization"},
            _conv(64, 3),
            _POOL,
            {"type": "Dropout", "rate": 0.25},
            _FLATTEN,
            _dense(128),
            {"type": "Dropout", "rate": 0.5},
            _OUTPUT,
        ),
        optimizer="adam",
        learning_rate=1e-3,
        batch_size=128,
        epochs=15,
        validation_split=0.1,
        early_stopping={"monitor": "val_loss", "patience": 3, "restore_best_weights": True},
        reduce_lr={"monitor": "val_loss", "factor": 0.5, "patience": 1, "min_lr": 1e-5},
        preset="accurate",
    ),
    # No convolution at all, for contrast: every pixel straight into dense layers (the notes' MLP: 64 → 128 → 10).
    "mlp": TrainConfig(
        specs=(_FLATTEN, _dense(64), _dense(128), _OUTPUT),
        optimizer="adam",
        learning_rate=1e-3,
        batch_size=64,
        epochs=5,
        preset="mlp",
    ),
}


# ---------------------------------------------------------------------------------------------------------------
# Checking a configuration (pure Python: the page calls it on every rerun)


def validate_config(config: TrainConfig) -> None:
    """Raise ValueError (naming the argument, the allowed range and the value) for a configuration Keras or the lab
    would reject; return None when it can be trained.

    Checks the optimizer and its hyper-parameters, batch size, epochs, seed, the subset and validation sizes
    (against the 60 000 training images), the callbacks' arguments, and that the model ends in
    `Dense(10, activation="softmax")` (the loss is sparse categorical cross-entropy on probabilities).
    When `playground.architecture` is available its `summarize` also checks every layer's shapes.
    """
    specs = config.specs
    if not specs or not all(isinstance(s, dict) and "type" in s for s in specs):
        raise ValueError(
            f"Invalid value received for argument `specs`. Expected a non-empty sequence of layer specs "
            f"(dicts with a 'type'). Received: specs={specs!r}"
        )
    last = specs[-1]
    if last.get("type") != "Dense" or last.get("units") != 10 or last.get("activation") != "softmax":
        raise ValueError(
            "Invalid value received for argument `specs`. The last layer must be "
            "Dense(units=10, activation='softmax'): one probability per Fashion-MNIST class. "
            f"Received: last layer={last!r}"
        )
    _check_optimizer(config.optimizer, config.learning_rate, dict(config.optimizer_params))
    _check_range("batch_size", config.batch_size, *BATCH_SIZE_RANGE, integer=True)
    _check_range("epochs", config.epochs, *EPOCHS_RANGE, integer=True)
    _check_range("seed", config.seed, 0, 2**31 - 1, integer=True)
    _check_sizes(config.train_size, config.validation_split, 60_000)
    has_val = config.validation_split > 0
    for name in ("early_stopping", "reduce_lr", "checkpoint"):
        params = getattr(config, name)
        if params is None:
            continue
        monitor = params.get("monitor", "val_loss")
        if monitor not in MONITORS or (monitor.startswith("val_") and not has_val):
            allowed = list(MONITORS) if has_val else [m for m in MONITORS if not m.startswith("val_")]
            raise ValueError(
                f"Invalid value received for argument `monitor` of {name}. Expected one of {allowed}"
                f"{'' if has_val else ' (there is no validation set)'}. Received: monitor={monitor!r}"
            )
        if "patience" in params:
            _check_range("patience", params["patience"], 0, 100, integer=True)
        if "factor" in params:
            _check_range("factor", params["factor"], 0.01, 0.99)
        if "min_lr" in params:
            _check_range("min_lr", params["min_lr"], 0.0, 1.0)
    from playground.architecture import summarize  # pure Python: names the layer whose shapes don't work

    summarize([*config.augmentation, *specs], INPUT_SHAPE)


def _check_sizes(train_size: Any, validation_split: Any, n_train: int) -> None:
    _check_range("train_size", train_size, 1, n_train, integer=True)
    _check_range("validation_split", validation_split, 0.0, 0.9)
    n_val = round(train_size * validation_split)
    if validation_split > 0 and not 1 <= n_val < train_size:
        raise ValueError(
            f"Invalid value received for argument `validation_split`. With train_size={train_size} it leaves "
            f"{n_val} validation images; both parts need at least one. Received: validation_split={validation_split}"
        )


# ---------------------------------------------------------------------------------------------------------------
# TensorFlow and the model

_TF_LOCK = threading.Lock()
_TF_CONFIGURED = False


def configure_tensorflow() -> None:
    """Import TensorFlow and set its thread pools once per process, before the first op.

    intra-op threads = `PLAYGROUND_TF_THREADS` or the CPU count (the big matmuls/convolutions use them all),
    inter-op threads = 1 (a small model's ops form a chain; more pools only fight over the same cores).
    If some other code already ran a TensorFlow op, TensorFlow refuses the change and its settings stay.
    """
    global _TF_CONFIGURED
    with _TF_LOCK:
        if _TF_CONFIGURED:
            return
        import tensorflow as tf

        threads = int(os.environ.get("PLAYGROUND_TF_THREADS", "0") or 0) or (os.cpu_count() or 1)
        try:
            tf.config.threading.set_intra_op_parallelism_threads(threads)
            tf.config.threading.set_inter_op_parallelism_threads(1)
        except RuntimeError:  # "cannot be modified after initialization": TensorFlow already ran an op
            pass
        _TF_CONFIGURED = True


def build_model(config: TrainConfig):
    """The compiled Keras model of `config`: Input(28, 28, 1) → augmentation → Rescaling(1/255) → specs.

    Pixels arrive as uint8 0…255 and are scaled inside the model, so no float copy of the data set is ever
    kept. Augmentation layers are active only in training (Keras switches them off in `predict`/`evaluate`).
    Compiled with `loss="sparse_categorical_crossentropy"` (integer labels; the one-hot variant is
    `categorical_crossentropy`) and `metrics=["accuracy"]`. Call `keras.utils.set_random_seed` first for
    reproducible initial weights.
    """
    configure_tensorflow()
    from playground.architecture import build_model as build_stack

    model = build_stack([*config.augmentation, {"type": "Rescaling", "scale": 1 / 255}, *config.specs], INPUT_SHAPE)
    model.compile(
        optimizer=make_optimizer(config.optimizer, config.learning_rate, **config.optimizer_params),
        loss=LOSS,
        metrics=["accuracy"],
    )
    return model


def _py(value: Any) -> str:
    """A Python literal for generated code: 0.001 → 1e-3 style kept short, strings quoted."""
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value)


def _call(name: str, kwargs: dict[str, Any]) -> str:
    return f"{name}({', '.join(f'{k}={_py(v)}' for k, v in kwargs.items())})"


def keras_code(config: TrainConfig) -> str:
    """The equivalent stand-alone Keras script for `config` (what the lab runs, written as the course notes do)."""
    lines = [
        "import keras",
        "from sklearn.model_selection import train_test_split",
        "",
        "(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()",
    ]
    if config.train_size < 60_000:
        lines.append(
            f"x_train, _, y_train, _ = train_test_split(x_train, y_train, train_size={config.train_size}, "
            f"stratify=y_train, random_state={config.seed})"
        )
    if config.validation_split > 0:
        lines.append(
            f"x_train, x_val, y_train, y_val = train_test_split(x_train, y_train, "
            f"test_size={_py(config.validation_split)}, stratify=y_train, random_state={config.seed})"
        )
    lines += ["", f"keras.utils.set_random_seed({config.seed})", "model = keras.Sequential(["]
    lines.append("    keras.Input(shape=(28, 28, 1)),  # uint8 pixels 0 … 255")
    for spec in config.augmentation:
        lines.append(f"    keras.layers.{_call(spec['type'], {k: v for k, v in spec.items() if k != 'type'})},")
    lines.append("    keras.layers.Rescaling(1 / 255),  # scale to 0 … 1 inside the model")
    for spec in config.specs:
        lines.append(f"    keras.layers.{_call(spec['type'], {k: v for k, v in spec.items() if k != 'type'})},")
    lines.append("])")
    opt = OPTIMIZERS[config.optimizer]
    opt_args = {"learning_rate": config.learning_rate, **opt.hyper, **config.optimizer_params, **opt.fixed}
    lines += [
        "model.compile(",
        f"    optimizer=keras.optimizers.{_call(opt.keras_class, opt_args)},",
        f'    loss="{LOSS}",  # integer labels; with one-hot labels: "categorical_crossentropy"',
        '    metrics=["accuracy"],',
        ")",
        "model.summary()",
        "",
    ]
    callbacks = []
    if config.checkpoint is not None:
        lines.append(
            "checkpoint_cb = keras.callbacks."
            + _call("ModelCheckpoint", {"filepath": "best_model.keras", **config.checkpoint})
        )
        callbacks.append("checkpoint_cb")
    if config.reduce_lr is not None:
        lines.append("reduce_lr_cb = keras.callbacks." + _call("ReduceLROnPlateau", config.reduce_lr))
        callbacks.append("reduce_lr_cb")
    if config.early_stopping is not None:
        lines.append("early_stop_cb = keras.callbacks." + _call("EarlyStopping", config.early_stopping))
        callbacks.append("early_stop_cb")
    val = ", validation_data=(x_val[..., None], y_val)" if config.validation_split > 0 else ""
    cbs = f", callbacks=[{', '.join(callbacks)}]" if callbacks else ""
    lines += [
        f"history = model.fit(x_train[..., None], y_train{val}, batch_size={config.batch_size}, "
        f"epochs={config.epochs}{cbs})",
        "model.evaluate(x_test[..., None], y_test)",
    ]
    return "\n".join(lines) + "\n"


def _keras_callbacks(config: TrainConfig, job_dir: str) -> tuple[list, str | None]:
    """The Keras callbacks of `config` (checkpoint, LR schedule, early stopping, in the order Keras runs them)."""
    import keras

    callbacks = []
    checkpoint_path = None
    if config.checkpoint is not None:
        checkpoint_path = os.path.join(job_dir, "checkpoint.keras")
        callbacks.append(keras.callbacks.ModelCheckpoint(checkpoint_path, **config.checkpoint))
    if config.reduce_lr is not None:
        callbacks.append(keras.callbacks.ReduceLROnPlateau(**config.reduce_lr))
    if config.early_stopping is not None:
        callbacks.append(keras.callbacks.EarlyStopping(**config.early_stopping))
    return callbacks, checkpoint_path


# ---------------------------------------------------------------------------------------------------------------
# The background job


@dataclass(frozen=True)
class JobSnapshot:
    """What the page draws: a consistent copy of a job's progress, taken under its lock.

    `state` in JOB_STATES. `epoch` is 1-based (0 while the data and model are being prepared), `batch` the
    number of batches done in that epoch. `history` has the per-epoch lists of HISTORY_KEYS so far,
    `batch_loss` the loss of every training batch so far. `queue_position` is the number of jobs ahead
    while waiting. `run` is the finished `Run` once the job has ended (finished or stopped).
    """

    state: str
    epoch: int
    epochs: int
    batch: int
    batches: int
    history: dict[str, list[float]]
    batch_loss: list[float]
    events: list[RunEvent]
    elapsed_s: float
    eta_s: float | None
    queue_position: int
    stop_requested: bool
    error: str
    run: Run | None

    @property
    def progress(self) -> float:
        """Fraction of all batches done, 0 … 1."""
        if not self.batches or not self.epochs:
            return 1.0 if self.state in ("finished", "stopped") else 0.0
        done = (max(self.epoch, 1) - 1) * self.batches + self.batch
        return min(1.0, done / (self.epochs * self.batches))

    @property
    def active(self) -> bool:
        return self.state in ("waiting", "running")


class _Recorder:
    """Factory of the Keras callback that feeds a job (built lazily: keras is imported only inside a job)."""

    @staticmethod
    def make(job: TrainingJob):
        import keras

        class Recorder(keras.callbacks.Callback):
            """Per batch: the batch's own loss and the stop checks. Per epoch: metrics, learning rate, events.

            Keras logs the *running mean* of the loss over the epoch so far, weighted by batch size; the batch's own
            loss follows from two consecutive means: (n_k · mean_k − n_{k−1} · mean_{k−1}) / (n_k − n_{k−1}).
            """

            def on_epoch_begin(self, epoch, logs=None):
                self._lr = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
                self._seen = 0
                self._sum = 0.0
                self._next_alive_check = time.monotonic() + _ALIVE_CHECK_S
                job._epoch_started(epoch + 1)

            def on_train_batch_end(self, batch, logs=None):
                seen = min((batch + 1) * job.config.batch_size, job._n_train)
                total = float(logs["loss"]) * seen
                job._batch_done(batch + 1, (total - self._sum) / max(1, seen - self._seen))
                self._seen, self._sum = seen, total
                if job._stop.is_set():
                    self.model.stop_training = True
                elif job._is_alive is not None and time.monotonic() >= self._next_alive_check:
                    self._next_alive_check = time.monotonic() + _ALIVE_CHECK_S
                    if not job._is_alive():
                        job._stop_reason = "session"
                        job._stop.set()
                        self.model.stop_training = True

            def on_epoch_end(self, epoch, logs=None):
                if logs is None:
                    return
                logs["learning_rate"] = self._lr  # the rate used during this epoch (History runs after us)
                new_lr = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
                job._epoch_done(epoch + 1, dict(logs), self._lr, new_lr)

        return Recorder()


class TrainingJob:
    """One training run in a background thread: `start()`, poll `snapshot()`, `stop()`.

    Args:
        config: the run's settings (checked with `validate_config` here, so bad settings fail on the page).
        is_alive: called about once a second during training and while waiting for a slot; when it returns
            False (the browser session is gone) the job stops.
        data: (x_train, y_train) to train on instead of Fashion-MNIST's training set (tests use small
            crafted sets); uint8 images (n, 28, 28) and labels 0…9.
        run_id: the id of the resulting `Run` (default: "run-<n>").
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
    ) -> None:
        validate_config(config)
        self.config = config
        self.run_id = run_id or f"run-{next(self._ids)}"
        self._is_alive = is_alive
        self._data = data
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._stop_reason = ""
        self._thread: threading.Thread | None = None
        self._state = "waiting"
        self._epoch = 0
        self._batch = 0
        self._batches = 0
        self._n_train = 0
        self._history: dict[str, list[float]] = {key: [] for key in HISTORY_KEYS}
        self._batch_loss: list[float] = []
        self._events: list[RunEvent] = []
        self._t_start: float | None = None  # got a slot (then: load data, build the model, fit)
        self._t_fit: float | None = None  # first epoch began: the ETA extrapolates from here
        self._t_end: float | None = None
        self._error = ""
        self._run: Run | None = None
        self._checkpoint_path: str | None = None
        self._checkpoint_mtime = 0
        self._dir = tempfile.mkdtemp(prefix=f"playground-{self.run_id}-")

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
        if not self._stop_reason:
            self._stop_reason = "user"
        self._stop.set()
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
            total = self.config.epochs * self._batches
            done = (max(self._epoch, 1) - 1) * self._batches + self._batch
            fitting = now - self._t_fit if self._t_fit else 0.0
            eta = fitting / done * (total - done) if self._state == "running" and done and total else None
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
                        self._stop_reason = "session"
                        self._stop.set()

    def _main(self) -> None:
        if not self._wait_for_slot():
            with self._lock:
                self._state = "stopped"
                self._t_end = time.monotonic()
            return
        try:
            with self._lock:
                self._state = "running"
                self._t_start = time.monotonic()
            self._train()
        except Exception as err:  # the page shows the message; the thread must never die silently
            with self._lock:
                self._state = "failed"
                self._error = f"{type(err).__name__}: {err}"
                self._t_end = time.monotonic()
        finally:
            _SLOTS.release()
            with _QUEUE_CHANGED:
                _QUEUE_CHANGED.notify_all()

    def _train(self) -> None:
        config = self.config
        configure_tensorflow()
        import keras

        if self._data is None:
            (x_all, y_all), _ = fmnist.load_fashion_mnist()
        else:
            x_all, y_all = self._data
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

        keras.utils.set_random_seed(config.seed)  # initial weights and shuffling, reproducible per seed
        model = build_model(config)
        callbacks, self._checkpoint_path = _keras_callbacks(config, self._dir)
        early = next((c for c in callbacks if isinstance(c, keras.callbacks.EarlyStopping)), None)
        t0 = time.monotonic()
        model.fit(
            x_train,
            y_train,
            validation_data=validation,
            batch_size=config.batch_size,
            epochs=config.epochs,
            callbacks=[*callbacks, _Recorder.make(self)],
            verbose=0,
        )
        self._finish(model, early, time.monotonic() - t0)

    def _epoch_started(self, epoch: int) -> None:
        with self._lock:
            if self._t_fit is None:
                self._t_fit = time.monotonic()
            self._epoch = epoch
            self._batch = 0

    def _batch_done(self, batch: int, loss: float) -> None:
        with self._lock:
            self._batch = batch
            self._batch_loss.append(loss)

    def _epoch_done(self, epoch: int, logs: dict[str, Any], lr: float, new_lr: float) -> None:
        events = []
        if new_lr < lr * (1 - 1e-6):
            events.append(
                RunEvent(epoch, "lr_cut", f"ReduceLROnPlateau: learning rate {lr:.3g} → {new_lr:.3g}", value=new_lr)
            )
        if self._checkpoint_path and os.path.exists(self._checkpoint_path):
            mtime = os.stat(self._checkpoint_path).st_mtime_ns
            if mtime != self._checkpoint_mtime:
                self._checkpoint_mtime = mtime
                monitor = (self.config.checkpoint or {}).get("monitor", "val_loss")
                value = logs.get(monitor)
                events.append(
                    RunEvent(epoch, "checkpoint", f"ModelCheckpoint: saved ({monitor} = {value:.4f})", value=value)
                )
        with self._lock:
            for key in HISTORY_KEYS:
                if key in logs:
                    self._history[key].append(float(logs[key]))
            self._events.extend(events)

    def _finish(self, model, early, duration: float) -> None:
        history = {k: v for k, v in self._history.items() if v}
        events = list(self._events)
        epochs_run = len(history.get("loss", []))
        monitor, mode = self._best_monitor()
        values = history.get(monitor, [])
        if values:
            best = int(np.argmax(values) if mode == "max" else np.argmin(values))
            restored = bool(self.config.early_stopping and self.config.early_stopping.get("restore_best_weights"))
            note = " — the model keeps these weights (restore_best_weights)" if restored else ""
            events.append(
                RunEvent(
                    best + 1, "best", f"best {monitor} = {values[best]:.4f} at epoch {best + 1}{note}", values[best]
                )
            )
        reason = self._stop_reason if self._stop.is_set() else ""
        status: RunStatus
        if reason == "user":
            status, why = "stopped", f"stopped by you during epoch {epochs_run}"
        elif reason == "session":
            status, why = "stopped", "stopped because the browser session ended"
        elif early is not None and early.stopped_epoch > 0:
            patience = (self.config.early_stopping or {}).get("patience", 0)
            status = "early_stopped"
            why = f"EarlyStopping: {early.monitor} did not improve for {max(patience, 1)} epoch(s)"
        else:
            status, why = "finished", f"all {epochs_run} epochs done"
        if status != "finished":
            events.append(RunEvent(max(epochs_run, 1), "stopped", why))
        run = Run(
            run_id=self.run_id,
            config=self.config,
            history=history,
            status=status,
            model=model,
            batch_loss=list(self._batch_loss),
            events=events,
            stop_reason=why,
            duration_s=duration,
            checkpoint_path=self._checkpoint_path if self._checkpoint_mtime else None,
        )
        weakref.finalize(run, shutil.rmtree, self._dir, True)  # the checkpoint folder lives as long as the run
        with self._lock:
            self._events = events
            self._run = run
            self._state = "stopped" if status == "stopped" else "finished"
            self._t_end = time.monotonic()

    def _best_monitor(self) -> tuple[str, str]:
        for params in (self.config.early_stopping, self.config.checkpoint, self.config.reduce_lr):
            if params:
                monitor = params.get("monitor", "val_loss")
                return monitor, "max" if "accuracy" in monitor else "min"
        return ("val_loss" if self.config.validation_split > 0 else "loss"), "min"


def apply_preset(name: str, **changes: Any) -> TrainConfig:
    """PRESETS[name] with some fields changed (`dataclasses.replace`); ValueError for an unknown preset."""
    if name not in PRESETS:
        raise ValueError(
            f"Invalid value received for argument `preset`. Expected one of {list(PRESETS)}. Received: preset={name!r}"
        )
    return replace(PRESETS[name], **changes)


def queue_length() -> int:
    """Jobs waiting for a training slot on this server right now."""
    with _QUEUE_CHANGED:
        return len(_QUEUE)


def spec_summary(specs: Sequence[dict[str, Any]]) -> str:
    """A one-line description of a layer stack, e.g. "Conv2D(32) → MaxPooling2D → Flatten → Dense(10)"."""
    parts = []
    for s in specs:
        size = s.get("filters") or s.get("units") or s.get("rate")
        parts.append(f"{s['type']}({size})" if size is not None else s["type"])
    return " → ".join(parts)
