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
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
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
    """

    position: float
    maps: tuple[tuple[str, str, np.ndarray], ...]
    filters: np.ndarray | None
    image: np.ndarray | None = None


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
    image: np.ndarray, batches: Callable[[], int], on_frame: Callable[[WatchFrame], None], per_epoch: int = 4
):
    """The Keras callback that takes a frame before training, every 1/`per_epoch` epoch, and when training ends.

    The last frame is taken in `on_train_end` at the position training reached (after a stop between two watch
    points, or EarlyStopping's restored weights — it runs before us); it has the position of the frame before it
    when no batch ran since, and the receiver then replaces that frame.

    Args:
        image: the watched image (see `Probe`).
        batches: the number of training batches per epoch (asked when training begins).
        on_frame: called on the training thread with each new frame.
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
            on_frame(self._probe.frame(self._position))

    return Watcher()
