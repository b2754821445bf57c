"""ui.code_block: the highlighted HTML holds exactly the code (nothing added, nothing executable), and pages hand the
component the code they used to give st.code."""

from __future__ import annotations

import html
import re

import pytest

from tests.helpers import codes
from ui.code_block import highlighted

SAMPLES = [
    "import keras\nlayer = keras.layers.Conv2D(filters=1, kernel_size=(3, 3))\n",
    '\n\nx = "<script>alert(1)</script>" & y  # 코드 주석 → 한국어\n\n',  # leading/trailing blank lines kept
    "model.save('run-1.keras')\tweights = {'a': [1, 2.5e-3, -4]}",
    "",
]


@pytest.mark.parametrize("language", ["python", "toml", None])
@pytest.mark.parametrize("code", SAMPLES)
def test_highlighted_text_is_the_code_exactly(code, language):
    out = highlighted(code, language)
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == code
    tags = set(re.findall(r"</?([a-zA-Z]+)", out))
    assert tags <= {"span"}, tags  # coloured spans only: no markup the code could smuggle in
    assert "<script" not in out


def test_python_is_coloured_by_token():
    out = highlighted('import keras  # comment\nx = 0.5 + "s"\n')
    assert '<span class="kn">import</span>' in out
    assert '<span class="c1"># comment</span>' in out
    assert '<span class="mf">0.5</span>' in out
    assert '<span class="s2">&quot;s&quot;</span>' in out


def test_page_code_box_carries_code_and_language(app_for):
    at = app_for("app_pages/activations.py")
    at.run(timeout=60)
    assert not at.exception
    boxes = codes(at)
    assert boxes and all(b.language == "python" for b in boxes)
    assert boxes[0].value.startswith("import keras\nkeras.activations.")
    assert not at.code  # no st.code: its highlighter is what the component spares the first paint


def test_fallback_draws_st_code(app_for, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_CODE", "streamlit")
    at = app_for("app_pages/activations.py")
    at.run(timeout=60)
    assert not at.exception
    assert at.code and [b.value for b in codes(at)] == [c.value for c in at.code]


def test_each_line_is_a_block_with_its_indent():
    """One `ln` span per line of the code, ending with its newline, `--i` its leading spaces (the hanging indent of a
    wrapped line is set from it); a docstring over two lines is closed and reopened at the line end."""
    code = 'def f():\n    """a\n      b"""\n\n    return 1\n'
    out = highlighted(code)
    lines = re.findall(r'<span class="ln" style="--i:(\d+)">(.*?)\n?</span>(?=<span class="ln"|$)', out, re.S)
    assert [int(i) for i, _ in lines] == [0, 4, 6, 0, 4]
    for _, line in lines:
        assert line.count("<span") == line.count("</span>")  # balanced within its line
    assert '<span class="sd">&quot;&quot;&quot;a</span>' in out
    assert '<span class="sd">      b&quot;&quot;&quot;</span>' in out
    # An indent outside a token is kept together with the line's first word (no row of blanks on a phone).
    assert '<span class="ind">    </span><span class="k">return</span>' in out
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == code
