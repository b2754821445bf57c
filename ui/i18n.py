"""`t(key)`: every visible string goes through here, in the language the user picked."""

from __future__ import annotations

import streamlit as st

from ui.texts import LANGUAGES, TEXTS

LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
LANG_KEY = "lang"


def current_language() -> str:
    """The language chosen in the frame's switch ("en" or "ko"); English before the switch renders."""
    lang = st.session_state.get(LANG_KEY, "en")
    return lang if lang in LANGUAGES else "en"


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
