"""ui/charts.py without a browser: what the chart component is handed, the served Plotly.js, the captured theme and
the fallback to st.plotly_chart (the browser side is tests/browser/test_charts_browser.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import plotly
import plotly.offline
import pytest
from plotly.offline import get_plotlyjs_version
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
    ui_charts.drawable_trace_types.cache_clear()
    yield monkeypatch
    ui_charts._served_plotly_js.cache_clear()
    ui_charts.drawable_trace_types.cache_clear()


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


def test_the_partial_bundle_of_plotly_pys_plotly_js_is_served(fresh_charts):
    version = get_plotlyjs_version()
    url = ui_charts._served_plotly_js()
    assert url == f"app/static/plotly-playground-{version}.min.js", (
        f"plotly.py ships Plotly.js {version}: rebuild the bundle with scripts/build_plotly_bundle.sh"
    )
    served = ui_charts.STATIC_DIR / Path(url).name
    assert served.read_bytes() == (ui_charts.VENDOR_DIR / Path(url).name).read_bytes()
    assert f"plotly.js v{version} " in served.read_text(encoding="utf-8")[:300]
    assert {"scatter", "heatmap", "bar", "image", "contour"} <= ui_charts.drawable_trace_types()
    # No WebGL: the pages draw none (a big map's click targets are a heatmap), and the bundle is 16 % smaller without
    assert not {"scatter3d", "scattergl"} & ui_charts.drawable_trace_types()


def test_another_plotly_js_version_gets_the_full_build_from_the_plotly_package(fresh_charts, tmp_path):
    fresh_charts.setattr(plotly.offline, "get_plotlyjs_version", lambda: "0.0.1")
    fresh_charts.setattr(ui_charts, "STATIC_DIR", tmp_path)  # not a 4.8 MB file left in the app's static/
    url = ui_charts._served_plotly_js()
    assert url == "app/static/plotly-0.0.1.min.js"
    packaged = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert (ui_charts.STATIC_DIR / Path(url).name).read_bytes() == packaged.read_bytes()
    assert "scatter3d" in ui_charts.drawable_trace_types()


def _script_with_a_3d_chart() -> None:
    import plotly.graph_objects as go

    from ui.charts import plotly_chart

    plotly_chart(go.Figure(go.Heatmap(z=[[1, 2]])), key="flat_chart")
    plotly_chart(go.Figure(go.Scatter3d(x=[1], y=[2], z=[3])), key="deep_chart")


def test_a_trace_type_the_bundle_lacks_is_drawn_by_st_plotly_chart(fresh_charts):
    at = AppTest.from_function(_script_with_a_3d_chart, default_timeout=30)
    at.run()
    assert not at.exception
    assert [e.proto.id.split("-")[-1] for e in at.get("bidi_component")] == ["flat_chart"]
    assert [json.loads(e.proto.spec)["data"][0]["type"] for e in at.get("plotly_chart")] == ["scatter3d"]


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


BIG = (40, 30)  # rows, cols: more than SMALL_MAP per side, so the map is a picture with click targets over it


def _script_with_a_clickable_map() -> None:
    import numpy as np

    from playground.figures.convolution import conv2d_map_figure
    from ui.charts import plotly_chart

    z = np.arange(40 * 30, dtype=float).reshape(40, 30) / 7 - 80
    plotly_chart(conv2d_map_figure(z, frame=z.shape, clickable=True), key="map_chart", on_select=lambda: None)


def _clickable_map_targets() -> dict:
    at = AppTest.from_function(_script_with_a_clickable_map, default_timeout=30)
    at.run()
    assert not at.exception
    return chart(at, "map_chart").spec["data"][-1]


def _expected_map():
    import numpy as np

    return np.arange(BIG[0] * BIG[1], dtype=float).reshape(BIG) / 7 - 80


def test_a_big_maps_click_targets_are_one_invisible_heatmap_of_its_values(fresh_charts):
    """No WebGL on the app's own charts (ten sessions' WebGL charts queue in chromium's one GPU process): the cells
    answer hovers and clicks through a transparent heatmap whose z is the map (x = column, y = row)."""
    import numpy as np

    from playground.figures.convolution import CLICK_TARGETS
    from tests.test_page_dropout import decode

    targets = _clickable_map_targets()
    assert targets["type"] == "heatmap" and targets["meta"] == CLICK_TARGETS and targets["showscale"] is False
    assert {c for _, c in targets["colorscale"]} == {"rgba(0,0,0,0)"}
    np.testing.assert_array_equal(decode(targets["z"]), _expected_map().astype(np.float32))
    assert "%{z:" in targets["hovertemplate"] and "customdata" not in targets["hovertemplate"]


def test_st_plotly_chart_gets_point_targets_it_reports_clicks_on(fresh_charts):
    """Where the charts fall back to st.plotly_chart (which reports clicks on point traces only), the same cells are
    invisible WebGL markers carrying the same values: customdata at (x, y) is the map's value at row y, column x."""
    import numpy as np

    from tests.test_page_dropout import decode

    fresh_charts.setenv("PLAYGROUND_CHARTS", "streamlit")
    targets = _clickable_map_targets()
    assert targets["type"] == "scattergl" and targets["marker"]["opacity"] == 0
    x, y, values = decode(targets["x"]), decode(targets["y"]), decode(targets["customdata"])
    assert len(values) == BIG[0] * BIG[1]
    np.testing.assert_array_equal(_expected_map().astype(np.float32)[y.astype(int), x.astype(int)], values)
    assert "%{customdata:" in targets["hovertemplate"]


def test_receptive_field_numbers_are_written_only_where_they_fit():
    """The receptive-field chart writes values into its cells only when the longest fits a cell: a photo's values
    (0.0902, 0.00392, …) across 7 columns ran together; shorter values in fewer columns, and a grid's integers, are
    written; every value stays on hover."""
    import numpy as np

    from playground.figures.convolution import receptive_window_figure

    def heatmap(image, rows, cols):
        figure = receptive_window_figure(image, (0, 0, 0, 0), rows, cols)
        return next(tr for tr in figure.data if tr.type == "heatmap")

    photo = np.random.default_rng(0).random((40, 40)) / 7  # values like 0.0902, 0.00392
    wide = heatmap(photo, range(10, 15), range(10, 15))  # a 5×5 field and 1 cell around: 7 columns
    assert wide.texttemplate is None and "%{z" in wide.hovertemplate
    two_places = np.round(np.random.default_rng(1).random((40, 40)), 2)  # 0.65, 0.09, …
    assert heatmap(two_places, range(10, 13), range(10, 13)).texttemplate == "%{z:.3~g}"  # 5 columns
    grid = np.arange(49, dtype=float).reshape(7, 7)
    assert heatmap(grid, [1, 2, 3], [1, 2, 3]).texttemplate == "%{z:.3~g}"  # the whole 7×7 grid, ≤ 2 digits a cell


def test_cell_text_is_one_digit_shorter_than_the_hover_below_a_thousand():
    """A Gaussian blur's output cells read 0.562 / 1.69 / 3.94 (they overflowed a small cell as 0.5625 / 1.688 /
    3.938); the hover keeps ".4~g". At 1 000 and above the cells keep 4 digits (".3~g" would write 1.35e+3); other
    formats are left as they are."""
    import numpy as np

    from playground.figures.common import cell_format, heatmap

    blur = np.array([[0.5625, 1.688], [3.938, 5.0625]])
    assert cell_format(".4~g", blur) == ".3~g"
    assert cell_format(".4~g", np.array([[1350.0, 2.0]])) == ".4~g"
    assert cell_format(".4~g", np.array([[np.nan, -999.0]])) == ".3~g"
    assert [cell_format(f, blur) for f in ("d", ".2f", ".3~g", ".3g")] == ["d", ".2f", ".3~g", ".3g"]
    fig = heatmap(blur, value_format=".4~g")
    assert fig.data[0].texttemplate == "%{z:.3~g}" and "%{z:.4~g}" in fig.data[0].hovertemplate


def test_a_pooled_output_is_numbered_only_on_its_own_rows_and_columns():
    """A 2×2 output of a 7×7 grid was numbered 0–2 (a tick every cell of its share of the width); now 0, 1. A 16×16
    output of a photo is numbered every 5 cells (fewer labels to draw on each move of its slider)."""
    import numpy as np

    from playground.figures.convolution import pooling_windows_figure

    def output_ticks(side: int, pool: int) -> tuple[list, list]:
        x = np.arange(side * side, dtype=float).reshape(side, side)
        out = side // pool
        fig = pooling_windows_figure(
            x, np.zeros((out, out)), pool_size=(pool, pool), strides=(pool, pool), padding=(0, 0, 0, 0)
        )
        return list(fig.layout.xaxis2.tickvals), list(fig.layout.yaxis2.tickvals)

    assert output_ticks(7, 3) == ([0, 1], [0, 1])
    assert output_ticks(32, 2) == ([0, 5, 10, 15], [0, 5, 10, 15])
