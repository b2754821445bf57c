"""The session's training job as the UI sees it: start it, collect its run, and a small sidebar badge.

The job itself (`playground.lab.job.TrainingJob`) lives in `st.session_state[JOB_KEY]` — it belongs to this
session, never to a global cache, so one session can't see or stop another's training. The frame may call
`sidebar_badge()` on every page: it shows "Training: epoch 3/10" and, once the job has ended, files its `Run`
into `st.session_state["lab_runs"]` even if the user never comes back to the lab. `event_text` words a run's
events (codes with values from the core) in the current language.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st

from playground.run import Event
from ui.i18n import t

JOB_KEY = "train_job"
COLLECTED_KEY = "train_collected"  # run ids already filed into lab_runs
SESSION_GRACE_S = 20.0  # a session must be gone this long before its training stops (a reload, not a blip)
LAB_PAGE = "app_pages/train.py"


def session_alive_check() -> Callable[[], bool] | None:
    """A thread-safe "is this browser session still connected?" for the job, or None outside a server (tests).

    Uses `Runtime.instance().is_active_session(session_id)` (documented thread-safe); the session must be
    inactive for SESSION_GRACE_S in a row before it counts as gone.
    """
    from streamlit.runtime import Runtime
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None or not Runtime.exists():
        return None
    runtime, session_id = Runtime.instance(), ctx.session_id
    gone_since: list[float] = []

    def alive() -> bool:
        if runtime.is_active_session(session_id):
            gone_since.clear()
            return True
        if not gone_since:
            gone_since.append(time.monotonic())
        return time.monotonic() - gone_since[0] < SESSION_GRACE_S

    return alive


def _shown(value: object) -> str:
    if value is None:
        return "—"
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def event_text(event: Event) -> str:
    """An event in words, in the current language: `train.event.<code>` filled with its epoch and values."""
    text = t(f"train.event.{event.code}", epoch=event.epoch, **{k: _shown(v) for k, v in event.values.items()})
    if event.code == "best" and event.values.get("restored"):
        text += t("train.event.best_restored")
    return text


def current_job():
    """This session's training job (running or ended), or None."""
    return st.session_state.get(JOB_KEY)


def collect_finished() -> object | None:
    """File the ended job's Run into lab_runs once; return that Run (or None while running / before any job)."""
    job = current_job()
    run = job.run if job is not None else None
    if run is None:
        return None
    collected = st.session_state.setdefault(COLLECTED_KEY, set())
    if run.run_id not in collected:
        from ui.runs import add_run  # (ui.runs imports this module's neighbours; import here keeps the frame light)

        collected.add(run.run_id)
        add_run(run)
    return run


def sidebar_badge() -> None:
    """A one-line training status in the sidebar (nothing when this session never trained)."""
    job = current_job()
    if job is None:
        return
    snap = job.snapshot()
    if snap.state == "running":
        text = t("train.badge_running", epoch=max(snap.epoch, 1), epochs=snap.epochs)
        icon = ":material/model_training:"
    elif snap.state == "waiting":
        text, icon = t("train.badge_waiting"), ":material/hourglass_top:"
    elif snap.run is not None:
        collect_finished()
        text, icon = t("train.badge_done", run=snap.run.run_id), ":material/check_circle:"
    else:
        return
    with st.sidebar:
        st.page_link(LAB_PAGE, label=text, icon=icon)
