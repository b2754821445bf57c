"""URL-shareable choice widgets whose labels are translated.

Streamlit's `bind="query-params"` works well for sliders, number inputs, checkboxes and text inputs, and for
option widgets whose options are shown as they are. But with a `format_func` it writes the *label* into the
URL (`?lang=한국어`), so a link made in one language would not open in the other. `choice()` keeps the
option's id in the URL instead (`?conv2d_padding=same`) and shows the translated label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st


def choice(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    *,
    key: str,
    default: Any = None,
    format_func: Callable[[Any], str] = str,
    **kwargs: Any,
) -> Any:
    """Render `widget` (st.selectbox, st.radio, st.segmented_control, st.pills, or the sidebar's) with
    the value in the URL as `?key=<str(option)>`.

    Args:
        widget: the Streamlit widget function.
        options: option ids (str/int/...); `str(option)` is what appears in the URL.
        default: the initial option (the first one if None); when chosen, the URL parameter is removed.
        format_func: the (translated) label of an option.
    Returns:
        The selected option id (never None: a deselected segmented control falls back to `default`).
    """
    options = list(options)
    default = options[0] if default is None else default
    by_text = {str(o): o for o in options}
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = by_text.get(raw, default) if raw is not None else default
        if raw is not None and raw not in by_text:
            del st.query_params[key]  # reported by the frame as an ignored link setting
    if st.session_state[key] not in options:
        st.session_state[key] = default
    value = widget(label, options, format_func=format_func, key=key, **kwargs)
    if value is None:
        value = default
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = str(value)
    return value
