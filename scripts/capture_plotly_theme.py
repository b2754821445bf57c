"""Capture the Plotly template Streamlit's theme applies to `st.plotly_chart`, for ui/charts.py.

Streamlit's frontend merges its theme (fonts, greys, grid and hover colours) into every figure's `layout.template`
when it draws a `st.plotly_chart`. ui/charts.py draws figures itself (a chart that stays mounted), so it merges the
same values: this script starts the app with Streamlit's own chart element, opens the activations page in chromium
and writes the part of the template Streamlit's theme set there (THEMED) to ui/assets/plotly_theme.json. Re-run it
after a Streamlit upgrade or a change of `[theme]`:

    python scripts/capture_plotly_theme.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ui" / "assets" / "plotly_theme.json"


# The layout paths Streamlit 1.67's chart theme sets (its frontend's PlotlyChart "CustomTheme": fonts, title, legend,
# backgrounds, axes, hover label, colour bar), merged over each figure's own template. Their values depend on the
# app's `[theme]`, so they are read from a drawn chart rather than written here.
THEMED = {
    "font": ["color", "family", "size", "weight"],
    "title": ["color", "subtitleColor", {"font": ["family", "size", "color"]}, {"pad": ["l"]}, "xanchor", "x"],
    "legend": [{"title": [{"font": ["size", "color"]}, "side"]}, "valign", "bordercolor", "borderwidth",
               {"font": ["size", "color"]}],
    "paper_bgcolor": None,
    "plot_bgcolor": None,
    "yaxis": ["ticklabelposition", "zerolinecolor", {"title": [{"font": ["color", "size"]}, "standoff"]}, "tickcolor",
              {"tickfont": ["color", "size"]}, "gridcolor", {"minor": ["gridcolor"]}, "automargin"],
    "xaxis": ["zerolinecolor", "gridcolor", "showgrid", {"tickfont": ["color", "size"]}, "tickcolor",
              {"title": [{"font": ["color", "size"]}, "standoff"]}, {"minor": ["gridcolor"]}, "zeroline", "automargin",
              {"rangeselector": ["bgcolor", "bordercolor", "borderwidth", "x"]}],
    "margin": ["pad", "r", "l"],
    "hoverlabel": ["bgcolor", "bordercolor", {"font": ["color", "family", "size"]}],
    "coloraxis": [{"colorbar": ["thickness", "xpad", "ticklabelposition", "outlinecolor", "outlinewidth", "len", "y",
                                {"title": [{"font": ["color", "size"]}]}, {"tickfont": ["color", "size"]}]}],
}  # fmt: skip


def themed_part(layout: dict, spec: dict | list | None = None) -> dict:
    """The part of a drawn template's `layout` that Streamlit's theme set (the THEMED paths)."""
    spec = THEMED if spec is None else spec
    if isinstance(spec, list):  # ["name", {"nested": [...]}, ...]
        spec = {k: v for item in spec for k, v in (item.items() if isinstance(item, dict) else [(item, None)])}
    out: dict = {}
    for name, inner in spec.items():
        if name not in layout:
            raise SystemExit(f"the drawn template has no {name!r}: Streamlit's theme changed, update THEMED")
        out[name] = layout[name] if inner is None else themed_part(layout[name], inner)
    return out


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import Server, launch_chromium
    from tests.browser.load_harness import wait_idle

    server = Server({"PLAYGROUND_CHARTS": "streamlit"})  # Streamlit's own chart element draws them
    try:
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            try:
                pg = browser.new_page(viewport={"width": 1400, "height": 900})
                pg.goto(server.url("activations"))
                wait_idle(pg, 120_000)
                pg.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=60_000)
                templates = pg.evaluate(
                    "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')]"
                    ".map(gd => JSON.stringify(gd.layout.template))"
                )
            finally:
                browser.close()
    finally:
        server.stop()
    if not templates or len(set(templates)) != 1:
        raise SystemExit(f"expected one template on every chart, got {len(set(templates))}")
    theme = themed_part(json.loads(templates[0])["layout"])
    OUT.write_text(json.dumps(theme, sort_keys=True, indent=1) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
