"""playground.minibatch against Keras: batch gradients from tf.GradientTape, steps from keras.optimizers.SGD, whole
epochs from model.fit(batch_size=..., shuffle=False)."""

from __future__ import annotations

import numpy as np
import pytest

from playground.minibatch import (
    batch_gradient,
    batch_order,
    least_squares,
    loss_grid,
    make_samples,
    minibatch_sgd,
    steps_per_epoch,
)
from playground.optimizers import optimize

START = (-1.0, 2.0)


def _dense_model(start, learning_rate):
    """keras.Sequential([Input((1,)), Dense(1)]) with kernel w and bias b = start, compiled with SGD and MSE."""
    import keras

    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.layers[0].set_weights([np.array([[start[0]]], "float32"), np.array([start[1]], "float32")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mean_squared_error")
    return model


def _params(model) -> np.ndarray:
    kernel, bias = model.layers[0].get_weights()
    return np.array([kernel[0, 0], bias[0]], float)


def test_full_batch_is_plain_gradient_descent():
    """batch_size=N: every step uses the full-data gradient, so the path is gradient descent's on the full loss."""
    x, y = make_samples(64, seed=3)
    trace = minibatch_sgd(x, y, START, batch_size=x.size, learning_rate=0.1, steps=40, seed=9)
    plain = optimize(lambda p: batch_gradient(p, x, y), START, optimizer="sgd", learning_rate=0.1, steps=40)
    np.testing.assert_allclose(trace.path, plain, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(trace.noise, 0, atol=1e-12)
    assert trace.epochs == 40


def test_full_batch_equals_keras_fit():
    """batch_size=N for 30 epochs = model.fit(x, y, batch_size=N, epochs=30) of a Dense(1) with MSE and SGD."""
    x, y = make_samples(50, seed=1)
    model = _dense_model(START, 0.1)
    model.fit(x[:, None], y[:, None], batch_size=x.size, epochs=30, shuffle=False, verbose=0)
    trace = minibatch_sgd(x, y, START, batch_size=x.size, learning_rate=0.1, steps=30)
    np.testing.assert_allclose(trace.path[-1], _params(model), rtol=1e-4, atol=1e-5)


def test_one_minibatch_step_equals_keras_sgd_on_tape_gradient():
    """One step = keras.optimizers.SGD applied to tf.GradientTape's gradient of that batch's mean squared error."""
    import keras
    import tensorflow as tf

    x, y = make_samples(100, seed=2)
    trace = minibatch_sgd(x, y, START, batch_size=32, learning_rate=0.05, steps=5, seed=4)
    for t in range(5):
        idx = trace.batches[t]
        w = tf.Variable(trace.path[t], dtype=tf.float64)
        with tf.GradientTape() as tape:
            pred = w[0] * tf.constant(x[idx]) + w[1]
            loss = keras.losses.MeanSquaredError()(tf.constant(y[idx])[:, None], pred[:, None])
        grad = tape.gradient(loss, w)
        np.testing.assert_allclose(trace.gradients[t], grad.numpy(), rtol=1e-6, atol=1e-7)  # the loss runs in float32
        var = keras.Variable(trace.path[t].astype("float32"))
        keras.optimizers.SGD(learning_rate=0.05).apply_gradients([(grad.numpy().astype("float32"), var)])
        np.testing.assert_allclose(trace.path[t + 1], np.asarray(var), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("batch_size", [1, 32])
def test_one_epoch_equals_keras_fit_without_shuffling(batch_size):
    """shuffle=False: one epoch of batches (the last holding the remainder, 100 = 3·32 + 4) = model.fit's epoch."""
    x, y = make_samples(100, seed=5)
    model = _dense_model(START, 0.02)
    model.fit(x[:, None], y[:, None], batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    steps = steps_per_epoch(100, batch_size)
    trace = minibatch_sgd(x, y, START, batch_size=batch_size, learning_rate=0.02, steps=steps, shuffle=False)
    assert [len(b) for b in trace.batches][-1] == 100 - (steps - 1) * batch_size
    np.testing.assert_allclose(trace.path[-1], _params(model), rtol=1e-4, atol=1e-5)


def test_batches_cover_every_sample_once_per_epoch_and_seed_repeats():
    """Each epoch's batches are a permutation of the samples; the same seed gives the same batches."""
    batches = batch_order(70, 16, 10, seed=7)
    per_epoch = steps_per_epoch(70, 16)
    first = np.concatenate(batches[:per_epoch])
    assert sorted(first) == list(range(70))
    assert [len(b) for b in batches[:per_epoch]] == [16, 16, 16, 16, 6]
    again = batch_order(70, 16, 10, seed=7)
    assert all(np.array_equal(a, b) for a, b in zip(batches, again, strict=True))


def test_smaller_batches_are_noisier():
    """The batch gradient's deviation from the full gradient shrinks as the batch grows (≈ 1/√batch_size)."""
    x, y = make_samples(256, seed=0)
    noise = {b: minibatch_sgd(x, y, START, batch_size=b, learning_rate=0.05, steps=200).noise.mean() for b in (1, 32)}
    assert noise[1] > 3 * noise[32]


def test_least_squares_and_grid_match_numpy():
    """The minimum is numpy.polyfit's line; the grid holds the full-data mean squared error."""
    x, y = make_samples(80, seed=6)
    np.testing.assert_allclose(least_squares(x, y), np.polyfit(x, y, 1), rtol=1e-10)
    ws, bs, z = loss_grid(x, y, (-1, 3), (-2, 2), n=9)
    np.testing.assert_allclose(z[4, 2], np.mean((ws[2] * x + bs[4] - y) ** 2), rtol=1e-10)


def test_errors_name_the_argument():
    """batch_size outside 1..N and mismatched x, y are ValueErrors naming the argument."""
    x, y = make_samples(10)
    with pytest.raises(ValueError, match="batch_size"):
        minibatch_sgd(x, y, START, batch_size=11)
    with pytest.raises(ValueError, match="x, y"):
        minibatch_sgd(x, y[:5], START)
