"""Core ops against their references, side by side in one run.

* `conv2d` vs `scipy.signal.correlate2d` (single channel, "valid") and vs `keras.layers.Conv2D` (3 → 8 channels);
* `pool2d` vs `keras.layers.MaxPooling2D` / `AveragePooling2D`;
on 28×28, 256×256×3 and 1024×1024×3 inputs with kernels 3/5/7, plus how time grows with image side and kernel size.

Run: python -m bench.bench_core   (part of `python -m bench`)
"""

from __future__ import annotations

import os

import numpy as np
import scipy.signal

from bench.common import best_time, fit_exponent, markdown_table, side_by_side
from playground.convolution import conv2d
from playground.pooling import pool2d

SIZES = (28, 256, 1024)
KERNELS = (3, 5, 7)
FILTERS = 8


def _keras():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras

    return keras


def conv_rows(rng: np.random.Generator) -> list[list[object]]:
    keras = _keras()
    rows = []
    for n in SIZES:
        for k in KERNELS:
            gray = rng.random((n, n))
            k2 = rng.standard_normal((k, k))
            t = side_by_side(
                {
                    "ours": lambda gray=gray, k2=k2: conv2d(gray, k2),
                    "scipy": lambda gray=gray, k2=k2: scipy.signal.correlate2d(gray, k2, mode="valid"),
                }
            )
            t_ours_1, t_scipy = t["ours"], t["scipy"]
            rgb = rng.random((n, n, 3)).astype(np.float32)
            k4 = rng.standard_normal((k, k, 3, FILTERS)).astype(np.float32)
            layer = keras.layers.Conv2D(FILTERS, k, use_bias=False)
            layer.build((1, n, n, 3))
            layer.set_weights([k4])
            batch = rgb[None]
            t = side_by_side(
                {
                    "ours": lambda rgb=rgb, k4=k4: conv2d(rgb, k4),
                    "keras": lambda layer=layer, batch=batch: np.asarray(layer(batch)),
                }
            )
            t_ours_3, t_keras = t["ours"], t["keras"]
            rows.append(
                [
                    f"{n}×{n}",
                    k,
                    t_ours_1 * 1e3,
                    t_scipy * 1e3,
                    t_ours_1 / t_scipy,
                    t_ours_3 * 1e3,
                    t_keras * 1e3,
                    t_ours_3 / t_keras,
                ]
            )
    return rows


def pool_rows(rng: np.random.Generator) -> list[list[object]]:
    keras = _keras()
    rows = []
    for n in SIZES:
        x = rng.random((n, n, 3)).astype(np.float32)
        for mode, cls in (("max", keras.layers.MaxPooling2D), ("average", keras.layers.AveragePooling2D)):
            layer = cls(2)
            t = side_by_side(
                {
                    "ours": lambda x=x, mode=mode: pool2d(x, 2, mode=mode),
                    "keras": lambda layer=layer, x=x: np.asarray(layer(x[None])),
                }
            )
            t_ours, t_keras = t["ours"], t["keras"]
            rows.append([f"{n}×{n}×3", mode, t_ours * 1e3, t_keras * 1e3, t_ours / t_keras])
    return rows


def growth(rng: np.random.Generator) -> list[list[object]]:
    sides = [64, 128, 256, 512, 1024]
    k3 = rng.standard_normal((3, 3, 3, FILTERS))
    images = {n: rng.random((n, n, 3)) for n in sides}
    t_side = [best_time(lambda n=n: conv2d(images[n], k3), repeat=3) for n in sides]
    ks = [3, 5, 7, 9, 11]
    img = images[256]
    kernels = {k: rng.standard_normal((k, k, 3, FILTERS)) for k in ks}
    t_k = [best_time(lambda k=k: conv2d(img, kernels[k]), repeat=3) for k in ks]
    return [
        ["image side n (k=3, 3→8 channels)", ", ".join(map(str, sides)), fit_exponent(sides, t_side), "2 (n² pixels)"],
        ["kernel size k (256×256×3)", ", ".join(map(str, ks)), fit_exponent(ks, t_k), "≤ 2 (k² taps)"],
    ]


def run() -> str:
    rng = np.random.default_rng(0)
    conv = conv_rows(rng)
    pool = pool_rows(rng)
    grow = growth(rng)
    worst_conv = max(max(r[4], r[7]) for r in conv)
    worst_pool = max(r[4] for r in pool)
    big = [r for r in conv if r[0].startswith("1024")]
    RESULTS.update(
        worst_conv=worst_conv,
        worst_pool=worst_pool,
        conv_1024=", ".join(f"k={r[1]} {r[7]:.2f}×" for r in big),
    )
    return "\n\n".join(
        [
            "## Core ops vs references (goal: within 2× of the reference)",
            "Milliseconds per call, best of 3 alternating rounds (ours, reference, ours, …) of best-of-3; "
            "ratio = ours / reference (below 1: ours is faster). Single channel: float64 both sides. "
            "3→8 channels and pooling: float32 inputs on both sides (Keras computes in float32 with oneDNN; "
            "conv2d/pool2d then compute in float32 too and return float64).",
            markdown_table(
                [
                    "input",
                    "kernel",
                    "conv2d 1-ch ms",
                    "scipy correlate2d ms",
                    "ratio",
                    "conv2d 3→8 ms",
                    "keras Conv2D ms",
                    "ratio",
                ],
                conv,
            ),
            markdown_table(["input", "pool 2×2", "pool2d ms", "keras ms", "ratio"], pool),
            f"Worst ratio: conv2d {worst_conv:.2f}×, pool2d {worst_pool:.2f}×.",
            "### How cost grows (fitted exponent of time ∝ x^p)",
            markdown_table(["varying", "values", "fitted p", "expected"], grow),
        ]
    )


RESULTS: dict[str, object] = {}  # headline numbers of the last run(), for the goals table

if __name__ == "__main__":
    print(run())
