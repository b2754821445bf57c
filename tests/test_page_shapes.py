"""The Shapes & parameters page, run inside the frame with AppTest: numbers equal playground.architecture."""

from __future__ import annotations

import pytest

from playground.architecture import (
    NOTES_28_STACK,
    NOTES_300_STACK,
    format_shape,
    stack_to_text,
    summarize,
    to_keras_code,
    totals,
)
from tests.helpers import codes, link_fixture, open_layer_cards

SCRIPT = "app_pages/shapes.py"
NBSP = "\u00a0"


open_page = link_fixture(SCRIPT)


def table_rows(at):
    """The summary table as a list of {column: text} (non-breaking spaces made plain)."""
    frame = at.table[0].value
    return [{k: str(v).replace(NBSP, " ") for k, v in row.items()} for row in frame.to_dict("records")]


def metric_values(at):
    return [m.value for m in at.metric]


def test_smoke_notes_stack_is_the_default(open_page):
    """The default view is the notes' 16→32→64 stack: 160 / 8224 / 32832 and the totals of summarize."""
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "Shapes & parameters"
    rows = summarize(NOTES_28_STACK, (28, 28, 1))
    table = table_rows(at)
    assert [r["Param #"] for r in table] == [f"{r['params']:,}" for r in rows]
    assert [r["Param #"] for r in table[:3]] == ["160", "8,224", "32,832"]
    assert [r["Output shape"] for r in table] == [format_shape(r["output_shape"]) for r in rows]
    assert table[0]["Parameters: arithmetic"] == "(3×3×1 + 1) × 16 = 160"
    assert metric_values(at)[0] == f"{totals(rows)['params']:,}"
    assert any("model.summary()" in c.value for c in at.caption)
    assert codes(at)[0].value.strip() == to_keras_code(NOTES_28_STACK, (28, 28, 1), api="sequential").strip()
    assert codes(at)[1].value.strip() == to_keras_code(NOTES_28_STACK, (28, 28, 1), api="functional").strip()
    assert "shapes_stack" not in at.query_params  # the default stack keeps the link short


def test_template_300_sets_input_and_stack(open_page):
    """The 300×300×3 template loads note 000's stack and input; the table and totals follow summarize."""
    at = open_page()
    at.button(key="shapes_template_notes300").click().run()
    assert not at.exception
    rows = summarize(NOTES_300_STACK, (300, 300, 3))
    assert [r["Output shape"] for r in table_rows(at)] == [format_shape(r["output_shape"]) for r in rows]
    assert metric_values(at)[0] == f"{totals(rows)['params']:,}"
    assert at.query_params["shapes_input"] == "300x300x3"
    assert at.query_params["shapes_stack"] == stack_to_text(NOTES_300_STACK)
    assert not at.info, "no 'ignored link settings' notice after a template"


def test_editing_a_layer_updates_table_code_and_link(open_page):
    """Changing filters / kernel width of layer 1 changes its row (formula from the core), the code and the link."""
    at = open_layer_cards(open_page(), "shapes_stack")
    card = [e for e in at.expander if e.label.startswith("1. Conv2D")][0]
    filters = [w for w in card.number_input if w.label == "filters"][0]
    filters.set_value(20).run()
    at.number_input(key=filters.key.replace("filters", "kernel_size__w")).set_value(5).run()
    assert not at.exception
    specs = [dict(NOTES_28_STACK[0], filters=20, kernel_size=(3, 5)), *NOTES_28_STACK[1:]]
    rows = summarize(specs, (28, 28, 1))
    table = table_rows(at)
    assert table[0]["Parameters: arithmetic"] == rows[0]["formula"] == "(3×5×1 + 1) × 20 = 320"
    assert table[1]["Param #"] == f"{rows[1]['params']:,}"
    assert at.query_params["shapes_stack"] == stack_to_text(specs)
    assert "kernel_size=(3, 5)" in codes(at)[0].value
    assert not at.info


def test_add_move_remove_layers(open_page):
    """Add a Dropout at the end, move it up, remove the first layer: the table follows the stack."""
    at = open_page()
    at.selectbox(key="shapes_stack__add_type").set_value("Dropout").run()
    at.button(key="shapes_stack__add").click().run()
    table = table_rows(at)
    assert table[-1]["Layer (type)"] == "dropout (Dropout)" and len(table) == len(NOTES_28_STACK) + 1
    up = [b for b in at.button if b.key and b.key.endswith("__up")][-1]
    up.click().run()
    assert table_rows(at)[-2]["Layer (type)"] == "dropout (Dropout)"
    open_layer_cards(at, "shapes_stack")
    first_remove = [b for b in at.button if b.key and b.key.endswith("__remove")][0]
    first_remove.click().run()
    assert not at.exception
    table = table_rows(at)
    assert len(table) == len(NOTES_28_STACK)
    assert table[0]["Output shape"] == "(None, 28, 28, 32)" and table[0]["Param #"] == f"{(4 * 4 * 1 + 1) * 32:,}"


def test_custom_input_shape(open_page):
    """A custom H×W×C input changes the first layer's parameters and shapes as summarize says."""
    at = open_page(shapes_input="custom", shapes_h="32", shapes_w="20", shapes_c="3")
    assert not at.exception
    rows = summarize(NOTES_28_STACK, (32, 20, 3))
    assert [r["Output shape"] for r in table_rows(at)] == [format_shape(r["output_shape"]) for r in rows]
    assert table_rows(at)[0]["Param #"] == f"{(3 * 3 * 3 + 1) * 16:,}"


def test_broken_stack_is_flagged_at_its_layer(open_page):
    """A Conv2D after Flatten: friendly error naming layer 3, rows before it kept, a ✗ row, no exception."""
    text = "Conv2D__filters-8~Flatten~Conv2D"
    at = open_page(shapes_stack=text, shapes_input="custom", shapes_h="20", shapes_w="30", shapes_c="2")
    assert not at.exception
    assert "layer 3 (Conv2D)" in at.error[0].value and "Layer 3 (Conv2D)" in at.error[0].value
    table = table_rows(at)
    assert [r["Output shape"] for r in table[:2]] == ["(None, 18, 28, 8)", "(None, 4032)"]
    assert table[2]["Layer (type)"].startswith("✗ 3.")
    assert not at.metric  # totals are only shown for a model Keras can build
    assert at.query_params["shapes_stack"] == text  # a broken stack is still a valid link


def test_kernel_too_large_after_shrinking(open_page):
    """Four valid 3×3 convolutions on 8×8: the 4th breaks (2×2 input), the message says so."""
    at = open_page(shapes_stack="~".join(["Conv2D__filters-4"] * 4), shapes_input="custom", shapes_h="8", shapes_w="8")
    assert not at.exception
    assert "larger than the input height (2)" in at.error[0].value
    assert len(table_rows(at)) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"shapes_stack": "Conv3D__filters-2"},
        {"shapes_stack": "Conv2D__filters-0"},
        {"shapes_stack": "Dense__units-abc~~"},
        {"shapes_input": "64x64x9"},
        {"shapes_input": "custom", "shapes_h": "0", "shapes_w": "-3", "shapes_c": "abc"},
        {"shapes_input": "custom", "shapes_h": "99999"},
        {"bogus": "1"},
    ],
)
def test_tampered_link_is_ignored_with_a_notice(open_page, params):
    """Invalid / out-of-range / unknown link settings: no exception, a notice, the page still renders numbers."""
    at = open_page(**params)
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "ignored" in notices or "could not be used" in notices
    assert at.table, "the summary table still renders"


def test_invalid_stack_link_falls_back_to_default(open_page):
    """An unreadable stack in the link: the default stack is shown and the reason is given."""
    at = open_page(shapes_stack="Conv2D__filters-0")
    assert any("could not be used" in i.value and "filters" in i.value for i in at.info)
    assert table_rows(at)[0]["Param #"] == "160"
    assert "shapes_stack" not in at.query_params


def test_strides_with_dilation_is_refused_in_the_form(open_page):
    """Setting dilation 2 on a strided Conv2D is refused with Keras's reason; the stack keeps dilation 1."""
    at = open_layer_cards(open_page(shapes_stack="Conv2D__strides-2"), "shapes_stack")
    card = [e for e in at.expander if e.label.startswith("1. Conv2D")][0]
    dilation = [w for w in card.number_input if w.key.endswith("dilation_rate__h")][0]
    dilation.set_value(2).run()
    assert not at.exception
    assert any("dilation_rate" in w.value for w in at.warning)
    assert at.query_params["shapes_stack"] == "Conv2D__strides-2"


def test_empty_template(open_page):
    """The empty template: an info message, no table rows, and code that still builds an (empty) model."""
    at = open_page()
    at.button(key="shapes_template_empty").click().run()
    assert not at.exception
    assert not at.table
    assert at.query_params["shapes_stack"] == ""
    assert codes(at)[0].value.strip() == to_keras_code([], (28, 28, 1)).strip()


def test_korean(open_page):
    """?lang=ko renders the page in Korean with the same numbers."""
    at = open_page(lang="ko")
    assert not at.exception
    assert at.title[0].value == "모양과 파라미터"
    frame = at.table[0].value
    assert "파라미터 수" in frame.columns
    assert list(frame["파라미터 수"])[:3] == ["160", "8,224", "32,832"]
