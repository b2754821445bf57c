"""playground.augmentation: the real Keras random layers, seeded, with checkable geometric properties."""

from __future__ import annotations

import numpy as np
import pytest

from playground.augmentation import (
    AUGMENTATIONS,
    MAX_VERSIONS,
    augment,
    build_layers,
    keras_code,
    spec_for,
    validate_spec,
)

ALL_SPECS = [spec_for(option) for option in AUGMENTATIONS]


def item(seed: int = 0) -> np.ndarray:
    """A Fashion-MNIST-like 28 × 28 uint8 image with structure in every direction."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (28, 28), dtype=np.uint8)


def bar(h: int = 41, w: int = 41) -> np.ndarray:
    """A bright vertical bar on black: its orientation is easy to measure."""
    a = np.zeros((h, w), np.uint8)
    a[8:-8, w // 2 - 1 : w // 2 + 2] = 255
    return a


def orientation_deg(img: np.ndarray) -> float:
    """Angle of the main axis from vertical, from the image's second moments (degrees, in (-90, 90])."""
    w = img.astype(float)
    rows, cols = np.indices(w.shape)
    total = w.sum()
    r0, c0 = (w * rows).sum() / total, (w * cols).sum() / total
    mu_rr = (w * (rows - r0) ** 2).sum() / total
    mu_cc = (w * (cols - c0) ** 2).sum() / total
    mu_rc = (w * (rows - r0) * (cols - c0)).sum() / total
    return float(np.degrees(0.5 * np.arctan2(2 * mu_rc, mu_rr - mu_cc)))


# ---------------------------------------------------------------------------------------------- shapes, seeds


@pytest.mark.parametrize("option", list(AUGMENTATIONS))
@pytest.mark.parametrize("shape", [(28, 28), (28, 28, 1), (20, 30, 3)])
def test_shapes(option, shape):
    """Every layer keeps the image shape and dtype float32, with n versions in front."""
    image = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
    out = augment(image, [spec_for(option)], n=3, seed=0)
    assert out.shape == (3, *shape) and out.dtype == np.float32
    assert out.min() >= 0 and out.max() <= 255


def test_same_seed_same_versions_other_seed_other_versions():
    """A seed reproduces the versions exactly; another seed gives other versions; versions differ among them."""
    a = augment(item(), ALL_SPECS, n=6, seed=7)
    b = augment(item(), ALL_SPECS, n=6, seed=7)
    c = augment(item(), ALL_SPECS, n=6, seed=8)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert len({v.tobytes() for v in a}) == 6


@pytest.mark.parametrize("option", list(AUGMENTATIONS))
def test_training_false_is_identity(option):
    """In inference mode (training=False) each Keras layer returns the image unchanged, exactly."""
    image = item(2)
    out = augment(image, [spec_for(option, AUGMENTATIONS[option].factor_range[1] or None)], n=4, training=False)
    for version in out:
        np.testing.assert_array_equal(version, image)


def test_training_false_identity_for_the_whole_stack_on_rgb():
    """All layers together in inference mode leave an RGB photo unchanged."""
    image = np.random.default_rng(3).integers(0, 256, (17, 23, 3), dtype=np.uint8)
    np.testing.assert_array_equal(augment(image, ALL_SPECS, n=2, seed=1, training=False)[1], image)


def test_no_specs_is_identity():
    """An empty augmentation list returns n copies of the image."""
    out = augment(item(), [], n=3, seed=0)
    assert out.shape == (3, 28, 28) and all(np.array_equal(v, item()) for v in out)


def test_equals_the_keras_layers_called_directly():
    """augment() is exactly the Keras layers (seeded seed, seed+1, ...) called on the repeated batch."""
    import keras

    image = item(4)
    specs = [spec_for("rotation", 0.2), spec_for("contrast", 0.5)]
    batch = np.repeat(image.astype(np.float32)[None, ..., None], 5, axis=0)
    rotation = keras.layers.RandomRotation(factor=0.2, seed=11)
    contrast = keras.layers.RandomContrast(factor=0.5, seed=12)
    expected = keras.ops.convert_to_numpy(contrast(rotation(batch, training=True), training=True))[..., 0]
    np.testing.assert_array_equal(augment(image, specs, n=5, seed=11), expected)


def test_exported_code_runs_and_gives_the_same_versions():
    """keras_code(specs, seed) executes and its `data_augmentation` reproduces augment(..., seed) exactly."""
    image = item(5)
    code = keras_code(ALL_SPECS, seed=3)
    namespace = {"images": np.repeat(image.astype(np.float32)[None, ..., None], 4, axis=0)}
    exec(compile(code, "<keras_code>", "exec"), namespace)
    got = np.asarray(namespace["augmented"])[..., 0]
    np.testing.assert_array_equal(got, augment(image, ALL_SPECS, n=4, seed=3))


def test_specs_build_with_the_plain_keras_constructor():
    """Each spec builds as getattr(keras.layers, type)(**arguments), as the training lab does."""
    import keras

    for spec in ALL_SPECS:
        layer = getattr(keras.layers, spec["type"])(**{k: v for k, v in spec.items() if k != "type"})
        assert type(layer).__name__ == spec["type"]
    assert [type(layer).__name__ for layer in build_layers(ALL_SPECS, seed=0)] == [s["type"] for s in ALL_SPECS]


# ---------------------------------------------------------------------------------------------- what each layer does


@pytest.mark.parametrize(("option", "flip"), [("flip_horizontal", np.fliplr), ("flip_vertical", np.flipud)])
def test_flip_gives_the_image_or_its_mirror(option, flip):
    """RandomFlip returns each version either unchanged or mirrored along its axis, and both happen."""
    image = item(6)
    out = augment(image, [spec_for(option)], n=32, seed=0)
    same = [np.array_equal(v, image) for v in out]
    mirrored = [np.array_equal(v, flip(image)) for v in out]
    assert all(s or m for s, m in zip(same, mirrored, strict=True))
    assert any(same) and any(mirrored)


@pytest.mark.parametrize("factor", [0.02, 0.05, 0.1])
def test_rotation_angle_stays_within_factor_of_a_full_turn(factor):
    """RandomRotation(factor) turns by at most factor × 360° (measured from the bar's moments), and not by 0."""
    out = augment(bar(), [spec_for("rotation", factor)], n=16, seed=1)
    angles = np.array([orientation_deg(v) for v in out])
    assert np.abs(angles).max() <= factor * 360 + 1.5
    assert np.abs(angles).max() >= factor * 360 * 0.3


@pytest.mark.parametrize("option", ["rotation", "zoom", "translation"])
def test_geometric_layers_keep_a_flat_image_flat(option):
    """Rotation, zoom and translation fill borders by reflection: a constant image stays constant."""
    out = augment(np.full((16, 16), 77, np.uint8), [spec_for(option, 0.3)], n=4, seed=2)
    np.testing.assert_allclose(out, 77, atol=1e-3)


def test_translation_moves_the_centre_by_at_most_the_factor():
    """RandomTranslation(f) moves a small square's centre by at most f × (H, W) pixels (+1)."""
    image = np.zeros((40, 40), np.uint8)
    image[17:23, 17:23] = 255
    factor = 0.15
    out = augment(image, [spec_for("translation", factor)], n=16, seed=3)
    rows, cols = np.indices(image.shape)
    shifts = []
    for v in out:
        w = v / v.sum()
        shifts.append(((w * rows).sum() - 19.5, (w * cols).sum() - 19.5))
    shifts = np.abs(np.array(shifts))
    assert shifts.max() <= factor * 40 + 1
    assert shifts.max() >= 1


def test_zoom_scales_a_square_within_the_factor():
    """RandomZoom(f) scales a centred square's side by a factor within [1 − f, 1 + f] (±1 px)."""
    image = np.zeros((41, 41), np.uint8)
    image[13:28, 13:28] = 255  # side 15
    factor = 0.3
    out = augment(image, [spec_for("zoom", factor)], n=16, seed=4)
    sides = np.array([np.sqrt((v > 127).sum()) for v in out])
    assert sides.min() >= 15 / (1 + factor) - 1.5 and sides.max() <= 15 / (1 - factor) + 1.5
    assert np.ptp(sides) >= 1


def test_contrast_is_a_linear_stretch_about_the_mean():
    """RandomContrast(f): each version = clip((x − mean)·c + mean, 0, 255) for one c in [1 − f, 1 + f]."""
    image = np.random.default_rng(7).integers(60, 196, (12, 12), dtype=np.uint8).astype(np.float64)
    factor = 0.4
    out = augment(image.astype(np.uint8), [spec_for("contrast", factor)], n=8, seed=5).astype(np.float64)
    mean = image.mean()
    for v in out:
        c = ((v - mean) * (image - mean)).sum() / ((image - mean) ** 2).sum()  # least squares fit
        assert 1 - factor - 1e-3 <= c <= 1 + factor + 1e-3
        np.testing.assert_allclose(v, np.clip((image - mean) * c + mean, 0, 255), atol=0.05)


def test_input_is_not_modified():
    """augment() leaves its input untouched."""
    image = item(8)
    before = image.copy()
    augment(image, ALL_SPECS, n=2, seed=0)
    np.testing.assert_array_equal(image, before)


# ---------------------------------------------------------------------------------------------- specs and errors


def test_option_table_specs():
    """spec_for gives the course notes' layers with Keras argument names and the option's default factor."""
    assert spec_for("flip_horizontal") == {"type": "RandomFlip", "mode": "horizontal"}
    assert spec_for("rotation") == {"type": "RandomRotation", "factor": 0.1}
    assert spec_for("zoom") == {"type": "RandomZoom", "height_factor": 0.2}
    assert spec_for("translation", 0.25) == {"type": "RandomTranslation", "height_factor": 0.25, "width_factor": 0.25}
    assert spec_for("contrast", 0.5) == {"type": "RandomContrast", "factor": 0.5}


@pytest.mark.parametrize(
    ("spec", "argument"),
    [
        ({"type": "Conv2D", "filters": 3}, "type"),
        ({"type": "RandomRotation", "factor": 0.9}, "factor"),
        ({"type": "RandomRotation", "factor": -0.1}, "factor"),
        ({"type": "RandomRotation", "factor": float("nan")}, "factor"),
        ({"type": "RandomRotation", "factor": "0.1"}, "factor"),
        ({"type": "RandomZoom", "height_factor": 1.5}, "height_factor"),
        ({"type": "RandomFlip", "mode": "diagonal"}, "mode"),
        ({"type": "RandomContrast", "factor": 0.2, "value_range": (0, 1)}, "value_range"),
        ({"type": "RandomRotation"}, "factor"),
        ("RandomFlip", "type"),
    ],
)
def test_bad_specs_name_the_argument(spec, argument):
    """Invalid specs raise a ValueError naming the argument and showing the received value."""
    with pytest.raises(ValueError, match=f"`{argument}`"):
        validate_spec(spec)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"n": 0}, "n"),
        ({"n": MAX_VERSIONS + 1}, "n"),
        ({"n": 2.0}, "n"),
        ({"seed": -1}, "seed"),
        ({"seed": 1.5}, "seed"),
    ],
)
def test_bad_n_or_seed(kwargs, argument):
    """n outside 1…MAX_VERSIONS or a negative / non-integer seed is a ValueError naming it."""
    with pytest.raises(ValueError, match=f"argument `{argument}`"):
        augment(item(), ALL_SPECS, **{"n": 2, "seed": 0, **kwargs})


@pytest.mark.parametrize(
    "bad", [np.zeros((4, 4, 4)), np.zeros(9), np.zeros((1, 9)), np.array([["a", "b"], ["c", "d"]])]
)
def test_bad_images(bad):
    """4-channel, 1-D, one-row and non-numeric arrays are refused with a ValueError naming `image`."""
    with pytest.raises(ValueError, match="argument `image`"):
        augment(bad, ALL_SPECS, n=1, seed=0)


def test_unknown_option():
    """spec_for with an unknown option lists the known ones."""
    with pytest.raises(ValueError, match="argument `option`"):
        spec_for("shear")
