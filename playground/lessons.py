"""Lessons as files: a planned sequence of shared-link views ("scenes"), each with narration and an optional question.

A lesson lives in ``assets/lessons/<id>.toml``::

    id = "course-notes"
    title = { en = "...", ko = "..." }

    [[scene]]
    page = "conv2d"                               # a url_path of the app
    query = "conv2d_sh=2&conv2d_padding=same"     # that page's own link parameters
    title = { en = "...", ko = "..." }
    narration = { en = "...", ko = "..." }        # 2–4 sentences
    question = { en = "...", ko = "..." }         # optional: predict, then reveal
    answer = "conv2d.output_shape"                # optional: which answer the core computes (never typed in)

A scene can only show what a shared link can: its page opened with its query. The answer to a question is computed
here from the scene's settings (the same Keras arithmetic the page shows), so a lesson can never state a wrong one.

Errors:

* A file that cannot be read as a lesson (TOML syntax, missing ``id``/``title``, no scenes, ...) raises
  :class:`LessonError`, whose message names the file and the line.
* A scene with a problem (unknown page, unknown link parameter, a missing text, an answer that cannot be computed
  from its settings) is *flagged*: it keeps a list of problems, each naming the file and line, and the other scenes
  still play.

The core does not know the app's pages: the caller passes them (url_path → the page's link parameters).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast
from urllib.parse import parse_qsl, urlencode

from playground.architecture import NOTES_28_STACK, stack_from_text, summarize, totals
from playground.convolution import (
    GRIDS,
    MODES,
    PRESETS_1D,
    conv1d,
    output_size,
    output_size_formula,
    parse_numbers,
)
from playground.convolution import Mode as Mode1D
from playground.geometry import Padding

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli (pip install tomli)
    import tomli as tomllib

__all__ = [
    "ANSWERS",
    "LANGUAGES",
    "LESSONS_DIR",
    "Answer",
    "Lesson",
    "LessonError",
    "Scene",
    "Texts",
    "compute_answer",
    "load_lesson",
    "load_lessons",
    "parse_lesson",
    "scene_toml",
]

LANGUAGES = ("en", "ko")
LESSONS_DIR = Path(__file__).resolve().parent.parent / "assets" / "lessons"
MAX_FILE_BYTES = 256_000  # a lesson is text written by a person; anything larger is not one
MAX_SCENES = 200
MAX_QUERY_LENGTH = 2000  # a scene's query is a link: keep it a link's size

# A page's link parameters, as the caller knows them: a collection of names, a predicate, or None (not checked).
LinkParams = Collection[str] | Callable[[str], bool] | None


class LessonError(ValueError):
    """A lesson file that cannot be read; the message starts with ``<file>, line <n>:``.

    Attributes:
        path: the file's name as given.
        line: 1-based line of the problem (None when it concerns the whole file).
    """

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


@dataclass(frozen=True)
class Texts:
    """One text in each language."""

    en: str
    ko: str

    def get(self, lang: str) -> str:
        """The text in `lang` ("en" or "ko"); English for any other value."""
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class Scene:
    """One step of a lesson: a page opened with its link parameters, narration, maybe a question.

    Attributes:
        number: 1-based position in the lesson.
        line: line of the scene's ``[[scene]]`` header in the file.
        page: the url_path it opens.
        query: its link parameters as written (``"conv2d_sh=2&conv2d_padding=same"``).
        params: the same, parsed: ((name, value), ...) in order.
        answer: the answer kind (a key of :data:`ANSWERS`) or None.
        problems: why this scene cannot be played (empty: it plays); each names the file and line.
    """

    number: int
    line: int
    page: str
    query: str
    params: tuple[tuple[str, str], ...]
    title: Texts
    narration: Texts
    question: Texts | None
    answer: str | None
    problems: tuple[str, ...] = ()

    @property
    def playable(self) -> bool:
        return not self.problems

    def param_dict(self) -> dict[str, str]:
        """The link parameters as a dict (the last value of a repeated name wins; see `params` for all)."""
        return dict(self.params)


@dataclass(frozen=True)
class Lesson:
    """A lesson read from ``<path>``: its id (= the file's stem), title and scenes (flagged ones included)."""

    id: str
    path: str
    title: Texts
    description: Texts | None
    scenes: tuple[Scene, ...]

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(p for s in self.scenes for p in s.problems)


@dataclass(frozen=True)
class Answer:
    """A computed answer: the value (as the page shows it) and the arithmetic that gives it."""

    value: str
    formula: str


# --------------------------------------------------------------------------------------------------------------------
# Answers: computed from a scene's link parameters, with the page's defaults for the ones the link leaves out
# --------------------------------------------------------------------------------------------------------------------


def _int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    text = raw.strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits.isdigit() or not low <= int(text) <= high:
        raise ValueError(
            f"Invalid value received for link parameter `{name}`. Expected an integer in "
            f"[{low}, {high}]. Received: {name}={raw!r}"
        )
    return int(text)


def _choice_param(params: Mapping[str, str], name: str, default: str, allowed: Collection[str]) -> str:
    raw = params.get(name, default)
    if raw not in allowed:
        raise ValueError(
            f"Invalid value received for link parameter `{name}`. Expected one of {sorted(allowed)}. "
            f"Received: {name}={raw!r}"
        )
    return raw


def _bool_param(params: Mapping[str, str], name: str, default: bool) -> bool:
    raw = params.get(name)
    if raw is None:
        return default
    if raw.strip().lower() not in {"true", "false"}:
        raise ValueError(
            f"Invalid value received for link parameter `{name}`. Expected true or false. Received: {name}={raw!r}"
        )
    return raw.strip().lower() == "true"


def _grid_shape(params: Mapping[str, str], page: str, *, sources: Collection[str]) -> tuple[int, int]:
    """(rows, cols) of the grid a conv2d/pooling scene starts from; only grid inputs have a size fixed by the link."""
    source_key = f"{page}_source"
    default_source = next(iter(sources))
    source = _choice_param(params, source_key, default_source, (*sources, "photo", "upload"))
    if source not in sources:
        raise ValueError(
            f"A question with an answer needs a grid input (`{source_key}` in {sorted(sources)}): the size of a "
            f"photo depends on how the page downscales it. Received: {source_key}={source!r}"
        )
    grid = _choice_param(params, f"{page}_grid", next(iter(GRIDS)), GRIDS)
    rows, cols = GRIDS[grid].shape
    return rows, cols


def conv2d_output_shape(params: Mapping[str, str]) -> Answer:
    """Output height × width of the 2-D convolution page (one Keras ``Conv2D`` layer) for a scene's settings.

    Per axis, with n the grid's size, k the kernel size (``conv2d_kh``/``conv2d_kw``, default 3), s the stride
    (``conv2d_sh``/``conv2d_sw``, default 1), d the dilation (``conv2d_dilation``, default 1) and
    k_eff = (k − 1)·d + 1:

    * ``conv2d_padding=valid`` (default): ``floor((n − k_eff) / s) + 1``
    * ``conv2d_padding=same``: ``ceil(n / s)``

    (:func:`playground.convolution.output_size`; equal to ``keras.layers.Conv2D(...).compute_output_shape``).
    Only a grid input (``conv2d_source=grid``, the default) has a size the link fixes.
    """
    rows, cols = _grid_shape(params, "conv2d", sources=("grid",))
    kh = _int_param(params, "conv2d_kh", 3, 1, 7)
    kw = _int_param(params, "conv2d_kw", 3, 1, 7)
    sh = _int_param(params, "conv2d_sh", 1, 1, 4)
    sw = _int_param(params, "conv2d_sw", 1, 1, 4)
    dilation = _int_param(params, "conv2d_dilation", 1, 1, 3)
    padding = cast(Padding, _choice_param(params, "conv2d_padding", "valid", ("valid", "same")))
    sizes, formulas = [], []
    for n, k, s in ((rows, kh, sh), (cols, kw, sw)):
        sizes.append(output_size(n, k, strides=s, padding=padding, dilation_rate=dilation))
        formulas.append(output_size_formula(n, k, strides=s, padding=padding, dilation_rate=dilation))
    return Answer(f"{sizes[0]}×{sizes[1]}", f"H: {formulas[0]};  W: {formulas[1]}")


def pooling_output_shape(params: Mapping[str, str]) -> Answer:
    """Output height × width of the pooling page (``MaxPooling2D`` / ``AveragePooling2D``) for a scene's settings.

    Per axis, with n the input's size (a 7×7 grid, or its 'same'-padded feature map, which keeps the size),
    p the pool size (``pooling_size``, default 2) and s the strides (p itself unless ``pooling_stride_default=false``,
    then ``pooling_strides``, default 2):

    * ``pooling_padding=valid`` (default): ``floor((n − p) / s) + 1``
    * ``pooling_padding=same``: ``ceil(n / s)``

    (Keras's pooling output size; :func:`playground.convolution.output_size` with kernel_size = p.) Max and average
    pooling give the same shape. Only grid inputs (``pooling_source`` feature_map, the default, or grid) count.
    """
    rows, cols = _grid_shape(params, "pooling", sources=("feature_map", "grid"))
    pool = _int_param(params, "pooling_size", 2, 1, 4)
    stride = pool
    if not _bool_param(params, "pooling_stride_default", True):
        stride = _int_param(params, "pooling_strides", 2, 1, 4)
    padding = cast(Padding, _choice_param(params, "pooling_padding", "valid", ("valid", "same")))
    sizes = [output_size(n, pool, strides=stride, padding=padding) for n in (rows, cols)]
    formulas = [output_size_formula(n, pool, strides=stride, padding=padding) for n in (rows, cols)]
    return Answer(f"{sizes[0]}×{sizes[1]}", f"H: {formulas[0]};  W: {formulas[1]}")


SHAPES_INPUTS = {"28x28x1": (28, 28, 1), "300x300x3": (300, 300, 3)}  # the shapes page's named inputs


def shapes_params(params: Mapping[str, str]) -> Answer:
    """Total parameter count of the shapes page's model (what ``model.summary()`` prints as "Total params").

    The model is ``shapes_stack`` (the page's stack text; default: the course notes' 16→32→64 CNN) on the input
    ``shapes_input`` ("28x28x1" by default, "300x300x3", or "custom" with ``shapes_h``/``shapes_w``/``shapes_c``).
    Per layer: Conv2D ``(kh·kw·C_in + 1)·filters``, Dense ``(inputs + 1)·units``, pooling/Flatten/Dropout 0
    (:func:`playground.architecture.summarize`, equal to Keras's ``model.count_params()``).
    """
    choice = params.get("shapes_input", "28x28x1")
    if choice == "custom":
        shape = (
            _int_param(params, "shapes_h", 64, 1, 1024),
            _int_param(params, "shapes_w", 64, 1, 1024),
            _int_param(params, "shapes_c", 3, 1, 64),
        )
    elif choice in SHAPES_INPUTS:
        shape = SHAPES_INPUTS[choice]
    else:
        raise ValueError(
            "Invalid value received for link parameter `shapes_input`. Expected one of "
            f"['28x28x1', '300x300x3', 'custom']. Received: shapes_input={choice!r}"
        )
    text = params.get("shapes_stack")
    specs = NOTES_28_STACK if text is None else stack_from_text(text)
    rows = summarize(list(specs), shape)
    total = totals(rows)["params"]
    parts = " + ".join(f"{r['params']:,}" for r in rows if r["params"])
    return Answer(f"{total:,}", f"{parts} = {total:,}" if parts else "0")


def conv1d_output_length(params: Mapping[str, str]) -> Answer:
    """Length of the 1-D convolution page's output (``scipy.signal.convolve``/``correlate``) for a scene's settings.

    With n the signal's length (``conv1d_signal``) and m the kernel's (``conv1d_kernel``; defaults: the course
    notes' [1, 2, 3, 4] and [1, 2]) and ``conv1d_mode``:

    * full (default): ``n + m − 1``
    * same: ``n`` (SciPy keeps the size of the first input)
    * valid: ``n − m + 1`` (the page refuses a kernel longer than the signal here)

    Convolution and correlation give the same length.
    """
    default_signal, default_kernel = PRESETS_1D["notes"]
    signal = parse_numbers(params.get("conv1d_signal", ", ".join(f"{v:g}" for v in default_signal)))
    kernel = parse_numbers(params.get("conv1d_kernel", ", ".join(f"{v:g}" for v in default_kernel)), argument="kernel")
    mode = cast(Mode1D, _choice_param(params, "conv1d_mode", "full", MODES))
    length = len(conv1d(signal, kernel, mode))
    n, m = len(signal), len(kernel)
    formula = {
        "full": f"n + m − 1 = {n} + {m} − 1 = {length}",
        "same": f"n = {length}",
        "valid": f"n − m + 1 = {n} − {m} + 1 = {length}",
    }[mode]
    return Answer(str(length), formula)


# answer kind → (page it belongs to, function of the scene's parameters)
ANSWERS: dict[str, tuple[str, Callable[[Mapping[str, str]], Answer]]] = {
    "conv2d.output_shape": ("conv2d", conv2d_output_shape),
    "pooling.output_shape": ("pooling", pooling_output_shape),
    "shapes.params": ("shapes", shapes_params),
    "conv1d.output_length": ("conv1d", conv1d_output_length),
}


def compute_answer(scene: Scene) -> Answer:
    """The answer to `scene`'s question, computed from its settings.

    Raises:
        ValueError: the scene has no answer kind, the kind belongs to another page, or a setting it reads is invalid.
    """
    if scene.answer not in ANSWERS:
        raise ValueError(
            f"Invalid value received for argument `answer`. Expected one of {sorted(ANSWERS)}. "
            f"Received: answer={scene.answer!r}"
        )
    page, function = ANSWERS[scene.answer]
    if page != scene.page:
        raise ValueError(f"The answer `{scene.answer}` is computed from page {page!r}; this scene shows {scene.page!r}")
    return function(scene.param_dict())


# --------------------------------------------------------------------------------------------------------------------
# Reading a file
# --------------------------------------------------------------------------------------------------------------------

_SCENE_HEADER = re.compile(r"^\s*\[\[\s*scene\s*\]\]")
_ANY_HEADER = re.compile(r"^\s*\[")


class _Lines:
    """Where things are in the file's text, for messages (tomllib gives positions only for syntax errors)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.scene_starts = [i for i, line in enumerate(self.lines) if _SCENE_HEADER.match(line)]

    def scene(self, index: int) -> int:
        """1-based line of the `index`-th (0-based) ``[[scene]]`` header."""
        return self.scene_starts[index] + 1 if index < len(self.scene_starts) else len(self.lines)

    def key(self, name: str, scene: int | None = None) -> int | None:
        """1-based line of ``name = ...`` at the top level (scene None) or inside scene `scene` (0-based)."""
        if scene is None:
            start, stop = 0, self.scene_starts[0] if self.scene_starts else len(self.lines)
        else:
            if scene >= len(self.scene_starts):
                return None
            start = self.scene_starts[scene] + 1
            stop = next((i for i in range(start, len(self.lines)) if _ANY_HEADER.match(self.lines[i])), len(self.lines))
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
        return next((i + 1 for i in range(start, stop) if pattern.match(self.lines[i])), None)


def _texts(value: object, name: str) -> Texts:
    """A ``{ en = "...", ko = "..." }`` table; ValueError naming what is missing."""
    if not isinstance(value, dict):
        raise ValueError(f'`{name}` must be a table {{ en = "...", ko = "..." }}, not {type(value).__name__}')
    missing = [lang for lang in LANGUAGES if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise ValueError(f"`{name}` has no text in {', '.join(missing)}")
    extra = sorted(set(value) - set(LANGUAGES))
    if extra:
        raise ValueError(f"`{name}` has unknown languages {extra} (expected {list(LANGUAGES)})")
    return Texts(en=value["en"].strip(), ko=value["ko"].strip())


def _knows(params: LinkParams, name: str) -> bool:
    if params is None:
        return True
    if callable(params):
        return bool(params(name))
    return name in params


SCENE_KEYS = ("page", "query", "title", "narration", "question", "answer")


def _scene(
    raw: object, index: int, where: Callable[[str | None], str], pages: Mapping[str, LinkParams]
) -> tuple[Scene, list[str]]:
    """Read one scene; every problem becomes a message ``<file>, line <n>: scene <k>: ...`` on the scene."""
    problems: list[str] = []

    def flag(key: str | None, message: str) -> None:
        problems.append(f"{where(key)}: scene {index + 1}: {message}")

    table = raw if isinstance(raw, dict) else {}
    if not isinstance(raw, dict):
        flag(None, "a scene must be a table ([[scene]] followed by key = value lines)")
    for key in sorted(set(table) - set(SCENE_KEYS)):
        flag(key, f"unknown key `{key}` (a scene has {', '.join(SCENE_KEYS)})")

    def text(key: str, required: bool) -> Texts | None:
        if key not in table:
            if required:
                flag(None, f"`{key}` is missing")
            return None
        try:
            return _texts(table[key], key)
        except ValueError as err:
            flag(key, str(err))
            return None

    title = text("title", True)
    narration = text("narration", True)
    question = text("question", False)

    page = table.get("page")
    if not isinstance(page, str) or not page:
        flag("page" if "page" in table else None, '`page` is missing (a url_path such as "conv2d")')
        page = ""
    elif page not in pages:
        flag("page", f"unknown page {page!r} (known pages: {', '.join(sorted(pages))})")

    query = table.get("query", "")
    params: list[tuple[str, str]] = []
    if not isinstance(query, str):
        flag("query", f'`query` must be a string like "conv2d_sh=2&conv2d_padding=same", not {type(query).__name__}')
        query = ""
    elif len(query) > MAX_QUERY_LENGTH:
        flag("query", f"`query` is longer than {MAX_QUERY_LENGTH} characters")
    else:
        query = query.strip().lstrip("?")
        for piece in filter(None, query.split("&")):
            if "=" not in piece or not piece.split("=", 1)[0]:
                flag("query", f"cannot read {piece!r} in `query` (expected name=value pairs joined by &)")
        params = parse_qsl(query, keep_blank_values=True)
        if page in pages:
            unknown = [name for name, _ in params if not _knows(pages[page], name)]
            for name in dict.fromkeys(unknown):
                flag("query", f"unknown link parameter {name!r} for page {page!r}")

    answer = table.get("answer")
    if answer is not None:
        if not isinstance(answer, str) or answer not in ANSWERS:
            flag("answer", f"unknown answer {answer!r} (known: {', '.join(sorted(ANSWERS))})")
            answer = None
        elif question is None:
            flag("answer", "`answer` without a `question`")
    scene = Scene(
        number=index + 1,
        line=0,
        page=page,
        query=query,
        params=tuple(params),
        title=title or Texts(f"Scene {index + 1}", f"장면 {index + 1}"),
        narration=narration or Texts("", ""),
        question=question,
        answer=answer if isinstance(answer, str) else None,
    )
    if scene.answer and not problems:
        try:
            compute_answer(scene)
        except ValueError as err:
            flag("answer", f"the answer cannot be computed from this scene's settings: {err}")
    return scene, problems


def parse_lesson(text: str, path: str, pages: Mapping[str, LinkParams]) -> Lesson:
    """Read a lesson from its TOML `text`.

    Args:
        text: the file's content.
        path: the file name used in messages; its stem must equal the lesson's ``id``.
        pages: the app's pages: url_path → its link parameters (a collection of names, a predicate
            ``name -> bool``, or None to accept any name).

    Returns:
        The lesson; scenes with problems are kept, flagged (``scene.problems``).

    Raises:
        LessonError: the text is not TOML, or not a lesson (no ``id``, ``title`` or scenes; an ``id`` that differs
            from the file's name). The message names the file and the line.
    """
    name = Path(path).name
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # tomllib's message already ends "(at line L, column C)"; keep the line in front, like every message here.
        line = getattr(err, "lineno", None)
        message = str(err)
        if line is None:  # Python < 3.14 keeps the position only in the message
            found = re.search(r"at line (\d+), column (\d+)", message)
            line = int(found.group(1)) if found else None
        raise LessonError(name, line, f"not valid TOML: {message}") from None
    lines = _Lines(text)

    def top(key: str) -> int | None:
        return lines.key(key)

    lesson_id = data.get("id")
    if not isinstance(lesson_id, str) or not lesson_id.strip():
        raise LessonError(name, top("id"), "`id` is missing (a short name equal to the file's name without .toml)")
    if lesson_id != Path(path).stem:
        raise LessonError(name, top("id"), f"`id` is {lesson_id!r} but the file is named {name!r}: make them equal")
    try:
        title = _texts(data.get("title"), "title")
    except ValueError as err:
        raise LessonError(name, top("title"), str(err)) from None
    description = None
    if "description" in data:
        try:
            description = _texts(data["description"], "description")
        except ValueError as err:
            raise LessonError(name, top("description"), str(err)) from None
    unknown = sorted(set(data) - {"id", "title", "description", "scene"})
    if unknown:
        raise LessonError(
            name,
            top(unknown[0]),
            f"unknown key `{unknown[0]}` (a lesson has id, title, description and [[scene]] tables)",
        )
    raw_scenes = data.get("scene")
    if not isinstance(raw_scenes, list) or not raw_scenes:
        raise LessonError(name, top("scene"), "no scenes: add at least one [[scene]] table")
    if len(raw_scenes) > MAX_SCENES:
        raise LessonError(name, None, f"{len(raw_scenes)} scenes; a lesson has at most {MAX_SCENES}")

    scenes = []
    for index, raw in enumerate(raw_scenes):

        def where(key: str | None, index: int = index) -> str:
            line = (lines.key(key, index) if key else None) or lines.scene(index)
            return f"{name}, line {line}"

        scene, problems = _scene(raw, index, where, pages)
        scenes.append(replace(scene, line=lines.scene(index), problems=tuple(problems)))
    return Lesson(id=lesson_id, path=name, title=title, description=description, scenes=tuple(scenes))


def load_lesson(path: str | Path, pages: Mapping[str, LinkParams]) -> Lesson:
    """Read ``<path>`` (see :func:`parse_lesson`). Raises LessonError for a file that is unreadable or too large."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LessonError(path.name, None, f"{size} bytes; a lesson file has at most {MAX_FILE_BYTES}")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LessonError(path.name, None, f"cannot read the file: {err}") from None
    return parse_lesson(text, str(path), pages)


def load_lessons(
    pages: Mapping[str, LinkParams], directory: str | Path = LESSONS_DIR
) -> tuple[list[Lesson], list[LessonError]]:
    """Every ``*.toml`` lesson in `directory`, sorted by id, and the errors of the files that could not be read."""
    lessons, errors = [], []
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            lessons.append(load_lesson(path, pages))
        except LessonError as err:
            errors.append(err)
    return lessons, errors


# --------------------------------------------------------------------------------------------------------------------
# Writing a scene ("save this view as a scene")
# --------------------------------------------------------------------------------------------------------------------


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in {'"', "\\"}:
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _answer_hint(page: str) -> str:
    kinds = [kind for kind, (owner, _) in ANSWERS.items() if owner == page]
    if not kinds:
        return "# (no computed answers for this page: a question here is discussed, not revealed)"
    return f'# answer = "{kinds[0]}"  # computed from the settings above; kinds for this page: {", ".join(kinds)}'


def scene_toml(
    page: str, params: Mapping[str, str | list[str]] | list[tuple[str, str]], *, title: str = "", narration: str = ""
) -> str:
    """The ``[[scene]]`` block that opens `page` with `params`, with placeholders for the texts.

    Args:
        page: a url_path.
        params: the page's link parameters (a mapping, values may be lists for repeated names, or pairs).
        title, narration: placeholder text (the same in both languages until someone translates it).

    Returns:
        TOML text that :func:`parse_lesson` reads back to the same page and parameters.
    """
    pairs = list(params.items()) if isinstance(params, Mapping) else list(params)
    query = urlencode([(k, v) for k, vs in pairs for v in (vs if isinstance(vs, list) else [vs])], safe=",")
    title = title or "TODO: title"
    narration = narration or "TODO: 2–4 sentences"

    def texts(value: str) -> str:
        return f"{{ en = {_toml_string(value)}, ko = {_toml_string(value)} }}"

    return "\n".join(
        [
            "[[scene]]",
            f"page = {_toml_string(page)}",
            f"query = {_toml_string(query)}",
            f"title = {texts(title)}",
            f"narration = {texts(narration)}",
            '# question = { en = "...", ko = "..." }',
            _answer_hint(page),
            "",
        ]
    )
