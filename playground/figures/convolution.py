"""Figures for the convolution and pooling pages: 1-D tapes, receptive fields, feature-map stacks, pooling winners.

Builders take already-translated titles/labels from the page and return ``go.Figure``; values show on hover.
"""

from __future__ import annotations

import base64
import functools
import io
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from playground.convolution import Step1D
from playground.figures.common import CATEGORICAL, DIVERGING, SEQUENTIAL, FigureT, cell_format, heatmap, style
from playground.figures.draft import Draft, array, subplots

HIGHLIGHT = CATEGORICAL[1]  # orange: the cells in play
WINNER = CATEGORICAL[3]  # vermillion: the max that won
PADDING_EDGE = CATEGORICAL[7]


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def _box(r0: float, c0: float, r1: float, c1: float, *, color: str, dash: str = "solid") -> dict:
    """A rectangle outlining cells [r0, r1] × [c0, c1] (inclusive, cell coordinates) of a heatmap."""
    return dict(
        type="rect",
        x0=c0 - 0.5,
        x1=c1 + 0.5,
        y0=r0 - 0.5,
        y1=r1 + 0.5,
        line=dict(color=color, width=3, dash=dash),
        fillcolor="rgba(0,0,0,0)",
    )


def _add_shapes(fig: FigureT, shapes: Sequence[dict]) -> FigureT:
    """Add shapes in one layout update: `fig.add_shape` re-validates every earlier shape on each call, so adding n
    shapes one by one costs O(n²) (256 window outlines took ~6 s)."""
    if not shapes:
        return fig
    if isinstance(fig, Draft):
        fig.layout.setdefault("shapes", []).extend(shapes)
    else:
        figure: go.Figure = fig
        figure.update_layout(shapes=[*figure.layout.shapes, *shapes])
    return fig


# ------------------------------------------------------------------------------------------------------------- 1-D


def tape(
    values: Sequence[float],
    *,
    title: str | None = None,
    highlight: Sequence[int] = (),
    labels: Sequence[str] | None = None,
    x_title: str = "index",
    hover_name: str = "value",
    height: int = 130,
) -> go.Figure:
    """A 1-D array as a row of labelled cells (like a strip of paper), optional cells outlined."""
    z = np.asarray(values, dtype=float)[None, :]
    x = list(range(z.shape[1])) if labels is None else list(labels)
    fig = Draft(
        dict(
            type="heatmap",
            z=z,
            x=x,
            colorscale=DIVERGING,
            zmid=0,
            showscale=False,
            xgap=2,
            texttemplate="%{z:.4~g}",
            hovertemplate=f"{x_title} %{{x}}<br>{hover_name} %{{z:.4g}}<extra></extra>",
        )
    )
    _add_shapes(fig, [_box(0, i, 0, i, color=HIGHLIGHT) for i in highlight])
    fig.update_yaxes(visible=False)
    fig.update_xaxes(type="category", side="bottom")
    return style(fig, title=title, x_title=x_title, height=height).to_figure()


STEP_MS = 800  # how long playback shows each step
_JUMP = dict(frame=dict(duration=0, redraw=True), transition=dict(duration=0), mode="immediate")
_PLAY = dict(frame=dict(duration=STEP_MS, redraw=True), transition=dict(duration=0), mode="immediate")


def _player(
    count: int,
    index: int,
    frames: list[str] | None,
    play_label: str,
    pause_label: str,
    *,
    buttons_pad_t: int,
    slider_pad_t: int,
    extra: dict | None = None,
) -> dict:
    """Layout for playing frames "0" … "count − 1" in the browser: Play / Pause (and `extra`) buttons under the plot,
    then a slider that jumps to a frame (at most ~16 labelled ticks).

    Play runs `frames` (None: every frame) from the one shown, or from the first when the last is shown; Pause
    stops. The figure opens on frame `index`. The pads are the px from the plot's bottom edge to the buttons and to
    the slider, below the x axis's labels.
    """
    last = count - 1
    every = max(1, -(-count // 16))
    buttons = [
        dict(label=play_label, method="animate", args=[frames, dict(_PLAY, fromcurrent=index < last)]),
        dict(label=pause_label, method="animate", args=[[None], _JUMP]),
    ]
    return dict(
        updatemenus=[
            dict(
                type="buttons", direction="left", showactive=False, x=0, xanchor="left", y=0, yanchor="top",
                pad=dict(t=buttons_pad_t, r=10), font=dict(size=13), buttons=[*buttons, *([extra] if extra else [])],
            )
        ],
        sliders=[
            dict(
                active=index, x=0, len=1, y=0, yanchor="top", pad=dict(t=slider_pad_t, l=0),
                currentvalue=dict(visible=False), transition=dict(duration=0),
                steps=[
                    dict(label=str(j) if j % every == 0 or j == last else "", method="animate", args=[[str(j)], _JUMP])
                    for j in range(count)
                ],
            )
        ],
    )  # fmt: skip


def _outline(x0: float, x1: float, y0: float, y1: float) -> dict:
    """The corners of a rectangle as a closed line (x and y lists for a Scatter trace)."""
    return dict(x=[x0, x1, x1, x0, x0], y=[y0, y0, y1, y1, y0])


def _wrap(text: str, width: int) -> list[str]:
    """Break an equation like ``a·b + c·d = e`` into lines of at most about `width` characters, at " + "."""
    lines: list[str] = []
    for part in text.split(" + "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " + " + part
        else:
            lines.append(part if not lines else "+ " + part)
    return lines


def conv1d_step_figure(
    steps: Sequence[Step1D],
    index: int,
    *,
    titles: Sequence[str] | None = None,
    signal_label: str = "signal (zero-padded)",
    kernel_label: str = "kernel",
    products_label: str = "products",
    output_label: str = "output",
    x_title: str = "signal index",
    output_x_title: str = "output index",
    play_label: str = "▶ Play",
    pause_label: str = "❚❚ Pause",
    wrap: int = 44,
) -> go.Figure:
    """Every step of a 1-D convolution in one figure that plays in the browser (Plotly frames, no server round trip).

    Top panel: rows "signal", "kernel", "products" over the padded signal (cells outside the signal are the zero
    padding, their index is negative or ≥ n) with the kernel's window outlined. Bottom panel: the output, filled up
    to the step. Frame j (named ``str(j)``) shows step j; its title is ``titles[j]`` (default "step j of n") followed
    by the step's multiply-add. The figure opens on step `index`; Play / Pause buttons and a slider below the panels
    move through the frames on the client.

    Colours: one diverging scale per panel, centred on 0 (white) and fixed over all steps, so a colour means the
    same number in every frame.
    """
    last = len(steps) - 1
    first = steps[0]
    padded = first.padded
    m = first.weights.size
    signal_index = np.arange(padded.size) - first.pad[0]
    outputs = np.array([s.value for s in steps])
    products = np.array([s.products for s in steps])
    top_max = float(np.max(np.abs(np.concatenate([padded, first.weights, products.ravel()])))) or 1.0
    out_max = float(np.max(np.abs(outputs))) or 1.0
    show_text = padded.size <= 32
    text = dict(texttemplate="%{z:.4~g}", textfont=dict(size=11)) if show_text else {}
    if titles is None:
        titles = [f"step {j} of {last}" for j in range(len(steps))]
    equations = [
        [f"y[{j}] = " + line if i == 0 else line for i, line in enumerate(_wrap(s.expression(), wrap))]
        for j, s in enumerate(steps)
    ]
    title_lines = 1 + max(len(e) for e in equations)

    def moving(j: int) -> list[dict]:
        """The traces that change from step to step: window rows, window outline, output so far, output cell."""
        step = steps[j]
        lo = int(step.input_indices[0])
        return [
            dict(type="heatmap", z=[step.weights, step.products], x=step.input_indices, y=[1, 2]),
            dict(type="scatter", **_outline(lo - 0.5, lo + m - 0.5, -0.5, 2.5)),
            dict(type="heatmap", z=[np.where(np.arange(outputs.size) <= j, outputs, np.nan)]),
            dict(type="scatter", **_outline(j - 0.5, j + 0.5, -0.5, 0.5)),
        ]

    def title(j: int) -> dict:
        # All bold: Streamlit's theme wraps a figure's title in <b> (the first draw), frames must look the same.
        return dict(text="<b>" + "<br>".join([titles[j], *equations[j]]) + "</b>")

    top = dict(colorscale=DIVERGING, zmid=0, zmin=-top_max, zmax=top_max, showscale=False, xgap=2, ygap=2, **text)
    box = dict(mode="lines", line=dict(color=HIGHLIGHT, width=3), hoverinfo="skip", showlegend=False)
    hover_top = f"%{{customdata}}, {x_title} %{{x}}: %{{z:.4g}}<extra></extra>"
    window, window_box, so_far, cell_box = moving(index)
    data = [
        dict(
            type="heatmap",
            z=[padded],
            x=signal_index,
            y=[0],
            customdata=[[signal_label] * padded.size],
            hovertemplate=hover_top,
            **top,
        ),
        dict(window, customdata=[[kernel_label] * m, [products_label] * m], hovertemplate=hover_top, **top),
        dict(window_box, **box),
        dict(
            so_far,
            x=np.arange(outputs.size),
            y=[0],
            colorscale=DIVERGING,
            zmid=0,
            zmin=-out_max,
            zmax=out_max,
            showscale=False,
            xgap=2,
            hovertemplate=f"{output_label}, {output_x_title} %{{x}}: %{{z:.4g}}<extra></extra>",
            xaxis="x2",
            yaxis="y2",
            **text,
        ),
        dict(cell_box, xaxis="x2", yaxis="y2", **box),
    ]
    frames = [
        dict(name=str(j), data=moving(j), traces=[1, 2, 3, 4], layout=dict(title=title(j))) for j in range(len(steps))
    ]
    # Plotly anchors a multi-line title by its first line's middle: `pad.t` keeps that line inside the figure.
    top_margin, panels, bottom = 30 + 19 * title_lines, 300, 165
    padding_edges = [-0.5] if first.pad[0] else []
    if first.pad[1]:
        padding_edges.append(signal_index[-1] - first.pad[1] + 0.5)
    layout = dict(
        title=dict(
            title(index), x=0, xanchor="left", y=1, yanchor="top", yref="container", pad=dict(t=20), font=dict(size=15)
        ),
        height=top_margin + panels + bottom,
        margin=dict(l=100, r=10, t=top_margin, b=bottom),  # the room the labels take (no automargin redraw)
        xaxis=dict(
            domain=[0, 1],
            anchor="y",
            dtick=1 if padded.size <= 16 else None,
            title_text=x_title,
            range=[signal_index[0] - 0.5, signal_index[-1] + 0.5],
            fixedrange=True,
        ),
        yaxis=dict(
            domain=[0.45, 1],
            anchor="x",
            range=[2.5, -0.5],
            tickvals=[0, 1, 2],
            ticktext=[signal_label, kernel_label, products_label],
            fixedrange=True,
        ),
        xaxis2=dict(
            domain=[0, 1],
            anchor="y2",
            dtick=1 if outputs.size <= 16 else None,
            title_text=output_x_title,
            range=[-0.5, outputs.size - 0.5],
            fixedrange=True,
        ),
        yaxis2=dict(
            domain=[0, 0.2], anchor="x2", range=[0.5, -0.5], tickvals=[0], ticktext=[output_label], fixedrange=True
        ),
        # The zero padding's edges: dotted lines between the padding and the signal.
        shapes=[
            dict(
                type="line",
                x0=x,
                x1=x,
                y0=0,
                y1=1,
                xref="x",
                yref="y domain",
                line=dict(color=PADDING_EDGE, dash="dot"),
            )
            for x in padding_edges
        ],
        **_player(len(steps), index, None, play_label, pause_label, buttons_pad_t=58, slider_pad_t=96),
    )
    return _figure(data, layout, frames)


def conv1d_compare_figure(
    kernel: np.ndarray,
    outputs: dict[str, np.ndarray],
    *,
    kernel_titles: tuple[str, str] = ("flipped kernel", "kernel"),
    tap_title: str = "kernel index",
    x_title: str = "output index",
    y_title: str = "value",
    height: int = 360,
) -> go.Figure:
    """Convolve vs correlate in one figure: the kernel each one slides (flipped | as is, one diverging scale centred
    on 0) above both outputs as grouped bars on one axis."""
    kernel = np.asarray(kernel, dtype=float)
    k_max = float(np.max(np.abs(kernel))) or 1.0
    text = dict(texttemplate="%{z:.4~g}", textfont=dict(size=11)) if kernel.size <= 12 else {}
    data = [
        dict(
            type="heatmap",
            z=[values],
            x=np.arange(values.size),
            colorscale=DIVERGING,
            zmid=0,
            zmin=-k_max,
            zmax=k_max,
            showscale=False,
            xgap=2,
            hovertemplate=f"{name}, {tap_title} %{{x}}: %{{z:.4g}}<extra></extra>",
            xaxis=axis,
            yaxis=axis.replace("x", "y"),
            **text,
        )
        for values, name, axis in ((kernel[::-1], kernel_titles[0], "x"), (kernel, kernel_titles[1], "x2"))
    ]
    data += [
        dict(
            type="bar",
            x=np.arange(len(values)),
            y=values,
            name=name,
            marker_color=color,
            hovertemplate=name + ", " + x_title + " %{x}: %{y:.4g}<extra></extra>",
            xaxis="x3",
            yaxis="y3",
        )
        for (name, values), color in zip(outputs.items(), CATEGORICAL, strict=False)
    ]
    tape_axis = dict(dtick=1, fixedrange=True, title_text=tap_title, title_standoff=4)
    hidden = dict(visible=False, fixedrange=True)
    layout = dict(
        height=height,
        margin=dict(l=68, r=10, t=30, b=86),  # the room the labels and the legend take (no automargin redraw)
        barmode="group",
        legend=dict(orientation="h", x=0, y=-0.18, yanchor="top"),
        xaxis=dict(tape_axis, domain=[0, 0.46], anchor="y"),
        yaxis=dict(hidden, domain=[0.78, 1], anchor="x"),
        xaxis2=dict(tape_axis, domain=[0.54, 1], anchor="y2"),
        yaxis2=dict(hidden, domain=[0.78, 1], anchor="x2"),
        xaxis3=dict(dtick=1, title_text=x_title, domain=[0, 1], anchor="y3"),
        yaxis3=dict(title_text=y_title, domain=[0, 0.5], anchor="x3", zeroline=True, zerolinecolor="#888"),
        annotations=[
            dict(
                text=title,
                x=x0,
                y=1,
                xref="paper",
                yref="paper",
                xanchor="left",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=13),
            )
            for title, x0 in zip(kernel_titles, (0, 0.54), strict=True)
        ],
    )
    return _figure(data, layout)


# ------------------------------------------------------------------------------------------------------------- 2-D


def highlight_cell(fig: go.Figure, row: int, col: int, *, color: str = HIGHLIGHT) -> go.Figure:
    """Outline one cell of a heatmap figure (returns the same figure)."""
    return _add_shapes(fig, [_box(row, col, row, col, color=color)])


def clickable(fig: go.Figure, shape: tuple[int, int]) -> go.Figure:
    """Add an invisible marker at every cell centre so a click selects the cell (Streamlit selection events are
    reported for point traces). The selected point has x = column, y = row."""
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]]
    fig.add_trace(
        go.Scatter(
            x=cols.ravel(),
            y=rows.ravel(),
            mode="markers",
            marker=dict(size=max(4, min(28, 360 // max(shape))), opacity=0, symbol="square"),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_layout(clickmode="event+select", dragmode=False)
    fig.update_xaxes(range=[-0.5, shape[1] - 0.5], autorange=False)
    fig.update_yaxes(range=[shape[0] - 0.5, -0.5], autorange=False)
    return fig


def receptive_field_figure(
    padded: np.ndarray,
    padding: tuple[int, int, int, int],
    rows: Sequence[int],
    cols: Sequence[int],
    *,
    title: str | None = None,
    x_title: str = "column (padded input)",
    y_title: str = "row (padded input)",
    height: int | None = None,
) -> go.Figure:
    """The (padded) input of one channel with the receptive field of one output cell outlined.

    Args:
        padded: (Hp, Wp) one channel of the zero-padded input.
        padding: (top, bottom, left, right); the original input's border is drawn dashed.
        rows, cols: receptive-field coordinates in `padded` (each kernel tap gets its own outline: dilation shows).
    """
    fig = heatmap(
        padded,
        title=title,
        x_title=x_title,
        y_title=y_title,
        height=height,
        colorscale=SEQUENTIAL,
        value_format=".4~g",
        showscale=False,
    )
    top, bottom, left, right = padding
    hp, wp = padded.shape
    boxes = []
    if any(padding):
        boxes.append(_box(top, left, hp - 1 - bottom, wp - 1 - right, color=PADDING_EDGE, dash="dot"))
    if len(rows) * len(cols) <= 64:
        boxes += [_box(r, c, r, c, color=HIGHLIGHT) for r in rows for c in cols]
    boxes.append(_box(min(rows), min(cols), max(rows), max(cols), color=HIGHLIGHT, dash="dash"))
    _add_shapes(fig, boxes)
    if max(hp, wp) > 24:  # a photo: zoom on the neighbourhood of the receptive field (pan/zoom out to see all)
        margin = 6
        fig.update_xaxes(
            range=[max(min(cols) - margin, 0) - 0.5, min(max(cols) + margin, wp - 1) + 0.5], autorange=False
        )
        fig.update_yaxes(
            range=[min(max(rows) + margin, hp - 1) + 0.5, max(min(rows) - margin, 0) - 0.5], autorange=False
        )
    return fig


def feature_maps_figure(
    maps: np.ndarray, titles: Sequence[str], *, hover_name: str = "value", height: int | None = None
) -> go.Figure:
    """A stack of feature maps (H', W', F) side by side, each with its own colour scale, values on hover."""
    count = maps.shape[2]
    columns = min(count, 4)
    lines = -(-count // columns)
    fig = subplots(lines, columns, titles)  # make_subplots' layout, cached (playground.figures.draft)
    layout = fig.layout
    traces = []
    for f in range(count):
        z = maps[:, :, f]
        signed = bool(z.min() < 0 < z.max())
        suffix = "" if f == 0 else str(f + 1)  # make_subplots numbers the axes row by row: x, x2, x3, …
        traces.append(
            dict(
                type="heatmap",
                z=z,
                colorscale=DIVERGING if signed else SEQUENTIAL,
                zmid=0 if signed else None,
                showscale=False,
                hovertemplate=f"{titles[f]}<br>row %{{y}}, column %{{x}}<br>{hover_name} %{{z:.3g}}<extra></extra>",
                xaxis=f"x{suffix}",
                yaxis=f"y{suffix}",
            )
        )
    for name in [k for k in layout if k.startswith("yaxis")]:
        i = name[len("yaxis") :]
        anchor = f"x{i}" if i and 2 <= int(i) <= count else "x"
        layout[name].update(autorange="reversed", scaleanchor=anchor, showticklabels=False)
    for name in [k for k in layout if k.startswith("xaxis")]:
        layout[name].update(showticklabels=False)
    for trace in traces:
        fig.add_trace(trace)
    return style(fig, height=height or 60 + 260 * lines).to_figure()


def products_figure(products: np.ndarray, *, title: str | None = None, height: int | None = None) -> go.Figure:
    """The element-wise products of one receptive field and one kernel (kh, kw) — they sum to the output value."""
    return heatmap(
        products, title=title, colorscale=DIVERGING, hover_name="product", height=height, value_format=".4~g"
    )


# --------------------------------------------------------------------------------------------------------- pooling


def _map_trace(
    z: np.ndarray, *, zmin: float, zmax: float, value_format: str, hover: str | None, axis: str = ""
) -> dict:
    """One small map as a heatmap trace: sequential colours (diverging, centred on 0, when signed), values written
    in the cells when there are few enough to read (≤ 10 per side) and on hover (`hover`: a hovertemplate, or None
    when another trace answers the hover)."""
    signed = zmin < 0 < zmax
    text = max(z.shape) <= 10
    return dict(
        type="heatmap",
        z=z,
        colorscale=DIVERGING if signed else SEQUENTIAL,
        zmid=0 if signed else None,
        zmin=zmin,
        zmax=zmax,
        showscale=False,
        xgap=1 if text else 0,
        ygap=1 if text else 0,
        texttemplate=f"%{{z:{cell_format(value_format, z)}}}" if text else None,
        textfont=dict(size=11),
        hovertemplate=hover,
        hoverinfo="skip" if hover is None else None,
        xaxis=f"x{axis}",
        yaxis=f"y{axis}",
    )


def _map_axes(shape: tuple[int, int], axis: str, domain: tuple[float, float], x_title: str, y_title: str) -> dict:
    """Square cells, row 0 on top, integer ticks on small maps."""
    small = max(shape) <= 16
    return {
        f"xaxis{axis}": dict(
            domain=list(domain),
            anchor=f"y{axis}",
            range=[-0.5, shape[1] - 0.5],
            side="top",
            dtick=1 if small else None,
            title_text=x_title,
            constrain="domain",
            fixedrange=True,
            showgrid=False,
            zeroline=False,
        ),
        f"yaxis{axis}": dict(
            anchor=f"x{axis}",
            range=[shape[0] - 0.5, -0.5],
            scaleanchor=f"x{axis}",
            constrain="domain",
            dtick=1 if small else None,
            title_text=y_title,
            fixedrange=True,
            showgrid=False,
            zeroline=False,
        ),
    }


def click_targets(values: np.ndarray, *, hovertemplate: str, small: bool, marker_size: int, axis: str = "") -> dict:
    """The trace that answers hovers and clicks on a map's cells: a clicked point has x = column, y = row.

    Small maps: an invisible square marker at every cell (`scatter`, the value in `customdata`). Big maps: an invisible
    heatmap of the values (one canvas picture, however many cells; the value is `z`). Markers on a big map were
    WebGL points (`scattergl`, as thousands of SVG markers draw slowly), and every WebGL chart goes through the
    browser's one GPU process: with ten sessions in one chromium on two cores that queue more than doubled the
    slowest replies (bench/NOTES.md). The app's charts report clicks on any trace (ui/charts.py);
    `st.plotly_chart`, which reports point traces only, gets markers back from `as_point_targets`.

    Args:
        values: (H, W) the values shown on hover (sent as float32 on a big map).
        hovertemplate: with `%{customdata:…}` for the value (written as `%{z:…}` for the heatmap).
        marker_size: px of a marker (small maps).
        axis: "" or e.g. "2" for the second subplot's axes.
    """
    values = np.asarray(values)
    h, w = values.shape
    axes = dict(xaxis=f"x{axis}", yaxis=f"y{axis}")
    if small:
        rows, cols = np.mgrid[0:h, 0:w]
        return dict(
            type="scatter",
            x=cols.ravel().astype(np.uint8),
            y=rows.ravel().astype(np.uint8),
            customdata=values.ravel(),
            mode="markers",
            marker=dict(size=marker_size, opacity=0, symbol="square"),
            hovertemplate=hovertemplate,
            showlegend=False,
            **axes,
        )
    return dict(
        type="heatmap",
        z=values.astype(np.float32),  # hover shows 4 significant digits; half the bytes of float64
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        hovertemplate=hovertemplate.replace("%{customdata", "%{z"),
        meta=CLICK_TARGETS,
        **axes,
    )


CLICK_TARGETS = "click-targets"  # `meta` of a big map's click-target heatmap (see `as_point_targets`)


def as_point_targets(trace: dict) -> dict:
    """A big map's click-target heatmap (`click_targets`) as the invisible WebGL markers `st.plotly_chart` reports
    clicks on (same cells, values and hover text); any other trace unchanged."""
    if trace.get("meta") != CLICK_TARGETS:
        return trace
    values = array(trace["z"]).astype(np.float32)  # a figure's `to_dict()` holds it as a typed-array spec
    h, w = values.shape
    rows, cols = np.mgrid[0:h, 0:w]
    index_type = np.uint8 if max(h, w) < 256 else np.uint16
    return dict(
        type="scattergl",
        x=cols.ravel().astype(index_type),
        y=rows.ravel().astype(index_type),
        customdata=values.ravel(),
        mode="markers",
        marker=dict(size=max(4, 300 // max(h, w)), opacity=0, symbol="square"),
        hovertemplate=trace["hovertemplate"].replace("%{z", "%{customdata"),
        showlegend=False,
        xaxis=trace.get("xaxis", "x"),
        yaxis=trace.get("yaxis", "y"),
    )


CLICK_TRACE = 2  # pooling_windows_figure: the trace whose points are the output cells


def pooling_windows_figure(
    x: np.ndarray,
    pooled: np.ndarray,
    *,
    pool_size: tuple[int, int],
    strides: tuple[int, int],
    padding: tuple[int, int, int, int],
    winners: tuple[np.ndarray, np.ndarray] | None = None,
    selected: tuple[int, int] = (0, 0),
    output_name: str = "pooled output",
    x_title: str = "column",
    y_title: str = "row",
    hover_name: str = "value",
    winner_label: str = "max",
    value_format: str = ".4~g",
) -> go.Figure:
    """The input with its pooling windows (left) and the pooled output (right), at the same size per cell and on one
    colour scale; the selected output cell and its window outlined; a click on an output cell selects it. No titles
    inside (they would not fit a phone): the page writes one above.

    Args:
        x: (H, W) one channel.
        pooled: (H', W') the pooling result.
        pool_size, strides: (rows, cols).
        padding: (top, bottom, left, right) cells added by "same" padding (drawn outside the map).
        winners: (rows, cols) arrays (H', W') from ``max_pool_winners``, or None. Each max's cell is circled (only
            the selected window's when there are more than 64 windows).
        selected: the output cell (row, column) to outline, with its window on the input.

    Trace number ``CLICK_TRACE`` answers hovers and clicks on the output cells (`click_targets`, carrying each
    cell's value on hover; a trace without hover reports no click): a clicked point has x = column, y = row, on the
    second axes (x2, y2).
    """
    x = np.asarray(x, dtype=float)
    pooled = np.asarray(pooled, dtype=float)
    top, bottom, left, right = padding
    (ph, pw), (sh, sw) = pool_size, strides
    out_h, out_w = pooled.shape
    lo, hi = min(0.0, float(x.min())), float(x.max())  # 0: the padding ("same" average pooling counts no zeros)
    hi = hi if hi > lo else lo + 1
    hover = f"{y_title} %{{y}}, {x_title} %{{x}}<br>{hover_name} %{{z:{value_format}}}<extra></extra>"
    data = [
        _map_trace(x, zmin=lo, zmax=hi, value_format=value_format, hover=hover),
        _map_trace(pooled, zmin=lo, zmax=hi, value_format=value_format, hover=None, axis="2"),
    ]
    data.append(  # trace 2: the click targets (CLICK_TRACE)
        click_targets(
            pooled,
            hovertemplate=f"{output_name}<br>{y_title} %{{y}}, {x_title} %{{x}}<br>"
            f"{hover_name} %{{customdata:{value_format}}}<extra></extra>",
            small=max(out_h, out_w) <= SMALL_MAP,
            marker_size=max(8, min(30, 300 // max(pooled.shape))),
            axis="2",
        )
    )
    if out_h * out_w <= 400:
        # Every window's outline as one line trace (None breaks the line between rectangles): one trace instead of
        # one layout shape per window keeps the figure fast to build and to draw.
        r0 = (np.arange(out_h) * sh - top)[:, None] - 0.5 + np.zeros(out_w)
        c0 = (np.arange(out_w) * sw - left)[None, :] - 0.5 + np.zeros((out_h, 1))
        r0, c0 = r0.ravel(), c0.ravel()
        gap = np.full_like(r0, np.nan)
        data.append(
            dict(
                type="scatter",
                x=np.stack([c0, c0 + pw, c0 + pw, c0, c0, gap], axis=1).ravel(),
                y=np.stack([r0, r0, r0 + ph, r0 + ph, r0, gap], axis=1).ravel(),
                mode="lines",
                line=dict(color="rgba(255,255,255,0.55)", width=1),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if winners is not None:
        rows, cols = winners
        if out_h * out_w > 64:  # a photo: hundreds of circles would hide it; circle the chosen window's winner
            rows, cols = rows[selected], cols[selected]
        data.append(
            dict(
                type="scatter",
                x=cols.ravel(),
                y=rows.ravel(),
                mode="markers",
                marker=dict(
                    symbol="circle-open", size=max(6, min(22, 300 // max(x.shape))), color=WINNER, line_width=3
                ),
                hovertemplate=f"{winner_label}: {y_title} %{{y}}, {x_title} %{{x}}<extra></extra>",
                showlegend=False,
            )
        )
    r, c = int(selected[0]), int(selected[1])
    win_r, win_c = r * sh - top, c * sw - left
    shapes = [
        dict(_box(win_r, win_c, win_r + ph - 1, win_c + pw - 1, color=HIGHLIGHT), xref="x", yref="y"),
        dict(_box(r, c, r, c, color=HIGHLIGHT), xref="x2", yref="y2"),
    ]
    # Same size per cell: the two maps share the horizontal space in proportion to their columns, and every axis is
    # scaled like the input's x axis (Plotly keeps one scale across a `scaleanchor` group).
    in_cols, in_rows = left + x.shape[1] + right, top + x.shape[0] + bottom
    gap_cells = 1.5
    split = in_cols / (in_cols + gap_cells + out_w)
    small = max(in_cols, in_rows) <= 16

    def axes(suffix: str, domain: list[float], x_range: list[float], y_range: list[float], show: bool) -> dict:
        common = dict(fixedrange=True, showgrid=False, zeroline=False, constrain="domain")
        anchor = {} if suffix == "" else dict(scaleanchor="x")
        # The input: a tick every cell (its padding too). The output: a tick per row and column it has; a small
        # output keeps the room of its share of the width, and a tick every cell would number rows it does not have.
        ticks: dict[str, dict[str, Any]] = {"x": {}, "y": {}}
        if suffix != "" and max(out_h, out_w) <= 16:  # a small output, of a grid or of a photo
            step = 1 if max(out_h, out_w) <= 10 else 5  # a 16×16 photo output: 0, 5, 10, 15 (fewer labels to draw)
            ticks = {"x": dict(tickvals=list(range(0, out_w, step))), "y": dict(tickvals=list(range(0, out_h, step)))}
        elif suffix == "" and small:
            ticks = {"x": dict(dtick=1), "y": dict(dtick=1)}
        return {
            f"xaxis{suffix}": dict(
                common,
                domain=domain,
                anchor=f"y{suffix}",
                range=x_range,
                side="top",
                title_text=x_title,
                **ticks["x"],
                **anchor,
            ),
            f"yaxis{suffix}": dict(
                common,
                domain=[0, 1],
                anchor=f"x{suffix}",
                range=y_range,
                scaleanchor="x",
                constraintoward="top",
                title_text=y_title if show else None,
                **ticks["y"],
            ),
        }

    height = 60 + min(400, max(200, 12 * in_rows))
    layout = dict(
        height=height,
        margin=dict(l=68, r=10, t=66, b=16),  # the room the labels take (no automargin redraw)
        shapes=shapes,
        clickmode="event+select",
        dragmode=False,
        hovermode="closest",
        **axes("", [0, split], [-left - 0.5, x.shape[1] + right - 0.5], [x.shape[0] + bottom - 0.5, -top - 0.5], True),
        **axes(
            "2", [split + gap_cells / (in_cols + gap_cells + out_w), 1], [-0.5, out_w - 0.5], [out_h - 0.5, -0.5], False
        ),
    )
    return _figure(data, layout)


def pooling_shift_figure(
    pooled: np.ndarray,
    shifted: np.ndarray,
    *,
    titles: tuple[str, str] = ("pooled (original)", "pooled (shifted input)"),
    x_title: str = "column",
    y_title: str = "row",
    hover_name: str = "value",
    value_format: str = ".4~g",
    height: int = 330,
) -> go.Figure:
    """Two pooled maps side by side on one colour scale; cells of the second that differ from the first outlined.
    Rows and columns are named on hover."""
    a, b = np.asarray(pooled, dtype=float), np.asarray(shifted, dtype=float)
    lo, hi = float(min(a.min(), b.min())), float(max(a.max(), b.max()))
    hi = hi if hi > lo else lo + 1
    hover = f"%{{meta}}<br>{y_title} %{{y}}, {x_title} %{{x}}<br>{hover_name} %{{z:{value_format}}}<extra></extra>"
    data = [
        dict(_map_trace(z, zmin=lo, zmax=hi, value_format=value_format, hover=hover, axis=axis), meta=name)
        for z, axis, name in ((a, "", titles[0]), (b, "2", titles[1]))
    ]
    changed = np.argwhere(~np.isclose(a, b))
    if changed.size:  # one line trace outlining every changed cell (None breaks the line between squares)
        r, c = changed[:, 0].astype(float), changed[:, 1].astype(float)
        gap = np.full_like(r, np.nan)
        data.append(
            dict(
                type="scatter",
                x=np.stack([c - 0.5, c + 0.5, c + 0.5, c - 0.5, c - 0.5, gap], axis=1).ravel(),
                y=np.stack([r - 0.5, r - 0.5, r + 0.5, r + 0.5, r - 0.5, gap], axis=1).ravel(),
                mode="lines",
                line=dict(color=HIGHLIGHT, width=2),
                hoverinfo="skip",
                showlegend=False,
                xaxis="x2",
                yaxis="y2",
            )
        )
    layout = dict(
        height=height,
        margin=dict(l=66, r=10, t=66, b=10),
        **_map_axes(a.shape, "", (0, 0.46), "", ""),
        **_map_axes(b.shape, "2", (0.54, 1), "", ""),
        annotations=[
            dict(
                text=text,
                x=0,
                y=1,
                xref=f"x{axis} domain",  # above its own map (a square-celled map does not fill its half)
                yref="paper",
                yanchor="bottom",
                xanchor="left",
                yshift=24,
                showarrow=False,
                font=dict(size=14),
            )
            for text, axis in zip(titles, ("", "2"), strict=True)
        ],
    )
    return _figure(data, layout)


# ------------------------------------------------------------------------------------- 2-D maps at one scale (conv2d)
#
# The 2-D page draws its input and its feature map in two figures side by side. Both figures get the same axis span
# (the input's rows × columns), the same fixed margins and the same height, so in two equal columns a cell is the same
# number of pixels wide in both: a 110×110 output of a 112×112 input is drawn 110/112 as wide, and a stride-2 output
# half as wide, as it really is. Small maps are heatmaps with their values written in; big ones (photos) are sent as
# colour-mapped PNG pictures, a few kB instead of every value, with the values on hover through the click targets.
#
# These builders write the figure as plain data and skip plotly.py's property validation (`_validate=False`): it
# cost ~10–20 ms a figure, most of a rerun of the page. So colour scales are spelled out (plotly.js knows only a few
# by name) and the browser tests are what checks that the figures draw.

SMALL_MAP = 24  # maps with at most this many rows and columns are drawn cell by cell with their values
MAP_MARGIN = dict(l=46, r=12, t=46, b=54, autoexpand=False)  # fixed: a colour bar must not shrink one map's cells
MAP_HEIGHT = 330  # px, the same for every map of a row
_RGB = re.compile(r"[\d.]+")
_COLOUR_BAR = dict(orientation="h", thickness=10, len=0.9, x=0.5, xanchor="center", y=-0.03, yanchor="top")


@functools.lru_cache(maxsize=16)
def _colorscale(name: str) -> tuple[tuple[float, str], ...]:
    """A named colour scale (plotly.py's names, e.g. "RdBu_r", "gray") as the (position, colour) pairs plotly.js
    draws."""
    from plotly.colors import get_colorscale

    return tuple((float(p), str(c)) for p, c in get_colorscale(name))


def _scale_json(name: str) -> list[list]:
    return [list(pair) for pair in _colorscale(name)]


@functools.lru_cache(maxsize=8)
def _lut(colorscale: str) -> np.ndarray:
    """(256, 3) uint8: the colour scale sampled at 256 evenly spaced points."""
    from plotly.colors import sample_colorscale

    colours = sample_colorscale([list(p) for p in _colorscale(colorscale)], list(np.linspace(0.0, 1.0, 256)))
    lut = np.round(np.array([[float(v) for v in _RGB.findall(c)[:3]] for c in colours])).astype(np.uint8)
    lut.setflags(write=False)
    return lut


def _figure(data: list[dict], layout: dict, frames: list[dict] | None = None) -> go.Figure:
    draft = Draft(*data, layout=layout)
    draft.frames = frames or []
    return draft.to_figure()


def map_scale(z: np.ndarray) -> tuple[str, float, float]:
    """Colour scale and range of a map: diverging and centred on 0 (zero white) when it has negative values;
    sequential over its own range otherwise."""
    lo, hi = float(np.min(z)), float(np.max(z))
    if lo < 0:
        m = max(-lo, hi) or 1.0
        return DIVERGING, -m, m
    return SEQUENTIAL, *_own_range(z)


def _own_range(z: np.ndarray) -> tuple[float, float]:
    """A map's own (min, max) as a colour range; a flat map gets ±0.5 around its value (one colour, a usable bar)."""
    lo, hi = float(np.min(z)), float(np.max(z))
    return (lo - 0.5, hi + 0.5) if lo == hi else (lo, hi)


def png_data_uri(rgb: np.ndarray) -> str:
    """An (H, W) or (H, W, 3) uint8 array as a PNG data URI (what an image trace's `source` draws)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, format="PNG", compress_level=6)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def colour_mapped(z: np.ndarray, colorscale: str, zmin: float, zmax: float) -> np.ndarray:
    """(H, W) values → (H, W, 3) uint8 colours of `colorscale` over [zmin, zmax] (as a heatmap would paint them)."""
    index = np.clip(np.round((np.asarray(z, dtype=float) - zmin) / ((zmax - zmin) or 1.0) * 255), 0, 255)
    return _lut(colorscale)[index.astype(np.intp)]


def _ticks(n: int) -> list[int]:
    if n <= SMALL_MAP:
        return list(range(n))
    step = next(s for s in (5, 10, 20, 25, 50, 100, 200, 500) if n / s <= 7)
    return list(range(0, n, step))


def _colour_bar_trace(colorscale: str, zmin: float, zmax: float, *, frame: tuple[int, int], **extra) -> dict:
    """An invisible two-cell heatmap outside the drawn area that only shows the colour bar of a picture."""
    return dict(
        type="heatmap",
        z=[[zmin, zmax]],
        x=[frame[1] + 10, frame[1] + 11],
        y=[frame[0] + 10, frame[0] + 10],
        colorscale=_scale_json(colorscale),
        zmin=zmin,
        zmax=zmax,
        hoverinfo="skip",
        colorbar=_COLOUR_BAR,
        **extra,
    )


def _heatmap_trace(z: np.ndarray, colorscale: str, zmin: float, zmax: float, **extra) -> dict:
    return dict(
        type="heatmap",
        z=np.asarray(z, dtype=float),
        colorscale=_scale_json(colorscale),
        zmin=zmin,
        zmax=zmax,
        xgap=1,
        ygap=1,
        **extra,
    )


def _axis(**settings) -> dict:
    return dict(showgrid=False, zeroline=False, **settings)


def conv2d_map_figure(
    z: np.ndarray,
    *,
    frame: tuple[int, int],
    selected: tuple[int, int] | None = None,
    window: tuple[Sequence[int], Sequence[int]] | None = None,
    clickable: bool = False,
    colorscale: str | None = None,
    hover_name: str = "value",
    value_format: str = ".4~g",
    x_title: str = "column",
    y_title: str = "row",
    height: int = MAP_HEIGHT,
) -> go.Figure:
    """One 2-D map drawn on a fixed frame of `frame` (rows, cols) cells, row 0 at the top.

    Args:
        z: (H, W) values (colour bar under the map; diverging and centred on 0 when signed), or (H, W, 3) uint8 RGB.
        frame: the axis span in cells; give input and output maps the same frame so their cells are the same size.
        selected: a cell to outline (row, col).
        window: receptive field (rows, cols) in this map's coordinates, outlined dashed (may reach into padding).
        colorscale: e.g. "gray" for a grayscale input (over the map's own range); default as `map_scale`.
        clickable: add click targets (`click_targets`) so a click on a cell selects it; the clicked point has
            x = column, y = row.
    """
    z = np.asarray(z)
    h, w = z.shape[:2]
    small = max(h, w) <= SMALL_MAP
    rgb = z.ndim == 3
    where = "row %{y}, column %{x}"
    data: list[dict] = []
    if rgb:
        data.append(dict(type="image", source=png_data_uri(z), hovertemplate=f"{where}<extra></extra>"))
    else:
        if colorscale is None:
            colorscale, zmin, zmax = map_scale(z)
        else:  # a named scale (a grayscale input) over the map's own range
            zmin, zmax = _own_range(z)
        if small:
            data.append(
                _heatmap_trace(
                    z,
                    colorscale,
                    zmin,
                    zmax,
                    texttemplate=f"%{{z:{cell_format(value_format, z)}}}",
                    textfont=dict(size=12 if max(h, w) <= 9 else 10),
                    hovertemplate=f"{where}<br>{hover_name} %{{z:{value_format}}}<extra></extra>",
                    hoverinfo="skip" if clickable else None,
                    colorbar=_COLOUR_BAR,
                )
            )
        else:
            picture = png_data_uri(colour_mapped(z, colorscale, zmin, zmax))
            data.append(
                dict(type="image", source=picture, hoverinfo="skip")
                if clickable
                else dict(type="image", source=picture, hovertemplate=f"{where}<extra></extra>")
            )
            data.append(_colour_bar_trace(colorscale, zmin, zmax, frame=frame))
    if clickable:
        data.append(
            click_targets(
                z[..., 0] if rgb else z,
                hovertemplate=f"{where}<br>{hover_name} %{{customdata:{value_format}}}<extra></extra>",
                small=small,
                marker_size=max(4, min(28, 300 // max(h, w))),
            )
        )
    shapes = []
    if window is not None:
        rows_w, cols_w = window
        shapes.append(_box(min(rows_w), min(cols_w), max(rows_w), max(cols_w), color=HIGHLIGHT, dash="dash"))
    if selected is not None:
        shapes.append(_box(selected[0], selected[1], selected[0], selected[1], color=HIGHLIGHT))
    layout = dict(
        height=height,
        margin=MAP_MARGIN,
        clickmode="event+select",
        dragmode=False,
        plot_bgcolor="white",
        shapes=shapes,
        xaxis=_axis(
            range=[-0.5, frame[1] - 0.5],
            autorange=False,
            side="top",
            tickvals=_ticks(w),
            title=dict(text=x_title, standoff=4),
        ),
        yaxis=_axis(
            range=[frame[0] - 0.5, -0.5],
            autorange=False,
            tickvals=_ticks(h),
            scaleanchor="x",
            constrain="domain",
            constraintoward="top",
            title=dict(text=y_title, standoff=4),
        ),
    )
    return _figure(data, layout)


def products_grid_figure(
    products: np.ndarray,
    *,
    hover_name: str = "product",
    value_format: str = ".3~g",
    x_title: str = "kernel column",
    y_title: str = "kernel row",
) -> go.Figure:
    """Input × weight of one receptive field (kh, kw): blue negative, red positive, **zero white**, the value written
    in each cell (12 px; every digit also on hover)."""
    p = np.asarray(products, dtype=float)
    kh, kw = p.shape
    m = float(np.max(np.abs(p))) or 1.0
    trace = _heatmap_trace(
        p,
        DIVERGING,
        -m,
        m,
        showscale=False,
        texttemplate=f"%{{z:{value_format}}}",
        textfont=dict(size=12),
        hovertemplate=f"row %{{y}}, column %{{x}}<br>{hover_name} %{{z:.6~g}}<extra></extra>",
    )
    trace.update(xgap=2, ygap=2)
    layout = dict(
        height=70 + 44 * kh,
        margin=dict(l=60, r=8, t=64, b=8),
        dragmode=False,
        plot_bgcolor="white",
        xaxis=_axis(side="top", tickvals=list(range(kw)), title=dict(text=x_title)),
        yaxis=_axis(autorange="reversed", tickvals=list(range(kh)), title=dict(text=y_title)),
    )
    return _figure([trace], layout)


TEXT_CHARS_ACROSS = 40  # characters that fit across the receptive-field chart's plot at 11 px (see below)


def receptive_window_figure(
    padded: np.ndarray,
    padding: tuple[int, int, int, int],
    rows: Sequence[int],
    cols: Sequence[int],
    *,
    margin: int = 1,
    value_format: str = ".3~g",
    hover_name: str = "value",
    x_title: str = "column (padded input)",
    y_title: str = "row (padded input)",
    colorscale: str | None = None,
) -> go.Figure:
    """The neighbourhood of one receptive field on one channel of the zero-padded input: only the cells around the
    field are sent (a photo's whole padded input would be ~13 000 values for ~100 shown). Every kernel tap is
    outlined (dilation shows as gaps), the original input's border dotted; values written in when they fit.

    Args:
        padded: (Hp, Wp) one channel of the zero-padded input.
        padding: (top, bottom, left, right).
        rows, cols: receptive-field coordinates in `padded`.
        colorscale: the input's own scale (e.g. "gray", as the input map draws it) over the input's range without
            its padding (as the input map's), so a cell has the same shade in both charts; default as `map_scale` of
            the cells shown.
    """
    hp, wp = padded.shape
    r0, r1 = max(min(rows) - margin, 0), min(max(rows) + margin, hp - 1)
    c0, c1 = max(min(cols) - margin, 0), min(max(cols) + margin, wp - 1)
    if hp <= SMALL_MAP and wp <= SMALL_MAP:  # a small grid: show all of it
        r0, r1, c0, c1 = 0, hp - 1, 0, wp - 1
    part = np.asarray(padded[r0 : r1 + 1, c0 : c1 + 1], dtype=float)
    span = max(part.shape)
    # Values are written in only when the longest fits its cell: the chart sits in a ~350 px column, ~280 px of
    # plot, and an 11 px digit is ~6.5 px wide, so `span` cells hold about 43 / span characters each (a photo's
    # "0.0902" next to "0.00392" in 7 columns ran together).
    longest = max(len(format(float(v), value_format.replace("~", ""))) for v in part.ravel())
    fits = span <= 12 and longest * span <= TEXT_CHARS_ACROSS
    if colorscale is None:
        colorscale, zmin, zmax = map_scale(part)
    else:
        top, bottom, left, right = padding
        zmin, zmax = _own_range(padded[top : hp - bottom, left : wp - right])
    trace = _heatmap_trace(
        part,
        colorscale,
        zmin,
        zmax,
        x=np.arange(c0, c1 + 1),
        y=np.arange(r0, r1 + 1),
        showscale=False,
        texttemplate=f"%{{z:{value_format}}}" if fits else None,
        textfont=dict(size=11),
        hovertemplate=f"row %{{y}}, column %{{x}}<br>{hover_name} %{{z:.6~g}}<extra></extra>",
    )
    top, bottom, left, right = padding
    boxes = []
    if any(padding):
        boxes.append(_box(top, left, hp - 1 - bottom, wp - 1 - right, color=PADDING_EDGE, dash="dot"))
    if len(rows) * len(cols) <= 64:
        boxes += [_box(r, c, r, c, color=HIGHLIGHT) for r in rows for c in cols]
    boxes.append(_box(min(rows), min(cols), max(rows), max(cols), color=HIGHLIGHT, dash="dash"))
    ticks = 1 if span <= 16 else 5
    layout = dict(
        height=min(420, 90 + 30 * span),
        margin=dict(l=50, r=8, t=64, b=8),
        dragmode=False,
        plot_bgcolor="white",
        shapes=boxes,
        xaxis=_axis(
            range=[c0 - 0.5, c1 + 0.5],
            autorange=False,
            side="top",
            dtick=ticks,
            constrain="domain",
            title=dict(text=x_title),
        ),
        yaxis=_axis(
            range=[r1 + 0.5, r0 - 0.5],
            autorange=False,
            dtick=ticks,
            scaleanchor="x",
            constrain="domain",
            constraintoward="top",
            title=dict(text=y_title),
        ),
    )
    return _figure([trace], layout)


def conv2d_maps_figure(
    maps: np.ndarray,
    titles: Sequence[str],
    *,
    hover_name: str = "value",
    value_format: str = ".3~g",
    columns: int = 4,
) -> go.Figure:
    """Several maps (H, W, N) side by side at one scale, each with its title above it and its own colour bar under
    it (diverging, centred on 0, when signed). Small maps carry their values; big ones are pictures."""
    maps = np.asarray(maps, dtype=float)
    h, w, count = maps.shape
    columns = max(1, min(count, columns))
    lines = -(-count // columns)
    small = max(h, w) <= SMALL_MAP
    gap = 0.04
    cell_w = (1 - gap * (columns - 1)) / columns
    title_px, map_px, bar_px = 30, 220, 44
    line_px = title_px + map_px + bar_px
    height = lines * line_px + 10
    data, annotations = [], []
    layout: dict = dict(
        height=height, margin=dict(l=4, r=4, t=4, b=4, autoexpand=False), dragmode=False, plot_bgcolor="white"
    )
    for f in range(count):
        line, column = divmod(f, columns)
        x0 = column * (cell_w + gap)
        top = 1 - (line * line_px + title_px) / height
        bottom = 1 - (line * line_px + title_px + map_px) / height
        suffix = "" if f == 0 else str(f + 1)
        axes = dict(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
        colorscale, zmin, zmax = map_scale(maps[:, :, f])
        bar = dict(_COLOUR_BAR, len=cell_w * 0.9, x=x0 + cell_w / 2, y=bottom - 4 / height, lenmode="fraction")
        if small:
            data.append(
                _heatmap_trace(
                    maps[:, :, f],
                    colorscale,
                    zmin,
                    zmax,
                    texttemplate=f"%{{z:{value_format}}}" if max(h, w) <= 9 else None,
                    textfont=dict(size=11),
                    hovertemplate=f"{titles[f]}<br>row %{{y}}, column %{{x}}<br>{hover_name} %{{z:.4~g}}"
                    "<extra></extra>",
                    colorbar=bar,
                    **axes,
                )
            )
        else:
            picture = png_data_uri(colour_mapped(maps[:, :, f], colorscale, zmin, zmax))
            data.append(
                dict(type="image", source=picture, hovertemplate="row %{y}, column %{x}<extra></extra>", **axes)
            )
            data.append(_colour_bar_trace(colorscale, zmin, zmax, frame=(h, w), **axes))
            data[-1]["colorbar"] = bar
        layout[f"xaxis{suffix}"] = _axis(
            domain=[x0, x0 + cell_w], range=[-0.5, w - 0.5], autorange=False, showticklabels=False, anchor=f"y{suffix}"
        )
        layout[f"yaxis{suffix}"] = _axis(
            domain=[bottom, top],
            range=[h - 0.5, -0.5],
            autorange=False,
            showticklabels=False,
            anchor=f"x{suffix}",
            scaleanchor=f"x{suffix}",
            constrain="domain",
        )
        annotations.append(
            dict(
                text=titles[f],
                x=x0 + cell_w / 2,
                y=top + 4 / height,
                xref="paper",
                yref="paper",
                xanchor="center",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=13),
            )
        )
    layout["annotations"] = annotations
    return _figure(data, layout)


# ------------------------------------------------------------------------------------------- 2-D step-through (play)

HOLD_MS = 1_000_000_000  # "Step" plays one frame, then holds it (≈ 11 days) until the next click interrupts
PASS_FRAME = "~"  # a frame that changes nothing: Step's list puts it before every real frame (see below)


def _wrap_commas(line: str, width: int) -> list[str]:
    """A line longer than `width` characters broken after ", " (a max pooling's ``max(a, b, c, …)``)."""
    lines: list[str] = []
    for part in line.split(", "):
        if lines and len(lines[-1]) + 2 + len(part) <= width:
            lines[-1] += ", " + part
        else:
            lines.append(part)
            if len(lines) > 1:
                lines[-2] += ","
    return lines


def _two_lines(label: str, width: int = 12) -> str:
    """A panel title longer than `width` characters broken at its middle space, so three fit side by side."""
    if len(label) <= width or " " not in label:
        return label
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return label[:cut] + "<br>" + label[cut + 1 :]


def window_steps_figure(
    field: np.ndarray,
    origin: tuple[int, int],
    output: np.ndarray,
    windows: Sequence[tuple[Sequence[int], Sequence[int]]],
    middle: np.ndarray,
    equations: Sequence[str],
    titles: Sequence[str],
    *,
    index: int = 0,
    marks: Sequence[tuple[int, int] | None] | None = None,
    field_label: str = "input",
    middle_label: str = "products",
    output_label: str = "output",
    x_title: str = "column",
    y_title: str = "row",
    hover_name: str = "value",
    play_label: str = "▶ Play",
    pause_label: str = "❚❚ Pause",
    step_label: str = "Step ▷",
    wrap: int = 44,
) -> go.Figure:
    """A window sliding across a 2-D output, one frame per output cell, played in the browser (Plotly frames).

    Three panels side by side, cells the same size in all: the input the window slides on (`field`, padding
    included) with the window's cells outlined; the window's numbers (`middle`: the products of a convolution,
    the values of a pooling window); the output, filled in up to the current cell, which is outlined. Frame j
    (named ``str(j)``) shows output cell j in reading order; its title is ``titles[j]`` and the cell's equation.

    Play / Pause / Step buttons and a slider sit under the panels and run on the client. Step shows the next cell
    and holds it: Plotly's ``animate`` with ``fromcurrent`` plays from the frame after the current one, but only
    when the current one is not first in the list, and from the first when nothing has played yet. So Step's list
    starts at the cell after `index` (what the figure opens on) and puts a do-nothing frame (``PASS_FRAME``,
    shown for 0 ms) before every real frame: the current real frame is then never first, and each click shows
    exactly the next cell (after the last, the first again).

    Args:
        field: (Hp, Wp) the (padded) input; NaN cells (pooling's padding, never counted) are left blank.
        origin: (top, left) padding rows/columns: the axes count input rows/columns, padding is negative or ≥ H/W.
        output: (H', W') the output values (frame j shows the first j + 1 in reading order).
        windows: per cell, the window's (rows, cols) in input coordinates (dilation: spread out).
        middle: (H'·W', kh, kw) per cell, the numbers drawn in the middle panel.
        equations: per cell, the sum written out (wrapped at " + " to about `wrap` characters a line).
        titles: per cell, the title line (e.g. "Output (1, 2) · cell 8 of 25").
        index: the cell the figure opens on.
        marks: per cell, one input cell to circle (the max that won), or None.
    """
    field = np.asarray(field, dtype=float)
    output = np.asarray(output, dtype=float)
    middle = np.asarray(middle, dtype=float)
    count, kh, kw = middle.shape
    out_h, out_w = output.shape
    hp, wp = field.shape
    top, left = origin
    small = max(hp, wp) <= 12
    text = dict(texttemplate="%{z:.3~g}", textfont=dict(size=11))

    def scale(z: np.ndarray) -> dict:
        finite = z[np.isfinite(z)]
        colorscale, lo, hi = map_scale(finite if finite.size else np.zeros(1))
        return dict(colorscale=_scale_json(colorscale), zmin=lo, zmax=hi, showscale=False, xgap=1, ygap=1)

    m_max = float(np.nanmax(np.abs(middle))) or 1.0
    middle_scale = dict(colorscale=_scale_json(DIVERGING), zmin=-m_max, zmax=m_max, showscale=False, xgap=2, ygap=2)
    equation_lines = [[piece for line in _wrap(e, wrap) for piece in _wrap_commas(line, wrap)] for e in equations]
    title_lines = 1 + max(len(e) for e in equation_lines)

    def title(j: int) -> dict:
        # All bold: Streamlit's theme wraps a figure's title in <b> (the first draw), frames must look the same.
        return dict(text="<b>" + "<br>".join([titles[j], *equation_lines[j]]) + "</b>")

    def boxes(cells: list[tuple[int, int]]) -> dict:
        """One line trace outlining each cell (NaN breaks the line between squares)."""
        xs: list[float] = []
        ys: list[float] = []
        for r, c in cells:
            xs += [c - 0.5, c + 0.5, c + 0.5, c - 0.5, c - 0.5, np.nan]
            ys += [r - 0.5, r - 0.5, r + 0.5, r + 0.5, r - 0.5, np.nan]
        return dict(type="scatter", x=xs, y=ys)

    def moving(j: int) -> list[dict]:
        """The traces that change from cell to cell: window outline, window numbers, output so far, output cell,
        the circled winner."""
        rows, cols = windows[j]
        r, c = divmod(j, out_w)
        so_far = np.where(np.arange(count).reshape(out_h, out_w) <= j, output, np.nan)
        mark = marks[j] if marks is not None else None
        return [
            boxes([(int(a), int(b)) for a in rows for b in cols]),
            dict(type="heatmap", z=middle[j]),
            dict(type="heatmap", z=so_far),
            boxes([(r, c)]),
            dict(type="scatter", x=[] if mark is None else [mark[1]], y=[] if mark is None else [mark[0]]),
        ]

    line = dict(mode="lines", line=dict(color=HIGHLIGHT, width=3), hoverinfo="skip", showlegend=False)
    window_box, window_z, so_far, cell_box, winner = moving(index)
    where = f"{y_title} %{{y}}, {x_title} %{{x}}"
    data = [
        dict(
            type="heatmap",
            z=field,
            x=np.arange(wp) - left,
            y=np.arange(hp) - top,
            hovertemplate=f"{field_label}<br>{where}<br>{hover_name} %{{z:.4~g}}<extra></extra>",
            **scale(field),
            **(text if small else {}),
        ),
        dict(window_box, **line),
        dict(
            window_z,
            hovertemplate=f"{middle_label}<br>%{{z:.4~g}}<extra></extra>",
            xaxis="x2",
            yaxis="y2",
            **middle_scale,
            **text,
        ),
        dict(
            so_far,
            hovertemplate=f"{output_label}<br>{where}<br>{hover_name} %{{z:.4~g}}<extra></extra>",
            xaxis="x3",
            yaxis="y3",
            **scale(output),
            **(text if max(out_h, out_w) <= 12 else {}),
        ),
        dict(cell_box, xaxis="x3", yaxis="y3", **line),
        dict(
            winner,
            mode="markers",
            marker=dict(symbol="circle-open", size=max(8, min(24, 300 // max(hp, wp))), color=WINNER, line_width=3),
            hoverinfo="skip",
            showlegend=False,
        ),
    ]
    frames = [
        dict(name=str(j), data=moving(j), traces=[1, 2, 3, 4, 5], layout=dict(title=title(j))) for j in range(count)
    ]
    frames.append(dict(name=PASS_FRAME, data=[], traces=[]))
    names = [str(j) for j in range(count)]
    step_list: list[str] = []
    for j in [*range(index + 1, count), *range(index + 1)]:
        step_list += [PASS_FRAME, str(j)]
    step = dict(
        frame=[dict(duration=0, redraw=False), dict(duration=HOLD_MS, redraw=True)],
        transition=dict(duration=0),
        mode="immediate",
        fromcurrent=True,
    )
    # Same size per cell: the panels share the width in proportion to their columns (gaps of 1.5 cells), and every
    # axis is scaled like the first one.
    # The middle panel gets at least 4 cells of room (its axis shrinks to kw cells, centred): its title must fit.
    gap, room = 1.5, max(kw, 4)
    total = wp + room + out_w + 2 * gap
    x0 = [0.0, (wp + gap) / total, (wp + room + 2 * gap) / total]
    x1 = [wp / total, (wp + gap + room) / total, 1.0]
    ticks = dict(dtick=1 if max(hp, wp) <= 16 else None)

    def axes(suffix: str, n: int, x_range: list[float], y_range: list[float], x_text: str, y_text: str | None):
        common = dict(fixedrange=True, showgrid=False, zeroline=False, constrain="domain", **ticks)
        scaled = {} if suffix == "" else dict(scaleanchor="x")
        return {
            f"xaxis{suffix}": dict(
                common,
                domain=[x0[n], x1[n]],
                anchor=f"y{suffix}",
                range=x_range,
                side="top",
                title=dict(text=_two_lines(x_text), standoff=4),
                **scaled,
            ),
            f"yaxis{suffix}": dict(
                common,
                domain=[0, 1],
                anchor=f"x{suffix}",
                range=y_range,
                scaleanchor="x",
                constraintoward="top",
                title=dict(text=y_text or ""),
            ),
        }

    top_margin = 60 + 19 * title_lines
    panels = min(420, max(200, 26 * max(hp, kh, out_h)))
    bottom = 110
    layout = dict(
        title=dict(
            title(index), x=0, xanchor="left", y=1, yanchor="top", yref="container", pad=dict(t=20), font=dict(size=14)
        ),
        height=top_margin + panels + bottom,
        margin=dict(l=60, r=10, t=top_margin, b=bottom),  # the y title and ticks (measured 58 px; no automargin redraw)
        dragmode=False,
        plot_bgcolor="white",
        hovermode="closest",
        **axes("", 0, [-left - 0.5, wp - left - 0.5], [hp - top - 0.5, -top - 0.5], field_label, y_title),
        **axes("2", 1, [-0.5, kw - 0.5], [kh - 0.5, -0.5], middle_label, None),
        **axes("3", 2, [-0.5, out_w - 0.5], [out_h - 0.5, -0.5], output_label, None),
        **_player(
            count,
            index,
            names,
            play_label,
            pause_label,
            buttons_pad_t=8,
            slider_pad_t=50,
            extra=dict(label=step_label, method="animate", args=[step_list, step]),
        ),
    )
    return go.Figure(dict(data=data, layout=layout, frames=frames), skip_invalid=False, _validate=False)
