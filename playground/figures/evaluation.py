"""Figures for the evaluation, save/restore and compare pages. Every text on a figure comes in as an argument
(the pages translate it); values are on hover; colours are the colour-blind-safe ones of `common`."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from playground._checks import invalid
from playground.figures.common import CATEGORICAL, DIVERGING, SEQUENTIAL, heatmap, style

HIGHLIGHT = CATEGORICAL[3]  # vermillion: the predicted class / a mistake
BASE = CATEGORICAL[0]  # blue
TRUTH = CATEGORICAL[2]  # bluish green: the true class


def confusion_figure(
    cm: np.ndarray,
    class_names: Sequence[str],
    *,
    x_title: str,
    y_title: str,
    count_name: str = "images",
    title: str | None = None,
) -> go.Figure:
    """A (K, K) confusion matrix as a heatmap: true classes down, predicted classes across, counts in the cells.

    Hover shows "true → predicted: count". Sequential colour scale (Cividis).
    """
    cm = np.asarray(cm)
    names = list(class_names)
    fig = heatmap(cm, title=title, colorscale=SEQUENTIAL, value_format="d", x_title=x_title, y_title=y_title)
    fig.update_traces(
        x=names,
        y=names,
        customdata=np.array([[(t, p) for p in names] for t in names], dtype=object),
        hovertemplate=f"%{{customdata[0]}} → %{{customdata[1]}}<br>{count_name}: %{{z:d}}<extra></extra>",
        colorbar=dict(thickness=12),
    )
    fig.update_xaxes(dtick=None, tickangle=-40)
    fig.update_yaxes(dtick=None)
    fig.update_layout(height=520)
    return fig


def per_class_figure(
    accuracy: np.ndarray, class_names: Sequence[str], *, x_title: str, y_title: str, title: str | None = None
) -> go.Figure:
    """Per-class accuracy as horizontal bars (0–100 %), the classes in dataset order from the top."""
    acc = np.asarray(accuracy, dtype=float)
    fig = go.Figure(
        go.Bar(
            x=acc * 100,
            y=list(class_names),
            orientation="h",
            marker_color=BASE,
            text=[f"{a:.1%}" if np.isfinite(a) else "–" for a in acc],
            # Inside a long bar, after a short one: a class at 0 % (no bar at all) still reads "0.0%".
            textposition=["inside" if np.isfinite(a) and a >= 0.15 else "outside" for a in acc],
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f} %<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return style(fig, title=title, x_title=x_title, y_title=y_title, height=60 + 28 * len(acc))


def probabilities_figure(
    proba: np.ndarray,
    class_names: Sequence[str],
    *,
    x_title: str,
    y_title: str,
    true_label: int | None = None,
    title: str | None = None,
) -> go.Figure:
    """The softmax output for one image as bars; the argmax bar in vermillion, the true class outlined in green."""
    p = np.asarray(proba, dtype=float).ravel()
    winner = int(p.argmax())
    colors = [HIGHLIGHT if i == winner else BASE for i in range(len(p))]
    lines = [3 if i == true_label else 0 for i in range(len(p))]
    fig = go.Figure(
        go.Bar(
            x=list(class_names),
            y=p,
            marker=dict(color=colors, line=dict(color=TRUTH, width=lines)),
            text=[f"{v:.1%}" if v >= 0.005 else "" for v in p],
            textposition="outside",
            hovertemplate="%{x}: %{y:.4f}<extra></extra>",
        )
    )
    fig.update_yaxes(range=[0, 1.12], tickformat=".0%")
    fig.update_xaxes(tickangle=-40)
    return style(fig, title=title, x_title=x_title, y_title=y_title, height=330)


def _grid(n: int, cols: int) -> tuple[int, int]:
    cols = max(1, min(cols, n))
    return math.ceil(n / cols), cols


def maps_grid_figure(
    maps: np.ndarray,
    *,
    label: str = "filter",
    title: str | None = None,
    cols: int = 8,
    colorscale: str = SEQUENTIAL,
    symmetric: bool = False,
    row_px: int = 78,
) -> go.Figure:
    """A stack of 2-D maps (H, W, C) as a grid of small heatmaps with one shared colour scale.

    Used for feature maps (one tile per filter, Cividis) and learned kernels (`symmetric=True`: diverging scale
    centred on 0). Tile titles are "<label> k" (1-based); hover gives tile, row, column and value.
    """
    maps = np.asarray(maps, dtype=float)
    if maps.ndim != 3:
        raise invalid("maps", "an array of shape (H, W, C)", maps, show=f"shape={maps.shape}")
    n = maps.shape[2]
    rows, cols = _grid(n, cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[f"{label} {k + 1}" for k in range(n)],
        horizontal_spacing=0.015,
        vertical_spacing=min(0.3 / rows, 0.08) if rows > 1 else 0.0,
    )
    if symmetric:
        top = float(np.abs(maps).max()) or 1.0
        zmin, zmax, scale = -top, top, DIVERGING
    else:
        zmin, zmax, scale = float(maps.min()), float(maps.max()), colorscale
        if zmax == zmin:
            zmax = zmin + 1.0
    for k in range(n):
        fig.add_trace(
            go.Heatmap(
                z=maps[:, :, k],
                coloraxis="coloraxis",
                hovertemplate=f"{label} {k + 1}<br>row %{{y}}, column %{{x}}<br>%{{z:.3g}}<extra></extra>",
            ),
            row=k // cols + 1,
            col=k % cols + 1,
        )
    fig.update_xaxes(showticklabels=False, constrain="domain")
    fig.update_yaxes(showticklabels=False, autorange="reversed", scaleanchor="x", constrain="domain")
    for k in range(n):  # square tiles: each y axis anchored to its own x axis
        suffix = "" if k == 0 else str(k + 1)
        fig.layout[f"yaxis{suffix}"].scaleanchor = f"x{suffix}"
    fig.update_annotations(font_size=10)
    fig.update_layout(coloraxis=dict(colorscale=scale, cmin=zmin, cmax=zmax, colorbar=dict(thickness=12)))
    style(fig, title=title, height=int((60 if title else 30) + rows * row_px))
    fig.update_layout(margin=dict(t=60 if title else 30))  # room for the first row's tile titles
    return fig


def bars_figure(
    values: np.ndarray, *, x_title: str, y_title: str, label: str = "filter", title: str | None = None
) -> go.Figure:
    """One bar per filter (1-based), e.g. the mean activation of each feature map."""
    v = np.asarray(values, dtype=float).ravel()
    fig = go.Figure(
        go.Bar(
            x=np.arange(1, len(v) + 1),
            y=v,
            marker_color=BASE,
            hovertemplate=f"{label} %{{x}}: %{{y:.4g}}<extra></extra>",
        )
    )
    fig.update_xaxes(dtick=1 if len(v) <= 32 else None)
    return style(fig, title=title, x_title=x_title, y_title=y_title, height=260)


def curves_figure(
    runs: Sequence[tuple[str, dict[str, list[float]]]],
    metric: str,
    *,
    x_title: str,
    y_title: str,
    train_name: str = "train",
    val_name: str = "validation",
    title: str | None = None,
) -> go.Figure:
    """Overlay of several runs' per-epoch curves of `metric` ("loss" or "accuracy").

    One Okabe–Ito colour per run; training solid, validation (`val_<metric>`) dashed; epochs 1-based.
    """
    fig = go.Figure()
    fmt = ".1%" if metric == "accuracy" else ".4f"  # accuracy in per cent, as the training lab shows it
    for i, (name, history) in enumerate(runs):
        color = CATEGORICAL[i % len(CATEGORICAL)]
        for key, dash, part in ((metric, "solid", train_name), (f"val_{metric}", "dash", val_name)):
            values = history.get(key) or []
            if not values:
                continue
            fig.add_trace(
                go.Scatter(
                    x=np.arange(1, len(values) + 1),
                    y=values,
                    mode="lines+markers",
                    name=f"{name} · {part}",
                    legendgroup=name,
                    line=dict(color=color, dash=dash),
                    hovertemplate=f"{name} · {part}<br>epoch %{{x}}: %{{y:{fmt}}}<extra></extra>",
                )
            )
    if metric == "accuracy":
        fig.update_yaxes(tickformat=".0%")
    fig.update_xaxes(dtick=1 if max((len(h.get(metric) or []) for _, h in runs), default=0) <= 20 else None)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.2))
    return style(fig, title=title, x_title=x_title, y_title=y_title, height=380)
