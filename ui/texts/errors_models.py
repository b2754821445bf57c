"""The core's error messages in Korean, keyed by their English template: models, augmentation, evaluation, the lab.

playground/architecture.py, augmentation.py, evaluation.py, lab/validate.py, data.py, preprocess.py and
activations.py. Same rules as ui/texts/errors.py: keep each template's fields; "Expected …" phrases are noun phrases
(they follow "허용:"); a value that is a phrase or an error of its own ({reason}, {axis}) is translated by its entry.
"""

from __future__ import annotations

ERRORS = {
    # Layer stacks (architecture.py): a spec, the input shape, a layer that cannot be built, a shared link.
    'a dict like {{"type": "Dense", "units": 10}}': {"ko": '`{{"type": "Dense", "units": 10}}` 같은 `dict`'},
    "one of them to be 1: Keras's Conv2D does not support strides > 1 together with dilation_rate > 1": {
        "ko": "둘 중 하나는 1(케라스의 Conv2D는 strides > 1과 dilation_rate > 1을 함께 지원하지 않습니다)",
    },
    "1 to 3 positive integers, each at most {limit}, like (28, 28, 1)": {
        "ko": "각각 {limit} 이하인 양의 정수 1~3개(예: (28, 28, 1))",
    },
    "a list of layer specs": {"ko": "층 설정(`dict`)의 리스트"},
    "at most {limit} layers": {"ko": "층 {limit}개 이하"},
    "{count} layers": {"ko": "층 {count}개"},
    "a text of at most {limit} characters": {"ko": "{limit}자 이하의 텍스트"},
    "a longer text": {"ko": "그보다 긴 텍스트"},
    "a known layer type": {"ko": "알려진 층 종류"},
    "Layer {index}: {reason}": {"ko": "{index}번 층: {reason}"},
    "Layer {index} ({kind}): {reason}": {"ko": "{index}번 층({kind}): {reason}"},
    "Layer {index} ({kind}): cannot read {piece}": {"ko": "{index}번 층({kind}): {piece}을(를) 읽을 수 없습니다"},
    "Layer {index} ({kind}) cannot be built on input shape {shape}: {reason}": {
        "ko": "{index}번 층({kind})을(를) 입력 모양 {shape}에서 만들 수 없습니다: {reason}",
    },
    "{kind} needs a 3-D input (height, width, channels), but this one is {ndim}-D; "
    "move it before Flatten / global pooling, or use a 3-D input shape": {
        "ko": "{kind} 층에는 3차원 입력(높이, 너비, 채널)이 필요한데 이 입력은 {ndim}차원입니다. "
        "이 층을 Flatten / 전역 풀링 앞으로 옮기거나 3차원 입력 모양을 쓰세요",
    },
    "the kernel {axis} ({span}) is larger than the input {axis} ({size}) with padding='valid', so the output would "
    "be empty; use padding='same', a smaller kernel_size, or less downsampling before it": {
        "ko": "커널 {axis}({span})가 입력 {axis}({size})보다 커서 padding='valid'로는 출력이 비게 됩니다. "
        "padding='same'을 쓰거나, kernel_size를 줄이거나, 이 층 앞의 다운샘플링을 줄이세요",
    },
    "the pooling window {axis} ({window}) is larger than the input {axis} ({size}) with padding='valid', so the "
    "output would be empty; use padding='same', a smaller pool_size, or less downsampling before it": {
        "ko": "풀링 창 {axis}({window})가 입력 {axis}({size})보다 커서 padding='valid'로는 출력이 비게 됩니다. "
        "padding='same'을 쓰거나, pool_size를 줄이거나, 이 층 앞의 다운샘플링을 줄이세요",
    },
    "{size}, dilated to {dilated}": {"ko": "{size}, 팽창하면 {dilated}"},
    "height": {"ko": "높이"},
    "width": {"ko": "너비"},
    # Data augmentation (augmentation.py).
    'a layer spec, a dict like {{"type": "RandomFlip", "mode": "horizontal"}}': {
        "ko": '층 설정, 곧 `{{"type": "RandomFlip", "mode": "horizontal"}}` 같은 `dict`',
    },
    "a number in the range [{low:g}, {high:g}] ({layer} needs it)": {
        "ko": "[{low:g}, {high:g}] 범위의 수({layer}에 꼭 필요합니다)",
    },
    "a numeric array of shape (H, W), (H, W, 1) or (H, W, 3)": {
        "ko": "모양이 (H, W), (H, W, 1) 또는 (H, W, 3)인 수 배열",
    },
    "at least 2 × 2 pixels": {"ko": "2 × 2 픽셀 이상의 이미지"},
    # After training (evaluation.py).
    "an array of shape (H, W), (N, H, W) or (N, H, W, 1)": {"ko": "모양이 (H, W), (N, H, W) 또는 (N, H, W, 1)인 배열"},
    "a 1-D array of integer class labels": {"ko": "정수 클래스 레이블의 1차원 배열"},
    "labels in the range [0, {high}]": {"ko": "[0, {high}] 범위의 레이블"},
    "the same non-zero number of images and labels": {"ko": "0개가 아닌, 서로 같은 수의 이미지와 레이블"},
    "{images} images, {labels} labels": {"ko": "이미지 {images}개, 레이블 {labels}개"},
    "The model is not compiled, so `evaluate()` cannot run. Compile it first (loss + accuracy).": {
        "ko": "모델이 컴파일되지 않아 `evaluate()`를 실행할 수 없습니다. 먼저 컴파일하세요(손실 + 정확도).",
    },
    "The model was compiled without an accuracy metric. Received metrics: {metrics}": {
        "ko": "모델이 정확도 지표 없이 컴파일되었습니다. 받은 지표: {metrics}",
    },
    "the same length": {"ko": "같은 길이"},
    "{first_length} and {second_length}": {"ko": "{first_length}, {second_length}"},
    "a square matrix": {"ko": "정사각 행렬"},
    "an array of shape (N, K)": {"ko": "모양이 (N, K)인 배열"},
    # The training lab's settings (lab/validate.py).
    "an argument of the {name} optimizer: {allowed}": {"ko": "{name} 옵티마이저의 인수({allowed})"},
    "no hyper-parameters besides learning_rate": {"ko": "learning_rate 말고는 하이퍼파라미터 없음"},
    "Invalid value received for argument `{key}` of `{name}`. Expected {expected}. Received: {received}": {
        "ko": "`{name}`의 인수 `{key}`의 값이 올바르지 않습니다. 허용: {expected}. 받은 값: {received}",
    },
    "one of {allowed} (there is no validation set)": {"ko": "{allowed} 중 하나(검증 세트가 없습니다)"},
    "a share that leaves at least one image on both sides of {train_size} (it leaves {n_val} to validate)": {
        "ko": "{train_size}개를 나눠 양쪽에 이미지가 하나 이상 남는 비율(지금은 검증에 {n_val}개가 남습니다)",
    },
    "a non-empty sequence of layer specs (dicts with a 'type')": {
        "ko": "비어 있지 않은 층 설정의 시퀀스(`'type'` 키가 있는 `dict`)",
    },
    "a last layer Dense(units=10, activation='softmax'): one probability per Fashion-MNIST class": {
        "ko": "마지막 층 Dense(units=10, activation='softmax'): Fashion-MNIST 클래스마다 확률 하나",
    },
    "last layer={layer}": {"ko": "마지막 층={layer}"},
    # Splitting the training data (data.py).
    "a 1-D array of labels": {"ko": "레이블의 1차원 배열"},
    "a split leaving at least 1 validation and 1 training image; with train_size={train_size} it leaves "
    "{validation} validation and {training} training images": {
        "ko": "검증 이미지와 훈련 이미지가 각각 1개 이상 남는 비율(train_size={train_size}이면 검증 이미지 "
        "{validation}개, 훈련 이미지 {training}개가 남습니다)",
    },
    # "at most {count}, the number of images of class {label}" is transfer.py's too: translated in errors_files.py.
    # A drawing for the model (preprocess.py).
    "a non-empty uint8 array of shape (H, W), (H, W, 3) or (H, W, 4)": {
        "ko": "모양이 (H, W), (H, W, 3) 또는 (H, W, 4)이고 비어 있지 않은 uint8 배열",
    },
    "a drawing with at least one stroke (a pixel ≤ {level})": {"ko": "획이 하나 이상 있는 그림({level} 이하인 픽셀)"},
    "{argument}='blank canvas'": {"ko": "{argument}=빈 캔버스"},
    # Activations and the perceptron (activations.py).
    "at least one logit": {"ko": "로짓 하나 이상"},
    "a scalar": {"ko": "스칼라(0차원 값)"},
    "a 1-D vector": {"ko": "1차원 벡터"},
    "one weight per input ({count})": {"ko": "입력마다 가중치 하나(입력 {count}개)"},
    "{count} weights": {"ko": "가중치 {count}개"},
}
