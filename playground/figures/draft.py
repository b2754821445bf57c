"""A figure written as plain data, with the few builder calls of `go.Figure` the playground uses.

plotly.py checks every property against its schema as it is set: `go.Scatter(...)`, `update_layout`, `add_hline`
build a tree of validated objects, ~10–90 ms a figure here — most of a concept page's rerun (measured with cProfile,
bench/NOTES.md). plotly.js draws the same JSON without that tree. A `Draft` keeps traces and layout as dicts and
makes a `go.Figure` once, unvalidated (`_validate=False`); the browser tests are what checks that the figures draw.

    fig = Draft(dict(type="scatter", x=x, y=y, mode="lines"))
    fig.add_hline(y=0, line=dict(color="#888"))
    fig.update_layout(title_text="ReLU", height=320)   # magic underscores as in plotly: title_text → title.text
    fig.to_figure()                                     # go.Figure

Colour scales plotly.js does not know by name (e.g. "RdBu_r", "Cividis_r") are spelled out as (position, colour)
pairs when the figure is made.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

# plotly.js's own colour-scale names (src/components/colorscale/scales.js); any other name is spelled out.
_JS_SCALES = frozenset(
    "Greys YlGnBu Greens YlOrRd Bluered RdBu Reds Blues Picnic Rainbow Portland Jet Hot Blackbody Earth Electric "
    "Viridis Cividis".split()
)


# The property names of plotly's traces and layout that hold an underscore (not split as magic underscores).
_UNDERSCORED = frozenset({"paper_bgcolor", "plot_bgcolor", "error_x", "error_y", "error_z"})


def nested(settings: Mapping[str, Any]) -> dict[str, Any]:
    """`{"title_text": "a", "marker": {"line_width": 2}}` → `{"title": {"text": "a"}, "marker": {"line": {"width":
    2}}}`: plotly's magic underscores, at every depth (in dicts and lists of dicts), as plotly.py reads them."""
    out: dict[str, Any] = {}
    for key, value in settings.items():
        if isinstance(value, Mapping):
            value = nested(value)
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            value = [nested(v) if isinstance(v, Mapping) else v for v in value]
        head, *rest = key.split("_")
        if key in _UNDERSCORED or not head:
            head, rest = key, []
        if rest:
            value = nested({"_".join(rest): value})
        merge(out, {head: value})
    return out


def merge(target: dict[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    """Merge `update` into `target` in place, dicts recursively (as `update_layout` does); returns `target`."""
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            merge(target[key], value)
        elif isinstance(value, Mapping):
            target[key] = merge({}, value)
        else:
            target[key] = value
    return target


@functools.lru_cache(maxsize=32)
def _scale(name: str) -> tuple[tuple[float, str], ...]:
    from plotly.colors import get_colorscale

    return tuple((float(p), str(c)) for p, c in get_colorscale(name))


def js_colorscale(scale: Any) -> Any:
    """A colour scale plotly.js draws: its own names pass, others (e.g. "RdBu_r") become (position, colour) pairs."""
    if isinstance(scale, str) and scale not in _JS_SCALES:
        return [list(pair) for pair in _scale(scale)]
    return scale


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    """Remove keys set to None, in nested dicts too (None unsets a property, as in plotly.py), and dicts left empty;
    lists stay as they are (None there is a gap in a line)."""
    for key in [k for k, v in d.items() if v is None]:
        del d[key]
    for key, value in list(d.items()):
        if isinstance(value, dict) and not _drop_none(value):
            del d[key]  # nothing left set
    return d


def _fix_scales(trace: dict[str, Any]) -> None:
    for owner in (trace, trace.get("marker"), trace.get("line")):
        if isinstance(owner, dict) and "colorscale" in owner:
            owner["colorscale"] = js_colorscale(owner["colorscale"])


def _axis_suffix(row: int | None, col: int | None, cols: int) -> str:
    if row is None and col is None:
        return ""
    n = ((row or 1) - 1) * cols + (col or 1)
    return "" if n == 1 else str(n)


class Draft:
    """A figure under construction: `data` (list of trace dicts), `layout` (dict), `frames` (list of dicts).

    Args:
        *traces: trace dicts (`dict(type="heatmap", z=...)`).
        layout: the starting layout.
        cols: columns of a subplot grid laid out by the caller (for `row=`/`col=` in `add_trace` and the axis
            updates: cell (r, c) uses axes `x{n}`/`y{n}` with n = (r − 1)·cols + c, as `make_subplots` does).
    """

    def __init__(self, *traces: dict[str, Any], layout: Mapping[str, Any] | None = None, cols: int = 1):
        self.data: list[dict[str, Any]] = [nested(t) for t in traces]
        self.layout: dict[str, Any] = nested(layout or {})
        self.frames: list[dict[str, Any]] = []
        self.cols = cols

    def add_trace(self, trace: Mapping[str, Any], row: int | None = None, col: int | None = None) -> Draft:
        trace = nested(trace)
        if row is not None or col is not None:
            suffix = _axis_suffix(row, col, self.cols)
            trace.setdefault("xaxis", "x" + suffix)
            trace.setdefault("yaxis", "y" + suffix)
        self.data.append(trace)
        return self

    def update_layout(self, settings: Mapping[str, Any] | None = None, **kwargs: Any) -> Draft:
        merge(self.layout, nested({**(settings or {}), **kwargs}))
        return self

    def _update_axes(self, letter: str, settings: Mapping[str, Any] | None, row, col, kwargs) -> Draft:
        update = nested({**(settings or {}), **kwargs})
        if row is not None or col is not None:
            names = [f"{letter}axis{_axis_suffix(row, col, self.cols)}"]
        else:
            names = [k for k in self.layout if k.startswith(letter + "axis")] or [letter + "axis"]
        for name in names:
            merge(self.layout.setdefault(name, {}), update)
        return self

    def update_xaxes(self, settings: Mapping[str, Any] | None = None, row=None, col=None, **kwargs: Any) -> Draft:
        """Update every x axis (or the one of subplot `row`, `col`)."""
        return self._update_axes("x", settings, row, col, kwargs)

    def update_yaxes(self, settings: Mapping[str, Any] | None = None, row=None, col=None, **kwargs: Any) -> Draft:
        """Update every y axis (or the one of subplot `row`, `col`)."""
        return self._update_axes("y", settings, row, col, kwargs)

    def update_traces(self, settings: Mapping[str, Any] | None = None, **kwargs: Any) -> Draft:
        update = nested({**(settings or {}), **kwargs})
        for trace in self.data:
            merge(trace, update)
        return self

    def update_annotations(self, settings: Mapping[str, Any] | None = None, **kwargs: Any) -> Draft:
        update = nested({**(settings or {}), **kwargs})
        for annotation in self.layout.get("annotations", []):
            merge(annotation, update)
        return self

    def add_shape(self, **shape: Any) -> Draft:
        self.layout.setdefault("shapes", []).append(nested(shape))
        return self

    def add_annotation(self, **annotation: Any) -> Draft:
        self.layout.setdefault("annotations", []).append(nested(annotation))
        return self

    def add_hline(self, y: float, **shape: Any) -> Draft:
        """A horizontal line across the whole plot at `y` (as `go.Figure.add_hline`)."""
        return self.add_shape(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=y, y1=y, **shape)

    def add_vline(self, x: float, **shape: Any) -> Draft:
        """A vertical line across the whole plot at `x` (as `go.Figure.add_vline`)."""
        return self.add_shape(type="line", yref="y domain", y0=0, y1=1, xref="x", x0=x, x1=x, **shape)

    @property
    def title_text(self) -> str | None:
        title = self.layout.get("title")
        return title.get("text") if isinstance(title, dict) else title

    def to_figure(self) -> go.Figure:
        """The finished figure: a `go.Figure` that hands Streamlit this plain data as it is (see `PlainFigure`)."""
        for trace in self.data:
            _drop_none(trace)
            _fix_scales(trace)
        _drop_none(self.layout)
        for frame in self.frames:
            for trace in frame.get("data", []):
                _fix_scales(trace)
        figure: dict[str, Any] = {"data": self.data, "layout": self.layout}
        if self.frames:
            figure["frames"] = self.frames
        return PlainFigure(figure)


# Attributes of plotly's BaseFigure that hold its object tree: reading any of them builds the tree first.
_TREE = frozenset(
    {"data", "layout", "frames", "_data", "_data_objs", "_layout", "_layout_obj", "_frame_objs", "_grid_ref"}
)


@functools.lru_cache(maxsize=4)
def _template(name: str) -> dict[str, Any]:
    import plotly.io as pio

    return pio.templates[name].to_plotly_json()


def _typed_arrays(value: Any) -> Any:
    """NumPy arrays → plotly.js typed-array specs (base64, as plotly.py sends them), in dicts at any depth."""
    import numpy as np
    from _plotly_utils.utils import to_typed_array_spec

    if isinstance(value, dict):
        return {k: _typed_arrays(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return to_typed_array_spec(value) if value.dtype.kind in "biuf" else value.tolist()
    return value


def array(value: Any):
    """A figure's array as NumPy: a plain list, or a plotly.js typed-array spec {"dtype", "bdata" (base64), "shape"}
    as `to_dict()` writes it (the inverse of `_typed_arrays`)."""
    import base64

    import numpy as np

    if isinstance(value, dict):
        shape = [int(n) for n in str(value.get("shape", "-1")).split(",")]
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).reshape(shape)
    return np.asarray(value)


class PlainFigure(go.Figure):
    """A `go.Figure` that keeps the figure as the plain dict it was written as.

    `st.plotly_chart` asks a figure for `to_dict()` and serialises that; plotly.py would first build (and then deep-
    copy) a tree of objects, one per property, tens of ms for a figure with animation frames. This figure answers
    `to_dict()` from the dict (arrays as base64 typed arrays, the default template added, as plotly.py does). Reading
    `.data`, `.layout` or `.frames`, or any update, builds the ordinary object tree first (unvalidated), after which
    the figure is an ordinary `go.Figure`.
    """

    def __init__(self, figure: dict[str, Any]):  # noqa: D107 - the tree is built on first use
        object.__setattr__(self, "_plain", figure)

    def __getattribute__(self, name: str) -> Any:
        if name in _TREE:
            plain = object.__getattribute__(self, "_plain")
            if plain is not None:
                object.__setattr__(self, "_plain", None)
                go.Figure.__init__(self, plain, _validate=False)
        return object.__getattribute__(self, name)

    def to_dict(self) -> dict[str, Any]:
        import plotly.io as pio

        plain = object.__getattribute__(self, "_plain")
        if plain is None:
            return super().to_dict()
        layout = dict(plain["layout"])
        if "template" not in layout and pio.templates.default:
            layout["template"] = _template(pio.templates.default)
        out = {"data": [_typed_arrays(t) for t in plain["data"]], "layout": layout}
        if plain.get("frames"):
            out["frames"] = [{**f, "data": [_typed_arrays(t) for t in f.get("data", [])]} for f in plain["frames"]]
        return out

    def to_plotly_json(self) -> dict[str, Any]:
        return self.to_dict()


@functools.lru_cache(maxsize=32)
def _grid(rows: int, cols: int, titles: tuple[str, ...], options: tuple[tuple[str, Any], ...]) -> dict:
    from plotly.subplots import make_subplots

    settings = {k: list(v) if isinstance(v, tuple) else v for k, v in options}
    grid = make_subplots(rows=rows, cols=cols, subplot_titles=list(titles) or None, **settings)
    layout = grid.layout.to_plotly_json()
    layout.pop("template", None)
    return layout


def subplots(rows: int, cols: int, titles: Sequence[str] = (), **options: Any) -> Draft:
    """An empty grid of rows × cols plots with these titles, laid out as `make_subplots(**options)` does (e.g.
    `horizontal_spacing=0.04`, `shared_xaxes=True`, `row_heights=(0.6, 0.4)`). The layout is cached: make_subplots
    costs several ms a call and pages ask for the same few grids on every rerun."""
    options.setdefault("horizontal_spacing", 0.03)
    options.setdefault("vertical_spacing", 0.08)
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    return Draft(layout=copy.deepcopy(_grid(rows, cols, tuple(titles), key)), cols=cols)
