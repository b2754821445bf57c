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


# What the concept pages import and draw first, loaded by a background thread when the first session starts, so the
# first page a learner opens does not wait for them (~1.5 s of imports and Plotly's template here). TensorFlow is
# not among them: it costs ~560 MB, and only the training pages need it. Nor is pandas (or pyarrow, polars, …):
# plotly and narwhals use pandas when it is already in `sys.modules` without importing it, so a pandas still being
# imported by this thread is met half-made by a page's thread ("partially initialized module 'pandas' has no
# attribute 'Series'" on a fresh server's first chart page: bench/NOTES.md tenth pass).
WARM_MODULES = (
    "scipy.signal",
    "scipy.ndimage",
    "plotly.graph_objects",
    "playground.convolution",
    "playground.pooling",
    "playground.optimizers",
    "playground.activations",
    "playground.figures.convolution",
    "playground.figures.blocks",
    "playground.figures.architecture",
    "playground.figures.further",
    "playground.figures.training",
    "playground.figures.evaluation",
)
_warming: list[Any] = []


def _warm_up() -> None:
    import importlib

    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - a page importing it reports the real error to its visitor
            continue
    try:  # the first figure serialised loads the default template (plotly_white): do it here, once
        import plotly.graph_objects as go
        import plotly.io as pio

        pio.to_json(go.Figure(), validate=False)
    except Exception:  # noqa: BLE001, S110
        pass
    _warm_fashion_mnist()


def _warm_fashion_mnist() -> None:
    """Read Fashion-MNIST into `load_fashion_mnist`'s process cache (~1.4 s of the Fashion-MNIST page's first run on
    a fresh server, ~55 MB), but only from a local folder: Keras's own loader would import TensorFlow and download."""
    try:
        from playground import data

        if data.data_source() != "keras":
            data.load_fashion_mnist()
    except Exception:  # noqa: BLE001, S110 - missing or corrupt files: the data pages say so to their visitor
        pass


def warm_up_in_background() -> None:
    """Start `_warm_up` in a daemon thread, once per process (later calls do nothing)."""
    import threading

    if _warming:
        return
    thread = threading.Thread(target=_warm_up, name="playground-warm-up", daemon=True)
    _warming.append(thread)
    thread.start()
