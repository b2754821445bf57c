"""A drawing (dark strokes on a light canvas) made into what a Fashion-MNIST model reads.

Fashion-MNIST items are light objects on a black 28 × 28 background, each trimmed to its bounding box and scaled so
its longer side fills the frame, centred (Zalando's recipe: trim, resize the longest edge to 28, centre, negate).
A drawing on the page's canvas is the opposite (black ink on white) and anywhere on a large canvas, so it goes
through the same steps, each kept for display:

1. "grayscale": the canvas (RGBA) laid on white, then luma L = 0.299 R + 0.587 G + 0.114 B, shape (H, W).
2. "cropped": the bounding box of the ink (pixels at least `INK_LEVEL` darker than white), made square with white
   around it so the item keeps its proportions when resized, the item centred.
3. "resized": the square resized (Lanczos) to 28 × 28: the longer side of the item fills the frame.
4. "inverted": 255 − x, so the item is light on black like the dataset — the uint8 image the model is given.
5. "scaled": ÷ 255, values in [0, 1] — what the model's first layer, ``Rescaling(1 / 255)``, makes of it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from playground._checks import invalid
from playground.messages import Phrase

SIZE = 28  # Fashion-MNIST images are 28 × 28
INK_LEVEL = 32  # a pixel this much darker than white (0 … 255) counts as ink
STEP_NAMES = ("grayscale", "cropped", "resized", "inverted", "scaled")


@dataclass(frozen=True)
class Preprocessed:
    """A drawing made ready for the model.

    Attributes:
        item: (28, 28) uint8, light item on black: what ``model.predict`` gets (the model rescales by 1/255).
        scaled: (28, 28) float, ``item / 255``.
        steps: (name, array) for each step of the module docstring, in order (names in ``STEP_NAMES``).
        box: (top, bottom, left, right) of the ink in the canvas, inclusive.
    """

    item: np.ndarray
    scaled: np.ndarray
    steps: list[tuple[str, np.ndarray]]
    box: tuple[int, int, int, int]


def _grayscale(image: object) -> np.ndarray:
    """(H, W) uint8 luma of an (H, W), (H, W, 3) or (H, W, 4) uint8 image; transparent pixels count as white."""
    a = np.asarray(image)
    if a.dtype != np.uint8 or a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (3, 4)) or a.size == 0:
        raise invalid(
            "image",
            "a non-empty uint8 array of shape (H, W), (H, W, 3) or (H, W, 4)",
            a,
            show=f"shape={a.shape}, dtype={a.dtype}",
        )
    if a.ndim == 2:
        return a.copy()
    rgb = a[:, :, :3].astype(np.float64)
    if a.shape[2] == 4:  # lay the drawing on white: a transparent canvas background is paper
        alpha = a[:, :, 3:4].astype(np.float64) / 255.0
        rgb = rgb * alpha + 255.0 * (1.0 - alpha)
    rgb_u8 = np.rint(rgb).astype(np.uint8)
    return np.asarray(Image.fromarray(rgb_u8, "RGB").convert("L"))


def has_ink(image: np.ndarray) -> bool:
    """True when the drawing has at least one ink pixel (see ``INK_LEVEL``)."""
    return bool((_grayscale(image) <= 255 - INK_LEVEL).any())


def drawing_to_fashion_mnist(image: np.ndarray) -> Preprocessed:
    """A canvas drawing (dark on light) → a Fashion-MNIST-style 28 × 28 item, with every step kept.

    Args:
        image: uint8 (H, W), (H, W, 3) or (H, W, 4) (RGBA from a drawing canvas; transparent = white).

    Returns:
        A :class:`Preprocessed`.

    Raises:
        ValueError: `image` is not such an array, or has no ink (nothing drawn).
    """
    grey = _grayscale(image)
    rows, cols = np.nonzero(grey <= 255 - INK_LEVEL)
    if rows.size == 0:
        shown = Phrase("{argument}='blank canvas'", argument="image")
        raise invalid(
            "image",
            "a drawing with at least one stroke (a pixel ≤ {level})",
            "blank canvas",
            show=shown,
            level=255 - INK_LEVEL,
        )
    top, bottom, left, right = int(rows.min()), int(rows.max()), int(cols.min()), int(cols.max())
    crop = grey[top : bottom + 1, left : right + 1]
    h, w = crop.shape
    side = max(h, w)
    square = np.full((side, side), 255, dtype=np.uint8)
    r0, c0 = (side - h) // 2, (side - w) // 2
    square[r0 : r0 + h, c0 : c0 + w] = crop
    resized = np.asarray(Image.fromarray(square).resize((SIZE, SIZE), Image.Resampling.LANCZOS))
    item = (255 - resized).astype(np.uint8)
    scaled = item / 255.0
    steps = [("grayscale", grey), ("cropped", square), ("resized", resized), ("inverted", item), ("scaled", scaled)]
    return Preprocessed(item=item, scaled=scaled, steps=steps, box=(top, bottom, left, right))
