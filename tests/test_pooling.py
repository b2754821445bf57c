"""playground.pooling against the real keras.layers.MaxPooling2D / AveragePooling2D."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.pooling import compare_shifted, explain_pool2d_cell, max_pool_winners, pool2d, pool2d_steps, shift


@pytest.fixture(scope="module")
def keras():
    import keras

    return keras


def keras_pool(keras, x, mode, pool_size, strides, padding):
    """The real Keras pooling layer applied to one (H, W, C) input."""
    cls = keras.layers.MaxPooling2D if mode == "max" else keras.layers.AveragePooling2D
    layer = cls(pool_size=pool_size, strides=strides, padding=padding)
    return np.asarray(layer(x[None].astype("float32")))[0]


POOL_SIZES = [1, 2, 3, (2, 3), (3, 1)]
STRIDES = [None, 1, 2, (2, 1), 3]


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("padding", ["valid", "same"])
def test_pool2d_equals_keras_over_a_grid(keras, mode, padding):
    """pool2d equals Keras Max/AveragePooling2D for pool sizes 1–3 and rectangular, strides None/1–3/(2,1),
    on odd and even input sizes (incl. "same" average pooling dividing by the real cells only), with 1, 2, 3 and 8
    channels (2–7 are pooled channel-first, the others as they lie: both ways are checked)."""
    rng = np.random.default_rng(7)
    for (pool_size, strides), shape in itertools.product(
        itertools.product(POOL_SIZES, STRIDES), [(7, 6, 2), (5, 9, 1), (6, 7, 3), (4, 5, 8)]
    ):
        x = rng.normal(size=shape)
        expected = keras_pool(keras, x, mode, pool_size, strides, padding)
        got = pool2d(x, pool_size, strides=strides, padding=padding, mode=mode)
        assert got.shape == expected.shape, (pool_size, strides, shape)
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@settings(max_examples=25, deadline=None)
@given(
    h=st.integers(1, 9),
    w=st.integers(1, 9),
    ph=st.integers(1, 4),
    pw=st.integers(1, 4),
    sh=st.integers(1, 3),
    sw=st.integers(1, 3),
    mode=st.sampled_from(["max", "average"]),
    seed=st.integers(0, 999),
)
def test_pool2d_random_cases_equal_keras(keras, h, w, ph, pw, sh, sw, mode, seed):
    """Random shapes and windows with "same" padding (always defined): pool2d equals Keras."""
    x = np.random.default_rng(seed).normal(size=(h, w, 1))
    expected = keras_pool(keras, x, mode, (ph, pw), (sh, sw), "same")
    got = pool2d(x, (ph, pw), strides=(sh, sw), padding="same", mode=mode)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("n", range(2, 10))
@pytest.mark.parametrize("p", [2, 3])
def test_output_shape_follows_the_formula(n, p):
    """Output size is floor((n − p)/s) + 1 for valid and ceil(n/s) for same (Keras's docstring)."""
    x = np.zeros((n, n))
    for s in (1, 2, 3):
        if p <= n:
            assert pool2d(x, p, strides=s).shape == ((n - p) // s + 1,) * 2
        assert pool2d(x, p, strides=s, padding="same").shape == (math.ceil(n / s),) * 2


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(2, 8),
    w=st.integers(2, 8),
    p=st.sampled_from([2, 3, (2, 3)]),
    strides=st.sampled_from([None, 1, 2]),
    padding=st.sampled_from(["valid", "same"]),
    mode=st.sampled_from(["max", "average"]),
    data=st.data(),
)
def test_explained_cell_and_winners_match_pool2d(h, w, p, strides, padding, mode, data):
    """The explained window's value equals pool2d's cell; the max winner is inside the window and holds the max."""
    ph, pw = (p, p) if isinstance(p, int) else p
    if padding == "valid" and (ph > h or pw > w):
        return
    x = np.random.default_rng(data.draw(st.integers(0, 999))).integers(0, 5, size=(h, w, 2)).astype(float)
    out = pool2d(x, p, strides=strides, padding=padding, mode=mode)
    i = data.draw(st.integers(0, out.shape[0] - 1))
    j = data.draw(st.integers(0, out.shape[1] - 1))
    c = data.draw(st.integers(0, 1))
    cell = explain_pool2d_cell(x, i, j, pool_size=p, strides=strides, padding=padding, mode=mode, channel=c)
    assert cell.value == pytest.approx(out[i, j, c])
    assert cell.count == cell.valid.sum()
    inside = [(r, q) for r in cell.rows for q in cell.cols if 0 <= r < h and 0 <= q < w]
    assert cell.count == len(inside)
    if mode == "max":
        r, q = cell.winner
        assert (r, q) in inside and x[r, q, c] == out[i, j, c]
        rows, cols = max_pool_winners(x, p, strides=strides, padding=padding)
        assert (rows[i, j, c], cols[i, j, c]) == (r, q)
    else:
        assert cell.winner is None
        assert cell.value == pytest.approx(np.mean([x[r, q, c] for r, q in inside]))


def test_ties_go_to_the_first_cell_in_reading_order():
    """When a window holds the max twice, the winner is the first in reading order."""
    x = np.array([[1.0, 5.0], [5.0, 0.0]])
    rows, cols = max_pool_winners(x, 2)
    assert (rows[0, 0], cols[0, 0]) == (0, 1)
    assert explain_pool2d_cell(x, 0, 0).winner == (0, 1)


def test_two_dimensional_input_keeps_two_dimensions():
    """A 2-D feature map gives a 2-D pooled map; inputs are not modified."""
    x = np.arange(16.0).reshape(4, 4)
    np.testing.assert_array_equal(pool2d(x), [[5, 7], [13, 15]])
    np.testing.assert_array_equal(pool2d(x, mode="average"), [[2.5, 4.5], [10.5, 12.5]])
    np.testing.assert_array_equal(x, np.arange(16.0).reshape(4, 4))


def test_shift_moves_and_fills_with_zeros():
    """shift moves the content by whole cells and brings in zeros."""
    x = np.arange(1.0, 10.0).reshape(3, 3)
    np.testing.assert_array_equal(shift(x, 0, 1), [[0, 1, 2], [0, 4, 5], [0, 7, 8]])
    np.testing.assert_array_equal(shift(x, -1, 0), [[4, 5, 6], [7, 8, 9], [0, 0, 0]])
    with pytest.raises(ValueError, match="`cols`"):
        shift(x, 0, 3)


def test_max_pooling_absorbs_a_one_cell_shift_inside_the_window():
    """A lone bright cell moved by one cell within its 2×2 window leaves the max-pooled output unchanged."""
    x = np.zeros((6, 6))
    x[2, 2] = 9.0
    result = compare_shifted(x, rows=0, cols=1, pool_size=2)
    assert result.pooled_changed == 0.0
    assert result.input_changed == pytest.approx(2 / 36)
    np.testing.assert_array_equal(result.pooled, result.pooled_shifted)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: pool2d(np.ones((4, 4)), 0), "pool_size"),
        (lambda: pool2d(np.ones((4, 4)), (2, -1)), "pool_size"),
        (lambda: pool2d(np.ones((4, 4)), 2, strides=0), "strides"),
        (lambda: pool2d(np.ones((2, 2)), 3), "pool_size"),
        (lambda: pool2d(np.ones((4, 4)), 2, padding="full"), "padding"),
        (lambda: pool2d(np.ones((4, 4)), 2, mode="min"), "mode"),
        (lambda: pool2d(np.ones(4), 2), "x"),
        (lambda: pool2d(np.full((4, 4), np.nan), 2), "x"),
        (lambda: explain_pool2d_cell(np.ones((4, 4)), 2, 0), "row"),
        (lambda: explain_pool2d_cell(np.ones((4, 4)), 0, 0, channel=1), "channel"),
    ],
)
def test_invalid_parameters_raise_value_error_naming_the_argument(call, argument):
    """Invalid parameters raise ValueError whose message names the argument and what was received."""
    with pytest.raises(ValueError, match=f"`{argument}`") as info:
        call()
    assert "Expected" in str(info.value) and "Received" in str(info.value)


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize(("pool_size", "strides", "padding"), [(2, None, "valid"), (3, 2, "same"), ((2, 3), 1, "same")])
def test_pool2d_steps_walk_every_cell_and_equal_keras(keras, mode, pool_size, strides, padding):
    """pool2d_steps gives one window per output position in reading order, each value equal to Keras's pooling."""
    x = np.random.default_rng(5).normal(size=(7, 6, 1))
    expected = keras_pool(keras, x, mode, pool_size, strides, padding)[:, :, 0]
    steps = pool2d_steps(x[:, :, 0], pool_size=pool_size, strides=strides, padding=padding, mode=mode)
    assert [(s.row, s.col) for s in steps] == list(np.ndindex(expected.shape))
    np.testing.assert_allclose([s.value for s in steps], expected.ravel(), rtol=1e-5, atol=1e-5)


def test_pool2d_steps_refuse_too_many_cells():
    """More output cells than max_cells is a ValueError naming max_cells."""
    with pytest.raises(ValueError, match="max_cells"):
        pool2d_steps(np.zeros((8, 8)), pool_size=1, max_cells=63)


def test_pool_cell_expression_writes_the_real_cells_only():
    """A cell's expression lists the window's real cells (padding left out) and ends with its value."""
    x = np.arange(9.0).reshape(3, 3)
    corner = explain_pool2d_cell(x, 1, 1, pool_size=2, padding="same", mode="average")  # window over row/col 2 only
    assert corner.expression() == "(8) / 1 = 8"
    first = explain_pool2d_cell(x, 0, 0, pool_size=2, mode="max")
    assert first.expression() == f"max(0, 1, 3, 4) = {pool2d(x, 2)[0, 0]:.4g}"
