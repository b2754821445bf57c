"""Max and average pooling as ``keras.layers.MaxPooling2D`` / ``AveragePooling2D`` compute them.

A pooling window slides over each channel separately (no weights, no mixing of channels) and keeps one number:
the largest value (max) or the mean (average). Output size per axis, like Keras's docstring:
"valid" ``floor((input − pool_size) / strides) + 1``, "same" ``ceil(input / strides)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from playground._checks import check_array, check_choice, check_int, check_pair, invalid
from playground.geometry import MAX_STEP_CELLS, IntPair, Padding, axis_padding, check_padding, check_step_cells
from playground.messages import Phrase

PoolMode = Literal["max", "average"]
POOL_MODES: tuple[str, ...] = ("max", "average")


@dataclass(frozen=True)
class _PoolPlan:
    x: np.ndarray  # (H, W, C)
    pool: tuple[int, int]
    strides: tuple[int, int]
    padding: tuple[int, int, int, int]  # top, bottom, left, right
    mode: str
    squeeze: bool


def _plan(
    x: object,
    pool_size: object,
    strides: object,
    padding: object,
    mode: object,
    *,
    keep_float32: bool = False,
) -> _PoolPlan:
    a = check_array("x", x, ndims=(2, 3), empty=False, float32=keep_float32)
    squeeze = a.ndim == 2
    if squeeze:
        a = a[:, :, None]
    pool = check_pair("pool_size", pool_size)
    s = pool if strides is None else check_pair("strides", strides)
    same = check_padding(padding)
    kind = str(check_choice("mode", mode, POOL_MODES, lower=True))
    top, bottom, left, right = (
        *axis_padding(a.shape[0], pool[0], strides=s[0], padding=same, argument="pool_size", window="window"),
        *axis_padding(a.shape[1], pool[1], strides=s[1], padding=same, argument="pool_size", window="window"),
    )
    return _PoolPlan(a, pool, s, (top, bottom, left, right), kind, squeeze)


def _windows(plan: _PoolPlan, fill: float) -> np.ndarray:
    """(H', W', C, ph, pw) windows over the input padded with `fill`."""
    top, bottom, left, right = plan.padding
    padded = np.pad(plan.x, ((top, bottom), (left, right), (0, 0)), constant_values=fill)
    (sh, sw) = plan.strides
    return sliding_window_view(padded, plan.pool, axis=(0, 1))[::sh, ::sw]


def _window_counts(size: int, pool: int, stride: int, before: int, out: int) -> np.ndarray:
    """Along one axis: how many cells of each of the `out` windows lie on the input (the rest is padding)."""
    start = np.arange(out) * stride - before
    return np.minimum(start + pool, size) - np.maximum(start, 0)


CHANNEL_FIRST_BELOW = 8  # _pool_taps walks inputs of 2 … 7 channels channel-first (measured: bench_core, NOTES)


def _pool_taps(plan: _PoolPlan) -> np.ndarray:
    """pool2d's values, computed tap by tap: for each of the ph·pw cells of a window, one strided slice of the
    (padded) input holds that cell for every window at once; max or sum them element-wise. Float64 result."""
    x = plan.x
    top, bottom, left, right = plan.padding
    if any(plan.padding):
        fill = -np.inf if plan.mode == "max" else 0.0
        x = np.pad(x, ((top, bottom), (left, right), (0, 0)), constant_values=fill)
    (ph, pw), (sh, sw) = plan.pool, plan.strides
    h_out = (x.shape[0] - ph) // sh + 1
    w_out = (x.shape[1] - pw) // sw + 1
    taps = [
        x[a : a + (h_out - 1) * sh + 1 : sh, b : b + (w_out - 1) * sw + 1 : sw] for a in range(ph) for b in range(pw)
    ]
    # numpy's inner loop runs along the last axis. With 2–7 channels (an RGB image) that loop is a few cells long
    # and the taps are fastest walked channel-first, along the rows (1024×1024×3, pool 2: ~8 → ~5 ms); with one
    # channel or many, as they are. The result is the same array either way, only its memory layout differs.
    channel_first = 1 < x.shape[2] < CHANNEL_FIRST_BELOW
    if channel_first:
        taps = [tap.transpose(2, 0, 1) for tap in taps]
    combine = np.maximum if plan.mode == "max" else np.add
    out = np.empty(taps[0].shape)  # float64; the last combination writes straight into it
    if len(taps) == 1:
        out[...] = taps[0]
    else:
        partial = out if len(taps) == 2 else None
        partial = combine(taps[0], taps[1], out=partial)
        for i, tap in enumerate(taps[2:], start=3):
            combine(partial, tap, out=out if i == len(taps) else partial)
    if plan.mode == "average":
        rows = _window_counts(plan.x.shape[0], ph, sh, top, h_out)
        cols = _window_counts(plan.x.shape[1], pw, sw, left, w_out)
        counts = rows[:, None] * cols[None, :]  # (H', W'): real cells per window
        if counts.min() == counts.max():  # "valid", or "same" that pads nothing: one divisor, the same quotients
            out /= float(counts[0, 0])
        else:
            out /= counts[None] if channel_first else counts[:, :, None]
    return out.transpose(1, 2, 0) if channel_first else out


def pool2d(
    x: np.ndarray,
    pool_size: IntPair = 2,
    *,
    strides: IntPair | None = None,
    padding: Padding = "valid",
    mode: PoolMode = "max",
) -> np.ndarray:
    """Max or average pooling with Keras semantics, channel by channel.

    * max: ``out[i, j, c] = max over the window at (i·sh, j·sw) of x[…, c]``; padding cells never win
      (TensorFlow pads with −∞).
    * average: the mean of the window's cells that lie on the input — with "same" padding Keras/TensorFlow divide
      by the number of real cells, not by pool_h · pool_w, so padding zeros do not dim the border.

    Args:
        x: (H, W) or (H, W, C), e.g. a feature map.
        pool_size: int or (rows, cols).
        strides: int or pair; None means pool_size (Keras's default: windows that do not overlap).
        padding: "valid" or "same" (TensorFlow's split, extra cell at the bottom/right).
        mode: "max" or "average".

    Returns:
        (H', W') or (H', W', C), float64 (a float32 input is pooled in float32, as Keras does, then converted).

    Raises:
        ValueError: wrong ndim, NaN/inf values, sizes < 1, unknown padding/mode, or a window larger than a
            "valid" input.
    """
    plan = _plan(x, pool_size, strides, padding, mode, keep_float32=True)
    out = _pool_taps(plan)
    return out[:, :, 0] if plan.squeeze else out


def max_pool_winners(
    x: np.ndarray, pool_size: IntPair = 2, *, strides: IntPair | None = None, padding: Padding = "valid"
) -> tuple[np.ndarray, np.ndarray]:
    """Which input cell won each max: its (row, column) in the original input.

    Ties go to the first cell of the window in reading order (row by row).

    Returns:
        (rows, cols), two int arrays shaped like ``pool2d(x, ..., mode="max")``.
    """
    plan = _plan(x, pool_size, strides, padding, "max")
    windows = _windows(plan, -np.inf)
    h_out, w_out, c, ph, pw = windows.shape
    flat = windows.reshape(h_out, w_out, c, ph * pw).argmax(axis=3)
    top, _, left, _ = plan.padding
    sh, sw = plan.strides
    rows = np.arange(h_out)[:, None, None] * sh + flat // pw - top
    cols = np.arange(w_out)[None, :, None] * sw + flat % pw - left
    if plan.squeeze:
        return rows[:, :, 0], cols[:, :, 0]
    return rows, cols


@dataclass(frozen=True)
class PoolCell:
    """How one pooled value is chosen.

    Attributes:
        row, col, channel: the output cell.
        padding: (top, bottom, left, right) cells added around the input.
        rows, cols: the window's rows/columns in the input (negative or ≥ H/W: a padding cell).
        window: (ph, pw) the values, NaN on padding cells.
        valid: (ph, pw) True where the window lies on the input.
        count: number of real cells (the average's divisor).
        winner: (row, col) in the input of the max (max mode), else None.
        value: the pooled value — equals ``pool2d(...)[row, col(, channel)]``.
    """

    row: int
    col: int
    channel: int
    padding: tuple[int, int, int, int]
    rows: np.ndarray
    cols: np.ndarray
    window: np.ndarray
    valid: np.ndarray
    count: int
    winner: tuple[int, int] | None
    value: float

    def expression(self) -> str:
        """The pooling written out, e.g. ``"max(0, 9, 5, 0) = 9"`` or ``"(0 + 9 + 5 + 0) / 4 = 3.5"`` (padding cells
        left out: they never count)."""
        values = [f"{v:.4g}" for v in self.window[self.valid]]
        if self.winner is not None:
            return f"max({', '.join(values)}) = {self.value:.4g}"
        return f"({' + '.join(values)}) / {self.count} = {self.value:.4g}"


def explain_pool2d_cell(
    x: np.ndarray,
    row: int,
    col: int,
    *,
    pool_size: IntPair = 2,
    strides: IntPair | None = None,
    padding: Padding = "valid",
    mode: PoolMode = "max",
    channel: int = 0,
) -> PoolCell:
    """The window behind ``pool2d(...)[row, col, channel]``: which cell won the max, or the mean of the window.

    Raises:
        ValueError: as :func:`pool2d`, or a cell/channel outside the output.
    """
    plan = _plan(x, pool_size, strides, padding, mode)
    windows = _windows(plan, np.nan)
    row = check_int("row", row, low=0, high=windows.shape[0] - 1)
    col = check_int("col", col, low=0, high=windows.shape[1] - 1)
    channel = check_int("channel", channel, low=0, high=windows.shape[2] - 1)
    window = windows[row, col, channel].copy()
    valid = ~np.isnan(window)
    top, _, left, _ = plan.padding
    rows = row * plan.strides[0] + np.arange(plan.pool[0]) - top
    cols = col * plan.strides[1] + np.arange(plan.pool[1]) - left
    if plan.mode == "max":
        a, b = np.unravel_index(np.argmax(np.where(valid, window, -np.inf)), window.shape)
        winner: tuple[int, int] | None = (int(rows[a]), int(cols[b]))
        value = float(window[a, b])
    else:
        winner = None
        value = float(np.nanmean(window))
    return PoolCell(
        row=row,
        col=col,
        channel=channel,
        padding=plan.padding,
        rows=rows,
        cols=cols,
        window=window,
        valid=valid,
        count=int(valid.sum()),
        winner=winner,
        value=value,
    )


def pool2d_steps(
    x: np.ndarray,
    *,
    pool_size: IntPair = 2,
    strides: IntPair | None = None,
    padding: Padding = "valid",
    mode: PoolMode = "max",
    channel: int = 0,
    max_cells: int = MAX_STEP_CELLS,
) -> list[PoolCell]:
    """Every cell of ``pool2d(...)[:, :, channel]`` as a :class:`PoolCell`, in reading order (row by row, left to
    right): the window sliding across the output and the number it keeps.

    Args:
        x, pool_size, strides, padding, mode, channel: as :func:`explain_pool2d_cell`.
        max_cells: the most output cells to explain (H' · W' ≤ max_cells).

    Returns:
        H' · W' cells; ``steps[r * W' + c].value == pool2d(...)[r, c(, channel)]``.

    Raises:
        ValueError: as :func:`pool2d`, or an output with more than `max_cells` cells.
    """
    plan = _plan(x, pool_size, strides, padding, mode)
    top, bottom, left, right = plan.padding
    h_out = (plan.x.shape[0] + top + bottom - plan.pool[0]) // plan.strides[0] + 1
    w_out = (plan.x.shape[1] + left + right - plan.pool[1]) // plan.strides[1] + 1
    check_step_cells(h_out, w_out, max_cells)
    return [
        explain_pool2d_cell(x, r, c, pool_size=pool_size, strides=strides, padding=padding, mode=mode, channel=channel)
        for r in range(h_out)
        for c in range(w_out)
    ]


def shift(x: np.ndarray, rows: int = 0, cols: int = 1) -> np.ndarray:
    """`x` moved down by `rows` and right by `cols` cells (negative: up/left); cells that come in are 0.

    Args:
        x: (H, W) or (H, W, C).
        rows, cols: integer shifts, |shift| < the axis length.

    Returns:
        A new array with the shape and dtype of `x`.
    """
    a = np.asarray(x)
    if a.ndim not in (2, 3):
        raise invalid(
            "x", "a 2-D or 3-D array", x, show=Phrase("{argument} with shape {shape}", argument="x", shape=a.shape)
        )
    out = np.zeros_like(a)
    rows = check_int("rows", rows, low=1 - a.shape[0], high=a.shape[0] - 1)
    cols = check_int("cols", cols, low=1 - a.shape[1], high=a.shape[1] - 1)
    src_r = slice(max(0, -rows), a.shape[0] - max(0, rows))
    dst_r = slice(max(0, rows), a.shape[0] - max(0, -rows))
    src_c = slice(max(0, -cols), a.shape[1] - max(0, cols))
    dst_c = slice(max(0, cols), a.shape[1] - max(0, -cols))
    out[dst_r, dst_c] = a[src_r, src_c]
    return out


@dataclass(frozen=True)
class ShiftComparison:
    """Pooling an input and the same input shifted by a cell or two.

    Attributes:
        shifted: the shifted input.
        pooled, pooled_shifted: pool2d of each.
        input_changed: fraction of input cells whose value changed by the shift.
        pooled_changed: fraction of pooled cells whose value changed.
    """

    shifted: np.ndarray
    pooled: np.ndarray
    pooled_shifted: np.ndarray
    input_changed: float
    pooled_changed: float


def compare_shifted(
    x: np.ndarray,
    *,
    rows: int = 0,
    cols: int = 1,
    pool_size: IntPair = 2,
    strides: IntPair | None = None,
    padding: Padding = "valid",
    mode: PoolMode = "max",
) -> ShiftComparison:
    """Translation-invariance demo: how much of the pooled output survives a small shift of the input.

    Max pooling reports "the strongest response somewhere in this window", so a feature that moves by one cell
    but stays inside its window leaves the output unchanged, while most input cells did change.
    """
    pooled = pool2d(x, pool_size, strides=strides, padding=padding, mode=mode)
    moved = shift(np.asarray(x, dtype=float), rows, cols)
    pooled_moved = pool2d(moved, pool_size, strides=strides, padding=padding, mode=mode)
    return ShiftComparison(
        shifted=moved,
        pooled=pooled,
        pooled_shifted=pooled_moved,
        input_changed=float(np.mean(~np.isclose(np.asarray(x, dtype=float), moved))),
        pooled_changed=float(np.mean(~np.isclose(pooled, pooled_moved))),
    )
