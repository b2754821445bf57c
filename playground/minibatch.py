"""Stochastic, mini-batch and full-batch gradient descent on a real least-squares problem — Keras's `batch_size`.

The model is one neuron without activation, ŷ = w·x + b (`keras.layers.Dense(1)` on one feature), fitted to N
samples (x_i, y_i) with the mean squared error. A step reads the gradient of the loss *on one batch* B:

    L_B(w, b) = 1/|B| · Σ_{i∈B} (w·x_i + b − y_i)²
    ∂L_B/∂w = 2/|B| · Σ_{i∈B} (w·x_i + b − y_i)·x_i,    ∂L_B/∂b = 2/|B| · Σ_{i∈B} (w·x_i + b − y_i)

- `batch_size=1`: stochastic gradient descent in the strict sense — one sample per step, N steps per epoch, a
  noisy path (each sample pulls towards its own line).
- `1 < batch_size < N`: mini-batch gradient descent (what "SGD" usually means, and what `model.fit` does with
  its default `batch_size=32`): the batch mean averages the noise away, its spread shrinks like 1/√batch_size.
- `batch_size=N`: full-batch (plain) gradient descent — one step per epoch, the exact gradient, a smooth path.

An epoch is one pass over the data in ceil(N / batch_size) steps; as `model.fit`, the samples are shuffled
before each epoch (`shuffle=True`), and the last batch holds the remainder when batch_size does not divide N.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground._checks import check_bool, check_int, check_number, invalid
from playground.optimizers import MAX_STEPS, optimize_trace

__all__ = [
    "BATCH_SIZES",
    "N_SAMPLES",
    "TRUE_LINE",
    "BatchTrace",
    "batch_order",
    "batch_loss",
    "batch_gradient",
    "least_squares",
    "loss_grid",
    "make_samples",
    "minibatch_sgd",
    "steps_per_epoch",
]

N_SAMPLES = 256
TRUE_LINE = (2.0, -1.0)  # the samples scatter around y = 2x − 1
BATCH_SIZES = (1, 4, 16, 32, 64, N_SAMPLES)  # the page's choices: one sample, mini-batches, the full batch


def make_samples(n_samples: int = N_SAMPLES, *, noise: float = 1.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """N samples around the line y = 2x − 1: x ~ N(0, 1), y = 2x − 1 + noise·ε with ε ~ N(0, 1).

    Returns:
        (x, y), each of shape (n_samples,), float64.
    Raises:
        ValueError: n_samples outside 2..4096, noise < 0.
    """
    n = check_int("n_samples", n_samples, low=2, high=4096)
    noise = check_number("noise", noise, low=0)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    y = TRUE_LINE[0] * x + TRUE_LINE[1] + noise * rng.standard_normal(n)
    return x, y


def batch_loss(params: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Mean squared error of ŷ = w·x + b on the samples given (one batch or all): 1/|B| Σ (w·x_i + b − y_i)²."""
    w, b = params
    return float(np.mean(np.square(w * x + b - y)))


def batch_gradient(params: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(∂L_B/∂w, ∂L_B/∂b) of the batch's mean squared error, shape (2,): 2/|B| Σ r_i·(x_i, 1), r_i = w·x_i + b − y_i."""
    w, b = params
    r = w * x + b - y
    return np.array([2 * np.mean(r * x), 2 * np.mean(r)])


def least_squares(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The (w, b) that minimizes the full-data loss (the normal equations; = `numpy.polyfit(x, y, 1)`)."""
    design = np.stack([x, np.ones_like(x)], axis=1)
    (w, b), *_ = np.linalg.lstsq(design, y, rcond=None)
    return float(w), float(b)


def loss_grid(
    x: np.ndarray, y: np.ndarray, w_range: tuple[float, float], b_range: tuple[float, float], n: int = 64
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The full-data loss over a grid of (w, b): (ws (n,), bs (n,), z (n, n)) with z[i, j] = L(ws[j], bs[i])."""
    ws = np.linspace(*w_range, n)
    bs = np.linspace(*b_range, n)
    # L(w, b) expanded in the sums of x, y: no (n, n, N) array
    sx, sy, sxx, sxy, syy = x.mean(), y.mean(), np.mean(x * x), np.mean(x * y), np.mean(y * y)
    w, b = np.meshgrid(ws, bs)
    z = w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy
    return ws, bs, np.maximum(z, 0.0)


def steps_per_epoch(n_samples: int, batch_size: int) -> int:
    """ceil(n_samples / batch_size): the number of steps (batches) in one pass over the data."""
    return -(-n_samples // batch_size)


def batch_order(n_samples: int, batch_size: int, steps: int, *, shuffle: bool = True, seed: int = 0) -> list:
    """The sample indices of each step's batch, epoch after epoch: a fresh permutation per epoch when `shuffle`
    (as `model.fit(shuffle=True)`), the samples in order otherwise; the last batch of an epoch holds the rest."""
    rng = np.random.default_rng(seed)
    per_epoch = steps_per_epoch(n_samples, batch_size)
    batches: list[np.ndarray] = []
    while len(batches) < steps:
        order = rng.permutation(n_samples) if shuffle else np.arange(n_samples)
        batches += [order[i * batch_size : (i + 1) * batch_size] for i in range(per_epoch)]
    return batches[:steps]


@dataclass(frozen=True)
class BatchTrace:
    """Mini-batch gradient descent, step by step.

    Attributes:
        batch_size: samples per step.
        path: (steps + 1, 2) the parameters (w, b) after each step, row 0 = start.
        gradients: (steps, 2) the batch gradient used by each step.
        full_gradients: (steps, 2) the full-data gradient at the same point — what plain gradient descent uses.
        loss: (steps + 1,) the full-data loss at each point of the path.
        batches: the indices of each step's samples.
        epochs: steps / steps_per_epoch — how many passes over the data the steps made.
    """

    batch_size: int
    path: np.ndarray
    gradients: np.ndarray
    full_gradients: np.ndarray
    loss: np.ndarray
    batches: list
    epochs: float

    @property
    def noise(self) -> np.ndarray:
        """(steps,) the length of (batch gradient − full gradient) at each step: the noise a batch adds."""
        return np.linalg.norm(self.gradients - self.full_gradients, axis=1)


def minibatch_sgd(
    x: np.ndarray,
    y: np.ndarray,
    start: tuple[float, float],
    *,
    batch_size: int = 32,
    learning_rate: float = 0.05,
    steps: int = 100,
    shuffle: bool = True,
    seed: int = 0,
) -> BatchTrace:
    """`steps` updates of `keras.optimizers.SGD(learning_rate)` on (w, b), each with the gradient of one batch.

    Args:
        x, y: the samples, shape (N,) each.
        start: (w, b) before the first step.
        batch_size: samples per step, 1..N (N = full batch, plain gradient descent).
        learning_rate: lr > 0.
        steps: number of updates, 0..5000.
        shuffle: a new order of the samples every epoch (`model.fit`'s default) or always the same order.
        seed: the shuffling's seed — the same seed gives the same batches.
    Returns:
        A BatchTrace.
    Raises:
        ValueError: x and y not of one shape (N,), batch_size outside 1..N, lr ≤ 0, steps outside 0..5000.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 1:
        raise invalid("x, y", "two arrays of one shape (N,)", f"{x.shape}, {y.shape}", show=f"{x.shape}, {y.shape}")
    n = x.size
    batch_size = check_int("batch_size", batch_size, low=1, high=n)
    learning_rate = check_number("learning_rate", learning_rate, low=0, low_open=True)
    steps = check_int("steps", steps, low=0, high=MAX_STEPS)
    shuffle = check_bool("shuffle", shuffle)
    batches = batch_order(n, batch_size, steps, shuffle=shuffle, seed=seed)
    step = iter(batches)

    def grad_fn(params: np.ndarray) -> np.ndarray:  # called once per step, in order
        idx = next(step)
        return batch_gradient(params, x[idx], y[idx])

    trace = optimize_trace(grad_fn, start, optimizer="sgd", learning_rate=learning_rate, steps=steps)
    path = trace.path
    full = np.array([batch_gradient(p, x, y) for p in path[:-1]]).reshape(steps, 2)
    loss = np.array([batch_loss(p, x, y) for p in path])
    return BatchTrace(batch_size, path, trace.gradients, full, loss, batches, steps / steps_per_epoch(n, batch_size))
