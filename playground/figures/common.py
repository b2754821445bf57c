"""The shared look: colour-blind-safe scales, labelled axes, values on hover."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar
from unicodedata import east_asian_width

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from playground._checks import invalid
from playground.figures.draft import Draft

FigureT = TypeVar("FigureT", go.Figure, Draft)

# Set once: passing template= to every figure made Plotly validate and deep-copy the whole template each time
# (~7 ms a figure, over half of a 2-D convolution rerun). The JSON sent to the browser is the same.
pio.templates.default = "plotly_white"

SEQUENTIAL = "Cividis"  # perceptually uniform and colour-blind safe: images, feature maps, counts
DIVERGING = "RdBu_r"  # signed values (kernels, gradients): blue negative, red positive, white zero
CATEGORICAL = (  # Okabe–Ito, safe for the common colour-vision deficiencies
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
)


Y_TITLE_PX = 86  # y tick labels ("0.0001"), Streamlit's title standoff (24 px) and the rotated title
X_TITLE_PX = 58  # x tick labels, standoff (20 px) and the title
LEGEND_BELOW_PX = 48  # a one-row legend under the x title
WIDE_ROW_PX = 7  # a row of Hangul (or other wide script) text under the plot is this much taller than a Latin one


def _wide(char: str) -> bool:
    """A character of a wide script (Hangul, CJK): about twice a Latin letter's width, and a taller line."""
    return east_asian_width(char) in "WF"


def tick_labels_px(labels: Iterable[str]) -> int:
    """The margin a column of category tick labels needs, in px: the widest label at the tick font (12 px; a Latin
    character ≈ 5.5 px, a wide one such as Hangul ≈ 11.5 px), plus the tick's standoff. A slight overestimate, so
    Plotly does not have to grow the margin (which costs it a second draw, see `style`)."""
    widths = [sum(11.5 if _wide(c) else 5.5 for c in label) for label in labels]
    return int(16 + max(widths, default=0))


def _trace_names(fig: Any) -> list[str]:
    """The names of a Draft's (dicts) or go.Figure's traces."""
    return [str((tr.get("name") if isinstance(tr, dict) else tr.name) or "") for tr in fig.data]


def _get(fig: Any, key: str) -> Any:
    """A layout setting of a Draft (dict) or go.Figure, as plain data (None when unset)."""
    layout = fig.layout
    if isinstance(layout, dict):
        return layout.get(key)
    value = layout[key]
    return value.to_plotly_json() if hasattr(value, "to_plotly_json") else value


def style(
    fig: FigureT,
    *,
    title: str | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int | None = None,
) -> FigureT:
    """Apply the playground's layout: title, axis labels, margins, white template.

    The margins are the room the figure's labels take (measured in chromium with Streamlit's theme): Plotly's
    `automargin` grows a margin that is too small, but only by drawing the whole figure a second time, and Streamlit
    draws every changed chart twice already, so a figure whose margins fit draws in half the time. A legend under
    the plot (horizontal, y < 0) adds room at the bottom. `automargin` stays on for labels longer than usual.
    """
    legend = _get(fig, "legend") or {}
    below = legend.get("orientation") == "h" and (legend.get("y") or 0) < 0
    rows_below = bool(x_title) + below  # text rows under the plot: the x title, the legend
    below_text = (x_title or "") + ("".join(_trace_names(fig)) if below else "")
    wide = any(map(_wide, below_text))
    fig.update_layout(
        margin=dict(
            l=Y_TITLE_PX if y_title else 10,
            r=20,  # half of the last x tick label
            t=40 if title else 20,
            b=(X_TITLE_PX if x_title else 10) + (LEGEND_BELOW_PX if below else 0) + WIDE_ROW_PX * rows_below * wide,
        )
    )
    if title is not None:
        fig.update_layout(title=dict(text=title, x=0, xanchor="left", font=dict(size=15)))
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    if height is not None:
        fig.update_layout(height=height)
    return fig


def cell_format(value_format: str, z: np.ndarray) -> str:
    """The d3 format of the numbers written in a map's cells, given `value_format` (the hover's).

    A ".Ng" / ".N~g" format with N ≥ 4 loses one significant digit in the cells when every value is below
    10^(N−1) − 0.5 (999.5 for ".4~g", so no value turns to exponent notation): 0.562, 1.69, 3.94 instead of 0.5625,
    1.688, 3.938, which overflow a small cell. The hover keeps every digit of `value_format`; any other format is used
    as it is.
    """
    general = re.fullmatch(r"\.(\d+)(~?)g", value_format)
    if general is None or int(general[1]) < 4:
        return value_format
    digits, trim = int(general[1]), general[2]
    finite = np.abs(np.asarray(z, dtype=float))
    finite = finite[np.isfinite(finite)]
    if finite.size and finite.max() >= 10 ** (digits - 1) - 0.5:  # 999.5 would be written 1e+3 with one fewer
        return value_format
    return f".{digits - 1}{trim}g"


def heatmap(z: np.ndarray, **settings) -> go.Figure:
    """`heatmap_draft(z, **settings)` as a finished figure."""
    return heatmap_draft(z, **settings).to_figure()


def heatmap_draft(
    z: np.ndarray,
    *,
    title: str | None = None,
    colorscale: str | None = None,
    zmid: float | None = None,
    show_values: bool | None = None,
    value_format: str = ".3g",
    x_title: str | None = None,
    y_title: str | None = None,
    height: int | None = None,
    hover_name: str = "value",
    showscale: bool = True,
) -> Draft:
    """A 2-D array as a heatmap with row 0 at the top, integer ticks, and the value on hover.

    Args:
        z: array of shape (rows, cols).
        colorscale: defaults to DIVERGING when `z` has both signs (centred on 0), else SEQUENTIAL.
        show_values: write each value in its cell; default only when the grid is small (≤ 16×16).
        value_format: d3 format of the hover; the cells write `cell_format(value_format, z)`.
        x_title, y_title: axis titles, already translated (the core has no language: none by default; the hover
            says "(row, column)" as "(%{y}, %{x})" in every language).
    """
    z = np.asarray(z, dtype=float)
    if z.ndim != 2:
        raise invalid("z", "a 2-D array", z, show=f"shape={z.shape}")
    signed = bool(np.nanmin(z) < 0 < np.nanmax(z)) if z.size else False
    if colorscale is None:
        colorscale = DIVERGING if signed else SEQUENTIAL
    if zmid is None and signed and colorscale == DIVERGING:
        zmid = 0.0
    if show_values is None:
        show_values = max(z.shape) <= 16
    trace = dict(
        type="heatmap",
        z=z,
        colorscale=colorscale,
        zmid=zmid,
        showscale=showscale,
        hovertemplate=f"(%{{y}}, %{{x}})<br>{hover_name} %{{z:{value_format}}}<extra></extra>",
        texttemplate=f"%{{z:{cell_format(value_format, z)}}}" if show_values else None,
        xgap=1 if show_values else 0,
        ygap=1 if show_values else 0,
    )
    fig = Draft(trace)
    fig.update_yaxes(autorange="reversed", scaleanchor="x", constrain="domain")
    fig.update_xaxes(constrain="domain", side="top")
    if max(z.shape, default=0) <= 32:
        fig.update_xaxes(dtick=1)
        fig.update_yaxes(dtick=1)
    return style(fig, title=title, x_title=x_title, y_title=y_title, height=height)
