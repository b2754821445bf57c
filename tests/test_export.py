"""playground.export: the training script compiles and really trains; settings summaries spot the differences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from playground import export
from playground.lab.codegen import training_script
from playground.lab.options import PRESETS
from tests.test_evaluation import TINY_CONFIG, fashion_subset


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_training_script_compiles_for_every_preset(name):
    """The script of each preset is valid Python, loads the data the learners' way and shows the Debian path."""
    script = training_script(PRESETS[name], title=f"preset {name}")
    compile(script, f"{name}.py", "exec")
    assert "keras.datasets.fashion_mnist.load_data()" in script
    assert "/usr/share/datasets/fashion-mnist" in script
    assert script.index("load_data()") < script.index("/usr/share/datasets")
    assert "model.fit(" in script and "model.compile(" in script


def test_training_script_trains_with_every_callback(monkeypatch, tmp_path):
    """Exec'ing the script (loader patched to a tiny real subset, 1 epoch, all callbacks on) trains and saves."""
    import keras

    (x_train, y_train), (x_test, y_test) = fashion_subset()
    monkeypatch.setattr(keras.datasets.fashion_mnist, "load_data", lambda: ((x_train, y_train), (x_test, y_test)))
    monkeypatch.chdir(tmp_path)
    config = replace(
        TINY_CONFIG,
        epochs=1,
        train_size=60_000,
        validation_split=0.25,
        optimizer="momentum",
        augmentation=({"type": "RandomFlip", "mode": "horizontal"},),
        early_stopping={"monitor": "val_loss", "patience": 2, "restore_best_weights": True},
        reduce_lr={"monitor": "val_loss", "factor": 0.5, "patience": 1, "min_lr": 1e-5},
        checkpoint={"monitor": "val_loss", "save_best_only": True},
    )
    script = training_script(config)
    namespace: dict = {"__name__": "__main__"}
    exec(compile(script, "train.py", "exec"), namespace)  # noqa: S102 — our own generated code, in a test
    history = namespace["history"].history
    assert len(history["loss"]) == 1 and "val_accuracy" in history
    assert namespace["model"].count_params() == 4 * (9 + 1) + 6 * (36 + 1) + 10 * (6 * 6 * 6 + 1)
    for name in ("best_model.keras", "model.keras", "model.weights.h5"):
        assert (tmp_path / name).stat().st_size > 0


def test_config_summary_and_differences():
    """Dropout on/off, optimizer A vs B, augmentation on/off are what differs; equal configs differ in nothing."""
    base = TINY_CONFIG
    no_dropout = replace(base, specs=tuple(s for s in base.specs if s["type"] != "Dropout"))
    sgd = replace(base, optimizer="sgd", learning_rate=0.01)
    augmented = replace(base, augmentation=({"type": "RandomFlip", "mode": "horizontal"},))
    assert export.differing_settings([base, replace(base)]) == []
    assert export.differing_settings([base, no_dropout]) == ["layers", "dropout"]
    assert export.differing_settings([base, sgd]) == ["optimizer", "learning_rate"]
    assert export.differing_settings([base, augmented]) == ["augmentation"]
    summary = export.config_summary(base)
    assert summary["dropout"] == "0.2" and export.config_summary(no_dropout)["dropout"] is None
    assert summary["conv_layers"] == "2" and summary["augmentation"] is None
    assert set(summary) == set(export.SETTINGS)


def test_describe_layers():
    """Layer specs read as short text, in order, with the arguments that matter."""
    text = export.describe_layers(TINY_CONFIG.specs)
    assert text.split(" → ") == [
        "Conv2D 4 3×3 same relu",
        "MaxPooling2D 2×2",
        "Conv2D 6 3×3 valid relu",
        "AveragePooling2D 2×2",
        "Dropout 0.2",
        "Flatten",
        "Dense 10 softmax",
    ]
    assert export.describe_layer({"type": "Conv2D", "filters": 8, "kernel_size": [3, 5], "strides": 2}) == (
        "Conv2D 8 3×5 stride 2"
    )
