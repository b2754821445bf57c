"""Plotly figure builders the pages call. Each returns a `go.Figure` (testable without a browser).

One submodule per area (`figures.convolution`, `figures.training`, ...); shared look in `figures.common`.
"""

from playground.figures.common import (
    CATEGORICAL,
    DIVERGING,
    SEQUENTIAL,
    heatmap,
    style,
)

__all__ = ["CATEGORICAL", "DIVERGING", "SEQUENTIAL", "heatmap", "style"]
