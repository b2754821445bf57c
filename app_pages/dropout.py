"""Dropout: random masks on a layer of units and on a feature map, inverted scaling, training vs inference."""

from __future__ import annotations

import secrets

import numpy as np
import streamlit as st

from playground.dropout import (
    dropout,
    dropout_mean,
    example_feature_map,
    example_units,
    keep_scale,
    keras_dropout,
)
from playground.figures.blocks import dropout_maps_figure, dropout_units_figure, expected_value_figure
from ui.charts import plotly_chart
from ui.code_block import code_block
from ui.i18n import t
from ui.page import header, stop_with

MAX_SEED = 999_999


def _resample() -> None:
    """A new random seed; it lands in the bound widget, so the link reproduces this very mask."""
    st.session_state["dropout_seed"] = secrets.randbelow(MAX_SEED + 1)


header("dropout")
controls, view = st.columns([1, 2.4], gap="large")

with controls, st.container(border=True):
    rate = st.slider(
        t("dropout.rate"), 0.0, 0.95, 0.5, 0.05, key="dropout_rate", bind="query-params", help=t("dropout.rate_help")
    )
    training = st.toggle(
        t("dropout.training"), True, key="dropout_training", bind="query-params", help=t("dropout.training_help")
    )
    seed = st.number_input(
        t("dropout.seed"), 0, MAX_SEED, 42, 1, key="dropout_seed", bind="query-params", help=t("dropout.seed_help")
    )
    st.button(
        t("dropout.resample"),
        key="dropout_resample",
        on_click=_resample,
        icon=":material/casino:",
        width="stretch",
        disabled=not training,
    )
    use_keras = st.toggle(
        t("dropout.use_keras"), False, key="dropout_keras", bind="query-params", help=t("dropout.use_keras_help")
    )
    units = st.slider(t("dropout.units"), 4, 64, 24, 4, key="dropout_units", bind="query-params")
    size = st.slider(t("dropout.map_size"), 6, 24, 12, 1, key="dropout_map_size", bind="query-params")
    samples = st.select_slider(
        t("dropout.samples"),
        [10, 100, 1000, 5000],
        1000,
        key="dropout_samples",
        bind="query-params",
        help=t("dropout.samples_help"),
    )

with view:
    try:
        x = example_units(units)
        fmap = example_feature_map(size)
        if use_keras:  # Keras's own masks: this imports TensorFlow (seconds, once per server process)
            with st.spinner(t("dropout.loading_keras")):
                y, mask = keras_dropout(x, rate, seed=seed, training=training)
                fy, fmask = keras_dropout(fmap, rate, seed=seed + 1, training=training)
        else:
            y, mask = dropout(x, rate, seed=seed, training=training)
            fy, fmask = dropout(fmap, rate, seed=seed + 1, training=training)
        mean = dropout_mean(x, rate, samples=samples, seed=seed)
        scale = keep_scale(rate)
    except ValueError as err:
        stop_with(err)

    mode = t("dropout.mode_training") if training else t("dropout.mode_inference")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("dropout.mode"), mode)
    m2.metric(t("dropout.kept"), f"{int(mask.sum())} / {mask.size}")
    m3.metric(t("dropout.scale"), f"× {scale:.4g}" if training else "× 1")
    if training:
        st.markdown(t("dropout.explain_training", rate=f"{rate:g}", keep=f"{1 - rate:g}", scale=f"{scale:.4g}"))
    else:
        st.markdown(t("dropout.explain_inference", rate=f"{rate:g}"))

    st.markdown(f"**{t('dropout.units_title')}**")  # as text: a long title wraps on a phone, a chart's is cut
    plotly_chart(
        dropout_units_figure(
            x,
            y,
            mask,
            title=None,
            kept_label=t("dropout.kept_label"),
            dropped_label=t("dropout.dropped_label"),
            input_label=t("dropout.input"),
            output_label=t("dropout.output"),
        ),
        key="dropout_units_chart",
    )
    st.caption(t("dropout.sums", before=f"{x.sum():.2f}", after=f"{y.sum():.2f}"))

    st.subheader(t("dropout.map_heading"))
    plotly_chart(
        dropout_maps_figure(
            {t("dropout.map_input"): fmap, t("dropout.map_mask"): fmask.astype(float), t("dropout.map_output"): fy},
            value_label=t("dropout.value"),
            height=300,
        ),
        key="dropout_maps_chart",
    )
    st.caption(t("dropout.map_caption", scale=f"{scale:.4g}" if training else "1"))

    st.subheader(t("dropout.expected_heading"))
    error = float(np.max(np.abs(mean - x)))
    e1, e2, e3 = st.columns(3)
    e1.metric(t("dropout.mean_input"), f"{x.mean():.4f}")
    e2.metric(t("dropout.mean_outputs", samples=samples), f"{mean.mean():.4f}")
    e3.metric(t("dropout.max_error"), f"{error:.4f}")
    st.markdown(f"**{t('dropout.expected_title', samples=samples)}**")
    plotly_chart(
        expected_value_figure(
            x,
            mean,
            title=None,
            x_title=t("dropout.unit"),
            y_title=t("dropout.value"),
            input_label=t("dropout.input"),
            mean_label=t("dropout.mean_label", samples=samples),
        ),
        key="dropout_expected_chart",
    )
    st.markdown(t("dropout.expected_explain"))

st.caption(t("common.equivalent_code"))
code_block(
    "import keras\n"
    f"layer = keras.layers.Dropout(rate={rate:g}, seed={seed})\n"
    f"y = layer(x, training={training})  # {t('dropout.code_scale', rate=f'{rate:g}', scale=f'{scale:.4g}')}\n"
    + (f"# {t('dropout.code_same_mask', kept=int(mask.sum()), n=mask.size)}\n" if use_keras and training else "")
    + (f"# {t('dropout.code_other_mask')}\n" if training and not use_keras else "")
    + f"\n# {t('dropout.code_in_model')}\n"
    "x = keras.layers.Flatten()(x)\n"
    f"x = keras.layers.Dropout(rate={rate:g})(x)  # {t('dropout.code_fit_only')}\n"
    'x = keras.layers.Dense(50, activation="relu")(x)',
    key="dropout_code",
)
