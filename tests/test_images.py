"""playground.images: every bad or unusual file gives a clear ValueError or a correct, pixel-checked conversion.

The corpus is generated here with Pillow (and a few hand-made byte strings), so every expected value comes
from how the file was made.
"""

from __future__ import annotations

import io
import struct
import time
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile

from playground import images
from playground.images import (
    ALLOWED_FORMATS,
    MAX_PIXELS,
    SAMPLES,
    LoadedImage,
    load_image,
    load_sample,
    to_fashion_mnist,
)


def encode(im: Image.Image, fmt: str, **kwargs) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kwargs)
    return buf.getvalue()


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_declaring(width: int, height: int, idat: bytes = b"") -> bytes:
    """A tiny PNG whose header declares width × height 8-bit grey pixels (the decompression-bomb shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat or zlib.compress(b"\0" * 1000)) + png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def quadrants(h: int = 8, w: int = 12) -> np.ndarray:
    """An RGB image with four flat quadrants of distinct colours (robust to JPEG, exact in PNG)."""
    a = np.zeros((h, w, 3), np.uint8)
    a[: h // 2, : w // 2] = (255, 0, 0)
    a[: h // 2, w // 2 :] = (0, 255, 0)
    a[h // 2 :, : w // 2] = (0, 0, 255)
    a[h // 2 :, w // 2 :] = (255, 255, 0)
    return a


# ---------------------------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"this is a text file, not a picture\n" * 10, "not an image"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not an image"),
        (b"GIF89a" + b"\xff" * 50, "not an image"),
        (np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8).tobytes(), "not an image"),
    ],
    ids=["zero-bytes", "text-named-png", "corrupt-png", "corrupt-gif", "random-bytes"],
)
def test_non_images_are_refused(data, words):
    """Empty, text, corrupt and random data give a ValueError that says what is wrong."""
    with pytest.raises(ValueError, match=words):
        load_image(data)


def test_truncated_png_is_refused():
    """A PNG cut in half (header intact, pixel data incomplete) is 'damaged or incomplete'."""
    rng = np.random.default_rng(1)
    data = encode(Image.fromarray(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)), "PNG")
    with pytest.raises(ValueError, match="damaged or incomplete"):
        load_image(data[: len(data) // 2])


def test_truncated_jpeg_is_refused():
    """A JPEG missing its second half is refused rather than shown half-grey."""
    rng = np.random.default_rng(2)
    data = encode(Image.fromarray(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)), "JPEG")
    with pytest.raises(ValueError, match="damaged or incomplete"):
        load_image(data[: len(data) // 2])


@pytest.mark.parametrize("side", [100_000, 30_000, int(np.sqrt(MAX_PIXELS)) + 1])
def test_decompression_bomb_is_refused_before_decoding(side, monkeypatch):
    """A small PNG declaring side × side pixels is refused from its header alone, without decoding."""

    def must_not_decode(self, *args, **kwargs):
        raise AssertionError("decoded a decompression bomb")

    data = png_declaring(side, side)
    assert len(data) < 2000
    monkeypatch.setattr(ImageFile.ImageFile, "load", must_not_decode)
    monkeypatch.setattr(Image.Image, "load", must_not_decode)
    start = time.perf_counter()
    said = rf"too large: it declares ({side} × {side} = )?{side * side:,} pixels, more than the {MAX_PIXELS:,} allowed"
    with pytest.raises(ValueError, match=said):
        load_image(data)  # one message whatever refused it (Pillow's own bomb limit is ~89 M): ours, with our limit
    assert time.perf_counter() - start < 1.0


def test_real_zlib_bomb_is_refused():
    """A genuinely compressed bomb (≈ 36 M zero pixels in a few kB) is refused as too large."""
    side = 6000
    idat = zlib.compress(b"\0" * (side + 1) * side, 9)
    data = png_declaring(side, side, idat)
    assert len(data) < 100_000 and side * side > MAX_PIXELS
    with pytest.raises(ValueError, match="too large"):
        load_image(data)


def test_over_limit_dimensions_wide_and_thin():
    """A 1-pixel-high but extremely wide image is still counted by pixels and refused."""
    with pytest.raises(ValueError, match="too large"):
        load_image(png_declaring(MAX_PIXELS + 1, 1))


def test_image_exactly_at_the_limit_is_accepted_by_the_header_check(monkeypatch):
    """The cap is inclusive: MAX_PIXELS pixels pass the header check (a smaller cap keeps the test fast)."""
    monkeypatch.setattr(images, "MAX_PIXELS", 12 * 10)
    data = encode(Image.new("L", (12, 10), 7), "PNG")
    assert load_image(data).array.shape == (10, 12, 3)
    monkeypatch.setattr(images, "MAX_PIXELS", 12 * 10 - 1)
    with pytest.raises(ValueError, match="too large"):
        load_image(data)


@pytest.mark.parametrize("fmt", ["PPM", "ICO", "TGA", "PCX"])
def test_formats_outside_the_allow_list_are_refused(fmt):
    """Pillow can read PPM/ICO/TGA/PCX, but the loader only accepts ALLOWED_FORMATS."""
    assert fmt not in ALLOWED_FORMATS
    data = encode(Image.new("RGB", (16, 16), (10, 20, 30)), fmt)
    Image.open(io.BytesIO(data)).load()  # proof that it is a valid file Pillow could decode
    with pytest.raises(ValueError, match="Allowed formats"):
        load_image(data)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"mode": "RGBA"}, "mode"),
        ({"mode": "l"}, "mode"),
        ({"max_side": 0}, "max_side"),
        ({"max_side": 2.5}, "max_side"),
    ],
)
def test_bad_options_name_the_argument(kwargs, argument):
    """Invalid mode / max_side raise a ValueError naming the argument and the value received."""
    data = encode(Image.new("RGB", (4, 4)), "PNG")
    with pytest.raises(ValueError, match=f"argument `{argument}`.*Received"):
        load_image(data, **kwargs)


# ---------------------------------------------------------------------------------------------- conversions


@pytest.mark.parametrize("fmt", ALLOWED_FORMATS)
def test_every_allowed_format_round_trips(fmt):
    """A flat-quadrant RGB image survives each allowed format (exactly for lossless ones, ±8 for lossy)."""
    a = quadrants(16, 16)
    kwargs = {"lossless": True} if fmt == "WEBP" else {}
    loaded = load_image(encode(Image.fromarray(a), fmt, **kwargs))
    assert isinstance(loaded, LoadedImage)
    assert loaded.format == fmt and loaded.array.dtype == np.uint8 and loaded.array.shape == (16, 16, 3)
    assert loaded.original_size == (16, 16) and not loaded.downscaled
    inner = (slice(2, 6), slice(2, 6))  # away from the colour edges that JPEG's chroma subsampling smears
    error = np.abs(loaded.array.astype(int) - a)
    if fmt == "JPEG":
        assert error[inner].max() <= 16
    else:
        assert error.max() == 0


def test_sixteen_bit_png_is_scaled_not_clipped():
    """A 16-bit grey PNG maps v → round(v / 257): 65535 → 255, 32768 → 128, 256 → 1 (not clipped to 255)."""
    values = np.array([[0, 256, 257, 1000], [32768, 40000, 65278, 65535]], dtype=np.uint16)
    data = encode(Image.fromarray(values), "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I")
    loaded = load_image(data, mode="L")
    np.testing.assert_array_equal(loaded.array, np.rint(values / 257.0).astype(np.uint8))
    rgb = load_image(data, mode="RGB").array
    np.testing.assert_array_equal(rgb, np.repeat(loaded.array[..., None], 3, axis=2))


def test_sixteen_bit_tiff_is_scaled():
    """A 16-bit TIFF ("I;16") is scaled the same way as a 16-bit PNG."""
    values = np.linspace(0, 65535, 24).astype(np.uint16).reshape(4, 6)
    loaded = load_image(encode(Image.fromarray(values), "TIFF"), mode="L")
    np.testing.assert_array_equal(loaded.array, np.rint(values / 257.0).astype(np.uint8))


def test_thirty_two_bit_tiff_outside_sixteen_bits_is_stretched():
    """32-bit integer grey levels beyond 0…65535 are stretched from min to max (not wrapped or clipped)."""
    values = np.array([[-1000, 0], [100_000, 200_000]], dtype=np.int32)
    loaded = load_image(encode(Image.fromarray(values, mode="I"), "TIFF"), mode="L")
    expected = np.rint((values + 1000) * 255.0 / 201_000).astype(np.uint8)
    np.testing.assert_array_equal(loaded.array, expected)


def test_cmyk_jpeg_is_converted_to_rgb():
    """A CMYK JPEG becomes RGB: C=M=Y=0 is white, M=Y=255 red, C=Y=255 green, K=255 black (±12, lossy)."""
    a = np.zeros((16, 16, 4), np.uint8)
    a[:8, :8] = (0, 0, 0, 0)
    a[:8, 8:] = (0, 255, 255, 0)
    a[8:, :8] = (255, 0, 255, 0)
    a[8:, 8:] = (0, 0, 0, 255)
    data = encode(Image.fromarray(a, mode="CMYK"), "JPEG", quality=95)
    assert Image.open(io.BytesIO(data)).mode == "CMYK"
    rgb = load_image(data).array.astype(int)
    for (r, c), colour in {
        (3, 3): (255, 255, 255),
        (3, 12): (255, 0, 0),
        (12, 3): (0, 255, 0),
        (12, 12): (0, 0, 0),
    }.items():
        assert np.abs(rgb[r, c] - colour).max() <= 12, (r, c, rgb[r, c])


def test_animated_gif_gives_its_first_frame():
    """An animated GIF (red, green, blue frames) loads as its first, red frame."""
    frames = [Image.new("RGB", (6, 5), colour) for colour in [(255, 0, 0), (0, 255, 0), (0, 0, 255)]]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert getattr(Image.open(io.BytesIO(data)), "n_frames", 1) == 3
    loaded = load_image(data)
    assert loaded.format == "GIF" and loaded.array.shape == (5, 6, 3)
    assert (loaded.array == (255, 0, 0)).all()


def test_rgba_png_is_composited_on_white():
    """Alpha a over white: out = round((c·a + 255·(255 − a)) / 255); fully transparent → white (±1)."""
    rng = np.random.default_rng(3)
    a = rng.integers(0, 256, (10, 11, 4), dtype=np.uint8)
    a[0, 0, 3] = 0
    a[0, 1, 3] = 255
    loaded = load_image(encode(Image.fromarray(a, mode="RGBA"), "PNG"))
    alpha = a[..., 3:].astype(float)
    expected = (a[..., :3] * alpha + 255.0 * (255.0 - alpha)) / 255.0
    assert np.abs(loaded.array - expected).max() <= 1.0
    assert (loaded.array[0, 0] == 255).all()
    np.testing.assert_array_equal(loaded.array[0, 1], a[0, 1, :3])


def test_la_png_is_composited_on_white_in_grey():
    """A grey+alpha (LA) PNG composites on white too, and mode "L" returns a single channel."""
    a = np.array([[[0, 0], [0, 255], [100, 128]]], dtype=np.uint8)
    loaded = load_image(encode(Image.fromarray(a, mode="LA"), "PNG"), mode="L")
    grey, alpha = a[..., 0].astype(float), a[..., 1].astype(float)
    expected = (grey * alpha + 255.0 * (255.0 - alpha)) / 255.0
    assert loaded.array.shape == (1, 3) and np.abs(loaded.array - expected).max() <= 1.0


def test_palette_image_maps_through_its_palette():
    """A palette (P) PNG gives each pixel its palette colour."""
    palette = np.array([[12, 34, 56], [200, 100, 0], [0, 255, 128]], np.uint8)
    index = np.array([[0, 1, 2, 1], [2, 2, 0, 0]], np.uint8)
    im = Image.fromarray(index, mode="P")
    im.putpalette(palette.ravel().tolist())
    loaded = load_image(encode(im, "PNG"))
    np.testing.assert_array_equal(loaded.array, palette[index])


def test_palette_with_transparent_index_is_white():
    """A palette GIF with a transparent colour index shows that index as white."""
    index = np.array([[0, 1], [1, 0]], np.uint8)
    im = Image.fromarray(index, mode="P")
    im.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    loaded = load_image(encode(im, "GIF", transparency=0))
    np.testing.assert_array_equal(loaded.array[index == 0], np.full((2, 3), 255))
    np.testing.assert_array_equal(loaded.array[index == 1], [[255, 0, 0]] * 2)


def test_one_bit_image():
    """A 1-bit (mode "1") image becomes 0/255 grey."""
    bits = np.array([[True, False, True]])
    loaded = load_image(encode(Image.fromarray(bits), "PNG"), mode="L")
    np.testing.assert_array_equal(loaded.array, np.where(bits, 255, 0))


def test_one_by_one_image():
    """A 1×1 image loads with its single pixel, in both modes, and survives max_side=1."""
    data = encode(Image.new("RGB", (1, 1), (10, 200, 30)), "PNG")
    np.testing.assert_array_equal(load_image(data).array, [[[10, 200, 30]]])
    grey = round(10 * 0.299 + 200 * 0.587 + 30 * 0.114)
    assert abs(int(load_image(data, mode="L").array[0, 0]) - grey) <= 1
    small = load_image(data, max_side=1)
    assert small.array.shape == (1, 1, 3) and not small.downscaled


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_rgb_to_grey_uses_luma(h, w, seed):
    """mode "L" from RGB is the ITU-R 601-2 luma 0.299 R + 0.587 G + 0.114 B (±1 for rounding)."""
    a = np.random.default_rng(seed).integers(0, 256, (h, w, 3), dtype=np.uint8)
    loaded = load_image(encode(Image.fromarray(a), "PNG"), mode="L")
    luma = a @ np.array([0.299, 0.587, 0.114])
    assert loaded.array.shape == (h, w) and np.abs(loaded.array - luma).max() <= 1.0


ORIENTATIONS = {  # EXIF orientation tag → how the stored pixels must be turned to be shown upright
    1: lambda a: a,
    2: lambda a: a[:, ::-1],
    3: lambda a: a[::-1, ::-1],
    4: lambda a: a[::-1, :],
    5: lambda a: a.transpose(1, 0, 2),
    6: lambda a: np.rot90(a, -1),
    7: lambda a: np.rot90(a, 2).transpose(1, 0, 2),
    8: lambda a: np.rot90(a, 1),
}


@pytest.mark.parametrize("orientation", sorted(ORIENTATIONS))
def test_exif_orientation_is_applied_png(orientation):
    """Each of the 8 EXIF orientations is applied exactly (lossless PNG with an eXIf chunk)."""
    a = quadrants(6, 10)
    exif = Image.Exif()
    exif[0x0112] = orientation
    loaded = load_image(encode(Image.fromarray(a), "PNG", exif=exif.tobytes()))
    expected = ORIENTATIONS[orientation](a)
    np.testing.assert_array_equal(loaded.array, expected)
    assert loaded.original_size == expected.shape[:2]


def test_exif_rotated_jpeg_is_shown_upright():
    """A phone-style JPEG stored sideways with Orientation=6 is turned 90° clockwise (checked by quadrant)."""
    a = quadrants(32, 48)
    exif = Image.Exif()
    exif[0x0112] = 6
    loaded = load_image(encode(Image.fromarray(a), "JPEG", quality=95, exif=exif.tobytes()))
    expected = np.rot90(a, -1)
    assert loaded.array.shape == expected.shape == (48, 32, 3)
    for r, c in [(6, 6), (6, 25), (40, 6), (40, 25)]:
        assert np.abs(loaded.array[r, c].astype(int) - expected[r, c]).max() <= 12


def test_max_side_downscales_and_says_so():
    """max_side shrinks the longer side to max_side, keeps the aspect, reports the original size and the flag."""
    a = quadrants(40, 100)
    data = encode(Image.fromarray(a), "PNG")
    loaded = load_image(data, max_side=50)
    assert loaded.downscaled and loaded.original_size == (40, 100) and loaded.array.shape == (20, 50, 3)
    assert (loaded.array[5, 5] == (255, 0, 0)).all() and (loaded.array[15, 45] == (255, 255, 0)).all()
    same = load_image(data, max_side=100)
    assert not same.downscaled and same.array.shape == (40, 100, 3)


def test_loaded_array_is_read_only():
    """The returned array cannot be modified by accident (it may be cached and shared)."""
    loaded = load_image(encode(Image.new("L", (3, 3)), "PNG"))
    with pytest.raises(ValueError):
        loaded.array[0, 0] = 1


# ---------------------------------------------------------------------------------------------- samples


def test_at_least_three_small_samples_are_shipped():
    """At least three bundled photos exist, each a JPEG ≤ 150 KB with sides ≤ 512, and licensed in LICENSES.md."""
    assert len(SAMPLES) >= 3
    licences = (images.ASSETS / "LICENSES.md").read_text(encoding="utf-8")
    for name, path in SAMPLES.items():
        assert path.is_file() and path.stat().st_size <= 150_000
        loaded = load_sample(name)
        assert loaded.format == "JPEG" and max(loaded.array.shape[:2]) <= 512 and loaded.array.shape[2] == 3
        assert path.name in licences


def test_load_sample_unknown_name():
    """An unknown sample name is a ValueError listing the names."""
    with pytest.raises(ValueError, match="argument `name`"):
        load_sample("nope")


# ---------------------------------------------------------------------------------------------- to_fashion_mnist


def test_to_fashion_mnist_inverts_crops_and_centres():
    """A dark shirt-like block on white becomes a bright, centred object on black, fitted to 28 px."""
    photo = np.full((120, 200, 3), 250, np.uint8)
    photo[20:100, 60:120] = (30, 30, 90)  # 80 high × 60 wide
    item, steps = to_fashion_mnist(photo)
    assert item.shape == (28, 28) and item.dtype == np.uint8
    assert [name for name, _ in steps] == ["grayscale", "inverted", "cropped", "fitted"]
    assert steps[2][1].shape == (80, 60)
    # 80 × 60 → 28 × 21, centred: columns 3…23 are the object, the rest background.
    rows, cols = np.nonzero(item > 128)
    assert (rows.min(), rows.max()) == (0, 27)
    assert cols.min() >= 3 and cols.max() <= 24 and abs((cols.min() + cols.max()) / 2 - 13.5) <= 1
    assert item[:, :2].max() == 0 and item[:, -2:].max() == 0
    assert item[14, 14] == 255


def test_to_fashion_mnist_keeps_a_dark_background():
    """A light object on a dark background is not inverted; the background becomes 0."""
    photo = np.full((50, 50), 20, np.uint8)
    photo[10:40, 20:30] = 220
    item, steps = to_fashion_mnist(photo)
    assert steps[1][1].max() == 255 and steps[1][1][0, 0] == 0
    assert item[14, 14] == 255 and item[0, 0] == 0


def test_to_fashion_mnist_flat_image_is_black():
    """A flat image (nothing to find) gives an all-black item instead of an error."""
    item, _ = to_fashion_mnist(np.full((10, 30, 3), 128, np.uint8))
    assert item.shape == (28, 28) and item.max() == 0


def test_to_fashion_mnist_does_not_modify_input():
    """The input array is left untouched."""
    photo = np.random.default_rng(4).integers(0, 256, (40, 30, 3), dtype=np.uint8)
    before = photo.copy()
    to_fashion_mnist(photo)
    np.testing.assert_array_equal(photo, before)


@pytest.mark.parametrize(
    "bad",
    [np.zeros((4, 4), np.float32), np.zeros((4, 4, 4), np.uint8), np.zeros((0, 5), np.uint8), np.zeros(5, np.uint8)],
)
def test_to_fashion_mnist_rejects_bad_arrays(bad):
    """Non-uint8, 4-channel, empty or 1-D arrays raise a ValueError naming `image`."""
    with pytest.raises(ValueError, match="argument `image`"):
        to_fashion_mnist(bad)


def test_to_fashion_mnist_on_a_sample_photo():
    """A bundled photo goes through the whole pipeline into a valid item with a non-empty object."""
    item, steps = to_fashion_mnist(load_sample("coffee").array)
    assert item.shape == (28, 28) and item.max() > 100 and len(steps) == 4
    assert steps[1][1].max() == 255  # the stretch reaches full white before resizing


# ------------------------------------------------------------------------------------ decode budget (issue 13)


def _encode(im, fmt: str, **kwargs) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("mode", "size", "fmt", "kwargs"),
    [
        ("F", (5000, 5000), "TIFF", {"compression": "tiff_deflate"}),  # 201 KB file, ~1 GB to decode before
        ("I;16", (3000, 3000), "PNG", {}),
        ("RGBA", (3000, 3000), "PNG", {}),
    ],
)
def test_images_over_the_decode_budget_are_refused_from_the_header(mode, size, fmt, kwargs):
    """Decoded size from the header (mode, depth) × conversion work > PLAYGROUND_MAX_IMAGE_MB: refused with the
    numbers, before a single pixel is decoded."""
    from PIL import Image

    from playground.images import MAX_DECODED_BYTES, decoded_bytes

    data = _encode(Image.new(mode, size), fmt, **kwargs)
    need = decoded_bytes(mode, size, has_alpha=mode == "RGBA")
    assert need > MAX_DECODED_BYTES
    with pytest.raises(ValueError, match=rf"would take {need / 2**20:.0f} MB to decode .* up to 64 MB"):
        load_image(data, mode="RGB", max_side=112)


def test_a_big_jpeg_decodes_at_reduced_scale_within_the_budget():
    """A 6000×4000 JPEG (72 MB as RGB) decodes through Pillow's draft at ≤ 2×max_side, so it is accepted, and the
    original size is still reported."""
    from PIL import Image

    im = Image.new("RGB", (6000, 4000), (200, 30, 30))
    loaded = load_image(_encode(im, "JPEG", quality=50), mode="RGB", max_side=112)
    assert loaded.original_size == (4000, 6000) and loaded.downscaled
    assert max(loaded.array.shape[:2]) == 112
    assert abs(int(loaded.array[..., 0].mean()) - 200) <= 3


def test_reduce_before_convert_keeps_orientation_and_size():
    """A portrait photo stored sideways (EXIF Orientation 6) and shrunk before conversion: original size after the
    rotation, downscaled to max_side, the bright corner where the rotation puts it."""
    from PIL import Image

    im = Image.new("L", (1200, 600), 0)
    im.paste(255, (0, 0, 100, 100))  # top-left stored → top-right after rotating 90° clockwise
    exif = Image.Exif()
    exif[0x0112] = 6
    loaded = load_image(_encode(im, "PNG", exif=exif), mode="L", max_side=120)
    assert loaded.original_size == (1200, 600)
    assert loaded.array.shape == (120, 60)
    assert loaded.array[:5, -5:].mean() > 200 and loaded.array[-5:, :5].mean() < 50
