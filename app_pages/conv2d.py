"""2-D convolution: kernels on grids and photos, stride, padding, dilation, the receptive field of any output cell."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from playground.convolution import (
    GRIDS,
    channel_contributions,
    conv2d,
    conv2d_steps,
    correlate2d_vs_convolve2d,
    explain_conv2d_cell,
    output_size_formula,
)
from playground.figures.convolution import (
    conv2d_map_figure,
    conv2d_maps_figure,
    products_grid_figure,
    receptive_window_figure,
    window_steps_figure,
)
from playground.geometry import MAX_STEP_CELLS
from playground.images import SAMPLES, load_sample
from playground.kernels import KERNELS, resize_kernel
from ui.charts import clicked_points, plotly_chart
from ui.code_block import code_block
from ui.i18n import say, t
from ui.page import end_page, header, plain
from ui.state import choice
from ui.uploads import decoded_image

MAX_SIDE = 112  # photos are downscaled to this for computing and drawing (a notice says so)
SOURCES = ("grid", "photo", "upload")
COLORS = ("gray", "rgb")
VIEWS = (
    "cell",
    "steps",
    "channels",
    "flip",
    "stack",
)  # one explanation at a time: only the chosen one is computed and sent
CHANNEL_NAMES = ("R", "G", "B")
FMT = ".4~g"
DEFAULT_STACK = ["sobel_x", "sobel_y", "laplacian"]
EDIT_LIMIT = 1e6  # the editors refuse numbers beyond ± this (a typo like 1e300 would overflow the sums)
NO_MODEBAR = {"displayModeBar": False}  # the maps have nothing to zoom, and the toolbar covered their titles

# On a phone the columns stack: put the feature map first, right under the controls that change it.
NARROW_CSS = """<style>
@media (max-width: 640px) {
  .st-key-conv2d_maps [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:nth-child(2) { order: -1; }
}
</style>"""


@st.cache_data(show_spinner=False, max_entries=16)
def _sample(name: str, mode: str):
    return load_sample(name, mode=mode, max_side=MAX_SIDE)


def _kernel_label(kernel_id: str) -> str:
    return t(f"conv2d.kernel_{kernel_id}")


def _stack_choice() -> list[str]:
    """Several kernels at once, kept in the URL as ids (?conv2d_stack=sobel_x&conv2d_stack=sobel_y)."""
    key = "conv2d_stack"
    if key not in st.session_state:
        wanted = st.query_params.get_all(key) or DEFAULT_STACK
        st.session_state[key] = [k for k in dict.fromkeys(wanted) if k in KERNELS]
    chosen = st.multiselect(
        t("conv2d.stack"),
        list(KERNELS),
        key=key,
        format_func=_kernel_label,
        max_selections=8,
        help=t("conv2d.stack_help"),
    )
    if chosen != DEFAULT_STACK:
        st.query_params[key] = chosen
    elif key in st.query_params:
        del st.query_params[key]
    return chosen


def _frame(array: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(array, columns=[str(c) for c in range(array.shape[1])])


def _small_columns(count: int) -> dict:
    # Narrow enough that a 7-wide grid fits the input column without a horizontal scroll bar.
    width = max(36, min(75, 250 // max(count, 1)))
    return {
        str(c): st.column_config.NumberColumn(width=width, format="%.4g", min_value=-EDIT_LIMIT, max_value=EDIT_LIMIT)
        for c in range(count)
    }


def _edited(df: pd.DataFrame, what: str) -> np.ndarray:
    """The numbers of an editor (an emptied cell counts as 0); a cell that is not a finite number is named."""
    array = df.to_numpy(dtype=float, na_value=0.0)
    bad = np.argwhere(~np.isfinite(array))
    if bad.size:
        r, c = (int(i) for i in bad[0])
        st.warning(t(f"conv2d.{what}_cell_invalid", row=r, col=c, value=array[r, c]), icon=":material/edit:")
        end_page()
    return array


def _editable(base: np.ndarray, *, key: str, what: str) -> np.ndarray:
    """`base` (a grid or a kernel) with the learner's edits, typed in an editor (`st.data_editor` `key`) inside an
    expander that is built only when opened: the editor's grid (a canvas, and a 0.5 MB chunk for the first one) cost
    the page's first paint ~0.2 s each (bench/NOTES.md). The edits are kept in the session while it is closed; a
    closed kernel shows its weights as a small table.

    what: "grid" or "kernel" (the texts `conv2d.edit_<what>`, `conv2d.<what>_help` and `conv2d.<what>_cell_invalid`).
    """
    kept = f"{key}_values"
    values = st.session_state.get(kept, base)
    above = st.container()  # the closed kernel's weights go above its "Edit" expander
    box = st.expander(t(f"conv2d.edit_{what}"), key=f"{key}_open", on_change="rerun", icon=":material/edit:")
    shown = f"{key}_shown"  # what the editor started from when it was opened: its data stays put while it is open
    if not box.open:
        st.session_state.pop(shown, None)
        if what == "kernel":
            weights = pd.DataFrame(values).map(lambda v: f"{v:.4g}")
            weights.columns = [str(c) for c in weights.columns]
            above.table(weights, hide_index=True, border="horizontal")
        return values
    with box:
        st.caption(t(f"conv2d.{what}_help"))
        df = st.data_editor(
            _frame(st.session_state.setdefault(shown, values)),
            key=key,
            hide_index=True,
            width="stretch",
            column_config=_small_columns(values.shape[1]),
        )
    values = _edited(df, what)
    if values.shape == base.shape and not np.array_equal(values, base):
        st.session_state[kept] = values
    else:
        st.session_state.pop(kept, None)
    return values


def _pick_cell() -> None:
    """A click on the feature map selects that cell (x = column, y = row of the clicked target)."""
    points = clicked_points("conv2d_output_chart")
    if points:
        st.session_state["conv2d_row"] = int(points[0]["y"])
        st.session_state["conv2d_col"] = int(points[0]["x"])


def _map_label(title: str, shape: tuple[int, ...]) -> None:
    """The bold name of a map and its shape ("**Feature map (output)** · 5×5"); an empty shape: there is none."""
    st.markdown(f"**{title}** · {'×'.join(map(str, shape)) if shape else t('conv2d.no_map')}")


def _input_figure(image: np.ndarray, picture: np.ndarray | None, window=None):
    """The input drawn on its own frame; `picture` (uint8 RGB) when the input is a colour photo."""
    return conv2d_map_figure(
        image if picture is None else picture,
        frame=image.shape[:2],
        window=window,
        colorscale="gray",
        hover_name=t("conv2d.value"),
        value_format=FMT,
        x_title=t("conv2d.col"),
        y_title=t("conv2d.row"),
    )


def _settings_error(err: ValueError, shape: tuple[int, ...], kh: int, kw: int, sh: int, sw: int, d: int, padding: str):
    """Why there is no feature map, with this input's numbers (and Keras's own message under it)."""
    if max(sh, sw) > 1 and d > 1:
        why = t("conv2d.err_stride_dilation", sh=sh, sw=sw, d=d)
    elif padding == "valid" and (kh + (kh - 1) * (d - 1) > shape[0] or kw + (kw - 1) * (d - 1) > shape[1]):
        why = t(
            "conv2d.err_kernel_too_big",
            kh=kh,
            kw=kw,
            d=d,
            eh=kh + (kh - 1) * (d - 1),
            ew=kw + (kw - 1) * (d - 1),
            h=shape[0],
            w=shape[1],
        )
    else:
        why = t("common.invalid", message="")
    st.warning(f"{t('conv2d.err_no_output', why=why)}\n\n{say(err)}", icon=":material/block:")


header("conv2d")
st.html(NARROW_CSS)
controls, view = st.columns([1.1, 2.4], gap="large")

# ---------------------------------------------------------------------------------------------------------- input
with controls:
    st.subheader(t("conv2d.input"))
    source = choice(
        st.segmented_control,
        t("conv2d.source"),
        SOURCES,
        key="conv2d_source",
        format_func=lambda s: t(f"conv2d.source_{s}"),
    )
    loaded = None
    color = "gray"
    if source == "grid":
        grid_id = choice(
            st.selectbox,
            t("conv2d.grid"),
            list(GRIDS),
            key="conv2d_grid",
            format_func=lambda g: t(f"conv2d.grid_{g}"),
        )
        image = _editable(GRIDS[grid_id], key=f"conv2d_grid_editor_{grid_id}", what="grid")
    else:
        color = choice(
            st.segmented_control,
            t("conv2d.color"),
            COLORS,
            key="conv2d_color",
            format_func=lambda c: t(f"conv2d.color_{c}"),
        )
        mode = "RGB" if color == "rgb" else "L"
        if source == "upload":
            upload = st.file_uploader(
                t("conv2d.upload"),
                type=["png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff"],
                key="conv2d_upload",
            )
            try:
                decoded = decoded_image(upload, key="conv2d_upload", mode=mode, max_side=MAX_SIDE)
            except ValueError as err:  # the file, not the settings: say so (its name and the reason as plain text)
                st.error(
                    t("conv2d.upload_unreadable", name=plain(upload.name, 80), message=plain(say(err))),
                    icon=":material/error:",
                )
                end_page()
            if decoded is None:
                st.info(t("conv2d.upload_hint"), icon=":material/upload:")
                loaded = _sample(next(iter(SAMPLES)), mode)
            else:
                loaded = decoded
        else:
            photo = choice(
                st.selectbox,
                t("conv2d.photo"),
                list(SAMPLES),
                key="conv2d_photo",
                format_func=lambda s: t(f"augment.photo_{s}"),
            )
            loaded = _sample(photo, mode)
        image = loaded.array.astype(float) / 255.0
        if loaded.downscaled:
            h, w = loaded.original_size
            st.caption(t("conv2d.downscaled", h=h, w=w, h2=image.shape[0], w2=image.shape[1]))
picture = loaded.array if color == "rgb" else None  # what the input map draws for a colour photo

# --------------------------------------------------------------------------------------------------------- kernel
with controls:
    st.subheader(t("conv2d.kernel_and_layer"))
    kernel_id = choice(st.selectbox, t("conv2d.kernel"), list(KERNELS), key="conv2d_kernel", format_func=_kernel_label)
    size_rows, size_cols = st.columns(2)
    kh = size_rows.number_input(t("conv2d.kh"), 1, 7, 3, key="conv2d_kh", bind="query-params")
    kw = size_cols.number_input(t("conv2d.kw"), 1, 7, 3, key="conv2d_kw", bind="query-params")
    kernel = _editable(
        resize_kernel(KERNELS[kernel_id], (kh, kw)), key=f"conv2d_kernel_editor_{kernel_id}_{kh}_{kw}", what="kernel"
    )
    if color == "rgb":
        st.caption(t("conv2d.channel_weights_help"))
        weight_cols = st.columns(3)
        weights = [
            col.number_input(name, -2.0, 2.0, 1.0, 0.1, key=f"conv2d_weight_{name.lower()}", bind="query-params")
            for col, name in zip(weight_cols, CHANNEL_NAMES, strict=True)
        ]
        filter_kernels = kernel[:, :, None] * np.array(weights)[None, None, :]  # (kh, kw, 3): one kernel per channel
    else:
        filter_kernels = kernel[:, :, None]
    stride_rows, stride_cols = st.columns(2)
    sh = stride_rows.number_input(t("conv2d.sh"), 1, 4, 1, key="conv2d_sh", bind="query-params")
    sw = stride_cols.number_input(t("conv2d.sw"), 1, 4, 1, key="conv2d_sw", bind="query-params")
    padding = (
        st.segmented_control(
            t("conv2d.padding"),
            ("valid", "same"),
            default="valid",
            required=True,
            key="conv2d_padding",
            bind="query-params",
            help=t("conv2d.padding_help"),
        )
        or "valid"
    )
    dilation = st.slider(
        t("conv2d.dilation"), 1, 3, 1, key="conv2d_dilation", bind="query-params", help=t("conv2d.dilation_help")
    )
    bias = st.number_input(t("conv2d.bias"), -10.0, 10.0, 0.0, 0.1, key="conv2d_bias", bind="query-params")

w4 = filter_kernels[:, :, :, None]  # (kh, kw, C_in, 1): Keras's kernel layout, one filter
settings = dict(strides=(sh, sw), padding=padding, dilation_rate=(dilation, dilation))
try:
    feature_map = conv2d(image, w4, bias=[bias], **settings)[:, :, 0]
    formulas = [
        output_size_formula(
            image.shape[axis], (kh, kw)[axis], strides=(sh, sw)[axis], padding=padding, dilation_rate=dilation
        )
        for axis in (0, 1)
    ]
except ValueError as err:
    with view, st.container(key="conv2d_maps"):
        pic, out = st.columns(2)
        with pic:
            _map_label(t("conv2d.fig_input"), image.shape)
            plotly_chart(_input_figure(image, picture), width="stretch", config=NO_MODEBAR, key="conv2d_input_chart")
        with out:
            _map_label(t("conv2d.fig_output"), ())
            _settings_error(err, image.shape, kh, kw, sh, sw, dilation, padding)
    end_page()


@st.fragment
def explore(image: np.ndarray, picture: np.ndarray | None, feature_map: np.ndarray, formulas: list[str]) -> None:
    """The maps and the chosen explanation. Picking a cell (click or number) or a view reruns only this part."""
    out_h, out_w = feature_map.shape
    for key, size in (("conv2d_row", out_h), ("conv2d_col", out_w)):
        if st.session_state.get(key, 0) >= size:
            st.session_state[key] = size - 1
    # The maps and shapes come first on screen but need the picked cell: fill their slots after the pickers have
    # read it (a shared link's row/column counts from the first run on).
    maps_slot = st.container(key="conv2d_maps")
    facts_slot = st.container()
    st.subheader(t("conv2d.cell"))
    pick_row, pick_col = st.columns(2)
    row = int(pick_row.number_input(t("conv2d.row"), 0, out_h - 1, 0, key="conv2d_row", bind="query-params"))
    col = int(pick_col.number_input(t("conv2d.col"), 0, out_w - 1, 0, key="conv2d_col", bind="query-params"))
    cell = explain_conv2d_cell(image, w4, row, col, bias=[bias], **settings)

    with maps_slot:
        pic, out = st.columns(2)
        with pic:
            _map_label(t("conv2d.fig_input"), image.shape)
            plotly_chart(
                _input_figure(image, picture, window=(cell.input_rows, cell.input_cols)),
                width="stretch",
                config=NO_MODEBAR,
                key="conv2d_input_chart",
            )
        with out:
            _map_label(t("conv2d.fig_output"), feature_map.shape)
            fig = conv2d_map_figure(
                feature_map,
                frame=image.shape[:2],
                selected=(row, col),
                clickable=True,
                hover_name=t("conv2d.value"),
                value_format=FMT,
                x_title=t("conv2d.col"),
                y_title=t("conv2d.row"),
            )
            plotly_chart(
                fig,
                width="stretch",
                config=NO_MODEBAR,
                key="conv2d_output_chart",
                on_select=_pick_cell,
                selection_mode="points",
            )
    with facts_slot:
        st.caption(t("conv2d.click_hint"))
        m1, m2, m3 = st.columns([1.2, 1, 1])
        m1.metric(t("conv2d.input_shape"), "×".join(map(str, image.shape)))
        m2.metric(t("conv2d.output_shape"), f"{out_h}×{out_w}", help=t("conv2d.output_shape_help"))
        m3.metric(t("conv2d.padding_added"), "{}/{}/{}/{}".format(*cell.padding), help=t("conv2d.padding_added_help"))
        st.markdown(t("conv2d.formula", rows=formulas[0], cols=formulas[1]))
    chosen = choice(
        st.segmented_control,
        t("conv2d.view"),
        VIEWS,
        key="conv2d_view",
        format_func=lambda v: t(f"conv2d.tab_{v}"),
    )
    if chosen == "cell":
        _cell_view(cell)
    elif chosen == "steps":
        _steps_view(image, feature_map, row * out_w + col)
    elif chosen == "channels":
        _channels_view(image, feature_map)
    elif chosen == "flip":
        _flip_view(image)
    else:
        _stack_view(image)


def _cell_view(cell) -> None:
    st.markdown(t("conv2d.cell_title", row=cell.row, col=cell.col, value=f"{cell.value:.4g}"))
    channel = 0
    if color == "rgb":
        channel = choice(
            st.segmented_control,
            t("conv2d.channel"),
            [0, 1, 2],
            key="conv2d_channel",
            format_func=lambda c: CHANNEL_NAMES[c],
        )
    left, right = st.columns([1.4, 1])
    with left:
        st.markdown(f"**{t('conv2d.fig_receptive')}**")
        plotly_chart(
            receptive_window_figure(
                cell.padded[:, :, channel],
                cell.padding,
                cell.rows,
                cell.cols,
                hover_name=t("conv2d.value"),
                x_title=t("conv2d.axis_padded_col"),
                y_title=t("conv2d.axis_padded_row"),
                colorscale="gray" if color == "gray" else None,  # a grey input: as the input map draws it
            ),
            width="stretch",
            config=NO_MODEBAR,
            key="conv2d_receptive_chart",
        )
    with right:
        st.markdown(f"**{t('conv2d.fig_products')}**")
        plotly_chart(
            products_grid_figure(
                cell.products[:, :, channel],
                hover_name=t("conv2d.product"),
                x_title=t("conv2d.axis_kernel_col"),
                y_title=t("conv2d.axis_kernel_row"),
            ),
            width="stretch",
            config=NO_MODEBAR,
            key="conv2d_products_chart",
        )
    if color == "rgb":
        for c, name in enumerate(CHANNEL_NAMES):
            st.markdown(t("conv2d.channel_sum", channel=name, expression=cell.expression(c)))
    else:
        st.markdown(t("conv2d.gray_sum", expression=cell.expression(0)))
    sums = " + ".join(f"{s:.4g}" for s in cell.channel_sums)
    st.markdown(t("conv2d.cell_total", sums=sums, bias=f"{cell.bias:.4g}", value=f"{cell.value:.4g}"))
    st.caption(
        t(
            "conv2d.receptive_help",
            rows=", ".join(map(str, cell.input_rows)),
            cols=", ".join(map(str, cell.input_cols)),
        )
    )


def _steps_view(image: np.ndarray, feature_map: np.ndarray, index: int) -> None:
    """The kernel sliding across the output, played in the browser: every cell is a frame of one figure."""
    st.markdown(t("conv2d.steps_intro"))
    if image.ndim == 3:
        st.info(t("conv2d.steps_gray_only"), icon=":material/palette:")
        return
    try:
        steps = conv2d_steps(image, w4, bias=[bias], **settings)
    except ValueError:
        st.info(t("conv2d.steps_too_big", cells=feature_map.size, max=MAX_STEP_CELLS), icon=":material/grid_on:")
        return
    first = steps[0]
    total = len(steps)
    equations = [
        f"y[{s.row}, {s.col}] = {s.expression(0)}"
        + (f" → {s.total:.4g} + {s.bias:.4g} = {s.value:.4g}" if s.bias else "")
        for s in steps
    ]
    plotly_chart(
        window_steps_figure(
            first.padded[:, :, 0],
            (first.padding[0], first.padding[2]),
            feature_map,
            [(s.input_rows, s.input_cols) for s in steps],
            np.array([s.products[:, :, 0] for s in steps]),
            equations,
            [t("conv2d.steps_title", row=s.row, col=s.col, n=j + 1, total=total) for j, s in enumerate(steps)],
            index=index,
            field_label=t("conv2d.steps_field"),
            middle_label=t("conv2d.fig_products"),
            output_label=t("conv2d.fig_output"),
            x_title=t("conv2d.col"),
            y_title=t("conv2d.row"),
            hover_name=t("conv2d.value"),
            play_label=t("conv1d.play"),
            pause_label=t("conv1d.pause"),
            step_label=t("conv2d.step_button"),
        ),
        width="stretch",
        config=NO_MODEBAR,
        key="conv2d_steps_chart",
    )
    st.caption(t("conv2d.steps_note"))


def _channels_view(image: np.ndarray, feature_map: np.ndarray) -> None:
    st.markdown(t("conv2d.channels_explained"))
    if color != "rgb":
        st.info(t("conv2d.channels_gray"), icon=":material/palette:")
        return
    parts = channel_contributions(image, w4, **settings)
    plotly_chart(
        conv2d_maps_figure(
            filter_kernels,
            [t("conv2d.channel_kernel", channel=n) for n in CHANNEL_NAMES],
            hover_name=t("conv2d.weight"),
        ),
        width="stretch",
        config=NO_MODEBAR,
        key="conv2d_channel_kernels",
    )
    plotly_chart(
        conv2d_maps_figure(
            np.dstack([parts, feature_map]),
            [*(t("conv2d.channel_part", channel=n) for n in CHANNEL_NAMES), t("conv2d.fig_output_sum")],
            hover_name=t("conv2d.value"),
        ),
        width="stretch",
        config=NO_MODEBAR,
        key="conv2d_channel_parts",
    )


def _flip_view(image: np.ndarray) -> None:
    gray = image if image.ndim == 2 else image.mean(axis=2)
    try:
        correlated, convolved = correlate2d_vs_convolve2d(gray, kernel)
    except ValueError as err:
        st.warning(t("conv2d.flip_invalid", message=say(err)))
        return
    st.markdown(t("conv2d.flip_explained"))
    plotly_chart(
        conv2d_maps_figure(
            np.dstack([correlated, convolved]),
            [t("conv2d.fig_correlate2d"), t("conv2d.fig_convolve2d")],
            hover_name=t("conv2d.value"),
            columns=2,
        ),
        width="stretch",
        config=NO_MODEBAR,
        key="conv2d_flip_chart",
    )
    same = np.allclose(correlated, convolved)
    st.markdown(t("conv2d.flip_same") if same else t("conv2d.flip_differs"))


def _stack_view(image: np.ndarray) -> None:
    st.markdown(t("conv2d.stack_explained"))
    stack_ids = _stack_choice()
    if not stack_ids:
        st.info(t("conv2d.stack_empty"))
        return
    channels = image.shape[2] if image.ndim == 3 else 1
    bank = np.stack([np.repeat(KERNELS[k][:, :, None], channels, axis=2) for k in stack_ids], axis=3)
    try:
        maps = conv2d(image, bank, **settings)  # (H', W', filters)
    except ValueError as err:
        st.warning(t("common.invalid", message=say(err)))
        return
    st.metric(t("conv2d.stack_shape"), "×".join(map(str, maps.shape)))
    plotly_chart(
        conv2d_maps_figure(maps, [_kernel_label(k) for k in stack_ids], hover_name=t("conv2d.value")),
        width="stretch",
        config=NO_MODEBAR,
        key="conv2d_stack_chart",
    )


COMPARE = ("padding", "strides")  # what the second setting changes: the other padding, stride 1 ↔ 2


def _other_setting(what: str) -> tuple[dict, str]:
    """The compared setting (Conv2D arguments) and its short name: the other padding, or stride 1 ↔ 2."""
    if what == "padding":
        other = "same" if padding == "valid" else "valid"
        return dict(settings, padding=other), f'padding="{other}"'
    other_stride = (1, 1) if (sh, sw) != (1, 1) else (2, 2)
    return dict(settings, strides=other_stride), "strides=({}, {})".format(*other_stride)


@st.fragment
def compare(image: np.ndarray, feature_map: np.ndarray) -> None:
    """Two settings side by side, each feature map with its shape. The toggle and its choice rerun only this part."""
    if not st.toggle(
        t("conv2d.compare"), False, key="conv2d_compare", bind="query-params", help=t("conv2d.compare_help")
    ):
        return
    what = choice(
        st.segmented_control,
        t("conv2d.compare_what"),
        COMPARE,
        key="conv2d_compare_what",
        format_func=lambda w: t(f"conv2d.compare_{w}"),
    )
    other_settings, other_name = _other_setting(what)
    this_name = f'padding="{padding}"' if what == "padding" else f"strides=({sh}, {sw})"
    try:
        other_map = conv2d(image, w4, bias=[bias], **other_settings)[:, :, 0]
    except ValueError as err:
        other_map = None
        problem = say(err)
    columns = st.columns(2)
    for column, side, name, z in (
        (columns[0], "this", this_name, feature_map),
        (columns[1], "other", other_name, other_map),
    ):
        with column:
            if z is None:
                _map_label(f"{t('conv2d.fig_output')} · {name}", ())
                st.warning(t("common.invalid", message=problem), icon=":material/block:")
                continue
            _map_label(f"{t('conv2d.fig_output')} · {name}", z.shape)
            plotly_chart(
                conv2d_map_figure(
                    z,
                    frame=image.shape[:2],
                    hover_name=t("conv2d.value"),
                    value_format=FMT,
                    x_title=t("conv2d.col"),
                    y_title=t("conv2d.row"),
                ),
                width="stretch",
                config=NO_MODEBAR,
                key=f"conv2d_compare_chart_{side}",
            )
    if other_map is not None:
        st.caption(
            t("conv2d.compare_note", a="×".join(map(str, feature_map.shape)), b="×".join(map(str, other_map.shape)))
        )


with view:
    explore(image, picture, feature_map, formulas)
    compare(image, feature_map)
    channels = image.shape[2] if image.ndim == 3 else 1
    out_h, out_w = feature_map.shape
    # Short lines, wrapped where the column is narrower still (a phone): nothing hides behind a scroll bar.
    st.caption(t("common.equivalent_code"))
    code_block(
        "import keras\n\n"
        "layer = keras.layers.Conv2D(\n"
        f"    filters=1, kernel_size=({kh}, {kw}), strides=({sh}, {sw}),\n"
        f'    padding="{padding}", dilation_rate=({dilation}, {dilation}))\n'
        f"layer.build((None, {image.shape[0]}, {image.shape[1]}, {channels}))\n"
        "layer.set_weights(\n"
        f"    [kernel.reshape({kh}, {kw}, {channels}, 1), np.array([{bias:g}])])\n"
        f"layer(image[None]).shape  # (1, {out_h}, {out_w}, 1)\n\n"
        f"# {t('code.conv2d_scipy')}\n"
        "from scipy.signal import correlate2d\n"
        'correlate2d(image, kernel, mode="valid")',
        key="conv2d_code",
    )
