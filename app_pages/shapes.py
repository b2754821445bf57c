"""Shapes & parameters: build a layer stack, read model.summary() (shapes, parameter arithmetic), get the Keras code.

Pure Python (playground.architecture.summarize): this page never imports TensorFlow.
"""

from __future__ import annotations

import streamlit as st

from playground.architecture import (
    NOTES_28_STACK,
    NOTES_300_STACK,
    LayerError,
    format_shape,
    summarize,
    to_keras_code,
    totals,
)
from playground.figures.architecture import shape_flow_figure
from ui.builder import layer_stack_editor, set_stack
from ui.charts import plotly_chart
from ui.code_block import code_block
from ui.i18n import say, t
from ui.page import header
from ui.state import choice

STACK_KEY = "shapes_stack"
INPUT_KEY = "shapes_input"
INPUTS = {"28x28x1": (28, 28, 1), "300x300x3": (300, 300, 3), "custom": None}
INPUT_LABELS = {"28x28x1": "shapes.input_28", "300x300x3": "shapes.input_300", "custom": "shapes.input_custom"}
NBSP = "\u00a0"  # keeps "(None, 28, 28, 16)" on one line in the table
TEMPLATES = {  # template → (stack, input choice)
    "notes28": (NOTES_28_STACK, "28x28x1"),
    "notes300": (NOTES_300_STACK, "300x300x3"),
    "empty": ([], None),
}


def _sync_input_url() -> None:
    """Keep ?shapes_input= in step with the choice inside the callback, before the frame compares the link."""
    value = st.session_state[INPUT_KEY]
    if value == "28x28x1":
        st.query_params.pop(INPUT_KEY, None)
    else:
        st.query_params[INPUT_KEY] = value


def _load_template(name: str) -> None:
    stack, input_choice = TEMPLATES[name]
    set_stack(STACK_KEY, stack)
    if input_choice is not None:
        st.session_state[INPUT_KEY] = input_choice
        _sync_input_url()


@st.fragment
def input_and_summary(specs: list[dict]) -> None:
    """The input shape and everything it changes: a change of H, W or C reruns only this, not the layer editor."""
    st.subheader(t("shapes.input_heading"))
    picked = choice(
        st.pills,
        t("shapes.input_shape"),
        list(INPUTS),
        key=INPUT_KEY,
        format_func=lambda o: t(INPUT_LABELS[o]),
        on_change=_sync_input_url,
        help=t("shapes.input_help"),
        wrap=True,
    )
    if picked == "custom":
        h_col, w_col, c_col = st.columns(3, gap="small")
        height = h_col.number_input(t("shapes.height"), 1, 1024, 64, key="shapes_h", bind="query-params")
        width = w_col.number_input(t("shapes.width"), 1, 1024, 64, key="shapes_w", bind="query-params")
        channels = c_col.number_input(
            t("shapes.channels"), 1, 64, 3, key="shapes_c", bind="query-params", help=t("shapes.channels_help")
        )
        input_shape = (int(height), int(width), int(channels))
    else:
        input_shape = INPUTS[picked]

    failure: LayerError | None = None
    try:
        rows = summarize(specs, input_shape)
    except LayerError as err:
        rows, failure = err.rows, err
    except ValueError as err:  # in a fragment: show it and end this fragment's run (stop_with ends the page's)
        st.warning(t("common.invalid", message=say(err)), icon=":material/error:")
        return

    st.subheader(t("shapes.summary_heading"))
    if failure is not None:
        message = t("shapes.broken_at", number=failure.index + 1, type=failure.layer_type, reason=say(failure))
        st.error(message, icon=":material/block:")
        st.caption(t("shapes.broken_hint", number=failure.index + 1))
    elif not rows:
        st.info(t("shapes.empty_stack"), icon=":material/layers_clear:")

    sums = totals(rows)
    if failure is None:
        total, trainable, frozen = st.columns(3)
        megabytes = f"{sums['params'] * 4 / 2**20:.2f}"
        total.metric(t("shapes.total"), f"{sums['params']:,}", help=t("shapes.memory_help", megabytes=megabytes))
        trainable.metric(t("shapes.trainable"), f"{sums['trainable_params']:,}")
        frozen.metric(t("shapes.non_trainable"), f"{sums['non_trainable_params']:,}")

    table = [
        {
            t("shapes.col_layer"): f"{r['name']} ({r['type']})",
            t("shapes.col_output"): format_shape(r["output_shape"]).replace(" ", NBSP),
            t("shapes.col_params"): f"{r['params']:,}",
            t("shapes.col_formula"): r["formula"],
            t("shapes.col_shape_formula"): r["shape_formula"],
        }
        for i, r in enumerate(rows)
    ]
    if failure is not None:
        table.append(
            {
                t("shapes.col_layer"): f"✗ {failure.index + 1}. ({failure.layer_type})",
                t("shapes.col_output"): t("shapes.failed_shape"),
                t("shapes.col_params"): "",
                t("shapes.col_formula"): "",
                t("shapes.col_shape_formula"): "",
            }
        )
    if table:
        st.table(table, border="horizontal", hide_index=True)
    st.caption(t("shapes.summary_caption"))
    st.caption(t("shapes.formula_help"))

    if rows or failure is not None:
        st.subheader(t("shapes.flow_heading"))
        fig = shape_flow_figure(
            rows,
            input_shape,
            input_label=t("shapes.flow_input"),
            volume_title=t("shapes.flow_volume"),
            params_title=t("shapes.flow_params"),
            failed=(f"✗ {failure.layer_type}", say(failure)) if failure is not None else None,
        )
        plotly_chart(fig, width="stretch", key="shapes_flow")
        st.caption(t("shapes.flow_caption"))

    st.subheader(t("shapes.code_heading"))
    st.caption(t("shapes.code_caption"))
    st.caption(t("shapes.keras3_note"))
    if failure is not None:
        st.caption(t("shapes.code_when_broken"))
    tabs = st.tabs([t("shapes.tab_sequential"), t("shapes.tab_functional")], key="shapes_code_tab")
    for tab, api in zip(tabs, ("sequential", "functional"), strict=True):
        with tab:
            code = to_keras_code(specs, input_shape, api=api)
            code_block(code, key=f"shapes_code_{api}")
            st.download_button(
                t("shapes.download"),
                code,
                file_name=f"model_{api}.py",
                mime="text/x-python",
                icon=":material/download:",
                key=f"shapes_download_{api}",
                on_click="ignore",
            )


header("shapes")
controls, view = st.columns([1.1, 2.5], gap="large")
with controls:
    st.subheader(t("shapes.layers_heading"))
    st.caption(t("shapes.templates"))
    for name in TEMPLATES:
        st.button(
            t(f"shapes.template_{name}"),
            key=f"shapes_template_{name}",
            on_click=_load_template,
            args=(name,),
            help=t(f"shapes.template_{name}_help") if name != "empty" else None,
            icon=":material/library_books:" if name != "empty" else ":material/layers_clear:",
            width="stretch",
        )
    specs = layer_stack_editor(STACK_KEY, NOTES_28_STACK)
with view:
    input_and_summary(specs)
