"""ui/charts.py without a browser: what the chart component is handed, the served Plotly.js, the captured theme and
the fallback to st.plotly_chart (the browser side is tests/browser/test_charts_browser.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import plotly
import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import chart, charts
from ui import charts as ui_charts

ROOT = Path(__file__).resolve().parent.parent


def _script() -> None:
    import plotly.graph_objects as go

    from ui.charts import plotly_chart

    plain = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]]), layout={"title": "plain"})
    dark = go.Figure(go.Bar(y=[1, 2]), layout={"template": "plotly_dark"})
    plotly_chart(plain, key="plain_chart", config={"displayModeBar": False})
    plotly_chart(dark, key="dark_chart", on_select=lambda: None)


@pytest.fixture
def fresh_charts(monkeypatch):
    """ui.charts with its caches cleared before and after (the env var decides once per process)."""
    ui_charts._served_plotly_js.cache_clear()
    yield monkeypatch
    ui_charts._served_plotly_js.cache_clear()


def _run() -> AppTest:
    at = AppTest.from_function(_script, default_timeout=30)
    at.run()
    assert not at.exception
    return at


def test_the_component_gets_the_figure_without_the_default_template(fresh_charts):
    at = _run()
    assert not at.get("plotly_chart")
    plain, dark = chart(at, "plain_chart"), chart(at, "dark_chart")
    assert "template" not in plain.spec["layout"]  # the component holds plotly.py's default template
    assert plain.spec["layout"]["title"]["text"] == "plain"
    assert dark.spec["layout"]["template"]["layout"]["paper_bgcolor"] == "rgb(17,17,17)"  # a chosen one is kept
    sent = [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name == ui_charts.COMPONENT]
    assert [d["config"] for d in sent] == [{"displayModeBar": False}, {}]
    assert [d["select"] for d in sent] == [False, True]


def test_plotly_js_is_served_from_the_plotly_package(fresh_charts):
    url = ui_charts._served_plotly_js()
    assert url == f"app/static/plotly-{plotly.__version__}.min.js"
    served = ui_charts.STATIC_DIR / Path(url).name
    packaged = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert served.read_bytes() == packaged.read_bytes()


def test_falls_back_to_st_plotly_chart_when_asked(fresh_charts):
    fresh_charts.setenv("PLAYGROUND_CHARTS", "streamlit")
    at = _run()
    assert not at.get("bidi_component")
    assert [c.spec["layout"].get("title", {}).get("text") for c in charts(at)] == ["plain", None]


def test_falls_back_when_the_static_folder_cannot_be_written(fresh_charts, tmp_path):
    blocked = tmp_path / "static"
    blocked.write_text("a file where the folder should be")
    fresh_charts.setattr(ui_charts, "STATIC_DIR", blocked)
    assert ui_charts._served_plotly_js() is None


def test_the_theme_file_holds_exactly_the_paths_streamlit_themes():
    spec = importlib.util.spec_from_file_location("capture", ROOT / "scripts" / "capture_plotly_theme.py")
    capture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(capture)
    theme = json.loads(ui_charts.THEME_FILE.read_text())
    # themed_part raises on a missing path and leaves out any other: equal means exactly the THEMED paths
    assert capture.themed_part(theme) == theme
    assert "Source Sans" in theme["font"]["family"]
