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


_READINGS = "영일이삼사오육칠팔구"  # Sino-Korean digits; 10, 100, 1000, 10000 are 십 백 천 만


def _has_final(syllable: str) -> bool:
    """A Hangul syllable has a final consonant when (code − 0xAC00) mod 28 ≠ 0 (Unicode's syllable layout)."""
    return (ord(syllable) - 0xAC00) % 28 != 0


@pytest.mark.parametrize("number", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 100, 1000, 10000, "0.3", "1e-05", "10,000"])
def test_particle_follows_the_number_as_read(number):
    """을/를, 이/가, 은/는, 과/와 after a number: the form for a final consonant exactly when the number's last word
    (the last digit's reading, or 십/백/천/만 for a trailing 0) has one; 으로/로: 로 after a vowel or ㄹ."""
    from ui.i18n import particle

    text = str(number)
    last = _READINGS[int(text[-1])] if text[-1] != "0" or text in ("0", "0.0") else "십"
    final = _has_final(last)
    rieul = final and (ord(last) - 0xAC00) % 28 == 8  # ㄹ is final consonant number 8
    for pair in (("을", "를"), ("이", "가"), ("은", "는"), ("과", "와")):
        for given in (*pair, f"{pair[0]}({pair[1]})"):
            assert particle(number, given) == (pair[0] if final else pair[1]), (number, given)
    for given in ("으로", "로", "(으)로"):
        assert particle(number, given) == ("로" if not final or rieul else "으로"), (number, given)


def test_korean_fill_fixes_the_particle_after_a_number(monkeypatch):
    """t() in Korean writes 0을, 3으로, 2를 where the template says {x}를 / {x}로; words after a field (이상) stay."""
    import ui.i18n
    from ui.i18n import fill_korean

    assert fill_korean("편향 {bias}를 더하면", {"bias": 0}) == "편향 0을 더하면"
    assert fill_korean("확률 {keep}로, {rate}로", {"keep": 0.7, "rate": 0.3}) == "확률 0.7로, 0.3으로"
    assert fill_korean("{n}이(가) {m}이상", {"n": 3, "m": 3}) == "3이 3이상"
    assert fill_korean("{name}를", {"name": "SGD"}) == "SGD를"
    monkeypatch.setattr(ui.i18n, "_last_language", "ko")
    assert ui.i18n.t("conv2d.cell_total", sums="1 + 2", bias=0, value=3).count("0을") == 1


# Streamlit renders texts as CommonMark (react-markdown): a closing ** right after punctuation ("▷", "}") and right
# before a letter (a Korean particle: "**한 칸 ▷**은") is not a closing delimiter, and the asterisks show as typed.
@pytest.mark.parametrize("lang", LANGUAGES)
def test_bold_and_italic_markers_render(lang):
    """Every text, its placeholders filled, renders with no stray ** or __ left on screen (code spans aside)."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark")
    stray = {}
    for key, entry in TEXTS.items():
        text = re.sub(r"\{(\w+)(?:[^}]*)\}", "x", entry[lang])
        html = re.sub(r"<code>.*?</code>", "", markdown.render(text), flags=re.S)
        if "**" in html or re.search(r"(?<!\w)__|__(?!\w)", html):
            stray[key] = entry[lang][:80]
    assert not stray, stray
