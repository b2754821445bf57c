"""The session's training runs, as the pages after training see them: pickers, labels, the test set.

Runs live in `st.session_state["lab_runs"]` (a list of `playground.run.Run`, oldest first), put there by the
training lab and by the Save & restore page ("restored" runs). Every run added is also written to the run store
(`playground.runstore`, owned by this browser's token: `ui.owner`), and a new session starts with the runs the
store holds for this browser — so F5, a new tab or a server restart loses nothing. A stored run's model stays on
disk until a page picks the run (`pick_run` loads it).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import streamlit as st

from playground.lab.watch import load_frames, save_frames
from playground.run import SESSION_RUNS, Run, run_from_record, run_record
from playground.runstore import StoreUnavailable
from ui.i18n import t
from ui.owner import owner_token
from ui.page import data_reason, end_page
from ui.store import get_store, show_notices
from ui.texts import TEXTS

LAB_PAGE = "app_pages/train.py"
STATUSES = ("finished", "stopped", "early_stopped", "failed", "restored")


_FROM_STORE = "_runs_from_store"


def _stored_runs() -> list[Run]:
    """This browser's runs from the run store (once per session); [] when the store is off or unavailable."""
    store = get_store()
    if store is None:
        return []
    try:
        stored, notices = store.runs(owner_token())
    except StoreUnavailable as err:
        show_notices([_as_notice(err)])
        return []
    show_notices(notices)
    runs = []
    for s in stored:
        try:
            runs.append(
                run_from_record(
                    s.run_id,
                    s.status,
                    s.record,
                    model_path=str(s.model_path or "") or None,
                    watch_path=str(s.frames_path or "") or None,
                )
            )
        except ValueError:  # a row this version cannot read: leave it in the store, show the others
            continue
    return runs


def _as_notice(err: StoreUnavailable):
    from playground.runstore import StoreNotice

    return StoreNotice(err.code, dict(err.values))


def session_runs() -> list[Run]:
    """This session's runs, oldest first: the stored runs of this browser, then those made since."""
    if not st.session_state.get(_FROM_STORE):
        st.session_state[_FROM_STORE] = True
        have = st.session_state.get(SESSION_RUNS)
        have = have if isinstance(have, list) else []
        ids = {r.run_id for r in have}
        st.session_state[SESSION_RUNS] = [r for r in _stored_runs() if r.run_id not in ids] + have
    runs = st.session_state.get(SESSION_RUNS)
    return list(runs) if isinstance(runs, list) else []


def save_run(run: Run) -> None:
    """Write a run (and its model) to the run store; a failure is a notice, never an error."""
    store = get_store()
    if store is None:
        return
    model = run.model
    write = (lambda path: model.save(path)) if model is not None else None
    frames = run.watch
    write_frames = (lambda path: save_frames(frames, path)) if frames else None
    try:
        notices = store.save(
            owner_token(),
            run.run_id,
            status=run.status,
            record=run_record(run),
            write_model=write,
            write_frames=write_frames,
        )
    except StoreUnavailable as err:
        notices = [_as_notice(err)]
    show_notices(notices)


def save_test_metrics(run: Run) -> None:
    """Keep a run's test-set evaluation in the store too (so a reload does not evaluate again)."""
    store = get_store()
    if store is None or run.test_metrics is None:
        return
    try:
        store.set_test_metrics(owner_token(), run.run_id, run.test_metrics)
    except StoreUnavailable as err:
        show_notices([_as_notice(err)])


def forget_runs() -> None:
    """ "Forget my runs": this browser's stored runs and this session's list."""
    store = get_store()
    if store is not None:
        try:
            show_notices([store.forget_owner(owner_token())])
        except StoreUnavailable as err:
            show_notices([_as_notice(err)])
    st.session_state[SESSION_RUNS] = []


def add_run(run: Run) -> None:
    """Append a run to this session's runs and the store (never replaces or changes an existing one)."""
    st.session_state[SESSION_RUNS] = [*session_runs(), run]
    save_run(run)


def ensure_model(run: Run) -> Run:
    """Load a stored run's model from its file the first time a page needs it (kept on the Run afterwards)."""
    if run.model is None and run.model_path:
        from playground.persistence import load_checked_keras  # the checks of an upload: the file is on disk

        with st.spinner(t("runs.loading_model", run=run.run_id)):
            try:
                run.model = load_checked_keras(Path(run.model_path).read_bytes())
            except Exception:  # noqa: BLE001 (a damaged, refused or vanished file: the run stays, without a model)
                run.model_path = None
                st.warning(t("store.model_missing", run_id=run.run_id), icon=":material/database:")
    return run


def ensure_watch(run: Run) -> Run:
    """Load a stored run's watch frames from their file the first time they are replayed (kept on the Run); a
    missing or damaged file leaves `run.watch` empty (`run.watch_saved` > 0 then says the replay is unavailable)."""
    if not run.watch and run.watch_path:
        try:
            run.watch = load_frames(run.watch_path)
        except (ValueError, OSError):
            run.watch_path = None
    return run


def new_run_id(prefix: str) -> str:
    """A run id not used yet in this session: "<prefix>-1", "<prefix>-2", ..."""
    used = {r.run_id for r in session_runs()}
    n = 1
    while f"{prefix}-{n}" in used:
        n += 1
    return f"{prefix}-{n}"


def status_label(run: Run) -> str:
    return t(f"runs.status.{run.status}") if run.status in STATUSES else run.status


def run_label(run: Run) -> str:
    """ "run-3 · quick · finished · val. acc. 89.1 %" — what the pickers show."""
    from playground.lab.compare import preset_of

    parts = [run.run_id]
    preset = "uploaded" if run.config.preset == "uploaded" else preset_of(run.config)  # only while unchanged
    if preset:
        parts.append(preset)
    parts.append(status_label(run))
    val = run.history.get("val_accuracy") or []
    if val:  # (not the test accuracy: it appears later, and a label must not change under a widget)
        parts.append(t("runs.val_acc", value=f"{val[-1]:.1%}"))
    return " · ".join(parts)


def no_runs_message(text_key: str = "runs.none") -> None:
    """A friendly "train something first" notice (text `text_key`) with a link to the training lab."""
    st.info(t(text_key), icon=":material/model_training:")
    st.page_link(LAB_PAGE, label=t("runs.to_lab"), icon=":material/arrow_forward:")


def pickable_runs(*, with_model: bool = True) -> list[Run]:
    """This session's runs that `pick_run` offers: those that still hold a model (a loaded one or its file), or every
    run when `with_model` is False."""
    return [r for r in session_runs() if r.model is not None or r.model_path or not with_model]


def pick_run(key: str, *, label: str | None = None, with_model: bool = True) -> Run | None:
    """A select box of this session's runs, newest first; None (after a friendly message) when there are none.

    Args:
        key: the widget key (page-prefixed, e.g. "evaluate_run"). Run ids are per session, so not in the URL.
        label: the widget label (default: "Run").
        with_model: only runs that still hold a model (a failed run may not).
    """
    runs = pickable_runs(with_model=with_model)
    if not runs:
        no_runs_message()
        return None
    by_id = {r.run_id: r for r in reversed(runs)}
    if st.session_state.get(key) not in by_id:
        st.session_state.pop(key, None)
    labels = {i: run_label(r) for i, r in by_id.items()}  # fixed strings: the label never depends on when it's asked
    run_id = st.selectbox(label or t("runs.pick"), list(by_id), format_func=labels.__getitem__, key=key)
    run = None if run_id is None else by_id.get(run_id)
    if run is not None and with_model:
        ensure_model(run)
        if run.model is None:
            return None
    return run


def pick_runs(key: str, *, label: str | None = None, default_count: int = 4) -> list[Run]:
    """A multiselect of this session's runs (oldest first); by default the `default_count` newest are chosen."""
    runs = session_runs()
    if not runs:
        no_runs_message()
        return []
    by_id = {r.run_id: r for r in runs}
    if key in st.session_state:
        st.session_state[key] = [i for i in st.session_state[key] if i in by_id]
        default = None
    else:
        default = list(by_id)[-default_count:]
    labels = {i: run_label(r) for i, r in by_id.items()}
    chosen = st.multiselect(
        label or t("runs.pick_many"), list(by_id), default=default, format_func=labels.__getitem__, key=key
    )
    return [by_id[i] for i in chosen]


def class_names() -> list[str]:
    """The 10 Fashion-MNIST class names in the current language (`class.0` … `class.9`, else Keras's names)."""
    from playground.data import CLASS_NAMES

    return [t(f"class.{i}") if f"class.{i}" in TEXTS else name for i, name in enumerate(CLASS_NAMES)]


def load_test_set() -> tuple[np.ndarray, np.ndarray]:
    """The Fashion-MNIST test images (10000, 28, 28) uint8 and labels (loaded once per process, read-only)."""
    from playground.data import load_fashion_mnist

    return load_fashion_mnist()[1]


def get_test_set() -> tuple[np.ndarray, np.ndarray]:
    """`load_test_set()`, or a clear on-screen error (and the page stops) when Fashion-MNIST is unavailable."""
    try:
        return load_test_set()
    except (RuntimeError, ValueError, OSError) as err:  # DataUnavailableError is a RuntimeError
        st.error(f"{t('data.missing')}\n\n{data_reason(err)}", icon=":material/database_off:")
        end_page()


def pixelated(image: np.ndarray, factor: int = 4) -> np.ndarray:
    """A small grey image enlarged by repeating pixels (so the browser shows crisp squares, not a blur)."""
    return np.repeat(np.repeat(np.asarray(image), factor, axis=0), factor, axis=1)
