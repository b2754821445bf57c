"""The frame: navigation, language switch, home page, URL-parameter notices."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from playground.convolution import conv1d_steps
from tests.conftest import ROOT
from ui.i18n import t
from ui.page import ignored_query_params
from ui.pages import HOME, PAGES


def test_registry_scripts_exist_and_url_paths_unique():
    """Every registered page has a script, and no two pages share a url_path."""
    for p in (HOME, *PAGES):
        assert (ROOT / p.script).is_file(), p.script
    paths = [p.url_path for p in PAGES]
    assert len(paths) == len(set(paths))


def test_home_renders_with_a_link_per_page():
    """The home page renders without exception and links every page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == "CNN Playground"


def test_korean_switch_translates_home():
    """?lang=ko renders the home page in Korean."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.title[0].value == "CNN 놀이터"


def test_unknown_url_parameter_is_reported_and_dropped():
    """An unknown or invalid URL parameter gives a notice and is removed; the page still renders."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["bogus"] = "1"
    at.query_params["lang"] = "xx"
    at.run()
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "bogus=1" in notices and "lang=xx" in notices
    assert "bogus" not in at.query_params


def test_notice_survives_a_page_that_ends_early(open_link):
    """A link whose settings make the page end early (an unparsable kernel → the friendly message) still gets the
    frame's notice for its invalid settings: pages end with ui.page.end_page, not st.stop, which would swallow it."""
    at = open_link("app_pages/conv1d.py", conv1d_kernel="abc", conv1d_mode="sideways", bogus="1")
    assert not at.exception
    assert at.warning, "the unparsable kernel should give the page's friendly message"
    notices = " ".join(i.value for i in at.info)
    assert "conv1d_mode=sideways" in notices and "bogus=1" in notices, notices


def test_conv1d_step_link_past_the_end_is_clamped(open_link):
    """?conv1d_step beyond the last step of the linked signal opens the last step, reports the ignored value and
    leaves no stale step in the URL."""
    at = open_link("app_pages/conv1d.py", conv1d_signal="1, 2, 3", conv1d_kernel="1, 1", conv1d_step="99")
    assert not at.exception
    last = len(conv1d_steps([1, 2, 3], [1, 1], "full")) - 1
    assert at.slider(key="conv1d_step").value == at.slider(key="conv1d_step").max == last
    assert at.query_params["conv1d_step"] in ("3", ["3"])  # AppTest keeps one value as str or list
    assert f"conv1d_step=99` → `{last}`" in " ".join(i.value for i in at.info)  # says what is used instead


def test_the_notice_says_the_value_used_instead_of_a_links(open_link):
    """A link value the widget could not hold is named with the value the page uses instead (a fractional kernel
    size is rounded by the number input, an unknown option falls back to the default), so the notice never
    contradicts what the page shows; an unknown key has no value to name."""
    at = open_link("app_pages/conv2d.py", conv2d_kh="2.5", conv2d_kernel="nope", bogus="1")
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    used_kh = at.number_input(key="conv2d_kh").value
    assert f"`conv2d_kh=2.5` → `{used_kh}`" in notice, notice
    assert f"`conv2d_kernel=nope` → `{at.session_state['conv2d_kernel']}`" in notice, notice
    assert "`bogus=1`" in notice and "`bogus=1` →" not in notice


def test_ignored_query_params_logic():
    """Unknown keys and refused values are reported; kept values and defaults a widget removed are not."""
    before = {"a": ["1"], "b": ["20"], "c": ["3"], "d": ["0.50"], "e": ["true"], "f": ["1", "2"], "g": ["x", "y"]}
    values = {"a": 1, "b": 5, "d": 0.5, "e": True, "f": (1, 2), "g": "y"}
    assert ignored_query_params(before, values) == ["b=20", "c=3", "g=x,y"]


def test_default_value_in_link_is_not_reported():
    """?lang=en (the default, which the widget drops from the URL) is a valid link, not an ignored setting."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert not any("ignored" in i.value for i in at.info)


def test_page_app_opens_each_page_on_the_first_run(app_for):
    """app_for(script) renders that page (not home) on the very first run, with the URL's settings."""
    from ui.i18n import TEXTS

    for p in PAGES:
        at = app_for(p.script)
        at.query_params["lang"] = "ko"
        at.run(timeout=120)
        assert at.title and at.title[0].value == TEXTS[f"{p.key}.title"]["ko"], p.script


def test_changing_a_choice_between_non_defaults_is_not_reported(app_for):
    """Moving a URL-bound choice from one non-default option to another is the user's change, not an ignored link."""
    at = app_for("app_pages/home.py")
    at.query_params["lang"] = "ko"
    at.run()
    at.radio(key="lang").set_value("en").run()
    at.radio(key="lang").set_value("ko").run()
    assert not at.exception
    assert not any("ignored" in i.value or "무시" in i.value for i in at.info)


def test_reruns_do_not_clear_the_keras_session(app_for, monkeypatch):
    """Once keras is imported, a rerun does not call keras.backend.clear_session (~200 ms, and it would reset
    Keras's global state under another session's training thread)."""
    import keras

    calls = []
    monkeypatch.setattr(keras.backend, "clear_session", lambda *a, **k: calls.append(1))
    at = app_for("app_pages/dropout.py")
    at.run()
    at.run()
    assert not at.exception
    assert calls == []


def test_language_switch_keeps_every_chosen_option(app_for):
    """Switching the language (the sidebar radio) keeps the option chosen in each picker and its link parameter; the
    picker's labels are the new language's (ui.state.relabel_pickers re-sends the value as the new label)."""
    at = app_for("app_pages/conv2d.py").run()
    at.selectbox(key="conv2d_grid").set_value("cross").run()
    at.selectbox(key="conv2d_kernel").set_value("sobel_x").run()
    at.sidebar.radio(key="lang").set_value("ko").run()
    assert not at.exception
    grid, kernel = at.selectbox(key="conv2d_grid"), at.selectbox(key="conv2d_kernel")
    assert (grid.value, kernel.value) == ("cross", "sobel_x")
    assert grid.options[grid.index] == "십자"
    assert (at.query_params["conv2d_grid"], at.query_params["conv2d_kernel"]) == ("cross", "sobel_x")
    at.sidebar.radio(key="lang").set_value("en").run()
    assert (at.selectbox(key="conv2d_grid").value, at.selectbox(key="conv2d_kernel").value) == ("cross", "sobel_x")


def test_link_values_in_the_notice_are_plain_text(open_link):
    """Issue 13: `?x=![t](https://example.invalid/p.png)` must not show an image (the browser would fetch it) nor a
    link, and a 10 KB value must not be pasted whole: each value is a code span cut to 40 characters, at most 5 are
    listed, then "and N more". Rendered with CommonMark, the notice holds no <img>, <a> or raw HTML."""
    from markdown_it import MarkdownIt

    from ui.page import NOTICE_CHARS

    image = "![t](https://example.invalid/p.png)"
    params = {
        "a": image,
        "b": "A" * 10_240,
        "c": ":red[colour] $x^2$ **bold**",
        "d": "`` `break` out ``",
        "h": '<img src="https://example.invalid/h.png">',
        **{f"more{i}": str(i) for i in range(4)},
    }
    at = open_link("app_pages/conv2d.py", **params)
    assert not at.exception
    notice = next(i.value for i in at.info if "example.invalid" in i.value)
    assert len(notice) < 600, len(notice)
    assert notice.endswith("and 4 more"), notice
    spans = re.findall(r"(`+) ?(.*?) ?\1(?!`)", notice)
    assert len(spans) == 5, spans
    for _fence, text in spans:
        key, _, value = text.partition("=")
        assert len(key) <= NOTICE_CHARS and len(value) <= NOTICE_CHARS, text
    assert f"a={image}" in [text for _f, text in spans]
    assert "b=" + "A" * (NOTICE_CHARS - 1) + "…" in [text for _f, text in spans]
    html = MarkdownIt("commonmark").render(notice)
    assert "<img" not in html and "<a " not in html and "<strong>" not in html, html
    assert html.count("<code>") == 5, html


def test_a_layer_stack_link_is_quoted_as_plain_text(open_link):
    """The layer-stack editor's "could not be used" notice quotes the link's text: escaped, so an image or link in
    the stack text stays text (CommonMark render: no <img>, no <a>), cut to a few hundred characters."""
    from markdown_it import MarkdownIt

    stack = "Conv2D(![t](https://example.invalid/p.png)" + "x" * 1000 + ")"
    at = open_link("app_pages/shapes.py", shapes_stack=stack)
    assert not at.exception
    notices = [i.value for i in at.info if "example" in i.value]
    assert len(notices) == 1, notices  # the editor's, with the reason (the frame does not list it again)
    for notice in notices:
        assert len(notice) < 600, len(notice)
        html = MarkdownIt("commonmark").render(notice)
        assert "<img" not in html and "<a " not in html, html
    builder = next(n for n in notices if n.startswith(t("builder.link_ignored", reason="")[:20]))
    assert "![t](https://example.invalid/p.png)" in MarkdownIt("commonmark").render(builder)


def test_a_label_sent_from_before_the_language_switch_keeps_the_choice(app_for, monkeypatch):
    """An option widget's value travels from the browser as its label. A browser that has not yet received the new
    language's labels (a fragment's timed rerun during a training, a click right after the switch) sends the old
    language's label: the choice is kept, and the picker's on_change is not run with a label (conv1d's example
    preset raised KeyError there, and the page fell back to its default example)."""
    from streamlit.testing.v1.element_tree import Selectbox

    at = app_for("app_pages/conv1d.py").run()
    at.selectbox(key="conv1d_preset").set_value("difference").run()
    preset = at.selectbox(key="conv1d_preset")
    english_label = preset.options[preset.index]
    signal, kernel = at.text_input(key="conv1d_signal").value, at.text_input(key="conv1d_kernel").value
    at.sidebar.radio(key="lang").set_value("ko").run()
    preset = at.selectbox(key="conv1d_preset")
    assert preset.options[preset.index] != english_label  # the box now shows the Korean label

    shown = Selectbox._widget_state

    def sent_before_the_new_labels_arrived(self):
        state = shown.fget(self)
        if self.key == "conv1d_preset":
            state.string_value = english_label
        return state

    monkeypatch.setattr(Selectbox, "_widget_state", property(sent_before_the_new_labels_arrived))
    at.run()
    assert not at.exception
    assert at.session_state["conv1d_preset"] == "difference"
    assert (at.text_input(key="conv1d_signal").value, at.text_input(key="conv1d_kernel").value) == (signal, kernel)
    assert at.query_params.get("conv1d_preset") in ("difference", ["difference"])
