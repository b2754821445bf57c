"""Draft writes the same figure JSON that plotly.py's validated builder calls write (the reference is plotly.py)."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

from playground.figures.draft import Draft, js_colorscale, nested, subplots


def _json(fig: go.Figure) -> dict:
    out = json.loads(pio.to_json(fig, validate=False))
    out["layout"].pop("template", None)
    return out


def test_single_plot_calls_match_plotly():
    x = np.linspace(-2, 2, 9)
    ref = go.Figure()
    ref.add_trace(go.Scatter(x=x, y=x**2, mode="lines", name="a", line_color="#0072B2", line_width=2))
    ref.add_trace(go.Bar(x=[1, 2], y=[3, 4], marker_color="#E69F00"))
    ref.add_hline(y=0, line=dict(color="#888", width=1))
    ref.add_vline(x=0.5, line=dict(color="#888", width=1, dash="dot"))
    ref.update_layout(title_text="t", height=300, legend=dict(orientation="h", y=-0.3), plot_bgcolor="white")
    ref.update_xaxes(title_text="x", range=[-2, 2])
    ref.update_yaxes(type="log", exponentformat="power")
    ref.update_traces(opacity=0.5)

    draft = Draft()
    draft.add_trace(dict(type="scatter", x=x, y=x**2, mode="lines", name="a", line_color="#0072B2", line_width=2))
    draft.add_trace(dict(type="bar", x=[1, 2], y=[3, 4], marker_color="#E69F00"))
    draft.add_hline(y=0, line=dict(color="#888", width=1))
    draft.add_vline(x=0.5, line=dict(color="#888", width=1, dash="dot"))
    draft.update_layout(title_text="t", height=300, legend=dict(orientation="h", y=-0.3), plot_bgcolor="white")
    draft.update_xaxes(title_text="x", range=[-2, 2])
    draft.update_yaxes(type="log", exponentformat="power")
    draft.update_traces(opacity=0.5)
    assert _json(draft.to_figure()) == _json(ref)


def test_subplots_match_make_subplots():
    titles = ["input", "mask"]
    ref = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=0.04)
    draft = subplots(1, 2, titles, horizontal_spacing=0.04)
    for fig in (ref, draft):
        for col in (1, 2):
            trace = dict(type="heatmap", z=[[1.0, 2.0], [3.0, 4.0]], showscale=False)
            fig.add_trace(go.Heatmap(trace) if fig is ref else trace, row=1, col=col)
            fig.update_yaxes(autorange="reversed", row=1, col=col)
        fig.update_xaxes(showticklabels=False)
        fig.update_annotations(font_size=13)
    assert _json(draft.to_figure()) == _json(ref)


def test_none_unsets_and_nested_magic_underscores():
    draft = Draft(dict(type="heatmap", z=[[1.0]], zmid=None, marker=dict(line_width=3)))
    draft.update_xaxes(title_text=None, showgrid=False)
    fig = _json(draft.to_figure())
    assert "zmid" not in fig["data"][0]
    assert fig["data"][0]["marker"] == {"line": {"width": 3}}
    assert fig["layout"]["xaxis"] == {"showgrid": False}
    assert nested({"paper_bgcolor": "white"}) == {"paper_bgcolor": "white"}


@pytest.mark.parametrize("name", ["RdBu_r", "Cividis_r", "gray"])
def test_colour_scales_plotly_js_does_not_know_are_spelled_out(name):
    from plotly.colors import get_colorscale

    assert js_colorscale(name) == [[float(p), c] for p, c in get_colorscale(name)]
    assert js_colorscale("Cividis") == "Cividis"  # plotly.js's own name passes


def test_plain_figure_sends_what_its_object_tree_would_send():
    """`to_dict()` from the plain data (what st.plotly_chart serialises) equals plotly.py's own `to_dict()` of the
    same figure once its object tree is built, frames included; the tree is there for anyone who reads it."""
    x = np.linspace(0, 1, 5)
    draft = Draft(dict(type="heatmap", z=np.arange(6.0).reshape(2, 3), colorscale="RdBu_r"))
    draft.add_trace(dict(type="scatter", x=x, y=np.array([1, 2, 3, 4, 5]), marker_color="#000"))
    draft.update_layout(title_text="maps", height=300)
    draft.frames = [{"name": "0", "data": [dict(type="scatter", x=x, y=x)], "traces": [1]}]
    fig = draft.to_figure()
    plain = json.loads(pio.to_json(fig, validate=False))
    assert fig.layout.title.text == "maps" and fig.frames[0].name == "0"  # builds the tree
    assert json.loads(pio.to_json(fig, validate=False)) == plain
    fig.update_layout(height=400)  # an update after the fact is kept
    assert json.loads(pio.to_json(fig, validate=False))["layout"]["height"] == 400
