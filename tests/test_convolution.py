"""playground.convolution against scipy.signal and the real keras.layers.Conv2D."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from playground.convolution import (
    GRIDS,
    MODES,
    channel_contributions,
    conv1d,
    conv1d_steps,
    conv2d,
    conv2d_steps,
    correlate2d_vs_convolve2d,
    explain_conv2d_cell,
    output_size,
    output_size_formula,
    padding_amounts,
    parse_numbers,
)

finite = st.floats(-10, 10, allow_nan=False, allow_infinity=False)


# ---------------------------------------------------------------------------------------------------------------- 1-D


def test_course_notes_example():
    """The notes' figures: [1,2,3,4] convolved with [1,2] is [1,4,7,10,8]; correlated, [2,5,8,11,4]."""
    x, k = np.arange(1, 5), np.array([1, 2])
    np.testing.assert_array_equal(conv1d(x, k), [1, 4, 7, 10, 8])
    np.testing.assert_array_equal(conv1d(x, k, flip=False), [2, 5, 8, 11, 4])
    np.testing.assert_array_equal(conv1d(x, k), scipy.signal.convolve(x, k))
    np.testing.assert_array_equal(conv1d(x, k, flip=False), scipy.signal.correlate(x, k))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("flip", [True, False])
def test_conv1d_equals_scipy_over_all_lengths(mode, flip):
    """conv1d equals scipy.signal.convolve (flip) / correlate (no flip) for every length pair up to 9."""
    rng = np.random.default_rng(1)
    reference = scipy.signal.convolve if flip else scipy.signal.correlate
    for n, m in itertools.product(range(1, 10), repeat=2):
        if mode == "valid" and m > n:
            continue
        x, k = rng.normal(size=n), rng.normal(size=m)
        expected = reference(x, k, mode=mode, method="direct")
        np.testing.assert_allclose(conv1d(x, k, mode, flip), expected, atol=1e-12, err_msg=f"n={n} m={m}")


@settings(max_examples=60, deadline=None)
@given(
    x=arrays(float, st.integers(1, 20), elements=finite),
    k=arrays(float, st.integers(1, 8), elements=finite),
    mode=st.sampled_from(MODES),
    flip=st.booleans(),
)
def test_conv1d_steps_sum_to_the_output(x, k, mode, flip):
    """Each step's products sum to the output value, and the steps equal scipy's result."""
    if mode == "valid" and k.size > x.size:
        return
    steps = conv1d_steps(x, k, mode, flip)
    reference = (scipy.signal.convolve if flip else scipy.signal.correlate)(x, k, mode=mode, method="direct")
    assert len(steps) == reference.size
    np.testing.assert_allclose([s.value for s in steps], reference, atol=1e-9)
    for s in steps:
        np.testing.assert_allclose(s.products, s.window * s.weights)
        np.testing.assert_allclose(s.weights, k[::-1] if flip else k)
        inside = (s.input_indices >= 0) & (s.input_indices < x.size)
        np.testing.assert_array_equal(s.window[inside], x[s.input_indices[inside]])
        assert np.all(s.window[~inside] == 0)
        np.testing.assert_array_equal(s.padded[s.input_indices + s.pad[0]], s.window)


def test_conv1d_steps_slide_one_position_at_a_time():
    """Consecutive steps move the kernel by exactly one input index; full mode starts m−1 cells off the signal."""
    steps = conv1d_steps([1, 2, 3, 4], [1, 2, 3], "full")
    assert steps[0].input_indices.tolist() == [-2, -1, 0]
    assert steps[0].pad == (2, 2) and steps[0].padded.size == 8
    for a, b in itertools.pairwise(steps):
        np.testing.assert_array_equal(b.input_indices, a.input_indices + 1)


def test_conv1d_does_not_modify_inputs():
    """Inputs are left untouched."""
    x, k = np.array([1.0, 2.0, 3.0]), np.array([1.0, -1.0])
    conv1d(x, k)
    conv1d_steps(x, k)
    np.testing.assert_array_equal(x, [1, 2, 3])
    np.testing.assert_array_equal(k, [1, -1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1, 2, 3", [1, 2, 3]), ("1 2 -3.5", [1, 2, -3.5]), (" 4;5 ", [4, 5]), ("1e1,", [10])],
)
def test_parse_numbers_reads_lists(text, expected):
    """Commas, spaces and semicolons separate numbers."""
    np.testing.assert_array_equal(parse_numbers(text), expected)


@pytest.mark.parametrize("text", ["", "  ", "1, two, 3", "1,,nan", "inf", "1;x", ",".join(["1"] * 65)])
def test_parse_numbers_rejects_junk(text):
    """Junk raises ValueError naming the argument."""
    with pytest.raises(ValueError, match="`kernel`"):
        parse_numbers(text, argument="kernel")


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        (dict(signal=[1, 2], kernel=[1, 2, 3], mode="valid"), "kernel"),
        (dict(signal=[], kernel=[1]), "signal"),
        (dict(signal=[1, 2], kernel=[np.nan]), "kernel"),
        (dict(signal=[1, np.inf], kernel=[1]), "signal"),
        (dict(signal=[[1, 2]], kernel=[1]), "signal"),
        (dict(signal=[1, 2], kernel=[1], mode="circular"), "mode"),
    ],
)
def test_conv1d_invalid(kwargs, argument):
    """Bad 1-D inputs raise ValueError naming the argument."""
    with pytest.raises(ValueError, match=f"`{argument}`"):
        conv1d(**kwargs)
    with pytest.raises(ValueError, match=f"`{argument}`"):
        conv1d_steps(**kwargs)


# ---------------------------------------------------------------------------------------------------------------- 2-D


@pytest.mark.parametrize("shape", [(5, 5), (7, 4), (3, 9)])
@pytest.mark.parametrize("kshape", [(1, 1), (2, 2), (3, 2), (3, 3)])
def test_conv2d_single_channel_valid_equals_correlate2d(shape, kshape):
    """One channel, valid padding: conv2d is scipy.signal.correlate2d, and flipping gives convolve2d."""
    rng = np.random.default_rng(sum(shape) + sum(kshape))
    x, k = rng.normal(size=shape), rng.normal(size=kshape)
    np.testing.assert_allclose(conv2d(x, k), scipy.signal.correlate2d(x, k, mode="valid"), atol=1e-12)
    correlated, convolved = correlate2d_vs_convolve2d(x, k)
    np.testing.assert_allclose(correlated, scipy.signal.correlate2d(x, k, mode="valid"), atol=1e-12)
    np.testing.assert_allclose(convolved, scipy.signal.convolve2d(x, k, mode="valid"), atol=1e-12)


def test_course_notes_5x5_with_2x2_filter_gives_4x4_feature_map():
    """The notes: a 5×5 grayscale input and a 2×2 filter moving one cell at a time give a 4×4 feature map."""
    assert conv2d(np.ones((5, 5)), np.ones((2, 2))).shape == (4, 4)


@pytest.fixture(scope="module")
def keras():
    import keras

    return keras


def keras_conv(keras, x, w, b, strides, padding, dilation):
    """The real keras.layers.Conv2D with weights set to (w, b), applied to one image."""
    layer = keras.layers.Conv2D(
        w.shape[3], w.shape[:2], strides=strides, padding=padding, dilation_rate=dilation, use_bias=True
    )
    layer.build((None, *x.shape))
    layer.set_weights([w.astype("float32"), b.astype("float32")])
    return np.asarray(layer(x[None].astype("float32")))[0]


KERNEL_SIZES = [(1, 1), (2, 2), (3, 3), (5, 5), (2, 3), (4, 1)]
STRIDE_DILATION = [(1, 1), (2, 1), (3, 1), ((1, 2), 1), (1, 2), (1, 3), (1, (2, 1))]


@pytest.mark.parametrize("kernel_size", KERNEL_SIZES)
def test_conv2d_equals_keras_conv2d_over_a_grid(keras, kernel_size):
    """conv2d equals keras.layers.Conv2D (set weights, bias) for strides 1–3, (1,2), dilation 1–3, both paddings,
    1 or 3 channels, 1 or 4 filters, odd and even input sizes."""
    rng = np.random.default_rng(sum(kernel_size))
    cases = 0
    for (strides, dilation), padding, (channels, filters) in itertools.product(
        STRIDE_DILATION, ("valid", "same"), ((1, 1), (3, 4))
    ):
        for shape in ((9, 8), (6, 11)):
            x = rng.normal(size=(*shape, channels))
            w = rng.normal(size=(*kernel_size, channels, filters))
            b = rng.normal(size=filters)
            d = (dilation, dilation) if isinstance(dilation, int) else dilation
            k_eff = [(k - 1) * dd + 1 for k, dd in zip(kernel_size, d, strict=True)]
            if padding == "valid" and (k_eff[0] > shape[0] or k_eff[1] > shape[1]):
                continue
            expected = keras_conv(keras, x, w, b, strides, padding, dilation)
            got = conv2d(x, w, strides=strides, padding=padding, dilation_rate=dilation, bias=b)
            assert got.shape == expected.shape, (strides, padding, dilation, shape)
            np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
            cases += 1
    assert cases >= 40


@settings(max_examples=20, deadline=None)
@given(
    h=st.integers(1, 10),
    w=st.integers(1, 10),
    kh=st.integers(1, 4),
    kw=st.integers(1, 4),
    channels=st.integers(1, 3),
    filters=st.integers(1, 3),
    sh=st.integers(1, 3),
    sw=st.integers(1, 3),
    padding=st.sampled_from(["valid", "same"]),
    seed=st.integers(0, 2**16),
)
def test_conv2d_random_cases_equal_keras(keras, h, w, kh, kw, channels, filters, sh, sw, padding, seed):
    """Random shapes, strides and paddings: conv2d equals keras.layers.Conv2D."""
    if padding == "valid" and (kh > h or kw > w):
        return
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(h, w, channels))
    k = rng.normal(size=(kh, kw, channels, filters))
    b = rng.normal(size=filters)
    expected = keras_conv(keras, x, k, b, (sh, sw), padding, 1)
    got = conv2d(x, k, strides=(sh, sw), padding=padding, bias=b)
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("n", range(1, 12))
@pytest.mark.parametrize("k", [1, 2, 3, 5])
@pytest.mark.parametrize("s", [1, 2, 3])
def test_output_size_formula_and_shapes(n, k, s):
    """output_size is floor((n − k)/s) + 1 (valid) and ceil(n/s) (same), and matches conv2d's output shape."""
    assert output_size(n, k, strides=s, padding="same") == math.ceil(n / s)
    assert conv2d(np.ones((n, 1)), np.ones((k, 1)), strides=(s, 1), padding="same").shape[0] == math.ceil(n / s)
    if k <= n:
        assert output_size(n, k, strides=s) == (n - k) // s + 1
        assert conv2d(np.ones((n, 1)), np.ones((k, 1)), strides=(s, 1)).shape[0] == (n - k) // s + 1
    else:
        with pytest.raises(ValueError, match="`kernel_size`"):
            output_size(n, k, strides=s)


def test_output_size_with_dilation_and_formula_text():
    """Dilation widens the kernel to (k − 1)·d + 1; the formula text substitutes the numbers."""
    assert output_size(28, 3, dilation_rate=2) == 28 - 5 + 1
    assert output_size_formula(28, 3) == "⌊(28 − 3) / 1⌋ + 1 = 26"
    assert output_size_formula(28, 3, strides=2, padding="same") == "⌈28 / 2⌉ = 14"
    assert output_size_formula(28, 3, dilation_rate=2).endswith("= 24")


def test_same_padding_split_is_tensorflows():
    """An odd amount of "same" padding puts the extra zero at the bottom/right (TensorFlow's rule)."""
    assert padding_amounts((5, 6), (2, 4), padding="same") == (0, 1, 1, 2)
    assert padding_amounts((7, 7), 3, strides=2, padding="same") == (1, 1, 1, 1)
    assert padding_amounts((6, 6), 3, strides=2, padding="same") == (0, 1, 0, 1)
    assert padding_amounts((6, 6), 3) == (0, 0, 0, 0)


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(2, 9),
    w=st.integers(2, 9),
    kh=st.integers(1, 3),
    kw=st.integers(1, 3),
    channels=st.integers(1, 3),
    filters=st.integers(1, 3),
    strides=st.sampled_from([1, 2, (1, 2), (3, 1)]),
    padding=st.sampled_from(["valid", "same"]),
    data=st.data(),
)
def test_explained_cell_equals_conv2d(h, w, kh, kw, channels, filters, strides, padding, data):
    """explain_conv2d_cell's value (Σ products + bias) equals conv2d's cell; its patch is the input or padding."""
    if padding == "valid" and (kh > h or kw > w):
        return
    rng = np.random.default_rng(data.draw(st.integers(0, 999)))
    x = rng.normal(size=(h, w, channels))
    k = rng.normal(size=(kh, kw, channels, filters))
    b = rng.normal(size=filters)
    out = conv2d(x, k, strides=strides, padding=padding, bias=b)
    i = data.draw(st.integers(0, out.shape[0] - 1))
    j = data.draw(st.integers(0, out.shape[1] - 1))
    f = data.draw(st.integers(0, filters - 1))
    cell = explain_conv2d_cell(x, k, i, j, strides=strides, padding=padding, bias=b, filter_index=f)
    assert cell.value == pytest.approx(out[i, j, f], abs=1e-9)
    assert cell.total == pytest.approx(cell.products.sum())
    np.testing.assert_allclose(cell.channel_sums, cell.products.sum(axis=(0, 1)))
    np.testing.assert_allclose(cell.products, cell.patch * k[:, :, :, f])
    for a, r in enumerate(cell.input_rows):
        for c_, col in enumerate(cell.input_cols):
            expected = x[r, col] if 0 <= r < h and 0 <= col < w else np.zeros(channels)
            np.testing.assert_array_equal(cell.patch[a, c_], expected)


def test_explained_cell_with_dilation_spreads_the_taps():
    """With dilation 2 the receptive-field rows/columns are 2 apart; the value still equals conv2d."""
    x = np.arange(49.0).reshape(7, 7)
    k = np.arange(9.0).reshape(3, 3)
    cell = explain_conv2d_cell(x, k, 1, 2, dilation_rate=2)
    assert cell.rows.tolist() == [1, 3, 5] and cell.cols.tolist() == [2, 4, 6]
    assert cell.value == pytest.approx(conv2d(x, k, dilation_rate=2)[1, 2])


def test_same_padding_cell_marks_padding_as_outside():
    """A corner cell with "same" padding reaches outside the input: negative input coordinates, zeros there."""
    x = np.ones((4, 4))
    cell = explain_conv2d_cell(x, np.ones((3, 3)), 0, 0, padding="same")
    assert cell.padding == (1, 1, 1, 1)
    assert cell.input_rows.tolist() == [-1, 0, 1]
    assert cell.value == 4.0


def test_conv2d_does_not_modify_inputs_and_grids_are_valid():
    """conv2d leaves its inputs untouched; every bundled grid is a small 2-D array."""
    x = np.arange(16.0).reshape(4, 4)
    k = np.ones((2, 2))
    conv2d(x, k, padding="same", bias=1.0)
    np.testing.assert_array_equal(x, np.arange(16.0).reshape(4, 4))
    np.testing.assert_array_equal(k, np.ones((2, 2)))
    for name, grid in GRIDS.items():
        assert grid.ndim == 2 and 5 <= min(grid.shape) and max(grid.shape) <= 12, name


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3)), strides=0), "strides"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3)), strides=(1, -1)), "strides"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3)), dilation_rate=0), "dilation_rate"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3)), strides=2, dilation_rate=2), "dilation_rate"),
        (lambda: conv2d(np.ones((2, 2)), np.ones((3, 3))), "kernel_size"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3)), dilation_rate=3), "kernel_size"),
        (lambda: conv2d(np.ones((5, 5)), np.full((3, 3), np.nan)), "kernel"),
        (lambda: conv2d(np.ones((5, 5)), np.full((3, 3), np.inf)), "kernel"),
        (lambda: conv2d(np.ones(5), np.ones((3, 3))), "image"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3, 1))), "kernel"),
        (lambda: conv2d(np.ones((5, 5, 3)), np.ones((3, 3, 1, 2))), "kernel"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3)), padding="full"), "padding"),
        (lambda: conv2d(np.ones((5, 5)), np.ones((3, 3, 1, 2)), bias=[1, 2, 3]), "bias"),
        (lambda: output_size(-1, 3), "size"),
        (lambda: output_size(5, 0), "kernel_size"),
        (lambda: output_size(5, 3, strides=0), "strides"),
        (lambda: explain_conv2d_cell(np.ones((5, 5)), np.ones((3, 3)), 3, 0), "row"),
        (lambda: explain_conv2d_cell(np.ones((5, 5)), np.ones((3, 3)), 0, 0, filter_index=1), "filter_index"),
    ],
)
def test_invalid_parameters_raise_value_error_naming_the_argument(call, argument):
    """Invalid parameters raise ValueError whose message names the argument and what was received."""
    with pytest.raises(ValueError, match=f"`{argument}`") as info:
        call()
    assert "Expected" in str(info.value) and "Received" in str(info.value)


def test_channel_contributions_sum_to_the_feature_map():
    """Per-channel contributions of one filter sum (plus bias) to conv2d's feature map for that filter."""
    rng = np.random.default_rng(5)
    x, k, b = rng.normal(size=(8, 7, 3)), rng.normal(size=(3, 2, 3, 2)), np.array([0.5, -1.0])
    for padding, strides in (("valid", 1), ("same", (2, 1))):
        out = conv2d(x, k, strides=strides, padding=padding, bias=b)
        for f in range(2):
            parts = channel_contributions(x, k, strides=strides, padding=padding, filter_index=f)
            np.testing.assert_allclose(parts.sum(axis=2) + b[f], out[:, :, f], atol=1e-12)
            np.testing.assert_allclose(
                parts[:, :, 1], conv2d(x[:, :, 1], k[:, :, 1, f], strides=strides, padding=padding)
            )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_conv2d_on_a_large_input_equals_the_per_channel_scipy_sum(dtype):
    """A 300×260×3 input (many im2col blocks, shared by worker threads): each filter equals Σ_c correlate2d + bias."""
    rng = np.random.default_rng(11)
    x = rng.normal(size=(300, 260, 3)).astype(dtype)
    k = rng.normal(size=(5, 4, 3, 2)).astype(dtype)
    b = np.array([0.25, -1.5])
    out = conv2d(x, k, bias=b)
    assert out.dtype == np.float64 and out.shape == (296, 257, 2)
    x64, k64 = x.astype(np.float64), k.astype(np.float64)
    for f in range(2):
        expected = sum(scipy.signal.correlate2d(x64[:, :, c], k64[:, :, c, f], mode="valid") for c in range(3)) + b[f]
        tolerance = 1e-10 if dtype == np.float64 else 1e-4
        np.testing.assert_allclose(out[:, :, f], expected, atol=tolerance, rtol=tolerance)
    dilated = conv2d(x, k, dilation_rate=2, bias=b)
    spread = np.zeros((9, 7, 3, 2), dtype=dtype)
    spread[::2, ::2] = k  # dilation 2 = the kernel with zeros between its taps
    np.testing.assert_allclose(dilated, conv2d(x, spread, bias=b), atol=1e-10 if dtype == np.float64 else 1e-4)


@pytest.mark.parametrize(
    ("shape", "kernel_size", "strides", "padding", "dilation"),
    [((7, 7), (3, 3), 1, "valid", 1), ((7, 6), (2, 3), 2, "same", 1), ((8, 8), (3, 3), 1, "same", 2)],
)
def test_conv2d_steps_walk_every_cell_and_equal_keras(keras, shape, kernel_size, strides, padding, dilation):
    """conv2d_steps gives one cell per output position in reading order, and each cell's value equals
    keras.layers.Conv2D's output there (products + bias)."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=shape)
    w = rng.normal(size=(*kernel_size, 1, 1))
    b = rng.normal(size=1)
    expected = keras_conv(keras, x[:, :, None], w, b, strides, padding, dilation)[:, :, 0]
    steps = conv2d_steps(x, w, strides=strides, padding=padding, dilation_rate=dilation, bias=b)
    assert [(s.row, s.col) for s in steps] == list(np.ndindex(expected.shape))
    np.testing.assert_allclose([s.value for s in steps], expected.ravel(), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose([s.products.sum() + s.bias for s in steps], expected.ravel(), rtol=1e-4, atol=1e-4)


def test_conv2d_steps_refuse_too_many_cells():
    """More output cells than max_cells is a ValueError naming max_cells and the output's size."""
    with pytest.raises(ValueError, match=r"max_cells.*10×10 = 100"):
        conv2d_steps(np.zeros((12, 12)), np.ones((3, 3)), max_cells=99)
