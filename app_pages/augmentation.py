"""Data augmentation: the Keras random layers on a Fashion-MNIST item and a photo, training=True vs False."""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground.augmentation import AUGMENTATIONS, augment, keras_code, spec_for
from playground.figures.further import image_grid
from playground.images import SAMPLES, load_sample
from playground.run import SESSION_AUGMENTATION
from ui.i18n import t
from ui.page import header, show_code, stop_with
from ui.state import choice

PHOTO_SIDE = 128  # photos are downscaled to this before augmenting (fast, and enough to see the effect)
DEFAULT_ON = ("flip_horizontal", "rotation", "zoom")  # the course notes' three layers
SEED_MAX = 1_000_000


@st.cache_resource(show_spinner=False)
def _fashion_mnist():
    from playground.data import CLASS_NAMES, load_fashion_mnist

    _, (x_test, y_test) = load_fashion_mnist()
    return x_test, y_test, CLASS_NAMES


@st.cache_data(show_spinner=False, max_entries=8)
def _photo(name: str) -> np.ndarray:
    return load_sample(name, mode="RGB", max_side=PHOTO_SIDE).array


@st.cache_data(show_spinner=False, max_entries=32)
def _augmented(image: np.ndarray, specs: tuple, n: int, seed: int, training: bool) -> np.ndarray:
    return augment(image, [dict(s) for s in specs], n=n, seed=seed, training=training)


def _resample() -> None:
    st.session_state["augment_seed"] = (int(st.session_state.get("augment_seed", 0)) + 1) % SEED_MAX


def _describe(option: str, factor: float | None) -> str:
    if option == "rotation":
        return t("augment.explain_rotation", degrees=factor * 360)
    if option in ("zoom", "translation"):
        return t(f"augment.explain_{option}", percent=factor * 100)
    if option == "contrast":
        return t("augment.explain_contrast", low=max(0.0, 1 - factor), high=1 + factor)
    return t(f"augment.explain_{option}")


def _versions_figure(image: np.ndarray, versions: np.ndarray, key: str) -> None:
    images = [image, *versions]
    titles = [t("augment.original")] + [t("augment.version", number=i + 1) for i in range(len(versions))]
    fig = image_grid(images, titles=titles, cols=5, panel_height=150 if image.ndim == 2 else 160)
    st.plotly_chart(fig, width="stretch", key=key)


header("augment")
controls, view = st.columns([1, 2.4], gap="large")

with controls:
    st.markdown(f"**{t('augment.layers')}**")
    specs = []
    for option, definition in AUGMENTATIONS.items():
        on = st.checkbox(
            t(f"augment.use_{option}"), value=option in DEFAULT_ON, key=f"augment_use_{option}", bind="query-params"
        )
        factor = None
        if on and definition.factor_args:
            low, high = definition.factor_range
            factor = st.slider(
                t(f"augment.factor_{option}"),
                min_value=low,
                max_value=high,
                value=definition.default,
                step=0.01,
                key=f"augment_{option}",
                bind="query-params",
            )
        if on:
            st.caption(_describe(option, factor))
            try:
                specs.append(spec_for(option, factor))
            except ValueError as err:
                stop_with(err)
    st.divider()
    n = st.slider(t("augment.versions"), 1, 14, 9, key="augment_n", bind="query-params")
    seed = st.number_input(
        t("augment.seed"),
        min_value=0,
        max_value=SEED_MAX - 1,
        value=None if "augment_seed" in st.session_state else 0,  # set by "Re-sample" through the state
        step=1,
        key="augment_seed",
        help=t("augment.seed_help"),
        bind="query-params",
    )
    st.button(t("augment.resample"), key="augment_resample", on_click=_resample, icon=":material/casino:")
    item_index = st.number_input(
        t("augment.item"), min_value=0, max_value=9999, value=0, step=1, key="augment_item", bind="query-params"
    )
    photo = choice(
        st.selectbox,
        t("augment.photo"),
        list(SAMPLES),
        key="augment_photo",
        format_func=lambda s: t(f"augment.photo_{s}"),
    )

spec_key = tuple(tuple(sorted(s.items())) for s in specs)
with view:
    if not specs:
        st.info(t("augment.none_selected"), icon=":material/info:")
    item = None
    try:
        x_test, y_test, class_names = _fashion_mnist()
        item, label = x_test[int(item_index)], class_names[int(y_test[int(item_index)])]
    except Exception as err:  # data missing: the page still works on the photo
        st.info(t("augment.no_data", message=str(err)), icon=":material/info:")
    try:
        with st.spinner(t("augment.computing")):
            picture = _photo(photo)
            photo_versions = _augmented(picture, spec_key, int(n), int(seed), True)
            if item is not None:
                item_versions = _augmented(item, spec_key, int(n), int(seed), True)
                item_inference = _augmented(item, spec_key, 1, int(seed), False)
    except ValueError as err:
        stop_with(err)

    if item is not None:
        st.subheader(t("augment.item_heading", name=label))
        _versions_figure(item, item_versions, "augment_item_chart")
    st.subheader(t("augment.photo_heading"))
    _versions_figure(picture, photo_versions, "augment_photo_chart")

    if item is not None:
        st.subheader(t("augment.mode_heading"))
        st.markdown(t("augment.mode_explain"))
        fig = image_grid(
            [item, item_versions[0], item_inference[0]],
            titles=[t("augment.original"), t("augment.training_true"), t("augment.training_false")],
            cols=3,
            panel_height=200,
        )
        st.plotly_chart(fig, width="stretch", key="augment_mode_chart")
        st.caption(t("augment.identity_check", same=bool(np.array_equal(item_inference[0], item))))

    show_code(keras_code(specs, seed=int(seed)))

    st.subheader(t("augment.lab_heading"))
    st.markdown(t("augment.lab_explain"))
    send_col, clear_col = st.columns(2)
    with send_col:
        if st.button(t("augment.send"), key="augment_send", type="primary", disabled=not specs, icon=":material/send:"):
            st.session_state[SESSION_AUGMENTATION] = tuple(dict(s) for s in specs)
    with clear_col:
        if st.button(t("augment.clear"), key="augment_clear"):
            st.session_state[SESSION_AUGMENTATION] = ()
    chosen = st.session_state.get(SESSION_AUGMENTATION) or ()
    if chosen:
        layers = ", ".join(
            s["type"] + "(" + ", ".join(f"{k}={v}" for k, v in s.items() if k != "type") + ")" for s in chosen
        )
        st.success(t("augment.sent", count=len(chosen), layers=layers), icon=":material/check_circle:")
    else:
        st.caption(t("augment.not_sent"))
    link_col, compare_col = st.columns(2)
    with link_col:
        st.page_link("app_pages/train.py", label=t("augment.open_lab"), icon=":material/model_training:")
    with compare_col:
        st.page_link("app_pages/compare.py", label=t("augment.open_compare"), icon=":material/compare_arrows:")
