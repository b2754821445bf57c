"""Figures of the building-blocks pages: activations, dropout, optimizers.

Builders take arrays computed by the core and the (translated) labels, and return `go.Figure`s written as plain data
(playground.figures.draft); they do no
maths beyond arranging what they are given. Colours: the Okabe–Ito CATEGORICAL palette for series,
Cividis/RdBu for values (playground.figures.common).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from playground.figures.common import CATEGORICAL, SEQUENTIAL, heatmap_draft, style
from playground.figures.draft import Draft, subplots

__all__ = [
    "curves_figure",
    "dropout_units_figure",
    "expected_value_figure",
    "dropout_maps_figure",
    "feature_maps_figure",
    "gradient_depth_figure",
    "loss_figure",
    "softmax_figure",
    "state_figure",
    "trajectory_figure",
]


def _colour(i: int) -> str:
    return CATEGORICAL[i % len(CATEGORICAL)]


def _label_colour(colours: Mapping[str, str] | None, label: str, i: int) -> str:
    """`label`'s own colour when `colours` names one, else the i-th of the palette."""
    return (colours or {}).get(label) or _colour(i)


TOOLBAR_PX = 28  # height of Plotly's toolbar (top right, shown on hover)


def _title_below_toolbar(fig: Draft) -> go.Figure:
    """Put the title just above the plot area, with the top band left to Plotly's toolbar, so it never covers it;
    the finished figure."""
    if fig.title_text:
        top = fig.layout.get("margin", {}).get("t", 0) + TOOLBAR_PX
        fig.update_layout(title=dict(y=1, yref="paper", yanchor="bottom", pad=dict(b=8)), margin=dict(t=top))
    return fig.to_figure()


def curves_figure(
    x: np.ndarray,
    series: Mapping[str, np.ndarray],
    *,
    title: str,
    x_title: str,
    y_title: str,
    point: tuple[float, float, str] | None = None,
    height: int = 320,
) -> go.Figure:
    """Several curves y(x) overlaid (one colour each), with an optional marked point (x, y, label).

    Args:
        x: shape (n,).
        series: label → y of shape (n,).
    """
    fig = Draft()
    for i, (label, y) in enumerate(series.items()):
        fig.add_trace(
            dict(
                type="scatter",
                x=x,
                y=y,
                mode="lines",
                name=label,
                line=dict(color=_colour(i), width=2.5, dash=["solid", "dash", "dot", "dashdot"][i % 4]),
                hovertemplate=f"{label}<br>{x_title} %{{x:.3g}}<br>{y_title} %{{y:.4g}}<extra></extra>",
            )
        )
    if point is not None:
        px, py, label = point
        fig.add_trace(
            dict(
                type="scatter",
                x=[px],
                y=[py],
                mode="markers+text",
                name=label,
                text=[label],
                textposition="top left",
                marker=dict(size=13, color="#000000", symbol="circle-open", line=dict(width=3)),
                hovertemplate=f"{label}<br>{x_title} %{{x:.4g}}<br>{y_title} %{{y:.4g}}<extra></extra>",
            )
        )
    fig.add_hline(y=0, line=dict(color="#888", width=1))
    fig.add_vline(x=0, line=dict(color="#888", width=1))
    fig.update_layout(legend=dict(orientation="h", y=-0.3), hovermode="closest")
    return _title_below_toolbar(style(fig, title=title, x_title=x_title, y_title=y_title, height=height))


def gradient_depth_figure(
    gradients: Mapping[str, np.ndarray], *, title: str, x_title: str, y_title: str, height: int = 320
) -> go.Figure:
    """|∂a_k/∂a_0| against layer k on a log axis, one line per activation (the vanishing-gradient story).

    Args:
        gradients: label → shape (depth + 1,), index k = after k layers.
    """
    fig = Draft()
    for i, (label, g) in enumerate(gradients.items()):
        g = np.abs(np.asarray(g, dtype=float))
        shown = np.where(g > 0, g, np.nan)  # log axis: an exact 0 (dead ReLU) is drawn as a gap
        fig.add_trace(
            dict(
                type="scatter",
                x=np.arange(g.size),
                y=shown,
                mode="lines+markers",
                name=label,
                line=dict(color=_colour(i), width=2.5),
                marker=dict(size=6),
                hovertemplate=f"{label}<br>{x_title} %{{x}}<br>{y_title} %{{y:.3e}}<extra></extra>",
            )
        )
    fig.update_yaxes(type="log", exponentformat="power")
    fig.update_layout(legend=dict(orientation="h", y=-0.25))
    return _title_below_toolbar(style(fig, title=title, x_title=x_title, y_title=y_title, height=height))


def softmax_figure(
    labels: Sequence[str],
    probabilities: np.ndarray,
    logits: np.ndarray,
    *,
    title: str,
    x_title: str,
    y_title: str,
    reference: np.ndarray | None = None,
    reference_name: str = "T = 1",
    height: int = 320,
) -> go.Figure:
    """Bars of softmax probabilities per class, the logit and the value on hover; optional T = 1 outline."""
    fig = Draft(
        dict(
            type="bar",
            x=list(labels),
            y=probabilities,
            name=y_title,
            marker=dict(color=CATEGORICAL[0]),
            text=[f"{p:.3f}" for p in probabilities],
            textposition="outside",
            customdata=np.asarray(logits),
            hovertemplate="%{x}<br>logit %{customdata:.3g}<br>p %{y:.4f}<extra></extra>",
        )
    )
    if reference is not None:
        fig.add_trace(
            dict(
                type="scatter",
                x=list(labels),
                y=reference,
                mode="markers",
                name=reference_name,
                marker=dict(symbol="line-ew-open", size=34, color=CATEGORICAL[1], line=dict(width=3)),
                hovertemplate=f"%{{x}}<br>{reference_name}: p %{{y:.4f}}<extra></extra>",
            )
        )
    fig.update_yaxes(range=[0, 1.12])
    fig.update_layout(legend=dict(orientation="h", y=-0.2), bargap=0.35)
    return _title_below_toolbar(style(fig, title=title, x_title=x_title, y_title=y_title, height=height))


def dropout_units_figure(
    before: np.ndarray,
    after: np.ndarray,
    mask: np.ndarray,
    *,
    title: str,
    kept_label: str,
    dropped_label: str,
    input_label: str,
    output_label: str,
    columns: int = 8,
    height: int = 300,
) -> go.Figure:
    """A layer of units as circles in a grid: kept units filled (colour = output), dropped ones crossed out.

    Args:
        before, after: unit values before and after dropout, shape (n,).
        mask: bool (n,), True = kept.
        columns: circles per row.
    """
    before, after, mask = np.asarray(before, float), np.asarray(after, float), np.asarray(mask, bool)
    n = before.size
    idx = np.arange(n)
    col, row = idx % columns, idx // columns
    custom = np.stack([idx, before, after], axis=1)
    hover = f"unit %{{customdata[0]}}<br>{input_label} %{{customdata[1]:.3f}}<br>{output_label} %{{customdata[2]:.3f}}"
    fig = Draft()
    vmax = float(max(np.max(np.abs(after)), 1e-9))
    fig.add_trace(
        dict(
            type="scatter",
            x=col[mask],
            y=row[mask],
            mode="markers+text",
            name=kept_label,
            text=[f"{v:.2f}" for v in after[mask]],
            textfont=dict(size=12, color=["#FFF" if v < 0.55 * vmax else "#000" for v in after[mask]]),  # ≥ 10 px
            marker=dict(
                size=38,
                color=after[mask],
                colorscale=SEQUENTIAL,
                cmin=0 if after.min() >= 0 else -vmax,
                cmax=vmax,
                line=dict(width=1.5, color="#333"),
                showscale=False,
            ),
            customdata=custom[mask],
            hovertemplate=hover + f"<br>{kept_label}<extra></extra>",
        )
    )
    fig.add_trace(
        dict(
            type="scatter",
            x=col[~mask],
            y=row[~mask],
            mode="markers",
            name=dropped_label,
            marker=dict(size=38, color="#E0E0E0", symbol="circle-x", line=dict(width=1.5, color="#999")),
            customdata=custom[~mask],
            hovertemplate=hover + f"<br>{dropped_label}<extra></extra>",
        )
    )
    rows = int(row.max()) + 1 if n else 1
    fig.update_xaxes(visible=False, range=[-0.7, columns - 0.3])
    fig.update_yaxes(visible=False, autorange="reversed", range=[rows - 0.3, -0.7])
    fig.update_layout(legend=dict(orientation="h", y=-0.05), height=max(height, 70 * rows + 80))
    return _title_below_toolbar(style(fig, title=title))


def feature_maps_figure(
    maps: Mapping[str, np.ndarray], *, value_format: str = ".2f", height: int = 300
) -> list[go.Figure]:
    """One heatmap per labelled 2-D array (input / mask / output), sharing one colour range where numeric."""
    figures = []
    numeric = [np.asarray(m, float) for m in maps.values()]
    high = float(max(np.max(m) for m in numeric)) if numeric else 1.0
    for label, m in maps.items():
        m = np.asarray(m, float)
        fig = heatmap_draft(
            m, title=label, value_format=value_format, height=height, showscale=False, show_values=False, x_title=""
        )
        fig.update_traces(zmin=0.0, zmax=max(high, 1e-9), colorscale=SEQUENTIAL, zmid=None, xgap=1, ygap=1)
        fig.update_xaxes(showticklabels=False, title_text=None)
        fig.update_yaxes(showticklabels=False, title_text=None)
        figures.append(fig.to_figure())
    return figures


ZERO_GREY = [[0.0, "#EEEEEE"], [1.0, CATEGORICAL[0]]]  # 0 (a dropped value) is a neutral light grey, the top blue


def dropout_maps_figure(maps: Mapping[str, np.ndarray], *, value_label: str = "value", height: int = 300) -> go.Figure:
    """Labelled 2-D arrays (input / mask / output) side by side in ONE figure, one colour range shared by all
    (light grey = 0, so a dropped unit reads as empty, not as a low value), each value on hover.

    Args:
        maps: label → array of shape (rows, cols), values ≥ 0.
    """
    labels = list(maps)
    arrays = [np.asarray(maps[label], float) for label in labels]
    high = float(max((np.max(a) for a in arrays if a.size), default=1.0))
    fig = subplots(1, len(arrays), labels, horizontal_spacing=0.04)
    for i, a in enumerate(arrays):
        fig.add_trace(
            dict(
                type="heatmap",
                z=a,
                zmin=0.0,
                zmax=max(high, 1e-9),
                colorscale=ZERO_GREY,
                showscale=False,
                xgap=1,
                ygap=1,
                hovertemplate=f"{labels[i]}<br>row %{{y}}, column %{{x}}<br>{value_label} %{{z:.3f}}<extra></extra>",
            ),
            row=1,
            col=i + 1,
        )
        suffix = "" if i == 0 else str(i + 1)
        fig.update_yaxes(scaleanchor=f"x{suffix}", autorange="reversed", row=1, col=i + 1)
    fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=False, constrain="domain")
    fig.update_yaxes(showticklabels=False, showgrid=False, zeroline=False, constrain="domain")
    fig.update_annotations(font_size=13)
    style(fig, height=height)
    fig.update_layout(margin=dict(l=10, r=10, t=30 + TOOLBAR_PX, b=10))
    return fig.to_figure()


def expected_value_figure(
    x: np.ndarray,
    mean: np.ndarray,
    *,
    title: str,
    x_title: str,
    y_title: str,
    input_label: str,
    mean_label: str,
    height: int = 300,
) -> go.Figure:
    """Input value per unit (bars) against the average of many dropout outputs (markers): E[y] = x."""
    idx = np.arange(np.size(x))
    fig = Draft(
        dict(
            type="bar",
            x=idx,
            y=np.ravel(x),
            name=input_label,
            marker=dict(color=CATEGORICAL[5]),
            hovertemplate=f"unit %{{x}}<br>{input_label} %{{y:.4f}}<extra></extra>",
        ),
        dict(
            type="scatter",
            x=idx,
            y=np.ravel(mean),
            mode="markers",
            name=mean_label,
            marker=dict(color=CATEGORICAL[3], size=10, symbol="diamond"),
            hovertemplate=f"unit %{{x}}<br>{mean_label} %{{y:.4f}}<extra></extra>",
        ),
    )
    fig.update_layout(legend=dict(orientation="h", y=-0.25), bargap=0.3)
    return _title_below_toolbar(style(fig, title=title, x_title=x_title, y_title=y_title, height=height))


def _plain(values: np.ndarray) -> list:
    """Coordinates as a short plain list (5 significant digits; NaN → None): Plotly validates plain lists far faster
    than arrays, which matters for the many small traces of animation frames."""
    return [None if not np.isfinite(v) else float(f"{v:.5g}") for v in np.asarray(values, float)]


def _frame_steps(steps: int, frames: int) -> np.ndarray:
    return np.unique(np.linspace(0, steps, min(frames, steps + 1)).round().astype(int))


def trajectory_figure(
    xs: np.ndarray,
    ys: np.ndarray,
    z: np.ndarray,
    paths: Mapping[str, np.ndarray],
    *,
    step: int,
    minima: Sequence[tuple[float, float]] = (),
    title: str | None = None,
    x_title: str = "x",
    y_title: str = "y",
    loss_label: str = "f(x, y)",
    minimum_label: str = "minimum",
    play_label: str = "▶",
    pause_label: str = "❚❚",
    step_label: str = "step",
    frames: int = 60,
    height: int = 540,
    colours: Mapping[str, str] | None = None,
) -> go.Figure:
    """Contours of the loss with each optimizer's path up to `step` and its point there; the play button replays
    the race in the browser (the points run along the paths from step 0 to `step`).

    Args:
        xs, ys, z: the grid: z[i, j] = f(xs[j], ys[i]).
        paths: label → (steps + 1, 2) path.
        step: the step drawn (0..steps).
        frames: at most this many animation frames (evenly spaced steps 0..`step`, both included).
        colours: label → line colour (an optimizer keeps its colour whichever others race); default: the
            categorical palette in order.
    """
    z = np.asarray(z, float)
    shifted = np.log10(z - np.nanmin(z) + 1.0)  # log-spaced contour levels: valleys and cliffs both readable
    fig = Draft(
        dict(
            type="contour",
            x=xs,
            y=ys,
            z=shifted.astype(np.float32),  # display precision: halves what the browser downloads
            colorscale=SEQUENTIAL,
            ncontours=28,
            showscale=False,
            customdata=z.astype(np.float32),
            contours=dict(coloring="heatmap", showlines=True),
            line=dict(width=0.5, color="rgba(255,255,255,0.35)"),
            hovertemplate=f"{x_title} %{{x:.3f}}<br>{y_title} %{{y:.3f}}<br>{loss_label} %{{customdata:.4g}}"
            "<extra></extra>",
            name=loss_label,
        )
    )
    if minima:
        mx, my = zip(*minima, strict=True)
        fig.add_trace(
            dict(
                type="scatter",
                x=mx,
                y=my,
                mode="markers",
                name=minimum_label,
                marker=dict(symbol="star", size=16, color="#F0E442", line=dict(width=1.5, color="#000")),
                hovertemplate=f"{minimum_label}<br>(%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
            )
        )
    first = len(fig.data)
    labels = list(paths)
    steps = max((len(p) - 1 for p in paths.values()), default=0)
    step = int(np.clip(step, 0, steps))
    x_lo, x_hi = float(xs[0]), float(xs[-1])
    y_lo, y_hi = float(ys[0]), float(ys[-1])

    def clip(p: np.ndarray) -> np.ndarray:
        # A diverging optimizer leaves the window: draw its path clipped to the border, not a blank plot.
        p = np.asarray(p, float)
        finite = np.all(np.isfinite(p), axis=1)
        p = p[: int(np.argmin(finite)) if not finite.all() else len(p)]
        return np.column_stack([np.clip(p[:, 0], x_lo, x_hi), np.clip(p[:, 1], y_lo, y_hi)])

    clipped = {label: clip(paths[label]) for label in labels}

    def heads_at(k: int) -> np.ndarray:
        """Each path's point at step k (or its last point inside the window), one row per label."""
        return np.array([clipped[label][: k + 1][-1] if len(clipped[label]) else (np.nan, np.nan) for label in labels])

    def frame_traces(k: int) -> list[dict]:
        """A frame moves only the heads (one trace, a point per optimizer) along the drawn paths: plain dicts of a
        few numbers, so the figure stays light to build, send and animate."""
        heads = heads_at(k)
        steps_at = [min(k, len(clipped[label]) - 1) for label in labels]
        return [{"type": "scatter", "x": _plain(heads[:, 0]), "y": _plain(heads[:, 1]), "customdata": steps_at}]

    for i, label in enumerate(labels):
        p = clipped[label][: step + 1]
        fig.add_trace(
            dict(
                type="scatter",
                x=p[:, 0],
                y=p[:, 1],
                mode="lines",
                line=dict(color=_label_colour(colours, label, i), width=2.5),
                name=label,
                hovertemplate=f"{label}<br>{x_title} %{{x:.4f}}<br>{y_title} %{{y:.4f}}<extra></extra>",
            )
        )
    if labels:  # every optimizer's current point, one trace (its colour per point)
        heads = heads_at(step)
        fig.add_trace(
            dict(
                type="scatter",
                x=heads[:, 0],
                y=heads[:, 1],
                mode="markers",
                marker=dict(
                    color=[_label_colour(colours, label, i) for i, label in enumerate(labels)],
                    size=12,
                    line=dict(width=1.5, color="#FFF"),
                ),
                customdata=[min(step, len(clipped[label]) - 1) for label in labels],
                text=labels,
                showlegend=False,
                name=step_label,
                hovertemplate=f"%{{text}} — {step_label} %{{customdata}}"
                f"<br>{x_title} %{{x:.4f}}<br>{y_title} %{{y:.4f}}<extra></extra>",
            )
        )
    frame_steps = _frame_steps(step, frames)  # the race replayed from the start up to the step drawn
    if labels:
        fig.frames = [
            {"data": frame_traces(int(k)), "traces": [first + len(labels)], "name": str(int(k))} for k in frame_steps
        ]
    anim = dict(frame=dict(duration=60, redraw=False), transition=dict(duration=0), mode="immediate")
    fig.update_layout(
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0,
                y=-0.12,  # the buttons on one row, the step slider on the next: no overlap on a phone
                xanchor="left",
                yanchor="top",
                pad=dict(t=0, r=10),
                showactive=False,
                buttons=[
                    dict(label=play_label, method="animate", args=[None, {**anim, "fromcurrent": True}]),
                    dict(label=pause_label, method="animate", args=[[None], {**anim, "frame": {"duration": 0}}]),
                ],
            )
        ],
        sliders=[
            dict(
                active=int(np.searchsorted(frame_steps, step)),
                x=0,
                len=1,
                y=-0.26,
                yanchor="top",
                currentvalue=dict(visible=False),  # the tick labels say the step; a label here hits the x title
                pad=dict(t=0),
                steps=[
                    dict(label=str(int(k)), method="animate", args=[[str(int(k))], {**anim, "frame": {"duration": 0}}])
                    for k in frame_steps
                ],
            )
        ],
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
        margin=dict(b=90),
    )
    fig.update_xaxes(range=[x_lo, x_hi], title_text=x_title)
    fig.update_yaxes(range=[y_lo, y_hi], title_text=y_title)
    style(fig, title=title, height=height)
    # Room above the legend for Plotly's toolbar, which shows at the top right while the mouse is on the chart.
    fig.update_layout(margin=dict(l=68, r=10, t=76 if title else 62, b=170))
    return fig.to_figure()


def loss_figure(
    losses: Mapping[str, np.ndarray],
    *,
    step: int,
    title: str,
    x_title: str,
    y_title: str,
    height: int = 300,
    colours: Mapping[str, str] | None = None,
) -> go.Figure:
    """Loss − lowest loss per step on a log axis, one line per optimizer, with the current step marked.

    Args:
        losses: label → shape (steps + 1,), already shifted so that 0 is the known minimum.
        colours: label → line colour, as in `trajectory_figure`.
    """
    fig = Draft()
    for i, (label, loss) in enumerate(losses.items()):
        loss = np.asarray(loss, float)
        shown = np.where(np.isfinite(loss) & (loss > 0), loss, np.nan)
        fig.add_trace(
            dict(
                type="scatter",
                x=np.arange(loss.size),
                y=shown,
                mode="lines",
                name=label,
                line=dict(color=_label_colour(colours, label, i), width=2),
                hovertemplate=f"{label}<br>{x_title} %{{x}}<br>{y_title} %{{y:.3e}}<extra></extra>",
            )
        )
    fig.add_vline(x=step, line=dict(color="#555", width=1, dash="dot"))
    fig.update_yaxes(type="log", exponentformat="power")
    starts = [float(np.asarray(v, float)[0]) for v in losses.values() if np.size(v) and np.isfinite(v[0]) and v[0] > 0]
    ends = [float(np.nanmin(np.where(np.asarray(v, float) > 0, v, np.nan))) for v in losses.values() if np.any(v > 0)]
    if starts and ends:  # a diverging optimizer must not squash the others: cap the axis at 100 × the start
        fig.update_yaxes(range=[np.log10(min(ends)) - 0.5, np.log10(max(starts)) + 2])
    fig.update_layout(legend=dict(orientation="h", y=-0.3))
    return _title_below_toolbar(style(fig, title=title, x_title=x_title, y_title=y_title, height=height))


def state_figure(
    values: Mapping[str, np.ndarray], *, step: int, title: str, x_title: str, y_title: str, height: int = 260
) -> go.Figure:
    """An optimizer's state components (e.g. velocity x and y) against the step, current step marked."""
    fig = Draft()
    for i, (label, v) in enumerate(values.items()):
        v = np.asarray(v, float)
        fig.add_trace(
            dict(
                type="scatter",
                x=np.arange(v.size),
                y=v,
                mode="lines",
                name=label,
                line=dict(color=_colour(i), width=2, dash="solid" if i % 2 == 0 else "dash"),
                hovertemplate=f"{label}<br>{x_title} %{{x}}<br>%{{y:.4g}}<extra></extra>",
            )
        )
    fig.add_vline(x=step, line=dict(color="#555", width=1, dash="dot"))
    fig.update_layout(legend=dict(orientation="h", y=-0.35))
    return _title_below_toolbar(style(fig, title=title, x_title=x_title, y_title=y_title, height=height))
