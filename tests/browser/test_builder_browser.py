"""The layer-stack editor (ui/builder.py) on the shapes page, its templates and code downloads, and an image upload on
the conv2d page, in chromium: every control driven as a person does (clicks, typed keys, the file chooser, the
browser's download), each test asserting what the control changes on screen, in the link and in the file."""

from __future__ import annotations

import io
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image
from playwright.sync_api import expect

from playground.architecture import (
    LAYER_TYPES,
    NOTES_28_STACK,
    NOTES_300_STACK,
    format_shape,
    normalize_spec,
    stack_to_text,
    summarize,
    to_keras_code,
)
from tests.browser.conftest import exceptions_on, wait_for_app
from ui.builder import brief
from ui.texts import TEXTS

pytestmark = pytest.mark.browser

KEY = "shapes_stack"
WAIT_MS = 60_000  # a shared, loaded CI box can be slow: the assertions wait for what a person would see
INPUT_28 = (28, 28, 1)

# The editor's cards in page order: [uid, label] (the uid is in the card's key class, `st-key-<KEY>__<uid>__card`).
CARDS = """(key) => [...document.querySelectorAll('[class*="st-key-' + key + '__"]')]
  .map(e => [[...e.classList].map(c => c.match(new RegExp('^st-key-' + key + '__(\\\\d+)__card$')))
               .find(m => m), e])
  .filter(([m]) => m)
  .map(([m, e]) => [Number(m[1]), e.querySelector('summary [data-testid="stMarkdownContainer"]').innerText.trim()])"""
# The summary table's rows: [layer (type), output shape, param #] (the shape's non-breaking spaces made plain).
ROWS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stTable"] tbody tr')]
  .map(tr => [...tr.querySelectorAll('td')].slice(0, 3).map(td => td.innerText.replaceAll('\\u00a0', ' ').trim()))"""


def text(key: str) -> str:
    return TEXTS[key]["en"]


def open_page(pg, server, path: str) -> None:
    pg.goto(server.url(path))
    wait_for_app(pg, timeout=180_000)
    assert not exceptions_on(pg)


def eventually(pg, read, want, timeout_ms: float = WAIT_MS):
    """Poll `read()` until it equals `want` (the page reruns after each action); return the last reading, so the
    caller's `assert ... == want` shows the difference when it never came. It waits with the page's own timer: a
    `time.sleep` would stop Playwright from taking in the page's events meanwhile."""
    deadline = time.monotonic() + timeout_ms / 1000
    got = read()
    while got != want and time.monotonic() < deadline:
        pg.wait_for_timeout(200)
        got = read()
    return got


def expected_rows(specs, input_shape=INPUT_28) -> list[list[str]]:
    return [
        [f"{r['name']} ({r['type']})", format_shape(r["output_shape"]), f"{r['params']:,}"]
        for r in summarize(specs, input_shape)
    ]


def rows(pg) -> list[list[str]]:
    return pg.evaluate(ROWS)


def cards(pg) -> list[list]:
    return pg.evaluate(CARDS, KEY)


def labels(pg) -> list[str]:
    return [label for _, label in cards(pg)]


def expected_labels(specs) -> list[str]:
    return [f"{i + 1}. {brief(normalize_spec(s))}" for i, s in enumerate(specs)]


def link_stack(pg) -> str | None:
    """The stack text in the page's link (None when the link has none: the default stack)."""
    values = query(pg).get(KEY)
    return values[0] if values else None


def query(pg) -> dict[str, list[str]]:
    """The page's link parameters, read from the page itself (Streamlit rewrites them with history.replaceState)."""
    return parse_qs(urlparse(pg.evaluate("location.href")).query, keep_blank_values=True)


def wait_link(pg, want: str | None) -> str | None:
    return eventually(pg, lambda: link_stack(pg), want)


def card(pg, uid: int):
    return pg.locator(f".st-key-{KEY}__{uid}__card")


def open_card(pg, uid: int) -> None:
    """Click a closed card's header open (its form is built then) and wait for its buttons."""
    c = card(pg, uid)
    c.locator("summary").click()
    expect(button(pg, f"{KEY}__{uid}__remove")).to_be_visible(timeout=WAIT_MS)
    wait_for_app(pg, settle_ms=500)


def button(pg, key: str):
    """The button of widget `key` a person sees (with a `help`, Streamlit also renders a hidden copy of it)."""
    return pg.locator(f".st-key-{key} button:visible")


def open_select(pg, key: str) -> None:
    """Click selectbox `key` open, once it is in view. Its list closes when the page scrolls, and a click that has
    to scroll to its target first scrolls in the same moment it presses (a person scrolls to a box, then clicks)."""
    box = pg.locator(f".st-key-{key} input[role=combobox]")
    box.scroll_into_view_if_needed()
    pg.wait_for_timeout(300)
    box.click()
    expect(box).to_have_attribute("aria-expanded", "true", timeout=WAIT_MS)


def pick(pg, key: str, option: str) -> None:
    """Click selectbox `key` open and click its option `option`."""
    open_select(pg, key)
    pg.get_by_role("option", name=option, exact=True).click()


def type_number(pg, key: str, value: int) -> None:
    """Click into number input `key`, select its text, type `value` and press Enter (as a person edits a number)."""
    field = pg.locator(f".st-key-{key} input")
    field.click()
    pg.keyboard.press("ControlOrMeta+a")
    pg.keyboard.type(str(value))
    pg.keyboard.press("Enter")


def settled(pg) -> None:
    wait_for_app(pg, settle_ms=300)
    assert not exceptions_on(pg)


def test_down_and_up_buttons_reorder_cards_rows_and_link(page, server):
    """↓ on the first card (clicked open) swaps it with the second: the card labels, the summary's rows and the link's
    stack follow; ↑ on the same card (it moved, still open) puts it back and the link drops the stack (default)."""
    pg = page
    open_page(pg, server, "shapes")
    assert link_stack(pg) is None
    assert rows(pg) == expected_rows(NOTES_28_STACK)
    assert labels(pg) == expected_labels(NOTES_28_STACK)
    open_card(pg, 0)
    expect(button(pg, f"{KEY}__0__up")).to_be_disabled()  # the first card cannot go further up

    button(pg, f"{KEY}__0__down").click()
    swapped = [NOTES_28_STACK[1], NOTES_28_STACK[0], *NOTES_28_STACK[2:]]
    assert wait_link(pg, stack_to_text(swapped)) == stack_to_text(swapped)
    assert eventually(pg, lambda: labels(pg), expected_labels(swapped)) == expected_labels(swapped)
    assert [uid for uid, _ in cards(pg)][:3] == [1, 0, 2]  # the card itself moved (its widgets follow it)
    assert eventually(pg, lambda: rows(pg), expected_rows(swapped)) == expected_rows(swapped)
    assert rows(pg)[0][1:] == ["(None, 28, 28, 32)", "544"]  # (4×4×1 + 1) × 32 now reads the picture
    settled(pg)

    up = button(pg, f"{KEY}__0__up")
    expect(up).to_be_visible(timeout=WAIT_MS)  # the moved card is still open (its buttons under the pointer)
    expect(up).to_be_enabled()  # now second, it can go up
    up.click()
    assert wait_link(pg, None) is None  # back to the default stack: the link carries no stack
    assert eventually(pg, lambda: labels(pg), expected_labels(NOTES_28_STACK)) == expected_labels(NOTES_28_STACK)
    assert eventually(pg, lambda: rows(pg), expected_rows(NOTES_28_STACK)) == expected_rows(NOTES_28_STACK)
    settled(pg)


def test_remove_button_drops_the_card_and_its_row(page, server):
    """🗑 on the third card (Conv2D 64, clicked open) removes that card and its summary row; the link holds the
    shorter stack."""
    pg = page
    open_page(pg, server, "shapes")
    open_card(pg, 2)
    button(pg, f"{KEY}__2__remove").click()
    left = [s for i, s in enumerate(NOTES_28_STACK) if i != 2]
    assert wait_link(pg, stack_to_text(left)) == stack_to_text(left)
    assert eventually(pg, lambda: labels(pg), expected_labels(left)) == expected_labels(left)
    assert 2 not in [uid for uid, _ in cards(pg)]
    expect(card(pg, 2)).to_have_count(0)
    assert eventually(pg, lambda: rows(pg), expected_rows(left)) == expected_rows(left)
    assert len(rows(pg)) == len(NOTES_28_STACK) - 1
    assert not any(r[0].startswith("conv2d_2 ") for r in rows(pg))  # the 64-filter convolution's row is gone
    settled(pg)


def test_add_a_dense_layer_then_reset(page, server):
    """The add-type picker clicked open (it lists every layer type) and Dense clicked, then Add: a new last card
    (open, Dense · 10) and a new last summary row (Dense, 10 units on 10 inputs: 110 parameters); Reset layers: the
    default stack, rows and link are back."""
    pg = page
    open_page(pg, server, "shapes")
    default_rows = rows(pg)
    assert default_rows == expected_rows(NOTES_28_STACK)
    open_select(pg, f"{KEY}__add_type")
    options = pg.get_by_role("option")
    assert [o.strip() for o in options.all_inner_texts()] == list(LAYER_TYPES)  # every type of the option table
    options.filter(has_text=re.compile(r"^Dense$")).click()
    expect(pg.locator(f".st-key-{KEY}__add_type input")).to_have_value("Dense", timeout=WAIT_MS)
    settled(pg)
    button(pg, f"{KEY}__add").click()
    added = [*NOTES_28_STACK, {"type": "Dense"}]
    assert wait_link(pg, stack_to_text(added)) == stack_to_text(added)
    assert eventually(pg, lambda: labels(pg), expected_labels(added)) == expected_labels(added)
    uid, label = cards(pg)[-1]
    assert label == f"{len(added)}. Dense · 10"
    expect(pg.locator(f".st-key-{KEY}__{uid}__units input")).to_have_value("10", timeout=WAIT_MS)  # opened
    assert eventually(pg, lambda: rows(pg), expected_rows(added)) == expected_rows(added)
    assert rows(pg)[-1] == ["dense_3 (Dense)", "(None, 10)", "110"]
    settled(pg)

    button(pg, f"{KEY}__reset").click()
    assert wait_link(pg, None) is None
    assert eventually(pg, lambda: labels(pg), expected_labels(NOTES_28_STACK)) == expected_labels(NOTES_28_STACK)
    assert eventually(pg, lambda: rows(pg), default_rows) == default_rows
    settled(pg)


def test_card_selectbox_pair_checkbox_and_a_refused_combination(page, server):
    """On the first Conv2D (clicked open): padding picked "valid" → its output 28 → 26; kernel width typed 5 →
    26 × 24 and (3×5×1 + 1) × 16 parameters; use_bias clicked off → 240; strides height typed 2 → 13 × 24; dilation
    height typed 2 → refused with a message, dilation shows 1 again and the stack (link, row) is unchanged."""
    pg = page
    open_page(pg, server, "shapes")
    open_card(pg, 0)
    first = dict(NOTES_28_STACK[0])

    def check(spec: dict) -> None:
        specs = [spec, *NOTES_28_STACK[1:]]
        assert wait_link(pg, stack_to_text(specs)) == stack_to_text(specs)
        assert eventually(pg, lambda: rows(pg), expected_rows(specs)) == expected_rows(specs)
        assert eventually(pg, lambda: labels(pg)[0], expected_labels(specs)[0]) == expected_labels(specs)[0]
        settled(pg)

    pick(pg, f"{KEY}__0__padding", "valid")
    first["padding"] = "valid"
    check(first)
    assert rows(pg)[0][1:] == ["(None, 26, 26, 16)", "160"]

    type_number(pg, f"{KEY}__0__kernel_size__w", 5)
    first["kernel_size"] = (3, 5)
    check(first)
    assert rows(pg)[0][1:] == ["(None, 26, 24, 16)", "256"]
    expect(pg.locator(f".st-key-{KEY}__0__kernel_size__h input")).to_have_value("3")

    pg.locator(f".st-key-{KEY}__0__use_bias label").click()
    first["use_bias"] = False
    check(first)
    assert rows(pg)[0][1:] == ["(None, 26, 24, 16)", "240"]

    type_number(pg, f"{KEY}__0__strides__h", 2)
    first["strides"] = (2, 1)
    check(first)
    assert rows(pg)[0][1] == "(None, 13, 24, 16)"
    before_rows, before_link = rows(pg), link_stack(pg)

    dilation = pg.locator(f".st-key-{KEY}__0__dilation_rate__h input")
    expect(dilation).to_have_value("1")
    type_number(pg, f"{KEY}__0__dilation_rate__h", 2)
    refusal = card(pg, 0).locator('[data-testid="stAlert"]')
    expect(refusal).to_contain_text(text("builder.refused").split("{")[0].strip(), timeout=WAIT_MS)
    expect(refusal).to_contain_text("dilation_rate")
    settled(pg)
    assert link_stack(pg) == before_link  # the stack keeps dilation 1 (the field itself: see the next test)
    assert rows(pg) == before_rows
    assert "d2" not in labels(pg)[0]


def test_refused_value_is_shown_again_and_the_next_edit_clears_the_refusal(page, server):
    """A strided Conv2D (set up by the link), dilation height typed 2: refused, the field shows 1 again; filters then
    typed 20: applied, and the refusal is gone."""
    pg = page
    open_page(pg, server, f"shapes?{KEY}=Conv2D__strides-2")
    open_card(pg, 0)
    type_number(pg, f"{KEY}__0__dilation_rate__h", 2)
    refusal = card(pg, 0).locator('[data-testid="stAlert"]')
    expect(refusal).to_contain_text(text("builder.refused").split("{")[0].strip(), timeout=WAIT_MS)
    settled(pg)
    expect(pg.locator(f".st-key-{KEY}__0__dilation_rate__h input")).to_have_value("1", timeout=3_000)
    type_number(pg, f"{KEY}__0__filters", 20)
    assert wait_link(pg, "Conv2D__filters-20__strides-2") == "Conv2D__filters-20__strides-2"
    settled(pg)
    expect(refusal).to_have_count(0, timeout=3_000)


def test_template_buttons_load_their_stacks(page, server):
    """Each template button, clicked: 300×300×3 loads note 000's stack and input (cards, rows, link); Empty clears
    the cards and the table; the 16→32→64 notes template brings the default stack and a link without it."""
    pg = page
    open_page(pg, server, "shapes")
    button(pg, "shapes_template_notes300").click()
    want = expected_rows(NOTES_300_STACK, (300, 300, 3))
    assert wait_link(pg, stack_to_text(NOTES_300_STACK)) == stack_to_text(NOTES_300_STACK)
    assert eventually(pg, lambda: labels(pg), expected_labels(NOTES_300_STACK)) == expected_labels(NOTES_300_STACK)
    assert eventually(pg, lambda: rows(pg), want) == want
    assert query(pg).get("shapes_input") == ["300x300x3"]
    settled(pg)

    button(pg, "shapes_template_empty").click()
    assert wait_link(pg, "") == ""
    assert eventually(pg, lambda: labels(pg), []) == []
    expect(pg.locator('[data-testid="stMain"] [data-testid="stTable"]')).to_have_count(0, timeout=WAIT_MS)
    expect(pg.get_by_text(text("builder.empty"), exact=True)).to_be_visible()
    settled(pg)

    button(pg, "shapes_template_notes28").click()
    assert wait_link(pg, None) is None
    assert eventually(pg, lambda: labels(pg), expected_labels(NOTES_28_STACK)) == expected_labels(NOTES_28_STACK)
    assert eventually(pg, lambda: rows(pg), expected_rows(NOTES_28_STACK)) == expected_rows(NOTES_28_STACK)
    assert "shapes_input" not in query(pg)
    settled(pg)


# A stack set up by the link (the thing under test is the download, not the link).
DOWNLOAD_STACK = [
    {"type": "Conv2D", "filters": 8, "kernel_size": 5},
    {"type": "MaxPooling2D"},
    {"type": "Flatten"},
    {"type": "Dense", "units": 3, "activation": "softmax"},
]


def test_code_downloads_are_the_code_shown(page, server, tmp_path):
    """On each code tab (clicked), its "Download .py" button saves model_<api>.py whose text is the code in that
    tab's box (this stack's code, not the default's) and compiles."""
    pg = page
    open_page(pg, server, f"shapes?{KEY}={stack_to_text(DOWNLOAD_STACK)}")
    assert labels(pg) == expected_labels(DOWNLOAD_STACK)
    saved = {api: download_tab(pg, tmp_path, api) for api in ("sequential", "functional")}
    assert saved["sequential"] != saved["functional"]
    assert not exceptions_on(pg)


def download_tab(pg, tmp_path, api: str) -> str:
    """Click the code tab of `api`, download its code with its button; check and return the file's text."""
    tab = pg.get_by_role("tab", name=text(f"shapes.tab_{api}"), exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true", timeout=WAIT_MS)
    download_button = button(pg, f"shapes_download_{api}")
    expect(download_button).to_be_visible(timeout=WAIT_MS)
    expect(download_button).to_contain_text(text("shapes.download"))
    box = pg.locator(f".st-key-shapes_code_{api} .playground-code pre")
    expect(box).to_be_visible()
    shown = box.text_content() or ""  # the code itself (innerText doubles a code box's newlines)
    with pg.expect_download(timeout=WAIT_MS) as info:
        download_button.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename == f"model_{api}.py"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    saved = target.read_text(encoding="utf-8")
    assert saved.rstrip("\n") == shown.rstrip("\n")
    assert saved == to_keras_code([normalize_spec(s) for s in DOWNLOAD_STACK], INPUT_28, api=api)
    assert "filters=8" in saved and "units=3" in saved
    compile(saved, download.suggested_filename, "exec")
    return saved


def png(width: int, height: int) -> bytes:
    image = Image.new("RGB", (width, height))
    for x in range(width):
        for y in range(height):
            image.putpixel((x, y), (x * 6 % 256, y * 8 % 256, (x + y) * 3 % 256))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_conv2d_upload_sets_the_input_and_feature_map_size(page, server):
    """On conv2d, the "Upload" segment clicked shows the uploader (a bundled photo meanwhile); a 40×30 PNG chosen
    through the file chooser makes the input 30×40 and the 3×3 valid feature map 28×38 (labels and metrics)."""
    pg = page
    open_page(pg, server, "conv2d")
    main = pg.locator('[data-testid="stMain"]')
    pg.locator(".st-key-conv2d_source button", has_text=text("conv2d.source_upload")).click()
    hint = main.get_by_text(text("conv2d.upload_hint"))
    expect(hint).to_be_visible(timeout=WAIT_MS)
    settled(pg)
    input_metric = main.locator('[data-testid="stMetric"]', has_text=text("conv2d.input_shape"))
    output_metric = main.locator('[data-testid="stMetric"]', has_text=text("conv2d.output_shape"))
    expect(input_metric).not_to_contain_text("30×40")

    uploader = pg.locator(".st-key-conv2d_upload")
    with pg.expect_file_chooser(timeout=WAIT_MS) as chooser:
        uploader.locator('[data-testid="stFileUploaderDropzone"] button:visible').click()
    chooser.value.set_files({"name": "small.png", "mimeType": "image/png", "buffer": png(40, 30)})
    expect(uploader).to_contain_text("small.png", timeout=WAIT_MS)
    expect(hint).to_have_count(0, timeout=WAIT_MS)
    expect(input_metric).to_contain_text("30×40", timeout=WAIT_MS)
    expect(output_metric).to_contain_text("28×38")
    expect(main.get_by_text(re.compile(rf"^{re.escape(text('conv2d.fig_input'))} · 30×40$"))).to_be_visible()
    expect(main.get_by_text(re.compile(rf"^{re.escape(text('conv2d.fig_output'))} · 28×38$"))).to_be_visible()
    settled(pg)
    assert query(pg).get("conv2d_source") == ["upload"]
