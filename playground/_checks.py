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


def invalid(argument: str, expected: str, received: object, *, show: str | None = None) -> ValueError:
    """The ValueError for `argument`: ``Invalid value received for argument `x`. Expected …. Received: x=…``.

    Args:
        argument: the argument's name (Keras's name where there is one); several as "a and b".
        expected: what is allowed, as a phrase ("an integer in [1, 7]").
        received: the value that came in (shown with repr for strings).
        show: how to show what came in, when not ``argument=repr(received)`` (e.g. "shape=(3, 4)").
    """
    if show is None:
        shown = repr(received) if isinstance(received, str) else received
        show = f"{argument}={shown}"
    names = " and ".join(f"`{name}`" for name in argument.split(" and "))
    plural = "arguments" if " and " in argument else "argument"
    return ValueError(f"Invalid value received for {plural} {names}. Expected {expected}. Received: {show}")


def _interval(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    if low is not None and high is not None:
        return f"in the range {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    if low is not None:
        return f"{'>' if low_open else '≥'} {low:g}"
    if high is not None:
        return f"{'<' if high_open else '≤'} {high:g}"
    return ""


def check_int(
    argument: str, value: Any, *, low: int | None = None, high: int | None = None, whole_floats: bool = True
) -> int:
    """An integer (bools refused; 3.0 accepted as 3 unless `whole_floats` is False) in [low, high]; either bound
    may be None."""
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
    if not ok and whole_floats and isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        ok = math.isfinite(float(value)) and float(value).is_integer()
    if not ok or (low is not None and int(value) < low) or (high is not None and int(value) > high):
        where = _interval(low, high, False, False)
        raise invalid(argument, f"an integer {where}".strip(), value)
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
        where = _interval(low, high, low_open, high_open)
        raise invalid(argument, f"a number {where}" if where else "a finite number", value)
    return float(value)


def check_pair(argument: str, value: Any, *, low: int = 1) -> tuple[int, int]:
    """An integer or a pair of integers, each ≥ `low`, as a pair (rows, columns) — Keras's ``kernel_size=3``."""
    pair = tuple(value) if isinstance(value, tuple | list | np.ndarray) else (value, value)
    what = "positive integer" if low == 1 else f"integer ≥ {low}"
    try:
        if len(pair) != 2:
            raise ValueError
        return check_int(argument, pair[0], low=low), check_int(argument, pair[1], low=low)
    except ValueError:
        raise invalid(argument, f"a {what} or a pair of {what}s", value) from None


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
        raise invalid(argument, f"one of {', '.join(repr(a) for a in allowed)}", value)
    return value


def check_arguments(given: Mapping[str, Any], allowed: Iterable[str], owner: str) -> None:
    """Every name in `given` is one of `allowed` (the arguments `owner` — a layer, an optimizer — takes)."""
    allowed = list(allowed)
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        name = unknown[0]
        raise ValueError(
            f"Invalid argument `{name}` for {owner}. Expected an argument of {owner} ({', '.join(allowed) or 'none'}). "
            f"Received: {name}={given[name]!r}"
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
        raise invalid(argument, "a numeric array", value, show=f"{argument} of type {type(value).__name__}") from None
    if ndims is not None and array.ndim not in (ndims := tuple(ndims)):
        dims = " or ".join(f"{n}-D" for n in ndims)
        raise invalid(argument, f"a {dims} array", value, show=f"{argument} with shape {array.shape}")
    if not empty and array.size == 0:
        raise invalid(argument, "at least one value", value, show=f"{argument} with shape {array.shape}")
    if finite and not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].flat[0]
        raise invalid(argument, "finite numbers (no inf or NaN)", value, show=f"{argument} containing {bad}")
    return array
