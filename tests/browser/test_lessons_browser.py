"""The Lessons page in a real browser: presenter mode stepped with the keyboard, Reveal answer, the scene's own page."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from playground.lessons import compute_answer, load_lessons
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
