"""Gradient-descent optimizers on a 2-D point, with Keras 3's exact update rules and defaults.

Each step reads the gradient g at the current point w and updates w (and the optimizer's state):

- SGD: w ← w − lr·g. With momentum m, a velocity v remembers past steps: v ← m·v − lr·g, w ← w + v.
  Nesterov looks ahead along the velocity: v ← m·v − lr·g, w ← w + m·v − lr·g.
- AdaGrad: an accumulator sums the squared gradients, a ← a + g², w ← w − lr·g / √(a + ε): each coordinate
  gets its own step size, which only ever shrinks.
- RMSProp: the same with an exponentially weighted average instead of a sum, v ← ρ·v + (1 − ρ)·g²,
  w ← w − lr·g / √(v + ε) (optional momentum on that increment, optional `centered`).
- Adam: momentum (first moment m) plus RMSProp (second moment v): m ← m + (1 − β₁)(g − m),
  v ← v + (1 − β₂)(g² − v), w ← w − α·m / (√v + ε) with the bias correction inside the learning rate,
  α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ).

These are the formulas of keras/src/optimizers/{sgd,adagrad,rmsprop,adam}.py (Keras 3.15), in the same order of
operations, so `optimize(..., dtype=np.float32)` follows `keras.optimizers.X` on a float32 `keras.Variable` to
float32 round-off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground._checks import check_arguments, check_bool, check_choice, check_int, check_number, invalid
from playground.lab.options import KERAS_OPTIMIZERS, OPTIMIZERS

__all__ = [
    "HYPER_DEFAULTS",
    "KERAS_CLASSES",
    "KERAS_LEARNING_RATES",
    "MAX_STEPS",
    "RACERS",
    "Racer",
    "Trace",
    "keras_code",
    "optimize",
    "optimize_trace",
]

MAX_STEPS = 5000
DIVERGED = 1e6  # a point this far from the start counts as diverged (see Trace.diverged_at)

HYPER_DEFAULTS: dict[str, dict[str, float | bool]] = {k: dict(o.defaults) for k, o in KERAS_OPTIMIZERS.items()}
"""Each optimizer's hyper-parameters with Keras's names and defaults (besides `learning_rate`), from the one table
the training lab shares (`playground.lab.options.KERAS_OPTIMIZERS`)."""

KERAS_LEARNING_RATES = {k: o.learning_rate for k, o in KERAS_OPTIMIZERS.items()}
"""Keras's default `learning_rate` per optimizer (for the code shown; `optimize` defaults to 0.01)."""

KERAS_CLASSES = {k: o.keras_class for k, o in KERAS_OPTIMIZERS.items()}

_BOOL_HYPERS = {"nesterov", "centered", "amsgrad"}
_UNIT_HYPERS = {"momentum", "rho", "beta_1", "beta_2"}  # in [0, 1]


@dataclass(frozen=True)
class Trace:
    """Everything an optimizer did, step by step.

    Attributes:
        path: (steps + 1, 2) the points w_0 = start, w_1, ..., w_steps.
        gradients: (steps, 2) the gradient g_t read at w_(t−1) for step t = 1..steps.
        state: optimizer slot name (Keras's: "momentum", "accumulator", "velocity", "average_gradient")
            → (steps + 1, 2), its value after each step (row 0 = initial value).
        step_size: (steps, 2) the per-coordinate factor the gradient was multiplied by for the increment
            (lr for plain SGD, lr / √(a + ε) for AdaGrad, ...) — what "adaptive learning rate" means.
        diverged_at: the first step whose point is not finite or lies more than DIVERGED (1e6) away from the
            start — the optimizer blew up — else None.
    """

    path: np.ndarray
    gradients: np.ndarray
    state: dict[str, np.ndarray]
    step_size: np.ndarray
    diverged_at: int | None


def _check_hyper(optimizer: str, learning_rate: float, steps: int, hyper: dict) -> dict:
    check_choice("optimizer", optimizer, list(HYPER_DEFAULTS))
    check_number("learning_rate", learning_rate, low=0, low_open=True)
    check_int("steps", steps, low=0, high=MAX_STEPS)
    defaults = HYPER_DEFAULTS[optimizer]
    check_arguments(hyper, defaults, f"optimizer {optimizer!r}")
    values = {**defaults, **hyper}
    for name, value in values.items():
        if name in _BOOL_HYPERS:
            values[name] = check_bool(name, value)
        elif name in _UNIT_HYPERS:
            values[name] = check_number(name, value, low=0, high=1)
        elif name == "epsilon":
            values[name] = check_number(name, value, low=0, low_open=True)
        else:  # initial_accumulator_value
            values[name] = check_number(name, value, low=0)
    if optimizer == "adagrad" and values["initial_accumulator_value"] + values["epsilon"] <= 0:
        raise invalid(
            "initial_accumulator_value and epsilon",
            "a sum > 0",
            values["epsilon"],
            show=f"initial_accumulator_value={values['initial_accumulator_value']}, epsilon={values['epsilon']}",
        )
    return values


def optimize_trace(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    start: np.ndarray | tuple[float, float],
    *,
    optimizer: str = "sgd",
    learning_rate: float = 0.01,
    steps: int = 100,
    dtype: type = np.float64,
    **hyper: float | bool,
) -> Trace:
    """Run `steps` updates of a Keras optimizer from `start` and record the path and the optimizer's state.

    Args:
        grad_fn: gradient of the loss, called with the current point (shape (2,), `dtype`) → shape (2,).
        start: the initial point (x, y).
        optimizer: "sgd", "adagrad", "rmsprop" or "adam".
        learning_rate: lr > 0 (Keras's own default is 0.01 for SGD and 0.001 for the others).
        steps: number of updates, 0..5000.
        dtype: float type of the arithmetic (np.float32 to match a float32 Keras variable bit for bit-ish).
        **hyper: Keras hyper-parameters of that optimizer (HYPER_DEFAULTS): momentum, nesterov, rho,
            epsilon, centered, initial_accumulator_value, beta_1, beta_2, amsgrad.
    Returns:
        A Trace. Once the point stops being finite, the rest of the path stays non-finite (as in Keras).
    Raises:
        ValueError: unknown optimizer or hyper-parameter, lr ≤ 0, steps outside 0..5000, a hyper-parameter out
            of its range, a non-finite start.
    """
    h = _check_hyper(optimizer, learning_rate, steps, hyper)
    w = np.asarray(start, dtype=float)
    if w.shape != (2,) or not np.all(np.isfinite(w)):
        raise invalid("start", "two finite numbers (x, y)", start)
    dt = np.dtype(dtype)
    w = w.astype(dt)
    lr = dt.type(learning_rate)

    def c(value: float) -> np.generic:  # a constant in the working precision, as ops.cast(..., variable.dtype)
        return dt.type(value)

    slots: dict[str, np.ndarray] = {}
    if optimizer == "sgd" and h["momentum"] != 0:
        slots["momentum"] = np.zeros(2, dt)
    elif optimizer == "adagrad":
        slots["accumulator"] = np.full(2, h["initial_accumulator_value"], dt)
    elif optimizer == "rmsprop":
        slots["velocity"] = np.zeros(2, dt)
        if h["momentum"] > 0:
            slots["momentum"] = np.zeros(2, dt)
        if h["centered"]:
            slots["average_gradient"] = np.zeros(2, dt)
    elif optimizer == "adam":
        slots["momentum"] = np.zeros(2, dt)
        slots["velocity"] = np.zeros(2, dt)
        if h["amsgrad"]:
            slots["velocity_hat"] = np.zeros(2, dt)

    path = np.empty((steps + 1, 2), dt)
    grads = np.empty((steps, 2), dt)
    sizes = np.empty((steps, 2), dt)
    history = {name: np.empty((steps + 1, 2), dt) for name in slots}
    path[0] = w
    for name, value in slots.items():
        history[name][0] = value

    with np.errstate(all="ignore"):  # a diverging optimizer is a lesson, not an error
        for t in range(1, steps + 1):
            g = np.asarray(grad_fn(w.copy()), dtype=float).astype(dt)
            if optimizer == "sgd":
                if "momentum" in slots:
                    m = c(h["momentum"])
                    v = slots["momentum"] = slots["momentum"] * m - g * lr
                    w = w + (v * m - g * lr) if h["nesterov"] else w + v
                else:
                    w = w - g * lr
                size = np.full(2, lr, dt)
            elif optimizer == "adagrad":
                acc = slots["accumulator"] = slots["accumulator"] + np.square(g)
                size = lr / np.sqrt(acc + c(h["epsilon"]))
                w = w - (lr * g) / np.sqrt(acc + c(h["epsilon"]))
            elif optimizer == "rmsprop":
                rho = h["rho"]
                vel = slots["velocity"] = c(rho) * slots["velocity"] + c(1 - rho) * np.square(g)
                if h["centered"]:
                    avg = slots["average_gradient"] = c(rho) * slots["average_gradient"] + c(1 - rho) * g
                    denominator = vel - np.square(avg) + c(h["epsilon"])
                else:
                    denominator = vel + c(h["epsilon"])
                size = lr / np.sqrt(denominator)
                increment = (lr * g) / np.sqrt(denominator)
                if "momentum" in slots:
                    mom = slots["momentum"] = c(h["momentum"]) * slots["momentum"] + increment
                    w = w - mom
                else:
                    w = w - increment
            else:  # adam
                b1, b2 = h["beta_1"], h["beta_2"]
                step = c(t)
                alpha = lr * np.sqrt(c(1) - np.power(c(b2), step)) / (c(1) - np.power(c(b1), step))
                m = slots["momentum"] = slots["momentum"] + (g - slots["momentum"]) * c(1 - b1)
                v = slots["velocity"] = slots["velocity"] + (np.square(g) - slots["velocity"]) * c(1 - b2)
                if h["amsgrad"]:
                    v = slots["velocity_hat"] = np.maximum(slots["velocity_hat"], v)
                size = alpha / (np.sqrt(v) + c(h["epsilon"]))
                w = w - (m * alpha) / (np.sqrt(v) + c(h["epsilon"]))
            path[t] = w
            grads[t - 1] = g
            sizes[t - 1] = size
            for name, value in slots.items():
                history[name][t] = value

    with np.errstate(all="ignore"):
        far = np.linalg.norm(path.astype(float) - path[0].astype(float), axis=1) > DIVERGED
    bad = np.flatnonzero(~np.all(np.isfinite(path), axis=1) | far)
    return Trace(path, grads, history, sizes, int(bad[0]) if bad.size else None)


def optimize(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    start: np.ndarray | tuple[float, float],
    *,
    optimizer: str = "sgd",
    learning_rate: float = 0.01,
    steps: int = 100,
    dtype: type = np.float64,
    **hyper: float | bool,
) -> np.ndarray:
    """The path of a Keras optimizer from `start`: ndarray of shape (steps + 1, 2), row 0 = start.

    Same arguments as `optimize_trace` (which also returns the gradients and the optimizer's state).
    Equals `keras.optimizers.<X>(learning_rate, **hyper)` applied step by step to a `keras.Variable`
    holding the point, with the gradient `grad_fn(variable)` at each step.
    """
    trace = optimize_trace(
        grad_fn, start, optimizer=optimizer, learning_rate=learning_rate, steps=steps, dtype=dtype, **hyper
    )
    return trace.path


@dataclass(frozen=True)
class Racer:
    """A named optimizer setting for the page: which Keras optimizer, and its hyper-parameters."""

    key: str
    optimizer: str
    learning_rate: float
    hyper: dict[str, float | bool]
    tunable: tuple[str, ...]  # the hyper-parameters the page offers for this racer


_RACE_LEARNING_RATES = {"sgd": 0.02, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1}
_RACE_KEEPS_DEFAULT = {"rmsprop": ("momentum",)}  # the race shows RMSProp without its optional momentum

RACERS: dict[str, Racer] = {
    key: Racer(
        key,
        choice.keras,
        _RACE_LEARNING_RATES[key],
        dict(choice.settings),
        tuple(n for n in choice.tunable if n not in _RACE_KEEPS_DEFAULT.get(key, ())),
    )
    for key, choice in OPTIMIZERS.items()
}
"""The contestants of the page's race: the lab's optimizer choices (`playground.lab.options.OPTIMIZERS`; momentum
and Nesterov are Keras SGD with `momentum` / `nesterov`)."""


def keras_code(optimizer: str, learning_rate: float, **hyper: float | bool) -> str:
    """The Keras constructor for these settings, e.g. `keras.optimizers.SGD(learning_rate=0.02, momentum=0.9)`.

    Only hyper-parameters that differ from Keras's defaults are written.
    """
    h = _check_hyper(optimizer, learning_rate, 0, hyper)
    args = [f"learning_rate={learning_rate:g}"]
    for name, value in h.items():
        if value != HYPER_DEFAULTS[optimizer][name]:
            args.append(f"{name}={value}" if isinstance(value, bool) else f"{name}={value:g}")
    return f"keras.optimizers.{KERAS_CLASSES[optimizer]}({', '.join(args)})"
