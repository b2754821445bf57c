"""The Korean UI speaks one language: one term per glossary concept, no English word outside code identifiers —
in the translation table, in the callback events' wording, and on every page rendered in Korean."""

from __future__ import annotations

import pytest

from playground.run import EVENT_CODES, Event
from tests.conftest import page_app
from tests.helpers import codes
from ui.glossary import GLOSSARY, english_words, stray_variants
from ui.pages import PAGES
from ui.texts import TEXTS


def test_glossary_has_one_term_per_concept():
    """Each concept has one Korean term, different from its variants; no term is another concept's variant."""
    terms = [entry.ko for entry in GLOSSARY.values()]
    assert len(set(terms)) == len(terms)
    variants = {v for entry in GLOSSARY.values() for v in entry.variants}
    assert not variants & set(terms)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_korean_text_uses_the_glossary_and_no_english(key):
    """A Korean text uses each concept's one term (a variant only in parentheses after it) and no English word
    outside code (`…`), Keras names and English glosses in parentheses after the Korean term."""
    text = TEXTS[key]["ko"]
    assert not stray_variants(text), (key, stray_variants(text), text)
    assert not english_words(text), (key, english_words(text), text)


SAMPLE_VALUES = {
    "reduce_lr": {"old": 0.01, "new": 0.005},
    "checkpoint": {"monitor": "val_loss", "value": 0.41},
    "best": {"monitor": "val_accuracy", "value": 0.87, "restored": True},
    "early_stopping": {"monitor": "val_loss", "patience": 2, "waited": 2},
    "all_epochs": {"epochs": 10},
}


@pytest.mark.parametrize("code", EVENT_CODES)
def test_callback_events_in_korean_have_no_english_sentence(code, monkeypatch):
    """Every event code the core records is worded in Korean: only Keras names and values stay in Latin letters."""
    import ui.i18n
    from ui.training_status import event_text

    monkeypatch.setattr(ui.i18n, "_last_language", "ko")
    text = event_text(Event(code, SAMPLE_VALUES.get(code, {}), 3))
    assert not english_words(text), text
    assert any("\uac00" <= ch <= "\ud7a3" for ch in text), text
    monkeypatch.setattr(ui.i18n, "_last_language", "en")
    assert event_text(Event(code, SAMPLE_VALUES.get(code, {}), 3)) != text


def _shown_texts(at) -> list[str]:
    """Everything a page shows as text: markdown, captions, titles, alerts, metrics, widget labels and options."""
    texts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success", "error"):
        texts += [e.value for e in getattr(at, kind)]
    for m in at.metric:
        texts += [m.label, str(m.value)]
    for kind in ("button", "toggle", "checkbox", "slider", "number_input", "text_input", "select_slider", "radio"):
        texts += [w.label for w in getattr(at, kind)]
    for box in [*at.selectbox, *at.multiselect, *at.radio]:
        texts += [box.label, *map(str, box.options)]
    texts += [tab.label for tab in at.tabs] + [e.label for e in at.expander]
    return [text for text in texts if not text.startswith(":material/")]  # an icon-only button's label


@pytest.mark.realdata
@pytest.mark.parametrize("page", [p for p in PAGES], ids=lambda p: p.key)
def test_every_page_in_korean_has_no_english_word(page):
    """Rendered in Korean, a page shows no English word outside the code identifiers of ui.glossary.CODE_WORDS."""
    at = page_app(page.script)
    at.query_params["lang"] = "ko"
    at.run(timeout=120)
    assert not at.exception
    found = {text: english_words(text) for text in _shown_texts(at)}
    found = {text: words for text, words in found.items() if words}
    assert not found, found


@pytest.mark.parametrize(
    ("script", "params", "key"),
    [
        ("app_pages/conv2d.py", {"conv2d_source": "photo"}, "conv2d_photo"),
        ("app_pages/augmentation.py", {}, None),
    ],
)
def test_photo_names_are_translated(script, params, key):
    """The bundled photos have one Korean name on every page that offers them (China is the temple, 사원)."""
    at = page_app(script)
    at.query_params["lang"] = "ko"
    for name, value in params.items():
        at.query_params[name] = value
    at.run(timeout=120)
    assert not at.exception
    boxes = [b for b in at.selectbox if key is None or b.key == key]
    options = [o for b in boxes for o in map(str, b.options) if "사원" in o or "우주비행사" in o]
    if key is not None:
        assert "사원" in options and "우주비행사" in options
    assert not [o for b in boxes for o in map(str, b.options) if o in ("Astronaut", "China", "Chelsea", "Coffee")]


def _comments(code: str) -> list[str]:
    """The `# …` part of each line of a Python code box (a `#` inside a string literal is not a comment)."""
    import io
    import tokenize

    tokens = tokenize.generate_tokens(io.StringIO(code + "\n").readline)
    return [tok.string for tok in tokens if tok.type == tokenize.COMMENT]


@pytest.mark.realdata
@pytest.mark.parametrize("page", [p for p in PAGES], ids=lambda p: p.key)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_code_boxes_compile_and_speak_the_page_language(page, lang):
    """Every Python code box compiles in both languages; in Korean its comments have no English word outside
    ui.glossary.CODE_WORDS (the identifiers stay English)."""
    at = page_app(page.script)
    at.query_params["lang"] = lang
    at.run(timeout=120)
    _check_code_boxes(at, lang)


def _check_code_boxes(at, lang: str) -> None:
    assert not at.exception
    boxes = [box.value for box in codes(at) if box.language == "python"]
    for code in boxes:
        compile(code, "<box>", "exec")
    if lang == "ko":
        from playground.lab.codegen import DEBIAN_ALTERNATIVE

        commented_code = set(_comments(DEBIAN_ALTERNATIVE))  # code commented out, not prose
        found = {c: english_words(c) for code in boxes for c in _comments(code) if c not in commented_code}
        found = {c: words for c, words in found.items() if words}
        assert not found, found


@pytest.mark.parametrize(
    "script",
    ["app_pages/compare.py", "app_pages/models.py", pytest.param("app_pages/evaluate.py", marks=pytest.mark.realdata)],
)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_code_boxes_of_a_trained_run_speak_the_page_language(script, lang):
    """With trained runs in the session (the exported script, save/restore lines), the code boxes compile and
    speak the page's language."""
    from dataclasses import replace

    from tests.test_evaluation import tiny_run

    at = page_app(script)
    at.query_params["lang"] = lang
    other = replace(tiny_run(), run_id="run-2")
    at.session_state["lab_runs"] = [tiny_run(), other]
    at.session_state["compare_runs"] = ["run-1", "run-2"]
    at.run(timeout=120)
    assert [box for box in codes(at) if box.language == "python"]
    _check_code_boxes(at, lang)


def _generated_code(lang: str, monkeypatch) -> dict[str, str]:
    """Every core code generator's output with the comments a page in `lang` passes (ui.page.code_comments)."""
    from dataclasses import replace

    import ui.i18n
    from playground import augmentation, data, transfer
    from playground.lab import codegen
    from playground.lab.options import PRESETS
    from ui.page import code_comments

    monkeypatch.setattr(ui.i18n, "_last_language", lang)
    config = replace(PRESETS["course_notes"], validation_split=0.2, train_size=1000)  # every callback, both splits
    specs = [augmentation.spec_for(option) for option in augmentation.AUGMENTATIONS]
    code = {
        "data": data.load_code(code_comments("data")),
        "augmentation": augmentation.keras_code(specs, seed=1, comments=code_comments("augmentation")),
        "lab": codegen.keras_code(config, comments=code_comments("lab")),
        "script": codegen.training_script(config, comments=code_comments("lab")),
    }
    for mode in transfer.MODES:
        code[mode] = transfer.transfer_code(mode, comments=code_comments("transfer"))
    return code


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_generated_code_compiles_and_its_comments_speak_the_language(lang, monkeypatch):
    """The generators' code compiles with either language's comments; in Korean no comment has an English word
    (the Debian alternative is commented-out code, not prose), and only the comments differ from English."""
    from playground.lab.codegen import DEBIAN_ALTERNATIVE

    code = _generated_code(lang, monkeypatch)
    english = _generated_code("en", monkeypatch)
    for name, text in code.items():
        compile(text, f"<{name}>", "exec")

        def code_only(source: str) -> list[str]:  # the lines without comments and the script's docstring
            return [line.split("#")[0].rstrip() for line in source.split('"""')[-1].splitlines()]

        assert code_only(text) == code_only(english[name]), name
    if lang == "ko":
        commented_code = set(_comments(DEBIAN_ALTERNATIVE))
        found = {c: english_words(c) for text in code.values() for c in _comments(text) if c not in commented_code}
        assert not {c: w for c, w in found.items() if w}
        docstring = code["script"].split('"""')[1].split("\n\n", 1)[1]  # after the title line: prose
        assert not english_words(docstring), docstring
        assert code != english


def test_code_comment_texts_match_the_generators_english():
    """ui/texts/code.py's English for a generator is that generator's default, key for key."""
    from playground import augmentation, data, transfer
    from playground.lab import codegen

    defaults = {
        "data": data.LOAD_COMMENTS,
        "augmentation": augmentation.CODE_COMMENTS,
        "transfer": transfer.CODE_COMMENTS,
        "lab": codegen.COMMENTS,
    }
    for area, comments in defaults.items():
        prefix = f"code.{area}."
        assert {k.removeprefix(prefix): v["en"] for k, v in TEXTS.items() if k.startswith(prefix)} == comments


def test_unknown_comment_key_is_refused():
    from playground.augmentation import keras_code

    with pytest.raises(ValueError, match="comments: unknown key"):
        keras_code([], comments={"trainning": "x"})


def test_a_run_of_one_epoch_is_not_worded_as_epochs(monkeypatch):
    """ "all 1 epochs done" read wrong: one epoch has its own wording; more keep the plural."""
    import ui.i18n
    from ui.training_status import event_text

    monkeypatch.setattr(ui.i18n, "_last_language", "en")
    assert event_text(Event("all_epochs", {"epochs": 1}, 1)) == "its one epoch done"
    assert event_text(Event("all_epochs", {"epochs": 3}, 3)) == "all 3 epochs done"
