"""playground.kernels: the named kernels do what their names say, checked with scipy."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.ndimage
import scipy.signal

from playground.convolution import conv2d
from playground.kernels import (
    BOX_BLUR,
    GAUSSIAN_3,
    IDENTITY,
    KERNELS,
    LAPLACIAN,
    SOBEL_X,
    SOBEL_Y,
    gaussian,
    resize_kernel,
)


def test_option_table_holds_read_only_2d_kernels():
    """Every KERNELS entry is a finite, read-only, odd-sized square 2-D array."""
    assert len(KERNELS) >= 11
    for name, k in KERNELS.items():
        assert k.ndim == 2 and k.shape[0] == k.shape[1] and k.shape[0] % 2 == 1, name
        assert np.all(np.isfinite(k)) and not k.flags.writeable, name


def test_identity_blurs_and_detectors():
    """Identity keeps the image; blurs sum to 1 (keep brightness); edge detectors sum to 0 (flat → 0)."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(6, 7))
    np.testing.assert_allclose(conv2d(x, IDENTITY, padding="same"), x)
    for k in (BOX_BLUR, GAUSSIAN_3, gaussian(5, 1.2)):
        assert k.sum() == pytest.approx(1.0)
    for name in ("laplacian", "edge", "sobel_x", "sobel_y", "prewitt_x", "prewitt_y"):
        assert KERNELS[name].sum() == pytest.approx(0.0), name
    np.testing.assert_allclose(conv2d(np.full((5, 5), 3.0), LAPLACIAN), 0)


def test_sobel_orientation_matches_scipy_ndimage():
    """SOBEL_X/Y cross-correlated with an image equal scipy.ndimage.sobel along columns/rows (valid part)."""
    x = np.random.default_rng(1).normal(size=(8, 9))
    np.testing.assert_allclose(conv2d(x, SOBEL_X), scipy.ndimage.sobel(x, axis=1)[1:-1, 1:-1], atol=1e-12)
    np.testing.assert_allclose(conv2d(x, SOBEL_Y), scipy.ndimage.sobel(x, axis=0)[1:-1, 1:-1], atol=1e-12)
    ramp = np.tile(np.arange(5.0), (5, 1))  # brighter to the right
    assert np.all(conv2d(ramp, SOBEL_X) > 0)


@pytest.mark.parametrize(("size", "sigma"), [(1, 1.0), (3, 0.5), (5, 1.0), (7, 2.0)])
def test_gaussian_follows_the_formula(size, sigma):
    """gaussian(size, sigma) is exp(−(x²+y²)/(2σ²)) sampled on the grid, normalised to sum 1."""
    r = np.arange(size) - size // 2
    expected = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma**2))
    np.testing.assert_allclose(gaussian(size, sigma), expected / expected.sum(), atol=1e-6)


@pytest.mark.parametrize(("size", "sigma"), [(4, 1.0), (0, 1.0), (17, 1.0), (3, 0), (3, -1), (3, float("nan"))])
def test_gaussian_rejects_bad_arguments(size, sigma):
    """Even/out-of-range sizes and non-positive sigmas raise ValueError naming the argument."""
    with pytest.raises(ValueError, match="`size`|`sigma`"):
        gaussian(size, sigma)


def test_resize_kernel_centres_crops_and_pads():
    """resize_kernel keeps the centre: 3×3 → 5×5 pads with zeros, → 1×1 keeps the centre value."""
    big = resize_kernel(SOBEL_Y, (5, 5))
    np.testing.assert_array_equal(big[1:4, 1:4], SOBEL_Y)
    assert big.sum() == 0 and big[0].tolist() == [0] * 5
    assert resize_kernel(SOBEL_Y, (1, 1)).tolist() == [[0.0]]
    np.testing.assert_array_equal(resize_kernel(SOBEL_Y, (3, 2)), SOBEL_Y[:, :2])
