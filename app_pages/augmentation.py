"""Data augmentation: the Keras random layers on a Fashion-MNIST item and a photo, training=True vs False."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

import numpy as np
import streamlit as st

from playground.augmentation import AUGMENTATIONS, augment, build_layers, keras_code, spec_for
from playground.images import SAMPLES, load_sample
from playground.run import SESSION_AUGMENTATION
from ui.code_block import code_block
from ui.i18n import t
from ui.page import code_comments, data_reason, header, stop_with
from ui.runs import class_names
from ui.state import choice

PHOTO_SIDE = 128  # photos are downscaled to this before augmenting (fast, and enough to see the effect)
DEFAULT_ON = ("flip_horizontal", "rotation", "zoom")  # the course notes' three layers
SEED_MAX = 1_000_000
ITEM_ZOOM = 4  # a 28 × 28 item is sent as 112 × 112 (each pixel a 4 × 4 block), so the browser does not blur it
POLL_S = 2.0  # how often the page looks whether Keras has finished loading (quiet in between: the page settles)


def _fashion_mnist():
    from playground.data import CLASS_NAMES, load_fashion_mnist

    _, (x_test, y_test) = load_fashion_mnist()  # cached once per process (playground.data)
    return x_test, y_test, CLASS_NAMES


def _warm_up() -> None:
    """Import TensorFlow/Keras (≈ 10 s on a cold server; most of this page's first paint used to be this) and read
    Fashion-MNIST, off the script thread: the page paints at once and shows Keras's images when this is done."""
    build_layers([])  # imports Keras with TensorFlow's threads set once (playground.augmentation)
    try:
        _fashion_mnist()
    except Exception:  # noqa: BLE001, S110 - data missing: the page says so itself and works on the photo
        pass


@st.cache_resource(show_spinner=False)
def _warming() -> Future:
    """One warm-up per server process, shared by every session."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="augment-warm-up").submit(_warm_up)


def _keras_ready() -> bool:
    future = _warming()
    return future.done() or bool(wait_for([future], timeout=0.3).done)


@st.fragment(run_every=POLL_S)
def _wait_for_keras() -> None:
    """Shown while Keras loads: a notice that polls, then one full rerun that draws the images."""
    if _keras_ready():
        st.rerun()
    st.info(t("augment.loading_keras"), icon=":material/hourglass_top:")


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


def _pixels(image: np.ndarray) -> np.ndarray:
    """An image as uint8 pixels for the browser; a small grey item with each pixel as a ITEM_ZOOM² block."""
    a = np.clip(np.rint(np.asarray(image, dtype=float)), 0, 255).astype(np.uint8)
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[..., 0]
    if a.ndim == 2:
        a = np.kron(a, np.ones((ITEM_ZOOM, ITEM_ZOOM), dtype=np.uint8))
    return a


def _images(images: list[np.ndarray], captions: list[str]) -> None:
    """Pictures, not charts: a row of <img> tags wrapping to the width (PNG, fetched beside the websocket)."""
    st.image([_pixels(a) for a in images], caption=captions, width=ITEM_ZOOM * 28 if images[0].ndim == 2 else 128)


def _versions(image: np.ndarray, versions: np.ndarray) -> None:
    captions = [t("augment.original")] + [t("augment.version", number=i + 1) for i in range(len(versions))]
    _images([image, *versions], captions)


def _draw(spec_key: tuple, n: int, seed: int, item_index: int, photo: str) -> None:
    """The original and Keras's augmented versions of a Fashion-MNIST item and a photo, then training vs inference."""
    item = None
    try:
        x_test, y_test, _ = _fashion_mnist()
        item, label = x_test[item_index], class_names()[int(y_test[item_index])]  # in the page's language
    except Exception as err:  # data missing: the page still works on the photo
        st.info(t("augment.no_data", message=data_reason(err)), icon=":material/info:")
    try:
        with st.spinner(t("augment.computing")):
            picture = _photo(photo)
            photo_versions = _augmented(picture, spec_key, n, seed, True)
            if item is not None:
                item_versions = _augmented(item, spec_key, n, seed, True)
                item_inference = _augmented(item, spec_key, 1, seed, False)
    except ValueError as err:
        stop_with(err)

    if item is not None:
        st.subheader(t("augment.item_heading", name=label))
        _versions(item, item_versions)
    st.subheader(t("augment.photo_heading"))
    _versions(picture, photo_versions)

    if item is not None:
        st.subheader(t("augment.mode_heading"))
        st.markdown(t("augment.mode_explain"))
        _images(
            [item, item_versions[0], item_inference[0]],
            [t("augment.original"), t("augment.training_true"), t("augment.training_false")],
        )
        st.caption(t("augment.identity_check", same=bool(np.array_equal(item_inference[0], item))))


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
        value=0,  # never None: an emptied field gets its default back (Re-sample writes the state: see config.toml)
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
    if not _keras_ready():
        _wait_for_keras()
    else:
        _draw(spec_key, int(n), int(seed), int(item_index), photo)

    st.caption(t("common.equivalent_code"))
    code = keras_code(specs, seed=int(seed), comments=code_comments("augmentation"))
    code_block(code, key="augment_code")

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
