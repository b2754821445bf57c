"""The one Korean glossary: one term per concept, the course notes' term first, and the English words a Korean
screen may keep (code a learner types).

`GLOSSARY` maps a concept to its Korean term and to the variants a learner may meet elsewhere; a variant may appear
only once, in parentheses right after the term — ``데이터 증식(증강)`` — never on its own. `english_words(text)`
lists the English words of a Korean text that are not code: tests/test_glossary.py renders every page in Korean and
asks it to be empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playground.architecture import LAYER_TYPES

__all__ = ["CODE_WORDS", "GLOSSARY", "Term", "english_words", "stray_variants"]


@dataclass(frozen=True)
class Term:
    """A concept's Korean term and the other words for it (which the Korean UI does not use on their own)."""

    ko: str
    variants: tuple[str, ...] = ()


GLOSSARY: dict[str, Term] = {
    "data augmentation": Term("증식", ("증강",)),  # notes 003: 데이터 증식(Data Augmentation)
    "training lab": Term("학습 실험실", ("훈련 실험실",)),
    "pretrained": Term("사전 훈련", ("사전 학습",)),  # notes 003: 사전 훈련된 모델 (5×; 사전 학습 3×)
    "T-shirt/top": Term("티셔츠/탑", ("티셔츠/상의",)),
    "Ankle boot": Term("앵클 부츠", ("앵클부츠",)),
    "tanh": Term("하이퍼볼릭 탄젠트", ("탄젠트",)),  # tanh is the hyperbolic tangent, not the tangent
    "overfitting": Term("과적합", ("과대적합",)),  # notes: 과적합 12×, 과대적합 2×
    "feature map": Term("특성 맵", ("특징 맵",)),
    "fine-tuning": Term("미세 조정", ("파인 튜닝", "파인튜닝")),
    "epoch": Term("에포크", ("에폭",)),
    "Keras": Term("케라스", ("Keras",)),  # notes: 케라스 in prose; `keras` stays in code
}

#: English words allowed on a Korean screen: Keras / Python names a learner types, file formats, proper names
#: (but Keras itself is 케라스 in Korean prose).
#: Identifiers with an underscore, a digit, a dot or an inner capital (val_loss, Conv2D, model.fit, MaxPooling2D)
#: count as code without being listed; so do file paths (/usr/share/datasets/fashion-mnist). "English" and
#: "Language" are the language switch's own words, for a reader who does not read Korean.
CODE_WORDS = frozenset(
    """
    TensorFlow NumPy SciPy Streamlit Plotly Python Colab PyTorch JAX h5py zipfile scikit learn sklearn
    Fashion MNIST ImageNet VGG ResNet Inception Xception MobileNet EfficientNet DenseNet CNN ConvNet MLP API
    Sequential Functional Model Input Dense Flatten Dropout Rescaling Reshape Activation Softmax ReLU LeakyReLU
    Adam SGD RMSprop RMSProp Adagrad AdaGrad Momentum Nesterov EarlyStopping ModelCheckpoint ReduceLROnPlateau
    History Lambda InputLayer Concatenate Add
    keras layers activations optimizers callbacks losses metrics models saving datasets signal random
    sigmoid tanh relu softmax linear leaky None True False valid same full max average mean sum min
    fit predict evaluate compile summary save load_model load_weights save_weights convolve correlate
    model layer layers rate seed training optimizer loss accuracy monitor patience factor filepath
    kernel_size strides padding filters units pool_size
    pd np plt tf scipy numpy math print import from as def return in for x y z w b f n k s d p e c h
    H W C N K S D P T A B X Y Z L M R I O U V
    zip json csv png jpg jpeg py h5 keras hdf5 weights config metadata vars optimizer
    HDF5 CSV PNG JPG JPEG JSON URL ID OK CPU GPU RAM MB KB GB TOML TTL F5 UTF
    English Language
    log exp floor ceil argmax argmin lr kh kw eh ew sh sw amsgrad Esc RGB GIF BMP WEBP TIFF vs
    momentum velocity accumulator nesterov epsilon beta_1 beta_2 rho
    """.split()
) | {  # the layer editor's Keras argument names and their string options (activation names, "valid", ...)
    word
    for args in LAYER_TYPES.values()
    for arg in args
    for word in (arg.name, *(o for o in (arg.options or ()) if isinstance(o, str)))
}

# Code spans, a text template's {placeholders}, and an English gloss in parentheses right after a Korean word
# ("팽창(dilation)"): the notes' term first, the English one once beside it where a learner meets it.
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_CODE_SPAN = re.compile(r"`[^`]*`|\{\w+(?::[^}]*)?\}|(?<=[\uac00-\ud7a3])\s?\([A-Za-z][A-Za-z \-]*\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-']*")


def _is_code(word: str) -> bool:
    word = word.strip(".'-")
    if len(word) <= 1 or word in CODE_WORDS or word.lower() in CODE_WORDS:  # a single letter is a maths symbol
        return True
    if any(ch in word for ch in "_0123456789.") or re.search(r"[a-z][A-Z]", word):
        return True  # val_loss, Conv2D, model.fit, MaxPooling2D, ReduceLROnPlateau
    return all(part in CODE_WORDS or part.lower() in CODE_WORDS for part in word.split("-"))


_PATH = re.compile(r"[\w.\-]*(?:/[\w.\-]+)+/?")


def english_words(text: str) -> list[str]:
    """The English words of a (Korean) text that are not code: code spans (`…`), HTML tags (`<i>`, a `<div>`'s
    style: markup, not shown) and `CODE_WORDS` are skipped."""
    text = _PATH.sub(" ", _CODE_SPAN.sub(" ", _TAG.sub(" ", text)))
    return [w for w in _WORD.findall(text) if not _is_code(w)]


def stray_variants(text: str) -> list[str]:
    """The glossary variants used on their own in `text` (a variant right after its term in parentheses is fine)."""
    found = []
    for term in GLOSSARY.values():
        for variant in term.variants:
            rest = text.replace(f"{term.ko}({variant})", "").replace(f"{term.ko} ({variant})", "")
            if variant in rest.replace(term.ko, "\0" * len(term.ko)):
                found.append(variant)
    return found
