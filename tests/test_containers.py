"""Every tab strip and expander of the app has a key.

Streamlit's frontend knows an unkeyed tab strip or expander by its place on the page. When an element above it comes
or goes (a "results are stale" caption, a warning, a notice), the block is built anew: the tab the learner opened
falls back to the first, and the box they opened closes (seen in chromium with Streamlit 1.67). A keyed one is known
by its key and keeps both.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")])
CONTAINERS = {"tabs", "expander", "popover"}


def _unkeyed(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (  # st.tabs, st.sidebar.expander, a column's .tabs …: any receiver
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in CONTAINERS
            and not any(k.arg == "key" for k in node.keywords)
        ):
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            out.append(f"{where}:{node.lineno} .{node.func.attr}")
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_tab_strip_and_expander_has_a_key(path):
    assert not _unkeyed(path)


def test_the_check_sees_an_unkeyed_one(tmp_path):
    page = tmp_path / "page.py"
    source = ["import streamlit as st", 'with st.expander("Box"):', '    st.sidebar.tabs(["a"])']
    source.append('st.tabs(["a"], key="k")')
    page.write_text("\n".join(source) + "\n")
    assert _unkeyed(page) == ["page.py:2 .expander", "page.py:3 .tabs"]
