"""Inverted dropout, as `keras.layers.Dropout` does it.

During training each unit is kept with probability 1 − rate and dropped (set to 0) with probability `rate`;
the kept ones are scaled by 1 / (1 − rate) so that the *expected* output equals the input. At inference
(training=False) the layer does nothing, and no rescaling is needed because training already compensated.
"""

from __future__ import annotations

import numpy as np

from playground._checks import check_array, check_int, check_number

__all__ = ["dropout", "dropout_mean", "example_feature_map", "example_units", "keep_scale", "keras_dropout"]

MAX_SAMPLES = 10_000


def _check_rate(rate: float) -> float:
    return check_number("rate", rate, low=0, high=1, high_open=True)


def keep_scale(rate: float) -> float:
    """The factor 1 / (1 − rate) applied to the kept units during training.

    Raises:
        ValueError: rate outside [0, 1).
    """
    return 1.0 / (1.0 - _check_rate(rate))


def dropout(
    x: np.ndarray, rate: float, *, seed: int | None = None, training: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Inverted dropout: y = x · mask / (1 − rate) in training, y = x at inference.

    Args:
        x: array of any shape (units, a feature map (H, W) or (H, W, C), a batch...).
        rate: fraction of units to drop, in [0, 1) (Keras `Dropout(rate)`).
        seed: seed of the random mask; the same seed gives the same mask.
        training: False → identity (the mask is all True).
    Returns:
        (y, mask): y float64 with x's shape; mask bool with x's shape, True = kept.
        Kept values are x / (1 − rate) exactly, dropped ones are 0, and E[y] = x.
    Raises:
        ValueError: rate outside [0, 1), or x not finite.
    """
    rate = _check_rate(rate)
    x = check_array("x", x)
    if not training or rate == 0:
        return x.copy(), np.ones(x.shape, dtype=bool)
    rng = np.random.default_rng(seed)
    mask = rng.random(x.shape) >= rate  # P(keep) = 1 − rate
    y = np.where(mask, x / (1.0 - rate), 0.0)
    return y, mask


def keras_dropout(x: np.ndarray, rate: float, *, seed: int, training: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """What ``keras.layers.Dropout(rate, seed=seed)(x, training=training)`` returns at its first call, and its mask.

    :func:`dropout` draws its mask with NumPy; Keras draws its own with the backend's random generator (TensorFlow's
    here), so for the same seed the two masks differ — the rule is the same. This one imports Keras (slow the first
    time in a process) and gives Keras's very mask: the one a learner gets by running that line. Each later call of
    the same layer (the next training step) draws a new mask.

    Args:
        x: array of any shape.
        rate: in [0, 1).
        seed: the layer's `seed`, an int ≥ 0.
        training: False → identity.
    Returns:
        (y, mask): Keras's output as float64 (computed in float32), and the bool mask, True = kept.
    Raises:
        ValueError: rate outside [0, 1), a negative seed, or x not finite.
    """
    rate = _check_rate(rate)
    seed = check_int("seed", seed, low=0)
    x = check_array("x", x)
    if not training or rate == 0:
        return x.copy(), np.ones(x.shape, dtype=bool)
    from playground._keras import load_keras

    keras = load_keras()
    # A fresh layer with the same seed draws the same first mask, so dropping a tensor of ones reveals it
    # (a zero in x would hide whether it was kept).
    mask = np.asarray(keras.layers.Dropout(rate, seed=seed)(np.ones(x.shape, "float32"), training=True)) != 0
    y = np.asarray(keras.layers.Dropout(rate, seed=seed)(x.astype("float32"), training=True), dtype=float)
    return y, mask


def dropout_mean(x: np.ndarray, rate: float, *, samples: int = 1000, seed: int | None = None) -> np.ndarray:
    """The average of `samples` independent training-mode dropout outputs — close to x (E[y] = x).

    Args:
        x: array of any shape.
        rate: in [0, 1).
        samples: number of masks, 1..10000.
        seed: seed of the masks.
    Returns:
        Array of x's shape: mean over the masks of x · mask / (1 − rate).
    Raises:
        ValueError: rate outside [0, 1), samples outside 1..10000.
    """
    rate = _check_rate(rate)
    samples = check_int("samples", samples, low=1, high=MAX_SAMPLES)
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    kept = (rng.random((samples, *x.shape)) >= rate).mean(axis=0)  # fraction of masks keeping each unit
    return x * kept / (1.0 - rate)


def example_units(n: int) -> np.ndarray:
    """A layer's activations to drop out: n positive values (like ReLU outputs) between 0.2 and 1.0.

    Args:
        n: number of units, 1..256.
    Returns:
        Array of shape (n,), a fixed smooth pattern (the same for the same n).
    """
    n = check_int("n", n, low=1, high=256)
    k = np.arange(n)
    return np.round(0.6 + 0.4 * np.sin(0.9 * k) * np.cos(0.23 * k), 2)


def example_feature_map(size: int = 12) -> np.ndarray:
    """A feature map to drop out: a bright diagonal stroke and a blob on a dark background, values in [0, 1].

    Args:
        size: height = width, 4..64.
    Returns:
        Array of shape (size, size), like what a ReLU convolution layer might output for an edge detector.
    """
    size = check_int("size", size, low=4, high=64)
    r, c = np.mgrid[0:size, 0:size] / (size - 1)
    stroke = np.exp(-(((r - c) / 0.12) ** 2))
    blob = np.exp(-(((r - 0.75) ** 2 + (c - 0.25) ** 2) / 0.02))
    return np.round(np.clip(stroke + blob, 0, 1), 2)
