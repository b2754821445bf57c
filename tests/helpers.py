"""Helpers the page tests share: open a page as a shared link, read its metrics and its charts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest


def metrics(at: Any) -> dict[str, str]:
    """The page's ``st.metric`` values by label (as shown, e.g. ``{"Feature map shape": "5×5"}``)."""
    return {m.label: m.value for m in at.metric}


@dataclass(frozen=True)
class Chart:
    id: str  # the element id Streamlit gave the chart; it ends with the chart's key
    spec: dict[str, Any]  # the figure, as plotly.py's JSON


def charts(at: Any) -> list[Chart]:
    """Every Plotly chart the page drew: ui.charts' component (the figure it was handed) or, where that falls back,
    ``st.plotly_chart`` (its spec)."""
    from ui.charts import COMPONENT

    drawn = [
        Chart(e.proto.id, json.loads(json.loads(e.proto.json)["figure"]))
        for e in at.get("bidi_component")
        if e.proto.component_name == COMPONENT
    ]
    return drawn + [Chart(e.proto.id, json.loads(e.proto.spec)) for e in at.get("plotly_chart")]


@dataclass(frozen=True)
class Code:
    value: str  # the code as the page passed it (what the copy button copies)
    language: str  # "python", "toml", or "" for plain text


def codes(at: Any) -> list[Code]:
    """Every code box the page drew, in order: ui.code_block's component (the code it was handed) or, where
    ``PLAYGROUND_CODE=streamlit`` draws them, ``st.code``."""
    from ui.code_block import COMPONENT

    drawn = [
        Code(data["code"], data["language"])
        for e in at.get("bidi_component")
        if e.proto.component_name == COMPONENT
        for data in [json.loads(e.proto.json)]
    ]
    return drawn + [Code(c.value, c.proto.language or "") for c in at.code]


def chart(at: Any, key: str) -> Chart:
    """The chart with key `key`."""
    found = [c for c in charts(at) if c.id.endswith(f"-{key}") or c.id == key]
    assert len(found) == 1, f"{len(found)} charts with key {key!r}"
    return found[0]


def page_opener(script: str, *, check: bool = False) -> Callable[..., Any]:
    """``open_page(app_for, query=None, **params)`` for `script`: the page inside the frame opened like a shared
    link (the query — a dict and/or keywords, ``lang`` included — is in the URL before the first run), run once.
    With `check`, the page must render without exception."""

    def open_page(app_for: Callable[[str], Any], query: dict[str, str] | None = None, **params: str) -> Any:
        at = app_for(script)
        for key, value in {**(query or {}), **params}.items():
            at.query_params[key] = value
        at.run(timeout=120)
        if check:
            assert not at.exception
        return at

    return open_page


def link_fixture(script: str) -> Any:
    """A fixture ``open_page`` for `script`: ``open_page(x_stride="2")`` → the page opened as a shared link, run
    once (the ``open_link`` fixture of conftest.py). In the test module: ``open_page = link_fixture(SCRIPT)``."""

    @pytest.fixture
    def open_page(open_link: Callable[..., Any]) -> Callable[..., Any]:
        return lambda **params: open_link(script, **params)

    return open_page


def open_layer_cards(at: Any, stack_key: str) -> Any:
    """Open every layer card of the stack editor `stack_key` (ui/builder.py builds a card's form only while it is
    open), as a person clicking each card would, and rerun; returns `at`."""
    for uid in at.session_state[f"{stack_key}__ids"]:
        at.session_state[f"{stack_key}__{uid}__card"] = True
    return at.run()
