"""Safe image loading for uploads and the bundled sample photos.

An uploaded file is untrusted: it may be corrupt, truncated, a text file named ``.png``, or a *decompression
bomb* (a few kilobytes that declare a 100 000 × 100 000 image). `load_image` therefore

1. opens the bytes with Pillow restricted to `ALLOWED_FORMATS` (``Image.open`` only reads the header),
2. checks the declared pixel count against `MAX_PIXELS` *before* decoding a single pixel (Pillow's own
   ``DecompressionBombWarning`` is turned into an error too),
3. decodes the first frame only (animated GIF/WebP/APNG, multi-page TIFF),
4. applies the EXIF orientation (phones store portrait photos sideways plus an "Orientation" tag),
5. converts any mode deliberately to 8-bit ``L`` or ``RGB``: transparent pixels are composited on white,
   16-bit and 32-bit grey levels are *scaled* to 0…255 (not clipped), CMYK/YCbCr/LAB/HSV go through Pillow,
6. optionally downscales so the longer side is at most ``max_side`` and says so (`LoadedImage.downscaled`).

`to_fashion_mnist` turns any photo into a 28 × 28 item that looks like Fashion-MNIST (dark background, light
object, fitted and centred), so a model trained on Fashion-MNIST can be tried on one's own pictures.
"""

from __future__ import annotations

import io
import math
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from playground._checks import check_choice, check_int, invalid
from playground.messages import Phrase, Problem

ALLOWED_FORMATS: tuple[str, ...] = ("PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF")
MAX_PIXELS: int = 25_000_000  # 5000 × 5000 declared; the decode budget below is the tighter limit


def _budget_mb() -> float:
    raw = os.environ.get("PLAYGROUND_MAX_IMAGE_MB", "")
    try:
        value = float(raw)
    except ValueError:
        return 64.0
    return value if 1 <= value <= 4096 else 64.0


MAX_DECODED_BYTES: int = int(_budget_mb() * 2**20)  # what decoding one upload may allocate (PLAYGROUND_MAX_IMAGE_MB)
# Bytes Pillow holds per pixel for the first frame, by mode (3-band images are stored in 4 bytes), plus what the
# conversion to 8-bit L/RGB allocates on top: deep grey goes through a float64 array; alpha is composited on white
# in RGBA (three images); other modes take one converted copy.
_STORED = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "I;16N": 2, "I": 4, "F": 4}
_WORKING = {"I;16": 9, "I;16B": 9, "I;16L": 9, "I;16N": 9, "I": 17, "F": 17}
MODES: tuple[str, ...] = ("L", "RGB")

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SAMPLES: dict[str, Path] = {  # licences and attribution: assets/LICENSES.md
    "astronaut": ASSETS / "astronaut.jpg",
    "chelsea": ASSETS / "chelsea.jpg",
    "coffee": ASSETS / "coffee.jpg",
    "china": ASSETS / "china.jpg",
    "flower": ASSETS / "flower.jpg",
}

FASHION_MNIST_SIZE = 28  # side of a Fashion-MNIST item, in pixels

# Pillow raises these for data it cannot decode (truncated streams, broken chunks, bad headers, ...).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError, ZeroDivisionError)


@dataclass(frozen=True)
class LoadedImage:
    """A decoded image, ready to show or to feed a model.

    Attributes:
        array: uint8 array of shape (H, W) for mode "L" or (H, W, 3) for mode "RGB".
        original_size: (height, width) of the image before any downscale (after EXIF orientation).
        downscaled: True when `max_side` made the image smaller.
        format: the Pillow format name of the source ("PNG", "JPEG", ...).
    """

    array: np.ndarray
    original_size: tuple[int, int]
    downscaled: bool
    format: str


def _check_options(mode: str, max_side: int | None) -> int | None:
    """Checks `mode`; returns `max_side` as an int (or None)."""
    check_choice("mode", mode, MODES)
    return None if max_side is None else check_int("max_side", max_side, low=1)


def _declared_too_many(err: Exception) -> Problem:
    """Pillow refused the header itself (its own bomb limit, ~89 M pixels, is checked in `Image.open`, before ours):
    the same message as `_too_many_pixels`, with our limit, not Pillow's words and limit."""
    found = re.search(r"\((\d+) pixels\)", str(err))
    if found is None:
        return Problem(
            "This image is too large: it declares more pixels than the {limit:,} allowed. Please upload a smaller "
            "picture.",
            limit=MAX_PIXELS,
        )
    return Problem(
        "This image is too large: it declares {pixels:,} pixels, more than the {limit:,} allowed. Please upload a "
        "smaller picture.",
        pixels=int(found.group(1)),
        limit=MAX_PIXELS,
    )


def _too_many_pixels(width: int, height: int) -> Problem:
    return Problem(
        "This image is too large: it declares {width} × {height} = {pixels:,} pixels, more than the {limit:,} "
        "allowed. Please upload a smaller picture.",
        width=width,
        height=height,
        pixels=width * height,
        limit=MAX_PIXELS,
    )


def decoded_bytes(mode: str, size: tuple[int, int], *, has_alpha: bool = False) -> int:
    """What decoding one frame of `size` (width, height) in Pillow `mode` and converting it to 8-bit allocates:
    pixels × (stored bytes per pixel + conversion working bytes). Computed from the header, before decoding."""
    pixels = size[0] * size[1]
    stored = _STORED.get(mode, 4)
    working = _WORKING.get(mode, 12 if has_alpha else 4)
    return pixels * (stored + working)


def _over_budget(mode: str, size: tuple[int, int], need: int) -> Problem:
    return Problem(
        "This image would take {need_mb:.0f} MB to decode ({width} × {height} pixels in mode {mode}); this server "
        "decodes up to {limit_mb:.0f} MB per image. Please upload a smaller picture (or save it as an 8-bit JPEG).",
        need_mb=need / 2**20,
        width=size[0],
        height=size[1],
        mode=mode,
        limit_mb=MAX_DECODED_BYTES / 2**20,
    )


def _transposed(orientation: object) -> bool:
    return orientation in (5, 6, 7, 8)


def _scale_to_uint8(values: np.ndarray, top: float) -> np.ndarray:
    """Linearly map 0…top to 0…255 (rounded), for grey levels deeper than 8 bits."""
    scaled = np.rint(values.astype(np.float64) * (255.0 / top))
    return np.clip(scaled, 0, 255).astype(np.uint8)


def _deep_grey_to_l(im: Image.Image) -> Image.Image:
    """16-bit ("I;16*"), 32-bit integer ("I") or float ("F") grey levels → 8-bit "L", scaled, not clipped.

    "I;16" uses its full 0…65535 range (65535 → 255, i.e. v / 257). "I" is usually a 16-bit PNG/TIFF decoded
    to 32 bits: values in 0…65535 are scaled the same way; anything else is stretched from its min to its max.
    "F" in 0…1 is multiplied by 255, otherwise stretched from min to max.
    """
    values = np.asarray(im)
    if im.mode.startswith("I;16"):
        return Image.fromarray(_scale_to_uint8(values, 65535.0), mode="L")
    values = values.astype(np.float64)
    lo, hi = float(np.min(values)), float(np.max(values))
    if im.mode == "I" and lo >= 0 and hi <= 65535:
        return Image.fromarray(_scale_to_uint8(values, 65535.0), mode="L")
    if im.mode == "F" and lo >= 0 and hi <= 1:
        return Image.fromarray(_scale_to_uint8(values, 1.0), mode="L")
    if hi == lo:
        return Image.fromarray(np.zeros(values.shape, np.uint8), mode="L")
    return Image.fromarray(_scale_to_uint8(values - lo, hi - lo), mode="L")


def _on_white(im: Image.Image) -> Image.Image:
    """Composite an image with alpha on a white background → "RGB"."""
    rgba = im.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _to_mode(im: Image.Image, mode: str) -> Image.Image:
    """Any Pillow mode → 8-bit "L" or "RGB", on purpose for each family of modes."""
    has_alpha = im.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or (
        im.mode in {"P", "L", "RGB"} and "transparency" in im.info
    )
    if im.mode.startswith("I") or im.mode == "F":
        im = _deep_grey_to_l(im)
    elif has_alpha:
        im = _on_white(im)
    elif im.mode in {"1", "P"}:
        im = im.convert("RGB") if mode == "RGB" or im.mode == "P" else im.convert("L")
    elif im.mode not in {"L", "RGB"}:  # CMYK, YCbCr, LAB, HSV, RGBX, ...
        im = im.convert("RGB")
    # "L" from "RGB" uses ITU-R 601-2 luma: L = R·299/1000 + G·587/1000 + B·114/1000.
    return im if im.mode == mode else im.convert(mode)


def load_image(data: bytes, *, mode: str = "RGB", max_side: int | None = None) -> LoadedImage:
    """Decode untrusted image bytes safely into an 8-bit grey or RGB array.

    Args:
        data: the file's bytes (e.g. ``uploaded_file.getvalue()``).
        mode: "L" for an (H, W) grey array, "RGB" for an (H, W, 3) colour array.
        max_side: if given, downscale (Lanczos, aspect kept) so that max(H, W) ≤ max_side.

    Returns:
        A `LoadedImage`.

    Raises:
        ValueError: a learner-readable message when the data is empty, not an image, corrupt or truncated,
            in a format outside `ALLOWED_FORMATS`, declares more than `MAX_PIXELS` pixels (decompression
            bomb), or when `mode` / `max_side` is invalid.
    """
    max_side = _check_options(mode, max_side)
    if not isinstance(data, bytes | bytearray | memoryview):
        shown = Phrase("{argument} of type {type}", argument="data", type=type(data).__name__)
        raise invalid("data", "the file's bytes", data, show=shown)
    if len(data) == 0:
        raise Problem("The file is empty (0 bytes). Please choose an image file (PNG, JPEG, GIF, BMP, WebP, TIFF).")

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im: Image.Image = Image.open(io.BytesIO(bytes(data)), formats=ALLOWED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
            raise _declared_too_many(err) from None
        except _DECODE_ERRORS:
            raise Problem(
                "This file is not an image that can be opened here. Allowed formats: {formats}.",
                formats=", ".join(ALLOWED_FORMATS),
            ) from None
        with im:
            fmt = im.format or "?"
            if fmt not in ALLOWED_FORMATS:  # defensive: `formats=` already restricts the decoders
                raise Problem(
                    "Image format {format} is not allowed. Allowed formats: {formats}.",
                    format=fmt,
                    formats=", ".join(ALLOWED_FORMATS),
                )
            width, height = im.size  # from the header: nothing is decoded yet
            if width < 1 or height < 1:
                raise Problem("This image declares an empty size ({width} × {height}).", width=width, height=height)
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(width, height)
            has_alpha = im.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or "transparency" in im.info
            if fmt == "JPEG" and max_side is not None and max(width, height) > 2 * max_side:
                # JPEG decodes at 1/2, 1/4 or 1/8 scale for free: ask for no more than twice what is kept.
                im.draft(im.mode, (2 * max_side, 2 * max_side))
            need = decoded_bytes(im.mode, im.size, has_alpha=has_alpha)
            if need > MAX_DECODED_BYTES:
                raise _over_budget(im.mode, im.size, need)
            try:
                im.seek(0)  # first frame of an animation / first page of a TIFF
                im.load()
                original_orientation = im.getexif().get(0x0112, 1)  # EXIF Orientation; 5–8 swap the axes
                factor = math.floor(max(im.size) / (2 * max_side)) if max_side is not None else 1
                if factor >= 2 and im.mode not in {"P", "1"}:  # shrink before converting: conversions copy
                    im = im.reduce(factor)
                im = ImageOps.exif_transpose(im)
                im = _to_mode(im, mode)
            except Image.DecompressionBombWarning as err:
                raise _declared_too_many(err) from None
            except _DECODE_ERRORS as err:
                raise Problem(
                    "This {format} file is damaged or incomplete and cannot be decoded ({reason}).",
                    format=fmt,
                    reason=err,
                ) from None

    original_size = (height, width) if not _transposed(original_orientation) else (width, height)
    downscaled = False
    if max_side is not None and max(im.size) > max_side:
        scale = max_side / max(im.size)
        new_size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
        im = im.resize(new_size, Image.Resampling.LANCZOS)
        downscaled = True
    array = np.array(im, dtype=np.uint8)
    array.setflags(write=False)
    return LoadedImage(array=array, original_size=original_size, downscaled=downscaled, format=fmt)


def load_sample(name: str, *, mode: str = "RGB", max_side: int | None = None) -> LoadedImage:
    """One of the bundled photos (`SAMPLES`), loaded through the same safe path as uploads.

    Raises:
        ValueError: unknown `name`, or invalid `mode` / `max_side`.
    """
    check_choice("name", name, sorted(SAMPLES))
    return load_image(SAMPLES[name].read_bytes(), mode=mode, max_side=max_side)


def _check_uint8_image(image: np.ndarray) -> np.ndarray:
    image = np.asarray(image)
    if image.dtype != np.uint8 or not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
        show = f"dtype={image.dtype}, shape={image.shape}"
        raise invalid("image", "a uint8 array of shape (H, W) or (H, W, 3)", image, show=show)
    if image.size == 0:
        raise invalid("image", "a non-empty image", image, show=f"shape={image.shape}")
    return image


def to_fashion_mnist(image: np.ndarray) -> tuple[np.ndarray, list[tuple[str, np.ndarray]]]:
    """Make a photo look like a Fashion-MNIST item: 28 × 28 grey, dark background, object fitted and centred.

    The steps follow Zalando's recipe for the dataset (trim, resize the longest edge to 28, centre, negate):

    1. "grayscale": RGB → luma L = 0.299 R + 0.587 G + 0.114 B (ITU-R 601-2), shape (H, W).
    2. "inverted": Fashion-MNIST objects are light on black. The background level is the median of the
       border pixels; if it is light (> 127) the image is negated (255 − x). Then the background level is
       subtracted and the rest stretched so the background is 0 and the brightest pixel 255.
    3. "cropped": the bounding box of the pixels brighter than 25 % of the maximum (the object).
    4. "fitted": the crop resized (Lanczos) so its longer side is 28, pasted in the centre of a black 28 × 28.

    Args:
        image: uint8 array (H, W) or (H, W, 3).

    Returns:
        (item, steps): item is a (28, 28) uint8 array; steps is a list of (name, uint8 array) in the order
        above, for display.

    Raises:
        ValueError: when `image` is not a non-empty uint8 (H, W) or (H, W, 3) array.
    """
    image = _check_uint8_image(image)
    grey = np.array(Image.fromarray(image).convert("L")) if image.ndim == 3 else image.copy()
    steps: list[tuple[str, np.ndarray]] = [("grayscale", grey)]

    border = np.concatenate([grey[0, :], grey[-1, :], grey[:, 0], grey[:, -1]])
    background = float(np.median(border))
    work = grey.astype(np.float64)
    if background > 127:
        work = 255.0 - work
        background = 255.0 - background
    work = np.clip(work - background, 0, None)
    peak = float(work.max())
    work = work * (255.0 / peak) if peak > 0 else work
    inverted = np.rint(work).astype(np.uint8)
    steps.append(("inverted", inverted))

    rows, cols = np.nonzero(inverted > 0.25 * 255) if peak > 0 else (np.array([]), np.array([]))
    if rows.size:
        cropped = inverted[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    else:
        cropped = inverted
    steps.append(("cropped", cropped))

    h, w = cropped.shape
    scale = FASHION_MNIST_SIZE / max(h, w)
    new_w, new_h = max(1, round(w * scale)), max(1, round(h * scale))
    resized = Image.fromarray(cropped).resize((new_w, new_h), Image.Resampling.LANCZOS)
    canvas = Image.new("L", (FASHION_MNIST_SIZE, FASHION_MNIST_SIZE), 0)
    canvas.paste(resized, ((FASHION_MNIST_SIZE - new_w) // 2, (FASHION_MNIST_SIZE - new_h) // 2))
    item = np.array(canvas, dtype=np.uint8)
    steps.append(("fitted", item))
    return item, steps
