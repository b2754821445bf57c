"""ui.builder.layer_stack_editor on its own (AppTest of a tiny script), as other pages will use it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from playground.architecture import normalize_spec, stack_to_text
from tests.helpers import codes, open_layer_cards
from ui.builder import brief

DEFAULT = [{"type": "Conv2D", "filters": 8, "kernel_size": 3}, {"type": "Flatten"}, {"type": "Dense", "units": 10}]


def editor_script(allowed=None, url=True):
    """A page that renders the editor and writes the returned stack as JSON."""
    import json

    import streamlit as st

    from ui.builder import layer_stack_editor

    default = [{"type": "Conv2D", "filters": 8, "kernel_size": 3}, {"type": "Flatten"}, {"type": "Dense", "units": 10}]
    specs = layer_stack_editor("lab_stack", default, allowed_types=allowed, url=url)
    st.code(json.dumps(specs), language="json")


def run(params=None, **kwargs):
    at = AppTest.from_function(editor_script, kwargs=kwargs, default_timeout=30)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def returned(at):
    import json

    return json.loads(codes(at)[-1].value)


def test_returns_the_normalized_default_stack():
    """Without a link, the editor returns the default stack with every argument filled in, in session state too."""
    at = run()
    assert not at.exception
    expected = [normalize_spec(s) for s in DEFAULT]
    assert returned(at) == expected
    assert at.session_state["lab_stack"] == expected
    assert [e.label for e in at.expander] == [f"{i + 1}. {brief(s)}" for i, s in enumerate(expected)]


def test_link_stack_is_loaded_and_edits_go_back_to_the_link():
    """A stack in the link is used; an edit rewrites the link; going back to the default removes it."""
    specs = [{"type": "Dense", "units": 3}, {"type": "Dropout", "rate": 0.25}]
    at = run({"lab_stack": stack_to_text(specs)})
    assert returned(at) == [normalize_spec(s) for s in specs]
    open_layer_cards(at, "lab_stack")
    units = [w for w in at.number_input if w.label == "units"][0]
    units.set_value(7).run()
    changed = [dict(specs[0], units=7), specs[1]]
    assert returned(at) == [normalize_spec(s) for s in changed]
    assert at.query_params["lab_stack"] == stack_to_text(changed)
    at.button(key="lab_stack__reset").click().run()
    assert returned(at) == [normalize_spec(s) for s in DEFAULT]
    assert "lab_stack" not in at.query_params


def test_allowed_types_limit_the_menu_and_the_link():
    """allowed_types fills the add menu; a link holding another type is ignored with a notice."""
    allowed = ["Conv2D", "Flatten", "Dense"]
    at = run({"lab_stack": "Dropout"}, allowed=allowed)
    assert list(at.selectbox(key="lab_stack__add_type").options) == allowed
    assert any("Dropout" in i.value for i in at.info)
    assert returned(at) == [normalize_spec(s) for s in DEFAULT]


def test_url_false_keeps_the_link_clean():
    """With url=False the editor never reads or writes the link."""
    at = run({"lab_stack": "Flatten"}, url=False)
    assert returned(at) == [normalize_spec(s) for s in DEFAULT]
    at.button(key="lab_stack__add").click().run()
    assert len(returned(at)) == len(DEFAULT) + 1
    assert at.query_params.get("lab_stack") in (None, "Flatten", ["Flatten"])  # untouched, never rewritten


def test_move_and_remove_keep_widgets_with_their_layer():
    """Moving a layer moves its form with it (stable widget keys); removing drops exactly that layer."""
    at = open_layer_cards(run(), "lab_stack")
    at.button(key=[b.key for b in at.button if b.key.endswith("__down")][0]).click().run()
    assert [s["type"] for s in returned(at)] == ["Flatten", "Conv2D", "Dense"]
    open_layer_cards(at, "lab_stack")  # AppTest does not send a card's open state back on the next run; a browser does
    filters = [w for w in at.number_input if w.label == "filters"][0]
    assert filters.value == 8
    filters.set_value(5).run()
    assert returned(at)[1]["filters"] == 5
    open_layer_cards(at, "lab_stack")
    at.button(key=[b.key for b in at.button if b.key.endswith("__remove")][1]).click().run()
    assert [s["type"] for s in returned(at)] == ["Flatten", "Dense"]
    assert not at.exception


def test_brief_summaries():
    """brief() names the main arguments: filters, kernel, strides, padding, activation; pool size; units."""
    conv = normalize_spec({"type": "Conv2D", "filters": 16, "kernel_size": (3, 5), "strides": 2, "activation": "relu"})
    assert brief(conv) == "Conv2D · 16 · 3×5 · s2 · valid · relu"
    assert brief(normalize_spec({"type": "MaxPooling2D"})) == "MaxPooling2D · 2×2 · valid"
    assert brief(normalize_spec({"type": "Dense", "units": 10, "activation": "softmax"})) == "Dense · 10 · softmax"
    assert brief(normalize_spec({"type": "Dropout", "rate": 0.3})) == "Dropout · 0.3"


def test_padding_help_gives_the_rule_of_the_layer_at_hand():
    """The padding help of MaxPooling2D(2) and of a strided Conv2D is that layer's rule (the core's), never "k − 1"."""
    from playground.architecture import LAYER_TYPES, padding_rules
    from ui.builder import arg_help

    pool = {"type": "MaxPooling2D", "pool_size": 2}
    conv = {"type": "Conv2D", "filters": 8, "kernel_size": 3, "strides": 2}
    for raw in (pool, conv):
        spec = normalize_spec(raw)
        padding = next(a for a in LAYER_TYPES[spec["type"]] if a.name == "padding")
        text = arg_help(spec, padding)
        rules = padding_rules(spec)
        assert rules["valid"] in text and rules["same"] in text
        assert "− 1." not in text and "kernel − 1" not in text
    assert padding_rules(normalize_spec({"type": "MaxPooling2D", "pool_size": 2}))["valid"] == "⌊(n − 2) / 2⌋ + 1"
