"""Transfer learning, offline: from scratch vs feature extraction vs fine-tuning on few labels."""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st

from playground import transfer
from playground.figures.further import image_grid, layer_strip_figure, transfer_curves
from ui.charts import plotly_chart
from ui.i18n import say, t
from ui.page import code_comments, data_reason, end_page, header, show_code, stop_with
from ui.state import choice

LEARNING_RATE, FINE_TUNE_LEARNING_RATE = 1e-3, 1e-4
VAL_PER_CLASS = 200
RESULTS_KEY = "transfer_results"  # (settings, {mode: ModeResult}) of this session's last run
LIVE_BASE_KEY = "transfer_live_base"  # PretrainResult pretrained on this page, this session
BASES = ("shipped", "live")


@st.cache_resource(show_spinner=False)
def _data():
    from playground.data import load_fashion_mnist

    return load_fashion_mnist()


@st.cache_resource(show_spinner=False)
def _shipped_base():
    return transfer.load_base_weights()


@st.cache_resource(show_spinner=False)
def _described():
    return transfer.describe_modes()


@contextlib.contextmanager
def _slot(bar):
    """One of the server's training slots (the lab's cap and line); the progress bar says so while waiting."""
    from playground.lab.job import MAX_TRAININGS, training_slot
    from ui.training_status import session_alive_check

    def waiting(ahead: int) -> None:
        bar.progress(0.0, text=t("train.waiting", slots=MAX_TRAININGS, ahead=ahead))

    try:
        with training_slot(on_wait=waiting, is_alive=session_alive_check()):
            yield
    except TimeoutError:
        end_page()


def _mode_label(mode: str) -> str:
    return t(f"transfer.mode_{mode}")


STATE_LABELS = {
    "trainable": "transfer.state_trainable",
    "frozen": "transfer.state_frozen",
    "no weights": "transfer.state_no_weights",
}

header("transfer")
controls, view = st.columns([1, 2.4], gap="large")

with controls:
    st.markdown(f"**{t('transfer.settings')}**")
    labels = st.slider(
        t("transfer.labels"),
        10,
        500,
        50,
        10,
        key="transfer_labels",
        help=t("transfer.labels_help"),
        bind="query-params",
    )
    epochs = st.slider(
        t("transfer.epochs"), 1, 15, 5, key="transfer_epochs", help=t("transfer.epochs_help"), bind="query-params"
    )
    seed = st.number_input(t("transfer.seed"), 0, 1_000_000, 0, 1, key="transfer_seed", bind="query-params")
    st.caption(t("transfer.learning_rates", lr=LEARNING_RATE, ft_lr=FINE_TUNE_LEARNING_RATE))
    live = st.session_state.get(LIVE_BASE_KEY)
    if st.session_state.pop("transfer_switch_to_live", False):
        st.session_state["transfer_base"] = "live"  # after a live pretraining, use that base by default
    base_choice = choice(
        st.radio,
        t("transfer.base"),
        BASES if live is not None else BASES[:1],
        key="transfer_base",
        format_func=lambda b: t(f"transfer.base_{b}"),
    )
    st.caption(t("transfer.base_accuracy", accuracy=transfer.BASE_SOURCE_ACCURACY))
    if live is not None:
        st.caption(t("transfer.live_accuracy", accuracy=live.test_accuracy))
    run = st.button(t("transfer.run"), key="transfer_run", type="primary", icon=":material/play_arrow:")

    with st.expander(t("transfer.pretrain_heading"), key="transfer_pretrain_box"):
        pretrain_epochs = st.slider(t("transfer.pretrain_epochs"), 1, 5, 1, key="transfer_pretrain_epochs")
        pretrain_size = st.select_slider(
            t("transfer.pretrain_size"), [500, 1000, 2000, 4000, 6000], 1000, key="transfer_pretrain_size"
        )
        pretrain = st.button(t("transfer.pretrain_button"), key="transfer_pretrain", icon=":material/school:")

settings = {"labels": int(labels), "epochs": int(epochs), "seed": int(seed), "base": base_choice}

with view:
    try:
        (x_train, y_train), (x_test, y_test) = _data()
    except Exception as err:  # no Fashion-MNIST anywhere: say how to get it, never a traceback
        st.warning(t("transfer.no_data", message=data_reason(err)), icon=":material/database:")
        end_page()

    if pretrain:
        bar = st.progress(0.0, text=t("transfer.pretrain_started"))

        def on_pretrain_epoch(stage, epoch, total, logs):
            text = t("transfer.pretraining", epoch=epoch, epochs=total, accuracy=logs.get("accuracy", 0.0))
            bar.progress(epoch / total, text=text)

        try:
            with _slot(bar):
                st.session_state[LIVE_BASE_KEY] = transfer.pretrain_base(
                    x_train,
                    y_train,
                    x_test,
                    y_test,
                    epochs=int(pretrain_epochs),
                    train_size=int(pretrain_size),
                    seed=int(seed),
                    on_epoch_end=on_pretrain_epoch,
                )
        except ValueError as err:
            stop_with(err)
        bar.empty()
        st.session_state["transfer_switch_to_live"] = True
        st.rerun()

    if run:
        try:
            if base_choice == "live" and live is not None:
                base_weights = live.weights
            else:
                base_weights = _shipped_base()
        except ValueError as err:
            st.warning(t("transfer.no_base", message=say(err)), icon=":material/error:")
            end_page()
        total_epochs = 3 * int(epochs)
        bar = st.progress(0.0, text=t("transfer.starting"))
        done = {"epochs": 0}

        def on_epoch(mode, epoch, total, logs):
            done["epochs"] += 1
            text = t(
                "transfer.running",
                mode=_mode_label(mode),
                epoch=epoch,
                epochs=total,
                accuracy=logs.get("val_accuracy", 0.0),
            )
            bar.progress(min(1.0, done["epochs"] / total_epochs), text=text)

        try:
            with _slot(bar):
                results = transfer.run_transfer(
                    x_train,
                    y_train,
                    x_test,
                    y_test,
                    base_weights=base_weights,
                    labels_per_class=int(labels),
                    epochs=int(epochs),
                    learning_rate=LEARNING_RATE,
                    fine_tune_learning_rate=FINE_TUNE_LEARNING_RATE,
                    val_per_class=VAL_PER_CLASS,
                    seed=int(seed),
                    on_epoch_end=on_epoch,
                )
        except ValueError as err:
            stop_with(err)
        bar.empty()
        for result in results.values():
            result.model = None  # keep the session light: curves and counts are what the page shows
        st.session_state[RESULTS_KEY] = (settings, results)

    stored = st.session_state.get(RESULTS_KEY)
    described = _described()
    strips = {mode: described[mode][2] for mode in transfer.MODES}
    cols = st.columns(3)
    for col, mode in zip(cols, transfer.MODES, strict=True):
        with col:
            st.markdown(f"**{_mode_label(mode)}**")
            st.caption(t(f"transfer.explain_{mode}"))
    fig = layer_strip_figure(
        strips,
        mode_labels={m: _mode_label(m) for m in transfer.MODES},
        state_labels={s: t(k) for s, k in STATE_LABELS.items()},
    )
    plotly_chart(fig, width="stretch", key="transfer_strip_chart")
    st.caption(t("transfer.strip_title"))

    st.subheader(t("transfer.results"))
    results = None
    if stored is None:
        st.info(t("transfer.not_run"), icon=":material/info:")
    else:
        made_with, results = stored
        if made_with != settings:
            shown = ", ".join(f"{k}={v}" for k, v in made_with.items())
            st.caption(t("transfer.stale", settings=shown))
        metric_cols = st.columns(len(results))
        for col, (mode, result) in zip(metric_cols, results.items(), strict=True):
            col.metric(
                _mode_label(mode),
                f"{result.val_accuracy:.1%}",
                help=t(
                    "transfer.metric_help",
                    n=VAL_PER_CLASS * len(transfer.TARGET_CLASSES),
                    trainable=result.trainable_params,
                ),
            )
        labels_by_mode = {m: _mode_label(m) for m in results}
        common = dict(labels=labels_by_mode, x_title=t("transfer.epoch"), train_label=t("transfer.training"))
        common["val_label"] = t("transfer.validation")
        acc_tab, loss_tab = st.tabs([t("transfer.accuracy_title"), t("transfer.loss_title")], key="transfer_curves_tab")
        with acc_tab:
            fig = transfer_curves(results, metric="accuracy", y_title=t("transfer.accuracy"), **common)
            plotly_chart(fig, width="stretch", key="transfer_accuracy_chart")
        with loss_tab:
            fig = transfer_curves(results, metric="loss", y_title=t("transfer.loss"), **common)
            plotly_chart(fig, width="stretch", key="transfer_loss_chart")

    st.subheader(t("transfer.counts"))
    rows = []
    for mode in transfer.MODES:
        trainable, frozen, _ = described[mode]
        row = {
            t("transfer.col_mode"): _mode_label(mode),
            t("transfer.col_trainable"): trainable,
            t("transfer.col_frozen"): frozen,
            t("transfer.col_learning_rate"): FINE_TUNE_LEARNING_RATE if mode == "fine_tuning" else LEARNING_RATE,
        }
        if results is not None and mode in results:
            row[t("transfer.col_val_accuracy")] = round(results[mode].val_accuracy, 4)
        rows.append(row)
    # three rows: st.dataframe's grid (its 0.5 MB chunk, a canvas) cost the page's first paint ~0.4 s (bench/NOTES.md)
    formats = {t("transfer.col_trainable"): "{:,}", t("transfer.col_frozen"): "{:,}"}  # 60,549 as in the strip
    formats |= {t("transfer.col_learning_rate"): "{:g}", t("transfer.col_val_accuracy"): "{:.4f}"}
    table = pd.DataFrame(rows)
    st.table(table.style.format({k: v for k, v in formats.items() if k in table}), hide_index=True)

    st.subheader(t("transfer.code"))
    tabs = st.tabs([_mode_label(m) for m in transfer.MODES], key="transfer_code_tab")
    for tab, mode in zip(tabs, transfer.MODES, strict=True):
        with tab:
            show_code(
                transfer.transfer_code(
                    mode,
                    epochs=int(epochs),
                    learning_rate=LEARNING_RATE,
                    fine_tune_learning_rate=FINE_TUNE_LEARNING_RATE,
                    comments=code_comments("transfer"),
                ),
                key=f"transfer_code_{mode}",
            )

    with st.expander(t("transfer.mobilenet_heading"), key="transfer_mobilenet_box"):
        weights = transfer.cached_mobilenet_weights()
        if weights is None:
            st.info(t("transfer.mobilenet_missing"), icon=":material/cloud_off:")
        else:
            from playground.images import SAMPLES, load_sample
            from ui.uploads import decoded_image, refuse_upload

            name = st.selectbox(t("transfer.mobilenet_photo"), list(SAMPLES), key="transfer_mobilenet_photo")
            upload = st.file_uploader(t("transfer.mobilenet_upload"), key="transfer_mobilenet_upload")
            try:
                decoded = decoded_image(upload, key="transfer_mobilenet_upload", mode="RGB", max_side=512)
            except ValueError as err:
                refuse_upload(upload, err)
            try:
                photo = (decoded if decoded is not None else load_sample(name)).array
                maps = transfer.mobilenet_features(photo, weights)
            except ValueError as err:
                stop_with(err)
            except Exception as err:  # a damaged cache file must not break the page
                st.info(f"{type(err).__name__}: {say(err)}", icon=":material/error:")
            else:
                top = maps.mean(axis=(0, 1)).argsort()[::-1][:16]
                fig = image_grid(
                    [maps[..., c] / max(float(maps[..., c].max()), 1e-6) * 255 for c in top],
                    titles=[t("transfer.mobilenet_channel", channel=int(c)) for c in top],
                    cols=8,
                    panel_height=110,
                    title=t("transfer.mobilenet_maps"),
                )
                plotly_chart(fig, width="stretch", key="transfer_mobilenet_chart")
