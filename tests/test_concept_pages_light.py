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
