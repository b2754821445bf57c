"""A corpus of hostile (and a few merely unusual) upload files, generated on the fly — nothing is committed.

Images reuse the byte-level helpers of tests/test_images.py (`encode`, `png_declaring`, `quadrants`); models are
made with the real Keras. Each item says what the app must do with it:

* "refuse" — a clear, known message (no exception) and nothing changes;
* "accept" — an unusual but valid file the app must read (16-bit, CMYK, palette, animated GIF, thin strip);
* "limit"  — larger than `server.maxUploadSize`: the real server refuses it before the page sees it; a page that
  gets it anyway (AppTest bypasses the server check) must refuse it or downscale it, never crash.
"""

from __future__ import annotations

import functools
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from tests.test_images import encode, png_declaring, quadrants

UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024  # .streamlit/config.toml server.maxUploadSize = 20 (MB)


@dataclass(frozen=True)
class HostileFile:
    name: str  # the file name the "user" uploads (extension chosen to pass the uploader's type filter)
    data: bytes
    mime: str
    expect: str  # "refuse" | "accept" | "limit"
    why: str

    @property
    def id(self) -> str:
        return self.name.rsplit(".", 1)[0]


# ----------------------------------------------------------------------------------------------- images


def _noise_png(side: int, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    return encode(Image.fromarray(rng.integers(0, 256, (side, side, 3), dtype=np.uint8)), "PNG", compress_level=1)


def _animated_gif() -> bytes:
    frames = [Image.fromarray(np.full((16, 16), v, np.uint8)).convert("P") for v in (0, 128, 255)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buf.getvalue()


def _palette_png() -> bytes:
    im = Image.fromarray(quadrants(32, 32)).convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    return encode(im, "PNG", transparency=0)


def _cmyk_jpeg() -> bytes:
    return encode(Image.fromarray(quadrants(32, 48)).convert("CMYK"), "JPEG", quality=95)


def _png16() -> bytes:
    ramp = (np.arange(64 * 64, dtype=np.uint16).reshape(64, 64) * 16).astype(np.uint16)
    return encode(Image.fromarray(ramp), "PNG")  # uint16 → mode "I;16"


def _real_bomb_png(side: int = 6000) -> bytes:
    """A genuine PNG of side × side black pixels: ~100 KB on disk, side² pixels once decoded."""
    return encode(Image.new("L", (side, side)), "PNG", optimize=False, compress_level=9)


def _eps_named_png() -> bytes:
    # Pillow can open EPS by running Ghostscript; a format allow-list must refuse it before anything runs.
    return b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nnewpath 0 0 moveto 10 10 lineto stroke\nshowpage\n"


@functools.cache
def memory_images() -> tuple[HostileFile, ...]:
    """Issue 13's small files that decode to a lot of memory (5000 × 5000, within the pixel cap): before the decode
    budget, a 201 KB float TIFF cost +980 MB per decode, the PNGs +550–580 MB."""
    side = 5000
    ramp = np.tile(np.arange(side, dtype=np.float32) / side, (64, 1))  # a little content, still tiny when packed

    def tall(mode: str, row: np.ndarray) -> Image.Image:
        im = Image.new(mode, (side, side))
        im.paste(Image.fromarray(row), (0, 0))
        return im

    float_tiff = encode(tall("F", ramp), "TIFF", compression="tiff_adobe_deflate")
    rgba = Image.new("RGBA", (side, side), (200, 30, 30, 128))
    png16 = tall("I;16", (ramp * 65535).astype(np.uint16))
    return (
        HostileFile("float_5000.tif", float_tiff, "image/tiff", "refuse", "mode F 5000×5000, deflate"),
        HostileFile("rgba_5000.png", encode(rgba, "PNG", compress_level=9), "image/png", "refuse", "RGBA 5000×5000"),
        HostileFile("png16_5000.png", encode(png16, "PNG", compress_level=9), "image/png", "refuse", "16-bit 5000²"),
    )


@functools.cache
def image_corpus(*, include_big: bool = True) -> tuple[HostileFile, ...]:
    """Hostile and unusual images, named so they pass an image uploader's extension filter."""
    ok = encode(Image.fromarray(quadrants(64, 64)), "PNG")
    jpeg = encode(Image.fromarray(quadrants(64, 64)), "JPEG", quality=90)
    items = [
        HostileFile("zero_bytes.png", b"", "image/png", "refuse", "empty file"),
        HostileFile("text.png", b"this is a text file, not a picture\n" * 20, "image/png", "refuse", "text as .png"),
        HostileFile("corrupt.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png", "refuse", "corrupt"),
        HostileFile("truncated.png", ok[: len(ok) // 2], "image/png", "refuse", "PNG cut in half"),
        HostileFile("truncated.jpg", jpeg[: len(jpeg) // 2], "image/jpeg", "refuse", "JPEG cut in half"),
        HostileFile("bomb_header.png", png_declaring(100_000, 100_000), "image/png", "refuse", "declares 10^10 px"),
        HostileFile("eps_as.png", _eps_named_png(), "image/png", "refuse", "EPS (Ghostscript) named .png"),
        HostileFile("icon.png", encode(Image.new("RGB", (16, 16)), "ICO"), "image/png", "refuse", "ICO, not allowed"),
        HostileFile("png16.png", _png16(), "image/png", "accept", "16-bit grey"),
        HostileFile("cmyk.jpg", _cmyk_jpeg(), "image/jpeg", "accept", "CMYK JPEG"),
        HostileFile("palette.png", _palette_png(), "image/png", "accept", "palette with transparency"),
        HostileFile("animated.gif", _animated_gif(), "image/gif", "accept", "animated GIF (3 frames)"),
        HostileFile("strip.png", encode(Image.new("L", (20_000, 1), 200), "PNG"), "image/png", "accept", "1×20000"),
    ]
    if include_big:
        items += [
            HostileFile("bomb_real.png", _real_bomb_png(), "image/png", "refuse", "6000×6000 black, ~100 KB"),
            HostileFile("over_limit.png", _noise_png(2700), "image/png", "limit", "noise PNG > 20 MB"),
        ]
    return tuple(items)


# ----------------------------------------------------------------------------------------------- models


def _keras_file(model) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.keras"
        model.save(path)
        return path.read_bytes()


def small_dense_keras() -> bytes:
    """A valid compiled model as `.keras` bytes: 28×28×1 → Rescaling → Flatten → Dense(128) → Dense(10)."""
    import keras

    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            keras.layers.Rescaling(1 / 255),
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return _keras_file(model)


def _weights_file(model) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.weights.h5"
        model.save_weights(path)
        return path.read_bytes()


def _small_config_json() -> bytes:
    return json.dumps(
        {
            "module": "keras",
            "class_name": "Sequential",
            "config": {"name": "s", "layers": [{"module": "keras.layers", "class_name": "Flatten", "config": {}}]},
        }
    ).encode()


def _zip_bomb_keras(unpacked_mb: int = 200) -> bytes:
    """A `.keras`-shaped zip: a small config.json and a `model.weights.h5` entry of `unpacked_mb` MB of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("config.json", _small_config_json())
        z.writestr("metadata.json", b'{"keras_version": "3.15.1"}')
        chunk = bytes(1 << 20)
        with z.open("model.weights.h5", "w", force_zip64=True) as f:
            for _ in range(unpacked_mb):
                f.write(chunk)
    return buf.getvalue()


def _edited_keras(data: bytes, edit) -> bytes:
    """Re-zip a `.keras` file with its config.json changed by `edit(dict) -> dict`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            payload = src.read(info)
            if info.filename == "config.json":
                payload = json.dumps(edit(json.loads(payload))).encode()
            z.writestr(info.filename, payload)
    return out.getvalue()


def _with_extra_entry(data: bytes, name: str, payload: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info))
        z.writestr(name, payload)
    return out.getvalue()


def _custom_layer(config: dict) -> dict:
    layers = config["config"]["layers"]
    for layer in layers:
        if layer.get("class_name") == "Flatten":
            layer["class_name"] = "EvilLayer"
            layer["module"] = "my_package.layers"
            layer["registered_name"] = "Custom>EvilLayer"
    return config


def _units_30000(config: dict) -> dict:
    """Issue 13's payload: the last hidden Dense layer's units 128 (or whatever) → 30000, nothing else changed."""
    dense = [layer for layer in config["config"]["layers"] if layer.get("class_name") == "Dense"]
    dense[0]["config"]["units"] = 30000
    return config


def huge_dense_keras(good_keras: bytes) -> bytes:
    """A `.keras` holding only config.json + metadata.json, with a Dense layer of 30000 units (~1.2 KB): before
    issue 13, Keras built the 30000-unit layers (+1.1 GB) before anything refused the file."""
    src = zipfile.ZipFile(io.BytesIO(good_keras))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("config.json", json.dumps(_units_30000(json.loads(src.read("config.json")))).encode())
        z.writestr("metadata.json", src.read("metadata.json"))
    return out.getvalue()


def padding_keras() -> bytes:
    """A valid 21 KB model with 394,384 values per image after ZeroPadding2D(300): accepted before issue 13, then
    opening Evaluate took 24–34 s and +0.9 GB."""
    import keras
    from keras import layers as L

    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            L.Rescaling(1 / 255),
            L.ZeroPadding2D(300),
            L.GlobalMaxPooling2D(),
            L.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return _keras_file(model)


def external_storage_weights(valid_model, target: str = "/proc/self/environ") -> bytes:
    """The model's own `.weights.h5` with its largest kernel stored in `target` (HDF5 external raw storage): Keras
    before 3.13.2 read the server's file into the model. Shapes and dtypes all still match the model."""
    import h5py

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.weights.h5"
        valid_model.save_weights(path)
        with h5py.File(path, "r+") as f:
            datasets: list[tuple[str, tuple, np.dtype]] = []
            f.visititems(lambda n, o: datasets.append((n, o.shape, o.dtype)) if isinstance(o, h5py.Dataset) else None)
            name, shape, dtype = max(datasets, key=lambda d: int(np.prod(d[1])))
            del f[name]
            nbytes = int(np.prod(shape)) * np.dtype(dtype).itemsize
            f.create_dataset(name, shape=shape, dtype=dtype, external=[(target, 0, nbytes)])
        return path.read_bytes()


def model_corpus(valid_model) -> tuple[HostileFile, ...]:
    """Hostile model files, plus the two valid controls made from `valid_model` (a model the app built)."""
    import keras

    good_keras = _keras_file(valid_model)
    good_weights = _weights_file(valid_model)
    lam = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            keras.layers.Lambda(lambda x: x * 2.0),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    other = keras.Sequential(
        [keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(7), keras.layers.Dense(10)]
    )
    wrong_input = keras.Sequential(
        [keras.Input((32, 32, 3)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")]
    )
    k, w = "application/octet-stream", "application/x-hdf5"
    return (
        HostileFile("valid.keras", good_keras, k, "accept", "the app's own .keras (control)"),
        HostileFile("valid.weights.h5", good_weights, w, "accept", "the run's own weights (control)"),
        HostileFile("lambda.keras", _keras_file(lam), k, "refuse", "Lambda layer (Python code)"),
        HostileFile("zip_bomb.keras", _zip_bomb_keras(), k, "refuse", "200 MB of zeros in ~200 KB"),
        HostileFile("custom_layer.keras", _edited_keras(good_keras, _custom_layer), k, "refuse", "unknown class"),
        HostileFile(
            "traversal.keras", _with_extra_entry(good_keras, "../../evil.py", b"print(1)"), k, "refuse", "../ entry"
        ),
        HostileFile("wrong_input.keras", _keras_file(wrong_input), k, "refuse", "32×32×3 input"),
        HostileFile("truncated.keras", good_keras[: len(good_keras) // 2], k, "refuse", "cut in half"),
        HostileFile("text.keras", b"not a zip\n" * 50, k, "refuse", "text named .keras"),
        HostileFile("zero.keras", b"", k, "refuse", "empty"),
        HostileFile("over_limit.keras", b"PK\x03\x04" + bytes(UPLOAD_LIMIT_BYTES + 1024), k, "refuse", "> 20 MB"),
        HostileFile("wrong_arch.weights.h5", _weights_file(other), w, "refuse", "weights of another architecture"),
        HostileFile("truncated.weights.h5", good_weights[: len(good_weights) // 2], w, "refuse", "cut in half"),
        HostileFile("text.weights.h5", b"not hdf5\n" * 50, w, "refuse", "text named .weights.h5"),
        HostileFile("keras_as.weights.h5", good_keras, w, "refuse", "a .keras zip named .weights.h5"),
        HostileFile("dense30000.keras", huge_dense_keras(good_keras), k, "refuse", "Dense(30000): 1.2 KB, +1.1 GB"),
        HostileFile("padding300.keras", padding_keras(), k, "refuse", "ZeroPadding2D(300): 394,384 values/image"),
        HostileFile(
            "external.weights.h5", external_storage_weights(valid_model), w, "refuse", "kernel in /proc/self/environ"
        ),
    )


def for_uploader(corpus: tuple[HostileFile, ...], accepted: list[str]) -> list[HostileFile]:
    """The items whose name passes an uploader's `type=` filter (all of them when it has none)."""
    if not accepted:
        return list(corpus)
    exts = [a.lower() if a.startswith(".") else f".{a.lower()}" for a in accepted]
    return [f for f in corpus if any(f.name.lower().endswith(e) for e in exts)]
