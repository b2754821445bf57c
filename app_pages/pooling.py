"""Pooling: max vs average, pool size, stride, padding, which cell wins, and what a small shift changes."""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground.activations import relu
from playground.convolution import GRIDS, conv2d, padding_amounts
from playground.figures.convolution import (
    CLICK_TRACE,
    conv2d_map_figure,
    pooling_shift_figure,
    pooling_windows_figure,
    window_steps_figure,
)
from playground.geometry import MAX_STEP_CELLS
from playground.images import SAMPLES, load_sample
from playground.kernels import KERNELS
from playground.pooling import (
    POOL_MODES,
    compare_shifted,
    explain_pool2d_cell,
    max_pool_winners,
    pool2d,
    pool2d_steps,
)
from ui.charts import clicked_points, plotly_chart
from ui.i18n import say, t
from ui.page import header, show_code, stop_with
from ui.state import choice

SOURCES = ("feature_map", "grid", "photo")
PHOTO_SIDE = 32  # small enough to see every pooling window
FMT = ".4~g"


@st.cache_data(show_spinner=False, max_entries=8)
def _photo(name: str):
    return load_sample(name, mode="L", max_side=PHOTO_SIDE)


header("pooling")
controls, view = st.columns([1, 2.4], gap="large")

with controls:
    source = choice(
        st.selectbox, t("pooling.source"), SOURCES, key="pooling_source", format_func=lambda s: t(f"pooling.source_{s}")
    )
    if source == "photo":
        photo = choice(st.selectbox, t("pooling.photo"), list(SAMPLES), key="pooling_photo", format_func=str.title)
        x = _photo(photo).array.astype(float) / 255.0
    else:
        grid_id = choice(
            st.selectbox,
            t("pooling.grid"),
            list(GRIDS),
            key="pooling_grid",
            format_func=lambda g: t(f"conv2d.grid_{g}"),
        )
        x = GRIDS[grid_id]
        if source == "feature_map":
            kernel_id = choice(
                st.selectbox,
                t("pooling.kernel"),
                list(KERNELS),
                key="pooling_kernel",
                default="sobel_x",
                format_func=lambda k: t(f"conv2d.kernel_{k}"),
            )
            x = relu(conv2d(x, KERNELS[kernel_id], padding="same"))
            st.caption(t("pooling.feature_map_help"))
    mode = choice(
        st.segmented_control,
        t("pooling.mode"),
        POOL_MODES,
        key="pooling_mode",
        format_func=lambda m: t(f"pooling.mode_{m}"),
    )
    pool = st.slider(t("pooling.pool_size"), 1, 4, 2, key="pooling_size", bind="query-params")
    same_stride = st.toggle(
        t("pooling.stride_default"),
        True,
        key="pooling_stride_default",
        bind="query-params",
        help=t("pooling.stride_default_help"),
    )
    stride = pool
    if not same_stride:
        stride = st.slider(t("pooling.strides"), 1, 4, 2, key="pooling_strides", bind="query-params")
    padding = (
        st.segmented_control(
            t("pooling.padding"),
            ("valid", "same"),
            default="valid",
            required=True,
            key="pooling_padding",
            bind="query-params",
            help=t("pooling.padding_help"),
        )
        or "valid"
    )

settings = dict(strides=None if same_stride else stride, padding=padding)
try:
    pooled = pool2d(x, pool, mode=mode, **settings)
    pads = padding_amounts(x.shape, pool, strides=stride, padding=padding)
except ValueError as err:
    with view:
        stop_with(err)

out_h, out_w = pooled.shape
CHART_CONFIG = {"displayModeBar": False}  # the toolbar would cover the titles; the maps need no zooming


def _pick_clicked_cell() -> None:
    """A click on an output cell selects it (the marker's x is the column, y the row)."""
    points = [p for p in clicked_points("pooling_chart") if p.get("curve_number") == CLICK_TRACE]
    if points:
        st.session_state["pooling_row"] = int(points[0]["y"])
        st.session_state["pooling_col"] = int(points[0]["x"])


@st.fragment
def explain_cell() -> None:
    """Picking an output cell (click or row/column) reruns only this block: one figure and a sentence."""
    for key, size in (("pooling_row", out_h), ("pooling_col", out_w)):
        if st.session_state.get(key, 0) >= size:
            st.session_state[key] = size - 1
    st.caption(t("pooling.cell_help"))
    pick_row, pick_col, _ = st.columns([1, 1, 2])
    row = pick_row.number_input(t("pooling.row"), 0, out_h - 1, 0, key="pooling_row", bind="query-params")
    col = pick_col.number_input(t("pooling.col"), 0, out_w - 1, 0, key="pooling_col", bind="query-params")
    cell = explain_pool2d_cell(x, row, col, pool_size=pool, mode=mode, **settings)
    winners = max_pool_winners(x, pool, **settings) if mode == "max" else None
    st.markdown(t("pooling.fig_title"))
    plotly_chart(
        pooling_windows_figure(
            x,
            pooled,
            pool_size=(pool, pool),
            strides=(stride, stride),
            padding=pads,
            winners=winners,
            selected=(row, col),
            output_name=t("pooling.fig_output"),
            x_title=t("pooling.col"),
            y_title=t("pooling.row"),
            winner_label=t("pooling.winner"),
            value_format=FMT,
        ),
        width="stretch",
        key="pooling_chart",
        on_select=_pick_clicked_cell,
        selection_mode="points",
        config=CHART_CONFIG,
    )
    if mode == "max":
        st.markdown(
            t("pooling.explain_max", row=row, col=col, r=cell.winner[0], c=cell.winner[1], value=f"{cell.value:.4g}")
        )
        st.caption(t("pooling.winner_help"))
    else:
        st.markdown(t("pooling.explain_average", row=row, col=col, count=cell.count, value=f"{cell.value:.4g}"))
        if cell.count < pool * pool:
            st.caption(t("pooling.average_same_help", count=cell.count, total=pool * pool))


@st.fragment
def step_through() -> None:
    """The window sliding across the output, played in the browser: every output cell is a frame of one figure.
    Off until asked for: up to 256 frames are a big figure to build, send and draw on every change of the page."""
    st.subheader(t("pooling.steps_title"))
    if not st.toggle(t("pooling.steps_show"), False, key="pooling_steps", bind="query-params"):
        return
    st.markdown(t("pooling.steps_intro"))
    try:
        steps = pool2d_steps(x, pool_size=pool, mode=mode, **settings)
    except ValueError:
        st.info(t("conv2d.steps_too_big", cells=pooled.size, max=MAX_STEP_CELLS), icon=":material/grid_on:")
        return
    top, bottom, left, right = pads
    total = len(steps)
    start = int(st.session_state.get("pooling_row", 0)) * out_w + int(st.session_state.get("pooling_col", 0))
    plotly_chart(
        window_steps_figure(
            np.pad(x, ((top, bottom), (left, right)), constant_values=np.nan),  # padding: blank, never counted
            (top, left),
            pooled,
            [(s.rows, s.cols) for s in steps],
            np.array([s.window for s in steps]),
            [s.expression() for s in steps],
            [t("conv2d.steps_title", row=s.row, col=s.col, n=j + 1, total=total) for j, s in enumerate(steps)],
            index=min(start, total - 1),
            marks=[s.winner for s in steps] if mode == "max" else None,
            field_label=t("conv2d.steps_field"),
            middle_label=t("pooling.steps_window"),
            output_label=t("pooling.fig_output"),
            x_title=t("pooling.col"),
            y_title=t("pooling.row"),
            play_label=t("conv1d.play"),
            pause_label=t("conv1d.pause"),
            step_label=t("conv2d.step_button"),
        ),
        width="stretch",
        key="pooling_steps_chart",
        config=CHART_CONFIG,
    )


COMPARE = ("padding", "strides", "mode")  # the other padding, stride 1 ↔ 2, max ↔ average


def _setting_name(what: str, *, pad: str, step: int | None, kind: str) -> str:
    if what == "padding":
        return f'padding="{pad}"'
    if what == "strides":
        return f"strides={step}"
    return "MaxPooling2D" if kind == "max" else "AveragePooling2D"


@st.fragment
def compare() -> None:
    """Two settings side by side, each pooled map with its shape. The toggle and its choice rerun only this part."""
    help_text = t("pooling.compare_help")
    if not st.toggle(t("conv2d.compare"), False, key="pooling_compare", bind="query-params", help=help_text):
        return
    what = choice(
        st.segmented_control,
        t("conv2d.compare_what"),
        COMPARE,
        key="pooling_compare_what",
        format_func=lambda w: t(f"pooling.compare_{w}" if w == "mode" else f"conv2d.compare_{w}"),
    )
    this = dict(pad=padding, step=None if same_stride else stride, kind=mode)
    other = dict(this)
    if what == "padding":
        other["pad"] = "same" if padding == "valid" else "valid"
    elif what == "strides":
        this["step"] = stride
        other["step"] = 1 if stride != 1 else 2
    else:
        other["kind"] = "average" if mode == "max" else "max"
    maps = []
    for chosen in (this, other):
        try:
            z = pool2d(x, pool, strides=chosen["step"], padding=chosen["pad"], mode=chosen["kind"])
        except ValueError as err:
            z = say(err)
        maps.append((_setting_name(what, **chosen), z))
    for column, side, (name, z) in zip(st.columns(2), ("this", "other"), maps, strict=True):
        with column:
            if isinstance(z, str):
                st.markdown(f"**{t('pooling.fig_output')}** · {name}")
                st.warning(t("common.invalid", message=z), icon=":material/block:")
                continue
            st.markdown(f"**{t('pooling.fig_output')}** · {name} · {'×'.join(map(str, z.shape))}")
            plotly_chart(
                conv2d_map_figure(
                    z, frame=x.shape, value_format=FMT, x_title=t("pooling.col"), y_title=t("pooling.row")
                ),
                width="stretch",
                key=f"pooling_compare_chart_{side}",
                config=CHART_CONFIG,
            )
    st.caption(t("pooling.compare_note"))


@st.fragment
def shift_demo() -> None:
    """The shift sliders rerun only this block: one figure with both pooled maps."""
    st.subheader(t("pooling.shift_title"))
    st.markdown(t("pooling.shift_intro"))
    shift_r, shift_c = st.columns(2)
    dr = shift_r.slider(t("pooling.shift_rows"), -2, 2, 0, key="pooling_shift_rows", bind="query-params")
    dc = shift_c.slider(t("pooling.shift_cols"), -2, 2, 1, key="pooling_shift_cols", bind="query-params")
    try:
        shifted = compare_shifted(x, rows=dr, cols=dc, pool_size=pool, mode=mode, **settings)
    except ValueError as err:
        st.warning(t("common.invalid", message=say(err)))
        return
    c1, c2 = st.columns(2)
    c1.metric(t("pooling.input_changed"), f"{shifted.input_changed:.0%}")
    c2.metric(t("pooling.pooled_changed"), f"{shifted.pooled_changed:.0%}")
    plotly_chart(
        pooling_shift_figure(
            shifted.pooled,
            shifted.pooled_shifted,
            titles=(t("pooling.fig_pooled"), t("pooling.fig_pooled_shifted")),
            x_title=t("pooling.col"),
            y_title=t("pooling.row"),
            value_format=FMT,
        ),
        width="stretch",
        key="pooling_shift_chart",
        config=CHART_CONFIG,
    )
    st.caption(t("pooling.shift_note"))


with view:
    m1, m2, m3 = st.columns(3)
    m1.metric(t("pooling.input_shape"), "×".join(map(str, x.shape)))
    m2.metric(t("pooling.output_shape"), f"{out_h}×{out_w}", help=t("pooling.output_shape_help"))
    m3.metric(t("pooling.parameters"), 0, help=t("pooling.parameters_help"))
    explain_cell()
    step_through()
    compare()
    shift_demo()

    layer = "MaxPooling2D" if mode == "max" else "AveragePooling2D"
    strides_arg = "None" if same_stride else str(stride)
    show_code(
        "import keras\n\n"
        f'layer = keras.layers.{layer}(pool_size={pool}, strides={strides_arg}, padding="{padding}")\n'
        f"layer(x.reshape(1, {x.shape[0]}, {x.shape[1]}, 1)).shape  # (1, {out_h}, {out_w}, 1)",
        key="pooling_code",
    )
