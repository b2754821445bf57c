"""`t(key)`: every visible string goes through here, in the language the user picked."""

from __future__ import annotations

import re
import string

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from playground.messages import Phrase, render
from ui.texts import ERRORS, LANGUAGES, TEXTS

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
    lang = current_language()
    text = entry.get(lang) or entry.get("en") or key
    if not values:
        return text
    return fill_korean(text, values) if lang == "ko" else text.format(**values)


def say(message: BaseException | Phrase | str, *, lang: str | None = None) -> str:
    """A core error (or any message) in the current language (or `lang`): a `playground.messages.Problem` is
    translated through ui/texts' ERRORS table and filled with its values (a template without a translation stays
    English); any other exception or text is its own text."""
    lang = lang or current_language()
    if lang == "en":
        return str(message)  # a Problem's or Phrase's text is its English rendering

    def translate(template: str) -> str:
        return ERRORS.get(template, {}).get(lang, template)

    return render(message, translate, fill=fill_korean if lang == "ko" else None)


# A Korean particle has two forms, after a final consonant (받침) or after a vowel: 을/를, 이/가, 은/는, 과/와, 으로/로
# (으로 only after a vowel or ㄹ). Digits read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구 — and a number ending in 0
# ends in 영, 십, 백, 천 or 만, all with a final consonant.
_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
_PAIRS = (("을", "를"), ("이", "가"), ("은", "는"), ("과", "와"), ("으로", "로"))
_PARTICLE = re.compile(
    r"^(?:(을\(를\)|이\(가\)|은\(는\)|과\(와\)|\(으\)로)|(으로|로|을|를|이|가|은|는|과|와)(?![\uac00-\ud7a3]))"
)


def particle(number: object, either: str) -> str:
    """The form of a Korean particle that follows `number` as read aloud: ``particle(0, "를")`` → "을" (영을),
    ``particle(2, "을")`` → "를" (이를), ``particle(7, "으로")`` → "로" (칠로: ㄹ takes 로),
    ``particle(3, "로")`` → "으로".

    Args:
        number: a number or its text ("1e-05", "0.3", "10,000"): its last digit decides.
        either: either form of the particle (을/를, 이/가, 은/는, 과/와, 으로/로), or a written-out pair "을(를)".
    """
    bare = either.replace("(", "").replace(")", "")
    pair = next((p for p in _PAIRS if bare in p or bare == p[0] + p[1]), None)
    digits = [ch for ch in str(number) if ch.isdigit()]
    if pair is None or not digits:
        return either
    final = _FINAL[digits[-1]]
    if pair[0] == "으로":
        return "로" if final in ("", "ㄹ") else "으로"
    return pair[0] if final else pair[1]


def fill_korean(template: str, values: dict[str, object]) -> str:
    """`template.format(**values)`, with the particle right after a field that shows a number in its right form
    (``"편향 {bias}를 더하면"`` with bias=0 → "편향 0을 더하면")."""
    out: list[str] = []
    follow_number = False
    for literal, field, spec, conversion in string.Formatter().parse(template):
        if follow_number and (m := _PARTICLE.match(literal)):
            out.append(particle(out[-1], m.group(0)))
            literal = literal[m.end() :]
        out.append(literal)
        follow_number = False
        if field is not None:
            shown = "{" + (field or "") + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            text = shown.format(**values)
            out.append(text)
            follow_number = bool(text) and text[-1].isdigit()
    return "".join(out)
