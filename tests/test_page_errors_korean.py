"""On a Korean page, what went wrong is said in Korean: a typo, an impossible combination of settings, a bad upload.

Each case drives the page as a learner would (a shared link's settings, a typed value, an uploaded file) with the
language set to Korean, and reads the message shown: it names the same argument and values as the English one, and has
no English word outside code (ui.glossary.english_words, as the glossary tests read every Korean page).
"""

from __future__ import annotations

import functools
import re

import pytest

from ui.glossary import english_words


def _messages(at) -> list[str]:
    return [e.value for kind in ("warning", "error", "info") for e in getattr(at, kind)]


def _only_korean(at, *must_contain: str) -> str:
    assert not at.exception
    shown = [m for m in _messages(at) if all(part in m for part in must_contain)]
    assert shown, (must_contain, _messages(at))
    message = shown[0]
    words = english_words(re.sub(r"'[^']*'", " ", message))  # what the learner typed, quoted, is theirs
    assert not words, (words, message)
    assert "Invalid value" not in message and "Expected" not in message
    return message


@pytest.fixture
def open_korean(open_link):
    """The page opened as a shared link in Korean (conftest's open_link with lang=ko)."""
    return functools.partial(open_link, lang="ko")


def test_conv1d_typo_and_kernel_longer_than_signal(open_korean):
    at = open_korean("app_pages/conv1d.py", conv1d_kernel="1, two")
    message = _only_korean(at, "`kernel`", "'two'")
    assert message.startswith("입력한 숫자를 확인하세요")
    at = open_korean("app_pages/conv1d.py", conv1d_signal="1, 2", conv1d_kernel="1, 2, 3", conv1d_mode="valid")
    _only_korean(at, "`kernel`", "길이 3의 커널", "신호 길이 2")


def test_conv2d_impossible_settings(open_korean):
    at = open_korean("app_pages/conv2d.py", conv2d_sh="2", conv2d_dilation="3")
    _only_korean(at, "`dilation_rate`", "strides=(2, 1)")
    at = open_korean("app_pages/conv2d.py", conv2d_kh="7", conv2d_dilation="3")
    _only_korean(at, "`kernel_size`", "팽창하면 19")


def test_conv2d_upload_that_is_not_an_image(open_korean):
    at = open_korean("app_pages/conv2d.py", conv2d_source="upload")
    at.get("file_uploader")[0].set_value(("notes.png", b"this is not a picture", "image/png")).run()
    message = _only_korean(at, "notes.png")
    assert "PNG" in message  # the allowed formats


def test_activations_typed_logits(open_korean):
    at = open_korean("app_pages/activations.py", activations_section="softmax")
    at.text_input(key="activations_logits").set_value("1, two, 3").run()
    _only_korean(at, "`logits`", "'two'")


def test_shapes_stack_broken_at_a_layer(open_korean):
    """A Conv2D after Flatten: Keras's refusal of layer 3 is said in Korean, inside the page's own sentence."""
    at = open_korean(
        "app_pages/shapes.py",
        shapes_stack="Conv2D__filters-8~Flatten~Conv2D",
        shapes_input="custom",
        shapes_h="20",
        shapes_w="30",
        shapes_c="2",
    )
    message = _only_korean(at, "Conv2D")
    assert "3번 층(Conv2D)" in message and "(None, 4032)" in message, message


def test_training_lab_model_without_the_softmax_output(open_korean):
    from playground.architecture import stack_to_text

    stack = stack_to_text([{"type": "Flatten"}, {"type": "Dense", "units": 10}])
    at = open_korean("app_pages/train.py", train_stack=stack)
    _only_korean(at, "Dense(units=10, activation='softmax')")
    assert at.button(key="train_start").disabled


@pytest.fixture
def no_fashion_mnist(monkeypatch, tmp_path):
    """Fashion-MNIST nowhere (an empty folder, no Debian files, Keras offline), with every cached copy dropped."""
    import streamlit as st

    from playground import data

    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setattr(data, "_keras_load", lambda: (_ for _ in ()).throw(OSError("offline")))
    data.load_fashion_mnist.cache_clear()
    st.cache_resource.clear()
    yield
    data.load_fashion_mnist.cache_clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("script", ["app_pages/transfer.py", "app_pages/augmentation.py"])
def test_missing_fashion_mnist_is_explained_in_korean(open_korean, no_fashion_mnist, script):
    """The pages that need the data set say so, with the three ways to get it, in Korean (not the core's English)."""
    at = open_korean(script)
    for _ in range(120):  # the augmentation page draws Keras's images once its warm-up (a thread) is done
        if any("FASHION_MNIST_DIR" in m for m in _messages(at)):
            break
        at.run()
    message = _only_korean(at, "FASHION_MNIST_DIR", "dataset-fashion-mnist")
    assert "환경 변수" in message


def test_a_bad_store_setting_is_a_korean_notice_not_a_crash(open_korean, monkeypatch):
    """An operator's typo in PLAYGROUND_RUN_TTL_DAYS turns saved runs off with a notice naming the setting, in the
    page's language; every page still works (the store's notice used to read the check's fields as its own)."""
    import streamlit as st

    monkeypatch.setenv("PLAYGROUND_RUN_TTL_DAYS", "-1")
    st.cache_resource.clear()
    try:
        at = open_korean("app_pages/train.py")
    finally:
        st.cache_resource.clear()
    assert not at.exception
    toasts = [toast.value for toast in at.toast]
    notice = next(text for text in toasts if "PLAYGROUND_RUN_TTL_DAYS" in text)
    assert "저장된 실행 기록을 쓸 수 없습니다" in notice and "0보다 큰 수" in notice, notice
    assert not english_words(notice.replace("PLAYGROUND_RUN_TTL_DAYS", "")), notice
