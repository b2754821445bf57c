"""playground._checks: every message names the argument, what is allowed and what came in."""

from __future__ import annotations

import numpy as np
import pytest

from playground._checks import (
    check_arguments,
    check_array,
    check_bool,
    check_choice,
    check_int,
    check_number,
    check_pair,
    invalid,
)
from playground.geometry import axis_padding, output_size, same_padding


def test_invalid_reads_like_keras():
    """The sentence is Keras's: argument, expected, received (strings shown with quotes)."""
    assert str(invalid("mode", "one of 'max', 'average'", "min")) == (
        "Invalid value received for argument `mode`. Expected one of 'max', 'average'. Received: mode='min'"
    )
    assert "arguments `x` and `y`" in str(invalid("x and y", "as many images as labels", 1, show="3 and 4"))


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: check_int("n", 0, low=1, high=5), "Expected an integer in the range [1, 5]. Received: n=0"),
        (lambda: check_int("n", True, low=0), "Expected an integer ≥ 0. Received: n=True"),
        (lambda: check_int("n", 2.0, whole_floats=False), "Expected an integer. Received: n=2.0"),
        (lambda: check_number("rate", 1.0, low=0, high=1, high_open=True), "Expected a number in the range [0, 1)"),
        (lambda: check_number("lr", float("nan"), low=0, low_open=True), "Expected a number > 0. Received: lr=nan"),
        (lambda: check_number("x", "1"), "Expected a finite number. Received: x='1'"),
        (lambda: check_pair("strides", (1, 0)), "a positive integer or a pair of positive integers"),
        (lambda: check_pair("strides", (1, 2, 3)), "Received: strides=(1, 2, 3)"),
        (lambda: check_bool("nesterov", 1), "Expected True or False. Received: nesterov=1"),
        (lambda: check_choice("padding", "full", ("valid", "same")), "Expected one of 'valid', 'same'"),
        (lambda: check_array("x", [[1.0]], ndims=(1,)), "Expected a 1-D array. Received: x with shape (1, 1)"),
        (lambda: check_array("x", [], empty=False), "Expected at least one value"),
        (lambda: check_array("x", [1.0, np.inf]), "Received: x containing inf"),
        (lambda: check_arguments({"units": 3}, ("filters",), "Conv2D"), "Invalid argument `units` for Conv2D"),
    ],
)
def test_messages_name_range_and_value(call, expected):
    """Each check raises a ValueError whose message holds the allowed range and the value received."""
    with pytest.raises(ValueError) as info:
        call()
    assert expected in str(info.value)


def test_checks_return_converted_values():
    """A check can be the assignment: it returns the value converted."""
    assert check_int("n", np.int64(3)) == 3 and type(check_int("n", 3.0)) is int
    assert check_number("x", 1) == 1.0 and check_pair("k", 3) == (3, 3) and check_pair("k", [2, 3]) == (2, 3)
    assert check_choice("padding", "SAME", ("valid", "same"), lower=True) == "same"
    assert check_bool("b", np.bool_(True)) is True
    x = np.ones(3, dtype=np.float32)
    assert check_array("x", x, float32=True) is x and check_array("x", x).dtype == np.float64


@pytest.mark.parametrize("n", range(1, 12))
@pytest.mark.parametrize("k", range(1, 6))
@pytest.mark.parametrize("s", range(1, 4))
def test_same_padding_gives_ceil_outputs(n, k, s):
    """TensorFlow's "same" split: ceil(n / s) outputs, the odd zero after, never more than k − 1 zeros."""
    before, after = same_padding(n, k, s)
    assert (n + before + after - k) // s + 1 == output_size(n, k, strides=s, padding="same") == -(-n // s)
    assert after - before in (0, 1) and before + after <= k - 1


def test_axis_padding_names_the_window():
    """A pooling window too wide for a "valid" input is reported as `pool_size`, a kernel as `kernel_size`."""
    with pytest.raises(ValueError, match=r"`pool_size`.*smaller window"):
        axis_padding(2, 3, argument="pool_size", window="window")
    with pytest.raises(ValueError, match=r"`kernel_size`.*dilated to 5"):
        axis_padding(4, 3, dilation_rate=2)
