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

from playground.lab.progress import JobSnapshot
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
    code = "all_epochs_one" if event.code == "all_epochs" and event.values.get("epochs") == 1 else event.code
    text = t(f"train.event.{code}", epoch=event.epoch, **{k: _shown(v) for k, v in event.values.items()})
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


POLL_S = 2.0  # how often a running job's views redraw (≈ 60 ms of CPU per redraw; the job never waits for them)
BADGE_SNAPSHOT = "train_badge_snapshot"  # the snapshot the badge drew in this full run (the lab page draws it too)
BADGE_SHOWN = "train_badge_shown"  # what the badge shows: (state, epoch, run id)


def _seconds(value: float) -> str:
    return f"{value:.0f}"


def _left(snap: JobSnapshot) -> str:
    if snap.eta_s is None:
        return t("train.left_measuring")
    return t("train.left", eta=_seconds(snap.eta_s))


def progress_text(snap: JobSnapshot) -> str:
    """The progress bar's words for a running job: its phase, epoch and batch, elapsed time and time left."""
    common = {"epoch": max(snap.epoch, 1), "epochs": snap.epochs, "seconds": _seconds(snap.phase_s)}
    if snap.phase in ("loading_data", "building_model", "first_batch"):
        return t(f"train.phase.{snap.phase}", **common)
    if snap.phase == "epoch_start":
        return t("train.phase.epoch_start", **common, left=_left(snap))
    if snap.phase == "validating":
        return t(
            "train.phase.validating", **common, batch=snap.val_batch, batches=snap.val_batches,
            elapsed=_seconds(snap.elapsed_s), left=_left(snap),
        )  # fmt: skip
    return t(
        "train.progress", epoch=snap.epoch, epochs=snap.epochs, batch=snap.batch, batches=snap.batches,
        elapsed=_seconds(snap.elapsed_s), left=_left(snap),
    )  # fmt: skip


def badge_key(snap: JobSnapshot) -> tuple[str, int, str]:
    """What the badge shows of a snapshot; the lab page redraws everything when its snapshot's key differs."""
    return snap.state, snap.epoch if snap.state == "running" else 0, snap.run.run_id if snap.run else ""


def _badge(snap: JobSnapshot) -> None:
    """Draw the badge for `snap` in the current container (the sidebar)."""
    st.session_state[BADGE_SHOWN] = badge_key(snap)
    if snap.state == "running" and snap.epoch == 0:
        text, icon = t("train.badge_preparing"), ":material/model_training:"
    elif snap.state == "running":
        text = t("train.badge_running", epoch=snap.epoch, epochs=snap.epochs)
        icon = ":material/model_training:"
    elif snap.state == "waiting":
        text, icon = t("train.badge_waiting"), ":material/hourglass_top:"
    elif snap.run is not None:
        collect_finished()
        text, icon = t("train.badge_done", run=snap.run.run_id), ":material/check_circle:"
    else:
        return
    st.page_link(LAB_PAGE, label=text, icon=icon)


def _polled_badge() -> None:
    """The badge on pages without a live view of their own: redrawn every POLL_S; a full rerun once the job ends
    (so the page sees the new run, and the polling stops)."""
    job = current_job()
    if job is None:
        return
    snap = job.snapshot()
    _badge(snap)
    if not snap.active:
        st.rerun(scope="app")


def sidebar_badge(*, on_lab_page: bool = False) -> None:
    """A one-line training status in the sidebar (nothing when this session never trained).

    The badge and the lab page always show the same snapshot: the badge keeps the one it drew for this run in
    `st.session_state[BADGE_SNAPSHOT]`, the lab page's live view draws that one (`live_snapshot`), and when the
    live view's own polling sees another epoch or state it reruns the whole app, badge included. On other pages
    the badge polls by itself.
    """
    job = current_job()
    if job is None:
        return
    snap = job.snapshot()
    st.session_state[BADGE_SNAPSHOT] = snap
    with st.sidebar:
        if snap.active and not on_lab_page:
            st.fragment(_polled_badge, run_every=POLL_S)()
        else:
            _badge(snap)


def live_snapshot(job) -> JobSnapshot:
    """The snapshot the lab page draws: in a full run the badge's (the same numbers in both places); in a
    polling run a fresh one — and when its epoch or state differs from the badge's, the whole app reruns."""
    snap = st.session_state.pop(BADGE_SNAPSHOT, None)
    if snap is not None:
        return snap
    snap = job.snapshot()
    shown = st.session_state.get(BADGE_SHOWN)
    if shown is not None and tuple(shown) != badge_key(snap):
        st.rerun(scope="app")
    return snap
