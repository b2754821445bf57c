"""Process-wide Streamlit settings the app needs, applied once by the frame."""

from __future__ import annotations

import sys
from typing import Any


def _clean_problem_modules_without_keras() -> None:
    """Streamlit's clean-up after a script run, minus `keras.backend.clear_session()`.

    Streamlit (script_runner._clean_problem_modules) clears Keras's global session after *every* script run once
    keras is imported. Here that costs ~200 ms per rerun of every page, concept pages included, as soon as anyone
    has visited the training lab — and it resets Keras's global state while another session's training thread is
    running. The playground builds a fresh model for every job and never relies on that reset, so it is skipped;
    matplotlib's part is kept.
    """
    plt: Any = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        try:
            plt.close("all")
        except Exception:  # noqa: BLE001, S110 - as Streamlit does: never crash a rerun over this clean-up
            pass


def keep_keras_session_between_runs() -> bool:
    """Install the clean-up above; returns False when this Streamlit version has no such hook (nothing done)."""
    from streamlit.runtime.scriptrunner import script_runner

    if not hasattr(script_runner, "_clean_problem_modules"):
        return False
    script_runner._clean_problem_modules = _clean_problem_modules_without_keras
    return True
