"""The shape-flow diagram of a layer stack: how big each layer's output is, and how many parameters it learns.

The builder takes :func:`playground.architecture.summarize` rows and the (translated) labels; it does no maths
beyond arranging what it is given (volume = the product of the output shape).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import plotly.graph_objects as go

from playground.architecture import format_shape
from playground.figures.common import CATEGORICAL, style
from playground.figures.draft import subplots

__all__ = ["FAMILY_COLOURS", "shape_flow_figure"]

FAMILY_COLOURS = {  # Okabe–Ito: one colour per family of layers
    "input": CATEGORICAL[7],
    "conv": CATEGORICAL[0],
    "pool": CATEGORICAL[1],
    "dense": CATEGORICAL[2],
    "reshape": CATEGORICAL[4],
    "other": CATEGORICAL[5],
    "failed": CATEGORICAL[3],
}


def _family(layer_type: str) -> str:
    if layer_type == "Conv2D":
        return "conv"
    if "Pooling" in layer_type:
        return "pool"
    if layer_type == "Dense":
        return "dense"
    if layer_type == "Flatten":
        return "reshape"
    return "other"


def _shape_text(shape: Sequence[int]) -> str:
    return "×".join(str(d) for d in shape)


def shape_flow_figure(
    rows: Sequence[dict],
    input_shape: Sequence[int],
    *,
    input_label: str = "input",
    volume_title: str = "values per example",
    params_title: str = "parameters",
    failed: tuple[str, str] | None = None,
    height: int = 440,
) -> go.Figure:
    """One bar per layer (the input first): top, the output volume H·W·C on a log axis, labelled with the shape;
    bottom, the layer's parameter count.

    Args:
        rows: summarize() rows, in order (those before a failing layer when the stack does not build).
        input_shape: the input's shape, no batch axis.
        failed: (bar label, hover text) of the layer that cannot be built; drawn as a marked empty slot after `rows`.
        height: figure height in pixels.

    Returns:
        A two-row Plotly figure sharing the x axis (layer names).
    """
    names = [input_label] + [r["name"] for r in rows]
    shapes = [tuple(input_shape)] + [tuple(r["output_shape"]) for r in rows]
    volumes = [math.prod(s) for s in shapes]
    params = [0] + [int(r["params"]) for r in rows]
    types = ["Input"] + [r["type"] for r in rows]
    colours = [FAMILY_COLOURS["input"]] + [FAMILY_COLOURS[_family(r["type"])] for r in rows]
    hover = [
        f"<b>{n}</b> ({t})<br>{format_shape(s)}<br>{volume_title}: {v:,}<br>{params_title}: {p:,}"
        for n, t, s, v, p in zip(names, types, shapes, volumes, params, strict=True)
    ]

    fig = subplots(2, 1, shared_xaxes=True, vertical_spacing=0.08, row_heights=(0.62, 0.38))
    fig.add_trace(
        dict(
            type="bar",
            x=names,
            y=volumes,
            marker_color=colours,
            text=[_shape_text(s) for s in shapes],
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
            name=volume_title,
            showlegend=False,
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        dict(
            type="bar",
            x=names,
            y=[p if p > 0 else None for p in params],
            marker_color=colours,
            text=[f"{p:,}" for p in params],
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
            name=params_title,
            showlegend=False,
        ),
        row=2,
        col=1,
    )
    if failed is not None:
        label, why = failed
        for row, top in ((1, max(volumes)), (2, max(params + [1]))):
            fig.add_trace(
                dict(
                    type="scatter",
                    x=[label],
                    y=[top],
                    mode="markers+text",
                    marker=dict(symbol="x", size=16, color=FAMILY_COLOURS["failed"]),
                    text=["✗"] if row == 2 else [label],
                    textposition="bottom center",
                    hovertext=[why],
                    hoverinfo="text",
                    showlegend=False,
                ),
                row=row,
                col=1,
            )
    # Log axes with one tick per power of ten, from 1 to a little above the largest bar (room for the labels).
    for row, values, title in ((1, volumes, volume_title), (2, params, params_title)):
        decades = math.log10(max(max(values), 10))
        fig.update_yaxes(type="log", title_text=title, range=[0, decades * 1.12 + 0.3], dtick=1, row=row, col=1)
    fig.update_xaxes(tickangle=-35, row=2, col=1)
    # A label that would have to shrink below 9 px to fit over its bar (a phone) is left out, not overlapped
    # with its neighbours ("12×12×649216"); hover still gives it.
    fig.update_layout(bargap=0.25, uniformtext=dict(minsize=9, mode="hide"))
    style(fig, height=height)
    # Room for the log ticks and titles on the left, long rotated layer names (global_average_pooling2d) below.
    fig.update_layout(margin=dict(l=80, b=90))
    return fig.to_figure()
