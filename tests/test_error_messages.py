"""Every error a learner can meet is said in their language.

The core raises `playground.messages.Problem` (an English template and its values); ui/texts' ERRORS table holds each
template's Korean. These tests read the core's source for every template it raises (the first argument of `Problem`
and `Phrase`, the `expected` argument of `invalid`), and fail when one has no translation, when a translation's fields
differ from the English, when a template is built at run time (an f-string cannot be looked up), or when a module a
learner's input reaches still raises a bare ValueError with an English sentence.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from playground._checks import _BOUNDED, _OPEN, check_int, check_number, check_pair, invalid
from playground.messages import Phrase, Problem
from ui.glossary import english_words, stray_variants
from ui.i18n import fill_korean, say
from ui.texts import ERRORS

CORE = Path(__file__).resolve().parents[1] / "playground"

# Modules whose errors only a developer or an operator meets (a broken dataset file, a lesson file's author, a
# frames file of the lab's own writing, a caller passing a wrong figure): their messages stay English.
DEVELOPER_ONLY = {
    "data.py",
    "lessons.py",
    "run.py",
    "runstore.py",
    "code_comments.py",
    "lab/watch.py",
    "figures/training.py",
    "figures/further.py",
    "figures/evaluation.py",
    "figures/common.py",
    "messages.py",
}


def _sources() -> list[tuple[str, ast.AST]]:
    return [(str(path.relative_to(CORE)), ast.parse(path.read_text())) for path in sorted(CORE.rglob("*.py"))]


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _template_args() -> list[tuple[str, int, ast.expr]]:
    """(module, line, the template argument) for every Problem(...), Phrase(...) and invalid(arg, expected, ...)."""
    found = []
    for module, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            index = {"Problem": 0, "Phrase": 0, "invalid": 1}.get(name)
            if index is None or module == "messages.py" or len(node.args) <= index:
                continue
            found.append((module, node.lineno, node.args[index]))
    return found


def _literals(arg: ast.expr) -> list[str] | None:
    """The template strings an argument can be: a literal, or either literal of ``"…" if cond else "…"``; None when
    it is built at run time."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, orelse = _literals(arg.body), _literals(arg.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _templates() -> set[str]:
    """Every template the core can raise: the literal ones in its source, and the bounded-number phrases."""
    literal = {template for _, _, arg in _template_args() for template in _literals(arg) or []}
    bounded = {template for table in _BOUNDED.values() for template in table.values()} | set(_OPEN.values())
    return literal | bounded


def test_templates_are_literal_strings():
    """A template built at run time (an f-string, a concatenation) has no entry to look up: values go in fields."""
    built = [
        f"{module}:{line}"
        for module, line, arg in _template_args()
        if _literals(arg) is None
        and not (module == "_checks.py" and isinstance(arg, ast.Name) and arg.id in ("template", "expected"))
    ]
    assert not built, f"templates built at run time (use a literal with {{fields}}): {built}"


@pytest.mark.parametrize("template", sorted(_templates()))
def test_every_core_template_has_a_korean_translation(template):
    assert template in ERRORS, f"no Korean for the error template {template!r} (add it to ui/texts/errors*.py)"
    korean = ERRORS[template]["ko"]
    assert _specs(korean) == _specs(template), f"fields differ: {template!r} vs {korean!r}"
    assert korean != template
    values = _samples(template)
    assert template.format(**values) and fill_korean(korean, values)  # both fill with values of the English's kinds


def _specs(template: str) -> set[tuple[str, str, str]]:
    """Each field with its format spec and conversion: ``{pixels:,}`` → ("pixels", ",", "")."""
    return {(name, spec or "", conv or "") for _, name, spec, conv in string.Formatter().parse(template) if name}


def _samples(template: str) -> dict[str, object]:
    """A value for each field of the kind its spec formats: 12345.6 for a numeric spec, 7 otherwise ("7" reads as
    a number to Korean's particle rule, so a particle after any field is exercised)."""
    return {name: 12345.6 if spec and spec[-1] in ",dfg%e" else 7 for name, spec, _ in _specs(template)}


def test_translations_have_no_english_word():
    """Outside code spans and the glossary's code words (ui.glossary.english_words), a translation is Korean, in the
    glossary's terms (케라스, not "Keras": ui.glossary.stray_variants)."""
    found = {}
    for template, entry in ERRORS.items():
        words = english_words(re.sub(r"\{[^{}]*\}", " ", entry["ko"])) + stray_variants(entry["ko"])
        if words:
            found[template] = words
    assert not found, found


def test_no_translation_is_left_over():
    stale = sorted(set(ERRORS) - _templates())
    assert not stale, f"translations of templates the core no longer raises: {stale}"


def test_modules_a_learner_reaches_raise_problems_not_bare_sentences():
    """A `raise ValueError("…")` in a module whose errors reach a page would show English on the Korean page."""
    bare = []
    for module, tree in _sources():
        if module in DEVELOPER_ONLY:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and _name(node.exc) == "ValueError"
                and node.exc.args
            ):
                bare.append(f"{module}:{node.lineno}")
    assert not bare, f"bare ValueError sentences (raise Problem(template, **values) instead): {bare}"


def _korean(message) -> str:
    return say(message, lang="ko")


def test_a_check_is_said_in_korean_with_its_values():
    with pytest.raises(ValueError) as caught:
        check_int("kernel_size", 9, low=1, high=7)
    assert str(caught.value) == (
        "Invalid value received for argument `kernel_size`. Expected an integer in the range [1, 7]. "
        "Received: kernel_size=9"
    )
    korean = _korean(caught.value)
    assert "kernel_size" in korean and "[1, 7]" in korean and "kernel_size=9" in korean
    assert "Invalid value" not in korean and "integer" not in korean


@pytest.mark.parametrize(
    "check",
    [
        lambda: check_number("rate", 1.0, low=0, high=1, high_open=True),
        lambda: check_number("learning_rate", 0.0, low=0, low_open=True),
        lambda: check_number("x", float("nan")),
        lambda: check_pair("pool_size", 0),
        lambda: check_pair("strides", (1, -1), low=0),
    ],
)
def test_checks_read_in_korean_without_english_words(check):
    with pytest.raises(Problem) as caught:
        check()
    korean = _korean(caught.value)
    assert not any(word in korean for word in ("Invalid", "Expected", "Received", "number", "integer")), korean


def test_nested_problems_are_translated_inside_their_sentence():
    inner = invalid("units", "an integer ≥ {low}", 0, low="1")
    outer = Problem("Layer {index} ({kind}): {reason}", index=2, kind="Dense", reason=inner)
    assert str(outer).startswith("Layer 2 (Dense): Invalid value received for argument `units`")
    korean = _korean(outer)
    assert "Dense" in korean and "units=0" in korean and "Invalid" not in korean


def test_problems_survive_pickling_with_their_template():
    """A Ray worker's error comes back pickled: still a Problem with its template, values and a subclass's fields."""
    import pickle

    from playground.architecture import LayerError

    inner = invalid("units", "an integer ≥ {low}", 0, low="1")
    err = LayerError(
        Problem("Layer {index} ({kind}): {reason}", index=2, kind="Dense", reason=inner),
        index=1,
        layer_type="Dense",
        input_shape=(8,),
        rows=[],
    )
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is LayerError and str(back) == str(err)
    assert (back.index, back.layer_type, back.input_shape) == (1, "Dense", (8,))
    assert _korean(back) == _korean(err) != str(err)

    from playground.model_budget import CostError

    for other in (
        CostError(Phrase("the cost of layer {name} ({kind}) cannot be computed", name="d", kind="Dense")),
        Problem(
            "This {format} file is damaged or incomplete and cannot be decoded ({reason}).",
            format="PNG",
            reason=OSError("truncated"),
        ),
    ):
        for protocol in (0, pickle.HIGHEST_PROTOCOL):
            back = pickle.loads(pickle.dumps(other, protocol=protocol))
            assert type(back) is type(other) and str(back) == str(other)
            assert _korean(back) == _korean(other) != str(other)


def test_phrase_without_a_value_for_a_field_fails_where_it_is_written():
    with pytest.raises(KeyError, match="limit"):
        Phrase("at most {limit} layers")
