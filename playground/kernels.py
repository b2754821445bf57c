"""Named kernels: the classic hand-made image filters a CNN learns versions of by itself.

Each constant is a read-only float array of shape (k, k), oriented for Keras's cross-correlation (what Conv2D and
``scipy.signal.correlate2d`` compute): SOBEL_X responds positively where the image gets brighter to the right.
``KERNELS`` is the option table that feeds the kernel dropdown (ids → arrays; pages translate the labels).
"""

from __future__ import annotations

import numpy as np
from scipy.ndimage import gaussian_filter


def _const(rows: list[list[float]], scale: float = 1.0) -> np.ndarray:
    array = np.array(rows, dtype=float) * scale
    array.setflags(write=False)
    return array


IDENTITY = _const([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
BOX_BLUR = _const([[1, 1, 1], [1, 1, 1], [1, 1, 1]], 1 / 9)
GAUSSIAN_3 = _const([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 1 / 16)  # binomial approximation of a Gaussian
SHARPEN = _const([[0, -1, 0], [-1, 5, -1], [0, -1, 0]])
LAPLACIAN = _const([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
EDGE = _const([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]])  # all-direction edges (Laplacian with diagonals)
SOBEL_X = _const([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])  # vertical edges: brighter to the right → positive
SOBEL_Y = _const([[-1, -2, -1], [0, 0, 0], [1, 2, 1]])  # horizontal edges: brighter below → positive
PREWITT_X = _const([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])
PREWITT_Y = _const([[-1, -1, -1], [0, 0, 0], [1, 1, 1]])
EMBOSS = _const([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]])
HORIZONTAL_LINE = _const([[-1, -1, -1], [2, 2, 2], [-1, -1, -1]])
VERTICAL_LINE = _const([[-1, 2, -1], [-1, 2, -1], [-1, 2, -1]])

KERNELS: dict[str, np.ndarray] = {
    "identity": IDENTITY,
    "box_blur": BOX_BLUR,
    "gaussian": GAUSSIAN_3,
    "sharpen": SHARPEN,
    "laplacian": LAPLACIAN,
    "edge": EDGE,
    "sobel_x": SOBEL_X,
    "sobel_y": SOBEL_Y,
    "prewitt_x": PREWITT_X,
    "prewitt_y": PREWITT_Y,
    "emboss": EMBOSS,
    "horizontal_line": HORIZONTAL_LINE,
    "vertical_line": VERTICAL_LINE,
}


def gaussian(size: int = 3, sigma: float = 1.0) -> np.ndarray:
    """A normalised (size × size) Gaussian blur kernel: ``exp(−(x² + y²) / (2σ²))``, sampled, summing to 1.

    Built as scipy's own Gaussian filter applied to a unit impulse (so it is scipy's sampled Gaussian, truncated
    to the window).

    Args:
        size: odd window size, 1 ≤ size ≤ 15.
        sigma: standard deviation in cells, 0 < sigma ≤ 10.

    Returns:
        Float array (size, size), symmetric, summing to 1.

    Raises:
        ValueError: size not an odd integer in range, or sigma out of range.
    """
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or not (1 <= size <= 15 and size % 2 == 1):
        raise ValueError(
            f"Invalid value received for argument `size`. Expected an odd integer from 1 to 15. Received: size={size!r}"
        )
    if isinstance(sigma, bool) or not isinstance(sigma, (int, float, np.number)) or not 0 < sigma <= 10:
        raise ValueError(
            "Invalid value received for argument `sigma`. Expected a number greater than 0 and at most 10. "
            f"Received: sigma={sigma!r}"
        )
    impulse = np.zeros((size, size))
    impulse[size // 2, size // 2] = 1.0
    radius = size // 2
    kernel = gaussian_filter(impulse, float(sigma), mode="constant", truncate=(radius + 0.5) / float(sigma))
    return kernel / kernel.sum()


def resize_kernel(kernel: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """`kernel` fitted into a (rows, cols) grid: centred, cropped or zero-padded (used when the learner
    changes the kernel size of a preset).

    Returns:
        A new float array of shape `size`.
    """
    k = np.asarray(kernel, dtype=float)
    rows, cols = size
    if k.ndim != 2 or rows < 1 or cols < 1:
        raise ValueError(
            "Invalid value received for argument `size`. Expected a pair of positive integers and a 2-D kernel. "
            f"Received: size={size!r}, kernel shape {k.shape}"
        )
    out = np.zeros((rows, cols))
    h, w = min(rows, k.shape[0]), min(cols, k.shape[1])
    sr, sc = (k.shape[0] - h) // 2, (k.shape[1] - w) // 2
    dr, dc = (rows - h) // 2, (cols - w) // 2
    out[dr : dr + h, dc : dc + w] = k[sr : sr + h, sc : sc + w]
    return out
