"""URL-shareable choice widgets whose labels are translated.

Streamlit's `bind="query-params"` works well for sliders, number inputs, checkboxes and text inputs, and for
option widgets whose options are shown as they are. But with a `format_func` it writes the *label* into the
URL (`?lang=한국어`), so a link made in one language would not open in the other. `choice()` keeps the
option's id in the URL instead (`?conv2d_padding=same`) and shows the translated label.

A slider whose *range* depends on other settings (a step along a signal, a step of an optimizer's path) cannot be
bound either: when its range changes or it comes back after a run without it, Streamlit re-creates a bound widget
from the URL's now stale value and fails ("The `value` 150 is greater than the `max_value` 10"), and a page may not
set a bound parameter itself. `ranged_slider()` keeps such a value in the URL by hand and clamps it to the range.

A widget in a part of a page that is built only when shown (a section picked from several, a closed expander) cannot
be bound either: Streamlit drops a bound parameter from the URL at the end of a run in which its widget is not drawn.
`linked_number()` (a slider or a number input) and `linked_text()` keep such a value in the session while the part is
hidden and in the URL by hand; `choice()` / `choices()` do the same given ``persist_state="session"``. Given
``shown=False`` (the part is not built in this run), `linked_number()` and `choice()` draw nothing and return the
kept value. The frame keeps a link's settings of a part not shown yet in the URL until that part is drawn, and
reports the ones it refuses then (ui.page).

`remembered_tabs()` is `st.tabs` whose open tab the server keeps (through a visit to another page and the language
switch), for tabs with widgets inside.

`relabel_pickers()` (called by the frame after the language switch) makes every option widget show its option's label
in the new language at once; see its docstring for why Streamlit does not do that by itself. `keep_old_labels()`
lets a picker still understand the labels its previous drawing showed, for a browser that sends one after the switch.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

LINKS_KEPT = "_links_kept"  # {key: default} of the by-hand linked widgets whose value the session keeps when hidden


def _write_url(key: str, value: Any, default: Any, *, kept: bool = False) -> None:
    """Keep `?key=<value>` in the URL (`?key=a&key=b` for a list), or no parameter at all when the value is the
    default. kept: the widget keeps its value while hidden (`persist_state="session"`), so the frame may write its
    parameter on runs that do not draw it (`keep_hidden_links`)."""
    if kept:
        st.session_state.setdefault(LINKS_KEPT, {})[key] = default
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
        return
    text = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if st.query_params.get_all(key) != text:
        st.query_params[key] = text if isinstance(value, list) else text[0]


def choice(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    default: Any = None,
    format_func: Callable[[Any], str] = str,
    shown: bool = True,
    **kwargs: Any,
) -> Any:
    """Render `widget` (st.selectbox, st.radio, st.segmented_control, st.pills, st.select_slider, or the sidebar's)
    with the value in the URL as `?key=<str(option)>`.

    Args:
        widget: the Streamlit widget function.
        options: option ids (str/int/...); `str(option)` is what appears in the URL.
        default: the initial option (the first one if None); when chosen, the URL parameter is removed.
        format_func: the (translated) label of an option.
        shown: False for a widget whose part of the page is not built in this run (a closed expander): nothing is
            drawn, the value the session keeps (or the link's) is returned and stays in the URL. Such a widget is
            drawn with `persist_state="session"` when shown.
    Returns:
        The selected option id (never None: a deselected segmented control falls back to `default`).
    """
    options = list(options)
    default = options[0] if default is None else default
    by_text = {str(o): o for o in options}
    _seed(key, by_text.get, default)  # a link's unknown id: dropped, reported by the frame as an ignored setting
    if st.session_state[key] not in options:
        st.session_state[key] = default
    if widget in (st.segmented_control, st.pills):
        kwargs.setdefault("wrap", True)  # in a column Streamlit keeps one row and scrolls it sideways, hiding options
    value = widget(label, options, format_func=format_func, key=key, **kwargs) if shown else st.session_state[key]
    if value is None:
        value = default
    _write_url(key, value, default, kept=not shown or kwargs.get("persist_state") == "session")
    return value


def choices(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    default: Sequence[Any] = (),
    format_func: Callable[[Any], str] = str,
    **kwargs: Any,
) -> list[Any]:
    """Render a several-choice `widget` (st.pills or st.multiselect) with translated labels and the chosen ids in the
    URL as `?key=a&key=b` (`choice()` for one value).

    Args:
        widget: st.pills (pass `selection_mode="multi"`) or st.multiselect.
        options: option ids; `str(option)` is what appears in the URL.
        default: the initially chosen ids; when exactly these are chosen, the URL parameter is removed.
        format_func: the (translated) label of an option.
    Returns:
        The chosen ids, in the order of `options`. A link naming an unknown id keeps the known ones, and one naming
        only unknown ids gets `default` (the frame lists the link setting as ignored, with the value used).
    """
    options = list(options)

    def in_order(chosen: Sequence[Any] | None) -> list[Any]:
        return [o for o in options if o in (chosen or [])]

    by_text = {str(o): o for o in options}
    if key not in st.session_state:
        raws = st.query_params.get_all(key)
        picked = [by_text[r] for r in raws if r in by_text]
        st.session_state[key] = picked if picked else list(default)
        if len(picked) < len(raws):
            del st.query_params[key]  # reported by the frame as an ignored link setting
    kept = in_order(st.session_state[key])
    if kept != st.session_state[key]:
        st.session_state[key] = kept
    value = in_order(widget(label, options, format_func=format_func, key=key, **kwargs))
    _write_url(key, value, in_order(default), kept=kwargs.get("persist_state") == "session")
    return value


# The option widgets of Streamlit 1.67 (their value travels as the *formatted label* of the option). Named by the class
# of the serde whose bound `deserialize` a widget registers with.
_OPTION_SERDES = frozenset(
    {
        "SelectboxSerde",
        "RadioSerde",
        "MultiSelectSerde",
        "SelectSliderSerde",
        "_SingleSelectButtonGroupSerde",  # st.segmented_control / st.pills, one choice
        "_MultiSelectButtonGroupSerde",  # the same, several choices
    }
)
LANG_SHOWN = "_frame_lang_shown"


def _option_serde(key: str) -> Any:
    """The serde Streamlit decodes option widget `key`'s next value with (the one its last drawing registered), or
    None when `key` is not an option widget of this session."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    state = getattr(get_session_state(), "_state", None)
    if state is None or not hasattr(state, "get_widget_id_from_key"):
        return None
    widget_id = state.get_widget_id_from_key(key)
    meta = state.get_widget_metadata(widget_id) if widget_id else None
    serde = getattr(getattr(meta, "deserializer", None), "__self__", None)
    return serde if type(serde).__name__ in _OPTION_SERDES else None


def _option_widget_keys() -> list[str]:
    """Keys of this session's widgets (any page) that are option widgets (selectbox, radio, multiselect, ...)."""
    return [key for key in list(st.session_state) if isinstance(key, str) and _option_serde(key) is not None]


LabelMap = dict[str, Any]  # an option widget's labels → its options


def option_labels(key: str) -> LabelMap:
    """label → option of option widget `key`, the labels its last drawing showed ({} for any other key). Only those:
    labels kept from earlier drawings are not passed on again, so a picker whose labels change on every run (a
    run's progress) does not pile them up."""
    serde = _option_serde(key)
    labels = getattr(serde, "formatted_options", None)
    options = getattr(serde, "options", None)
    if not isinstance(labels, list) or options is None or len(labels) != len(options):
        return {}
    return dict(zip(labels, options, strict=True))


def keep_old_labels(key: str, old: LabelMap) -> None:
    """Let option widget `key` still understand the labels in `old` (what `option_labels` gave before it was drawn
    again), each as the same option, where a label of its own does not already mean something.

    Why: an option widget's value travels from the browser as the option's *label*, and Streamlit decodes it with the
    labels of the widget's last drawing, answering the label itself when it matches none. Right after a language
    switch, a browser that has not yet received the new labels (a fragment's timed rerun during a training, a click
    in that instant) sends the old language's label: decoded with the new labels it matched nothing, the widget's
    `on_change` ran with a label instead of an option (the training lab's preset: KeyError, the form reset to the
    default preset) and the choice was lost. With the old labels kept, it decodes to the option it names.
    """
    serde = _option_serde(key)
    index = getattr(serde, "formatted_option_to_option_index", None)
    options = getattr(serde, "options", None)
    if not old or not isinstance(index, dict) or options is None:
        return
    for label, option in old.items():
        if label in index:
            continue
        position = next((i for i, o in enumerate(options) if o == option), None)
        if position is not None:
            index[label] = position


def every_option_label() -> dict[str, LabelMap]:
    """`option_labels` of every option widget of the session (the frame takes it before a page draws)."""
    return {key: option_labels(key) for key in _option_widget_keys()}


def keep_every_old_label(old: dict[str, LabelMap]) -> None:
    """`keep_old_labels` for every widget in `old`. The frame calls it once the page has drawn, in a `finally`: a
    run cut short by the next rerun request still keeps the old labels of the pickers it had drawn."""
    for key, labels in old.items():
        keep_old_labels(key, labels)


def relabel_pickers(language: str, *, skip: tuple[str, ...] = ()) -> list[str]:
    """After a language switch, make every option widget show the new language's label, keeping its chosen option.

    Why Streamlit (1.67) does not do it by itself: a widget with a `key` keeps its identity (element id) when its
    options' labels change (`compute_and_register_element_id(..., user_key=key)` leaves the options out of the id), and
    an option widget's value travels between browser and server as the *label* (`format_func(option)`). After the
    switch the server sends the new labels but no value, because the chosen option did not change (Streamlit sends a
    value only when it changed or had to be reset); the browser keeps the same widget and the old label it holds, so
    the box shows "Digit 7" next to Korean options until a reload. And where the page does not read the value
    before the widget is drawn, the server decodes the old label with the new labels, finds no match and resets
    the widget to its default: the chosen option is lost.

    So on the first run in a new language (call this before the page draws any widget): read each option widget's
    value, which is still decoded with the labels of the run that drew it (the old language), and assign it back
    to `st.session_state`. A value set through session state is a change Streamlit sends to the browser, now as
    the new language's label. The option ids in the URL (ui.state.choice, bound widgets) are unchanged.

    Args:
        language: the language of this run.
        skip: keys to leave alone (the language switch itself, already drawn in this run).
    Returns:
        The keys re-assigned (empty when the language did not change).
    """
    shown = st.session_state.get(LANG_SHOWN)
    st.session_state[LANG_SHOWN] = language
    if shown is None or shown == language:
        return []
    done = []
    for key in _option_widget_keys():
        if key in skip:
            continue
        try:
            value = st.session_state[key]
        except KeyError:  # a widget whose value Streamlit no longer holds
            continue
        st.session_state[key] = value
        done.append(key)
    return done


def ranged_slider(label: str, min_value: int, max_value: int, default: int, *, key: str, **kwargs: Any) -> int:
    """An int `st.slider` over [min_value, max_value] (a range that other settings change) with its value in the URL
    as `?key=<int>`.

    The link is read once per session; on every run the value is clamped into the current range (so it never
    lies past the end after the range shrinks); the URL parameter is written by the page, and removed when the value
    is `default`. When the range is a single value no slider is drawn and that value is returned.

    Returns:
        The chosen value, always within [min_value, max_value]. Given `persist_state="session"` the value is kept
        (and stays in the URL) while the slider's part of the page is not built.
    """
    default = min(max(default, min_value), max_value)
    _seed(key, _number_parser(-(10**9), 10**9, int), default)  # any int: clamped into the range below
    value = min(max(int(st.session_state[key]), min_value), max_value)
    st.session_state[key] = value
    if max_value > min_value:
        value = st.slider(label, min_value, max_value, key=key, **kwargs)
    _write_url(key, value, default, kept=kwargs.get("persist_state") == "session")
    return value


def remembered_tabs(key: str, labels: Mapping[str, str]) -> Sequence[Any]:
    """`st.tabs` whose open tab the server remembers, for tabs with widgets inside: returns the tab containers.

    Plain `st.tabs` keep the chosen tab in the browser only: when the tab strip is drawn anew (a run that ended
    early, a visit to another page) the first tab opens again, hiding the widget just used. Here the tabs track state
    (`on_change="rerun"`) and the open tab's *id* is kept in the session: it is given back to the widget when
    Streamlit starts it afresh (back from another page, or the language switch, whose new labels make a new widget).
    A reload starts a new session, which opens the first tab.

    Args:
        key: the widget key (page-prefixed, e.g. "evaluate_tab").
        labels: {tab id: label in the current language}, in the order shown; the first is open at the start.
    """
    ids, names = list(labels), list(labels.values())
    kept = f"_open_{key}"
    said = st.session_state.get(key)  # the label the browser (or a test) chose, in this run's language
    if said in names:
        st.session_state[kept] = ids[names.index(said)]
    elif st.session_state.get(kept) in labels:
        st.session_state[key] = labels[st.session_state[kept]]
    return st.tabs(names, key=key, on_change="rerun")


def keep_hidden_links(keys: Iterable[str]) -> None:
    """Write the URL parameters of this page's by-hand linked widgets from the values the session keeps, drawn in this
    run or not (a hidden section's): after a trip to another page and back, a copied link still holds every setting,
    not only those of the section in view. The frame calls it after the page's run.

    keys: the page's link parameters (ui.links.params_of).
    """
    kept = st.session_state.get(LINKS_KEPT, {})
    for key in keys:
        if key in kept and key in st.session_state:
            _write_url(key, st.session_state[key], kept[key])


PAGE_SHOWN = "_links_page_shown"  # the url_path of the page the last full run drew


def follow_link_on_entry(page: str, keys: Iterable[str]) -> None:
    """When the learner comes to `page` from another page with some of its settings in the URL (a lesson's scene, a
    link inside the app), the link wins over what the session kept from an earlier visit: every kept value of the
    page is forgotten, so each linked widget takes the link's value or its default, as a link opened in a new tab
    would. Coming without any of them (the sidebar), the page keeps the learner's settings. Call before the page runs.

    keys: the page's own link parameters (ui.links.LINKS[page]; not the frame's `lang`, which every link may carry).
    """
    entered = st.session_state.get(PAGE_SHOWN) != page
    st.session_state[PAGE_SHOWN] = page
    keys = list(keys)
    if not entered or not any(key in st.query_params for key in keys):
        return
    kept = st.session_state.get(LINKS_KEPT, {})
    for key in keys:
        if key in kept and key in st.session_state:
            del st.session_state[key]


def _seed(key: str, parse: Callable[[str], Any], default: Any) -> None:
    """Before a by-hand linked widget is first drawn in the session: its value from the link, `parse(raw)` (None for
    a value it refuses: the parameter is dropped and the frame reports it), else `default`."""
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    value = parse(raw) if raw is not None else default
    if value is None:
        del st.query_params[key]
        value = default
    st.session_state[key] = value


def _number_parser(min_value: float, max_value: float, number: type) -> Callable[[str], Any]:
    """A link value's parser for a number widget: a number of type `number` within [min_value, max_value], else None."""

    def parse(raw: str) -> Any:
        try:
            parsed = float(raw)
        except ValueError:
            return None
        if not math.isfinite(parsed) or not min_value <= parsed <= max_value:
            return None
        if number is int:
            return int(parsed) if parsed.is_integer() else None
        return parsed

    return parse


def linked_number(
    widget: Callable[..., Any],
    label: str,
    min_value: float,
    max_value: float,
    value: float,
    step: float | None = None,
    *,
    key: str,
    shown: bool = True,
    **kwargs: Any,
) -> Any:
    """`widget` (st.slider or st.number_input, one int or float value) that keeps its value in the URL as
    `?key=<value>` by the page, not bound, so it may sit in a part of the page that is not always built (see the
    module docstring).

    A link's value is taken when it is a number of `value`'s type within [min_value, max_value], else refused.
    The value is kept in the session while the widget is not drawn.

    Args:
        value: the default (no URL parameter when the value is this).
        shown: False when the widget's part of the page is not built in this run (a closed expander): nothing is
            drawn and the kept value (or the link's, or `value`) is returned.
    """
    _seed(key, _number_parser(min_value, max_value, type(value)), value)
    if shown:
        out = widget(label, min_value, max_value, step=step, key=key, persist_state="session", **kwargs)
    else:
        out = st.session_state[key]
    _write_url(key, out, value, kept=True)
    return out


def linked_slider(
    label: str,
    min_value: float,
    max_value: float,
    value: float,
    step: float | None = None,
    *,
    key: str,
    **kwargs: Any,
) -> Any:
    """`linked_number` drawn as `st.slider`."""
    return linked_number(st.slider, label, min_value, max_value, value, step, key=key, **kwargs)


def linked_text(label: str, value: str, *, key: str, max_chars: int | None = None, **kwargs: Any) -> str:
    """`st.text_input` that keeps its text in the URL by the page (`linked_slider` for a number). A link's text longer
    than `max_chars` is refused."""

    def parse(raw: str) -> str | None:
        return raw if max_chars is None or len(raw) <= max_chars else None

    _seed(key, parse, value)
    out = st.text_input(label, key=key, max_chars=max_chars, persist_state="session", **kwargs)
    _write_url(key, out, value, kept=True)
    return out
