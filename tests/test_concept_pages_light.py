"""Concept pages never import TensorFlow: cold start and reruns stay fast."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

CONCEPT_PAGES = ["conv1d", "conv2d", "pooling", "shapes", "activations", "dropout", "optimizers"]


def test_concept_pages_do_not_import_tensorflow():
    """Rendering every concept page (inside the frame) in a fresh interpreter leaves tensorflow/keras unimported."""
    code = textwrap.dedent(
        f"""
        import sys
        from streamlit.testing.v1 import AppTest
        loaded = {{}}
        for name in {CONCEPT_PAGES!r}:
            at = AppTest.from_file("app.py", default_timeout=60)
            at.switch_page(f"app_pages/{{name}}.py")
            at.run()
            assert not at.exception, (name, at.exception)
            heavy = sorted(m for m in ("tensorflow", "keras") if m in sys.modules)
            if heavy:
                loaded[name] = heavy
                break
        print("LOADED", loaded)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "LOADED {}" in out.stdout, out.stdout


WARM_UP = """
import sys
from playground import data
{setup}
from ui import runtime
runtime._warm_up()
print("PANDAS", "pandas" in sys.modules)  # peeked at by plotly and narwhals: never imported in the background
print("TF", sorted(m for m in ("tensorflow", "keras") if m in sys.modules))
print("CACHED", data.load_fashion_mnist.cache_info().currsize)
"""


def _warm_up_in_fresh_interpreter(setup: str, env_extra: dict[str, str]) -> str:
    import os

    env = {**os.environ, **env_extra}
    code = WARM_UP.format(setup=setup)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_warm_up_reads_a_local_fashion_mnist_and_never_tensorflow(tmp_path):
    """The frame's background warm-up fills Fashion-MNIST's process cache from a local folder (the data page's first
    run then skips the read), and imports neither TensorFlow nor pandas (a half-imported pandas seen by a page's
    thread failed that page)."""
    from tests.test_data import tiny_set, write_set

    write_set(tmp_path / "fm", tiny_set())
    stdout = _warm_up_in_fresh_interpreter("", {"FASHION_MNIST_DIR": str(tmp_path / "fm")})
    assert "PANDAS False" in stdout and "TF []" in stdout and "CACHED 1" in stdout, stdout


def test_warm_up_without_a_local_fashion_mnist_leaves_keras_alone(tmp_path):
    """No local folder: the warm-up does not fall back to Keras's loader (it would import TensorFlow and download)."""
    setup = f"data.DEBIAN_DIR = {str(tmp_path / 'absent')!r}"
    stdout = _warm_up_in_fresh_interpreter(setup, {"FASHION_MNIST_DIR": str(tmp_path / "empty")})
    assert "TF []" in stdout and "CACHED 0" in stdout, stdout
