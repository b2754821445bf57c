"""The one way the core's TensorFlow-backed modules (augmentation, transfer learning) import Keras.

Keras is imported lazily (concept pages never load TensorFlow), and TensorFlow's threads are set once, before the
first op, by the training lab's ``configure_tensorflow``.
"""

from __future__ import annotations

from types import ModuleType


def load_keras() -> ModuleType:
    """Import Keras with TensorFlow's threads set once; returns the ``keras`` module."""
    from playground.lab.model import configure_tensorflow

    configure_tensorflow()
    import keras

    return keras
