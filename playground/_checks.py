"""Argument checks in the manner of Keras: every message names the argument, what is allowed and what came in.

    Invalid value received for argument `rate`. Expected a number in the range [0, 1). Received: rate=1.5

Learners read these messages on the page, so they say what to change. One helper per kind of check; modules call
them instead of writing the sentence by hand. Each returns the value, converted (an int, a float, a str), so a
check can be the assignment: ``rate = check_number("rate", rate, low=0, high=1, high_open=True)``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from playground.messages import Phrase, Problem

__all__ = [
    "check_array",
    "check_arguments",
    "check_bool",
    "check_choice",
    "check_int",
    "check_number",
    "check_pair",
    "invalid",
]


def invalid(
    argument: str, expected: str, received: object, *, show: str | Phrase | None = None, **values: Any
) -> Problem:
    """The ValueError for `argument`: ``Invalid value received for argument `x`. Expected …. Received: x=…``.

    Args:
        argument: the argument's name (Keras's name where there is one); two as "a and b".
        expected: what is allowed, as a phrase template filled with `values` ("an odd integer in the range
            [{low}, {high}]"; literal braces doubled). A page translates it (ui/texts/errors.py), so no f-strings.
        received: the value that came in (shown with repr for strings).
        show: how to show what came in, when not ``argument=repr(received)`` (e.g. "shape=(3, 4)"): shown as it is;
            a `Phrase` when it holds words ("{count} layers").
        **values: the fields of `expected`.
    """
    if show is None:
        shown = repr(received) if isinstance(received, str) else received
        show = f"{argument}={shown}"
    what = Phrase(expected, **values)
    names = argument.split(" and ")
    if len(names) == 2:
        return Problem(
            "Invalid value received for arguments `{first}` and `{second}`. Expected {expected}. Received: {received}",
            first=names[0],
            second=names[1],
            expected=what,
            received=show,
        )
    return Problem(
        "Invalid value received for argument `{argument}`. Expected {expected}. Received: {received}",
        argument=argument,
        expected=what,
        received=show,
    )


# What a number must be, by which bounds it has: (low given, high given) → template per open/closed side.
_BOUNDED = {
    "an integer": {
        (True, True): "an integer in the range {interval}",
        (True, False): "an integer ≥ {low}",
        (False, True): "an integer ≤ {high}",
        (False, False): "an integer",
    },
    "a number": {
        (True, True): "a number in the range {interval}",
        (True, False): "a number ≥ {low}",
        (False, True): "a number ≤ {high}",
        (False, False): "a finite number",
    },
}
_OPEN = {"a number ≥ {low}": "a number > {low}", "a number ≤ {high}": "a number < {high}"}


def _bounded(
    noun: str, low: float | None, high: float | None, low_open: bool = False, high_open: bool = False
) -> tuple[str, dict[str, str]]:
    """The template and values saying `noun` within the bounds: ("an integer in the range {interval}",
    {"interval": "[1, 7]"}), ("a number > {low}", {"low": "0"})."""
    template = _BOUNDED[noun][low is not None, high is not None]
    if low is not None and high is not None:
        interval = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
        return template, {"interval": interval}
    if low is not None:
        return (_OPEN[template] if low_open else template), {"low": f"{low:g}"}
    if high is not None:
        return (_OPEN[template] if high_open else template), {"high": f"{high:g}"}
    return template, {}


def check_int(
    argument: str, value: Any, *, low: int | None = None, high: int | None = None, whole_floats: bool = True
) -> int:
    """An integer (bools refused; 3.0 accepted as 3 unless `whole_floats` is False) in [low, high]; either bound
    may be None."""
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
    if not ok and whole_floats and isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        ok = math.isfinite(float(value)) and float(value).is_integer()
    if not ok or (low is not None and int(value) < low) or (high is not None and int(value) > high):
        template, bounds = _bounded("an integer", low, high)
        raise invalid(argument, template, value, **bounds)
    return int(value)


def check_number(
    argument: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """A finite real number in the interval from `low` to `high` (closed unless `low_open` / `high_open`)."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_) and math.isfinite(float(value))
    if ok:
        v = float(value)
        ok = not (
            (low is not None and (v < low or (low_open and v == low)))
            or (high is not None and (v > high or (high_open and v == high)))
        )
    if not ok:
        template, bounds = _bounded("a number", low, high, low_open, high_open)
        raise invalid(argument, template, value, **bounds)
    return float(value)


def check_pair(argument: str, value: Any, *, low: int = 1) -> tuple[int, int]:
    """An integer or a pair of integers, each ≥ `low`, as a pair (rows, columns) — Keras's ``kernel_size=3``."""
    pair = tuple(value) if isinstance(value, tuple | list | np.ndarray) else (value, value)
    try:
        if len(pair) != 2:
            raise ValueError
        return check_int(argument, pair[0], low=low), check_int(argument, pair[1], low=low)
    except ValueError:
        if low == 1:
            raise invalid(argument, "a positive integer or a pair of positive integers", value) from None
        raise invalid(argument, "an integer ≥ {low} or a pair of integers ≥ {low}", value, low=low) from None


def check_bool(argument: str, value: Any) -> bool:
    """True or False (numpy's bools too; not 0 or 1)."""
    if not isinstance(value, bool | np.bool_):
        raise invalid(argument, "True or False", value)
    return bool(value)


def check_choice(argument: str, value: Any, allowed: Iterable[Any], *, lower: bool = False) -> Any:
    """One of `allowed` (compared with ==; a string lower-cased first when `lower`, as Keras reads "SAME")."""
    allowed = list(allowed)
    if lower and isinstance(value, str):
        value = value.lower()
    if value not in allowed:
        raise invalid(argument, "one of {allowed}", value, allowed=", ".join(repr(a) for a in allowed))
    return value


def check_arguments(given: Mapping[str, Any], allowed: Iterable[str], owner: str) -> None:
    """Every name in `given` is one of `allowed` (the arguments `owner` — a layer, an optimizer — takes)."""
    allowed = list(allowed)
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        name = unknown[0]
        raise Problem(
            "Invalid argument `{name}` for {owner}. Expected an argument of {owner} ({allowed}). Received: {received}",
            name=name,
            owner=owner,
            allowed=", ".join(allowed) or Phrase("none"),
            received=f"{name}={given[name]!r}",
        )


def check_array(
    argument: str,
    value: Any,
    *,
    ndims: Iterable[int] | None = None,
    finite: bool = True,
    empty: bool = True,
    float32: bool = False,
) -> np.ndarray:
    """A numeric array with one of the numbers of dimensions `ndims` (None: any), as float64.

    Only finite values when `finite`; at least one value unless `empty`; a float32 array stays float32 (no copy)
    when `float32` is set.
    """
    try:
        keep = float32 and isinstance(value, np.ndarray) and value.dtype == np.float32
        array = value if keep else np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        shown = Phrase("{argument} of type {type}", argument=argument, type=type(value).__name__)
        raise invalid(argument, "a numeric array", value, show=shown) from None
    if ndims is not None and array.ndim not in (ndims := tuple(ndims)):
        names = [f"{n}-D" for n in ndims]
        dims = Phrase("{first} or {second}", first=names[0], second=names[1]) if len(names) == 2 else " / ".join(names)
        shown = Phrase("{argument} with shape {shape}", argument=argument, shape=array.shape)
        raise invalid(argument, "a {dims} array", value, show=shown, dims=dims)
    if not empty and array.size == 0:
        shown = Phrase("{argument} with shape {shape}", argument=argument, shape=array.shape)
        raise invalid(argument, "at least one value", value, show=shown)
    if finite and not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].flat[0]
        shown = Phrase("{argument} containing {bad}", argument=argument, bad=bad)
        raise invalid(argument, "finite numbers (no inf or NaN)", value, show=shown)
    return array
