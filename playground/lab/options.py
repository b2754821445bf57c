"""The training lab's option tables: one row per setting, in Keras's names. Everything else is derived from them.

- the lab's form (`app_pages/train.py`) draws one widget per row, with the row's default, range or choices;
- `playground.lab.validate` checks a configuration against the rows' ranges;
- `playground.lab.codegen` writes the rows' Keras arguments into the code the lab shows and the export script;
- `playground.export` lists the callbacks' rows in the compare table;
- `playground.optimizers` (the optimizers page) takes its Keras classes and defaults from `KERAS_OPTIMIZERS`
  and its contestants from `OPTIMIZERS`.

Adding a callback argument means one `Arg` in `CALLBACKS` plus its label `train.arg.<name>` in English and Korean
(ui/texts/training.py); tests/test_lab_options.py checks that the form, the checks, the code and the export follow.
Pure Python: no numpy, no TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playground.run import TrainConfig

INPUT_SHAPE = (28, 28, 1)
N_TRAIN = 60_000  # Fashion-MNIST's training images
LOSS = "sparse_categorical_crossentropy"
METRICS = ("loss", "accuracy", "val_loss", "val_accuracy")
MONITORS = METRICS


@dataclass(frozen=True)
class Arg:
    """One setting, named as Keras names it: what the checks accept and what the form offers.

    Attributes:
        name: the Keras argument (`patience`, `min_lr`, `beta_1`, ...).
        kind: "int", "float", "bool" or "choice".
        default: the form's value when nothing (a preset, a link) sets it.
        low, high: the closed range the checks accept (int and float).
        step: the form slider's step.
        options: the values the form offers instead of a slider (a select slider; a select box for "choice").
        form: (low, high) of the form's slider when it offers less than the checks accept.
        fmt: the slider's number format.
        key: the widget key's last part, which is also a link parameter: never rename it (default: `name`).
    """

    name: str
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple[Any, ...] = ()
    form: tuple[float, float] | None = None
    fmt: str | None = None
    key: str = ""

    @property
    def widget_key(self) -> str:
        return self.key or self.name

    @property
    def form_range(self) -> tuple[Any, Any]:
        """The slider's (low, high): `form`, else the range the checks accept."""
        return self.form or (self.low, self.high)


# ------------------------------------------------------------------------------------------------- optimizers


@dataclass(frozen=True)
class KerasOptimizer:
    """A Keras optimizer class: its name in `keras.optimizers`, default learning rate and hyper-parameters."""

    keras_class: str
    learning_rate: float
    defaults: dict[str, float | bool]


KERAS_OPTIMIZERS: dict[str, KerasOptimizer] = {  # tests/test_optimizers.py checks these against Keras's signatures
    "sgd": KerasOptimizer("SGD", 0.01, {"momentum": 0.0, "nesterov": False}),
    "adagrad": KerasOptimizer("Adagrad", 0.001, {"initial_accumulator_value": 0.1, "epsilon": 1e-7}),
    "rmsprop": KerasOptimizer("RMSprop", 0.001, {"rho": 0.9, "momentum": 0.0, "epsilon": 1e-7, "centered": False}),
    "adam": KerasOptimizer("Adam", 0.001, {"beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": False}),
}

HYPERS: dict[str, Arg] = {  # tunable hyper-parameters: the range the lab accepts, how its form steps (the starting
    # value is the optimizer's: `Optimizer.hyper`)
    "momentum": Arg("momentum", "float", None, 0.0, 0.999, 0.01, fmt="%.2f"),
    "rho": Arg("rho", "float", None, 0.0, 0.999, 0.01, fmt="%.2f"),
    "beta_1": Arg("beta_1", "float", None, 0.0, 0.999, 0.01, fmt="%.2f"),
    "beta_2": Arg("beta_2", "float", None, 0.0, 0.99999, 0.0001, fmt="%.4f"),
    "epsilon": Arg("epsilon", "float", None, 1e-10, 1.0, options=(1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3)),
    "initial_accumulator_value": Arg("initial_accumulator_value", "float", None, 0.0, 1.0, 0.01, fmt="%.2f"),
}


@dataclass(frozen=True)
class Optimizer:
    """One optimizer choice of the lab and of the optimizers page: a Keras optimizer with some arguments set.

    Attributes:
        keras: the key of its `KERAS_OPTIMIZERS` entry ("momentum" and "nesterov" are Keras's SGD).
        settings: the arguments that differ from Keras's defaults (`momentum=0.9`, `nesterov=True`).
        tunable: the hyper-parameters the pages offer (rows of `HYPERS`).
        learning_rate: the lab's starting learning rate for Fashion-MNIST.
    """

    keras: str
    settings: dict[str, float | bool] = field(default_factory=dict)
    tunable: tuple[str, ...] = ()
    learning_rate: float = 0.001

    @property
    def keras_class(self) -> str:
        return KERAS_OPTIMIZERS[self.keras].keras_class

    @property
    def hyper(self) -> dict[str, float | bool]:
        """The tunable hyper-parameters with their starting values (this choice's settings, else Keras's)."""
        defaults = KERAS_OPTIMIZERS[self.keras].defaults
        return {name: self.settings.get(name, defaults[name]) for name in self.tunable}

    @property
    def fixed(self) -> dict[str, float | bool]:
        """The settings that are not tunable (Nesterov's `nesterov=True`)."""
        return {k: v for k, v in self.settings.items() if k not in self.tunable}


OPTIMIZERS: dict[str, Optimizer] = {
    "sgd": Optimizer("sgd", learning_rate=0.01),
    "momentum": Optimizer("sgd", {"momentum": 0.9}, ("momentum",), 0.01),
    "nesterov": Optimizer("sgd", {"momentum": 0.9, "nesterov": True}, ("momentum",), 0.01),
    "adagrad": Optimizer("adagrad", {}, ("initial_accumulator_value", "epsilon"), 0.01),
    "rmsprop": Optimizer("rmsprop", {}, ("rho", "momentum", "epsilon"), 0.001),
    "adam": Optimizer("adam", {}, ("beta_1", "beta_2", "epsilon"), 0.001),
}

# --------------------------------------------------------------------------------------------------- training

TRAINING: dict[str, Arg] = {  # the TrainConfig fields the form offers (train_size's lowest step is the page's)
    "learning_rate": Arg(
        "learning_rate",
        "float",
        1e-3,
        1e-5,
        1.0,
        options=(1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0),
        key="lr",
    ),
    "batch_size": Arg("batch_size", "int", 64, 1, 4096, options=(16, 32, 64, 128, 256, 512)),
    "epochs": Arg("epochs", "int", 5, 1, 100, 1, form=(1, 30)),
    "seed": Arg("seed", "int", 42, 0, 2**31 - 1, 1, form=(0, 9999)),
    "train_size": Arg("train_size", "int", N_TRAIN, 1, N_TRAIN, key="size"),
    "validation_split": Arg("validation_split", "float", 0.2, 0.0, 0.9, 0.05, form=(0.05, 0.5)),
}

# -------------------------------------------------------------------------------------------------- callbacks


def _monitor() -> Arg:
    return Arg("monitor", "choice", "val_loss", options=MONITORS)


@dataclass(frozen=True)
class Callback:
    """A Keras callback the lab offers: `keras.callbacks.<keras_class>(**args)`.

    Attributes:
        keras_class: the class in `keras.callbacks`.
        key: the widget keys' middle part (`train_<key>` switches it on, `train_<key>_<arg key>` are its args).
        variable: its name in the generated code (the course notes' names).
        args: its arguments, in the order the form and the code show them; the defaults are the lab's suggestion
            when it is switched on.
        filepath: the file name written in the generated code (the job writes into its own folder).
    """

    keras_class: str
    key: str
    variable: str
    args: tuple[Arg, ...]
    filepath: str | None = None

    @property
    def defaults(self) -> dict[str, Any]:
        return {arg.name: arg.default for arg in self.args}


CALLBACKS: dict[str, Callback] = {  # TrainConfig field → callback, in the order Keras runs them (as the notes list)
    "checkpoint": Callback(
        "ModelCheckpoint",
        "ckpt",
        "checkpoint_cb",
        (_monitor(), Arg("save_best_only", "bool", True, key="best")),
        filepath="best_model.keras",
    ),
    "reduce_lr": Callback(
        "ReduceLROnPlateau",
        "rlr",
        "reduce_lr_cb",
        (
            _monitor(),
            Arg("factor", "float", 0.5, 0.01, 0.99, 0.1, form=(0.1, 0.9)),
            Arg("patience", "int", 2, 0, 100, 1, form=(0, 10)),
            Arg("min_lr", "float", 1e-5, 0.0, 1.0, options=(0.0, 1e-6, 1e-5, 1e-4, 1e-3)),
        ),
    ),
    "early_stopping": Callback(
        "EarlyStopping",
        "es",
        "early_stop_cb",
        (
            _monitor(),
            Arg("patience", "int", 3, 0, 100, 1, form=(0, 10)),
            Arg("restore_best_weights", "bool", True, key="restore"),
        ),
    ),
}


def callback(name: str, **values: Any) -> dict[str, Any]:
    """The keyword arguments of callback `name` (a `TrainConfig` field): every argument, defaults overridden."""
    unknown = set(values) - set(CALLBACKS[name].defaults)
    if unknown:  # a typo in a preset is a bug, not a user error
        raise TypeError(f"{CALLBACKS[name].keras_class} has no argument(s) {sorted(unknown)} in the lab's table")
    return {**CALLBACKS[name].defaults, **values}


# ---------------------------------------------------------------------------------------------------- presets


def _conv(filters: int, kernel_size: int, padding: str = "same") -> dict[str, Any]:
    return {"type": "Conv2D", "filters": filters, "kernel_size": kernel_size, "strides": 1, "padding": padding,
            "activation": "relu"}  # fmt: skip


def _dense(units: int, activation: str = "relu") -> dict[str, Any]:
    return {"type": "Dense", "units": units, "activation": activation}


_OUTPUT = _dense(10, "softmax")
_POOL = {"type": "MaxPooling2D", "pool_size": 2}
_FLATTEN = {"type": "Flatten"}
_BN = {"type": "BatchNormalization"}


def _dropout(rate: float) -> dict[str, Any]:
    return {"type": "Dropout", "rate": rate}


PRESETS: dict[str, TrainConfig] = {
    # The course notes' CNN (001): 16(3, same) → 32(4, same) → 64(4, valid) → MaxPool → Flatten → 50 → 20 → 10,
    # trained as the notes do (Adam, batch 64) with their three callbacks.
    "course_notes": TrainConfig(
        specs=(_conv(16, 3), _conv(32, 4), _conv(64, 4, "valid"), _POOL, _FLATTEN, _dense(50), _dense(20), _OUTPUT),
        optimizer="adam",
        learning_rate=1e-3,
        batch_size=64,
        epochs=10,
        early_stopping=callback("early_stopping", patience=3, restore_best_weights=True),
        reduce_lr=callback("reduce_lr", factor=0.1, patience=2, min_lr=1e-6),
        checkpoint=callback("checkpoint", save_best_only=True),
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
            *(_conv(32, 3), _BN, _conv(32, 3), _POOL, _dropout(0.25)),
            *(_conv(64, 3), _BN, _conv(64, 3), _POOL, _dropout(0.25)),
            *(_FLATTEN, _dense(128), _dropout(0.5), _OUTPUT),
        ),
        optimizer="adam",
        learning_rate=1e-3,
        batch_size=128,
        epochs=15,
        validation_split=0.1,
        early_stopping=callback("early_stopping", patience=3, restore_best_weights=True),
        reduce_lr=callback("reduce_lr", factor=0.5, patience=1, min_lr=1e-5),
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
