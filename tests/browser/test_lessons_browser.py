"""The Lessons page in a real browser: presenter mode stepped with the keyboard, Reveal answer, the scene's own page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from playground.lessons import compute_answer, load_lessons, parse_lesson
from tests.browser.conftest import SCRIPT_STATE, exceptions_on, wait_for_app
from ui.lesson_links import known_pages

pytestmark = pytest.mark.browser

H3 = '[data-testid="stMain"] h3'
NOTES = next(lesson for lesson in load_lessons(known_pages())[0] if lesson.id == "course-notes")


def _idle(pg, timeout: float = 60_000) -> None:
    pg.wait_for_function(f"() => ({SCRIPT_STATE})() === 'notRunning'", timeout=timeout)


def _scene_heading(pg) -> str:
    return pg.locator(H3).first.inner_text()


def _wait_heading(pg, prefix: str, timeout: float = 20_000) -> None:
    pg.wait_for_function(
        f"() => (document.querySelector('{H3}')?.innerText || '').startsWith({prefix!r})", timeout=timeout
    )


def _press_to(pg, key: str, prefix: str, tries: int = 3) -> None:
    """Press `key` as a person does until the scene heading starts with `prefix`. The keys are heard by a component
    whose script loads after the page has run; on a busy machine a press can come before it listens (nothing
    happens, as for a person, who presses again). The heading is checked before each new press, so a press that
    did land is never repeated."""
    for attempt in range(tries):
        pg.keyboard.press(key)
        try:
            _wait_heading(pg, prefix, timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise


@pytest.fixture
def projector(browser):
    """A 1280×720 page, the size of a projector."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    yield pg
    context.close()


def test_presenter_mode_steps_scenes_with_the_arrow_keys(server, projector, artifacts):
    """?present=1: no sidebar, 1.4× zoom; → and ← (pressed as a person does) change the scene's title."""
    pg = projector
    count = len(NOTES.scenes)
    pg.goto(server.url("lessons?lessons_scene=2&present=1"))
    _wait_heading(pg, f"2 / {count}", timeout=60_000)
    _idle(pg)
    pg.wait_for_selector('[data-testid="stSidebar"]', state="hidden", timeout=20_000)
    assert pg.evaluate("getComputedStyle(document.querySelector('[data-testid=stMain]')).zoom") == "1.4"

    _press_to(pg, "ArrowRight", f"3 / {count} · {NOTES.scenes[2].title.en}")
    _idle(pg)
    _press_to(pg, "ArrowRight", f"4 / {count}")
    _idle(pg)
    _press_to(pg, "ArrowLeft", f"3 / {count}")
    _idle(pg)
    assert "lessons_scene=3" in pg.url and "present=1" in pg.url
    pg.wait_for_timeout(2500)  # the embedded page draws
    pg.screenshot(path=str(artifacts / "lessons-presenter-1280x720.png"))
    assert not exceptions_on(pg)

    pg.keyboard.press("Escape")  # leaves presenter mode
    pg.wait_for_selector('[data-testid="stSidebar"]', state="visible", timeout=20_000)
    _idle(pg)
    assert "present=1" not in pg.url


def test_reveal_answer_shows_the_computed_answer(server, page):
    """Scene 2 asks for a feature-map shape; switching Reveal answer on shows the core's answer and its formula."""
    scene = NOTES.scenes[1]
    answer = compute_answer(scene)
    page.goto(server.url("lessons?lessons_scene=2"))
    wait_for_app(page)
    assert answer.value not in page.locator('[data-testid="stMain"]').inner_text()
    page.get_by_text("Reveal answer").click()
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    success.wait_for(timeout=20_000)
    assert answer.value in success.inner_text()
    assert answer.formula.split(";")[0] in page.locator('[data-testid="stMain"]').inner_text()


def test_open_this_view_shows_the_scene_settings(server, page):
    """ "Open this view on its own page" opens the scene's page with its link parameters in force."""
    scene = NOTES.scenes[1]  # conv2d, Sobel x on the 7-grid
    page.goto(server.url("lessons?lessons_scene=2"))
    wait_for_app(page)
    page.get_by_text("Open this view on its own page").click()
    page.wait_for_url("**/conv2d?**", timeout=20_000)
    wait_for_app(page)
    assert "conv2d_kernel=sobel_x" in page.url
    shape = page.locator('[data-testid="stMetric"]', has_text="Feature map shape")
    assert compute_answer(scene).value in shape.inner_text()
    assert not exceptions_on(page)


def test_previous_next_and_the_scene_slider_move_through_the_lesson(server, page):
    """Next and Previous step one scene (the link follows); the scene slider's End and Home keys jump to the last and
    first scene, where Next, and then Previous, can no longer be clicked."""
    count = len(NOTES.scenes)
    page.goto(server.url("lessons?lessons_scene=2"))
    wait_for_app(page)
    _wait_heading(page, f"2 / {count}")
    next_button = page.get_by_role("button", name="Next")
    previous_button = page.get_by_role("button", name="Previous")
    next_button.click()
    _wait_heading(page, f"3 / {count} · {NOTES.scenes[2].title.en}")
    _idle(page)
    assert "lessons_scene=3" in page.url
    previous_button.click()
    _wait_heading(page, f"2 / {count}")
    _idle(page)
    assert "lessons_scene=2" in page.url

    page.locator('[data-testid="stSlider"]', has_text="Scene").first.get_by_role("slider").focus()
    page.keyboard.press("End")
    _wait_heading(page, f"{count} / {count}")
    _idle(page)
    assert next_button.is_disabled() and previous_button.is_enabled()
    page.keyboard.press("Home")
    _wait_heading(page, f"1 / {count}")
    _idle(page)
    assert previous_button.is_disabled() and next_button.is_enabled()
    assert "lessons_scene" not in page.url or "lessons_scene=1" in page.url
    assert not exceptions_on(page)


def test_presenter_saves_the_view_as_a_scene_and_exits_with_its_button(server, projector):
    """In presenter mode on the 2-D page, "Save this view as a scene" opens the [[scene]] block for the view as it
    stands (a kernel picked in the link, a stride typed on the page): a lesson file that opens this view. "Exit
    presenter mode" brings the sidebar back and takes present=1 out of the link."""
    pg = projector
    pg.goto(server.url("conv2d?conv2d_kernel=sobel_x&present=1"))
    wait_for_app(pg, timeout=120_000)
    pg.wait_for_selector('[data-testid="stSidebar"]', state="hidden", timeout=20_000)
    stride = pg.locator('[data-testid="stMain"]').get_by_label("Stride (rows)", exact=True)
    stride.fill("2")
    stride.press("Enter")
    pg.wait_for_url("**conv2d_sh=2**", timeout=30_000)
    _idle(pg)

    pg.get_by_role("button", name="Save this view as a scene").click()
    dialog = pg.get_by_role("dialog")
    expect(dialog).to_contain_text("[[scene]]", timeout=30_000)
    block = dialog.locator("pre").first.text_content() or ""  # the code (innerText doubles a code box's newlines)
    assert 'page = "conv2d"' in block, block
    query = re.search(r'query = "([^"]*)"', block).group(1)
    assert "conv2d_kernel=sobel_x" in query and "conv2d_sh=2" in query and "present" not in query, query
    lesson = parse_lesson(f'id = "saved"\ntitle = {{ en = "t", ko = "t" }}\n{block}', "saved.toml", known_pages())
    assert [s.page for s in lesson.scenes] == ["conv2d"] and not lesson.problems, lesson.problems
    dialog.get_by_role("button", name="Close").click()  # not Escape: presenter mode hears it as "leave"
    expect(dialog).to_have_count(0, timeout=20_000)
    pg.wait_for_timeout(500)
    assert pg.locator('[data-testid="stSidebar"]').is_hidden()  # still presenting

    pg.get_by_role("button", name="Exit presenter mode").click()
    pg.wait_for_selector('[data-testid="stSidebar"]', state="visible", timeout=20_000)
    _idle(pg)
    assert "present=1" not in pg.url
    assert not exceptions_on(pg)
