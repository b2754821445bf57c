"""Frame, home page, navigation, shared messages, and every page's title and one-line blurb."""

TEXTS = {
    "nav.convolution": {"en": "Convolution", "ko": "합성곱"},
    "nav.blocks": {"en": "Building blocks", "ko": "구성 요소"},
    "nav.training": {"en": "Training", "ko": "학습"},
    "nav.further": {"en": "Going further", "ko": "더 나아가기"},
    "home.title": {"en": "CNN Playground", "ko": "CNN 놀이터"},
    "home.intro": {
        "en": "Learn how convolutional networks work by playing with them. Move a slider — kernel size, "
        "stride, padding, dilation, pooling, dropout, activation, optimizer — and watch the result change. "
        "Then train a real Keras model on Fashion-MNIST and look inside it.",
        "ko": "합성곱 신경망(CNN)이 어떻게 동작하는지 직접 만져 보며 배웁니다. 커널 크기, 스트라이드, 패딩, "
        "팽창(dilation), 풀링, 드롭아웃, 활성화 함수, 옵티마이저를 슬라이더로 바꾸고 결과가 어떻게 변하는지 "
        "확인하세요. 그런 다음 Fashion-MNIST로 실제 케라스 모델을 학습시키고 그 안을 들여다봅니다.",
    },
    "home.promise": {
        "en": "Every number on screen is the number Keras or SciPy computes for the same settings — "
        "the test suite checks it against the real `keras.layers`, `keras.optimizers` and `scipy.signal`.",
        "ko": "화면의 모든 숫자는 같은 설정에서 케라스나 SciPy가 계산하는 값과 같습니다. 테스트가 실제 "
        "`keras.layers`, `keras.optimizers`, `scipy.signal`과 비교해 확인합니다.",
    },
    "home.title_short": {"en": "Home", "ko": "홈"},
    "common.invalid": {
        "en": "These settings don't work together: {message}",
        "ko": "이 설정 조합은 사용할 수 없습니다: {message}",
    },
    "common.typed_numbers": {
        "en": "Check the numbers you typed: {message}",
        "ko": "입력한 숫자를 확인하세요: {message}",
    },
    "common.equivalent_code": {
        "en": "The same computation in Keras / SciPy, with the current settings:",
        "ko": "현재 설정과 같은 계산을 케라스 / SciPy 코드로:",
    },
    "common.copy": {"en": "Copy code", "ko": "코드 복사"},
    "common.section": {"en": "Section of the page", "ko": "페이지의 부분"},
    "common.ignored_url": {
        "en": "Some settings in the link were invalid, out of range or unknown and were ignored "
        "(→ the value used instead): {params}",
        "ko": "링크의 일부 설정이 잘못되었거나 범위를 벗어났거나 알 수 없어 무시했습니다(→ 대신 쓴 값): {params}",
    },
    "upload.unreadable": {
        "en": "“{name}” could not be used as an image. {message}",
        "ko": "“{name}” 파일은 이미지로 사용할 수 없습니다. {message}",
    },
    "common.and_more": {"en": "and {n} more", "ko": "외 {n}개"},
    # Page titles and blurbs (home page links). Each page owns its other keys in its own module.
    "home.blurb": {"en": "Start here.", "ko": "여기서 시작하세요."},
    "conv1d.title": {"en": "1-D convolution", "ko": "1차원 합성곱"},
    "conv1d.blurb": {
        "en": "Slide a kernel along a signal step by step; convolution vs correlation, full / same / valid.",
        "ko": "신호 위로 커널을 한 칸씩 밀어 봅니다. 합성곱과 상관(correlation), full / same / valid.",
    },
    "conv2d.title": {"en": "2-D convolution", "ko": "2차원 합성곱"},
    "conv2d.blurb": {
        "en": "Kernels on photos and grids: stride, padding, dilation, receptive field of any output cell.",
        "ko": "사진과 격자 위의 커널: 스트라이드, 패딩, 팽창, 출력 칸 하나의 수용 영역.",
    },
    "pooling.title": {"en": "Pooling", "ko": "풀링"},
    "pooling.blurb": {
        "en": "Max vs average pooling, which cell wins, and why a small shift barely matters.",
        "ko": "최대 풀링과 평균 풀링, 어떤 칸이 선택되는지, 작은 이동이 왜 거의 영향을 주지 않는지.",
    },
    "shapes.title": {"en": "Shapes & parameters", "ko": "모양과 파라미터"},
    "shapes.blurb": {
        "en": "Stack layers and read model.summary(): output shapes and parameter arithmetic.",
        "ko": "층을 쌓고 model.summary()를 읽어 봅니다: 출력 모양과 파라미터 계산.",
    },
    "activations.title": {"en": "Activations", "ko": "활성화 함수"},
    "activations.blurb": {
        "en": "Sigmoid, tanh, ReLU, softmax and their derivatives; the perceptron with sliders.",
        "ko": "시그모이드, tanh, ReLU, 소프트맥스와 그 도함수; 슬라이더로 만드는 퍼셉트론.",
    },
    "dropout.title": {"en": "Dropout", "ko": "드롭아웃"},
    "dropout.blurb": {
        "en": "Random masks, inverted scaling, training vs inference.",
        "ko": "무작위 마스크, 역 스케일링, 학습과 추론의 차이.",
    },
    "optimizers.title": {"en": "Optimizers", "ko": "옵티마이저"},
    "optimizers.blurb": {
        "en": "SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam racing on loss surfaces.",
        "ko": "SGD, 모멘텀, 네스테로프, AdaGrad, RMSProp, Adam이 손실 곡면 위를 달립니다.",
    },
    "data.title": {"en": "Fashion-MNIST", "ko": "Fashion-MNIST"},
    "data.blurb": {
        "en": "The data set: samples per class, one image as a pixel matrix, class balance.",
        "ko": "데이터셋: 클래스별 샘플, 픽셀 행렬로 본 이미지 한 장, 클래스 분포.",
    },
    "train.title": {"en": "Training lab", "ko": "학습 실험실"},
    "train.blurb": {
        "en": "Build a CNN, pick an optimizer and callbacks, and watch real Keras training live.",
        "ko": "CNN을 만들고 옵티마이저와 콜백을 골라 실제 케라스 학습을 실시간으로 지켜봅니다.",
    },
    "evaluate.title": {"en": "Evaluate & look inside", "ko": "평가와 내부 보기"},
    "evaluate.blurb": {
        "en": "Test accuracy, confusion matrix, predictions, feature maps and learned filters.",
        "ko": "테스트 정확도, 혼동 행렬, 예측, 특성 맵과 학습된 필터.",
    },
    "models.title": {"en": "Save & restore", "ko": "저장과 복원"},
    "models.blurb": {
        "en": "Download .keras and .weights.h5, restore them, and see what each one keeps.",
        "ko": ".keras와 .weights.h5를 내려받고 복원하며 각각 무엇을 저장하는지 봅니다.",
    },
    "compare.title": {"en": "Compare runs", "ko": "실행 비교"},
    "compare.blurb": {
        "en": "Overlay the curves of your runs; see which setting made the difference.",
        "ko": "여러 실행의 곡선을 겹쳐 보고 어떤 설정이 차이를 만들었는지 확인합니다.",
    },
    "augment.title": {"en": "Data augmentation", "ko": "데이터 증식"},
    "augment.blurb": {
        "en": "Random flips, rotations, zooms and shifts — and what they do to overfitting.",
        "ko": "랜덤한 뒤집기, 회전, 확대, 이동으로 데이터를 증식하고 과적합에 미치는 영향을 봅니다.",
    },
    "transfer.title": {"en": "Transfer learning", "ko": "전이 학습"},
    "transfer.blurb": {
        "en": "Reuse a pretrained base: from scratch vs feature extraction vs fine-tuning.",
        "ko": "사전 훈련된 베이스 재사용: 처음부터 학습 vs 특성 추출 vs 미세 조정.",
    },
}
