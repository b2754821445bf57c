"""Training you can watch: one test image's feature maps and the first layer's filters, recorded while training.

A small Keras callback (`make_watcher`) runs on the training thread, between batches. At the start of training
and then every quarter epoch (and at each epoch's last batch) it runs one image through a sub-model,

    probe = keras.Model(model.inputs, [conv.output for conv in the model's conv layers])
    maps  = probe(image[None, :, :, None], training=False)      # one (1, H, W, C) array per conv layer

and reads the first conv layer's kernel, (kh, kw, C_in, F). Each result is a `WatchFrame`, tagged with its place
in training in epochs (batch k of epoch e of n batches → e − 1 + k/n; the frame before training is at 0). The job
keeps every frame of the run (float16 copies of one image's maps: 75–150 kB per frame for the presets), so
after training a slider can replay how the maps and filters changed.

Cost: one forward pass of one image per quarter epoch plus a copy of the first kernel — counted in the live-training
overhead benchmark (bench/bench_training.py).

With EarlyStopping(restore_best_weights=True), Keras puts the best epoch's weights back when training ends (Keras 3:
whenever a best epoch was recorded, stopped early or not); the last frame then shows those weights and says so
(`WatchFrame.restored_epoch`). `save_frames` / `load_frames` keep a run's frames in one compressed `.npz` file
(float16 arrays, no pickles) for the run store.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from playground._checks import check_int, invalid

#: The layer types whose outputs are watched (every convolution of the model, in order).
CONV_LAYERS = ("Conv2D", "SeparableConv2D", "DepthwiseConv2D")
FRAMES_PER_EPOCH = 4


@dataclass(frozen=True)
class WatchFrame:
    """The watched image seen by the model at one moment of training.

    `position` is in epochs (0 = before training, 1.25 = a quarter into the second epoch). `maps` lists, in layer
    order, (layer_name, layer_type, feature maps of shape (H', W', C)) for every conv layer; `filters` is the first
    conv layer's kernel, shape (kh, kw, C_in, F), or None when the model has no conv layer (both float16).
    `image` is the watched image, (28, 28) as the model takes it (the same array in every frame of a run).
    `restored_epoch` (1-based) is set on the last frame when EarlyStopping's restore_best_weights put that epoch's
    weights back: the frame sits at the end of training but shows the model as it was after that epoch.
    """

    position: float
    maps: tuple[tuple[str, str, np.ndarray], ...]
    filters: np.ndarray | None
    image: np.ndarray | None = None
    restored_epoch: int | None = None

    def __eq__(self, other: object) -> bool:  # arrays compare by value (the dataclass default would be ambiguous)
        if not isinstance(other, WatchFrame):
            return NotImplemented
        return (
            self.position == other.position
            and self.restored_epoch == other.restored_epoch
            and [(n, k) for n, k, _ in self.maps] == [(n, k) for n, k, _ in other.maps]
            and all(_same(a, b) for (_, _, a), (_, _, b) in zip(self.maps, other.maps, strict=True))
            and _same(self.filters, other.filters)
            and _same(self.image, other.image)
        )

    __hash__ = None  # type: ignore[assignment]


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return a is b or (a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b))


def conv_layers(model: Any) -> list[Any]:
    """The model's top-level convolution layers (types in CONV_LAYERS), in order."""
    return [layer for layer in model.layers if type(layer).__name__ in CONV_LAYERS]


def watch_points(batches: int, per_epoch: int = FRAMES_PER_EPOCH) -> list[int]:
    """The batch counts (1-based, within an epoch of `batches` batches) after which a frame is taken:
    every ⌈batches / per_epoch⌉ batches and always the last one. E.g. 10 batches, 4 per epoch → [3, 6, 9, 10].
    """
    batches = check_int("batches", batches, low=1)
    per_epoch = check_int("per_epoch", per_epoch, low=1)
    step = math.ceil(batches / per_epoch)
    return sorted({*range(step, batches + 1, step), batches})


class Probe:
    """The sub-model that computes a `WatchFrame` for one image (built once per model).

    Args:
        model: a built `keras.Model` taking (N, 28, 28, 1) images.
        image: the watched image, (28, 28) or (28, 28, 1), as the model takes it (uint8 0–255 for the lab's models).
    """

    def __init__(self, model: Any, image: np.ndarray) -> None:
        import keras

        x = np.asarray(image)
        if x.ndim == 3 and x.shape[-1] == 1:
            x = x[..., 0]
        if x.ndim != 2:
            raise invalid("image", "one (H, W) image", x, show=f"shape={x.shape}")
        self.image = x
        self._x = x[None, :, :, None]
        self._layers = conv_layers(model)
        self._probe = (
            keras.Model(inputs=model.inputs[0], outputs=[layer.output for layer in self._layers])
            if self._layers
            else None
        )

    def frame(self, position: float) -> WatchFrame:
        """The frame for the model's weights right now."""
        if self._probe is None:
            return WatchFrame(float(position), (), None, self.image)
        outputs = self._probe(self._x, training=False)
        if not isinstance(outputs, list | tuple):
            outputs = [outputs]
        maps = tuple(
            (layer.name, type(layer).__name__, np.asarray(out)[0].astype(np.float16))
            for layer, out in zip(self._layers, outputs, strict=True)
        )
        kernel = np.asarray(self._layers[0].get_weights()[0]).astype(np.float16)
        return WatchFrame(float(position), maps, kernel, self.image)


def mosaic(maps: np.ndarray, *, cols: int = 8, gap: int = 1) -> np.ndarray:
    """A stack of 2-D maps (H, W, C) as one image: C tiles in rows of `cols`, `gap` pixels of NaN between them.

    Returns:
        float array of shape (rows·(H + gap) − gap, cols'·(W + gap) − gap), cols' = min(cols, C), rows = ⌈C/cols'⌉;
        tile k is maps[:, :, k] at row k // cols', column k % cols'.
    """
    maps = np.asarray(maps, dtype=np.float32)
    if maps.ndim != 3 or not maps.shape[2]:
        raise invalid("maps", "an array of shape (H, W, C) with C ≥ 1", maps, show=f"shape={maps.shape}")
    cols = check_int("cols", cols, low=1)
    gap = check_int("gap", gap, low=0)
    h, w, n = maps.shape
    cols = min(cols, n)
    rows = math.ceil(n / cols)
    out = np.full((rows * (h + gap) - gap, cols * (w + gap) - gap), np.nan, np.float32)
    for k in range(n):
        r, c = divmod(k, cols)
        out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = maps[:, :, k]
    return out


def make_watcher(
    image: np.ndarray,
    batches: Callable[[], int],
    on_frame: Callable[[WatchFrame], None],
    per_epoch: int = 4,
    restored: Callable[[], int | None] | None = None,
):
    """The Keras callback that takes a frame before training, every 1/`per_epoch` epoch, and when training ends.

    The last frame is taken in `on_train_end` at the position training reached (after a stop between two watch
    points, or EarlyStopping's restored weights — it runs before us); it has the position of the frame before it
    when no batch ran since, and the receiver then replaces that frame.

    Args:
        image: the watched image (see `Probe`).
        batches: the number of training batches per epoch (asked when training begins).
        on_frame: called on the training thread with each new frame.
        restored: asked when training ends: the 1-based epoch whose weights EarlyStopping restored, else None
            (the last frame is then labelled with that epoch, not with the last epoch trained).
    """
    import keras

    class Watcher(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self._probe = Probe(self.model, image)
            self._batches = max(1, batches())
            self._points = set(watch_points(self._batches, per_epoch))
            self._epoch = 0
            self._position = 0.0
            on_frame(self._probe.frame(0.0))

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch = epoch

        def on_train_batch_end(self, batch, logs=None):
            self._position = self._epoch + (batch + 1) / self._batches
            if batch + 1 in self._points:
                on_frame(self._probe.frame(self._position))

        def on_train_end(self, logs=None):
            frame = self._probe.frame(self._position)
            epoch = restored() if restored is not None else None
            on_frame(frame if epoch is None else replace(frame, restored_epoch=int(epoch)))

    return Watcher()


FRAMES_FORMAT = 1


def save_frames(frames: Sequence[WatchFrame], path: Path | str) -> None:
    """Write a run's frames to one compressed `.npz` file (float16 maps and filters, uint8 image; no pickles).

    Layout: `index` is a JSON string {"format", "frames": [{"position", "restored_epoch", "layers": [[name, type],
    ...], "filters": bool}]}; frame k's maps are `m{k}_{j}` (layer j), its kernel `f{k}`; `image` is the watched
    image (taken from the first frame that has one).
    """
    arrays: dict[str, Any] = {}  # (Any: numpy's stubs type savez's **kwds as its bool options)
    index = []
    for k, frame in enumerate(frames):
        for j, (_, _, maps) in enumerate(frame.maps):
            arrays[f"m{k}_{j}"] = np.asarray(maps, dtype=np.float16)
        if frame.filters is not None:
            arrays[f"f{k}"] = np.asarray(frame.filters, dtype=np.float16)
        if frame.image is not None and "image" not in arrays:
            arrays["image"] = np.asarray(frame.image)
        index.append(
            {
                "position": float(frame.position),
                "restored_epoch": frame.restored_epoch,
                "layers": [[name, kind] for name, kind, _ in frame.maps],
                "filters": frame.filters is not None,
            }
        )
    arrays["index"] = np.array(json.dumps({"format": FRAMES_FORMAT, "frames": index}))
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    Path(path).write_bytes(buffer.getvalue())


def load_frames(path: Path | str) -> tuple[WatchFrame, ...]:
    """The frames `save_frames` wrote.

    Raises:
        ValueError: the file is damaged, truncated or not a frames file (OSError: it cannot be read).
    """
    try:
        with np.load(Path(path), allow_pickle=False) as data:
            index = json.loads(str(data["index"]))
            if index.get("format") != FRAMES_FORMAT:
                raise ValueError(f"unknown format {index.get('format')!r}")
            image = np.array(data["image"]) if "image" in data.files else None
            frames = []
            for k, entry in enumerate(index["frames"]):
                layers = enumerate(entry["layers"])
                maps = tuple((str(name), str(kind), np.array(data[f"m{k}_{j}"])) for j, (name, kind) in layers)
                filters = np.array(data[f"f{k}"]) if entry["filters"] else None
                restored = entry.get("restored_epoch")
                restored = None if restored is None else int(restored)
                frames.append(WatchFrame(float(entry["position"]), maps, filters, image, restored))
    except (zipfile.BadZipFile, zlib.error, KeyError, TypeError, EOFError, json.JSONDecodeError) as err:
        raise ValueError(f"{path}: not a readable frames file ({type(err).__name__}: {err})") from None
    except ValueError as err:
        raise ValueError(f"{path}: not a readable frames file ({err})") from None
    return tuple(frames)
