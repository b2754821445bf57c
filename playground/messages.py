"""Error messages as a template and its values, so a page can say them in the learner's language.

The core speaks English (``str(err)`` is the sentence Keras would write), but the app is also Korean. A message that
a learner can meet is therefore raised as a `Problem`: its English template and the values that fill it. The page
looks the template up in its translation table (``ui/texts/errors.py``, keyed by the English template, as gettext
keys by the English text) and fills the translation with the same values::

    raise Problem("This image declares an empty size ({width} × {height}).", width=0, height=12)
    str(err)      # 'This image declares an empty size (0 × 12).'
    err.template  # 'This image declares an empty size ({width} × {height}).'
    err.values    # {'width': 0, 'height': 12}

A value may itself be a `Phrase` (a part of a sentence with its own template, such as "an integer in the range
{interval}") or another `Problem` (the reason a layer was refused, inside "Layer 2 (Conv2D): {reason}"); both are
translated the same way. Any other value (a number, a shape, a file name, a message of Pillow or Keras) is shown as
it is. Templates use `str.format` fields; a literal brace is written twice.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["Phrase", "Problem", "described", "fields", "render"]

Translate = Callable[[str], str]


def _english(template: str) -> str:
    return template


def fields(template: str) -> set[str]:
    """The names of a template's fields: ``fields("{width} × {height:,}")`` → {"width", "height"}."""
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template) if field}


class Phrase:
    """A part of a message: a template and its values (``Phrase("at most {limit} layers", limit=12)``).

    ``str(phrase)`` is the English text; ``render(phrase, translate)`` another language's.
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: Any) -> None:
        self.template = template
        self.values = values
        missing = fields(template) - set(values)
        if missing:  # a field without a value fails here, where the message is written, not where it is shown
            raise KeyError(f"no value for {sorted(missing)} in the message template {template!r}")

    def __str__(self) -> str:
        return render(self, _english)

    def __repr__(self) -> str:
        return f"Phrase({str(self)!r})"

    def __reduce__(self) -> tuple:
        return (_phrase, (self.template, dict(self.values)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)


class Problem(ValueError):
    """A ValueError whose message is a template and its values (see the module's docstring).

    Args:
        template: the English sentence with ``{name}`` fields (``str.format``; literal braces doubled).
        **values: the fields' values: numbers, text, or `Phrase` / `Problem` objects translated in turn.
    """

    def __init__(self, template: str, /, **values: Any) -> None:
        self.phrase = Phrase(template, **values)
        super().__init__(str(self.phrase))

    def __reduce__(self) -> tuple:
        """Pickled as its template, values and attributes (a subclass's too), so it crosses a process boundary (a Ray
        worker's error) still translatable."""
        return (_rebuild, (type(self), self.template, dict(self.values), dict(self.__dict__)))

    @property
    def template(self) -> str:
        return self.phrase.template

    @property
    def values(self) -> Mapping[str, Any]:
        return self.phrase.values


def _phrase(template: str, values: dict[str, Any]) -> Phrase:
    return Phrase(template, **values)


def described(err: BaseException) -> str:
    """An error as a log line names it, ``"ValueError: …"``: a Problem is named as the ValueError it is."""
    name = "ValueError" if isinstance(err, Problem) else type(err).__name__
    return f"{name}: {err}"


def _rebuild(cls: type[Problem], template: str, values: dict[str, Any], state: dict[str, Any]) -> Problem:
    problem = cls.__new__(cls)
    Problem.__init__(problem, template, **values)
    problem.__dict__.update(state)
    return problem


def render(message: Phrase | BaseException | str, translate: Translate, fill: Callable[..., str] | None = None) -> str:
    """`message` in another language: each template passed through `translate` (English template → that language's
    template, or the English one when it has none), then filled with its values, rendered the same way.

    fill(template, values) fills a template (default ``template.format(**values)``; Korean passes its particle-aware
    filling). A plain exception or string is returned as its text.
    """
    if isinstance(message, Problem):
        message = message.phrase
    if not isinstance(message, Phrase):
        return str(message)
    values = {
        name: render(value, translate, fill) if isinstance(value, Phrase | Problem) else value
        for name, value in message.values.items()
    }
    template = translate(message.template)
    try:
        return fill(template, values) if fill else template.format(**values)
    except (KeyError, IndexError, ValueError, TypeError):  # a broken translation: the whole message in English
        return str(message)
