"""Figures of the "going further" pages: image grids (augmentation), transfer curves and the layer strip."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from playground._checks import invalid
from playground.figures.common import CATEGORICAL, style, tick_labels_px

if TYPE_CHECKING:
    from playground.transfer import LayerInfo, ModeResult

STATE_COLORS = {"no weights": "#DDDDDD", "frozen": CATEGORICAL[1], "trainable": CATEGORICAL[0]}  # grey / orange / blue


def image_grid(
    images: Sequence[np.ndarray],
    *,
    titles: Sequence[str] | None = None,
    cols: int = 5,
    title: str | None = None,
    panel_height: int = 150,
) -> go.Figure:
    """Images side by side in a grid, grey (H, W) ones in black-to-white, RGB (H, W, 3) as photos.

    Args:
        images: arrays with values 0…255 (float or uint8), all grey or all RGB.
        titles: one caption per image.
        cols: images per row.
        panel_height: pixels per row of the grid.
    """
    n = len(images)
    if n == 0:
        raise invalid("images", "at least one image", images, show="0 images")
    cols = max(1, min(cols, n))
    rows = -(-n // cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=list(titles) if titles is not None else None,
        horizontal_spacing=0.02,
        vertical_spacing=0.12 / rows if titles is not None else 0.02,
    )
    for i, image in enumerate(images):
        row, col = divmod(i, cols)
        a = np.clip(np.asarray(image, dtype=float), 0, 255)
        if a.ndim == 3 and a.shape[2] == 1:
            a = a[..., 0]
        if a.ndim == 3:
            trace = go.Image(
                z=np.rint(a).astype(np.uint8), hovertemplate="row %{y}, column %{x}<br>RGB %{z}<extra></extra>"
            )
        else:
            trace = go.Heatmap(
                z=a,
                colorscale="gray",
                zmin=0,
                zmax=255,
                showscale=False,
                hovertemplate="row %{y}, column %{x}<br>value %{z:.1f}<extra></extra>",
            )
        fig.add_trace(trace, row=row + 1, col=col + 1)
    fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=False, constrain="domain")
    fig.update_yaxes(
        showticklabels=False, showgrid=False, zeroline=False, autorange="reversed", scaleanchor="x", constrain="domain"
    )
    for i in range(1, n + 1):  # keep every panel square-pixelled
        suffix = "" if i == 1 else str(i)
        fig.update_yaxes(scaleanchor=f"x{suffix}", row=(i - 1) // cols + 1, col=(i - 1) % cols + 1)
    fig.update_annotations(font_size=12)
    style(fig, title=title, height=rows * panel_height + (40 if title else 10) + (20 if titles is not None else 0))
    if titles is not None:  # room for the first row's captions
        fig.update_layout(margin=dict(t=(60 if title else 28)))
    return fig


def transfer_curves(
    results: Mapping[str, ModeResult],
    *,
    metric: str = "accuracy",
    labels: Mapping[str, str],
    title: str | None = None,
    x_title: str = "epoch",
    y_title: str | None = None,
    train_label: str = "training",
    val_label: str = "validation",
) -> go.Figure:
    """Training (dashed) and validation (solid) curves of each transfer mode on one epoch axis.

    Fine-tuning's curve starts where feature extraction's ends (its `first_epoch`), joined to it.

    Args:
        results: {mode: ModeResult} from `playground.transfer.run_transfer`.
        metric: "accuracy" or "loss".
        labels: display name of each mode.
    """
    fig = go.Figure()
    for i, (mode, result) in enumerate(results.items()):
        colour = CATEGORICAL[i % len(CATEGORICAL)]
        for key, dash, part in ((metric, "dash", train_label), (f"val_{metric}", "solid", val_label)):
            values = list(result.history.get(key, []))
            epochs = list(range(result.first_epoch, result.first_epoch + len(values)))
            previous = results.get("feature_extraction")
            if mode == "fine_tuning" and previous is not None and previous.history.get(key):
                epochs = [result.first_epoch - 1, *epochs]
                values = [previous.history[key][-1], *values]
            fig.add_trace(
                go.Scatter(
                    x=epochs,
                    y=values,
                    mode="lines+markers",
                    name=f"{labels.get(mode, mode)} · {part}",
                    legendgroup=mode,
                    line=dict(color=colour, dash=dash, width=2.5 if dash == "solid" else 1.5),
                    marker=dict(size=6 if dash == "solid" else 4),
                    hovertemplate=f"{labels.get(mode, mode)} · {part}<br>{x_title} %{{x}}<br>"
                    f"{metric} %{{y:.4f}}<extra></extra>",
                )
            )
    fig.update_xaxes(dtick=1)
    fig.update_layout(legend=dict(orientation="v", x=1.02, y=1, xanchor="left"), hovermode="closest")
    return style(fig, title=title, x_title=x_title, y_title=y_title or metric, height=360)


def layer_strip_figure(
    strips: Mapping[str, Sequence[LayerInfo]],
    *,
    mode_labels: Mapping[str, str],
    state_labels: Mapping[str, str],
    title: str | None = None,
) -> go.Figure:
    """One row of boxes per mode, one box per layer, coloured by whether the layer trains.

    Each box is a horizontal bar from j − 0.46 to j + 0.46 (layer j), so boxes shrink with the chart and never
    overlap. The layers' names are the x axis's tick labels, on top (the same layers in every row; Plotly turns them
    when the chart is narrow, so they stay readable on a phone); a box's weight count sits inside it and is hidden
    when the box is too narrow for it (`uniformtext`); its details are on hover.

    Args:
        strips: {mode: [LayerInfo, ...]} (name, type, part, params, state).
        mode_labels: display name of each mode.
        state_labels: display name of "trainable", "frozen", "no weights".
    """
    fig = go.Figure()
    modes = list(strips)
    row = {mode: len(modes) - 1 - i for i, mode in enumerate(modes)}  # the first mode on top
    for state, colour in STATE_COLORS.items():
        starts, ys, texts, hovers = [], [], [], []
        for mode in modes:
            for j, layer in enumerate(strips[mode]):
                if layer.state != state:
                    continue
                starts.append(j - 0.46)
                ys.append(row[mode])
                texts.append(f"{layer.params:,}" if layer.params else "")
                hovers.append(
                    f"{layer.name} ({layer.type}, {layer.part})<br>{layer.params:,} weights<br>{state_labels[state]}"
                )
        fig.add_trace(
            go.Bar(
                orientation="h", y=ys, x=[0.92] * len(ys), base=starts, width=0.72, name=state_labels[state],
                marker=dict(color=colour, line=dict(color="white", width=1)),
                text=texts, textposition="inside", insidetextanchor="middle",
                textfont=dict(size=9, color="white" if state == "trainable" else "#333333"),  # dark on orange: contrast
                hovertext=hovers, hovertemplate="%{hovertext}<extra></extra>",
            )
        )  # fmt: skip
    n_layers = max((len(v) for v in strips.values()), default=0)
    if modes:
        base_end = sum(1 for layer in strips[modes[0]] if layer.part == "base") - 0.5
        fig.add_vline(x=base_end, line=dict(color="#555555", dash="dot"))
    names = ["1/255" if layer.type == "Rescaling" else layer.name for layer in strips[modes[0]]] if modes else []
    fig.update_xaxes(
        range=[-0.55, n_layers - 0.45], side="top", tickmode="array", tickvals=list(range(len(names))),
        ticktext=names, showgrid=False, zeroline=False, showline=False, ticks="",
    )  # fmt: skip
    fig.update_yaxes(
        tickmode="array", tickvals=[row[m] for m in modes], ticktext=[mode_labels.get(m, m) for m in modes],
        range=[-0.5, len(modes) - 0.5], showgrid=False, zeroline=False,
    )  # fmt: skip
    fig.update_layout(
        barmode="overlay", uniformtext=dict(minsize=8, mode="hide"), legend=dict(orientation="h", y=-0.05),
        showlegend=True,
    )  # fmt: skip
    fig = style(fig, title=title, height=140 + 70 * len(modes))
    fig.update_layout(margin_l=tick_labels_px(mode_labels.get(m, m) for m in modes), margin_t=40)  # the names
    fig.update_xaxes(automargin=True)  # the layers' names, turned on a narrow chart, take more room above
    return fig
