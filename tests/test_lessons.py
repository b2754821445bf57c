"""Lessons as files (playground/lessons.py), the shipped lessons, the Lessons page and presenter mode under AppTest."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pytest
import scipy.signal

from playground import lessons as core
from playground.architecture import build_model, stack_from_text
from playground.convolution import GRIDS
from playground.lessons import (
    LessonError,
    compute_answer,
    conv1d_output_length,
    conv2d_output_shape,
    load_lessons,
    parse_lesson,
    pooling_output_shape,
    scene_toml,
    shapes_params,
)
from tests.conftest import page_app
from ui.i18n import t
from ui.lesson_links import known_pages
from ui.pages import PAGES
from ui.texts import TEXTS

PAGES_OK = {"conv2d": {"conv2d_sh", "conv2d_sw", "conv2d_padding", "conv2d_kh"}, "pooling": None}
HEAD = 'id = "demo"\ntitle = { en = "Demo", ko = "데모" }\n'


def scene(page="conv2d", query="conv2d_sh=2", extra=""):
    return (
        textwrap.dedent(
            f"""
        [[scene]]
        page = "{page}"
        query = "{query}"
        title = {{ en = "T", ko = "제목" }}
        narration = {{ en = "One. Two.", ko = "하나. 둘." }}
        """
        )
        + extra
    )


def test_parses_a_lesson_into_frozen_dataclasses():
    """A valid file gives a Lesson with its scenes, parsed parameters and both languages; the objects are frozen."""
    lesson = parse_lesson(HEAD + scene() + scene("pooling", "pooling_size=3"), "demo.toml", PAGES_OK)
    assert lesson.id == "demo" and lesson.title.get("ko") == "데모"
    assert [s.page for s in lesson.scenes] == ["conv2d", "pooling"]
    assert lesson.scenes[0].params == (("conv2d_sh", "2"),)
    assert all(s.playable for s in lesson.scenes) and not lesson.problems
    assert lesson.scenes[1].line == HEAD.count("\n") + scene().count("\n") + 2
    with pytest.raises(AttributeError):
        lesson.scenes[0].page = "x"


def test_toml_syntax_error_names_file_and_line():
    """A TOML syntax error raises LessonError whose message starts with the file's name and the line."""
    text = HEAD + scene() + 'page = "conv2d\n'
    bad_line = text.count("\n")
    with pytest.raises(LessonError) as info:
        parse_lesson(text, "assets/lessons/demo.toml", PAGES_OK)
    assert str(info.value).startswith(f"demo.toml, line {bad_line}:"), info.value
    assert info.value.line == bad_line


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('id = "other"\ntitle = { en = "a", ko = "b" }\n' + scene(), 1, "file is named"),
        ('id = "demo"\ntitle = { en = "a" }\n' + scene(), 2, "no text in ko"),
        (HEAD + "colour = 3\n" + scene(), 3, "unknown key `colour`"),
        (HEAD, None, "no scenes"),
    ],
)
def test_lesson_level_errors_name_file_and_line(text, line, words):
    """A file that is not a lesson (id ≠ file name, a missing translation, unknown key, no scenes) names the line."""
    with pytest.raises(LessonError) as info:
        parse_lesson(text, "demo.toml", PAGES_OK)
    prefix = f"demo.toml, line {line}:" if line else "demo.toml"
    assert str(info.value).startswith(prefix) and words in str(info.value), info.value


def test_unknown_page_and_parameter_are_flagged_and_the_others_play():
    """A scene with an unknown page or link parameter carries problems naming file and line; the others play."""
    text = HEAD + scene() + scene(page="conv3d") + scene(query="conv2d_stride=2&conv2d_sh=2") + scene()
    lesson = parse_lesson(text, "demo.toml", PAGES_OK)
    playable = [s.playable for s in lesson.scenes]
    assert playable == [True, False, False, True]
    unknown_page, unknown_param = lesson.scenes[1].problems[0], lesson.scenes[2].problems[0]
    page_line = text.splitlines().index('page = "conv3d"') + 1
    query_line = text.splitlines().index('query = "conv2d_stride=2&conv2d_sh=2"') + 1
    assert unknown_page.startswith(f"demo.toml, line {page_line}: scene 2:") and "conv3d" in unknown_page
    assert unknown_param.startswith(f"demo.toml, line {query_line}: scene 3:") and "conv2d_stride" in unknown_param


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ('answer = "conv2d.output_shape"\n', "without a `question`"),
        ('question = { en = "?", ko = "?" }\nanswer = "conv2d.guess"\n', "unknown answer"),
        ('question = { en = "?", ko = "?" }\nanswer = "pooling.output_shape"\n', "computed from page 'pooling'"),
        ('question = { en = "?", ko = "?" }\nanswer = "conv2d.output_shape"\ncolour = 1\n', "unknown key"),
    ],
)
def test_bad_questions_are_flagged(extra, words):
    """An answer without a question, an unknown kind, a kind of another page or an unknown key flags the scene."""
    lesson = parse_lesson(HEAD + scene(extra=extra), "demo.toml", PAGES_OK)
    assert not lesson.scenes[0].playable and words in " ".join(lesson.scenes[0].problems)


def test_answer_that_the_settings_cannot_give_is_flagged():
    """A kernel larger than the grid ('valid') cannot have an output shape: the scene says why, with the line."""
    q = 'question = { en = "?", ko = "?" }\nanswer = "conv2d.output_shape"\n'
    pages = {"conv2d": None}
    lesson = parse_lesson(HEAD + scene(query="conv2d_kh=7&conv2d_dilation=2", extra=q), "demo.toml", pages)
    assert "cannot be computed" in lesson.scenes[0].problems[0] and "kernel_size" in lesson.scenes[0].problems[0]
    photo = parse_lesson(HEAD + scene(query="conv2d_source=photo", extra=q), "demo.toml", pages)
    assert "grid input" in photo.scenes[0].problems[0]


def test_real_pages_link_parameters():
    """The page-script scan knows real keys (also f-string ones) and refuses typos and other pages' keys."""
    pages = known_pages()
    assert pages["conv2d"]("conv2d_sh") and pages["conv2d"]("conv2d_padding") and pages["conv2d"]("conv2d_stack")
    assert pages["augmentation"]("augment_use_rotation")
    assert not pages["conv2d"]("conv2d_stride") and not pages["conv2d"]("pooling_size")
    assert "lessons" not in pages


# ------------------------------------------------------------------------------------------------------ answers


@pytest.mark.parametrize("grid", list(GRIDS)[:2])
@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize(("k", "s", "d"), [(3, 1, 1), (2, 2, 1), (3, 2, 2), (7, 1, 1), (1, 4, 1), (5, 3, 1)])
def test_conv2d_answer_equals_keras(grid, padding, k, s, d):
    """conv2d.output_shape equals keras.layers.Conv2D's output shape for the same settings."""
    import keras

    params = {"conv2d_grid": grid, "conv2d_padding": padding, "conv2d_kh": str(k), "conv2d_kw": str(max(k - 1, 1))}
    params |= {"conv2d_sh": str(s), "conv2d_sw": str(s), "conv2d_dilation": str(d)}
    if s > 1 and d > 1:  # Keras refuses strides > 1 with dilation > 1
        return
    h, w = GRIDS[grid].shape
    layer = keras.layers.Conv2D(1, (k, max(k - 1, 1)), strides=s, padding=padding, dilation_rate=d)
    try:
        answer = conv2d_output_shape(params)
    except ValueError:
        with pytest.raises(ValueError):  # a kernel larger than the input: Keras refuses it too
            layer.compute_output_shape((1, h, w, 1))
        return
    _, oh, ow, _ = layer.compute_output_shape((1, h, w, 1))
    assert answer.value == f"{oh}×{ow}"


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize(("pool", "stride"), [(2, None), (3, None), (2, 1), (4, 3), (1, None)])
def test_pooling_answer_equals_keras(padding, pool, stride):
    """pooling.output_shape equals keras.layers.MaxPooling2D's output shape (and AveragePooling2D's)."""
    import keras

    params = {"pooling_size": str(pool), "pooling_padding": padding}
    if stride is not None:
        params |= {"pooling_stride_default": "false", "pooling_strides": str(stride)}
    answer = pooling_output_shape(params)
    for layer in (keras.layers.MaxPooling2D, keras.layers.AveragePooling2D):
        _, oh, ow, _ = layer(pool, strides=stride, padding=padding).compute_output_shape((1, 7, 7, 1))
        assert answer.value == f"{oh}×{ow}"


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize(("signal", "kernel"), [("1, 2, 3, 4", "1, 2"), ("1 2", "3 2 1 0"), ("5", "1")])
def test_conv1d_answer_equals_scipy(mode, signal, kernel):
    """conv1d.output_length equals the length scipy.signal.convolve and correlate return."""
    x, y = np.fromstring(signal.replace(",", " "), sep=" "), np.fromstring(kernel.replace(",", " "), sep=" ")
    params = {"conv1d_signal": signal, "conv1d_kernel": kernel, "conv1d_mode": mode}
    if mode == "valid" and len(y) > len(x):  # the core (and the page) refuse it; SciPy would swap the inputs
        with pytest.raises(ValueError, match="kernel"):
            conv1d_output_length(params)
        return
    answer = conv1d_output_length(params)
    assert answer.value == str(len(scipy.signal.convolve(x, y, mode=mode)))
    assert answer.value == str(len(scipy.signal.correlate(x, y, mode=mode)))


def test_shapes_answers_of_the_shipped_lesson_equal_keras():
    """shapes.params for every shapes scene of the shipped lessons equals Keras's model.count_params()."""
    lessons, _ = load_lessons(known_pages())
    scenes = [s for lesson in lessons for s in lesson.scenes if s.answer == "shapes.params"]
    assert scenes
    for s in scenes:
        params = s.param_dict()
        shape = core.SHAPES_INPUTS[params.get("shapes_input", "28x28x1")]
        specs = stack_from_text(params["shapes_stack"]) if "shapes_stack" in params else core.NOTES_28_STACK
        model = build_model(list(specs), shape)
        assert compute_answer(s).value == f"{model.count_params():,}"


def test_shapes_answer_formula_adds_up():
    """The shapes answer's formula lists each layer's parameters and ends with their sum."""
    answer = shapes_params({})
    parts, total = answer.formula.split(" = ")
    assert sum(int(p.replace(",", "")) for p in parts.split(" + ")) == int(total.replace(",", ""))


def test_scene_toml_reads_back():
    """'Save this view as a scene' gives a block that parse_lesson reads back to the same page and parameters."""
    params = {"conv2d_sh": "2", "conv2d_stack": ["sobel_x", "laplacian"], "conv1d_signal": 'a "quoted" \\ text'}
    block = scene_toml("conv2d", params)
    lesson = parse_lesson(HEAD + block, "demo.toml", {"conv2d": None})
    got = lesson.scenes[0]
    assert got.page == "conv2d" and got.playable
    assert got.params == (
        ("conv2d_sh", "2"),
        ("conv2d_stack", "sobel_x"),
        ("conv2d_stack", "laplacian"),
        ("conv1d_signal", 'a "quoted" \\ text'),
    )
    assert 'answer = "conv2d.output_shape"' in block


# ------------------------------------------------------------------------------------------------ shipped lessons

SHIPPED, SHIPPED_ERRORS = load_lessons(known_pages())
SHIPPED_SCENES = [(lesson.id, s) for lesson in SHIPPED for s in lesson.scenes]
SCRIPTS = {p.url_path: p.script for p in PAGES}
METRIC_OF_ANSWER = {  # the metric on the page that shows what the answer computes
    "conv2d.output_shape": "conv2d.output_shape",
    "pooling.output_shape": "pooling.output_shape",
    "shapes.params": "shapes.total",
    "conv1d.output_length": "conv1d.output_length",
}


def test_shipped_lessons_read_cleanly():
    """Every shipped file reads; the course-notes lesson has ≥ 12 playable scenes with 2–4 sentences and questions."""
    assert not SHIPPED_ERRORS, SHIPPED_ERRORS
    notes = next(lesson for lesson in SHIPPED if lesson.id == "course-notes")
    assert len(notes.scenes) >= 12 and not notes.problems, notes.problems
    for s in notes.scenes:
        sentences = [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", s.narration.en) if p]
        assert 2 <= len(sentences) <= 4, (s.number, sentences)
        assert re.search(r"[가-힣]", s.narration.ko) and re.search(r"[가-힣]", s.title.ko)
    assert sum(s.question is not None for s in notes.scenes) >= 5


@pytest.mark.parametrize(("lesson_id", "s"), SHIPPED_SCENES, ids=lambda v: getattr(v, "number", v))
def test_every_shipped_scene_opens_its_page(lesson_id, s):
    """Each scene's page opens as a shared link with its parameters: no exception, no ignored-parameter notice, and a
    question's computed answer is the number the page itself shows."""
    at = page_app(SCRIPTS[s.page])
    grouped: dict[str, list[str]] = {}
    for name, value in s.params:
        grouped.setdefault(name, []).append(value)
    for name, values in grouped.items():
        at.query_params[name] = values if len(values) > 1 else values[0]
    at.run()
    assert not at.exception, at.exception
    notice = TEXTS["common.ignored_url"]["en"].split("{")[0]
    assert not [i.value for i in at.info if i.value.startswith(notice)], f"scene {s.number} of {lesson_id}"
    if s.answer:
        label = t(METRIC_OF_ANSWER[s.answer])
        shown = [m.value for m in at.metric if m.label == label]
        assert shown == [compute_answer(s).value], (s.number, shown)


# ------------------------------------------------------------------------------------------ the page, presenter mode


def test_lessons_page_plays_scenes_and_reveals_the_computed_answer():
    """?lessons_scene=3 opens scene 3; Next/Previous move; Reveal answer shows the core's answer; URL follows."""
    at = page_app("app_pages/lessons.py")
    at.query_params["lessons_scene"] = "3"
    at.run()
    assert not at.exception and not at.info
    assert at.subheader[0].value.startswith("3 / ")
    at.button(key="lessons_next").click().run()
    assert at.subheader[0].value.startswith("4 / ") and at.query_params["lessons_scene"] == "4"
    at.button(key="lessons_previous").click().run()
    at.toggle(key="lessons_reveal_3").set_value(True).run()
    expected = compute_answer(next(s for s in SHIPPED if s.id == "course-notes").scenes[2]).value
    assert expected in at.success[0].value


def test_bad_lesson_file_gives_a_message_and_others_still_play(tmp_path, monkeypatch):
    """A broken file is named (with its line) in a warning; a flagged scene shows why; the good ones play."""
    (tmp_path / "broken.toml").write_text('id = "broken"\ntitle = { en = "x", ko = "y" \n', encoding="utf-8")
    (tmp_path / "demo.toml").write_text(HEAD + scene() + scene(page="conv3d"), encoding="utf-8")
    monkeypatch.setattr(core, "LESSONS_DIR", tmp_path)
    at = page_app("app_pages/lessons.py")
    at.run()
    assert not at.exception
    assert any("broken.toml, line 2" in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.subheader[0].value.startswith("1 / 2")
    at.button(key="lessons_next").click().run()
    assert any("conv3d" in w.value for w in at.warning)


def test_presenter_mode_from_the_link():
    """?present=1 turns presenter mode on without an ignored-parameter notice; the toggle and Exit turn it off."""
    at = page_app("app_pages/lessons.py")
    at.query_params["present"] = "1"
    at.run()
    assert not at.exception and not at.info
    assert at.toggle(key="presenter_on").value is True and at.query_params["present"] == "1"
    assert "presenter_save" not in [b.key for b in at.button]  # the Lessons page has no view of its own to save
    at.button(key="presenter_exit").click().run()
    assert at.toggle(key="presenter_on").value is False and "present" not in at.query_params
