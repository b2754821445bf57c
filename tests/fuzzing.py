"""A generic widget fuzzer for Streamlit pages, driven through AppTest.

It knows nothing about a particular page: after a run it *discovers* the widgets on screen (sliders incl. range
sliders, select sliders, number inputs, select boxes, radios, multiselects, segmented controls / pills, checkboxes,
toggles, text inputs / areas, keyed data editors, and — only where allowed — buttons), draws random but
type-valid values for several of them from a seeded `numpy.random.Generator`, reruns the app and checks what a
user would see:

* no uncaught exception (`at.exception`) and no traceback text anywhere on the page;
* every warning / error shown is a message the app knows (a template from the translation table
  `ui.texts.TEXTS`, e.g. `common.invalid` "These settings don't work together: {message}") — never a raw
  Python error string.

Each page is explored as a few short random walks (a fresh app, then `walk` steps that keep the state), so a
failure comes with a short reproduction: the seed, the steps since the fresh start, and AppTest code to replay them.

The real option *values* of option widgets (not their translated labels) come from the widget's serializer, which
AppTest keeps in the session's widget metadata (Streamlit internals: `SelectboxSerde.options` etc.). When that is
not available the fuzzer falls back to the labels only when there is no `format_func` to confuse.

URL fuzzing (`url_cases`) builds hostile query strings per page (wrong types, huge / negative numbers, NaN, inf,
unicode, unknown and repeated keys); `check_url_case` checks the frame's "ignored" notice lists what it must.
"""

from __future__ import annotations

import contextlib
import math
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tests.conftest import page_app
from tests.helpers import charts
from ui.charts import drawable_trace_types, trace_types
from ui.page import _same
from ui.texts import TEXTS

# ----------------------------------------------------------------------------------------------- known messages


def _template_regex(template: str) -> re.Pattern[str]:
    """A translation template ("... {message}") as a regex in which each {placeholder} matches anything."""
    parts = re.split(r"\{[^{}]*\}", template)
    return re.compile(".*?".join(re.escape(p) for p in parts) + "$", re.DOTALL)


def _distinctive(template: str) -> bool:
    """A template identifies a message if it has no placeholder, or enough literal text besides them
    (a template like "{value}" or "{a} · {b}" would match any text)."""
    literal = re.sub(r"\{[^{}]*\}", "", template)
    return literal == template or len(re.sub(r"[\W_]", "", literal)) >= 4


KNOWN_MESSAGES: list[tuple[str, str, re.Pattern[str]]] = [
    (key, lang, _template_regex(text))
    for key, entry in TEXTS.items()
    for lang, text in entry.items()
    if text and _distinctive(text)
]
INVALID_KEY = "common.invalid"
IGNORED_URL_KEY = "common.ignored_url"


def known_message(text: str) -> str | None:
    """The translation key whose template produced `text` (any language), or None for an unknown message.

    A message may be one template followed by more text (e.g. a template, then a hint): the template must match
    from the start; literal-only templates must match exactly up to their end.
    """
    text = text.strip()
    best = None
    for key, _lang, rx in KNOWN_MESSAGES:
        if rx.pattern == "$":
            continue
        if rx.match(text):
            if key == INVALID_KEY:
                return key
            best = best or key
    return best


def invalid_prefixes() -> list[str]:
    """The literal start of the `common.invalid` message in every language."""
    return [text.split("{", 1)[0] for text in TEXTS[INVALID_KEY].values()]


# ----------------------------------------------------------------------------------------------- page checks

MESSAGE_KINDS = ("warning", "error")
TEXT_KINDS = ("markdown", "code", "text", "caption", "error", "warning", "info", "success", "latex", "title")


@dataclass
class Finding:
    """Something wrong on the page after a rerun."""

    kind: str  # "exception", "traceback", "unknown_message", "undrawable_trace"
    detail: str


def check_page(at: Any) -> tuple[list[Finding], list[str]]:
    """Inspect a finished AppTest run. Returns (findings, keys of the known messages shown)."""
    findings: list[Finding] = []
    shown: list[str] = []
    for exc in at.exception:
        findings.append(Finding("exception", f"{exc.message}\n{''.join(exc.stack_trace)[-3000:]}"))
    for kind in TEXT_KINDS:
        for el in getattr(at, kind):
            value = str(getattr(el, "value", "") or "")
            if "Traceback (most recent call last)" in value:
                findings.append(Finding("traceback", f"{kind}: {value[:2000]}"))
    for kind in MESSAGE_KINDS:
        for el in getattr(at, kind):
            value = str(el.value)
            key = known_message(value)
            if key is None:
                findings.append(Finding("unknown_message", f"st.{kind}: {value[:500]!r}"))
            else:
                shown.append(key)
    for chart in charts(at):  # ui/charts.py would draw it with st.plotly_chart: slower, and a sign to rebuild
        missing = trace_types(chart.spec) - drawable_trace_types()
        if missing:
            findings.append(
                Finding("undrawable_trace", f"{chart.id}: {sorted(missing)}; add to scripts/build_plotly_bundle.sh")
            )
    return findings, shown


# ----------------------------------------------------------------------------------------------- widgets


def _widget_metadata(at: Any) -> dict[str, Any]:
    try:
        return at.session_state._state._state._new_widget_state.widget_metadata
    except AttributeError:  # Streamlit internals moved: fall back to labels
        return {}


def serde_of(at: Any, element: Any) -> Any:
    """The widget's serializer object (holds the real option values), or None."""
    md = _widget_metadata(at).get(element.id)
    if md is None:
        return None
    return getattr(md.deserializer, "__self__", None)


@dataclass
class Knob:
    """One widget the fuzzer may turn: its kind, key/label for the report, and the domain of its values."""

    kind: str
    element: Any
    key: str | None
    label: str
    options: list[Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.key or f"<{self.kind} {self.label!r}>"


SLIDER_INT, SLIDER_FLOAT = 0, 1
NUMBER_INT, NUMBER_FLOAT = 0, 1


def _options(at: Any, element: Any) -> list[Any] | None:
    serde = serde_of(at, element)
    if serde is not None and getattr(serde, "options", None) is not None:
        return list(serde.options)
    return None


def discover(at: Any, *, buttons: bool = False, button_filter: Callable[[Any], bool] | None = None) -> list[Knob]:
    """Every enabled widget on the current page that a user could change, as `Knob`s."""
    knobs: list[Knob] = []

    def add(kind: str, el: Any, **kw: Any) -> None:
        if getattr(el.proto, "disabled", False):
            return
        knobs.append(Knob(kind, el, getattr(el, "key", None), str(getattr(el, "label", "") or ""), **kw))

    for el in at.slider:
        if el.proto.data_type in (SLIDER_INT, SLIDER_FLOAT):
            add("slider", el, extra={"range": isinstance(el.value, list | tuple)})
    for el in at.select_slider:
        opts = _options(at, el)
        if opts:
            add("select_slider", el, options=opts, extra={"range": isinstance(el.value, list | tuple)})
    for el in at.number_input:
        add("number_input", el)
    for kind in ("selectbox", "radio", "multiselect"):
        for el in getattr(at, kind):
            opts = _options(at, el)
            if opts:
                add(kind, el, options=opts)
    for el in at.button_group:
        opts = _options(at, el)
        if opts:
            single = el._is_single_select
            add("segmented" if single else "pills", el, options=opts)
    for kind in ("checkbox", "toggle", "text_input", "text_area"):
        for el in getattr(at, kind):
            add(kind, el)
    for el in at.data_editor:
        if el.key and not getattr(el.proto, "disabled", False):
            knobs.append(Knob("data_editor", el, el.key, f"data_editor {el.key}"))
    for el in at.expander:  # one built only when opened (on_change="rerun"): opened and closed as a person clicks it
        widget_id = getattr(el.proto, "id", "")
        if widget_id.startswith("$$ID-"):
            key = widget_id.split("-", 2)[2]
            knobs.append(Knob("expander", el, key, f"expander {key}"))
    if buttons:
        for el in at.button:
            if button_filter is None or button_filter(el):
                add("button", el)
    return knobs


# ----------------------------------------------------------------------------------------------- values

JUNK_TEXT = [
    "",
    " ",
    "abc",
    "1,2,3",
    "1,,2",
    ",",
    "-",
    "1e308",
    "-1e308",
    "nan",
    "inf",
    "NaN, 1, 2",
    "0",
    "-0",
    "1 2 3",
    "1;2;3",
    "[1, 2, 3]",
    "１２３",  # full-width digits
    "一,二,三",
    "합성곱",
    "😀",
    "\x00\x01",
    "\u202e123",  # right-to-left override
    "<script>alert(1)</script>",
    "{message}",
    "9" * 400,
    ", ".join(["1"] * 2000),
    "0.1\n0.2\n0.3",
    "1e-320",
    "0x10",
    "True",
]


def _numbers_text(rng: np.random.Generator) -> str:
    """A plausible comma-separated list of numbers (what the 1-D signal / kernel boxes expect), random length."""
    n = int(rng.integers(0, 40))
    scale = 10.0 ** int(rng.integers(-3, 5))
    vals = rng.normal(0, scale, n)
    if rng.random() < 0.5:
        vals = np.round(vals)
    sep = [", ", ",", " "][int(rng.integers(0, 3))]
    return sep.join(f"{v:g}" for v in vals)


def _mutate_text(current: str, rng: np.random.Generator) -> str:
    parts = [p for p in re.split(r"[,\s;]+", current) if p]
    if not parts:
        return _numbers_text(rng)
    i = int(rng.integers(0, len(parts)))
    op = rng.integers(0, 4)
    if op == 0:
        parts[i] = f"{rng.normal(0, 100):g}"
    elif op == 1:
        del parts[i]
    elif op == 2:
        parts.insert(i, JUNK_TEXT[int(rng.integers(0, len(JUNK_TEXT)))])
    else:
        parts = parts * int(rng.integers(2, 5))
    return ", ".join(parts)


def random_text(current: str, rng: np.random.Generator, max_chars: int = 0) -> str:
    r = rng.random()
    if r < 0.35:
        text = JUNK_TEXT[int(rng.integers(0, len(JUNK_TEXT)))]
    elif r < 0.65:
        text = _numbers_text(rng)
    elif r < 0.9:
        text = _mutate_text(current or "", rng)
    else:
        text = "".join(rng.choice(list(string.printable + "가나다합성곱😀"), int(rng.integers(1, 60))))
    return text[:max_chars] if max_chars else text


def _pick(options: list[Any], rng: np.random.Generator) -> Any:
    return options[int(rng.integers(0, len(options)))]


def _slider_value(knob: Knob, rng: np.random.Generator) -> Any:
    p = knob.element.proto
    lo, hi, step = p.min, p.max, p.step or 1
    is_int = p.data_type == SLIDER_INT
    n_steps = max(0, int(math.floor((hi - lo) / step + 1e-9)))

    def one() -> float:
        r = rng.random()
        k = 0 if r < 0.15 else n_steps if r < 0.3 else int(rng.integers(0, n_steps + 1))
        v = lo + k * step
        return int(round(v)) if is_int else float(min(v, hi))

    if knob.extra.get("range"):
        a, b = sorted((one(), one()))
        return [a, b]
    return one()


def _number_value(knob: Knob, rng: np.random.Generator) -> Any:
    p = knob.element.proto
    is_int = p.data_type == NUMBER_INT
    lo = p.min if p.has_min else -1e6
    hi = p.max if p.has_max else 1e6
    lo, hi = max(lo, -1e12), min(hi, 1e12)
    r = rng.random()
    if r < 0.2:
        v = lo
    elif r < 0.4:
        v = hi
    elif r < 0.55 and lo <= 0 <= hi:
        v = 0
    elif r < 0.8 and p.step:
        v = lo + p.step * int(rng.integers(0, max(1, int(min((hi - lo) / p.step, 1e9))) + 1))
    else:
        v = lo + (hi - lo) * rng.random()
    v = min(max(v, lo), hi)
    return int(round(v)) if is_int else float(v)


def _subset(options: list[Any], rng: np.random.Generator, max_n: int = 0) -> list[Any]:
    n = int(rng.integers(0, len(options) + 1))
    if max_n:
        n = min(n, max_n)
    idx = sorted(rng.choice(len(options), size=n, replace=False).tolist())
    return [options[i] for i in idx]


def _cell_value(dtype: Any, current: Any, rng: np.random.Generator) -> Any:
    kind = getattr(dtype, "kind", "O")
    if kind == "b":
        return bool(rng.random() < 0.5)
    if kind in "iuf":
        r = rng.random()
        if r < 0.1:
            return None  # a cleared cell
        if r < 0.2:
            return float(_pick([1e12, -1e12, 1e308, -1e308, 0.0, -0.0, 1e-12], rng))
        v = rng.normal(0, 10) if rng.random() < 0.5 else rng.integers(-300, 300)
        return int(v) if kind in "iu" else float(v)
    return random_text(str(current), rng, 200)


def _editor_state(knob: Knob, at: Any, rng: np.random.Generator) -> dict[str, Any]:
    df = knob.element.value
    try:
        state = dict(at.session_state[knob.key])
    except (KeyError, TypeError, ValueError):
        state = {}
    edited = {int(k): dict(v) for k, v in (state.get("edited_rows") or {}).items()}
    if len(df) and len(df.columns):
        for _ in range(int(rng.integers(1, 4))):
            row = int(rng.integers(0, len(df)))
            col = df.columns[int(rng.integers(0, len(df.columns)))]
            edited.setdefault(row, {})[str(col)] = _cell_value(df[col].dtype, df[col].iloc[row], rng)
    return {
        "edited_rows": edited,
        "added_rows": list(state.get("added_rows") or []),
        "deleted_rows": list(state.get("deleted_rows") or []),
    }


def random_value(knob: Knob, at: Any, rng: np.random.Generator) -> Any:
    """A random, type-valid value for `knob` (what a user could enter)."""
    k = knob.kind
    if k == "slider":
        return _slider_value(knob, rng)
    if k == "select_slider":
        if knob.extra.get("range"):
            i, j = sorted(rng.integers(0, len(knob.options), 2).tolist())
            return [knob.options[i], knob.options[j]]
        return _pick(knob.options, rng)
    if k == "number_input":
        return _number_value(knob, rng)
    if k in ("selectbox", "radio"):
        return _pick(knob.options, rng)
    if k == "multiselect":
        return _subset(knob.options, rng, int(getattr(knob.element.proto, "max_selections", 0) or 0))
    if k == "segmented":
        return None if rng.random() < 0.1 else _pick(knob.options, rng)
    if k == "pills":
        return _subset(knob.options, rng)
    if k in ("checkbox", "toggle"):
        return bool(rng.random() < 0.5)
    if k in ("text_input", "text_area"):
        return random_text(str(knob.element.value or ""), rng, int(getattr(knob.element.proto, "max_chars", 0) or 0))
    if k == "data_editor":
        return _editor_state(knob, at, rng)
    if k == "expander":
        return bool(rng.random() < 0.7)  # mostly opened: what is inside gets fuzzed too
    if k == "button":
        return "click"
    raise ValueError(f"unknown knob kind {k}")


def apply(knob: Knob, at: Any, value: Any) -> None:
    if knob.kind in ("data_editor", "expander"):
        at.session_state[knob.key] = value
    elif knob.kind == "button":
        knob.element.click()
    else:
        knob.element.set_value(value)


def replay_line(knob: Knob, value: Any) -> str:
    """One line of AppTest code that replays this step."""
    if knob.kind in ("data_editor", "expander"):
        return f"at.session_state[{knob.key!r}] = {value!r}"
    finder = {
        "segmented": "button_group",
        "pills": "button_group",
    }.get(knob.kind, knob.kind)
    sel = f"at.{finder}(key={knob.key!r})" if knob.key else f"at.{finder}[<label {knob.label!r}>]"
    if knob.kind == "button":
        return f"{sel}.click()"
    return f"{sel}.set_value({value!r})"


# ----------------------------------------------------------------------------------------------- the fuzzer


@contextlib.contextmanager
def full_error_details():
    """Show the real exception message in AppTest (the app's config redacts it for users)."""
    from streamlit import config

    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "full")
    try:
        yield
    finally:
        config.set_option("client.showErrorDetails", before)


@dataclass
class FuzzReport:
    script: str
    cases: int = 0
    widgets_seen: set[str] = field(default_factory=set)
    messages: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        msgs = ", ".join(f"{k}×{v}" for k, v in sorted(self.messages.items()))
        return (
            f"{self.script}: {self.cases} cases, {len(self.widgets_seen)} widgets, {self.seconds:.1f}s, "
            f"messages [{msgs}], {len(self.failures)} failures"
        )


def fuzz_page(
    script: str,
    *,
    cases: int,
    seed: int,
    walk: int = 5,
    max_changes: int = 4,
    setup: Callable[[Any], None] | None = None,
    buttons: bool = False,
    button_filter: Callable[[Any], bool] | None = None,
    query: dict[str, str] | None = None,
    stop_at_first: bool = True,
    factory: Callable[[str], Any] = page_app,
) -> FuzzReport:
    """Fuzz one page for `cases` reruns: random walks of `walk` steps from a fresh app, 1…`max_changes`
    widgets changed per step. `setup(at)` runs on every fresh app before its first run (e.g. to put runs in
    session state). Returns a report; failures carry a reproduction."""
    import time

    with full_error_details():
        return _fuzz_page(
            script,
            cases,
            seed,
            walk,
            max_changes,
            setup,
            buttons,
            button_filter,
            query,
            stop_at_first,
            factory,
            time.perf_counter(),
        )


def _fuzz_page(
    script, cases, seed, walk, max_changes, setup, buttons, button_filter, query, stop_at_first, factory, t0
) -> FuzzReport:
    import time

    rng = np.random.default_rng(seed)
    report = FuzzReport(script)
    at = None
    steps: list[str] = []
    while report.cases < cases:
        if at is None or len(steps) >= walk:
            at = factory(script)
            if setup is not None:
                setup(at)
            for k, v in (query or {}).items():
                at.query_params[k] = v
            at.run()
            steps = []
            findings, shown = check_page(at)
            if findings:
                report.failures.append(_describe(script, seed, report.cases, ["<first run>"], findings))
                if stop_at_first:
                    break
                at = None
                continue
        knobs = discover(at, buttons=buttons, button_filter=button_filter)
        if not knobs:
            report.cases += 1  # nothing to turn: the first run was the case
            at = None
            continue
        lines = random_step(at, knobs, rng, max_changes, seen=report.widgets_seen)
        steps.append("\n".join(lines))
        at.run()
        report.cases += 1
        findings, shown = check_page(at)
        for key in shown:
            report.messages[key] = report.messages.get(key, 0) + 1
        if findings:
            report.failures.append(_describe(script, seed, report.cases, steps, findings))
            if stop_at_first:
                break
            at = None
    report.seconds = time.perf_counter() - t0
    return report


def random_step(at: Any, knobs: list[Knob], rng: np.random.Generator, max_changes: int = 4, seen=None) -> list[str]:
    """Set 1…max_changes random knobs to random values (not yet run). Returns the replay lines."""
    n = int(rng.integers(1, min(max_changes, len(knobs)) + 1))
    chosen = [knobs[i] for i in rng.choice(len(knobs), size=n, replace=False)]
    # at most one button per step, pressed last (a click is an event, not a state)
    chosen = [k for k in chosen if k.kind != "button"] + [k for k in chosen if k.kind == "button"][:1]
    lines = []
    for knob in chosen:
        value = random_value(knob, at, rng)
        if seen is not None:
            seen.add(knob.name)
        try:
            apply(knob, at, value)
        except Exception as err:  # the test harness could not set it (e.g. a value AppTest can't serialize)
            lines.append(f"# could not set {knob.name}: {type(err).__name__}: {err}")
            continue
        lines.append(replay_line(knob, value))
    return lines


def _describe(script: str, seed: int, case: int, steps: list[str], findings: list[Finding]) -> str:
    replay = "\n".join(
        [f"at = page_app({script!r}); at.run()"] + [f"{s}\nat.run()" for s in steps if not s.startswith("<")]
    )
    what = "\n".join(f"[{f.kind}] {f.detail}" for f in findings)
    return f"{script} (seed {seed}, case {case}):\n{what}\n--- repro (tests.conftest.page_app) ---\n{replay}\n"


# ----------------------------------------------------------------------------------------------- URL fuzzing

HOSTILE_URL_VALUES = [
    "abc",
    "",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "99999999999999999999",
    "-5",
    "-1",
    "0",
    "2.5",
    "３",  # full-width 3
    "한글",
    "😀",
    "%00",
    "<b>x</b>",
    "true",
    "None",
    "[1,2]",
    "1,2,3",
    "x" * 300,
]


@dataclass
class UrlCase:
    params: dict[str, list[str]]
    unknown: set[str]


def url_cases(bound: dict[str, Knob], rng: np.random.Generator, n: int) -> list[UrlCase]:
    """`n` hostile query strings: 2–5 params each, mixing known keys with hostile values, repeated keys and
    unknown keys."""
    keys = sorted(bound)
    cases = []
    for _ in range(n):
        params: dict[str, list[str]] = {}
        unknown: set[str] = set()
        for _ in range(int(rng.integers(2, 6))):
            r = rng.random()
            if keys and r < 0.65:
                key = _pick(keys, rng)
                vals = [_pick(HOSTILE_URL_VALUES, rng)]
                if rng.random() < 0.2:
                    vals.append(_pick(HOSTILE_URL_VALUES, rng))  # repeated key
                params[key] = vals
            else:
                key = _pick(["zz_unknown", "utm_source", "conv2d_strid", "__proto__", "키", "a b", "x" * 60], rng)
                params[key] = [_pick(HOSTILE_URL_VALUES, rng)]
                unknown.add(key)
        cases.append(UrlCase(params, unknown))
    return cases


def _as_float(raw: str) -> float | None:
    try:
        return float(raw)
    except ValueError:
        return None


def clearly_invalid(knob: Knob, raws: list[str]) -> bool:
    """Is this URL value one the widget must refuse (so the frame must list it)?"""
    k = knob.kind
    if k in ("slider", "number_input"):
        p = knob.element.proto
        is_range = k == "slider" and knob.extra.get("range")
        if len(raws) != (2 if is_range else 1):
            return True
        for raw in raws:
            v = _as_float(raw)
            if v is None or math.isnan(v) or math.isinf(v):
                return True
            lo = p.min if (k == "slider" or p.has_min) else -math.inf
            hi = p.max if (k == "slider" or p.has_max) else math.inf
            if not lo <= v <= hi:
                return True
        return False
    if k in ("selectbox", "radio", "segmented"):
        return len(raws) != 1 or raws[0] not in {str(o) for o in knob.options}
    if k in ("checkbox", "toggle"):
        return len(raws) != 1 or raws[0].strip().lower() not in {"true", "false"}
    return False


def url_notice(at: Any) -> str | None:
    """The text of the frame's "ignored link settings" notice, or None."""
    for el in at.info:
        if known_message(str(el.value)) == IGNORED_URL_KEY:
            return str(el.value)
    return None


def check_url_case(at: Any, case: UrlCase, bound: dict[str, Knob]) -> list[str]:
    """Problems after running the page with `case.params` in the URL (empty list = fine)."""
    problems = [f"{f.kind}: {f.detail}" for f in check_page(at)[0]]
    from ui.page import cut

    notice = url_notice(at) or ""
    listed_all = not re.search(r"(and \d+ more|외 \d+개)$", notice)  # past ui.page.NOTICE_ITEMS: "and N more"
    for key in case.unknown:
        if listed_all and f"{cut(key)}=" not in notice:
            problems.append(f"unknown key {key!r} not in the notice {notice!r}")
        if key in at.query_params:
            problems.append(f"unknown key {key!r} still in the URL")
    for key, raws in case.params.items():
        if key in case.unknown or key not in bound:
            continue
        knob = bound[key]
        if clearly_invalid(knob, raws):
            if key not in at.session_state and key in at.query_params:
                continue  # its widget was not drawn (the page stopped before it): pending, judged when drawn (ui.page)
            if listed_all and f"{cut(key)}=" not in notice:
                problems.append(f"invalid {key}={raws!r} ({knob.kind}) not in the notice {notice!r}")
            try:
                value = at.session_state[key]
            except KeyError:
                continue
            if len(raws) == 1 and _same(raws[0], value) and not isinstance(value, str):
                problems.append(f"widget {key} took the invalid value {raws[0]!r}")
            if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
                problems.append(f"widget {key} holds {value}")
    return problems


def _other_number(knob: Knob) -> int | float | None:
    """A valid value of a one-value slider or number input other than its current one (its max, else its min), or
    None (a range slider, a number input without bounds, or min = max)."""
    p, current = knob.element.proto, knob.element.value
    if knob.kind == "slider" and not knob.extra.get("range"):
        lo, hi = p.min, p.max
    elif knob.kind == "number_input" and p.has_min and p.has_max:
        lo, hi = p.min, p.max
    else:
        return None
    is_int = p.data_type == (SLIDER_INT if knob.kind == "slider" else NUMBER_INT)
    lo, hi = (int(lo), int(hi)) if is_int else (lo, hi)
    other = hi if current != hi else lo
    return None if other == current else other


def bound_knobs(at: Any, script: str, setup: Callable[[Any], None] | None = None) -> dict[str, Knob]:
    """The page's widgets whose value lives in the URL: `bind="query-params"` ones (their proto names the query
    key), and the ones a page links by hand (`ui.state.choice`, `linked_number`, `ranged_slider`), found by a probe
    run that puts a valid non-default option or number in the URL and sees the widget take it."""
    knobs = {k.key: k for k in discover(at) if k.key}
    bound = {key: k for key, k in knobs.items() if getattr(k.element.proto, "query_param_key", "")}
    options: dict[str, Any] = {}
    numbers: dict[str, Any] = {}
    for key, k in knobs.items():
        if key in bound:
            continue
        if k.kind in ("selectbox", "radio", "segmented") and len(k.options or []) > 1:
            options[key] = next(o for o in k.options if o != k.element.value)
        elif k.kind in ("slider", "number_input") and (number := _other_number(k)) is not None:
            numbers[key] = number
    # two probes: another option of a section picker would hide the numbers of the section in view
    for wanted in (options, numbers):
        if not wanted:
            continue
        probe = page_app(script)
        if setup is not None:
            setup(probe)
        for key, other in wanted.items():
            probe.query_params[key] = str(other)
        probe.run()
        for key, other in wanted.items():
            try:
                if probe.session_state[key] == other:
                    bound[key] = knobs[key]
            except KeyError:
                pass
    return bound


def iter_failures(reports: Iterable[FuzzReport]) -> list[str]:
    return [f for r in reports for f in r.failures]


# ----------------------------------------------------------------------------------------------- a tiny run


TINY_SPECS = (
    {"type": "Conv2D", "filters": 4, "kernel_size": 3, "strides": 1, "padding": "valid", "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2},
    {"type": "Flatten"},
    {"type": "Dense", "units": 10, "activation": "softmax"},
)


def make_tiny_run(run_id: str = "tiny-1", *, seed: int = 0, n: int = 256) -> Any:
    """A `playground.run.Run` with a really trained (tiny) model: 256 real Fashion-MNIST images, 1 epoch."""
    import keras

    from playground.data import load_fashion_mnist
    from playground.lab.model import build_model
    from playground.run import Run, TrainConfig

    config = TrainConfig(
        specs=TINY_SPECS, epochs=1, batch_size=64, train_size=n, validation_split=0.25, seed=seed, preset="quick"
    )
    keras.utils.set_random_seed(seed)
    model = build_model(config)
    (x, y), _ = load_fashion_mnist()
    batch_losses: list[float] = []

    class _Batches(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            batch_losses.append(float((logs or {}).get("loss", 0.0)))

    fit = model.fit(
        x[:n, ..., None], y[:n], validation_split=0.25, epochs=1, batch_size=64, verbose=0, callbacks=[_Batches()]
    )
    history = {k: [float(v) for v in vs] for k, vs in fit.history.items()}
    history.setdefault("learning_rate", [float(config.learning_rate)])
    return Run(
        run_id=run_id,
        config=config,
        history=history,
        status="finished",
        model=model,
        batch_loss=batch_losses,
        duration_s=1.0,
    )
