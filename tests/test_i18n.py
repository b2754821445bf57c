"""The translation table: every key in both languages, and every key the code asks for exists."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from ui.texts import LANGUAGES, TEXTS

# t("key") / t('key', ...) literals in the UI code.
T_CALL = re.compile(r"""\bt\(\s*["']([A-Za-z0-9_.\-]+)["']""")
UI_FILES = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_both_languages(key):
    """Each entry has a non-empty English and Korean text."""
    entry = TEXTS[key]
    for lang in LANGUAGES:
        assert isinstance(entry.get(lang), str) and entry[lang].strip(), f"{key!r} lacks {lang!r}"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_placeholders_match_between_languages(key):
    """`{name}` placeholders are the same in both languages, so formatting never fails in one of them."""
    names = [set(re.findall(r"\{(\w+)\}", TEXTS[key][lang])) for lang in LANGUAGES]
    assert names[0] == names[1], f"{key!r}: {names}"


def test_every_key_used_in_code_exists():
    """A literal t("...") key in the app is in the table (a missing key would show raw on screen)."""
    missing = {}
    for path in UI_FILES:
        for key in T_CALL.findall(path.read_text(encoding="utf-8")):
            if key not in TEXTS:
                missing.setdefault(key, path.name)
    assert not missing, f"keys missing from ui/texts: {missing}"


def test_every_page_has_title_and_blurb():
    """The frame and the home page need a title and a blurb for every registered page."""
    from ui.pages import PAGES

    for p in PAGES:
        assert f"{p.key}.title" in TEXTS and f"{p.key}.blurb" in TEXTS
