"""Presenter mode: large type for a projector, no sidebar, ← / → through the current lesson's scenes.

The frame calls :func:`presenter_mode` on every page, after ``st.navigation`` and before the page runs::

    presenter_mode(page.url_path)

It is on when the link says ``?present=1`` or the sidebar toggle is on. Then it

* scales the main area 1.4× with CSS ``zoom`` (text, widgets and Plotly figures alike; a 1280×720 projector shows
  what a 914×514 window would, at 1.4× the size) and hides the sidebar, the toolbar, chart toolbars and every
  element inside a container whose key starts with ``presenter_hide`` (a page's secondary controls);
* mounts a tiny key listener (``st.components.v2``): → / PageDown step to the next scene of the lesson being played,
  ← / PageUp to the previous one (presentation clickers send PageDown/PageUp), Esc leaves presenter mode. Keys typed
  into inputs, sliders, selects, tabs or radio groups are left to them. On the Lessons page a step moves the scene;
  on any other page it goes back to the Lessons page at the next/previous scene;
* offers "Save this view as a scene": the TOML ``[[scene]]`` block for the current page and its link parameters,
  ready to paste into a lesson file (``playground.lessons.scene_toml``).
"""

from __future__ import annotations

import streamlit as st

from playground.lessons import scene_toml
from ui.code_block import code_block
from ui.i18n import LANG_KEY, t
from ui.page import claim_query_param

PRESENT_PARAM = "present"  # ?present=1
PRESENT_KEY = "presenter_on"  # the toggle's session key
FRAME_FLAG = "_presenter_from_frame"  # set when the frame calls presenter_mode (then pages need not)
LESSON_POSITION = "_lesson_position"  # written by the Lessons page: {"id", "scene", "count"}
LESSON_STEP = "_presenter_step"  # a pending ±1 for the Lessons page
_SCENE_TOML = "_presenter_scene_toml"
_EXIT = "_presenter_exit"
LESSONS_SCRIPT = "app_pages/lessons.py"
ZOOM = 1.4
# Link parameters that are not part of a view: the viewer's language and presenter mode itself.
NOT_A_VIEW = {LANG_KEY, PRESENT_PARAM}

_CSS = f"""
<style>
  [data-testid="stMain"] {{ zoom: {ZOOM}; }}
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stElementToolbar"], .modebar-container,
  [class*="st-key-presenter_hide"] {{ display: none !important; }}
  [data-testid="stMainBlockContainer"] {{ padding: 0.75rem 1.25rem 2rem 1.25rem; max-width: 100%; }}
</style>
"""

_KEYS_JS = """
export default function ({ setTriggerValue }) {
  const ACTIONS = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev", Escape: "exit" };
  const OWN_KEYS = 'input, textarea, select, [contenteditable="true"], [role="slider"], [role="spinbutton"], ' +
    '[role="combobox"], [role="listbox"], [role="option"], [role="tab"], [role="radio"], [role="radiogroup"], ' +
    '[role="grid"], [role="textbox"], [role="menu"], [role="dialog"]';
  const handler = (event) => {
    const action = ACTIONS[event.key];
    if (!action || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (target && target.closest && target.closest(OWN_KEYS)) return;  // typing into a widget: its keys
    event.preventDefault();
    setTriggerValue("key", action);
  };
  // One listener per window, replaced on every mount (a rerun may mount the component again).
  const hook = (win) => {
    try {
      if (win.__cnnPresenterKeys) win.removeEventListener("keydown", win.__cnnPresenterKeys);
      win.__cnnPresenterKeys = handler;
      win.addEventListener("keydown", handler);
    } catch (e) { /* another origin: not ours to listen to */ }
  };
  hook(window);
  // The Lessons page embeds a scene in an iframe of this same app: listen there too, after each load.
  const watch = (frame) => {
    if (frame.__cnnPresenterWatched) return;
    frame.__cnnPresenterWatched = true;
    frame.addEventListener("load", () => frame.contentWindow && hook(frame.contentWindow));
    if (frame.contentWindow && frame.contentDocument && frame.contentDocument.readyState === "complete") {
      hook(frame.contentWindow);
    }
  };
  document.querySelectorAll("iframe").forEach(watch);
  if (window.__cnnPresenterObserver) window.__cnnPresenterObserver.disconnect();
  window.__cnnPresenterObserver = new MutationObserver(() => document.querySelectorAll("iframe").forEach(watch));
  window.__cnnPresenterObserver.observe(document.body, { childList: true, subtree: true });
}
"""

_keys = st.components.v2.component("cnn_playground_presenter_keys", js=_KEYS_JS)

# A page of this app embedded in an iframe (the Lessons page's scene view) needs no sidebar button nor top margin.
_EMBED_CSS = (
    '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebar"], '
    '[data-testid="stHeader"] { display: none !important; } '
    '[data-testid="stMainBlockContainer"] { padding-top: 0.5rem !important; }'
)
_TIDY_JS = """
export default function ({ data }) {
  const tidy = (frame) => {
    try {
      const doc = frame.contentDocument;
      if (!doc || !doc.head || doc.getElementById("cnn-embedded-style")) return;
      const style = doc.createElement("style");
      style.id = "cnn-embedded-style";
      style.textContent = data.css;
      doc.head.appendChild(style);
    } catch (e) { /* another origin */ }
  };
  const watch = (frame) => {
    if (frame.__cnnTidy) return;
    frame.__cnnTidy = true;
    frame.addEventListener("load", () => tidy(frame));
    tidy(frame);
  };
  const all = () => document.querySelectorAll(data.selector).forEach(watch);
  all();
  if (window.__cnnTidyObserver) window.__cnnTidyObserver.disconnect();
  window.__cnnTidyObserver = new MutationObserver(all);
  window.__cnnTidyObserver.observe(document.body, { childList: true, subtree: true });
}
"""
_tidy = st.components.v2.component("cnn_playground_tidy_embedded", js=_TIDY_JS)


def tidy_embedded_views(selector: str) -> None:
    """Hide the sidebar button and the top margin of this app's pages shown in the iframes matching `selector`."""
    _tidy(key="presenter_tidy_embedded", data={"css": _EMBED_CSS, "selector": selector})


def presenting() -> bool:
    """Is presenter mode on in this session?"""
    return bool(st.session_state.get(PRESENT_KEY, False))


def _read_link() -> None:
    """Once per session (or when the link changes it): ?present=1 turns presenter mode on."""
    raw = st.query_params.get(PRESENT_PARAM)
    if raw is not None:
        if raw.strip().lower() in {"1", "true", "on", "yes"}:
            claim_query_param(PRESENT_PARAM)
            st.session_state.setdefault(PRESENT_KEY, True)
        elif raw.strip().lower() in {"0", "false", "off", "no"}:
            claim_query_param(PRESENT_PARAM)
            st.session_state.setdefault(PRESENT_KEY, False)


def _write_link() -> None:
    if presenting():
        if st.query_params.get(PRESENT_PARAM) != "1":
            st.query_params[PRESENT_PARAM] = "1"
    elif PRESENT_PARAM in st.query_params:
        del st.query_params[PRESENT_PARAM]


def _exit() -> None:
    st.session_state[PRESENT_KEY] = False
    if PRESENT_PARAM in st.query_params:
        del st.query_params[PRESENT_PARAM]


def _save_scene(url_path: str) -> None:
    """Callback: the [[scene]] block for this page as the link now stands (the page's widgets wrote it last run)."""
    params = [(k, v) for k in st.query_params if k not in NOT_A_VIEW for v in st.query_params.get_all(k)]
    st.session_state[_SCENE_TOML] = scene_toml(url_path, params)


def _show_scene_toml(text: str) -> None:
    def body() -> None:
        st.caption(t("presenter.save_caption"))
        code_block(text, language="toml", key="presenter_scene_toml")

    st.dialog(t("presenter.save"), width="large")(body)()


def _step(action: str, url_path: str | None) -> None:
    """Apply a key press: exit, or move the lesson by one scene."""
    if action == "exit":  # the toggle is drawn already: leave on the next run, before it is drawn
        st.session_state[_EXIT] = True
        st.rerun()
    position = st.session_state.get(LESSON_POSITION)
    if action not in {"next", "prev"} or not position:
        return
    delta = 1 if action == "next" else -1
    if url_path == "lessons":
        st.session_state[LESSON_STEP] = delta  # the Lessons page applies it before drawing its scene slider
        return
    scene = min(max(position["scene"] + delta, 1), position["count"])
    st.switch_page(LESSONS_SCRIPT, query_params={"lessons_id": position["id"], "lessons_scene": str(scene)})


def presenter_mode(url_path: str | None = None, *, fallback: bool = False) -> bool:
    """Presenter mode for the page `url_path` (see the module docstring). Returns whether it is on.

    The frame calls it once per run for every page. A page may call it with ``fallback=True`` to have presenter
    mode while the frame does not call it yet; that call does nothing once the frame does.
    """
    if fallback and st.session_state.get(FRAME_FLAG):
        return presenting()
    if not fallback:
        st.session_state[FRAME_FLAG] = True
    _read_link()
    if st.session_state.pop(_EXIT, False):
        _exit()
    st.sidebar.toggle(t("presenter.toggle"), key=PRESENT_KEY, help=t("presenter.toggle_help"))
    _write_link()
    if not presenting():
        return False

    st.html(_CSS)
    with st.container(horizontal=True, horizontal_alignment="right", key="presenter_bar"):
        if url_path and url_path != "lessons":  # the Lessons page shows scenes already saved
            st.button(
                t("presenter.save"),
                key="presenter_save",
                icon=":material/bookmark_add:",
                type="tertiary",
                on_click=_save_scene,
                args=(url_path,),
                help=t("presenter.save_help"),
            )
        st.button(t("presenter.exit"), key="presenter_exit", icon=":material/close:", type="tertiary", on_click=_exit)
    text = st.session_state.pop(_SCENE_TOML, None)
    if text:
        _show_scene_toml(text)
    result = _keys(key="presenter_keys", on_key_change=lambda: None)
    action = getattr(result, "key", None)
    if action:
        _step(action, url_path)
    return True
