"""Plotly charts that stay on the page: a changed figure is redrawn in place, once.

Why not `st.plotly_chart`: Streamlit 1.67 derives a chart's element id from its spec, so every chart whose figure
changed is unmounted and mounted again, and draws twice on mount (hidden at no width, then at its width, after its
theme effect's JSON round trip). In chromium that was 2–5× the time Plotly needs to draw the same figures
(bench/NOTES.md, issue 10).

`plotly_chart` takes the arguments the pages gave `st.plotly_chart` and draws the figure with a Streamlit custom
component (`st.components.v2`, in the page, no iframe) keyed by the chart's `key`: the component stays mounted across
reruns and calls `Plotly.react` with the new figure, which redraws once and only what changed.

* Plotly.js is a partial bundle of the version plotly.py ships, with only the trace types the pages draw
  (`ui/assets/vendor/`, built by scripts/build_plotly_bundle.sh): 1.4 MB instead of 4.8, ~0.5 s instead of ~1.8 s
  to load in chromium on a 2-core box, on the first paint of every page with a chart. When plotly.py ships another
  Plotly.js version than the bundle's, the full build inside the plotly package is used instead, so figures are
  always drawn by the Plotly.js they were written for. Either is copied into the app's `static/` folder and served by
  Streamlit's static file serving (`server.enableStaticServing`); loaded once per page, when the first chart mounts.
* A chart is drawn when it comes into the window (an `IntersectionObserver` on Streamlit's scrolling main area), or
  when a tab or expander that hid it opens: a first paint and a rerun draw only the charts a person can see; one
  further down keeps its figure's height until then (the page does not jump), shaded as a placeholder, and shows the
  newest figure ~50–100 ms after it is scrolled into view. Printing draws every chart first. First paint of the
  optimizers page 3.4 → 2.6 s; drawing ahead of the window (a 200 px margin) cost conv2d's first paint ~0.2 s and
  the optimizers' ~0.13 s for charts below the fold (bench/NOTES.md).
* The look is Streamlit's: `ui/assets/plotly_theme.json` holds what Streamlit's theme merges into the template of
  every `st.plotly_chart` (fonts, greys, grid colours; captured from chromium by scripts/capture_plotly_theme.py),
  merged the same way, and titles are bold as there. No shadow DOM (`isolate_styles=False`): Plotly's own styles
  live in the page's head.
* A chart with a title of its own that is narrower than 520 px (a phone) has no toolbar: Plotly puts it at the top
  right, on the title (the compare page's curves, the evaluate page's charts on a phone).
* A click on a point (`on_select`, `selection_mode="points"`) calls `on_select` with that point, as
  `st.plotly_chart`'s selection did; `clicked_points(key)` reads it in the callback. Unlike `st.plotly_chart`,
  a click on any trace counts (a heatmap cell too), so a big map's click targets are one invisible heatmap, not
  thousands of WebGL markers (`playground.figures.convolution.click_targets`).
* If the static file cannot be provided (read-only folder, static serving off) or `PLAYGROUND_CHARTS=streamlit` is
  set, every chart is drawn by `st.plotly_chart` as before: same figures, slower updates.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
STATIC_DIR = ROOT / "static"  # Streamlit serves <app folder>/static/* at /app/static/*
THEME_FILE = Path(__file__).resolve().parent / "assets" / "plotly_theme.json"
COMPONENT = "playground_plotly_chart"
NEAR_PX = 0  # a chart is drawn when it comes this close to the window (the browser tests wait on the same margin)

# The component's code: one function Streamlit calls with the new `data` on every rerun of a mounted chart.
# `parentElement` stays the same element while the chart's key stays on the page, so the Plotly graph div inside it
# is kept and `Plotly.react` updates it. Figures arrive as JSON text (plotly.py's encoder: numpy arrays included).
JS = """
const THEME = __THEME__;
const DEFAULT_TEMPLATE = __DEFAULT_TEMPLATE__;
const SRC = __SRC__;
const NARROW_PX = 520;
const LESS_TOOLS = ['select2d', 'lasso2d', 'zoomIn2d', 'zoomOut2d', 'autoScale2d', 'toggleSpikelines',
  'hoverClosestCartesian', 'hoverCompareCartesian'];
const NEAR_PX = __NEAR_PX__;
let loading = null;
function plotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = SRC;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { loading = null; reject(new Error('could not load ' + SRC)); };
      document.head.appendChild(script);
    });
  }
  return loading;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function merge(target, source) {  // deep merge, source wins (as lodash's merge in Streamlit's theme)
  for (const [k, v] of Object.entries(source)) {
    target[k] = isObject(v) ? merge(isObject(target[k]) ? target[k] : {}, v) : v;
  }
  return target;
}
// What Streamlit's theme does to a st.plotly_chart figure: its fonts, greys and grid colours merged into the
// figure's own template, and the title in bold.
function themed(figure) {
  const layout = Object.assign({}, figure.layout || {});
  const template = isObject(layout.template) ? layout.template : structuredClone(DEFAULT_TEMPLATE);
  template.layout = merge(isObject(template.layout) ? template.layout : {}, THEME);
  layout.template = template;
  if (layout.title !== undefined && layout.title !== null) {
    const title = typeof layout.title === 'string' ? { text: layout.title } : layout.title;
    const text = typeof title.text === 'string' ? title.text : '';
    layout.title = Object.assign({}, title, { text: '<b>' + text + '</b>' });
  }
  layout.autosize = true;
  return layout;
}
// Draw the newest figure if the chart shows an older one (or none), is displayed and is near the window (or
// `anywhere`: printing).
function drawIfDue(gd, parentElement, anywhere = false) {
  if ((anywhere || gd.__near) && gd.__drawn !== gd.__data && parentElement.clientWidth > 0) draw(gd, parentElement);
}
// Draw `gd.__data` (the newest figure the chart was given) with Plotly.react.
function draw(gd, parentElement) {
  const data = gd.__data;
  gd.__drawn = data;
  const figure = JSON.parse(data.figure);
  const layout = themed(figure);
  // Plotly's toolbar keeps the buttons a learner uses (save as PNG, zoom, pan, reset): shorter, it covers less of a
  // top legend or the top right of a chart while the mouse is on it.
  const config = Object.assign(
    { displaylogo: false, responsive: true, modeBarButtonsToRemove: LESS_TOOLS }, data.config || {});
  // A chart narrower than NARROW_PX with a title of its own (a phone, a narrow column): Plotly's toolbar, at the top
  // right, would sit on the title. No toolbar there; a page can still turn it off anywhere with its config.
  const title = (figure.layout || {}).title;
  const titled = typeof title === 'string' ? title !== '' : !!(title && title.text);
  if (titled && parentElement.clientWidth < NARROW_PX) config.displayModeBar = false;
  plotly().then((Plotly) => {
    if (!gd.isConnected || gd.__drawn !== data) return;  // gone, or a newer figure is on its way
    return stopPlaying(Plotly, gd).then(() => {
      if (!gd.isConnected || gd.__drawn !== data) return;
      return Plotly.react(gd, { data: figure.data || [], layout, frames: figure.frames || [], config });
    }).then(() => {
      if (!gd.isConnected || gd.__drawn !== data) return;
      // The new figure opens on its own frame: Play's `fromcurrent` and Step count from there, not from the frame
      // the old figure had reached (Plotly keeps `_currentFrame` across a react).
      if (gd._fullLayout) gd._fullLayout._currentFrame = null;
      gd.style.minHeight = gd.style.background = gd.style.borderRadius = '';
      if (data.select && !gd.__clicks) {
        gd.__clicks = true;
        gd.on('plotly_click', (event) => gd.__select('select', { points: event.points.map((p) => ({
          x: p.x, y: p.y, point_index: p.pointIndex, point_number: p.pointNumber,
          curve_number: p.curveNumber, customdata: p.customdata,
        })) }));
      }
      if (data.frame && !gd.__frames) {
        // Where playback stopped (the end, Pause, a jump on the figure's slider): the page's own controls follow.
        gd.__frames = true;
        const report = () => {
          const name = gd._fullLayout && gd._fullLayout._currentFrame;
          if (!gd.__stopping && name !== null && name !== undefined) gd.__select('frame', String(name));
        };
        gd.on('plotly_animated', report);
        gd.on('plotly_animationinterrupted', report);
      }
    });
  }).catch((err) => { gd.textContent = String(err); });
}
// A new figure ends the old one's playback first: otherwise Plotly goes on playing the old frames over it (numbers
// of the settings before the change). As the figure's own Pause does; not reported as a stop by the user.
function stopPlaying(Plotly, gd) {
  const queue = gd._transitionData;
  if (!queue || !(queue._animationRaf || (queue._frameQueue && queue._frameQueue.length))) return Promise.resolve();
  gd.__stopping = true;
  const pause = { mode: 'immediate', frame: { duration: 0, redraw: false }, transition: { duration: 0 } };
  return Promise.resolve(Plotly.animate(gd, [null], pause)).catch(() => {}).then(() => { gd.__stopping = false; });
}
export default function ({ parentElement, data, setTriggerValue }) {
  let gd = parentElement.querySelector(':scope > .playground-chart');
  if (!gd) {
    gd = document.createElement('div');
    gd.className = 'playground-chart';
    gd.style.width = '100%';
    parentElement.appendChild(gd);
  }
  gd.__select = setTriggerValue;
  gd.__data = data;
  // Out of the window, a chart keeps its old figure until scrolled to; an old playback stops now all the same (its
  // numbers are of the settings before the change, and it would go on animating unseen).
  if (gd.__drawn && gd.__drawn !== data && !gd.__near && window.Plotly) stopPlaying(window.Plotly, gd);
  // Until its first drawing a chart holds its height, so that the page does not jump when it is drawn, shaded as
  // Streamlit's own placeholders are (a box scrolled to before its chart is drawn reads as coming, not as empty).
  if (!gd.__drawn) {
    gd.style.minHeight = (data.height || 450) + 'px';
    gd.style.background = 'rgba(128, 128, 128, 0.08)';
    gd.style.borderRadius = '0.5rem';
  }
  plotly().catch(() => {});  // loading starts now: a chart further down needs it as soon as it is scrolled to
  // Drawn when near the window (NEAR_PX): a first paint and a rerun draw the charts a person can see, and a chart
  // further down (or in a tab not chosen, or a closed expander) when it comes near. Streamlit's main area is what
  // scrolls, so it is the root (a margin on the window would not reach past its clipping).
  if (!gd.__seen) {
    gd.__near = false;
    const root = parentElement.closest('[data-testid="stMain"]');
    gd.__seen = new IntersectionObserver((entries) => {
      gd.__near = entries[entries.length - 1].isIntersecting;
      drawIfDue(gd, parentElement);
    }, { root, rootMargin: NEAR_PX + 'px 0px' });
    gd.__seen.observe(parentElement);
  }
  // A new width redraws a drawn chart at that width.
  if (!gd.__resize) {
    let width = parentElement.clientWidth;
    gd.__resize = new ResizeObserver(() => {
      const now = parentElement.clientWidth;
      if (now === width || !gd.isConnected) return;
      width = now;
      if (now === 0) return;
      if (gd.__drawn !== gd.__data) drawIfDue(gd, parentElement);
      else if (window.Plotly) window.Plotly.Plots.resize(gd);
    });
    gd.__resize.observe(parentElement);
  }
  drawIfDue(gd, parentElement);
  return () => {
    gd.__resize.disconnect();
    gd.__seen.disconnect();
    // Should Streamlit mount the chart again in the same element, it starts afresh: observed, and drawn when near.
    gd.__resize = gd.__seen = gd.__drawn = null;
    gd.__clicks = gd.__frames = false;  // purge removes Plotly's event handlers too
    if (window.Plotly) window.Plotly.purge(gd);
  };
}
// Printing (an instructor's handout) shows every chart: those not yet drawn are drawn first.
if (!window.__playgroundPrint) {
  window.__playgroundPrint = true;
  window.addEventListener('beforeprint', () => {
    for (const gd of document.querySelectorAll('.playground-chart')) drawIfDue(gd, gd.parentElement, true);
  });
}
"""


VENDOR_DIR = Path(__file__).resolve().parent / "assets" / "vendor"


def _plotly_js_source() -> Path:
    """The Plotly.js to serve: the partial bundle when it is of the version plotly.py ships, else plotly.py's own."""
    from plotly.offline import get_plotlyjs_version

    bundle = VENDOR_DIR / f"plotly-playground-{get_plotlyjs_version()}.min.js"
    if bundle.is_file():
        return bundle
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _plotly_js_name(source: Path) -> str:
    """The served file's name: the partial bundle's own, or the full build's with plotly.js's version in it."""
    if source.parent == VENDOR_DIR:
        return source.name
    from plotly.offline import get_plotlyjs_version

    return f"plotly-{get_plotlyjs_version()}.min.js"


_COPY_LOCK = threading.Lock()  # the first sessions of a fresh server may ask at the same time


@functools.cache
def _served_plotly_js() -> str | None:
    """The URL path of Plotly.js in the app's static folder (copied there once, see `_plotly_js_source`), or None
    when it cannot be served: then the charts fall back to `st.plotly_chart`."""
    if os.environ.get("PLAYGROUND_CHARTS") == "streamlit" or not st.get_option("server.enableStaticServing"):
        return None
    source = _plotly_js_source()
    target = STATIC_DIR / _plotly_js_name(source)
    try:
        with _COPY_LOCK:
            _copy_if_changed(source, target)
    except OSError:
        return None
    return f"app/static/{target.name}"


@functools.cache
def drawable_trace_types() -> frozenset[str]:
    """The trace types the served Plotly.js registers (read from the file: `moduleType:"trace",name:"heatmap"`)."""
    text = _plotly_js_source().read_text(encoding="utf-8")
    return frozenset(re.findall(r'moduleType:"trace",name:"(\w+)"', text))


def trace_types(figure: dict[str, Any]) -> set[str]:
    """The trace types in a figure dict (Plotly's default type is scatter)."""
    return {trace.get("type", "scatter") for trace in figure.get("data") or ()}


def _copy_if_changed(source: Path, target: Path) -> None:
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        target.parent.mkdir(exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")  # one per server process; threads hold the lock
        shutil.copyfile(source, partial)
        partial.replace(target)  # atomic: a browser never gets half a file


@functools.cache
def _component() -> Callable[..., Any]:
    from plotly.io.json import to_json_plotly

    theme = THEME_FILE.read_text(encoding="utf-8").strip()
    src = _served_plotly_js()
    # The page's URL may have a base path (server.baseUrlPath): resolve the script against the document's base.
    js = (
        JS.replace("__THEME__", theme)
        .replace("__DEFAULT_TEMPLATE__", to_json_plotly(_default_template()))
        .replace("__SRC__", f"new URL({json.dumps(src)}, document.baseURI).href")
        .replace("__NEAR_PX__", str(NEAR_PX))
    )
    return st.components.v2.component(COMPONENT, js=js, html="", isolate_styles=False)


@functools.cache
def _default_template() -> dict[str, Any]:
    """Plotly's default template as plotly.py writes it into every figure (playground/figures/common.py sets it):
    the component holds it once, so figures that carry it are sent without it (~7 KB less per chart and rerun)."""
    import plotly.io as pio

    return pio.templates[pio.templates.default].to_plotly_json()


def _figure_json(figure: dict[str, Any]) -> str:
    """The figure as plotly.py's JSON, without its template when that is the default one (the component has it)."""
    import plotly.io as pio

    layout = figure.get("layout") or {}
    if "template" in layout and layout["template"] == _default_template():
        figure = {**figure, "layout": {k: v for k, v in layout.items() if k != "template"}}
    return pio.to_json(figure, validate=False, remove_uids=False)


def plotly_chart(
    fig: Any,
    *,
    key: str,
    width: Literal["stretch"] = "stretch",
    config: dict[str, Any] | None = None,
    on_select: Callable[[], None] | None = None,
    selection_mode: str = "points",
    on_frame: Callable[[], None] | None = None,
) -> None:
    """Draw `fig` (a plotly Figure or `playground.figures.draft.PlainFigure`) as `st.plotly_chart(fig, key=key, …)`
    would, in a chart that stays mounted while `key` stays on the page (see the module docstring).

    width: "stretch" only (every chart of the app fills its column).
    on_select: called when the user clicks a point (`selection_mode="points"` only); read the point with
    `clicked_points(key)`.
    on_frame: for a figure with animation frames, called when its playback stops (at the end, on Pause, or after a
    jump on its slider); read the frame's name with `shown_frame(key)`. Not called when a rerun's new figure
    ends the playback.
    """
    if selection_mode != "points":
        raise ValueError(f"selection_mode must be 'points', got {selection_mode!r}")
    figure = fig.to_dict() if hasattr(fig, "to_dict") else dict(fig)
    # A trace type the served bundle lacks (a new figure, before scripts/build_plotly_bundle.sh was re-run): that
    # chart is drawn by st.plotly_chart, which has every type. tests/fuzzing.py reports such figures.
    if _served_plotly_js() is None or not trace_types(figure) <= drawable_trace_types():
        if on_select is not None:  # st.plotly_chart reports clicks on point traces only
            from playground.figures.convolution import as_point_targets
            from playground.figures.draft import PlainFigure

            fig = PlainFigure({**figure, "data": [as_point_targets(trace) for trace in figure.get("data") or ()]})
        if on_select is None:
            st.plotly_chart(fig, width="stretch", config=config or {}, key=key)
        else:
            st.plotly_chart(
                fig, width="stretch", config=config or {}, key=key, on_select=on_select, selection_mode="points"
            )
        return
    data = {
        "figure": _figure_json(figure),
        "config": config or {},
        "select": on_select is not None,
        "frame": on_frame is not None,
        "height": (figure.get("layout") or {}).get("height"),
    }
    callbacks = {}
    if on_select is not None:
        callbacks["on_select_change"] = on_select
    if on_frame is not None:
        callbacks["on_frame_change"] = on_frame
    _component()(data=data, key=key, width="stretch", **callbacks)


def shown_frame(key: str) -> str | None:
    """The name of the frame chart `key` showed when its playback last stopped, for an `on_frame` callback; None
    when it has not reported one (or the chart fell back to `st.plotly_chart`, which does not report frames)."""
    state = st.session_state.get(key)
    frame = state.get("frame") if isinstance(state, dict) else None
    return frame if isinstance(frame, str) else None


def clicked_points(key: str) -> list[dict[str, Any]]:
    """The points of the last click on chart `key` ({"x", "y", "point_index", "curve_number", "customdata"}), for an
    `on_select` callback; [] when there was none."""
    state = st.session_state.get(key)
    if state is None:
        return []
    # The component's state: a dict whose trigger values are keys (its attribute access answers None for anything);
    # st.plotly_chart's (where the chart fell back to it): {"selection": {"points": [...]}}.
    event = state.get("select") if isinstance(state, dict) else None
    if not isinstance(event, dict):
        event = state.get("selection") if hasattr(state, "get") else None
    return list(event.get("points", [])) if isinstance(event, dict) else []
