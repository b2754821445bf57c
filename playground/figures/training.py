"""Figures of the data page and the training lab: sample grid, pixel matrix, class balance, live curves.

Labels come in as arguments (the core does not translate); defaults are English.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go

from playground._checks import check_number
from playground.figures.common import CATEGORICAL, DIVERGING, SEQUENTIAL, heatmap, style
from playground.figures.draft import Draft
from playground.run import STOP_CODES, Event

GREY = "gray"  # Fashion-MNIST as it is: 0 = black … 255 = white (the notes' "grayscale matrix")
TRAIN_COLOR, VAL_COLOR = CATEGORICAL[0], CATEGORICAL[1]
EVENT_STYLE = {  # marker symbol and colour of each group of events on the curves (every stop code is "stop")
    "reduce_lr": ("triangle-down", CATEGORICAL[2]),
    "best": ("star", CATEGORICAL[3]),
    "checkpoint": ("square", CATEGORICAL[4]),
    "stop": ("x", CATEGORICAL[7]),
}


def event_group(event: Event) -> str:
    """The marker group of an event: its code, or "stop" for any of the stop codes."""
    return "stop" if event.code in STOP_CODES else event.code


def _codes(event: Event) -> str:
    """The default hover text: the code and its values (pages pass their own wording)."""
    return f"{event.code}: " + ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in
                                         event.values.items())  # fmt: skip


def sample_grid(
    images: np.ndarray, row_labels: Sequence[str], *, title: str | None = None, hover: str = "pixel"
) -> go.Figure:
    """Images tiled in a grid, one row per class.

    Args:
        images: uint8 array of shape (rows, cols, 28, 28).
        row_labels: one label per row (the class names), shown on the y axis.
    """
    rows, cols, h, w = images.shape
    tiled = np.ascontiguousarray(images.transpose(0, 2, 1, 3).reshape(rows * h, cols * w).astype(np.uint8))
    # The class of a row is its tick label; the hover says the pixel's value only (a class name per pixel was 60 000
    # strings: ~700 KB a rerun, most of the page's first paint).
    fig = Draft(
        dict(
            type="heatmap",
            z=tiled,
            colorscale=GREY,
            zmin=0,
            zmax=255,
            showscale=False,
            hovertemplate=f"{hover} %{{z}}<extra></extra>",
        )
    )
    fig.update_yaxes(
        autorange="reversed",
        scaleanchor="x",
        tickmode="array",
        tickvals=[h * r + h / 2 - 0.5 for r in range(rows)],
        ticktext=list(row_labels),
        showgrid=False,
    )
    fig.update_xaxes(showticklabels=False, showgrid=False)
    style(fig, title=title, height=max(300, 34 * rows + 40))
    return fig.update_layout(margin=dict(l=80)).to_figure()  # the class names on the left ("Ankle boot", "앵클 부츠")


def pixel_matrix(image: np.ndarray, *, title: str | None = None, hover_name: str = "pixel") -> go.Figure:
    """One 28×28 image as its matrix of 0–255 values: grey cells with the number written in each."""
    fig = heatmap(
        np.asarray(image),
        colorscale=GREY,
        show_values=True,
        value_format="d",
        hover_name=hover_name,
        title=title,
        height=720,
    )
    fig.update_traces(zmin=0, zmax=255, textfont=dict(size=8), showscale=False)
    return fig.update_layout(margin=dict(l=34))  # the row ticks (style() leaves ≥ 20 px on top for the column ticks)


def class_balance(
    counts: dict[str, Sequence[int]], class_names: Sequence[str], *, title: str | None = None, y_title: str = "images"
) -> go.Figure:
    """Images per class as grouped bars, one group per class and one bar per part (e.g. train / validation / test)."""
    fig = go.Figure()
    for (part, values), color in zip(counts.items(), CATEGORICAL, strict=False):
        fig.add_bar(
            x=list(class_names),
            y=list(values),
            name=part,
            marker_color=color,
            hovertemplate=f"{part}<br>%{{x}}: %{{y}}<extra></extra>",
        )
    fig.update_layout(barmode="group", legend=dict(orientation="h", y=-0.3))
    fig.update_xaxes(tickangle=-30)
    style(fig, title=title, y_title=y_title, height=340)
    return fig.update_layout(margin=dict(b=104))  # class names at −30° and the legend under them


def smooth(values: Sequence[float] | np.ndarray, weight: float = 0.9) -> np.ndarray:
    """Exponential moving average with bias correction (TensorBoard's smoothing), vectorized.

    s_t = (1 − w) Σ_{k≤t} w^{t−k} x_k / (1 − w^{t+1}); equals `pandas.Series.ewm(alpha=1 − w).mean()`.
    `weight` in [0, 1): 0 returns the values unchanged.
    """
    from scipy.signal import lfilter

    x = np.asarray(values, dtype=float)
    weight = check_number("weight", weight, low=0, high=1, high_open=True)
    if weight == 0 or x.size == 0:
        return x.copy()
    ema = lfilter([1 - weight], [1, -weight], x)
    return ema / (1 - weight ** np.arange(1, x.size + 1))


def _event_markers(
    fig: go.Figure,
    events: Sequence[Event],
    y_at: dict[int, float],
    labels: dict[str, str],
    describe: Callable[[Event], str] | None,
) -> None:
    """One marker trace per event group, placed on the curve at the event's epoch, with `describe(event)` on hover."""
    describe = describe or _codes
    for kind, (symbol, color) in EVENT_STYLE.items():
        chosen = [e for e in events if event_group(e) == kind and e.epoch in y_at]
        if not chosen:
            continue
        fig.add_scatter(
            x=[e.epoch for e in chosen],
            y=[y_at[e.epoch] for e in chosen],
            mode="markers",
            name=labels.get(kind, kind),
            marker=dict(symbol=symbol, size=13, color=color, line=dict(width=1, color="white")),
            text=[describe(e) for e in chosen],
            hovertemplate="%{text}<extra></extra>",
        )


def metric_curves(
    history: dict[str, list[float]],
    metric: str,
    events: Sequence[Event] = (),
    *,
    title: str | None = None,
    labels: dict[str, str] | None = None,
    epochs: int | None = None,
    describe: Callable[[Event], str] | None = None,
) -> go.Figure:
    """Training and validation `metric` ("loss" or "accuracy") per epoch, with the callback events marked.

    Events sit on the validation curve when there is one (that is what the callbacks watch), else on training;
    `labels` names their groups (EVENT_STYLE's keys) in the legend, `describe(event)` words each one on hover.
    `epochs` fixes the x range to the planned number of epochs, so a live curve grows into its frame.
    """
    labels = {"train": "training", "val": "validation", "epoch": "epoch", **(labels or {})}
    fig = go.Figure()
    train, val = history.get(metric, []), history.get(f"val_{metric}", [])
    fmt = ".1%" if metric == "accuracy" else ".4f"
    for values, name, color, dash in (
        (train, labels["train"], TRAIN_COLOR, None),
        (val, labels["val"], VAL_COLOR, "dash"),
    ):
        if values:
            fig.add_scatter(
                x=np.arange(1, len(values) + 1),
                y=values,
                mode="lines+markers",
                name=name,
                line=dict(color=color, dash=dash),
                hovertemplate=f"{name}, {labels['epoch']} %{{x}}: %{{y:{fmt}}}<extra></extra>",
            )
    target = val or train
    _event_markers(fig, events, {i + 1: v for i, v in enumerate(target)}, labels, describe)
    fig.update_xaxes(
        dtick=1 if (epochs or len(target)) <= 20 else None, range=[0.7, (epochs or len(target) or 1) + 0.3]
    )
    if metric == "accuracy":
        fig.update_yaxes(tickformat=".0%")
    fig.update_layout(legend=dict(orientation="h", y=-0.3), hovermode="closest")
    return style(fig, title=title, x_title=labels["epoch"], y_title=labels.get(metric, metric), height=330)


def batch_loss_curve(
    batch_loss: Sequence[float],
    batches_per_epoch: int,
    *,
    weight: float = 0.9,
    title: str | None = None,
    labels: dict[str, str] | None = None,
    epochs: int | None = None,
) -> go.Figure:
    """Every training batch's loss (faint) and its smoothed curve, x in epochs (batch k of epoch e → e − 1 + k/n)."""
    labels = {"raw": "per batch", "smooth": "smoothed", "epoch": "epoch", "loss": "loss", **(labels or {})}
    y = np.asarray(batch_loss, dtype=float)
    x = np.arange(1, y.size + 1) / max(1, batches_per_epoch)
    fig = go.Figure()
    few = y.size < 30  # markers while the curve is short: the very first batch is visible as a point
    fig.add_scatter(
        x=x, y=y, mode="lines+markers" if few else "lines", name=labels["raw"],
        line=dict(color=TRAIN_COLOR, width=1), marker=dict(size=5), opacity=0.6 if few else 0.3,
        hovertemplate=f"{labels['epoch']} %{{x:.2f}}: %{{y:.4f}}<extra></extra>",
    )  # fmt: skip
    fig.add_scatter(
        x=x, y=smooth(y, weight), mode="lines", name=labels["smooth"], line=dict(color=TRAIN_COLOR, width=2.5),
        hovertemplate=f"{labels['smooth']}, {labels['epoch']} %{{x:.2f}}: %{{y:.4f}}<extra></extra>",
    )  # fmt: skip
    if epochs:
        fig.update_xaxes(range=[0, epochs])
    fig.update_layout(legend=dict(orientation="h", y=-0.3))
    return style(fig, title=title, x_title=labels["epoch"], y_title=labels["loss"], height=330)


def learning_rate_curve(
    learning_rates: Sequence[float],
    events: Sequence[Event] = (),
    *,
    title: str | None = None,
    labels: dict[str, str] | None = None,
    epochs: int | None = None,
    describe: Callable[[Event], str] | None = None,
) -> go.Figure:
    """The learning rate used in each epoch (a step curve on a log axis); ReduceLROnPlateau cuts marked."""
    labels = {"epoch": "epoch", "learning_rate": "learning rate", **(labels or {})}
    lr = list(learning_rates)
    fig = go.Figure()
    if lr:
        fig.add_scatter(
            x=np.arange(1, len(lr) + 1),
            y=lr,
            mode="lines+markers",
            line=dict(shape="hv", color=CATEGORICAL[2]),
            name=labels["learning_rate"],
            hovertemplate=f"{labels['epoch']} %{{x}}: %{{y:.3g}}<extra></extra>",
        )
    cuts = [e for e in events if e.code == "reduce_lr" and e.epoch <= len(lr)]
    _event_markers(fig, cuts, {e.epoch: lr[e.epoch - 1] for e in cuts}, labels, describe)  # the step down follows it
    fig.update_yaxes(type="log", exponentformat="e")
    fig.update_xaxes(range=[0.7, (epochs or len(lr) or 1) + 0.3], dtick=1 if (epochs or len(lr)) <= 20 else None)
    fig.update_layout(showlegend=False)
    return style(fig, title=title, x_title=labels["epoch"], y_title=labels["learning_rate"], height=330)


@functools.cache
def _palette(name: str) -> np.ndarray:
    """256 RGB colours (uint8, shape (256, 3)) sampled evenly from a Plotly colour scale."""
    import plotly.colors as pc

    colours = pc.sample_colorscale(name, list(np.linspace(0.0, 1.0, 256)))
    return np.array([pc.unlabel_rgb(c) for c in colours]).round().astype(np.uint8)


def coloured(values: np.ndarray, *, symmetric: bool = False, scale: int = 4) -> np.ndarray:
    """A 2-D array as an RGB image for `st.image`: the app's colour scales, each pixel a `scale`×`scale` square.

    Feature maps use SEQUENTIAL from the array's minimum to its maximum; `symmetric=True` (kernels) uses
    DIVERGING from −max|v| to +max|v| (white = 0). NaN pixels (the gaps of `playground.lab.watch.mosaic`) are white.

    Returns:
        uint8 array of shape (H·scale, W·scale, 3).
    """
    v = np.asarray(values, dtype=np.float32)
    if v.ndim != 2:
        raise ValueError(f"values must be a 2-D array; got shape {v.shape}.")
    finite = np.isfinite(v)
    if symmetric:
        top = float(np.abs(v[finite]).max()) if finite.any() else 0.0
        low, high, name = -(top or 1.0), top or 1.0, DIVERGING
    else:
        low = float(v[finite].min()) if finite.any() else 0.0
        high = float(v[finite].max()) if finite.any() else 1.0
        high = high if high > low else low + 1.0
        name = SEQUENTIAL
    index = np.clip(np.round((np.where(finite, v, low) - low) / (high - low) * 255), 0, 255).astype(np.uint8)
    rgb = _palette(name)[index]
    rgb[~finite] = 255
    return np.repeat(np.repeat(rgb, scale, axis=0), scale, axis=1)
