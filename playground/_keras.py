"""The one way the core's TensorFlow-backed modules (augmentation, transfer learning) import Keras.

Keras is imported lazily (concept pages never load TensorFlow), and TensorFlow's threads are set once, before the
first op, by the training module's ``configure_tensorflow`` when it is there.
"""

from __future__ import annotations

from types import ModuleType


def load_keras() -> ModuleType:
    """Import Keras with TensorFlow's threads set once; returns the ``keras`` module."""
    try:
        from playground.training import configure_tensorflow
    except ImportError:  # pragma: no cover - the training lab is a sibling module
        pass
    else:
        configure_tensorflow()
    import keras

    return keras
