"""Training lab: build a model, pick optimizer / callbacks, train on Fashion-MNIST in the background, watch it live.

The job runs in a background thread (`playground.lab.job.TrainingJob`); this page only reads its snapshots from a
polling fragment, so the user can move widgets or visit other pages while it trains. The form is drawn from the
lab's option tables (`playground.lab.options`): one widget per row, its key `train_<row key>` (also the link
parameter).
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from playground.architecture import format_shape, summarize, totals
from playground.cluster import ray_address
from playground.figures.training import batch_loss_curve, event_group, learning_rate_curve, metric_curves
from playground.lab.codegen import keras_code
from playground.lab.job import MAX_TRAININGS, TrainingJob
from playground.lab.model import model_specs
from playground.lab.options import CALLBACKS, HYPERS, INPUT_SHAPE, OPTIMIZERS, PRESETS, TRAINING, Arg
from playground.lab.validate import validate_config
from playground.run import SESSION_AUGMENTATION, TrainConfig
from ui.builder import brief, layer_stack_editor, set_stack
from ui.charts import plotly_chart
from ui.i18n import say, t
from ui.page import code_comments, header, show_code
from ui.runs import class_names, new_run_id
from ui.state import choice
from ui.texts import TEXTS
from ui.training_status import JOB_KEY as JOB
from ui.training_status import (
    POLL_S,
    collect_finished,
    current_job,
    event_text,
    live_snapshot,
    progress_text,
    session_alive_check,
)
from ui.watch import stored_replay, watch_view

MIN_TRAIN_SIZE = int(os.environ.get("PLAYGROUND_MIN_TRAIN_SIZE", "2000"))  # tests lower it to train in seconds
STACK = "train_stack"
FORM_SETTINGS = ("learning_rate", "batch_size", "epochs", "validation_split")  # set by a preset


def _key(*parts: str) -> str:
    return "_".join(("train", *parts))


def _preset_values(config: TrainConfig) -> dict[str, object]:
    """Widget key → value for a preset (what the form shows after choosing it); the optimizer itself is a
    `choice`, which reads the link on its own, and its hyper-parameters follow it (`_hyper_values`)."""
    values: dict[str, object] = {_key(TRAINING[name].widget_key): getattr(config, name) for name in FORM_SETTINGS}
    for name, callback in CALLBACKS.items():
        params = getattr(config, name)
        values[_key(callback.key)] = params is not None
        for arg in callback.args:
            values[_key(callback.key, arg.widget_key)] = (params or {}).get(arg.name, arg.default)
    return values


def _hyper_values(optimizer: str) -> dict[str, object]:
    return {_key(HYPERS[name].widget_key): value for name, value in OPTIMIZERS[optimizer].hyper.items()}


def _load_preset() -> None:
    preset = PRESETS[st.session_state["train_preset"]]
    set_stack(STACK, preset.specs)
    st.session_state.update(_preset_values(preset))
    st.session_state["train_optimizer"] = preset.optimizer
    st.session_state.update(_hyper_values(preset.optimizer))


def _optimizer_changed() -> None:
    name = st.session_state["train_optimizer"]
    st.session_state["train_lr"] = OPTIMIZERS[name].learning_rate
    st.session_state.update(_hyper_values(name))


def _number(value: float) -> str:
    return f"{value:g}"


def widget(arg: Arg, key: str, value, label: str, help_text: str | None = None):
    """The form's widget for one row of the option tables, bound to the link parameter `key`."""
    common = {"key": key, "help": help_text, "bind": "query-params"}
    if arg.kind == "bool":
        return st.checkbox(label, value, **common)
    if arg.kind == "choice":
        return st.selectbox(label, list(arg.options), list(arg.options).index(value), **common)
    if arg.options:
        return st.select_slider(label, list(arg.options), value, format_func=_number, **common)
    low, high = arg.form_range
    return st.slider(label, low, high, value, step=arg.step, format=arg.fmt, **common)


CLUSTER_NOTICE = "train_cluster_notice"


def _start(config: TrainConfig, watch_class: int) -> None:
    job = current_job()
    if job is not None and job.snapshot().active:
        return
    collect_finished()
    kwargs = {"is_alive": session_alive_check(), "run_id": new_run_id("run"), "watch_image": watch_class}
    st.session_state.pop(CLUSTER_NOTICE, None)
    if ray_address():  # the cluster backend (playground/cluster.py); Ray is never imported without it
        from playground.cluster import ClusterUnavailable, RemoteTrainingJob

        try:
            st.session_state[JOB] = RemoteTrainingJob(config, **kwargs).start()
            return
        except ClusterUnavailable as err:
            st.session_state[CLUSTER_NOTICE] = str(err)[:200]
    st.session_state[JOB] = TrainingJob(config, **kwargs).start()


def _clear_augmentation() -> None:
    st.session_state[SESSION_AUGMENTATION] = ()


header("train")
preset_name = choice(
    st.selectbox,
    t("train.preset"),
    list(PRESETS),
    key="train_preset",
    default="quick",
    format_func={p: t(f"train.preset.{p}") for p in PRESETS}.__getitem__,
    on_change=_load_preset,
    help=t("train.preset_help"),
)
preset = PRESETS[preset_name]
pv = _preset_values(preset)  # the form's defaults; a valid link value wins over them
st.caption(t(f"train.preset_note.{preset_name}"))

controls, view = st.columns([1, 2.4], gap="large")
with controls:
    with st.expander(t("train.model_heading"), expanded=False, key="train_model_box", icon=":material/stacks:"):
        st.caption(t("train.model_fixed"))
        stack = layer_stack_editor(STACK, list(preset.specs))

    with st.expander(t("train.optimizer_heading"), expanded=True, key="train_optimizer_box", icon=":material/route:"):
        optimizer = choice(
            st.selectbox,
            t("train.optimizer"),
            list(OPTIMIZERS),
            key="train_optimizer",
            default=preset.optimizer,
            format_func={o: t(f"train.opt.{o}") for o in OPTIMIZERS}.__getitem__,
            on_change=_optimizer_changed,
        )
        pv.update(_hyper_values(optimizer))
        if optimizer != preset.optimizer:
            pv["train_lr"] = OPTIMIZERS[optimizer].learning_rate
        learning_rate = widget(TRAINING["learning_rate"], "train_lr", pv["train_lr"], t("train.learning_rate"))
        optimizer_params = {}
        for name in OPTIMIZERS[optimizer].tunable:
            row = HYPERS[name]
            key = _key(row.widget_key)
            optimizer_params[name] = float(widget(row, key, pv[key], name, t("train.hyper_help", name=name)))

    with st.expander(t("train.training_heading"), expanded=True, key="train_training_box", icon=":material/tune:"):
        batch_size = widget(TRAINING["batch_size"], "train_batch_size", pv["train_batch_size"], t("train.batch_size"))
        epochs = widget(TRAINING["epochs"], "train_epochs", pv["train_epochs"], t("train.epochs"))
        seed_row, size_row = TRAINING["seed"], TRAINING["train_size"]
        seed = st.number_input(
            t("train.seed"), *seed_row.form_range, seed_row.default, key="train_seed", bind="query-params",
            help=t("train.seed_help"),
        )  # fmt: skip
        step = 1000 if MIN_TRAIN_SIZE >= 1000 else MIN_TRAIN_SIZE
        train_size = st.slider(
            t("train.train_size"), MIN_TRAIN_SIZE, size_row.high, size_row.default, step=step, key="train_size",
            bind="query-params", help=t("data.train_size_help"),
        )  # fmt: skip
        validation_split = widget(
            TRAINING["validation_split"],
            "train_validation_split",
            pv["train_validation_split"],
            t("train.validation_split"),
            t("data.validation_help"),
        )
        names = class_names()
        watch_class = choice(
            st.selectbox, t("train.watch_image"), list(range(len(names))), key="train_watch", default=0,
            format_func=names.__getitem__, help=t("train.watch_image_help"),
        )  # fmt: skip
        n_val = round(train_size * validation_split)
        st.caption(
            t(
                "train.sizes",
                train=f"{train_size - n_val:,}",
                val=f"{n_val:,}",
                batches=-(-(train_size - n_val) // batch_size),
            )
        )

    with st.expander(
        t("train.callbacks_heading"), expanded=True, key="train_callbacks_box", icon=":material/notifications_active:"
    ):
        callbacks: dict[str, dict | None] = {}
        for name, callback in CALLBACKS.items():  # one toggle per callback, one widget per argument (the table)
            on_key = _key(callback.key)
            on = st.toggle(t(f"train.{callback.key}"), pv[on_key], key=on_key, help=t(f"train.{callback.key}_help"),
                           bind="query-params")  # fmt: skip
            callbacks[name] = (
                {
                    arg.name: widget(
                        arg,
                        _key(callback.key, arg.widget_key),
                        pv[_key(callback.key, arg.widget_key)],
                        t(f"train.arg.{arg.name}"),
                    )  # fmt: skip
                    for arg in callback.args
                }
                if on
                else None
            )

    with st.expander(
        t("train.augmentation_heading"), expanded=False, key="train_augmentation_box", icon=":material/flip:"
    ):
        augmentation = tuple(st.session_state.get(SESSION_AUGMENTATION) or ())
        if augmentation:
            st.markdown(t("train.augmentation_on", layers=" → ".join(f"`{brief(s)}`" for s in augmentation)))
            st.button(t("train.augmentation_clear"), key="train_clear_aug", on_click=_clear_augmentation)
        else:
            st.caption(t("train.augmentation_none"))
        st.page_link("app_pages/augmentation.py", label=t("train.augmentation_link"), icon=":material/flip:")

config = TrainConfig(
    specs=tuple(stack),
    optimizer=optimizer,
    learning_rate=float(learning_rate),
    optimizer_params=optimizer_params,
    batch_size=int(batch_size),
    epochs=int(epochs),
    seed=int(seed),
    train_size=int(train_size),
    validation_split=float(validation_split),
    augmentation=augmentation,
    preset=preset_name,
    **callbacks,
)
try:
    validate_config(config)
    problem = None
except ValueError as err:
    problem = err


def _event_labels() -> dict[str, str]:
    return {
        "train": t("train.lbl_train"),
        "val": t("train.lbl_val"),
        "epoch": t("train.lbl_epoch"),
        "loss": t("train.metric_loss"),
        "accuracy": t("train.metric_accuracy"),
        "raw": t("train.lbl_raw"),
        "smooth": t("train.lbl_smooth"),
        "learning_rate": t("train.curve_lr"),
        "reduce_lr": t("train.lbl_lr_cut"),  # the events' marker groups (playground.figures.training.EVENT_STYLE)
        "best": t("train.lbl_best"),
        "checkpoint": t("train.lbl_checkpoint"),
        "stop": t("train.lbl_stopped"),
    }


def live_view() -> None:
    """The job as it is now: progress, metrics, curves with the callback events. Polled every POLL_S seconds."""
    job = current_job()
    if job is None:
        st.info(t("train.idle"), icon=":material/play_circle:")
        stored_replay()
        return
    snap = live_snapshot(job)
    if st.session_state.get(CLUSTER_NOTICE):
        st.warning(t("train.cluster_unavailable", reason=st.session_state[CLUSTER_NOTICE]), icon=":material/cloud_off:")
    if snap.state == "waiting" and getattr(job, "backend", "") == "ray":
        eta = job.estimated_start_s
        st.info(
            t("train.waiting_cluster", ahead=snap.queue_position, eta="—" if eta is None else f"{eta:.0f}"),
            icon=":material/hourglass_top:",
        )
    elif snap.state == "waiting":
        st.info(t("train.waiting", slots=MAX_TRAININGS, ahead=snap.queue_position), icon=":material/hourglass_top:")
    elif snap.state == "running" and snap.epoch == 0 and not snap.phase:  # (a cluster job's first poll)
        st.progress(0.0, text=t("train.preparing"))
    elif snap.state == "running":
        st.progress(snap.progress, text=progress_text(snap))
        if snap.stop_requested:
            st.caption(t("train.stopping"))
    elif snap.state == "failed":
        reason = f"train.error.{snap.error}"
        st.error(t("train.failed", error=t(reason) if reason in TEXTS else snap.error), icon=":material/error:")
    elif snap.run is not None:
        run = collect_finished()
        st.success(
            t(
                "train.done",
                run=run.run_id,
                status=t(f"train.status.{run.status}"),
                reason=event_text(run.stop_reason) if run.stop_reason else "—",
                seconds=f"{run.duration_s:.0f}",
            ),
            icon=":material/check_circle:",
        )
        links = st.columns(3)
        links[0].page_link("app_pages/evaluate.py", label=t("train.to_evaluate"), icon=":material/fact_check:")
        links[1].page_link("app_pages/compare.py", label=t("train.to_compare"), icon=":material/compare_arrows:")
        links[2].page_link("app_pages/models.py", label=t("train.to_models"), icon=":material/save:")

    history = snap.history
    if history.get("loss"):
        names = ("loss", "val_loss", "accuracy", "val_accuracy")
        for column, name in zip(st.columns(4), names, strict=True):
            if history.get(name):
                value = history[name][-1]
                delta = value - history[name][-2] if len(history[name]) > 1 else None
                shown = f"{value:.2%}" if "accuracy" in name else f"{value:.4f}"
                column.metric(
                    t(f"train.metric_{name}"),
                    shown,
                    delta=None if delta is None else (f"{delta:+.2%}" if "accuracy" in name else f"{delta:+.4f}"),
                    delta_color="inverse" if "loss" in name else "normal",
                )
    if not snap.batch_loss:
        watch_view(snap.watch, live=snap.active, key=f"train_watch_step_{job.run_id}")
        return
    labels = _event_labels()
    left, right = st.columns(2)
    marks = {"labels": labels, "epochs": snap.epochs, "describe": event_text}
    fig = metric_curves(history, "loss", snap.events, title=t("train.curve_loss"), **marks)
    with left:
        plotly_chart(fig, width="stretch", key="train_chart_loss")
    fig = metric_curves(history, "accuracy", snap.events, title=t("train.curve_accuracy"), **marks)
    with right:
        plotly_chart(fig, width="stretch", key="train_chart_accuracy")
    fig = batch_loss_curve(
        snap.batch_loss, snap.batches, title=t("train.curve_batch"), labels=labels, epochs=snap.epochs
    )
    with left:
        plotly_chart(fig, width="stretch", key="train_chart_batches")
    fig = learning_rate_curve(history.get("learning_rate", []), snap.events, title=t("train.curve_lr"), **marks)
    with right:
        plotly_chart(fig, width="stretch", key="train_chart_lr")
    watch_view(snap.watch, live=snap.active, key=f"train_watch_step_{job.run_id}")
    if snap.events:
        st.caption(t("train.events_heading"))
        table = pd.DataFrame(
            {
                t("train.col_epoch"): [e.epoch for e in snap.events],
                t("train.col_event"): [labels[event_group(e)] for e in snap.events],
                t("train.col_message"): [event_text(e) for e in snap.events],
            }
        )
        st.dataframe(table, hide_index=True, key="train_events")
    if not snap.active and st.session_state.get("train_was_active"):
        st.session_state["train_was_active"] = False
        st.rerun()  # the whole page: the Train button and the links follow the ended job


with view:
    job = current_job()
    active = job is not None and job.snapshot().active
    st.session_state["train_was_active"] = active
    buttons = st.container(horizontal=True)
    buttons.button(
        t("train.start"),
        key="train_start",
        type="primary",
        icon=":material/play_arrow:",
        disabled=active or problem is not None,
        on_click=_start,
        args=(config, watch_class),
        help=t("train.one_job") if active else None,
    )
    buttons.button(
        t("train.stop"),
        key="train_stop",
        icon=":material/stop:",
        disabled=not active,
        on_click=job.stop if active else None,
        help=t("train.stop_help"),
    )
    if problem is not None:
        st.warning(t("common.invalid", message=say(problem)), icon=":material/error:")
    st.fragment(live_view, run_every=POLL_S if active else None)()

    if problem is None:
        rows = summarize(model_specs(config), INPUT_SHAPE)
        # Keyed per state: a keyed box keeps what the learner opened or closed, and open at rest, closed while training.
        summary_key = "train_summary_box_" + ("idle" if job is None else "busy")
        with st.expander(
            t("train.summary_heading"), expanded=job is None, icon=":material/table_rows:", key=summary_key
        ):
            st.table(  # a dozen rows: st.dataframe's grid (a 0.5 MB chunk, a canvas) slowed the lab's first paint
                pd.DataFrame(
                    {
                        t("train.col_layer"): [f"{r['name']} ({r['type']})" for r in rows],
                        t("train.col_shape"): [format_shape(r["output_shape"]) for r in rows],
                        t("train.col_params"): [f"{r['params']:,}" for r in rows],
                    }
                ),
                border="horizontal",
                hide_index=True,
            )
            st.caption(t("train.total_params", n=f"{totals(rows)['params']:,}"))
            st.caption(t("train.loss_note"))
        with st.expander(t("train.code_heading"), icon=":material/code:", key="train_code_box"):
            show_code(keras_code(config, comments=code_comments("lab")), key="train_code")
            st.caption(t("train.code_note"))
