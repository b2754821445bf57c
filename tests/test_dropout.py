"""playground.dropout: the inverted-dropout law, and keras.layers.Dropout obeying the same law."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.dropout import dropout, dropout_mean, keep_scale

RATES = [0.0, 0.1, 0.3, 0.5, 0.9]


@settings(max_examples=40, deadline=None)
@given(rate=st.floats(0.0, 0.99), seed=st.integers(0, 2**31), shape=st.sampled_from([(7,), (5, 6), (4, 4, 3)]))
def test_kept_scaled_dropped_zero(rate, seed, shape):
    """Kept values are x / (1 − rate) exactly, dropped ones are 0, and the mask is boolean."""
    x = np.random.default_rng(seed).normal(size=shape)
    y, mask = dropout(x, rate, seed=seed)
    assert mask.dtype == bool and mask.shape == x.shape == y.shape
    np.testing.assert_array_equal(y[mask], x[mask] / (1 - rate))
    assert np.all(y[~mask] == 0)


@pytest.mark.parametrize("rate", RATES)
def test_fraction_kept_is_one_minus_rate(rate):
    """Over a large array the fraction of kept units is 1 − rate (within 4 standard errors)."""
    n = 200_000
    _, mask = dropout(np.ones(n), rate, seed=1)
    assert abs(mask.mean() - (1 - rate)) <= 4 * np.sqrt(rate * (1 - rate) / n) + 1e-12


def test_same_seed_same_mask_and_different_seed_differs():
    """The same seed reproduces the mask; another seed gives another one."""
    x = np.ones((20, 20))
    assert np.array_equal(dropout(x, 0.5, seed=3)[1], dropout(x, 0.5, seed=3)[1])
    assert not np.array_equal(dropout(x, 0.5, seed=3)[1], dropout(x, 0.5, seed=4)[1])


@pytest.mark.parametrize("rate", RATES)
def test_inference_is_identity(rate):
    """training=False returns x unchanged with an all-True mask."""
    x = np.arange(12.0).reshape(3, 4)
    y, mask = dropout(x, rate, seed=0, training=False)
    np.testing.assert_array_equal(y, x)
    assert mask.all()


def test_input_not_modified():
    """dropout never modifies its input."""
    x = np.linspace(-1, 1, 50)
    before = x.copy()
    dropout(x, 0.5, seed=0)
    dropout_mean(x, 0.5, samples=10, seed=0)
    assert np.array_equal(x, before)


@pytest.mark.parametrize("rate", [0.2, 0.5, 0.8])
def test_expected_value_is_the_input(rate):
    """The mean of many dropout outputs approaches x (E[y] = x) — the point of the 1/(1 − rate) scaling."""
    x = np.linspace(0.5, 2.0, 16)
    samples = 4000
    mean = dropout_mean(x, rate, samples=samples, seed=0)
    stderr = x * np.sqrt(rate / (1 - rate) / samples)  # std of x·Bernoulli(1−rate)/(1−rate), over √samples
    assert np.all(np.abs(mean - x) <= 5 * stderr)


def test_dropout_mean_equals_mean_of_dropout_outputs():
    """dropout_mean is the average of independent dropout outputs (by the formula x · kept fraction / (1 − rate))."""
    x = np.array([1.0, -2.0, 3.0])
    mean = dropout_mean(x, 0.5, samples=1, seed=5)
    assert set(np.round(mean / x, 12)) <= {0.0, 2.0}


@pytest.mark.parametrize("rate", [0.1, 0.3, 0.5, 0.75])
def test_keras_dropout_obeys_the_same_law(rate):
    """keras.layers.Dropout (training) scales kept values by 1/(1 − rate), zeroes the rest; identity at inference."""
    import keras

    x = np.random.default_rng(0).uniform(0.5, 2.0, size=(1, 50_000)).astype("float32")
    layer = keras.layers.Dropout(rate, seed=7)
    y = np.asarray(layer(x, training=True))
    kept = y != 0
    np.testing.assert_allclose(y[kept], x[kept] * np.float32(keep_scale(rate)), rtol=1e-6)
    assert abs(kept.mean() - (1 - rate)) < 0.01
    np.testing.assert_array_equal(np.asarray(layer(x, training=False)), x)
    ours, _ = dropout(x, rate, seed=7)
    np.testing.assert_allclose(ours[ours != 0], x[ours != 0] / (1 - rate), rtol=1e-6)


def test_keep_scale_formula():
    """keep_scale(rate) = 1 / (1 − rate)."""
    for rate in RATES:
        assert keep_scale(rate) == pytest.approx(1 / (1 - rate))


@pytest.mark.parametrize("rate", [1.0, -0.1, 1.5, float("nan"), "0.5", True])
def test_invalid_rate(rate):
    """rate outside [0, 1) raises ValueError naming `rate` (1.0 would drop everything)."""
    with pytest.raises(ValueError, match="`rate`"):
        dropout(np.ones(3), rate)


@pytest.mark.parametrize("samples", [0, -1, 10_001, 2.5])
def test_invalid_samples(samples):
    """samples outside 1..10000 raises ValueError naming `samples`."""
    with pytest.raises(ValueError, match="`samples`"):
        dropout_mean(np.ones(3), 0.5, samples=samples)


def test_non_finite_input_raises():
    """NaN in x raises ValueError naming `x`."""
    with pytest.raises(ValueError, match="`x`"):
        dropout(np.array([1.0, np.nan]), 0.5)


def test_example_inputs_shapes_and_ranges():
    """The page's example layer and feature map have the asked shape and non-negative values (like ReLU outputs)."""
    from playground.dropout import example_feature_map, example_units

    units = example_units(24)
    assert units.shape == (24,) and np.all((units >= 0.2) & (units <= 1.0))
    fmap = example_feature_map(12)
    assert fmap.shape == (12, 12) and fmap.min() >= 0 and fmap.max() == 1.0
    for call in (lambda: example_units(0), lambda: example_feature_map(3)):
        with pytest.raises(ValueError, match="Invalid value"):
            call()


@pytest.mark.parametrize(("rate", "seed", "shape"), [(0.5, 42, (24,)), (0.3, 7, (12, 12)), (0.8, 0, (5, 4, 3))])
def test_keras_dropout_is_what_the_keras_line_returns(rate, seed, shape):
    """keras_dropout gives the output of `keras.layers.Dropout(rate, seed=seed)(x, training=True)`, and a mask
    whose kept units are exactly the non-zero outputs (x has no zeros here)."""
    import keras

    from playground.dropout import keras_dropout

    x = np.random.default_rng(1).uniform(0.1, 1.0, shape)
    y, mask = keras_dropout(x, rate, seed=seed)
    expected = np.asarray(keras.layers.Dropout(rate, seed=seed)(x.astype("float32"), training=True))
    np.testing.assert_array_equal(y, expected)
    np.testing.assert_array_equal(mask, expected != 0)
    np.testing.assert_allclose(y[mask], x[mask] / (1 - rate), rtol=1e-6)


def test_numpy_mask_is_not_keras_mask_for_the_pages_default():
    """The NumPy mask and Keras's for Dropout(0.5, seed=42) on 24 units differ (why the page says so)."""
    from playground.dropout import keras_dropout

    x = np.ones(24)
    assert not np.array_equal(dropout(x, 0.5, seed=42)[1], keras_dropout(x, 0.5, seed=42)[1])
