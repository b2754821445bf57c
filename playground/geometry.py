"""Where a sliding window (a convolution kernel or a pooling window) fits: output sizes and padding, as Keras.

Along one axis of length n, a window of k taps spaced d apart spans k_eff = (k − 1)·d + 1 cells. Moving it s cells at
a time gives

* "valid" (no padding): ``floor((n − k_eff) / s) + 1`` outputs — the window must fit, k_eff ≤ n;
* "same": ``ceil(n / s)`` outputs, with pad_total = max((⌈n/s⌉ − 1)·s + k_eff − n, 0) zeros, pad_total // 2 before
  and the rest after (TensorFlow's split: an odd extra zero goes to the bottom/right).

:mod:`playground.convolution` and :mod:`playground.pooling` both use these rules.
"""

from __future__ import annotations

import math
from typing import Literal

from playground._checks import check_choice, check_int, invalid
from playground.messages import Phrase

MAX_STEP_CELLS = 256  # conv2d_steps / pool2d_steps: beyond this many output cells a step-through is too long to watch


def check_step_cells(h_out: int, w_out: int, max_cells: int) -> None:
    """A step-through of an `h_out` × `w_out` output has at most `max_cells` cells (conv2d_steps, pool2d_steps)."""
    if h_out * w_out > max_cells:
        raise invalid(
            "max_cells",
            "an int ≥ the output's {rows}×{cols} = {cells} cells",
            max_cells,
            rows=h_out,
            cols=w_out,
            cells=h_out * w_out,
        )


Padding = Literal["valid", "same"]
IntPair = int | tuple[int, int]

PADDINGS: tuple[str, ...] = ("valid", "same")


def check_padding(padding: object) -> str:
    """ "valid" or "same" (any case, as Keras reads it), lower-cased."""
    return str(check_choice("padding", padding, PADDINGS, lower=True))


def effective_size(kernel_size: int, dilation_rate: int = 1) -> int:
    """Span of a dilated window: (k − 1)·d + 1 (a 3-tap kernel with dilation 2 covers 5 cells)."""
    return (kernel_size - 1) * dilation_rate + 1


def same_padding(size: int, k_eff: int, strides: int) -> tuple[int, int]:
    """TensorFlow's "same" padding: enough zeros for ceil(n / s) outputs, the odd one at the end (bottom/right)."""
    total = max((math.ceil(size / strides) - 1) * strides + k_eff - size, 0)
    return total // 2, total - total // 2


def axis_padding(
    size: int,
    kernel_size: int,
    *,
    strides: int = 1,
    padding: str = "valid",
    dilation_rate: int = 1,
    argument: str = "kernel_size",
    window: str = "kernel",
) -> tuple[int, int]:
    """Zeros added (before, after) along one axis; `padding` already checked.

    Raises:
        ValueError: "valid" padding and a window wider than the input, naming `argument` ("kernel_size" or
            "pool_size") and calling the window `window` ("kernel" or "window") in the message.
    """
    k_eff = effective_size(kernel_size, dilation_rate)
    if padding == "same":
        return same_padding(size, k_eff, strides)
    if k_eff > size:
        shown = Phrase(
            "{argument}={kernel_size} on an input of size {size}"
            if dilation_rate == 1
            else "{argument}={kernel_size} (dilated to {dilated}) on an input of size {size}",
            argument=argument,
            kernel_size=kernel_size,
            dilated=k_eff,
            size=size,
        )
        raise invalid(
            argument,
            'a window no larger than the input, at most {size} here; use padding "same" or a smaller window'
            if window == "window"
            else 'a kernel no larger than the input, at most {size} here; use padding "same" or a smaller kernel',
            kernel_size,
            show=shown,
            size=size,
        )
    return 0, 0


def output_size(
    size: int, kernel_size: int, *, strides: int = 1, padding: Padding = "valid", dilation_rate: int = 1
) -> int:
    """Length of a convolution (or pooling) output along one axis, as Keras computes it.

    With k_eff = (kernel_size − 1) · dilation_rate + 1:

    * "valid": ``floor((size − k_eff) / strides) + 1``
    * "same": ``ceil(size / strides)``

    Args:
        size: input length n ≥ 1.
        kernel_size: k ≥ 1.
        strides: s ≥ 1.
        padding: "valid" or "same".
        dilation_rate: d ≥ 1.

    Returns:
        The output length (≥ 1).

    Raises:
        ValueError: a non-positive parameter, an unknown padding, or a kernel that does not fit ("valid" and
            k_eff > size, which would give fewer than one output).
    """
    size = check_int("size", size, low=1)
    kernel_size = check_int("kernel_size", kernel_size, low=1)
    strides = check_int("strides", strides, low=1)
    dilation_rate = check_int("dilation_rate", dilation_rate, low=1)
    if check_padding(padding) == "same":
        return math.ceil(size / strides)
    axis_padding(size, kernel_size, dilation_rate=dilation_rate)  # raises when the kernel does not fit
    return (size - effective_size(kernel_size, dilation_rate)) // strides + 1


def output_size_formula(
    size: int, kernel_size: int, *, strides: int = 1, padding: Padding = "valid", dilation_rate: int = 1
) -> str:
    """The output-size formula with the numbers substituted, e.g. ``"⌊(28 − 3) / 1⌋ + 1 = 26"``.

    Dilation shows as k_eff = (k − 1)·d + 1; "same" as ``⌈28 / 2⌉ = 14``. Raises as :func:`output_size`.
    """
    result = output_size(size, kernel_size, strides=strides, padding=padding, dilation_rate=dilation_rate)
    if check_padding(padding) == "same":
        return f"⌈{size} / {strides}⌉ = {result}"
    if dilation_rate > 1:
        k_eff = effective_size(kernel_size, dilation_rate)
        keff = f"(({kernel_size} − 1)·{dilation_rate} + 1)"
        return f"⌊({size} − {keff}) / {strides}⌋ + 1 = ⌊({size} − {k_eff}) / {strides}⌋ + 1 = {result}"
    return f"⌊({size} − {kernel_size}) / {strides}⌋ + 1 = {result}"


def output_size_rule(kernel_size: int, *, strides: int = 1, padding: Padding = "valid", dilation_rate: int = 1) -> str:
    """The output-size rule of one axis with a layer's own numbers and the input length left as n.

    "valid": ``⌊(n − 3) / 2⌋ + 1`` (a dilated kernel shows its span: ``⌊(n − ((3 − 1)·2 + 1)) / 1⌋ + 1``);
    "same": ``⌈n / 2⌉``. The same rule as :func:`output_size`, which gives its value for one n.

    Raises:
        ValueError: a non-positive parameter or an unknown padding.
    """
    kernel_size = check_int("kernel_size", kernel_size, low=1)
    strides = check_int("strides", strides, low=1)
    dilation_rate = check_int("dilation_rate", dilation_rate, low=1)
    if check_padding(padding) == "same":
        return f"⌈n / {strides}⌉"
    span = f"{kernel_size}" if dilation_rate == 1 else f"(({kernel_size} − 1)·{dilation_rate} + 1)"
    return f"⌊(n − {span}) / {strides}⌋ + 1"
