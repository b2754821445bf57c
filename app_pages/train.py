"""Training lab: build a model, pick optimizer / callbacks, train on Fashion-MNIST in the background, watch it live.

The job runs in a background thread (`playground.training.TrainingJob`); this page only reads its snapshots from a
polling fragment, so the user can move widgets or visit other pages while it trains.
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from playground import training
from playground.architecture import format_shape, summarize, totals
from playground.figures.training import batch_loss_curve, learning_rate_curve, metric_curves
from playground.run import SESSION_AUGMENTATION, TrainConfig
from ui.builder import brief, layer_stack_editor, set_stack
from ui.i18n import t
from ui.page import header, show_code
from ui.runs import new_run_id
from ui.state import choice
from ui.training_status import JOB_KEY as JOB
from ui.training_status import collect_finished, current_job, session_alive_check

MIN_TRAIN_SIZE = int(os.environ.get("PLAYGROUND_MIN_TRAIN_SIZE", "2000"))  # tests lower it to train in seconds
STACK = "train_stack"
POLL_S = 2.0  # how often the live view redraws (≈ 60 ms of CPU per redraw; the job never waits for it)
LEARNING_RATES = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0]
BATCH_SIZES = [16, 32, 64, 128, 256, 512]
EPSILONS = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3]
MIN_LRS = [0.0, 1e-6, 1e-5, 1e-4, 1e-3]
HYPER_STEP = {"momentum": 0.01, "rho": 0.01, "beta_1": 0.01, "beta_2": 0.0001, "initial_accumulator_value": 0.01}
HYPER_FORMAT = {"beta_2": "%.4f"}
CALLBACK_DEFAULTS = {  # used when a callback is switched on without a preset value
    "early_stopping": {"monitor": "val_loss", "patience": 3, "restore_best_weights": True},
    "reduce_lr": {"monitor": "val_loss", "factor": 0.5, "patience": 2, "min_lr": 1e-5},
    "checkpoint": {"monitor": "val_loss", "save_best_only": True},
}


def _preset_values(config: TrainConfig) -> dict[str, object]:
    """Widget key → value for a preset (what the form shows after choosing it)."""
    es = config.early_stopping or CALLBACK_DEFAULTS["early_stopping"]
    rlr = config.reduce_lr or CALLBACK_DEFAULTS["reduce_lr"]
    ckpt = config.checkpoint or CALLBACK_DEFAULTS["checkpoint"]
    values = {  # (the optimizer itself is a `choice`, which reads the link on its own)
        "train_lr": config.learning_rate,
        "train_batch_size": config.batch_size,
        "train_epochs": config.epochs,
        "train_validation_split": config.validation_split,
        "train_es": config.early_stopping is not None,
        "train_es_monitor": es["monitor"],
        "train_es_patience": es["patience"],
        "train_es_restore": es.get("restore_best_weights", False),
        "train_rlr": config.reduce_lr is not None,
        "train_rlr_monitor": rlr["monitor"],
        "train_rlr_factor": rlr["factor"],
        "train_rlr_patience": rlr["patience"],
        "train_rlr_min_lr": rlr.get("min_lr", 0.0),
        "train_ckpt": config.checkpoint is not None,
        "train_ckpt_monitor": ckpt["monitor"],
        "train_ckpt_best": ckpt.get("save_best_only", True),
    }
    return values


def _hyper_values(optimizer: str) -> dict[str, object]:
    return {f"train_{name}": value for name, value in training.OPTIMIZERS[optimizer].hyper.items()}


def _load_preset() -> None:
    preset = training.PRESETS[st.session_state["train_preset"]]
    set_stack(STACK, preset.specs)
    st.session_state.update(_preset_values(preset))
    st.session_state["train_optimizer"] = preset.optimizer
    st.session_state.update(_hyper_values(preset.optimizer))


def _optimizer_changed() -> None:
    name = st.session_state["train_optimizer"]
    st.session_state["train_lr"] = training.OPTIMIZERS[name].learning_rate
    st.session_state.update(_hyper_values(name))


def _start(config: TrainConfig) -> None:
    job = current_job()
    if job is not None and job.snapshot().active:
        return
    collect_finished()
    st.session_state[JOB] = training.TrainingJob(
        config, is_alive=session_alive_check(), run_id=new_run_id("run")
    ).start()


def _clear_augmentation() -> None:
    st.session_state[SESSION_AUGMENTATION] = ()


header("train")
preset_name = choice(
    st.selectbox,
    t("train.preset"),
    list(training.PRESETS),
    key="train_preset",
    default="quick",
    format_func={p: t(f"train.preset.{p}") for p in training.PRESETS}.__getitem__,
    on_change=_load_preset,
    help=t("train.preset_help"),
)
preset = training.PRESETS[preset_name]
pv = _preset_values(preset)  # the form's defaults; a valid link value wins over them
st.caption(t(f"train.preset_note.{preset_name}"))

controls, view = st.columns([1, 2.4], gap="large")
with controls:
    with st.expander(t("train.model_heading"), expanded=False, icon=":material/stacks:"):
        st.caption(t("train.model_fixed"))
        stack = layer_stack_editor(STACK, list(preset.specs))

    with st.expander(t("train.optimizer_heading"), expanded=True, icon=":material/route:"):
        optimizer = choice(
            st.selectbox,
            t("train.optimizer"),
            list(training.OPTIMIZERS),
            key="train_optimizer",
            default=preset.optimizer,
            format_func={o: t(f"train.opt.{o}") for o in training.OPTIMIZERS}.__getitem__,
            on_change=_optimizer_changed,
        )
        pv.update(_hyper_values(optimizer))
        if optimizer != preset.optimizer:
            pv["train_lr"] = training.OPTIMIZERS[optimizer].learning_rate
        learning_rate = st.select_slider(
            t("train.learning_rate"),
            LEARNING_RATES,
            pv["train_lr"],
            key="train_lr",
            format_func=lambda v: f"{v:g}",
            bind="query-params",
        )
        optimizer_params = {}
        for name in training.OPTIMIZERS[optimizer].hyper:
            help_text = t("train.hyper_help", name=name)
            if name == "epsilon":
                value = st.select_slider(
                    name,
                    EPSILONS,
                    pv["train_epsilon"],
                    key="train_epsilon",
                    format_func=lambda v: f"{v:.0e}",
                    help=help_text,
                    bind="query-params",
                )
            else:
                low, high = training.HYPER_RANGES[name]
                value = st.slider(
                    name,
                    low,
                    high,
                    pv[f"train_{name}"],
                    key=f"train_{name}",
                    step=HYPER_STEP[name],
                    format=HYPER_FORMAT.get(name, "%.2f"),
                    help=help_text,
                    bind="query-params",
                )
            optimizer_params[name] = float(value)

    with st.expander(t("train.training_heading"), expanded=True, icon=":material/tune:"):
        batch_size = st.select_slider(
            t("train.batch_size"), BATCH_SIZES, pv["train_batch_size"], key="train_batch_size", bind="query-params"
        )
        epochs = st.slider(t("train.epochs"), 1, 30, pv["train_epochs"], key="train_epochs", bind="query-params")
        seed = st.number_input(
            t("train.seed"), 0, 9999, 42, key="train_seed", bind="query-params", help=t("train.seed_help")
        )
        step = 1000 if MIN_TRAIN_SIZE >= 1000 else MIN_TRAIN_SIZE
        train_size = st.slider(
            t("train.train_size"), MIN_TRAIN_SIZE, 60_000, 60_000, step=step, key="train_size", bind="query-params",
            help=t("data.train_size_help"),
        )  # fmt: skip
        validation_split = st.slider(
            t("train.validation_split"),
            0.05,
            0.5,
            pv["train_validation_split"],
            key="train_validation_split",
            step=0.05,
            help=t("data.validation_help"),
            bind="query-params",
        )
        n_val = round(train_size * validation_split)
        st.caption(
            t(
                "train.sizes",
                train=f"{train_size - n_val:,}",
                val=f"{n_val:,}",
                batches=-(-(train_size - n_val) // batch_size),
            )
        )

    with st.expander(t("train.callbacks_heading"), expanded=True, icon=":material/notifications_active:"):
        callbacks: dict[str, dict | None] = {"early_stopping": None, "reduce_lr": None, "checkpoint": None}
        monitors = list(training.MONITORS)
        if st.toggle(t("train.es"), pv["train_es"], key="train_es", help=t("train.es_help"), bind="query-params"):
            callbacks["early_stopping"] = {
                "monitor": st.selectbox(
                    t("train.monitor"),
                    monitors,
                    monitors.index(pv["train_es_monitor"]),
                    key="train_es_monitor",
                    bind="query-params",
                ),
                "patience": st.slider(
                    t("train.patience"), 0, 10, pv["train_es_patience"], key="train_es_patience", bind="query-params"
                ),
                "restore_best_weights": st.checkbox(
                    t("train.restore_best"), pv["train_es_restore"], key="train_es_restore", bind="query-params"
                ),
            }
        if st.toggle(t("train.rlr"), pv["train_rlr"], key="train_rlr", help=t("train.rlr_help"), bind="query-params"):
            callbacks["reduce_lr"] = {
                "monitor": st.selectbox(
                    t("train.monitor"),
                    monitors,
                    monitors.index(pv["train_rlr_monitor"]),
                    key="train_rlr_monitor",
                    bind="query-params",
                ),
                "factor": st.slider(
                    t("train.factor"),
                    0.1,
                    0.9,
                    pv["train_rlr_factor"],
                    key="train_rlr_factor",
                    step=0.1,
                    bind="query-params",
                ),
                "patience": st.slider(
                    t("train.patience"), 0, 10, pv["train_rlr_patience"], key="train_rlr_patience", bind="query-params"
                ),
                "min_lr": st.select_slider(
                    t("train.min_lr"),
                    MIN_LRS,
                    pv["train_rlr_min_lr"],
                    key="train_rlr_min_lr",
                    format_func=lambda v: f"{v:g}",
                    bind="query-params",
                ),
            }
        if st.toggle(
            t("train.ckpt"), pv["train_ckpt"], key="train_ckpt", help=t("train.ckpt_help"), bind="query-params"
        ):
            callbacks["checkpoint"] = {
                "monitor": st.selectbox(
                    t("train.monitor"),
                    monitors,
                    monitors.index(pv["train_ckpt_monitor"]),
                    key="train_ckpt_monitor",
                    bind="query-params",
                ),
                "save_best_only": st.checkbox(
                    t("train.save_best_only"), pv["train_ckpt_best"], key="train_ckpt_best", bind="query-params"
                ),
            }

    with st.expander(t("train.augmentation_heading"), expanded=False, icon=":material/flip:"):
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
    training.validate_config(config)
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
        "lr_cut": t("train.lbl_lr_cut"),
        "best": t("train.lbl_best"),
        "checkpoint": t("train.lbl_checkpoint"),
        "stopped": t("train.lbl_stopped"),
    }


def live_view() -> None:
    """The job as it is now: progress, metrics, curves with the callback events. Polled every POLL_S seconds."""
    job = current_job()
    if job is None:
        st.info(t("train.idle"), icon=":material/play_circle:")
        return
    snap = job.snapshot()
    if snap.state == "waiting":
        st.info(
            t("train.waiting", slots=training.MAX_TRAININGS, ahead=snap.queue_position), icon=":material/hourglass_top:"
        )
    elif snap.state == "running" and snap.epoch == 0:
        st.progress(0.0, text=t("train.preparing"))
    elif snap.state == "running":
        eta = "—" if snap.eta_s is None else f"{snap.eta_s:.0f}"
        text = t(
            "train.progress",
            epoch=snap.epoch,
            epochs=snap.epochs,
            batch=snap.batch,
            batches=snap.batches,
            elapsed=f"{snap.elapsed_s:.0f}",
            eta=eta,
        )
        st.progress(snap.progress, text=text)
        if snap.stop_requested:
            st.caption(t("train.stopping"))
    elif snap.state == "failed":
        st.error(t("train.failed", error=snap.error), icon=":material/error:")
    elif snap.run is not None:
        run = collect_finished()
        st.success(
            t(
                "train.done",
                run=run.run_id,
                status=t(f"train.status.{run.status}"),
                reason=run.stop_reason,
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
        return
    labels = _event_labels()
    left, right = st.columns(2)
    fig = metric_curves(history, "loss", snap.events, title=t("train.curve_loss"), labels=labels, epochs=snap.epochs)
    left.plotly_chart(fig, width="stretch", key="train_chart_loss")
    fig = metric_curves(
        history, "accuracy", snap.events, title=t("train.curve_accuracy"), labels=labels, epochs=snap.epochs
    )
    right.plotly_chart(fig, width="stretch", key="train_chart_accuracy")
    fig = batch_loss_curve(
        snap.batch_loss, snap.batches, title=t("train.curve_batch"), labels=labels, epochs=snap.epochs
    )
    left.plotly_chart(fig, width="stretch", key="train_chart_batches")
    fig = learning_rate_curve(
        history.get("learning_rate", []), snap.events, title=t("train.curve_lr"), labels=labels, epochs=snap.epochs
    )
    right.plotly_chart(fig, width="stretch", key="train_chart_lr")
    if snap.events:
        st.caption(t("train.events_heading"))
        table = pd.DataFrame(
            {
                t("train.col_epoch"): [e.epoch for e in snap.events],
                t("train.col_event"): [labels.get(e.kind, e.kind) for e in snap.events],
                t("train.col_message"): [e.message for e in snap.events],
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
        args=(config,),
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
        st.warning(t("common.invalid", message=str(problem)), icon=":material/error:")
    st.fragment(live_view, run_every=POLL_S if active else None)()

    if problem is None:
        rows = summarize([*augmentation, {"type": "Rescaling", "scale": 1 / 255}, *stack], training.INPUT_SHAPE)
        with st.expander(t("train.summary_heading"), expanded=job is None, icon=":material/table_rows:"):
            st.dataframe(
                pd.DataFrame(
                    {
                        t("train.col_layer"): [f"{r['name']} ({r['type']})" for r in rows],
                        t("train.col_shape"): [format_shape(r["output_shape"]) for r in rows],
                        t("train.col_params"): [r["params"] for r in rows],
                    }
                ),
                hide_index=True,
                key="train_summary",
            )
            st.caption(t("train.total_params", n=f"{totals(rows)['params']:,}"))
            st.caption(t("train.loss_note"))
        with st.expander(t("train.code_heading"), icon=":material/code:"):
            show_code(training.keras_code(config))
            st.caption(t("train.code_note"))
