"""The layer-stack editor: add, remove, reorder layers and edit their Keras arguments. Reused by several pages.

Usage (a page)::

    from ui.builder import layer_stack_editor
    specs = layer_stack_editor("train_stack", DEFAULT_SPECS, allowed_types=["Conv2D", "MaxPooling2D", ...])
    rows = summarize(specs, input_shape)          # or build_model(specs, input_shape)

* The stack lives in ``st.session_state[key]`` (a list of normalized spec dicts, see
  ``playground.architecture.normalize_spec``); it survives reruns and page switches.
* With ``url=True`` (the default) the stack is also in the link as ``?<key>=<stack_to_text(...)>`` whenever it
  differs from `default_specs`, so a shared link opens the same stack. A link whose stack cannot be read (or
  holds a type outside `allowed_types`) is ignored: the default is used and a notice says why.
* Every edit happens in a widget callback, before the script reruns, so the URL already matches the stack when
  the frame compares the link before/after a run.
* ``set_stack(key, specs)`` replaces the stack from a page's own callback (e.g. a "start from template" button).

The form's ranges come from ``playground.architecture.LAYER_TYPES`` (the option table), so the editor never
offers a value Keras would refuse, except the one cross-argument rule (Conv2D strides > 1 with dilation_rate > 1),
which is refused with a message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from playground.architecture import (
    LAYER_TYPES,
    Arg,
    Spec,
    normalize_spec,
    padding_rules,
    stack_from_text,
    stack_to_text,
)
from ui.i18n import say, t
from ui.page import claim_query_param, plain
from ui.texts import TEXTS

__all__ = ["arg_help", "brief", "layer_stack_editor", "set_stack"]


def _k(key: str, *parts: object) -> str:
    return "__".join([key, *map(str, parts)])


def brief(spec: Spec) -> str:
    """A one-line summary of a layer's main arguments: ``Conv2D · 16 · 3×3 · same · relu``."""

    def show(value: Any) -> str:
        if isinstance(value, tuple):
            return f"{value[0]}×{value[1]}"
        if isinstance(value, float):
            return f"{value:.4g}"
        return str(value)

    kind = spec["type"]
    parts = [kind]
    if kind == "Conv2D":
        k = spec["kernel_size"]
        parts += [str(spec["filters"]), show(k if isinstance(k, tuple) else (k, k))]
        if spec["strides"] != 1:
            parts.append(f"s{show(spec['strides'])}")
        if spec["dilation_rate"] != 1:
            parts.append(f"d{show(spec['dilation_rate'])}")
        parts.append(spec["padding"])
    elif kind in {"MaxPooling2D", "AveragePooling2D"}:
        p = spec["pool_size"]
        parts.append(show(p if isinstance(p, tuple) else (p, p)))
        if spec["strides"] is not None:
            parts.append(f"s{show(spec['strides'])}")
        parts.append(spec["padding"])
    else:
        parts += [show(spec[a.name]) for a in LAYER_TYPES[kind] if a.required and a.name != "activation"]
    if spec.get("activation"):
        parts.append(spec["activation"])
    return " · ".join(parts)


# --------------------------------------------------------------------------------------------------------------------
# State: the stack, the stable ids of its layers (widget keys follow a layer when it moves), the link
# --------------------------------------------------------------------------------------------------------------------


def _fresh_ids(key: str, n: int) -> list[int]:
    start = st.session_state.get(_k(key, "next"), 0)
    st.session_state[_k(key, "next")] = start + n
    return list(range(start, start + n))


def _sync_url(key: str) -> None:
    """Write the stack into the link (or remove it when it is the default stack)."""
    if not st.session_state.get(_k(key, "url"), False):
        return
    text = stack_to_text(st.session_state[key])
    if text == st.session_state[_k(key, "default")]:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def set_stack(key: str, specs: Sequence[Spec]) -> None:
    """Replace the stack of editor `key` (call it from a widget callback, before the editor renders).

    Raises:
        ValueError: an invalid spec (as ``normalize_spec``).
    """
    stack = [normalize_spec(s) for s in specs]
    st.session_state[key] = stack
    st.session_state[_k(key, "ids")] = _fresh_ids(key, len(stack))
    st.session_state[_k(key, "opened")] = None
    _sync_url(key)


def _init(key: str, default: list[Spec], allowed: tuple[str, ...], url: bool) -> None:
    st.session_state[_k(key, "url")] = url
    st.session_state[_k(key, "default")] = stack_to_text(default)
    if key in st.session_state and _k(key, "ids") in st.session_state:
        if url:
            _sync_url(key)  # back from another page: the link lost the parameter
        return
    stack = default
    raw = st.query_params.get(key) if url else None
    if raw is not None:
        try:
            stack = stack_from_text(raw)
            refused = [s["type"] for s in stack if s["type"] not in allowed]
            if refused:
                raise ValueError(t("builder.type_not_allowed", type=refused[0]))
            claim_query_param(key)  # the stack text is this editor's own URL state, not a widget value
        except ValueError as err:
            stack = default
            del st.query_params[key]
            claim_query_param(key)  # this editor's own notice names it, with the reason: not the frame's list too
            st.session_state[_k(key, "notice")] = err  # said when shown: in the language of then
    st.session_state[key] = stack
    st.session_state[_k(key, "ids")] = _fresh_ids(key, len(stack))
    st.session_state[_k(key, "opened")] = None


# --------------------------------------------------------------------------------------------------------------------
# Callbacks (they run before the script, so the link is up to date when the frame looks at it)
# --------------------------------------------------------------------------------------------------------------------


def _position(key: str, uid: int) -> int | None:
    """Where layer `uid` is now; None if it is gone (several callbacks can run in one rerun, e.g. an edit and a
    template that replaced the whole stack)."""
    ids = st.session_state.get(_k(key, "ids"), [])
    return ids.index(uid) if uid in ids else None


def _move(key: str, uid: int, step: int) -> None:
    ids, stack = st.session_state[_k(key, "ids")], st.session_state[key]
    i = _position(key, uid)
    if i is None:
        return
    j = i + step
    if 0 <= j < len(ids):
        ids[i], ids[j] = ids[j], ids[i]
        stack[i], stack[j] = stack[j], stack[i]
        st.session_state[_k(key, "opened")] = uid  # its label (position) changed: keep the moved card open
        _sync_url(key)


def _remove(key: str, uid: int) -> None:
    ids = st.session_state[_k(key, "ids")]
    i = _position(key, uid)
    if i is None:
        return
    del ids[i]
    del st.session_state[key][i]
    _sync_url(key)


def _add(key: str) -> None:
    layer_type = st.session_state[_k(key, "add_type")]
    uid = _fresh_ids(key, 1)[0]
    st.session_state[key].append(normalize_spec({"type": layer_type}))
    st.session_state[_k(key, "ids")].append(uid)
    st.session_state[_k(key, "opened")] = uid
    _sync_url(key)


def _reset(key: str, default: list[Spec]) -> None:
    set_stack(key, default)


def _widget_value(key: str, uid: int, arg: Arg) -> Any:
    state = st.session_state
    if arg.kind in {"pair", "optional_pair"}:
        h, w = state[_k(key, uid, arg.name, "h")], state[_k(key, uid, arg.name, "w")]
        if h is None and w is None:
            return None
        h, w = (w if h is None else h), (h if w is None else w)
        return int(h) if h == w else (int(h), int(w))
    value = state[_k(key, uid, arg.name)]
    if arg.kind == "int":
        return int(value)
    if arg.kind in {"float", "optional_float"} and value is not None:
        return float(value)
    return value


def _edit(key: str, uid: int, arg: Arg) -> None:
    i = _position(key, uid)
    if i is None:
        return
    old = st.session_state[key][i]
    try:
        new = normalize_spec({**old, arg.name: _widget_value(key, uid, arg)})
    except ValueError as err:  # the one rule the form cannot express: Conv2D strides > 1 with dilation_rate > 1
        st.session_state[_k(key, uid, "error")] = err
        _restore_widgets(key, uid, arg, old[arg.name])  # the form shows the old value again
        return
    st.session_state.pop(_k(key, uid, "error"), None)
    st.session_state[key][i] = new
    st.session_state[_k(key, "opened")] = uid
    _sync_url(key)


def _pair_fields(value: Any) -> tuple[Any, Any]:
    """A pair argument's value (3, (3, 5) or None) as its card's two fields (height, width)."""
    return (None, None) if value is None else (value if isinstance(value, tuple) else (value, value))


def _restore_widgets(key: str, uid: int, arg: Arg, value: Any) -> None:
    """Put the argument's widgets back to `value` (the spec's), as the card draws them. Written, not forgotten: a
    widget whose state is dropped keeps the refused value in the browser and sends it again with every later rerun."""
    if arg.kind in {"pair", "optional_pair"}:
        h, w = _pair_fields(value)
        st.session_state[_k(key, uid, arg.name, "h")] = h
        st.session_state[_k(key, uid, arg.name, "w")] = w
    else:
        st.session_state[_k(key, uid, arg.name)] = value


# --------------------------------------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------------------------------------


def arg_help(spec: Spec, arg: Arg) -> str:
    """The help of one argument of this layer; padding's gives this layer's own output-size rule (the core's)."""
    layer_type = spec["type"]
    if arg.name == "padding":
        rules = padding_rules(spec)
        if rules:
            return t("builder.arg.padding", valid=f"`{rules['valid']}`", same=f"`{rules['same']}`")
    specific = f"builder.arg.{layer_type}.{arg.name}"
    return t(specific) if specific in TEXTS else t(f"builder.arg.{arg.name}")


def _arg_widget(key: str, uid: int, spec: Spec, arg: Arg, value: Any) -> None:
    callback: dict[str, Any] = dict(on_change=_edit, args=(key, uid, arg), help=arg_help(spec, arg))
    high: float = arg.high if arg.high is not None else (arg.ui_max or 0.0)  # choices and booleans have neither
    if arg.kind in {"pair", "optional_pair"}:
        h, w = _pair_fields(value)
        axis_names = {"h": t("builder.axis_h"), "w": t("builder.axis_w")}
        st.caption(f"{arg.name} ({axis_names['h']} × {axis_names['w']})", help=callback.pop("help"))
        left, right = st.columns(2, gap="small")
        extra: dict[str, Any] = {"placeholder": t("builder.same_as_pool")} if arg.kind == "optional_pair" else {}
        for column, axis, v in ((left, "h", h), (right, "w", w)):
            column.number_input(
                f"{arg.name} ({axis_names[axis]})",
                min_value=int(arg.low or 0),
                max_value=int(high),
                value=v,
                step=1,
                key=_k(key, uid, arg.name, axis),
                label_visibility="collapsed",
                **extra,
                **callback,
            )
    elif arg.kind == "int":
        st.number_input(
            arg.name,
            min_value=int(arg.low or 0),
            max_value=int(high),
            value=value,
            step=1,
            key=_k(key, uid, arg.name),
            **callback,
        )
    elif arg.kind in {"float", "optional_float"}:
        step = arg.step or 0.01
        low = arg.low if arg.low is not None else -high
        st.number_input(
            arg.name,
            min_value=float(low + step if arg.low_open else low),
            max_value=float(high),
            value=value,
            step=float(step),
            format="%g",
            key=_k(key, uid, arg.name),
            placeholder="None" if arg.kind == "optional_float" else None,
            **callback,
        )
    elif arg.kind == "choice":
        st.selectbox(
            arg.name,
            arg.options,
            index=arg.options.index(value),
            format_func=lambda o: "None" if o is None else str(o),
            key=_k(key, uid, arg.name),
            **callback,
        )
    elif arg.kind == "bool":
        st.checkbox(arg.name, value=value, key=_k(key, uid, arg.name), **callback)


def _layer_card(key: str, position: int, uid: int, spec: Spec, count: int) -> None:
    opened = st.session_state.get(_k(key, "opened")) == uid
    # A card's form is built only while the card is open (Streamlit's lazy expander): a closed card is one element,
    # not a dozen widgets, so a page with a stack of layers draws and reruns quickly (shapes' first paint
    # 2.0 → 1.6 s). The stack itself lives in session state, so a form rebuilt on opening shows the layer as it is.
    card = st.expander(f"{position + 1}. {brief(spec)}", expanded=opened, key=_k(key, uid, "card"), on_change="rerun")
    if not card.open:
        return
    with card:
        error = st.session_state.get(_k(key, uid, "error"))
        if error:
            st.warning(t("builder.refused", reason=say(error)), icon=":material/error:")
        args = LAYER_TYPES[spec["type"]]
        if not args:
            st.caption(t("builder.no_arguments"))
        for arg in args:
            _arg_widget(key, uid, spec, arg, spec[arg.name])
        up, down, remove = st.columns(3, gap="small")
        up.button(
            ":material/arrow_upward:",  # icon-only: a word does not fit a third of a narrow card (help names it)
            key=_k(key, uid, "up"),
            disabled=position == 0,
            help=t("builder.up"),
            on_click=_move,
            args=(key, uid, -1),
            width="stretch",
        )
        down.button(
            ":material/arrow_downward:",  # icon-only: a word does not fit a third of a narrow card (help names it)
            key=_k(key, uid, "down"),
            help=t("builder.down"),
            disabled=position == count - 1,
            on_click=_move,
            args=(key, uid, 1),
            width="stretch",
        )
        remove.button(
            ":material/delete:",  # icon-only: a word does not fit a third of a narrow card (help names it)
            key=_k(key, uid, "remove"),
            on_click=_remove,
            help=t("builder.remove"),
            args=(key, uid),
            width="stretch",
        )


def layer_stack_editor(
    key: str,
    default_specs: list[dict],
    *,
    allowed_types: Sequence[str] | None = None,
    url: bool = True,
) -> list[dict]:
    """Render the layer-stack editor and return the current stack.

    Args:
        key: the session-state key of the stack (and the URL parameter); carry the page prefix, e.g. "shapes_stack".
            Widget keys of the editor start with ``key + "__"``.
        default_specs: the stack to start from (and that the "reset" button restores); specs as in
            ``playground.architecture`` (missing arguments take the ``LAYER_TYPES`` defaults).
        allowed_types: the layer types the "add" menu offers and a link may hold (default: all of ``LAYER_TYPES``).
        url: keep the stack in the link (``?<key>=...``) so it can be shared.

    Returns:
        A copy of the stack: normalized spec dicts (every argument present), ready for ``summarize`` /
        ``build_model`` / ``to_keras_code``.
    """
    allowed = tuple(allowed_types) if allowed_types is not None else tuple(LAYER_TYPES)
    default = [normalize_spec(s) for s in default_specs]
    _init(key, default, allowed, url)

    notice = st.session_state.pop(_k(key, "notice"), None)
    if notice:
        st.info(t("builder.link_ignored", reason=plain(say(notice))), icon=":material/link_off:")  # quotes the link

    stack, ids = st.session_state[key], st.session_state[_k(key, "ids")]
    if not stack:
        st.caption(t("builder.empty"))
    for position, (uid, spec) in enumerate(zip(ids, stack, strict=True)):
        _layer_card(key, position, uid, spec, len(stack))

    add_type, add_button = st.columns([3, 2], gap="small", vertical_alignment="bottom")
    add_type.selectbox(t("builder.add_type"), allowed, key=_k(key, "add_type"))
    add_button.button(
        t("builder.add"), icon=":material/add:", key=_k(key, "add"), on_click=_add, args=(key,), width="stretch"
    )
    st.button(
        t("builder.reset"),
        icon=":material/restart_alt:",
        key=_k(key, "reset"),
        on_click=_reset,
        args=(key, default),
        type="tertiary",
    )
    return [dict(s) for s in st.session_state[key]]
