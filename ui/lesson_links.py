"""Which link parameters each page has, for checking lesson scenes: read from the page scripts themselves.

A page's link parameters are its widget keys (``<page>_<name>``, see ui/state.py). Until a declared registry of
link parameters exists (ui/links.py), this reads every page script once and collects the keys it can use: string
literals ``"<prefix>_<name>"`` and f-strings starting with ``<prefix>_`` (``f"augment_use_{option}"`` accepts
``augment_use_flip_horizontal``). That is a superset of the real parameters (a chart's key passes too), so a typo
or a parameter of another page is caught here, and the tests (tests/test_lessons.py opens every scene under
AppTest) catch the rest: a page that ignores a parameter says so.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ui.pages import PAGES, PageDef

ROOT = Path(__file__).resolve().parent.parent


def _fstring_pattern(node: ast.JoinedStr) -> str:
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(re.escape(value.value))
        else:
            parts.append(r"[A-Za-z0-9_.\-]+")
    return "".join(parts)


@cache
def _page_params(script: str, prefix: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    tree = ast.parse((ROOT / script).read_text(encoding="utf-8"))
    names: set[str] = set()
    patterns: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(prefix):
            names.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            first = node.values[0] if node.values else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.startswith(prefix):
                patterns.append(_fstring_pattern(node))
    pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    return frozenset(names), pattern


def page_link_params(page: PageDef) -> Callable[[str], bool]:
    """A predicate: could `name` be a link parameter of `page`? (Its widget keys start with ``<page.key>_``.)"""
    prefix = f"{page.key}_"
    names, pattern = _page_params(page.script, prefix)

    def known(name: str) -> bool:
        return name in names or bool(pattern and pattern.fullmatch(name))

    return known


def known_pages() -> dict[str, Callable[[str], bool]]:
    """url_path → link-parameter predicate, for every page a lesson scene may open."""
    return {p.url_path: page_link_params(p) for p in PAGES if p.url_path != "lessons"}
