"""Scaffolding every page shares: title, friendly errors, the code box, URL-parameter notices."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ui.i18n import LANG_KEY, t


def header(page_key: str) -> None:
    """Title and one-paragraph intro of a page, from `<page_key>.title` and `<page_key>.intro`."""
    st.title(t(f"{page_key}.title"))
    st.markdown(t(f"{page_key}.intro"))


def stop_with(err: Exception) -> None:
    """Show a core ValueError as a friendly message (never a traceback) and end this rerun."""
    st.warning(t("common.invalid", message=str(err)), icon=":material/error:")
    st.stop()


def show_code(code: str, *, label_key: str = "common.equivalent_code") -> None:
    """The Keras/SciPy line(s) that compute what the page shows, for the current settings."""
    st.caption(t(label_key))
    st.code(code, language="python")


def ignored_query_params(before: Mapping[str, list[str]], after: Mapping[str, list[str]], known: set[str]) -> list[str]:
    """URL parameters the app did not use: dropped by a widget binding (invalid / out of range) or unknown.

    `before` is the URL at the start of the rerun, `after` the URL once the page ran, `known` the keys the
    page bound to widgets. Returns "key=value" strings in a stable order.
    """
    dropped = []
    for key, values in before.items():
        if key not in after or list(after[key]) != list(values) or key not in known:
            dropped.append(f"{key}={','.join(values)}")
    return sorted(dropped)


def snapshot_query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def report_ignored_query_params(before: dict[str, list[str]], placeholder) -> None:
    """After the page ran: say which URL settings were ignored, and drop the unknown ones from the URL."""
    known = {key for key in st.session_state if isinstance(key, str)} | {LANG_KEY}
    after = snapshot_query_params()
    dropped = ignored_query_params(before, after, known)
    for key in list(st.query_params):
        if key not in known:
            del st.query_params[key]
    if dropped:
        placeholder.info(t("common.ignored_url", params=", ".join(dropped)), icon=":material/link_off:")
