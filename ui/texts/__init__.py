"""The one translation table, assembled from one module per area.

Each module in this package defines ``TEXTS = {key: {"en": ..., "ko": ...}}`` (and the error modules
``ERRORS = {english template: {"ko": ...}}``). Keys are prefixed by the page
or area that owns them (``conv2d.title``), so modules never collide; a duplicate key is an error at import.
The Korean wording follows the course notes (합성곱, 커널, 필터, 스트라이드, 패딩, 풀링, 드롭아웃, ...).
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("en", "ko")


def _collect(name: str) -> dict:
    table: dict = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in getattr(module, name, {}).items():
            if key in table:
                raise KeyError(f"translation key {key!r} is defined twice (again in ui/texts/{info.name}.py)")
            table[key] = entry
    return table


TEXTS: dict[str, dict[str, str]] = _collect("TEXTS")

# The core's error messages (playground.messages.Problem), keyed by their English template: {template: {"ko": ...}}.
# Modules define ``ERRORS``; tests/test_error_messages.py checks that every template the core raises has one.
ERRORS: dict[str, dict[str, str]] = _collect("ERRORS")
