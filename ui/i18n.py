"""`t(key)`: every visible string goes through here, in the language the user picked."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.texts import LANGUAGES, TEXTS

LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
LANG_KEY = "lang"


_last_language = "en"


def current_language() -> str:
    """The language chosen in the frame's switch ("en" or "ko"); English before the switch renders.

    Outside a script run (no session: e.g. AppTest formatting a selectbox's options between runs) it answers the
    language of the last run in this process, so labels computed there match the ones the run produced.
    """
    global _last_language
    if get_script_run_ctx(suppress_warning=True) is None:
        return _last_language
    lang = st.session_state.get(LANG_KEY, "en")
    _last_language = lang if lang in LANGUAGES else "en"
    return _last_language


def t(key: str, /, **values: object) -> str:
    """Translate `key` into the current language and fill in `{placeholders}` from `values`.

    A missing key is a programming error caught by tests/test_i18n.py; at run time it shows the key itself
    (so a page never crashes over a label).
    """
    entry = TEXTS.get(key)
    if entry is None:
        return key
    text = entry.get(current_language()) or entry.get("en") or key
    return text.format(**values) if values else text
