"""playground.activations against keras.activations, and the derivatives against tf.GradientTape."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from playground import activations as A

RNG = np.random.default_rng(0)
# A grid through the interesting places (0, saturation) plus random values, and x = 0 exactly.
X = np.concatenate([np.linspace(-12, 12, 97), RNG.normal(scale=4, size=200), [0.0, -0.0, 1e-9, -1e-9]])
SLOPES = [0.0, 0.01, 0.2, 0.5, 1.5]


def keras_fn(name, **kwargs):
    import keras

    fn = getattr(keras.activations, name)
    return lambda x: fn(x, **kwargs)


def keras_value_and_grad(name, x, **kwargs):
    """keras.activations.<name>(x) and its element-wise derivative from tf.GradientTape, in float64."""
    import tensorflow as tf

    var = tf.Variable(np.asarray(x, dtype=np.float64))
    with tf.GradientTape() as tape:
        y = keras_fn(name, **kwargs)(var)
    return np.asarray(y), np.asarray(tape.gradient(y, var))


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_function_and_derivative_equal_keras(name):
    """f(x) equals keras.activations.<name> and f'(x) equals its GradientTape gradient (x = 0 included)."""
    y, dy = keras_value_and_grad(name, X)
    act = A.ACTIVATIONS[name]
    np.testing.assert_allclose(act.function(X), y, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(act.derivative(X), dy, rtol=1e-9, atol=1e-15)


@pytest.mark.parametrize("slope", SLOPES)
def test_leaky_relu_equals_keras(slope):
    """leaky_relu(x, negative_slope) and its derivative equal Keras's for several slopes.

    TensorFlow stores the slope as a float32 attribute (0.2 → 0.2000000029...), hence rtol 1e-7.
    """
    y, dy = keras_value_and_grad("leaky_relu", X, negative_slope=slope)
    np.testing.assert_allclose(A.leaky_relu(X, negative_slope=slope), y, rtol=1e-7, atol=1e-15)
    np.testing.assert_allclose(A.leaky_relu_derivative(X, negative_slope=slope), dy, rtol=1e-7, atol=1e-15)
    np.testing.assert_array_equal(A.leaky_relu(X[X > 0], negative_slope=slope), y[X > 0])


def test_leaky_relu_default_slope_is_keras_default():
    """The default negative_slope is Keras's (0.2)."""
    import keras

    np.testing.assert_allclose(A.leaky_relu(X), np.asarray(keras.activations.leaky_relu(X)))


def test_both_leaky_relu_defaults_are_keras_and_the_help_says_both():
    """keras.activations.leaky_relu defaults to LEAKY_RELU_SLOPE, keras.layers.LeakyReLU() to LEAKY_RELU_LAYER_SLOPE,
    and the slope's help on the page states both numbers, in both languages."""
    import keras

    from ui.texts import TEXTS

    x = np.array([-1.0, 2.0], dtype="float32")
    assert float(keras.activations.leaky_relu(x)[0]) == pytest.approx(-A.LEAKY_RELU_SLOPE)
    assert float(keras.layers.LeakyReLU()(x)[0]) == pytest.approx(-A.LEAKY_RELU_LAYER_SLOPE)
    assert A.LEAKY_RELU_SLOPE != A.LEAKY_RELU_LAYER_SLOPE
    for lang in ("en", "ko"):
        template = TEXTS["activations.slope_help"][lang]
        assert "{function}" in template and "{layer}" in template
        assert "keras.activations.leaky_relu" in template and "keras.layers.LeakyReLU()" in template


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_equals_keras(axis):
    """softmax(x, axis) equals keras.activations.softmax on a 3-D array, along each axis."""
    import keras

    x = RNG.normal(scale=5, size=(3, 4, 5))
    np.testing.assert_allclose(A.softmax(x, axis=axis), np.asarray(keras.activations.softmax(x, axis=axis)), rtol=1e-6)


@pytest.mark.parametrize("temperature", [0.1, 0.5, 1.0, 3.0])
def test_softmax_temperature_and_jacobian(temperature):
    """softmax with temperature T is Keras's softmax of x/T; its Jacobian equals tf.GradientTape's jacobian."""
    import keras
    import tensorflow as tf

    x = RNG.normal(scale=2, size=6)
    np.testing.assert_allclose(
        A.softmax(x, temperature=temperature), np.asarray(keras.activations.softmax(x / temperature)), rtol=1e-6
    )
    var = tf.Variable(x)
    with tf.GradientTape() as tape:
        p = keras.activations.softmax(var / temperature)
    jac = np.asarray(tape.jacobian(p, var))
    np.testing.assert_allclose(A.softmax_jacobian(x, temperature=temperature), jac, rtol=1e-6, atol=1e-12)


def test_temperature_limits():
    """A tiny temperature gives (almost) one-hot at the arg-max; a huge one gives (almost) uniform."""
    x = np.array([1.0, 3.0, 2.0])
    np.testing.assert_allclose(A.softmax(x, temperature=1e-3), [0, 1, 0], atol=1e-12)
    np.testing.assert_allclose(A.softmax(x, temperature=1e6), np.full(3, 1 / 3), atol=1e-5)


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.integers(1, 12), elements=st.floats(-50, 50)), st.floats(-100, 100))
def test_softmax_sums_to_one_and_is_shift_invariant(x, shift):
    """Softmax is a probability vector, unchanged when the same number is added to every logit."""
    p = A.softmax(x)
    assert np.all(p >= 0) and np.isclose(p.sum(), 1.0)
    np.testing.assert_allclose(A.softmax(x + shift), p, rtol=1e-9, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=st.floats(-40, 40)))
def test_derivative_bounds(x):
    """σ' ≤ 1/4 and tanh' ≤ 1 everywhere, with equality at 0; both are positive."""
    assert np.all((A.sigmoid_derivative(x) <= 0.25) & (A.sigmoid_derivative(x) >= 0))
    assert np.all((A.tanh_derivative(x) <= 1) & (A.tanh_derivative(x) >= 0))
    assert A.sigmoid_derivative(0.0) == 0.25 and A.tanh_derivative(0.0) == 1.0


def test_derivatives_match_finite_differences():
    """Each derivative agrees with a central finite difference away from the ReLU kink."""
    x = np.linspace(-6, 6, 61) + 0.05
    h = 1e-6
    for act in A.ACTIVATIONS.values():
        numeric = (act.function(x + h) - act.function(x - h)) / (2 * h)
        np.testing.assert_allclose(act.derivative(x), numeric, rtol=1e-6, atol=1e-8, err_msg=act.name)


@pytest.mark.parametrize("activation", list(A.ACTIVATIONS))
def test_perceptron_equals_keras_dense(activation):
    """perceptron(x, w, b) equals keras.layers.Dense(1, activation) with kernel w and bias b."""
    import keras

    x, w, b = np.array([0.7, -1.3, 2.0]), np.array([1.5, 0.4, -0.8]), 0.3
    layer = keras.layers.Dense(1, activation=activation, dtype="float64")
    layer.build((None, 3))
    layer.set_weights([w.reshape(3, 1), np.array([b])])
    z, a = A.perceptron(x, w, b, activation)
    assert z == pytest.approx(float(x @ w + b))
    assert a == pytest.approx(float(np.asarray(layer(x[None]))[0, 0]), rel=1e-7)  # float32 leaky slope in TF


@pytest.mark.parametrize("activation,weight,depth", [("sigmoid", 1.0, 10), ("tanh", 1.5, 8), ("relu", 0.9, 6)])
def test_chain_gradient_equals_gradient_tape(activation, weight, depth):
    """The chain rule product through n layers equals tf.GradientTape through the same Keras chain."""
    import keras
    import tensorflow as tf

    outputs, grads = A.chain_gradient(activation, 0.5, depth, weight=weight, bias=0.1)
    x0 = tf.Variable(0.5, dtype=tf.float64)
    with tf.GradientTape(persistent=True) as tape:
        values = [x0]
        for _ in range(depth):
            values.append(getattr(keras.activations, activation)(weight * values[-1] + 0.1))
    np.testing.assert_allclose(outputs, [float(v) for v in values], rtol=1e-12)
    expected = [1.0] + [float(tape.gradient(v, x0)) for v in values[1:]]
    np.testing.assert_allclose(grads, expected, rtol=1e-10)


def test_sigmoid_gradient_vanishes_geometrically():
    """Through n sigmoid layers with w = 1 the gradient is at most 0.25ⁿ."""
    _, grads = A.chain_gradient("sigmoid", 0.0, 20)
    assert np.all(grads[1:] <= 0.25 ** np.arange(1, 21) + 1e-18)
    assert grads[1] == 0.25


def test_inputs_not_modified():
    """No activation function modifies its input array."""
    x = X.copy()
    for act in A.ACTIVATIONS.values():
        act.function(x)
        act.derivative(x)
    A.softmax(x)
    assert np.array_equal(x, X)


@pytest.mark.parametrize(
    "call,argument",
    [
        (lambda: A.leaky_relu(X, negative_slope=-0.1), "negative_slope"),
        (lambda: A.softmax([1.0, 2.0], temperature=0.0), "temperature"),
        (lambda: A.softmax(3.0), "x"),
        (lambda: A.get("swishy"), "activation"),
        (lambda: A.chain_gradient("sigmoid", 0.0, 0), "depth"),
        (lambda: A.perceptron([1.0, 2.0], [1.0], 0.0), "weights"),
        (lambda: A.sigmoid([np.nan]), "x"),
    ],
)
def test_invalid_arguments(call, argument):
    """Bad arguments raise ValueError naming the argument."""
    with pytest.raises(ValueError, match=f"`{argument}`"):
        call()
