"""Comments inside the code boxes, in both languages.

``code.<area>.<key>`` entries are the comments of a core code generator (``comments=`` of
`playground.data.load_code`, `playground.augmentation.keras_code`, `playground.transfer.transfer_code`,
`playground.lab.codegen.keras_code` / `training_script`); their English equals the generator's default
(tests/test_glossary.py). ``code.<page>_<name>`` entries are comments a page writes into its own code box.
Code (identifiers, arguments, `backticked` names) stays English; the Korean terms follow ui/glossary.py.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # playground.data.load_code
    "code.data.shape": {
        "en": "(60000, 28, 28) uint8, pixel values 0 … 255",
        "ko": "(60000, 28, 28) uint8, 픽셀 값 0 … 255",
    },
    # playground.augmentation.keras_code
    "code.augmentation.training": {
        "en": "training=False: images come back unchanged",
        "ko": "training=False이면 이미지가 바뀌지 않고 그대로 나옴",
    },
    # playground.transfer.transfer_code
    "code.transfer.random": {"en": "random initial weights", "ko": "무작위 초기 가중치"},
    "code.transfer.pretrained": {"en": "pretrained", "ko": "사전 훈련된 가중치"},
    "code.transfer.frozen": {
        "en": "feature extraction: the base is frozen",
        "ko": "특성 추출: 베이스를 동결",
    },
    "code.transfer.fine_tuning": {
        "en": "fine-tuning: unfreeze the top of the base, recompile with a lower learning rate, train on",
        "ko": "미세 조정: 베이스의 윗부분을 동결 해제하고, 더 낮은 학습률로 다시 compile한 뒤 이어서 훈련",
    },
    # playground.lab.codegen.keras_code / training_script
    "code.lab.offline": {
        "en": "No internet? The same arrays from the Debian package `dataset-fashion-mnist` "
        "(apt install dataset-fashion-mnist):",
        "ko": "인터넷이 없다면? 데비안 패키지 `dataset-fashion-mnist`에서 같은 배열을 읽기 "
        "(`apt install dataset-fashion-mnist`):",
    },
    "code.lab.input": {"en": "uint8 pixels 0 … 255", "ko": "uint8 픽셀 0 … 255"},
    "code.lab.rescaling": {"en": "scale to 0 … 1 inside the model", "ko": "모델 안에서 0 … 1로 스케일 조정"},
    "code.lab.loss": {
        "en": 'integer labels; with one-hot labels: "categorical_crossentropy"',
        "ko": '정수 레이블; 원-핫 레이블이면 "categorical_crossentropy"',
    },
    "code.lab.save": {
        "en": "Save (course notes 004): the whole model, or the parameters only.",
        "ko": "저장 (강의 노트 004): 모델 전체, 또는 파라미터만.",
    },
    "code.lab.save_model": {
        "en": 'restore: keras.models.load_model("model.keras") — compiled, ready to evaluate',
        "ko": '복원: keras.models.load_model("model.keras") — 컴파일된 상태라 바로 evaluate 가능',
    },
    "code.lab.save_weights": {
        "en": "restore: build the same model, then model.load_weights(...)",
        "ko": "복원: 같은 모델을 만든 뒤 model.load_weights(...)",
    },
    # comments a page writes into its own code box
    "code.conv2d_scipy": {
        "en": "one channel, valid padding, stride 1: the same numbers as",
        "ko": "채널 하나, valid 패딩, 스트라이드 1이면 아래와 같은 숫자",
    },
    "code.activations_perceptron": {
        "en": "the perceptron: one Dense unit with kernel {kernel} and bias {bias}",
        "ko": "퍼셉트론: Dense 유닛 하나, 커널 {kernel}, 편향 {bias}",
    },
    "code.optimizers_one_step": {
        "en": "one step on a variable w, as this page does {steps} times from ({x}, {y}):",
        "ko": "변수 w에서 한 단계 (이 페이지는 ({x}, {y})에서 시작해 {steps}번 반복):",
    },
    "code.models_keras": {
        "en": "architecture + weights + compile settings (a zip)",
        "ko": "구조 + 가중치 + compile 설정 (zip 파일)",
    },
    "code.models_weights": {
        "en": "layer weights + optimizer state, no architecture",
        "ko": "층의 가중치 + 옵티마이저 상태, 구조는 없음",
    },
    "code.models_same_architecture": {
        "en": "the same architecture, built first",
        "ko": "같은 구조를 먼저 만듦",
    },
    "code.models_not_compiled": {
        "en": "not compiled by load_weights",
        "ko": "load_weights는 compile하지 않음",
    },
    "code.models_best": {
        "en": "the best epoch's whole model, compiled",
        "ko": "가장 좋은 에포크의 모델 전체, 컴파일된 상태",
    },
    "code.evaluate_outputs": {"en": "(10000, 10) softmax outputs", "ko": "(10000, 10) softmax 출력"},
    "code.evaluate_class": {
        "en": "predicted class = the most probable one",
        "ko": "예측 클래스 = 확률이 가장 높은 클래스",
    },
    "code.evaluate_mistakes": {"en": "{n} images", "ko": "이미지 {n}장"},
    "code.evaluate_printed": {"en": "softmax output: {values}", "ko": "출력: {values}"},
    "code.evaluate_maps": {"en": "(1, H, W, C) per layer", "ko": "층마다 (1, H, W, C)"},
    "code.evaluate_per_filter": {"en": "one number per filter", "ko": "필터마다 숫자 하나"},
    "code.evaluate_kernel": {"en": "kernel {shape}", "ko": "커널 {shape}"},
}
