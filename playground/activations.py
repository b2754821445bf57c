"""Activation functions and their derivatives, equal to `keras.activations` (and to TensorFlow's gradients).

An activation function turns a neuron's weighted sum z = w·x + b into its output a = f(z). What matters for
learning is also its *derivative* f'(z): back-propagation multiplies one f'(z) per layer (the chain rule), so a
derivative that is small almost everywhere (sigmoid: at most 0.25) makes the gradient of early layers vanish.

All functions are element-wise on numpy arrays of any shape (softmax works along `axis`), never modify their
input, and return float64 arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.special

from playground._checks import check_array, check_choice, check_int, check_number, invalid
from playground.messages import Phrase

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "chain_gradient",
    "get",
    "leaky_relu",
    "leaky_relu_derivative",
    "perceptron",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_jacobian",
    "tanh",
    "tanh_derivative",
]


def _as_float(x: np.ndarray | list[float] | float, name: str = "x") -> np.ndarray:
    return check_array(name, x)


def sigmoid(x: np.ndarray | float) -> np.ndarray:
    """Sigmoid σ(x) = 1 / (1 + e^(−x)), squashing any number into (0, 1) (`keras.activations.sigmoid`).

    Args:
        x: array of any shape.
    Returns:
        Array of the same shape, values in (0, 1).
    """
    return scipy.special.expit(_as_float(x))


def sigmoid_derivative(x: np.ndarray | float) -> np.ndarray:
    """σ'(x) = σ(x)·(1 − σ(x)); at most 0.25 (at x = 0) and close to 0 once |x| > 5 (saturation)."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x: np.ndarray | float) -> np.ndarray:
    """Hyperbolic tangent tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)), values in (−1, 1), centred on 0."""
    return np.tanh(_as_float(x))


def tanh_derivative(x: np.ndarray | float) -> np.ndarray:
    """tanh'(x) = 1 − tanh(x)²; 1 at x = 0, saturates like the sigmoid for large |x|."""
    return 1.0 - np.tanh(_as_float(x)) ** 2


def relu(x: np.ndarray | float) -> np.ndarray:
    """Rectified linear unit max(0, x) (`keras.activations.relu` with its defaults)."""
    return np.maximum(_as_float(x), 0.0)


def relu_derivative(x: np.ndarray | float) -> np.ndarray:
    """1 where x > 0, else 0 (TensorFlow also uses 0 at x = 0): no saturation for positive inputs."""
    return (_as_float(x) > 0).astype(float)


LEAKY_RELU_SLOPE = 0.2
"""`negative_slope` of `keras.activations.leaky_relu` (and of ``activation="leaky_relu"``) when not given."""
LEAKY_RELU_LAYER_SLOPE = 0.3
"""`negative_slope` of the layer `keras.layers.LeakyReLU()` when not given — not the same default as the function."""


def _check_slope(negative_slope: float) -> float:
    return check_number("negative_slope", negative_slope, low=0)


def leaky_relu(x: np.ndarray | float, negative_slope: float = LEAKY_RELU_SLOPE) -> np.ndarray:
    """Leaky ReLU: x for x > 0, negative_slope·x otherwise (`keras.activations.leaky_relu`, default 0.2; the layer
    `keras.layers.LeakyReLU()` defaults to 0.3).

    Raises:
        ValueError: `negative_slope` negative or not finite.
    """
    slope = _check_slope(negative_slope)
    x = _as_float(x)
    return np.where(x > 0, x, slope * x)


def leaky_relu_derivative(x: np.ndarray | float, negative_slope: float = LEAKY_RELU_SLOPE) -> np.ndarray:
    """1 where x > 0, else negative_slope (TensorFlow's gradient, also at x = 0): negative inputs still learn."""
    slope = _check_slope(negative_slope)
    return np.where(_as_float(x) > 0, 1.0, slope)


def _check_temperature(temperature: float) -> float:
    return check_number("temperature", temperature, low=0, low_open=True)


def softmax(x: np.ndarray | list[float], axis: int = -1, *, temperature: float = 1.0) -> np.ndarray:
    """Softmax p_i = exp(x_i / T) / Σ_j exp(x_j / T) along `axis`: positive values summing to 1.

    With temperature T = 1 this is `keras.activations.softmax(x, axis)`. A high T flattens the
    probabilities towards uniform, a low T sharpens them towards the arg-max (one-hot).

    Args:
        x: logits, array of any shape (at least 1-D).
        axis: the axis the probabilities sum to 1 along.
        temperature: T > 0.
    Raises:
        ValueError: temperature ≤ 0 or not finite, or a 0-d input.
    """
    temp = _check_temperature(temperature)
    x = _as_float(x)
    if x.ndim == 0:
        raise invalid("x", "at least one logit", x, show=Phrase("a scalar"))
    return scipy.special.softmax(x / temp, axis=axis)


def softmax_jacobian(x: np.ndarray | list[float], *, temperature: float = 1.0) -> np.ndarray:
    """The derivative of softmax for one vector of logits: J[i, j] = ∂p_i/∂x_j = p_i (δ_ij − p_j) / T.

    Args:
        x: logits of shape (n,).
    Returns:
        Array of shape (n, n); each row sums to 0 (the probabilities always sum to 1).
    """
    p = softmax(x, temperature=temperature)
    if p.ndim != 1:
        raise invalid("x", "a 1-D vector", x, show=f"shape={p.shape}")
    return (np.diag(p) - np.outer(p, p)) / temperature


@dataclass(frozen=True)
class Activation:
    """One row of the option table: the Keras name, the function and its derivative."""

    name: str  # the Keras name: Dense(..., activation=name)
    function: Callable[..., np.ndarray]
    derivative: Callable[..., np.ndarray]
    output_range: tuple[float, float]  # (low, high) of the function's values
    formula: str  # LaTeX of f(x)
    derivative_formula: str  # LaTeX of f'(x)


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid",
        sigmoid,
        sigmoid_derivative,
        (0.0, 1.0),
        r"\sigma(x)=\frac{1}{1+e^{-x}}",
        r"\sigma'(x)=\sigma(x)\,(1-\sigma(x))",
    ),
    "tanh": Activation(
        "tanh", tanh, tanh_derivative, (-1.0, 1.0), r"\tanh(x)=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}", r"1-\tanh^2(x)"
    ),
    "relu": Activation(
        "relu", relu, relu_derivative, (0.0, np.inf), r"\max(0,\,x)", r"1 \text{ if } x>0 \text{ else } 0"
    ),
    "leaky_relu": Activation(
        "leaky_relu",
        leaky_relu,
        leaky_relu_derivative,
        (-np.inf, np.inf),
        r"x \text{ if } x>0 \text{ else } \alpha x",
        r"1 \text{ if } x>0 \text{ else } \alpha",
    ),
}
"""Element-wise activations for the dropdown (softmax works on a whole vector and has its own section)."""


def get(name: str) -> Activation:
    """The option-table row for a Keras activation name.

    Raises:
        ValueError: unknown name (lists the known ones).
    """
    return ACTIVATIONS[check_choice("activation", name, sorted(ACTIVATIONS))]


def perceptron(
    inputs: np.ndarray | list[float],
    weights: np.ndarray | list[float],
    bias: float,
    activation: str = "sigmoid",
    **activation_kwargs: float,
) -> tuple[float, float]:
    """One neuron: the weighted sum z = Σ_i w_i·x_i + b, then the activation a = f(z).

    Equals `keras.layers.Dense(1, activation=activation)` with kernel `weights` (shape (n, 1)) and bias `b`.

    Args:
        inputs: x, shape (n,).
        weights: w, shape (n,).
        bias: b.
        activation: a key of ACTIVATIONS.
    Returns:
        (z, a) as floats.
    Raises:
        ValueError: shapes differ, unknown activation, non-finite numbers.
    """
    x = _as_float(inputs, "inputs").ravel()
    w = _as_float(weights, "weights").ravel()
    if x.shape != w.shape:
        shown = Phrase("{count} weights", count=w.size)
        raise invalid("weights", "one weight per input ({count})", weights, show=shown, count=x.size)
    z = float(x @ w + float(_as_float(bias, "bias")))
    a = float(get(activation).function(z, **activation_kwargs))
    return z, a


def chain_gradient(
    activation: str, x0: float, depth: int, *, weight: float = 1.0, bias: float = 0.0, **activation_kwargs: float
) -> tuple[np.ndarray, np.ndarray]:
    """Back-propagation through a chain of `depth` one-unit layers a_k = f(w·a_(k−1) + b), a_0 = x0.

    By the chain rule ∂a_n/∂a_0 = Π_k w·f'(z_k): one derivative factor per layer. With the sigmoid each factor is
    at most 0.25·w, so the gradient shrinks geometrically with depth (the vanishing-gradient problem).

    Args:
        activation: a key of ACTIVATIONS.
        x0: the input a_0.
        depth: number of layers n, 1..200.
        weight, bias: w and b, the same in every layer.
    Returns:
        (outputs, gradients), each of shape (depth + 1,): outputs[k] = a_k and gradients[k] = ∂a_k/∂a_0
        (outputs[0] = x0, gradients[0] = 1).
    Raises:
        ValueError: depth outside 1..200, non-finite numbers, unknown activation.
    """
    depth = check_int("depth", depth, low=1, high=200)
    act = get(activation)
    w = float(_as_float(weight, "weight"))
    b = float(_as_float(bias, "bias"))
    outputs = np.empty(depth + 1)
    gradients = np.empty(depth + 1)
    outputs[0], gradients[0] = float(_as_float(x0, "x0")), 1.0
    for k in range(1, depth + 1):  # layer after layer: the chain is sequential by nature
        z = w * outputs[k - 1] + b
        outputs[k] = act.function(z, **activation_kwargs)
        gradients[k] = gradients[k - 1] * w * act.derivative(z, **activation_kwargs)
    return outputs, gradients
