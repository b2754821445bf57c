"""Named kernels: the classic hand-made image filters a CNN learns versions of by itself.

Each constant is a read-only float array of shape (k, k), oriented for Keras's cross-correlation (what Conv2D and
``scipy.signal.correlate2d`` compute): SOBEL_X responds positively where the image gets brighter to the right.
``KERNELS`` is the option table that feeds the kernel dropdown (ids → arrays; pages translate the labels).
"""

from __future__ import annotations

import numpy as np
from scipy.ndimage import gaussian_filter

from playground._checks import check_array, check_int, check_number, check_pair, invalid


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
    try:
        odd = check_int("size", size, low=1, high=15) % 2 == 1
    except ValueError:
        odd = False
    if not odd:
        raise invalid("size", "an odd integer in the range [1, 15]", size)
    size = int(size)
    sigma = check_number("sigma", sigma, low=0, high=10, low_open=True)
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
    k = check_array("kernel", kernel, ndims=(2,), finite=False)
    rows, cols = check_pair("size", size)
    out = np.zeros((rows, cols))
    h, w = min(rows, k.shape[0]), min(cols, k.shape[1])
    sr, sc = (k.shape[0] - h) // 2, (k.shape[1] - w) // 2
    dr, dc = (rows - h) // 2, (cols - w) // 2
    out[dr : dr + h, dc : dc + w] = k[sr : sr + h, sc : sc + w]
    return out
