"""The comments of generated code boxes: English by default, the caller's wording where it passes one.

The core has no UI language, so every code generator (`playground.data.load_code`,
`playground.augmentation.keras_code`, `playground.transfer.transfer_code`, `playground.lab.codegen.keras_code`)
keeps its comments in a module-level ``COMMENTS = {key: English text}`` table and takes ``comments=`` — a mapping
over the same keys, e.g. the Korean texts `ui.page.code_comments` reads from ui/texts/code.py. Only the comments
change; the code (identifiers, arguments) stays the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["comments_with"]


def comments_with(defaults: Mapping[str, str], comments: Mapping[str, str] | None) -> dict[str, str]:
    """`defaults` overridden by `comments`; a key that `defaults` lacks is a ValueError naming it.

    A comment may hold `{placeholders}` that the generator fills with `str.format`.
    """
    unknown = sorted(set(comments or {}) - set(defaults))
    if unknown:
        raise ValueError(f"comments: unknown key(s) {unknown}; allowed: {sorted(defaults)}")
    return {**defaults, **(comments or {})}
