"""Fashion-MNIST: samples per class, one image as its 0–255 matrix, class balance and the train/validation split."""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground import data
from playground.figures.training import class_balance, pixel_matrix, sample_grid
from ui.charts import plotly_chart
from ui.i18n import t
from ui.page import code_comments, end_page, header, show_code, stop_with
from ui.state import choice

NO_MODEBAR = {"displayModeBar": False}  # on a phone the toolbar is always shown and covered the title

MIN_TRAIN_SIZE = 1000

header("data")

try:
    with st.spinner(t("data.loading")):
        (x_train, y_train), (x_test, y_test) = data.load_fashion_mnist()
except data.DataUnavailableError:
    st.error(t("data.missing"), icon=":material/cloud_off:")
    st.markdown(t("data.missing_ways"))
    end_page()
except (ValueError, OSError) as err:
    st.error(t("data.corrupt", message=str(err)), icon=":material/broken_image:")
    st.markdown(t("data.missing_ways"))
    end_page()

class_names = [t(f"class.{i}") for i in range(data.NUM_CLASSES)]
controls, view = st.columns([1, 2.4], gap="large")

with controls:
    st.markdown(f"##### {t('data.samples_heading')}")
    per_class = st.slider(t("data.per_class"), 2, 12, 8, key="data_per_class", bind="query-params")
    seed = st.number_input(t("data.seed"), 0, 9999, 0, key="data_seed", bind="query-params", help=t("data.seed_help"))
    st.markdown(f"##### {t('data.pixels_heading')}")
    label = choice(
        st.selectbox, t("data.class"), range(data.NUM_CLASSES), key="data_class", format_func=class_names.__getitem__
    )
    index = st.number_input(t("data.index"), 0, 5999, 0, key="data_index", bind="query-params")
    st.markdown(f"##### {t('data.split_heading')}")
    train_size = st.slider(
        t("data.train_size"), MIN_TRAIN_SIZE, 60_000, 60_000, step=1000, key="data_train_size", bind="query-params",
        help=t("data.train_size_help"),
    )  # fmt: skip
    validation_split = st.slider(
        t("data.validation_split"), 0.05, 0.5, 0.2, step=0.05, key="data_validation_split", bind="query-params",
        help=t("data.validation_help"),
    )  # fmt: skip
    st.caption(t("data.source", source=data.data_source()))

try:
    grid = data.samples_per_class(y_train, per_class, seed=int(seed))
    train_idx, val_idx = data.train_validation_split(
        y_train, train_size=int(train_size), validation_split=float(validation_split), seed=int(seed)
    )
except ValueError as err:
    stop_with(err)

members = np.flatnonzero(y_train == label)
picked = int(members[min(int(index), len(members) - 1)])
image = x_train[picked]

with view:
    samples_tab, pixels_tab, balance_tab = st.tabs(
        [t("data.tab_samples"), t("data.tab_pixels"), t("data.tab_balance")], key="data_tab"
    )
    with samples_tab:
        st.markdown(f"**{t('data.grid_title', n=per_class)}**")  # as text: a long title wraps on a phone
        fig = sample_grid(x_train[grid], class_names, hover=t("data.pixel"))
        plotly_chart(fig, width="stretch", key="data_grid_chart")
    with pixels_tab:
        st.markdown(
            t(
                "data.every_pixel",
                min=int(image.min()),
                max=int(image.max()),
                mean=f"{image.mean():.1f}",
                zeros=int((image == 0).sum()),
            )
        )
        st.markdown(f"**{t('data.matrix_title', name=class_names[label], index=picked)}**")
        plotly_chart(pixel_matrix(image, hover_name=t("data.pixel")), width="stretch", key="data_matrix")
    with balance_tab:
        n_train, n_val, n_test = st.columns(3)
        n_train.metric(t("data.n_train"), f"{len(train_idx):,}")
        n_val.metric(t("data.n_val"), f"{len(val_idx):,}")
        n_test.metric(t("data.n_test"), f"{len(y_test):,}")
        counts = {
            t("data.part_train"): data.class_counts(y_train[train_idx]),
            t("data.part_val"): data.class_counts(y_train[val_idx]),
            t("data.part_test"): data.class_counts(y_test),
        }
        fig = class_balance(counts, class_names, title=t("data.balance_title"), y_title=t("data.images"))
        plotly_chart(fig, width="stretch", config=NO_MODEBAR, key="data_balance_chart")
        st.caption(t("data.balanced"))

show_code(
    data.load_code(code_comments("data"))
    + "\nfrom sklearn.model_selection import train_test_split\n\n"
    + (
        f"x_train, _, y_train, _ = train_test_split(x_train, y_train, train_size={int(train_size)}, "
        f"stratify=y_train, random_state={int(seed)})\n"
        if train_size < 60_000
        else ""
    )
    + f"x_train, x_val, y_train, y_val = train_test_split(x_train, y_train, test_size={validation_split:g}, "
    f"stratify=y_train, random_state={int(seed)})\n"
    + f"print(x_train.shape, x_val.shape, x_test.shape)  # {(len(train_idx), 28, 28)} {(len(val_idx), 28, 28)} "
    f"{(len(y_test), 28, 28)}\n",
    key="data_code",
)
st.caption(t("data.code_note"))
