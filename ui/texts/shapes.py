"""Texts of the "Shapes & parameters" page and of the reusable layer-stack editor (ui/builder.py).

Korean terms follow the course notes (000, 001): 합성곱, 커널, 필터, 스트라이드, 패딩, 풀링, 특성 맵, 드롭아웃,
활성화 함수, 파라미터.
"""

_POOL_STRIDES = {
    "en": "Step of the pooling window. Empty = pool_size (Keras's default strides=None): windows don't overlap.",
    "ko": "풀링 창이 움직이는 간격입니다. 비워 두면 pool_size와 같습니다(케라스 기본값 strides=None): 창이 겹치지 않습니다.",
}

TEXTS = {
    # ---------------------------------------------------------------- the page
    "shapes.intro": {
        "en": "Stack layers the way the course notes do and read what Keras's `model.summary()` would print: each "
        "layer's **output shape** and its **number of parameters**, with the arithmetic behind them. "
        "A Conv2D layer learns `(kernel height × kernel width × input channels + 1 bias) × filters` numbers; a "
        "Dense layer `(inputs + 1) × units`. Pooling, Flatten and Dropout learn nothing — they only change or keep "
        "the shape.",
        "ko": "강의 노트처럼 층을 쌓고, 케라스의 `model.summary()`가 출력할 내용을 읽어 보세요: 각 층의 **출력 모양**과 "
        "**파라미터 개수**, 그리고 그 계산 과정입니다. Conv2D 층은 `(커널 높이 × 커널 너비 × 입력 채널 + 편향 1) × 필터 수`"
        "개의 값을 학습하고, Dense 층은 `(입력 수 + 1) × 유닛 수`개를 학습합니다. 풀링, Flatten, 드롭아웃은 아무것도 "
        "학습하지 않고 모양만 바꾸거나 유지합니다.",
    },
    "shapes.input_heading": {"en": "Input shape", "ko": "입력 모양"},
    "shapes.input_shape": {"en": "One example (height × width × channels)", "ko": "예제 하나 (높이 × 너비 × 채널)"},
    "shapes.input_28": {"en": "28×28×1", "ko": "28×28×1"},
    "shapes.input_300": {"en": "300×300×3", "ko": "300×300×3"},
    "shapes.input_custom": {"en": "Custom", "ko": "직접 입력"},
    "shapes.height": {"en": "Height", "ko": "높이"},
    "shapes.width": {"en": "Width", "ko": "너비"},
    "shapes.channels": {"en": "Channels", "ko": "채널"},
    "shapes.input_help": {
        "en": "28×28×1: a Fashion-MNIST image (grayscale, note 001). 300×300×3: an RGB photo, as in note 000. "
        "Custom: any height, width and number of channels.",
        "ko": "28×28×1: Fashion-MNIST 이미지 (흑백, 노트 001). 300×300×3: 노트 000처럼 RGB 사진. "
        "직접 입력: 높이, 너비, 채널 수를 마음대로 정합니다.",
    },
    "shapes.channels_help": {
        "en": "1 for a grayscale image, 3 for RGB.",
        "ko": "흑백 이미지는 1, 컬러(RGB) 이미지는 3입니다.",
    },
    "shapes.templates": {"en": "Start from", "ko": "시작 템플릿"},
    "shapes.template_notes28": {"en": "Notes: 16→32→64 CNN", "ko": "노트: 16→32→64 CNN"},
    "shapes.template_notes28_help": {
        "en": "The Fashion-MNIST CNN of note 001 on a 28×28×1 input: Conv2D 16 (3×3, same) → 32 (4×4, same) → "
        "64 (4×4, valid) → MaxPool2D(2) → Flatten → Dense 50 → 20 → 10.",
        "ko": "노트 001의 Fashion-MNIST CNN (입력 28×28×1): Conv2D 16 (3×3, same) → 32 (4×4, same) → 64 (4×4, valid) "
        "→ MaxPool2D(2) → Flatten → Dense 50 → 20 → 10.",
    },
    "shapes.template_notes300": {"en": "Notes: 300×300×3 CNN", "ko": "노트: 300×300×3 CNN"},
    "shapes.template_notes300_help": {
        "en": "The Sequential CNN of note 000: Rescaling(1/255), five Conv2D + MaxPooling2D blocks, Flatten, "
        "Dense 512, Dense 1 (sigmoid).",
        "ko": "노트 000의 Sequential CNN: Rescaling(1/255), Conv2D + MaxPooling2D 블록 다섯 개, Flatten, Dense 512, "
        "Dense 1 (sigmoid).",
    },
    "shapes.template_empty": {"en": "Empty", "ko": "빈 모델"},
    "shapes.layers_heading": {"en": "Layers", "ko": "층"},
    "shapes.summary_heading": {"en": "model.summary()", "ko": "model.summary()"},
    "shapes.summary_caption": {
        "en": "This table equals Keras's `model.summary()` for the same layers — same output shapes and parameter "
        "counts (the tests build the real Keras model and compare). `None` is the batch axis: any number of examples.",
        "ko": "이 표는 같은 층으로 만든 케라스 `model.summary()`와 같습니다 — 출력 모양과 파라미터 개수가 같습니다"
        "(테스트가 실제 케라스 모델을 만들어 비교합니다). `None`은 배치 축으로, 예제 개수가 몇 개든 된다는 뜻입니다.",
    },
    "shapes.col_layer": {"en": "Layer (type)", "ko": "층 (종류)"},
    "shapes.col_output": {"en": "Output shape", "ko": "출력 모양"},
    "shapes.col_params": {"en": "Param #", "ko": "파라미터 수"},
    "shapes.col_formula": {"en": "Parameters: arithmetic", "ko": "파라미터 계산"},
    "shapes.col_shape_formula": {"en": "Output size: arithmetic", "ko": "출력 크기 계산"},
    "shapes.failed_shape": {"en": "✗ cannot build", "ko": "✗ 만들 수 없음"},
    "shapes.formula_help": {
        "en": "⌊ ⌋ rounds down, ⌈ ⌉ rounds up. Output size: padding `valid` gives ⌊(n − k) / s⌋ + 1, padding `same` "
        "gives ⌈n / s⌉ (n input size, k kernel or pool size, s stride). BatchNormalization learns γ (scale) and "
        "β (offset) per channel and keeps a moving mean μ and variance σ² that are not trained.",
        "ko": "⌊ ⌋는 내림, ⌈ ⌉는 올림입니다. 출력 크기: 패딩 `valid`는 ⌊(n − k) / s⌋ + 1, 패딩 `same`은 ⌈n / s⌉ "
        "(n 입력 크기, k 커널 또는 풀링 크기, s 스트라이드). BatchNormalization은 채널마다 γ(스케일)와 β(오프셋)를 "
        "학습하고, 학습하지 않는 이동 평균 μ와 분산 σ²를 유지합니다.",
    },
    "shapes.total": {"en": "Total params", "ko": "전체 파라미터"},
    "shapes.trainable": {"en": "Trainable params", "ko": "학습되는 파라미터"},
    "shapes.non_trainable": {"en": "Non-trainable params", "ko": "학습되지 않는 파라미터"},
    "shapes.memory_help": {
        "en": "{megabytes} MB as float32 (4 bytes per parameter).",
        "ko": "float32로 {megabytes} MB (파라미터당 4바이트).",
    },
    "shapes.broken_at": {
        "en": "Keras cannot build this model: it stops at layer {number} ({type}).\n\n{reason}",
        "ko": "케라스가 이 모델을 만들 수 없습니다: {number}번 층 ({type})에서 멈춥니다.\n\n{reason}",
    },
    "shapes.broken_hint": {
        "en": "The layers before it are shown; fix or remove layer {number} in the list on the left.",
        "ko": "그 앞의 층까지는 표시됩니다. 왼쪽 목록에서 {number}번 층을 고치거나 지우세요.",
    },
    "shapes.empty_stack": {
        "en": "No layers yet: add one on the left, or start from a template.",
        "ko": "아직 층이 없습니다. 왼쪽에서 층을 추가하거나 템플릿에서 시작하세요.",
    },
    "shapes.flow_heading": {"en": "Shape flow", "ko": "모양의 흐름"},
    "shapes.flow_caption": {
        "en": "Top: how many values one example becomes after each layer (height × width × channels, log scale) — "
        "convolutions with `same` padding keep the size, pooling and strides shrink it, Flatten only reshapes. "
        "Bottom: the parameters each layer learns; the first Dense after Flatten is usually the biggest.",
        "ko": "위: 예제 하나가 각 층을 지난 뒤 몇 개의 값이 되는지(높이 × 너비 × 채널, 로그 눈금) — `same` 패딩 합성곱은 "
        "크기를 유지하고, 풀링과 스트라이드는 줄이며, Flatten은 모양만 바꿉니다. 아래: 각 층이 학습하는 파라미터 수. "
        "보통 Flatten 바로 뒤의 첫 Dense가 가장 큽니다.",
    },
    "shapes.flow_volume": {"en": "values per example", "ko": "예제당 값 개수"},
    "shapes.flow_params": {"en": "parameters", "ko": "파라미터"},
    "shapes.flow_input": {"en": "input", "ko": "입력"},
    "shapes.code_heading": {"en": "The same model in Keras", "ko": "같은 모델을 케라스 코드로"},
    "shapes.code_caption": {
        "en": "Both build the same model (note 001 compares the two styles): Sequential stacks layers in a list; "
        "the Functional API calls each layer on the previous output, which also allows branches and several inputs.",
        "ko": "두 코드는 같은 모델을 만듭니다(노트 001에서 두 방식을 비교합니다): Sequential API는 층을 리스트로 쌓고, "
        "Functional API는 각 층을 앞 층의 출력에 호출합니다. Functional API로는 분기나 여러 입력도 만들 수 있습니다.",
    },
    "shapes.keras3_note": {
        "en": "Keras 3 (the notes' older code differs): write `import keras` — in TensorFlow ≥ 2.16 `tf.keras` is "
        "this same Keras 3 — and start with `keras.Input(shape=(28, 28, 1))`; `input_shape=` on the first layer, as "
        "in notes 000 and 001, still builds but warns.",
        "ko": "케라스 3 (노트의 예전 코드와 다름): `import keras`라고 씁니다 — TensorFlow 2.16 이상에서 `tf.keras`는 "
        "이 케라스 3와 같습니다 — 그리고 `keras.Input(shape=(28, 28, 1))`로 시작합니다. 노트 000과 001처럼 첫 층에 "
        "`input_shape=`를 주면 모델은 만들어지지만 경고가 나옵니다.",
    },
    "shapes.tab_sequential": {"en": "Sequential API", "ko": "Sequential API"},
    "shapes.tab_functional": {"en": "Functional API", "ko": "Functional API"},
    "shapes.download": {"en": "Download .py", "ko": ".py 내려받기"},
    "shapes.code_when_broken": {
        "en": "Keras stops at the same layer when it runs this code.",
        "ko": "이 코드를 실행하면 케라스도 같은 층에서 멈춥니다.",
    },
    # ---------------------------------------------------------------- the layer-stack editor (ui/builder.py)
    "builder.refused": {
        "en": "That change was not applied: {reason}",
        "ko": "이 변경은 적용하지 않았습니다: {reason}",
    },
    "builder.empty": {"en": "The stack is empty.", "ko": "쌓인 층이 없습니다."},
    "builder.add_type": {"en": "Layer to add", "ko": "추가할 층"},
    "builder.add": {"en": "Add", "ko": "추가"},
    "builder.reset": {"en": "Reset layers", "ko": "층 초기화"},
    "builder.up": {"en": "Up", "ko": "위로"},
    "builder.down": {"en": "Down", "ko": "아래로"},
    "builder.remove": {"en": "Remove", "ko": "삭제"},
    "builder.no_arguments": {"en": "This layer has no arguments to set.", "ko": "이 층에는 설정할 인자가 없습니다."},
    "builder.axis_h": {"en": "height", "ko": "높이"},
    "builder.axis_w": {"en": "width", "ko": "너비"},
    "builder.same_as_pool": {"en": "= pool_size", "ko": "= pool_size"},
    "builder.link_ignored": {
        "en": "The layer stack in the link could not be used, so the default stack is shown. {reason}",
        "ko": "링크에 담긴 층 구성을 사용할 수 없어 기본 구성을 보여 줍니다. {reason}",
    },
    "builder.type_not_allowed": {
        "en": "This editor does not offer {type} layers.",
        "ko": "이 편집기에서는 {type} 층을 쓸 수 없습니다.",
    },
    "builder.arg.filters": {
        "en": "Number of filters = number of feature maps (output channels). Each filter has one kernel per input channel.",
        "ko": "필터 개수 = 특성 맵(출력 채널) 개수입니다. 필터 하나는 입력 채널마다 커널을 하나씩 가집니다.",
    },
    "builder.arg.kernel_size": {
        "en": "Height and width of each kernel (3×3, 5×5, …).",
        "ko": "커널의 높이와 너비입니다 (3×3, 5×5 등).",
    },
    "builder.arg.strides": {
        "en": "How many pixels the kernel moves each step. 2 halves the output size.",
        "ko": "커널이 한 번에 움직이는 픽셀 수(스트라이드)입니다. 2이면 출력 크기가 절반이 됩니다.",
    },
    "builder.arg.MaxPooling2D.strides": _POOL_STRIDES,
    "builder.arg.AveragePooling2D.strides": _POOL_STRIDES,
    "builder.arg.padding": {
        "en": "For this layer, with an input of length n along each axis — valid (no padding, the window must fit): "
        "output = {valid}. same (zeros around the input): output = {same}.",
        "ko": "이 층에서 각 축의 입력 길이가 n일 때 — valid (패딩 없음, 창이 입력 안에 들어가야 함): 출력 = {valid}. "
        "same (입력 둘레에 0을 채움): 출력 = {same}.",
    },
    "builder.arg.dilation_rate": {
        "en": "Gaps between kernel taps: a 3×3 kernel with dilation 2 covers 5×5. Keras forbids strides > 1 with it.",
        "ko": "커널 원소 사이의 간격(팽창)입니다: 팽창 2인 3×3 커널은 5×5를 덮습니다. 케라스는 스트라이드 > 1과 함께 "
        "쓰는 것을 허용하지 않습니다.",
    },
    "builder.arg.activation": {
        "en": "Activation function applied to the output (None = linear). It adds no parameters.",
        "ko": "출력에 적용하는 활성화 함수입니다 (None = 선형). 파라미터를 더하지 않습니다.",
    },
    "builder.arg.use_bias": {
        "en": "Add one learned bias per filter/unit (the “+ 1” in the parameter formula).",
        "ko": "필터/유닛마다 학습되는 편향을 하나씩 더합니다 (파라미터 식의 “+ 1”).",
    },
    "builder.arg.pool_size": {
        "en": "Size of the pooling window; 2 halves height and width.",
        "ko": "풀링 창의 크기입니다. 2이면 높이와 너비가 절반이 됩니다.",
    },
    "builder.arg.units": {
        "en": "Number of neurons. Dense acts on the last axis only.",
        "ko": "뉴런 개수입니다. Dense는 마지막 축에만 작용합니다.",
    },
    "builder.arg.rate": {
        "en": "Fraction of inputs set to 0 during training (dropout); no parameters, same shape.",
        "ko": "학습할 때 0으로 만드는 입력의 비율(드롭아웃)입니다. 파라미터가 없고 모양도 그대로입니다.",
    },
    "builder.arg.scale": {
        "en": "Multiply every input by this (1/255 maps pixels 0–255 to 0–1).",
        "ko": "모든 입력에 이 값을 곱합니다 (1/255는 픽셀 0–255를 0–1로 바꿉니다).",
    },
    "builder.arg.offset": {"en": "Added after scaling.", "ko": "스케일을 곱한 뒤 더하는 값입니다."},
    "builder.arg.BatchNormalization.scale": {
        "en": "Learn γ, a scale per channel.",
        "ko": "채널마다 스케일 γ를 학습합니다.",
    },
    "builder.arg.center": {"en": "Learn β, an offset per channel.", "ko": "채널마다 오프셋 β를 학습합니다."},
    "builder.arg.mode": {"en": "Which flips to apply at random.", "ko": "무작위로 적용할 뒤집기 방향입니다."},
    "builder.arg.factor": {
        "en": "Strength of the random change (a fraction; for rotation, of a full turn).",
        "ko": "무작위 변화의 세기입니다 (비율, 회전은 한 바퀴에 대한 비율).",
    },
    "builder.arg.height_factor": {
        "en": "Random change of height, as a fraction of it.",
        "ko": "높이 방향의 무작위 변화 (높이에 대한 비율).",
    },
    "builder.arg.width_factor": {
        "en": "Random change of width, as a fraction of it (RandomZoom: empty = same as height).",
        "ko": "너비 방향의 무작위 변화 (너비에 대한 비율, RandomZoom에서 비우면 높이와 같음).",
    },
}
