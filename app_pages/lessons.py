"""Lessons: play a lesson file scene by scene — the page in its settings, the narration beside it, a question to
predict before the answer (computed by the core) is revealed. ?lessons_id=…&lessons_scene=… opens one scene."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode, urljoin

import streamlit as st

from playground.lessons import LESSONS_DIR, Lesson, LessonError, Scene, compute_answer, load_lessons
from ui.i18n import current_language, t
from ui.lesson_links import known_pages
from ui.page import end_page, header
from ui.pages import PAGES
from ui.presenter import LESSON_POSITION, LESSON_STEP, ZOOM, presenter_mode, presenting, tidy_embedded_views
from ui.state import choice, ranged_slider

SCENE_KEY = "lessons_scene"
VIEW_HEIGHT = 760  # px of the embedded page (it scrolls inside)
SCRIPTS = {p.url_path: p.script for p in PAGES}


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(directory: str, stamps: tuple[tuple[str, float], ...]) -> tuple[list[Lesson], list[LessonError]]:
    """All lesson files of `directory`; `stamps` (name, mtime) makes an edited file load again."""
    return load_lessons(known_pages(), directory)


def _lessons() -> tuple[list[Lesson], list[LessonError]]:
    stamps = tuple((p.name, p.stat().st_mtime) for p in sorted(Path(LESSONS_DIR).glob("*.toml")))
    return _load(str(LESSONS_DIR), stamps)


def _move(delta: int, count: int) -> None:
    st.session_state[SCENE_KEY] = min(max(int(st.session_state.get(SCENE_KEY, 1)) + delta, 1), count)


def _scene_url(scene: Scene) -> str:
    """The scene's page as a link of this app, embedded (no sidebar, no toolbar), in the viewer's language."""
    params = list(scene.params)
    if current_language() != "en":
        params.append(("lang", current_language()))
    params.append(("embed", "true"))
    path = f"{scene.page}?{urlencode(params)}"
    base = st.context.url  # the page's own URL: keeps any server base path (…/app/lessons → …/app/conv2d)
    return urljoin(base, path) if base else f"/{path}"


def _grouped(params: tuple[tuple[str, str], ...]) -> dict[str, str | list[str]]:
    """Link parameters as st.query_params takes them: a repeated name (a multiselect) as a list."""
    grouped: dict[str, list[str]] = {}
    for name, value in params:
        grouped.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in grouped.items()}


def _question(scene: Scene, lang: str) -> None:
    st.markdown(f"**{t('lessons.question')}** {scene.question.get(lang)}")
    if scene.answer is None:
        return
    answer = compute_answer(scene)  # a playable scene's answer is computable (checked when the file was read)
    revealed = st.toggle(t("lessons.reveal"), key=f"lessons_reveal_{scene.number}")
    if revealed:
        st.success(t("lessons.answer", value=answer.value), icon=":material/lightbulb:")
        st.caption(answer.formula)


presenter_mode("lessons", fallback=True)  # until the frame calls it for every page
if not presenting():  # on a projector the scene's title is the heading
    header("lessons")

lessons, errors = _lessons()
for err in errors:
    st.warning(t("lessons.bad_file", message=str(err)), icon=":material/error:")
if not lessons:
    st.info(t("lessons.none"), icon=":material/school:")
    end_page()

lang = current_language()
by_id = {lesson.id: lesson for lesson in lessons}
with st.container(key="presenter_hide_lesson_pick"):
    lesson_id = choice(
        st.selectbox,
        t("lessons.pick"),
        list(by_id),
        key="lessons_id",
        format_func=lambda i: by_id[i].title.get(lang),
        on_change=lambda: st.session_state.update({SCENE_KEY: 1}),
    )
lesson = by_id[lesson_id]
count = len(lesson.scenes)

step = st.session_state.pop(LESSON_STEP, 0)  # a ← / → press in presenter mode
if step:
    _move(step, count)
present = presenting()
previous, middle, following = st.columns([1, 5, 1], vertical_alignment="bottom")
with middle:
    with st.container(key="presenter_hide_scene_slider"):  # presenter mode: the keys step, the title shows
        number = ranged_slider(t("lessons.scene"), 1, count, 1, key=SCENE_KEY)
previous.button(
    t("lessons.previous"),
    key="lessons_previous",
    icon=":material/arrow_back:",
    on_click=_move,
    args=(-1, count),
    disabled=number <= 1,
    width="stretch",
)
following.button(
    t("lessons.next"),
    key="lessons_next",
    icon=":material/arrow_forward:",
    type="primary",
    on_click=_move,
    args=(1, count),
    disabled=number >= count,
    width="stretch",
)
st.session_state[LESSON_POSITION] = {"id": lesson.id, "scene": number, "count": count}
scene = lesson.scenes[number - 1]

if lesson.problems:
    summary = t("lessons.flagged_count", count=len(lesson.problems))
    with st.container(key="presenter_hide_problems"), st.expander(summary, key="lessons_problems_box"):
        for problem in lesson.problems:
            st.text(problem)

(middle if present else st).subheader(t("lessons.scene_title", number=number, count=count, title=scene.title.get(lang)))
if not scene.playable:
    st.warning(t("lessons.flagged", problems="; ".join(scene.problems)), icon=":material/report:")
    end_page()

words, view = st.columns([1, 2.4] if present else [1, 2.2], gap="medium" if present else "large")
with words:
    st.markdown(scene.narration.get(lang))
    if scene.question is not None:
        _question(scene, lang)
    st.page_link(
        SCRIPTS[scene.page],
        label=t("lessons.open"),
        icon=":material/open_in_new:",
        query_params=_grouped(scene.params),
    )
    if present:
        st.caption(t("lessons.keys_help"))
        # The embedded page fills the projector's height below the scene's title (the main area is zoomed).
        st.html(f"<style>.st-key-lessons_view iframe {{ height: calc(100vh / {ZOOM} - 96px) !important; }}</style>")
with view, st.container(key="lessons_view"):
    st.iframe(_scene_url(scene), height=VIEW_HEIGHT)
tidy_embedded_views(".st-key-lessons_view iframe")
