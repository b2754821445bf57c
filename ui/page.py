"""Scaffolding every page shares: title, friendly errors, the code box, URL-parameter notices."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Collection, Mapping
from typing import NoReturn

import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground.data import DataUnavailableError
from playground.messages import Problem
from ui import state
from ui.code_block import code_block
from ui.i18n import say, t
from ui.texts import TEXTS


def header(page_key: str) -> None:
    """Title and one-paragraph intro of a page, from `<page_key>.title` and `<page_key>.intro`."""
    st.title(t(f"{page_key}.title"))
    st.markdown(t(f"{page_key}.intro"))


FORMULA_STYLE = (
    "text-align: center; font-size: 1.3rem; line-height: 2;"
    " font-family: 'Latin Modern Roman', 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif;"
)


def formula(text: str) -> None:
    """Show a formula written in Unicode (``f(x, y) = ½ (x² + 10 y²)``) centred in a serif face, its letters in
    italics, as maths is set. For formulas that plain type sets well: KaTeX (`st.latex`) cost the optimizers page's
    first paint ~0.35 s in chromium (its chunk and fonts; bench/NOTES.md)."""
    letters = re.sub(r"[A-Za-z]+", r"<i>\g<0></i>", html.escape(text))
    st.markdown(f'<div class="formula" style="{FORMULA_STYLE}">{letters}</div>', unsafe_allow_html=True)


def one_section(page_key: str, sections: Mapping[str, tuple[str, Callable[[], None]]]) -> None:
    """Build one of a page's sections, the one picked in a segmented control above them: a section not shown costs the
    page's first paint nothing (bench/NOTES.md). The pick is `?<page_key>_section=<id>` in the link and is kept in the
    session, so back on the page from another the learner finds the section they left.

    sections: id → (text key of its name, the function that builds it), in the order shown.
    """
    section = state.choice(  # called through the module: tests/test_links.py records what ui.state.choice writes
        st.segmented_control,
        t("common.section"),
        list(sections),
        key=f"{page_key}_section",
        format_func=lambda s: t(sections[s][0]),
        label_visibility="collapsed",
        persist_state="session",
    )
    sections[section][1]()


class PageEnd(Exception):  # noqa: N818 (a signal, not an error)
    """Ends a page's run early, like `st.stop()`, but lets the frame (app.py) finish its own work afterwards.

    `st.stop()` asks Streamlit to stop at the next element call, so whatever the frame draws after the page (the
    notice about ignored link settings) would silently vanish whenever a page ended early. The frame catches
    this exception instead.
    """


def end_page() -> NoReturn:
    """End this page's run here (the frame catches it; see `PageEnd`)."""
    raise PageEnd


def stop_with(err: Exception, *, what: str = "common.invalid") -> NoReturn:
    """Show a core ValueError as a friendly message (never a traceback) and end this rerun.

    what: the text key that says what is wrong, with `{message}` for the error: the settings together
    ("common.invalid"), or one typed input ("common.typed_numbers").
    """
    st.warning(t(what, message=say(err)), icon=":material/error:")
    end_page()


def data_reason(err: BaseException) -> str:
    """Why Fashion-MNIST could not be loaded, in the page's language, to follow the page's own "… needs Fashion-MNIST":
    missing (the three ways to get it), a damaged file (its own complaint quoted, and the ways), or any other reason
    as `say` puts it."""
    if isinstance(err, DataUnavailableError):
        return t("data.missing_ways")
    if isinstance(err, ValueError | OSError) and not isinstance(err, Problem):
        return f"{t('data.corrupt', message=str(err))}\n\n{t('data.missing_ways')}"
    return say(err)


def show_code(code: str, *, key: str, label_key: str = "common.equivalent_code") -> None:
    """The Keras/SciPy line(s) that compute what the page shows, for the current settings (a code box with `key`,
    wrapped on a phone instead of scrolling sideways)."""
    st.caption(t(label_key))
    code_block(code, key=key)


def code_comments(area: str) -> dict[str, str]:
    """A code generator's comments in the page's language: ``{key: t("code.<area>.<key>")}`` from ui/texts/code.py.

    Pass it as the generator's ``comments=`` (`playground.code_comments`); placeholders are left for the generator.
    """
    prefix = f"code.{area}."
    return {key.removeprefix(prefix): t(key) for key in TEXTS if key.startswith(prefix)}


def _same(raw: str, value: object) -> bool:
    """Does the URL text `raw` denote `value` (e.g. "3" → 3, "0.50" → 0.5, "true" → True)?"""
    if isinstance(value, bool):
        return raw.strip().lower() == str(value).lower()
    if isinstance(value, int | float):
        try:
            return float(raw) == float(value)
        except ValueError:
            return False
    return raw == str(value)


def _denotes(raws: list[str], value: object) -> bool:
    """Do the URL's values `raws` denote the widget value `value` (one value, or a list for multi-value widgets)?"""
    if isinstance(value, list | tuple):
        return len(raws) == len(value) and all(_same(r, v) for r, v in zip(raws, value, strict=True))
    return len(raws) == 1 and _same(raws[0], value)


def ignored_query_params(before: Mapping[str, list[str]], values: Mapping[str, object]) -> list[str]:
    """URL parameters the page did not use: unknown keys, or values the widget with that key does not hold now
    (invalid, out of range, or refused by the page). A widget that dropped its parameter from the URL because the
    value is its default still holds that value, so that parameter counts as used.

    `before` is the URL the session opened, `values` the page's widget values by key after the run.
    Returns "key=value" strings in a stable order.
    """
    return sorted(
        f"{key}={','.join(raws)}" for key, raws in before.items() if not (key in values and _denotes(raws, values[key]))
    )


def _non_finite(raw: str) -> bool:
    try:
        return not math.isfinite(float(raw))
    except ValueError:  # not a number at all: the widget's own parsing deals with it
        return False


def drop_non_finite_query_params() -> None:
    """On a session's first run, before any widget reads the link: remove parameters whose value is an infinite or
    NaN number (`?conv2d_kw=inf`, `1e999`, `nan`).

    No setting of this app takes such a value, and Streamlit (1.67) fails on one in an int number input bound to the
    URL ("cannot convert float infinity to integer") instead of ignoring it. The frame's notice then names them as
    ignored, like any other refused link setting (they are in the snapshot taken before this).
    """
    if st.session_state.get(URL_CHECKED):
        return
    bad = [key for key in st.query_params if any(_non_finite(raw) for raw in st.query_params.get_all(key))]
    for key in bad:
        try:
            del st.query_params[key]
        except StreamlitAPIException:  # already bound to a widget: Streamlit validates it itself
            pass
    if bad:
        _forget_initial_query_params(bad)


def _forget_initial_query_params(keys: list[str]) -> None:
    """Widgets are seeded from the query string the session *opened with*, a copy Streamlit keeps apart from
    `st.query_params`; removing the live parameter is not enough. Streamlit has no public call for this, so reach the
    copy (`QueryParams._initial_query_params`, 1.67) and leave things as they are if it is not there
    (tests/test_fuzz_pages.py::test_non_finite_numbers_in_a_link_are_ignored notices when that happens)."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as qp:
        initial = getattr(qp, "_initial_query_params", None)
        if isinstance(initial, dict):
            for key in keys:
                initial.pop(key, None)


def snapshot_query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


URL_CHECKED = "_frame_url_checked"
URL_CLAIMED = "_frame_url_claimed"
URL_PENDING = "_frame_url_pending"  # (page url_path, {key: raws}): link settings of parts not drawn yet


def claim_query_param(key: str) -> None:
    """Say that this page read URL parameter `key` itself (not through a widget bound to it) and used it.

    For state kept in the link in a form of its own, e.g. a whole layer stack as text (ui/builder.py).
    """
    st.session_state.setdefault(URL_CLAIMED, set()).add(key)


def report_ignored_query_params(
    before: dict[str, list[str]], placeholder, *, page: str = "", declared: Collection[str] = ()
) -> None:
    """Say which URL settings of the opened link were ignored, and drop unknown ones.

    On the session's first run: every setting no widget took, except the page's `declared` parameters (ui/links.py)
    whose widget was not drawn, being in a part of the page not built yet (a section not picked): those stay in the
    URL, pending, and are judged on the first run that draws their widget (ui.state.linked_slider reads them then),
    while the learner stays on `page`. Later URL changes are the widgets' own writes, not "ignored" settings (a link
    typed into the address bar starts a new session).
    """
    if st.session_state.get(URL_CHECKED):
        _report_pending(placeholder, page)
        return
    st.session_state[URL_CHECKED] = True
    claimed = st.session_state.get(URL_CLAIMED, set())
    values = _values()
    pending = {key: raws for key, raws in before.items() if key in declared and key not in values}
    if pending:
        st.session_state[URL_PENDING] = (page, pending)
    dropped = [p for p in ignored_query_params(before, values) if p.split("=", 1)[0] not in claimed | set(pending)]
    for key in list(st.query_params):
        if key in claimed or key in pending:
            continue
        if key not in values or not _denotes(st.query_params.get_all(key), values[key]):
            try:
                del st.query_params[key]
            except StreamlitAPIException:  # a widget-bound parameter: Streamlit keeps it in sync itself
                pass
    _notice(placeholder, dropped, values)


def _values() -> dict[str, object]:
    """The session's values by key (widgets' and the page's), without the frame's own bookkeeping."""
    own = (URL_CHECKED, URL_CLAIMED, URL_PENDING)
    return {key: st.session_state[key] for key in st.session_state if isinstance(key, str) and key not in own}


def _report_pending(placeholder, page: str) -> None:
    """Judge the link settings still pending (see `report_ignored_query_params`) whose widget this run drew; forget
    them all once the learner is on another page (that page's link no longer carries them)."""
    where, pending = st.session_state.get(URL_PENDING, ("", {}))
    if not pending:
        return
    if where != page:
        del st.session_state[URL_PENDING]
        return
    values = _values()
    judged = {key: raws for key, raws in pending.items() if key in values}
    if not judged:
        return
    st.session_state[URL_PENDING] = (page, {k: r for k, r in pending.items() if k not in judged})
    _notice(placeholder, ignored_query_params(judged, values), values)


def _notice(placeholder, dropped: list[str], values: Mapping[str, object]) -> None:
    """The notice listing the `dropped` link settings ("key=value"), with the value used instead where there is one."""
    if not dropped:
        return
    used = {key: shown for key in {p.split("=", 1)[0] for p in dropped} if (shown := _shown_value(values.get(key)))}
    placeholder.info(t("common.ignored_url", params=notice_list(dropped, used)), icon=":material/link_off:")


def _shown_value(value: object) -> str | None:
    """A setting's value as the notice writes what is used instead of a link's value (`2.5` → `2`, a step past the
    end → the last one): numbers, texts, yes/no and lists of them; None for anything else (not a setting)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple) and all(type(v) in (int, float, str) for v in value):
        return ",".join(_shown_value(v) or "" for v in value)
    return None


NOTICE_CHARS = 40  # a link value is shown cut to this many characters
NOTICE_ITEMS = 5  # at most this many are listed, then "and N more"


def cut(text: str, limit: int = NOTICE_CHARS) -> str:
    """`text` on one line (control characters → spaces), at most `limit` characters ("…" marks a cut)."""
    flat = "".join(" " if (ord(c) < 32 or 127 <= ord(c) < 160) else c for c in text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def code_span(text: str) -> str:
    """`text` as a Markdown code span: shown literally — no link, image, HTML, emphasis, math or colour directive.

    The fence is one backtick longer than the longest run of backticks inside (CommonMark), with a space on each
    side when the text starts or ends with a backtick.
    """
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_MARKDOWN = re.compile(r"([\\*_{}\[\]()#+!<>~$|@])")


def plain(text: str, limit: int = 300) -> str:
    """A message that quotes user-supplied text, made safe for Markdown: one line, cut to `limit` characters, the
    characters that start Markdown constructs backslash-escaped (no link, image, HTML, emphasis, math, colour
    directive, e-mail autolink), `://` and `www.` broken up by an escape (no URL autolink), and backticks dropped
    (an escaped backtick would show inside code spans). Ordinary punctuation (. , : ' ") stays as it is."""
    flat = _MARKDOWN.sub(r"\\\1", cut(text, limit).replace("`", ""))
    flat = flat.replace("://", "\\://")
    return re.sub(r"(?i)\b(www)\.", r"\1\\.", flat)


def notice_list(params: list[str], used: Mapping[str, str] | None = None) -> str:
    """ "`a=1` → `2`, `b=x`, … and 3 more": user-supplied "key=value" texts for a notice, as plain text (code spans),
    each key and value cut to NOTICE_CHARS characters, at most NOTICE_ITEMS of them; where `used` names the value the
    setting holds instead (the widget's default, or the link's value clamped or rounded into range), after an arrow."""
    shown = []
    for param in params[:NOTICE_ITEMS]:
        key, sep, value = param.partition("=")
        text = code_span(cut(key) + sep + cut(value))
        if used and key in used:
            text += " → " + code_span(cut(used[key]))
        shown.append(text)
    text = ", ".join(shown)
    if len(params) > NOTICE_ITEMS:
        text += " " + t("common.and_more", n=len(params) - NOTICE_ITEMS)
    return text
