"""Convolution in one and two dimensions, and the arithmetic that explains one output value.

Two operations hide behind the word "convolution":

* true convolution flips the kernel before sliding it: ``y[j] = Σ_i x[j − i] · k[i]`` (``scipy.signal.convolve``);
* cross-correlation slides it as it is: ``y[j] = Σ_i x[j + i] · k[i]`` (``scipy.signal.correlate``).

Keras's ``Conv2D`` says its kernel is "convolved (actually cross-correlated)" with the input: CNN layers compute a
cross-correlation, and since the kernel is learned, flipping it would change nothing. :func:`conv1d` offers both;
:func:`conv2d` follows Keras.

Every function here is pure numpy: inputs are never modified, arrays are channels-last.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

from playground._checks import check_array, check_choice, check_int, check_pair, invalid
from playground.geometry import (
    MAX_STEP_CELLS,
    IntPair,
    Padding,
    axis_padding,
    check_padding,
    check_step_cells,
    effective_size,
)
from playground.geometry import PADDINGS as PADDINGS  # re-exported: pages and tests import them from here
from playground.geometry import output_size as output_size
from playground.geometry import output_size_formula as output_size_formula
from playground.messages import Phrase

Mode = Literal["full", "same", "valid"]

MODES: tuple[str, ...] = ("full", "same", "valid")

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor
MAX_SEQUENCE_LENGTH = 64  # what the 1-D page lets a learner type

_SEPARATORS = re.compile(r"[,\s;]+")


# --------------------------------------------------------------------------------------------------------------------
# 1-D
# --------------------------------------------------------------------------------------------------------------------


def parse_numbers(text: str, *, argument: str = "signal", max_length: int = MAX_SEQUENCE_LENGTH) -> np.ndarray:
    """Read a list of numbers typed by a learner: ``"1, 2, 3.5"`` or ``"1 2 -3"``.

    Args:
        text: numbers separated by commas, semicolons or spaces.
        argument: the name used in error messages (``signal`` or ``kernel``).
        max_length: the most numbers accepted.

    Returns:
        A float array of shape (n,), 1 ≤ n ≤ max_length.

    Raises:
        ValueError: empty text, something that is not a finite number, or more than `max_length` numbers.
    """
    if not isinstance(text, str):
        raise invalid(argument, "numbers separated by commas", text)
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not parts:
        raise invalid(argument, "at least one number, separated by commas", text)
    if len(parts) > max_length:
        shown = Phrase("{count} numbers", count=len(parts))
        raise invalid(argument, "at most {limit} numbers", text, show=shown, limit=max_length)
    values = []
    for part in parts:
        try:
            number = float(part)
        except ValueError:
            raise invalid(
                argument,
                "numbers separated by commas, like 1, 2, 3",
                text,
                show=Phrase("{part} in {text}", part=repr(part), text=repr(text)),
            ) from None
        if not math.isfinite(number):
            shown = Phrase("{part} in {text}", part=repr(part), text=repr(text))
            raise invalid(argument, "finite numbers (no NaN or infinity)", text, show=shown)
        values.append(number)
    return np.array(values)


def _conv1d_layout(n: int, m: int, mode: str) -> tuple[int, int]:
    """Where the output of `mode` starts inside the full output, and its length.

    The full output has n + m − 1 values; "same" keeps the n centred ones (starting at (m − 1) // 2, like
    scipy), "valid" the n − m + 1 positions where the kernel lies entirely on the signal.
    """
    if mode == "full":
        return 0, n + m - 1
    if mode == "same":
        return (m - 1) // 2, n
    return m - 1, n - m + 1


def _check_conv1d(signal: object, kernel: object, mode: object) -> tuple[np.ndarray, np.ndarray, str]:
    x = check_array("signal", signal, ndims=(1,), empty=False)
    k = check_array("kernel", kernel, ndims=(1,), empty=False)
    checked = str(check_choice("mode", mode, MODES, lower=True))
    if checked == "valid" and k.size > x.size:
        raise invalid(
            "kernel",
            'a kernel no longer than the signal in "valid" mode (signal length {length})',
            kernel,
            show=Phrase("kernel of length {length}", length=k.size),
            length=x.size,
        )
    return x, k, checked


def conv1d(signal: np.ndarray, kernel: np.ndarray, mode: Mode = "full", flip: bool = True) -> np.ndarray:
    """1-D convolution (``flip=True``) or cross-correlation (``flip=False``) of a signal with a kernel.

    With n = len(signal) and m = len(kernel), the full output has n + m − 1 values:

    * convolution: ``y[j] = Σ_i x[j − i] · k[i]`` — equals ``scipy.signal.convolve(signal, kernel, mode)``;
    * correlation: ``y[j] = Σ_i x[j + i − (m − 1)] · k[i]`` — equals ``scipy.signal.correlate(signal, kernel, mode)``

    with x = 0 outside the signal (zero padding). "same" keeps n centred values, "valid" the n − m + 1 values where
    the kernel lies entirely on the signal. Example from the course notes: ``[1, 2, 3, 4]`` convolved with
    ``[1, 2]`` is ``[1, 4, 7, 10, 8]``; correlated, ``[2, 5, 8, 11, 4]``.

    Args:
        signal: shape (n,).
        kernel: shape (m,).
        mode: "full", "same" or "valid".
        flip: True flips the kernel first (convolution); False slides it as it is (correlation).

    Returns:
        Float array of shape (n + m − 1,), (n,) or (n − m + 1,).

    Raises:
        ValueError: empty/non-1-D/non-finite input, unknown mode, or (valid mode) a kernel longer than the signal.
            scipy would swap the arguments there; a learner is better served by being told.
    """
    x, k, checked = _check_conv1d(signal, kernel, mode)
    m = k.size
    start, length = _conv1d_layout(x.size, m, checked)
    # Zero-pad by m − 1 on both sides so the kernel can hang off either end, then slide it one step at a time.
    padded = np.pad(x, (m - 1, m - 1))
    windows = sliding_window_view(padded, m)[start : start + length]
    weights = k[::-1] if flip else k
    return windows @ weights


def scipy_reference(signal: np.ndarray, kernel: np.ndarray, mode: Mode = "full", flip: bool = True) -> np.ndarray:
    """What ``scipy.signal.convolve`` (flip) or ``scipy.signal.correlate`` (no flip) returns for the same input,
    so a page can show the live check. Raises as :func:`conv1d`."""
    import scipy.signal

    x, k, checked = _check_conv1d(signal, kernel, mode)
    reference = scipy.signal.convolve if flip else scipy.signal.correlate
    return reference(x, k, mode=checked, method="direct")


# Example signals and kernels for the 1-D page: id → (signal, kernel).
PRESETS_1D: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "notes": ((1, 2, 3, 4), (1, 2)),
    "moving_average": ((2, 4, 3, 7, 5, 6, 9, 8, 7, 10), (1 / 3, 1 / 3, 1 / 3)),
    "difference": ((0, 0, 0, 1, 1, 1, 1, 0, 0, 0), (1, -1)),
    "asymmetric": ((1, 0, 0, 0, 2, 0, 0), (3, 2, 1)),
    "impulse": ((0, 0, 0, 1, 0, 0, 0), (1, 2, 3)),
}


@dataclass(frozen=True)
class Step1D:
    """One output value of :func:`conv1d`, written out.

    Attributes:
        position: index of this value in the output.
        input_indices: shape (m,), the signal index under each kernel tap (< 0 or ≥ n: zero padding).
        window: shape (m,), the signal values under the kernel (0 for padding).
        weights: shape (m,), the kernel as it is applied (flipped for convolution).
        products: ``window * weights``.
        value: ``products.sum()`` — equals ``conv1d(...)[position]``.
        padded: the zero-padded signal the kernel slides on, for this mode.
        pad: (left, right) number of zeros added to the signal in `padded`.
    """

    position: int
    input_indices: np.ndarray
    window: np.ndarray
    weights: np.ndarray
    products: np.ndarray
    value: float
    padded: np.ndarray
    pad: tuple[int, int]

    def expression(self) -> str:
        """The multiply-add written out, e.g. ``"0·2 + 1·1 = 1"``."""
        return _sum_text(self.window, self.weights, self.value)


def _num(value: float) -> str:
    text = f"{value:.4g}"
    return f"({text})" if value < 0 else text


def _sum_text(a: np.ndarray, b: np.ndarray, result: float, *, max_terms: int = 12) -> str:
    """``a₀·b₀ + a₁·b₁ + … = result``, shortened with "…" beyond `max_terms` products."""
    terms = [f"{_num(x)}·{_num(y)}" for x, y in zip(np.ravel(a), np.ravel(b), strict=True)]
    if len(terms) > max_terms:
        terms = [*terms[: max_terms - 2], "…", terms[-1]]
    return " + ".join(terms) + f" = {result:.4g}"


def conv1d_steps(signal: np.ndarray, kernel: np.ndarray, mode: Mode = "full", flip: bool = True) -> list[Step1D]:
    """Every output value of :func:`conv1d` as a :class:`Step1D`: where the kernel sits, the products, their sum.

    Args/Raises: as :func:`conv1d`.

    Returns:
        One step per output position, in order; ``[s.value for s in steps] == conv1d(...)``.
    """
    x, k, checked = _check_conv1d(signal, kernel, mode)
    n, m = x.size, k.size
    start, length = _conv1d_layout(n, m, checked)
    weights = k[::-1] if flip else k.copy()
    # Output j of the full result has the kernel over signal indices j − (m − 1) … j.
    first = start - (m - 1)
    last = start + length - 1
    pad = (max(0, -first), max(0, last - (n - 1)))
    padded = np.pad(x, pad)
    offsets = np.arange(m)
    steps = []
    for position in range(length):
        indices = first + position + offsets
        window = padded[indices + pad[0]]
        products = window * weights
        steps.append(
            Step1D(
                position=position,
                input_indices=indices,
                window=window,
                weights=weights,
                products=products,
                value=float(products.sum()),
                padded=padded,
                pad=pad,
            )
        )
    return steps


# --------------------------------------------------------------------------------------------------------------------
# 2-D (Keras Conv2D)
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Conv2DPlan:
    image: np.ndarray  # (H, W, C)
    kernel: np.ndarray  # (kh, kw, C, F)
    strides: tuple[int, int]
    dilation: tuple[int, int]
    padding: tuple[int, int, int, int]  # top, bottom, left, right
    bias: np.ndarray  # (F,)
    squeeze: bool  # 2-D image and 2-D kernel → 2-D output


def _plan_conv2d(image, kernel, strides, padding, dilation_rate, bias, *, keep_float32: bool = False) -> _Conv2DPlan:
    x = check_array("image", image, ndims=(2, 3), empty=False, float32=keep_float32)
    w = check_array("kernel", kernel, ndims=(2, 4), empty=False, float32=keep_float32)
    squeeze = x.ndim == 2 and w.ndim == 2
    if x.ndim == 2:
        x = x[:, :, None]
    if w.ndim == 2:
        w = w[:, :, None, None]
    if w.shape[2] != x.shape[2]:
        raise invalid(
            "kernel",
            "one kernel per input channel: shape (kh, kw, {channels}, filters) for an image with {channels} channel(s)",
            kernel,
            show=Phrase("{argument} with shape {shape}", argument="kernel", shape=w.shape),
            channels=x.shape[2],
        )
    s = check_pair("strides", strides)
    d = check_pair("dilation_rate", dilation_rate)
    if max(s) > 1 and max(d) > 1:
        # Keras refuses this combination too (base_conv.py).
        raise invalid(
            "dilation_rate",
            "dilation_rate 1 when strides > 1 (Keras does not support both at once)",
            dilation_rate,
            show=f"strides={strides!r}, dilation_rate={dilation_rate!r}",
        )
    mode = check_padding(padding)
    top, bottom = axis_padding(x.shape[0], w.shape[0], strides=s[0], padding=mode, dilation_rate=d[0])
    left, right = axis_padding(x.shape[1], w.shape[1], strides=s[1], padding=mode, dilation_rate=d[1])
    filters = w.shape[3]
    if bias is None:
        b = np.zeros(filters)
    else:
        b = check_array("bias", bias, ndims=(0, 1), empty=False).reshape(-1)
        if b.size == 1:
            b = np.repeat(b, filters)
        if b.size != filters:
            shown = Phrase("{argument} with shape {shape}", argument="bias", shape=np.shape(bias))
            raise invalid("bias", "one value per filter ({filters})", bias, show=shown, filters=filters)
    return _Conv2DPlan(x, w, s, d, (top, bottom, left, right), b, squeeze)


def _pad(plan: _Conv2DPlan) -> np.ndarray:
    top, bottom, left, right = plan.padding
    return np.pad(plan.image, ((top, bottom), (left, right), (0, 0)))


def _compute_dtype(plan: _Conv2DPlan) -> type:
    """float32 when image and kernel both are (as Keras computes), else float64."""
    return np.float32 if plan.image.dtype == plan.kernel.dtype == np.float32 else np.float64


def _padded_planes(plan: _Conv2DPlan, dtype: type) -> np.ndarray:
    """The zero-padded input channels-first, (C, Hp, Wp), contiguous: each channel plane is one block of memory."""
    top, bottom, left, right = plan.padding
    h, w, c = plan.image.shape
    planes = np.zeros((c, h + top + bottom, w + left + right), dtype=dtype)
    planes[:, top : top + h, left : left + w] = np.moveaxis(plan.image, 2, 0)
    return planes


_CHUNK_BYTES = 1 << 19  # im2col block size: small enough to stay in the CPU cache between the copy and the matmul
_WORKERS = 2  # threads sharing the blocks of a large input (numpy's copy and matmul release the GIL)
_Parallel = tuple[Callable[[], AbstractContextManager[Any]], "ThreadPoolExecutor"]
_parallel: dict[str, _Parallel | None] = {}


def _blas_one_thread_and_pool() -> _Parallel | None:
    """(context manager keeping BLAS on one thread, thread pool) for large inputs, or None without threadpoolctl.

    Many small multithreaded BLAS calls in a row stall on a busy machine: every call waits for all BLAS threads to
    be scheduled, and idle BLAS threads spin on the cores the copies need (measured with other processes running:
    1024×1024×3, k = 7 took 1.8 s instead of 80 ms). So large inputs run with BLAS on one thread and the blocks
    split over our own threads instead. Uses threadpoolctl when installed; without it, the plain loop.
    """
    if "blas" not in _parallel:
        try:
            from concurrent.futures import ThreadPoolExecutor

            from threadpoolctl import ThreadpoolController

            controller = ThreadpoolController()  # after numpy's (and scipy's) BLAS is loaded
            pool = ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="conv2d")
            _parallel["blas"] = (lambda: controller.limit(limits=1, user_api="blas"), pool)
        except ImportError:
            _parallel["blas"] = None
    return _parallel["blas"]


def _correlate_planes(
    planes: np.ndarray, kernel: np.ndarray, strides: tuple[int, int], dilation: tuple[int, int], bias: np.ndarray
) -> np.ndarray:
    """Cross-correlate (C, Hp, Wp) planes with a (kh, kw, C, F) kernel: the (H', W', F) float64 output + bias.

    The same sum as :func:`conv2d`'s formula, organised for speed ("im2col"): for a block of output rows, the
    C·kh·kw input values under the kernel at every output position are copied into the rows of a matrix
    (each row is one tap of one channel, a long contiguous run of input values) plus a row of ones, and one matrix
    product with the kernel reshaped to (C·kh·kw, F) and the bias below it gives the block's outputs for all filters.
    """
    kh, kw, channels, filters = kernel.shape
    (sh, sw), (dh, dw) = strides, dilation
    taps = channels * kh * kw
    weights = np.empty((taps + 1, filters), dtype=planes.dtype)
    weights[:taps] = np.moveaxis(kernel, 2, 0).reshape(taps, filters)  # rows ordered (c, a, b)
    weights[taps] = bias
    h_out = (planes.shape[1] - effective_size(kh, dh)) // sh + 1
    w_out = (planes.shape[2] - effective_size(kw, dw)) // sw + 1
    # windows[c, a, b, i, j] = planes[c, i·sh + a·dh, j·sw + b·dw]: a read-only view, no copy (what
    # sliding_window_view(...)[:, ::sh, ::sw, ::dh, ::dw] gives, without its per-call overhead on small inputs).
    step_c, step_r, step_q = planes.strides
    windows = as_strided(
        planes,
        shape=(channels, kh, kw, h_out, w_out),
        strides=(step_c, step_r * dh, step_q * dw, step_r * sh, step_q * sw),
        writeable=False,
    )
    out = np.empty((h_out, w_out, filters))
    block = max(1, min(h_out, _CHUNK_BYTES // ((taps + 1) * w_out * planes.itemsize)))
    starts = range(0, h_out, block)

    def work(part: int) -> None:
        columns = np.empty((taps + 1, block * w_out), dtype=planes.dtype)
        columns[taps] = 1.0
        products = np.empty((block * w_out, filters), dtype=planes.dtype) if planes.dtype != out.dtype else None
        for r0 in starts[part::parts]:
            rows = min(block, h_out - r0)
            cols = columns[:, : rows * w_out]
            np.copyto(cols[:taps].reshape(channels, kh, kw, rows, w_out), windows[:, :, :, r0 : r0 + rows])
            target = out[r0 : r0 + rows].reshape(rows * w_out, filters)
            if products is None:
                np.matmul(cols.T, weights, out=target)
            else:  # float32 sums, stored as float64
                np.matmul(cols.T, weights, out=products[: rows * w_out])
                target[...] = products[: rows * w_out]

    parallel = _blas_one_thread_and_pool() if len(starts) > 1 else None
    if parallel is None:
        parts = 1
        work(0)
    else:
        limit, pool = parallel
        parts = min(_WORKERS, len(starts))
        with limit():
            list(pool.map(work, range(parts)))
    return out


def conv2d(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    strides: IntPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntPair = 1,
    bias: float | np.ndarray | None = None,
) -> np.ndarray:
    """2-D convolution as ``keras.layers.Conv2D`` computes it: the kernel is convolved (actually cross-correlated).

    For filter f, ``out[i, j, f] = bias[f] + Σ_{a, b, c} padded[i·sh + a·dh, j·sw + b·dw, c] · kernel[a, b, c, f]``:
    each filter holds one kernel per input channel, the per-channel results are summed into one feature map.

    Padding "same" is TensorFlow's: along an axis of length n, pad_total = max((⌈n/s⌉ − 1)·s + k_eff − n, 0) zeros,
    pad_total // 2 before and the rest after (so an odd extra zero goes to the bottom/right).
    Output size per axis: see :func:`output_size`.

    Args:
        image: (H, W) grayscale or (H, W, C_in).
        kernel: (kh, kw) for one channel and one filter, or (kh, kw, C_in, filters) like Keras's kernel weights.
        strides: int or (row step, column step).
        padding: "valid" (no padding) or "same".
        dilation_rate: int or pair; the kernel taps are d cells apart. Keras forbids strides > 1 with it.
        bias: None, one number, or shape (filters,).

    Returns:
        (H', W') when image and kernel are both 2-D, else (H', W', filters). float64; when image and kernel are
        both float32 the sums are computed in float32, as Keras does (relative error about 1e-7).

    Raises:
        ValueError: wrong ndim, channel mismatch, NaN/inf values, strides/dilation < 1 or both > 1, unknown padding,
            or a kernel larger than the padded input.
    """
    plan = _plan_conv2d(image, kernel, strides, padding, dilation_rate, bias, keep_float32=True)
    planes = _padded_planes(plan, _compute_dtype(plan))
    out = _correlate_planes(planes, plan.kernel, plan.strides, plan.dilation, plan.bias)
    return out[:, :, 0] if plan.squeeze else out


def correlate2d_vs_convolve2d(image: np.ndarray, kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Single-channel "valid" cross-correlation and true convolution, side by side.

    The first equals ``scipy.signal.correlate2d(image, kernel, mode="valid")`` (what Conv2D does), the second
    ``scipy.signal.convolve2d(image, kernel, mode="valid")``, which is the correlation with the kernel rotated
    by 180° (``kernel[::-1, ::-1]``). They agree only for kernels symmetric under that rotation.

    Args:
        image: (H, W).
        kernel: (kh, kw), no larger than the image.

    Returns:
        (correlated, convolved), both (H − kh + 1, W − kw + 1).
    """
    x = check_array("image", image, ndims=(2,), empty=False)
    k = check_array("kernel", kernel, ndims=(2,), empty=False)
    return conv2d(x, k), conv2d(x, k[::-1, ::-1])


def channel_contributions(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    strides: IntPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntPair = 1,
    filter_index: int = 0,
) -> np.ndarray:
    """What each input channel adds to one filter's feature map (a filter is one kernel per channel).

    ``channel_contributions(...).sum(axis=2) + bias[filter_index] == conv2d(...)[:, :, filter_index]``.

    Args:
        image, kernel, strides, padding, dilation_rate: as :func:`conv2d`.
        filter_index: which filter.

    Returns:
        (H', W', C_in): channel c cross-correlated with the filter's kernel for channel c.

    Raises:
        ValueError: as :func:`conv2d`, or a filter index out of range.
    """
    plan = _plan_conv2d(image, kernel, strides, padding, dilation_rate, None)
    f = check_int("filter_index", filter_index, low=0, high=plan.kernel.shape[3] - 1)
    planes = _padded_planes(plan, np.float64)
    kernels = plan.kernel[:, :, :, f : f + 1]
    parts = [
        _correlate_planes(planes[c : c + 1], kernels[:, :, c : c + 1], plan.strides, plan.dilation, np.zeros(1))
        for c in range(planes.shape[0])
    ]
    return np.concatenate(parts, axis=2)


@dataclass(frozen=True)
class Conv2DCell:
    """How one output value of :func:`conv2d` is made.

    Attributes:
        row, col, filter_index: the output cell.
        padded: (Hp, Wp, C) the zero-padded input.
        padding: (top, bottom, left, right) zeros added.
        rows, cols: shapes (kh,), (kw,): receptive-field rows/columns in `padded` (dilation spreads them).
        input_rows, input_cols: the same in the original input (negative or ≥ H/W: a padding cell).
        patch: (kh, kw, C) the input values under the kernel.
        weights: (kh, kw, C) the filter's kernels.
        products: ``patch * weights``.
        channel_sums: (C,) one sum per channel (per kernel of the filter).
        total: Σ products.
        bias: the filter's bias.
        value: total + bias — equals ``conv2d(...)[row, col(, filter_index)]``.
    """

    row: int
    col: int
    filter_index: int
    padded: np.ndarray
    padding: tuple[int, int, int, int]
    rows: np.ndarray
    cols: np.ndarray
    input_rows: np.ndarray
    input_cols: np.ndarray
    patch: np.ndarray
    weights: np.ndarray
    products: np.ndarray
    channel_sums: np.ndarray
    total: float
    bias: float
    value: float

    def expression(self, channel: int = 0) -> str:
        """The multiply-add of one channel written out, e.g. ``"0·1 + 9·(-1) + … = -9"``."""
        return _sum_text(self.patch[:, :, channel], self.weights[:, :, channel], float(self.channel_sums[channel]))


def explain_conv2d_cell(
    image: np.ndarray,
    kernel: np.ndarray,
    row: int,
    col: int,
    *,
    strides: IntPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntPair = 1,
    bias: float | np.ndarray | None = None,
    filter_index: int = 0,
) -> Conv2DCell:
    """The receptive field and multiply-add behind ``conv2d(...)[row, col, filter_index]``.

    Args:
        image, kernel, strides, padding, dilation_rate, bias: as :func:`conv2d`.
        row, col: the output cell, 0 ≤ row < H', 0 ≤ col < W'.
        filter_index: which filter, 0 ≤ filter_index < filters.

    Returns:
        A :class:`Conv2DCell`.

    Raises:
        ValueError: as :func:`conv2d`, or a cell/filter outside the output.
    """
    plan = _plan_conv2d(image, kernel, strides, padding, dilation_rate, bias)
    kh, kw, _, filters = plan.kernel.shape
    (sh, sw), (dh, dw) = plan.strides, plan.dilation
    top, bottom, left, right = plan.padding
    h_out = (plan.image.shape[0] + top + bottom - effective_size(kh, dh)) // sh + 1
    w_out = (plan.image.shape[1] + left + right - effective_size(kw, dw)) // sw + 1
    row = check_int("row", row, low=0, high=h_out - 1)
    col = check_int("col", col, low=0, high=w_out - 1)
    filter_index = check_int("filter_index", filter_index, low=0, high=filters - 1)
    padded = _pad(plan)
    rows = row * sh + np.arange(kh) * dh
    cols = col * sw + np.arange(kw) * dw
    patch = padded[np.ix_(rows, cols)]
    weights = plan.kernel[:, :, :, filter_index]
    products = patch * weights
    channel_sums = products.sum(axis=(0, 1))
    total = float(channel_sums.sum())
    b = float(plan.bias[filter_index])
    return Conv2DCell(
        row=row,
        col=col,
        filter_index=filter_index,
        padded=padded,
        padding=plan.padding,
        rows=rows,
        cols=cols,
        input_rows=rows - top,
        input_cols=cols - left,
        patch=patch,
        weights=weights.copy(),
        products=products,
        channel_sums=channel_sums,
        total=total,
        bias=b,
        value=total + b,
    )


def conv2d_steps(
    image: np.ndarray,
    kernel: np.ndarray,
    *,
    strides: IntPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntPair = 1,
    bias: float | np.ndarray | None = None,
    filter_index: int = 0,
    max_cells: int = MAX_STEP_CELLS,
) -> list[Conv2DCell]:
    """Every output cell of ``conv2d(...)[:, :, filter_index]`` as a :class:`Conv2DCell`, in reading order (row by
    row, left to right): the window sliding across the output, its products and their sum.

    Args:
        image, kernel, strides, padding, dilation_rate, bias, filter_index: as :func:`explain_conv2d_cell`.
        max_cells: the most output cells to explain (H' · W' ≤ max_cells).

    Returns:
        H' · W' cells; ``steps[r * W' + c].value == conv2d(...)[r, c(, filter_index)]``.

    Raises:
        ValueError: as :func:`conv2d`, or an output with more than `max_cells` cells.
    """
    plan = _plan_conv2d(image, kernel, strides, padding, dilation_rate, bias)
    kh, kw = plan.kernel.shape[:2]
    top, bottom, left, right = plan.padding
    h_out = (plan.image.shape[0] + top + bottom - effective_size(kh, plan.dilation[0])) // plan.strides[0] + 1
    w_out = (plan.image.shape[1] + left + right - effective_size(kw, plan.dilation[1])) // plan.strides[1] + 1
    check_step_cells(h_out, w_out, max_cells)
    return [
        explain_conv2d_cell(
            image,
            kernel,
            r,
            c,
            strides=strides,
            padding=padding,
            dilation_rate=dilation_rate,
            bias=bias,
            filter_index=filter_index,
        )
        for r in range(h_out)
        for c in range(w_out)
    ]


def padding_amounts(
    shape: tuple[int, int],
    kernel_size: IntPair,
    *,
    strides: IntPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntPair = 1,
) -> tuple[int, int, int, int]:
    """Zeros added (top, bottom, left, right) for an input of `shape` (H, W), Keras/TensorFlow rules.

    Raises:
        ValueError: as :func:`conv2d`.
    """
    kh, kw = check_pair("kernel_size", kernel_size)
    h, w = check_pair("shape", tuple(shape))
    plan = _plan_conv2d(np.zeros((h, w)), np.zeros((kh, kw)), strides, padding, dilation_rate, None)
    return plan.padding


# --------------------------------------------------------------------------------------------------------------------
# Small input grids a learner can edit cell by cell
# --------------------------------------------------------------------------------------------------------------------


def _grid(rows: list[str]) -> np.ndarray:
    """A grid drawn with characters: '#' is 9, '+' is 5, '.' is 0."""
    values = {"#": 9.0, "+": 5.0, ".": 0.0}
    array = np.array([[values[c] for c in row] for row in rows])
    array.setflags(write=False)
    return array


GRIDS: dict[str, np.ndarray] = {
    "digit_7": _grid([".......", ".#####.", ".....#.", "....#..", "...#...", "...#...", "......."]),
    "digit_1": _grid([".......", "...#...", "..##...", "...#...", "...#...", "..###..", "......."]),
    "digit_0": _grid([".......", "..###..", ".#...#.", ".#...#.", ".#...#.", "..###..", "......."]),
    "cross": _grid(["...#...", "...#...", "...#...", "#######", "...#...", "...#...", "...#..."]),
    "vertical_edge": _grid(["...####", "...####", "...####", "...####", "...####", "...####", "...####"]),
    "diagonal": _grid(["#......", "+#.....", ".+#....", "..+#...", "...+#..", "....+#.", ".....+#"]),
}
