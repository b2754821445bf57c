"""Texts of the building-blocks pages: activations, dropout, optimizers (terms as in course notes 001)."""

TEXTS = {
    # ---------------------------------------------------------------- activations
    "activations.intro": {
        "en": "A neuron adds up its inputs times their weights plus a bias, z = w·x + b, and passes z through an "
        "**activation function** a = f(z). The function decides what the neuron can express; its **derivative** "
        "f′(z) decides how well the layers before it can learn, because back-propagation multiplies one f′ per layer.",
        "ko": "뉴런은 입력에 가중치를 곱해 모두 더하고 편향을 더한 값 z = w·x + b 를 **활성화 함수**에 넣어 "
        "a = f(z) 를 출력합니다. 함수는 뉴런이 무엇을 표현할 수 있는지를, **도함수** f′(z) 는 앞쪽 층이 얼마나 잘 "
        "학습하는지를 결정합니다. 역전파는 층마다 f′ 하나씩을 곱하기 때문입니다(연쇄 법칙).",
    },
    "activations.name_sigmoid": {"en": "sigmoid", "ko": "시그모이드"},
    "activations.name_tanh": {"en": "tanh", "ko": "하이퍼볼릭 탄젠트(tanh)"},
    "activations.name_relu": {"en": "ReLU", "ko": "렐루(ReLU)"},
    "activations.name_leaky_relu": {"en": "leaky ReLU", "ko": "리키 렐루(leaky ReLU)"},
    "activations.curves_heading": {"en": "The function and its derivative", "ko": "함수와 도함수"},
    "activations.chosen": {"en": "Activation functions (Keras names)", "ko": "활성화 함수 (케라스 이름)"},
    "activations.chosen_help": {
        "en": 'The names you pass to Keras: `Dense(64, activation="relu")`.',
        "ko": '케라스에 넘기는 이름입니다: `Dense(64, activation="relu")`.',
    },
    "activations.x_max": {"en": "Input range ±z", "ko": "입력 범위 ±z"},
    "activations.slope": {"en": "Leaky ReLU negative_slope α", "ko": "리키 렐루 negative_slope α"},
    "activations.slope_help": {
        "en": "Keras 3's name for the slope below zero. Its default is {function} in `keras.activations.leaky_relu` "
        '(and `activation="leaky_relu"`) but {layer} in the layer `keras.layers.LeakyReLU()`.',
        "ko": "0보다 작은 입력에 곱하는 기울기의 케라스 3 이름입니다. 기본값은 `keras.activations.leaky_relu`"
        '(그리고 `activation="leaky_relu"`)에서는 {function}, 층 `keras.layers.LeakyReLU()`에서는 {layer}입니다.',
    },
    "activations.none_chosen": {
        "en": "Pick at least one activation function to plot.",
        "ko": "그래프로 볼 활성화 함수를 하나 이상 고르세요.",
    },
    "activations.function_title": {"en": "Activation f(z)", "ko": "활성화 함수 f(z)"},
    "activations.derivative_title": {"en": "Derivative f′(z)", "ko": "도함수 f′(z)"},
    "activations.curves_explain": {
        "en": "**Saturation:** the sigmoid and tanh flatten out for large |z|: there the output barely changes and "
        "the derivative is almost 0, so almost no gradient flows back. The sigmoid's derivative is at most **0.25** "
        "(at z = 0) and its outputs are not centred on 0 (zig-zag updates); tanh is centred but saturates too. "
        "ReLU's derivative is exactly 1 for every positive z — that is why it is the usual choice for hidden layers — "
        "but 0 for negative z (a unit stuck there is 'dead'); leaky ReLU keeps a small slope α there.",
        "ko": "**포화:** 시그모이드와 tanh는 |z|가 크면 평평해집니다. 출력이 거의 변하지 않고 도함수가 0에 가까워 "
        "기울기가 거의 전달되지 않습니다. 시그모이드의 도함수는 최대 **0.25**(z = 0)이고, 출력의 평균이 0이 아니어서 "
        "탐색 경로가 지그재그가 됩니다. tanh는 평균이 0이 될 수 있지만 역시 포화됩니다. 렐루의 도함수는 양수 z에서 "
        "정확히 1이라서 은닉층의 대표적인 활성화 함수이지만, 음수 z에서는 0입니다(그 상태에 갇힌 뉴런은 '죽은' "
        "뉴런). 리키 렐루는 음수 쪽에 작은 기울기 α를 남깁니다.",
    },
    "activations.vanishing_heading": {"en": "Vanishing gradients through deep stacks", "ko": "깊은 층에서 기울기 소실"},
    "activations.depth": {"en": "Number of layers n", "ko": "층의 수 n"},
    "activations.weight": {"en": "Weight w in every layer", "ko": "각 층의 가중치 w"},
    "activations.weight_help": {
        "en": "A chain of one-unit layers a_k = f(w·a_(k−1)). Back-propagation multiplies w·f′(z_k) once per layer.",
        "ko": "뉴런 하나짜리 층을 이은 사슬 a_k = f(w·a_(k−1)) 입니다. 역전파는 층마다 w·f′(z_k) 를 한 번씩 곱합니다.",
    },
    "activations.x0": {"en": "Input a₀", "ko": "입력 a₀"},
    "activations.vanishing_title": {
        "en": "Gradient reaching the input after k layers (log scale)",
        "ko": "k개 층을 거쳐 입력까지 전달된 기울기 (로그 눈금)",
    },
    "activations.layer": {"en": "layer k", "ko": "층 k"},
    "activations.after_layers": {"en": "{label}: after {depth} layers", "ko": "{label}: {depth}개 층 이후"},
    "activations.vanishing_explain": {
        "en": "By the chain rule ∂a_n/∂a_0 = Π w·f′(z_k). With w = 1 each sigmoid factor is at most 0.25, so after "
        "{depth} layers the gradient is at most 0.25^{depth} ≈ {bound}: the first layers of a deep sigmoid network "
        "hardly learn. ReLU passes the gradient unchanged through active units (factor w·1). A gap in a line "
        "means the gradient became exactly 0 (a dead ReLU).",
        "ko": "연쇄 법칙에 따라 ∂a_n/∂a_0 = Π w·f′(z_k) 입니다. w = 1이면 시그모이드의 각 인수는 최대 0.25이므로 "
        "{depth}개 층 이후 기울기는 최대 0.25^{depth} ≈ {bound} 입니다. 깊은 시그모이드 신경망의 앞쪽 층은 거의 "
        "학습하지 못합니다. 렐루는 활성화된 뉴런에서 기울기를 그대로(인수 w·1) 전달합니다. 선이 끊긴 곳은 기울기가 "
        "정확히 0이 된 곳입니다(죽은 렐루).",
    },
    "activations.softmax_heading": {"en": "Softmax: scores into probabilities", "ko": "소프트맥스: 점수를 확률로"},
    "activations.logits": {"en": "Logits (scores of the output layer)", "ko": "로짓 (출력층의 점수)"},
    "activations.logits_help": {
        "en": "Up to 10 numbers separated by commas, one per class.",
        "ko": "클래스마다 하나씩, 쉼표로 구분한 숫자 최대 10개.",
    },
    "activations.temperature": {"en": "Temperature T", "ko": "온도 T"},
    "activations.temperature_help": {
        "en": "softmax(z / T). Keras's softmax is T = 1; T > 1 flattens, T < 1 sharpens.",
        "ko": "softmax(z / T). 케라스의 소프트맥스는 T = 1 입니다. T > 1 이면 평평해지고 T < 1 이면 뾰족해집니다.",
    },
    "activations.class_n": {"en": "class {n}", "ko": "클래스 {n}"},
    "activations.class": {"en": "class", "ko": "클래스"},
    "activations.logit": {"en": "logit z", "ko": "로짓 z"},
    "activations.scaled_logit": {"en": "z / T (T = {temperature})", "ko": "z / T (T = {temperature})"},
    "activations.probability": {"en": "probability", "ko": "확률"},
    "activations.softmax_title": {
        "en": "softmax(z / T) with T = {temperature} (outline: T = 1)",
        "ko": "T = {temperature} 일 때 softmax(z / T) (가로선: T = 1)",
    },
    "activations.softmax_title_plain": {
        "en": "softmax(z): Keras's softmax (T = 1)",
        "ko": "softmax(z): 케라스의 소프트맥스 (T = 1)",
    },
    "activations.softmax_explain": {
        "en": "p_i = exp(z_i / T) / Σ_j exp(z_j / T): every probability is between 0 and 1 and together they sum to "
        "**{total}** — which is why softmax is the output activation for multi-class classification "
        '(`Dense(10, activation="softmax")` in the course\'s Fashion-MNIST model). Adding the same number to every '
        "logit changes nothing.",
        "ko": "p_i = exp(z_i / T) / Σ_j exp(z_j / T): 각 확률은 0과 1 사이이고 모두 더하면 **{total}** 입니다. 그래서 "
        "소프트맥스는 다중 분류의 출력층 활성화 함수입니다(강의의 Fashion-MNIST 모델의 "
        '`Dense(10, activation="softmax")`). 모든 로짓에 같은 수를 더해도 결과는 변하지 않습니다.',
    },
    "activations.perceptron_heading": {"en": "The perceptron", "ko": "퍼셉트론"},
    "activations.perceptron_intro": {
        "en": "One artificial neuron: each input is multiplied by its weight (a large weight means an important "
        "input), the products are summed, the **bias** is added, and the activation function turns the sum into "
        "the output. Learning means changing w and b by gradient descent.",
        "ko": "인공 뉴런 하나: 각 입력에 가중치를 곱하고(가중치가 클수록 중요한 입력), 곱을 모두 더한 뒤 **편향**을 "
        "더하고, 활성화 함수가 그 합을 출력으로 바꿉니다. 학습이란 경사 하강법으로 w와 b를 바꾸는 것입니다.",
    },
    "activations.neuron_activation": {"en": "Activation of the neuron", "ko": "뉴런의 활성화 함수"},
    "activations.bias": {"en": "Bias b", "ko": "편향 b"},
    "activations.bias_help": {
        "en": "Shifts z: how easily the neuron activates, before any input arrives.",
        "ko": "z를 이동시킵니다. 입력이 들어오기 전에 뉴런이 얼마나 쉽게 활성화되는지를 정합니다.",
    },
    "activations.weighted_sum": {"en": "weighted sum z", "ko": "가중합 z"},
    "activations.output": {"en": "output a = f(z)", "ko": "출력 a = f(z)"},
    "activations.neuron_title": {"en": "Where z lands on the activation", "ko": "z가 활성화 함수의 어디에 놓이는지"},
    # ---------------------------------------------------------------- dropout
    "dropout.intro": {
        "en": "**Dropout** fights overfitting by switching off a random fraction `rate` of a layer's units at every "
        "training step, so the network cannot rely on any single unit. Keras uses *inverted* dropout: the units that "
        "stay are multiplied by 1/(1 − rate), so the expected output equals the input and nothing has to change at "
        "inference, where dropout does nothing.",
        "ko": "**드롭아웃**은 학습 단계마다 층의 뉴런 중 무작위로 `rate` 비율만큼을 비활성화해서 신경망이 특정 뉴런에 "
        "의존하지 못하게 하고 과적합을 막습니다. 케라스는 *역(inverted) 드롭아웃*을 씁니다: 남은 뉴런에 "
        "1/(1 − rate) 를 곱해 출력의 기댓값이 입력과 같아지므로, 드롭아웃이 아무것도 하지 않는 추론 때에는 바꿀 "
        "것이 없습니다.",
    },
    "dropout.rate": {"en": "Dropout rate", "ko": "드롭아웃 비율 (rate)"},
    "dropout.rate_help": {
        "en": "Fraction of units dropped: `Dropout(rate)`. The course notes use 0.3 and 0.5; 1.0 is not allowed.",
        "ko": "비활성화할 뉴런의 비율: `Dropout(rate)`. 강의 노트는 0.3과 0.5를 씁니다. 1.0은 허용되지 않습니다.",
    },
    "dropout.training": {"en": "Training (fit)", "ko": "학습 중 (fit)"},
    "dropout.training_help": {
        "en": "On: `training=True`, as inside model.fit. Off: inference, as in predict/evaluate — dropout does nothing.",
        "ko": "켜짐: model.fit 안처럼 `training=True`. 꺼짐: predict/evaluate 같은 추론 — 드롭아웃이 아무것도 하지 않습니다.",
    },
    "dropout.seed": {"en": "Random seed", "ko": "난수 시드"},
    "dropout.seed_help": {
        "en": "The same seed gives the same mask; it is part of the link, so a shared link shows this exact mask.",
        "ko": "같은 시드는 같은 마스크를 만듭니다. 시드는 링크에 들어가므로 공유한 링크는 이 마스크를 그대로 보여 줍니다.",
    },
    "dropout.resample": {"en": "Re-sample the mask (next step)", "ko": "마스크 다시 뽑기 (다음 단계)"},
    "dropout.use_keras": {"en": "Masks drawn by Keras", "ko": "케라스가 뽑은 마스크"},
    "dropout.use_keras_help": {
        "en": "Off: the app draws the masks with NumPy (instant) — same rule, other random numbers than Keras. "
        "On: the masks are the ones `keras.layers.Dropout(rate, seed)` draws (the code below gives exactly them); "
        "loading Keras takes a few seconds the first time.",
        "ko": "꺼짐: 앱이 NumPy로 마스크를 뽑습니다(즉시) — 규칙은 같지만 난수는 케라스와 다릅니다. 켜짐: "
        "`keras.layers.Dropout(rate, seed)`가 뽑는 바로 그 마스크입니다(아래 코드가 똑같이 만듭니다). 처음에는 "
        "케라스를 불러오느라 몇 초 걸립니다.",
    },
    "dropout.loading_keras": {"en": "Loading Keras…", "ko": "케라스를 불러오는 중…"},
    "dropout.code_scale": {
        "en": "kept units × 1/(1 − {rate}) = × {scale}, dropped → 0",
        "ko": "남은 뉴런 × 1/(1 − {rate}) = × {scale}, 비활성화된 뉴런 → 0",
    },
    "dropout.code_same_mask": {
        "en": "keeps {kept} of {n} units: the very mask shown above",
        "ko": "뉴런 {n}개 중 {kept}개를 남김: 위에 보인 바로 그 마스크",
    },
    "dropout.code_other_mask": {
        "en": "Keras draws its own random mask: not the NumPy mask above (switch on “Masks drawn by Keras”)",
        "ko": "케라스는 자기 난수로 마스크를 뽑습니다: 위의 NumPy 마스크와 다릅니다 (“케라스가 뽑은 마스크”를 켜 보세요)",
    },
    "dropout.code_in_model": {
        "en": "in a model (course notes): Flatten → Dropout → Dense",
        "ko": "모델 안에서 (강의 노트): Flatten → Dropout → Dense",
    },
    "dropout.code_fit_only": {
        "en": "a new mask at every training step (batch) of fit(); off in predict()/evaluate()",
        "ko": "fit()의 학습 단계(배치)마다 새 마스크; predict()/evaluate()에서는 꺼짐",
    },
    "dropout.units": {"en": "Units in the layer", "ko": "층의 뉴런 수"},
    "dropout.map_size": {"en": "Feature map size", "ko": "특성 맵 크기"},
    "dropout.samples": {"en": "Masks averaged for the expected value", "ko": "기댓값 확인에 평균 낼 마스크 수"},
    "dropout.samples_help": {
        "en": "How many independent training steps (masks) to average.",
        "ko": "평균 낼 서로 독립적인 학습 단계(마스크)의 수입니다.",
    },
    "dropout.mode": {"en": "mode", "ko": "모드"},
    "dropout.mode_training": {"en": "training", "ko": "학습"},
    "dropout.mode_inference": {"en": "inference", "ko": "추론"},
    "dropout.kept": {"en": "units kept", "ko": "남은 뉴런"},
    "dropout.scale": {"en": "scale of kept units", "ko": "남은 뉴런의 배율"},
    "dropout.sums": {
        "en": "Sum of the layer's values: {before} before dropout → {after} after.",
        "ko": "층의 값의 합: 드롭아웃 전 {before} → 후 {after}.",
    },
    "dropout.explain_training": {
        "en": "Each unit is kept with probability {keep} and dropped (set to 0) with probability {rate}. "
        "Kept units are multiplied by 1/(1 − {rate}) = **{scale}**, so on average the layer passes on as much "
        "signal as without dropout. Press *Re-sample* to see the next training step's mask.",
        "ko": "각 뉴런은 확률 {keep}로 남고 확률 {rate}로 비활성화(0)됩니다. 남은 뉴런에는 1/(1 − {rate}) = **{scale}** "
        "를 곱하므로, 평균적으로 층은 드롭아웃이 없을 때만큼의 신호를 전달합니다. *다시 뽑기*를 누르면 다음 학습 "
        "단계의 마스크를 볼 수 있습니다.",
    },
    "dropout.explain_inference": {
        "en": "At inference (predict, evaluate) Keras's Dropout layer is the identity: every unit passes unchanged, "
        "whatever the rate ({rate}). No rescaling is needed, because training already scaled the kept units up.",
        "ko": "추론(predict, evaluate) 때 케라스의 Dropout 층은 항등 함수입니다. 비율({rate})과 상관없이 모든 뉴런이 "
        "그대로 통과합니다. 학습 때 이미 남은 뉴런을 키워 두었으므로 다시 조정할 필요가 없습니다.",
    },
    "dropout.units_title": {
        "en": "A layer of units after dropout (colour and number = output)",
        "ko": "드롭아웃을 거친 층의 뉴런 (색과 숫자 = 출력)",
    },
    "dropout.kept_label": {"en": "kept", "ko": "유지"},
    "dropout.dropped_label": {"en": "dropped", "ko": "비활성화"},
    "dropout.input": {"en": "input", "ko": "입력"},
    "dropout.output": {"en": "output", "ko": "출력"},
    "dropout.map_heading": {"en": "Dropout on a feature map", "ko": "특성 맵에 적용한 드롭아웃"},
    "dropout.map_input": {"en": "input feature map", "ko": "입력 특성 맵"},
    "dropout.map_mask": {"en": "mask (1 = kept)", "ko": "마스크 (1 = 유지)"},
    "dropout.map_output": {"en": "output", "ko": "출력"},
    "dropout.map_caption": {
        "en": "`Dropout` drops single values of the feature map independently (output = input × mask × {scale}). "
        "Hover a cell for its value.",
        "ko": "`Dropout`은 특성 맵의 값을 하나하나 독립적으로 비활성화합니다 (출력 = 입력 × 마스크 × {scale}). "
        "칸 위에 마우스를 올리면 값이 보입니다.",
    },
    "dropout.expected_heading": {"en": "Expected value check", "ko": "기댓값 확인"},
    "dropout.mean_input": {"en": "mean input", "ko": "입력 평균"},
    "dropout.mean_outputs": {"en": "mean of {samples} masks", "ko": "마스크 {samples}개 평균"},
    "dropout.max_error": {"en": "max |average − input|", "ko": "최대 |평균 − 입력|"},
    "dropout.expected_title": {
        "en": "Each unit's input vs its output averaged over {samples} training masks",
        "ko": "각 뉴런의 입력과 학습 마스크 {samples}개에 대한 출력 평균",
    },
    "dropout.mean_label": {"en": "average of {samples} outputs", "ko": "출력 {samples}개의 평균"},
    "dropout.unit": {"en": "unit", "ko": "뉴런"},
    "dropout.value": {"en": "value", "ko": "값"},
    "dropout.expected_explain": {
        "en": "E[output] = (1 − rate) · x/(1 − rate) + rate · 0 = x: averaged over many masks, each unit's output "
        "approaches its input (more masks → closer). That is why the network trained with dropout can be used "
        "without it.",
        "ko": "E[출력] = (1 − rate) · x/(1 − rate) + rate · 0 = x: 많은 마스크에 대해 평균하면 각 뉴런의 출력이 입력에 "
        "가까워집니다 (마스크가 많을수록 더 가까워짐). 그래서 드롭아웃으로 학습한 신경망을 드롭아웃 없이 사용할 수 "
        "있습니다.",
    },
    # ---------------------------------------------------------------- optimizers
    "optimizers.intro": {
        "en": "An **optimizer** is the rule that turns the gradient of the loss into a step for the weights, to reach "
        "the minimum loss quickly and stably. Here the 'weights' are just two numbers (x, y), so you can watch each "
        "optimizer's path on a 2-D loss surface. Every path is exactly what `keras.optimizers` computes step by step "
        "for the same gradients (the tests check it).",
        "ko": "**옵티마이저**는 손실 함수의 기울기를 가중치의 이동으로 바꾸는 규칙으로, 최소 손실에 빠르고 안정적으로 "
        "도달하는 것이 목표입니다. 여기서 '가중치'는 두 개의 숫자 (x, y) 뿐이라서 2차원 손실 곡면 위에서 각 "
        "옵티마이저의 경로를 볼 수 있습니다. 모든 경로는 같은 기울기에 대해 `keras.optimizers`가 한 단계씩 계산하는 "
        "값과 정확히 같습니다(테스트로 확인).",
    },
    "optimizers.surface": {"en": "Loss surface", "ko": "손실 곡면"},
    "optimizers.surface_bowl": {"en": "Elongated bowl", "ko": "길쭉한 그릇"},
    "optimizers.surface_rosenbrock": {"en": "Rosenbrock (curved valley)", "ko": "로젠브록 (휘어진 골짜기)"},
    "optimizers.surface_beale": {"en": "Beale (plateaus and cliffs)", "ko": "빌 (평지와 절벽)"},
    "optimizers.surface_saddle": {"en": "Saddle point", "ko": "안장점"},
    "optimizers.surface_himmelblau": {"en": "Himmelblau (four minima)", "ko": "히멜블라우 (최소값 4개)"},
    "optimizers.conditioning": {"en": "Conditioning κ of the bowl", "ko": "그릇의 조건수 κ"},
    "optimizers.conditioning_help": {
        "en": "f = ½(x² + κy²): the y direction is κ times steeper than x. Large κ = narrow valley, where plain SGD "
        "zig-zags (or blows up when lr·κ > 2).",
        "ko": "f = ½(x² + κy²): y 방향이 x 방향보다 κ배 가파릅니다. κ가 크면 좁은 골짜기가 되어 SGD가 지그재그로 "
        "움직이거나 lr·κ > 2 이면 발산합니다.",
    },
    "optimizers.section_race": {"en": "The race on a loss surface", "ko": "손실 곡면 위의 경주"},
    "optimizers.section_batch": {"en": "Batch size", "ko": "배치 크기"},
    "optimizers.racers": {"en": "Optimizers in the race", "ko": "경주에 참가하는 옵티마이저"},
    "optimizers.racer_sgd": {"en": "SGD", "ko": "SGD"},
    "optimizers.racer_momentum": {"en": "Momentum", "ko": "모멘텀"},
    "optimizers.racer_nesterov": {"en": "Nesterov", "ko": "네스테로프"},
    "optimizers.racer_adagrad": {"en": "AdaGrad", "ko": "AdaGrad"},
    "optimizers.racer_rmsprop": {"en": "RMSProp", "ko": "RMSProp"},
    "optimizers.racer_adam": {"en": "Adam", "ko": "Adam"},
    "optimizers.start_x": {"en": "Start x", "ko": "시작점 x"},
    "optimizers.start_y": {"en": "Start y", "ko": "시작점 y"},
    "optimizers.steps": {"en": "Steps", "ko": "단계 수"},
    "optimizers.step": {"en": "Show step", "ko": "보여 줄 단계"},
    "optimizers.step_help": {
        "en": "The paths are drawn up to this step, and the optimizers' state below is shown at this step. "
        "The ▶ button under the plot animates all steps.",
        "ko": "경로를 이 단계까지 그리고, 아래의 옵티마이저 상태를 이 단계에서 보여 줍니다. 그래프 아래 ▶ 버튼은 전체 "
        "단계를 애니메이션으로 보여 줍니다.",
    },
    "optimizers.step_short": {"en": "step", "ko": "단계"},
    "optimizers.hyper_heading": {"en": "Hyper-parameters (Keras names)", "ko": "하이퍼파라미터 (케라스 이름)"},
    "optimizers.suggest": {"en": "Suggested learning rates for this surface", "ko": "이 곡면에 맞는 추천 학습률"},
    "optimizers.suggest_help": {
        "en": "Sets every optimizer's learning rate (and the start point) to values that work on this surface. "
        "Choosing another surface does this too.",
        "ko": "모든 옵티마이저의 학습률(과 시작점)을 이 곡면에서 잘 동작하는 값으로 바꿉니다. 다른 곡면을 고를 때도 "
        "이렇게 바뀝니다.",
    },
    "optimizers.help_learning_rate": {
        "en": "The step size lr. Keras's defaults are 0.01 for SGD and 0.001 for the others.",
        "ko": "이동 크기 lr(학습률). 케라스의 기본값은 SGD 0.01, 나머지는 0.001 입니다.",
    },
    "optimizers.help_momentum": {
        "en": "How much of the previous step is kept (inertia): v ← momentum·v − lr·g. 0 is plain SGD.",
        "ko": "이전 이동을 얼마나 유지할지(관성): v ← momentum·v − lr·g. 0이면 일반 SGD 입니다.",
    },
    "optimizers.help_rho": {
        "en": "Decay of the moving average of g²: v ← ρ·v + (1 − ρ)·g². Keras default 0.9.",
        "ko": "g² 이동 평균(지수 가중 평균)의 감쇠율: v ← ρ·v + (1 − ρ)·g². 케라스 기본값 0.9.",
    },
    "optimizers.help_beta_1": {
        "en": "Decay of the first moment (the momentum part of Adam). Keras default 0.9.",
        "ko": "1차 모멘트(Adam의 모멘텀 부분)의 감쇠율. 케라스 기본값 0.9.",
    },
    "optimizers.help_beta_2": {
        "en": "Decay of the second moment (the RMSProp part of Adam). Keras default 0.999.",
        "ko": "2차 모멘트(Adam의 RMSProp 부분)의 감쇠율. 케라스 기본값 0.999.",
    },
    "optimizers.help_epsilon": {
        "en": "Small constant in the denominator that avoids dividing by 0. Keras default 1e-7.",
        "ko": "0으로 나누는 것을 막는 분모의 작은 상수. 케라스 기본값 1e-7.",
    },
    "optimizers.help_initial_accumulator_value": {
        "en": "Starting value of AdaGrad's sum of squared gradients. Keras default 0.1.",
        "ko": "AdaGrad의 기울기 제곱 합의 시작 값. 케라스 기본값 0.1.",
    },
    "optimizers.none_chosen": {
        "en": "Pick at least one optimizer to see its path.",
        "ko": "경로를 보려면 옵티마이저를 하나 이상 고르세요.",
    },
    "optimizers.loss": {"en": "loss f", "ko": "손실 f"},
    "optimizers.minimum": {"en": "minimum", "ko": "최소점"},
    "optimizers.trajectory_caption": {
        "en": "Contours of the loss (darker = lower, log-spaced levels; hover for values), each optimizer's path up to "
        "the chosen step, stars at the minima. Press ▶ to animate.",
        "ko": "손실의 등고선(어두울수록 낮음, 로그 간격; 마우스를 올리면 값 표시), 선택한 단계까지 각 옵티마이저의 "
        "경로, 별은 최소점입니다. ▶를 누르면 애니메이션이 재생됩니다.",
    },
    "optimizers.diverged": {
        "en": "{name} diverged at step {step}: the learning rate is too large for this surface (its path leaves the "
        "plot). Lower its learning_rate.",
        "ko": "{name}이(가) {step}단계에서 발산했습니다. 이 곡면에 비해 학습률이 너무 큽니다(경로가 그래프를 벗어남). "
        "learning_rate를 낮추세요.",
    },
    "optimizers.loss_title": {
        "en": "Loss above the minimum per step (log scale)",
        "ko": "단계별 최소값 대비 손실 (로그 눈금)",
    },
    "optimizers.optimizer": {"en": "optimizer", "ko": "옵티마이저"},
    "optimizers.position": {"en": "position (x, y)", "ko": "위치 (x, y)"},
    "optimizers.state_heading": {
        "en": "What each optimizer remembers, at step {step}",
        "ko": "{step}단계에서 각 옵티마이저가 기억하는 것",
    },
    "optimizers.quantity": {"en": "at this step", "ko": "이 단계의 값"},
    "optimizers.gradient": {"en": "gradient g", "ko": "기울기 g"},
    "optimizers.step_size": {"en": "step factor (× g)", "ko": "이동 배율 (× g)"},
    "optimizers.no_state": {
        "en": "No state: every step is −lr·g, with the same lr for both coordinates.",
        "ko": "상태 없음: 매 단계 이동은 −lr·g 이고 두 좌표에 같은 lr을 씁니다.",
    },
    "optimizers.note_sgd": {
        "en": "steps straight down the current gradient, w ← w − lr·g. Steep directions get big steps, flat ones "
        "tiny steps: in a narrow valley it zig-zags.",
        "ko": "현재 기울기 방향으로 곧장 내려갑니다, w ← w − lr·g. 가파른 방향은 크게, 평평한 방향은 작게 움직여서 "
        "좁은 골짜기에서는 지그재그가 됩니다.",
    },
    "optimizers.note_momentum": {
        "en": "keeps a velocity v ← momentum·v − lr·g and moves by it: past steps add up along a consistent direction "
        "(like inertia) and cancel across a zig-zag, which can also carry it out of shallow local minima.",
        "ko": "속도 v ← momentum·v − lr·g 를 유지하며 그만큼 움직입니다. 일정한 방향의 이전 이동은 관성처럼 쌓이고 "
        "지그재그는 서로 상쇄되며, 얕은 지역 최소값에서 빠져나오게 도와줍니다.",
    },
    "optimizers.note_nesterov": {
        "en": "momentum that looks ahead: it moves by momentum·v − lr·g, correcting with the gradient before the "
        "velocity overshoots.",
        "ko": "앞을 내다보는 모멘텀입니다. momentum·v − lr·g 만큼 움직여 속도가 지나치기 전에 기울기로 보정합니다.",
    },
    "optimizers.note_adagrad": {
        "en": "sums every squared gradient per coordinate in an accumulator and divides the step by its square root: "
        "coordinates that moved a lot slow down. The sum only grows, so its steps shrink towards 0.",
        "ko": "좌표마다 모든 기울기의 제곱을 누적(accumulator)하고 그 제곱근으로 이동을 나눕니다. 많이 변한 좌표는 "
        "느려집니다. 누적 합은 커지기만 하므로 이동이 점점 0에 가까워집니다.",
    },
    "optimizers.note_rmsprop": {
        "en": "like AdaGrad but with an exponentially weighted average of g² (velocity, decay ρ): old gradients fade, so "
        "the steps do not die out and it learns longer.",
        "ko": "AdaGrad와 비슷하지만 g²의 지수 가중 평균(velocity, 감쇠율 ρ)을 씁니다. 오래된 기울기는 잊혀지므로 "
        "이동이 사라지지 않고 더 오래 학습합니다.",
    },
    "optimizers.note_adam": {
        "en": "Momentum + RMSProp: a first moment m (average gradient, the inertia) divided by the root of a second "
        "moment v (average g²), with a bias correction for the first steps. The most used optimizer.",
        "ko": "모멘텀 + RMSProp: 1차 모멘트 m(기울기의 평균, 관성)을 2차 모멘트 v(g²의 평균)의 제곱근으로 나누고, "
        "초기 단계에는 편향 보정을 합니다. 가장 많이 사용되는 옵티마이저입니다.",
    },
    "optimizers.slot_sgd_momentum": {"en": "velocity v", "ko": "속도 v"},
    "optimizers.slot_adagrad_accumulator": {"en": "accumulator Σg²", "ko": "누적값 Σg²"},
    "optimizers.slot_rmsprop_velocity": {"en": "velocity (average of g²)", "ko": "velocity (g²의 평균)"},
    "optimizers.slot_rmsprop_momentum": {"en": "momentum", "ko": "모멘텀"},
    "optimizers.slot_rmsprop_average_gradient": {"en": "average gradient", "ko": "기울기 평균"},
    "optimizers.slot_adam_momentum": {"en": "first moment m", "ko": "1차 모멘트 m"},
    "optimizers.slot_adam_velocity": {"en": "second moment v", "ko": "2차 모멘트 v"},
    "optimizers.slot_adam_velocity_hat": {"en": "max of v (amsgrad)", "ko": "v의 최댓값 (amsgrad)"},
    # ---------------------------------------------------------------- optimizers: batch size
    "optimizers.batch_heading": {
        "en": "Batch size: one sample, a mini-batch, the whole data set",
        "ko": "배치 크기: 샘플 한 건, 미니 배치, 전체 데이터",
    },
    "optimizers.batch_intro": {
        "en": "A real network's gradient is an average over samples. Here a straight line ŷ = w·x + b (one "
        "`Dense(1)`) is fitted to N = {n} points with the mean squared error, and each step uses the gradient of "
        "**one batch** only. `batch_size=1` is stochastic gradient descent in the strict sense (one sample per step: "
        "fast but noisy); a **mini-batch** (`model.fit`'s default `batch_size=32`) averages the noise away; "
        "`batch_size=N` is plain (full-batch) gradient descent: the exact gradient, one step per epoch. Same start, "
        "same learning rate, same shuffling seed. One **epoch** = one pass over the data = ceil(N / batch_size) "
        "steps: with 1000 samples and `batch_size=100`, an epoch is 10 steps of 100 samples.",
        "ko": "실제 신경망의 기울기는 샘플들에 대한 평균입니다. 여기서는 직선 ŷ = w·x + b (`Dense(1)` 하나)를 "
        "평균 제곱 오차로 N = {n}개의 점에 맞추며, 각 단계는 **배치 하나**의 기울기만 사용합니다. `batch_size=1`은 "
        "엄밀한 의미의 확률적 경사 하강법입니다(단계마다 샘플 한 건: 빠르지만 노이즈가 심함). **미니 배치** "
        "(`model.fit`의 기본값 `batch_size=32`)는 평균을 내어 노이즈를 줄이고, `batch_size=N`은 일반(전체 배치) "
        "경사 하강법으로 정확한 기울기로 에포크마다 한 단계씩 움직입니다. 시작점, 학습률, 섞는 시드는 모두 같습니다. "
        "**에포크** 하나 = 데이터 전체를 한 번 도는 것 = ceil(N / batch_size) 단계: 1,000건에 `batch_size=100`이면 "
        "한 에포크는 100건씩 10단계입니다.",
    },
    "optimizers.batch_sizes": {
        "en": "Batch sizes (`batch_size`; {n} = all samples, the full batch)",
        "ko": "배치 크기 (`batch_size`; {n} = 모든 샘플, 전체 배치)",
    },
    "optimizers.batch_label": {"en": "batch_size={size}", "ko": "batch_size={size}"},
    "optimizers.batch_steps": {"en": "Steps (updates)", "ko": "단계 수 (업데이트 횟수)"},
    "optimizers.batch_seed": {"en": "Shuffling seed", "ko": "섞는 시드"},
    "optimizers.batch_seed_help": {
        "en": "The order of the samples in each epoch (as `model.fit(shuffle=True)`); the same seed gives the same "
        "batches.",
        "ko": "에포크마다 샘플을 섞는 순서입니다(`model.fit(shuffle=True)`처럼). 시드가 같으면 배치도 같습니다.",
    },
    "optimizers.batch_caption": {
        "en": "Contours of the mean squared error over all {n} samples in the (w, b) plane, and each batch size's "
        "path. The star is the least-squares line. Small batches zigzag around the path of the full batch.",
        "ko": "모든 {n}개 샘플에 대한 평균 제곱 오차의 (w, b) 평면 등고선과 배치 크기별 경로입니다. 별은 최소 제곱 "
        "직선입니다. 작은 배치는 전체 배치의 경로 주위에서 지그재그로 움직입니다.",
    },
    "optimizers.batch_loss_title": {
        "en": "Loss on all samples above the minimum, per step (log scale)",
        "ko": "단계별 전체 샘플 손실의 최소값 대비 차이 (로그 눈금)",
    },
    "optimizers.batch_per_epoch": {"en": "steps per epoch", "ko": "에포크당 단계"},
    "optimizers.batch_epochs": {"en": "epochs run", "ko": "진행한 에포크"},
    "optimizers.batch_noise": {
        "en": "gradient noise |g_batch − g_all|",
        "ko": "기울기 노이즈 |g_batch − g_all|",
    },
    "optimizers.batch_final_loss": {"en": "loss − minimum at the end", "ko": "마지막 손실 − 최소값"},
    "optimizers.batch_none": {
        "en": "Pick at least one batch size to see its path.",
        "ko": "경로를 보려면 배치 크기를 하나 이상 고르세요.",
    },
    "optimizers.batch_code_comment": {
        "en": "# the same batch sizes in Keras: x has shape ({n}, 1), y has shape ({n}, 1)",
        "ko": "# 케라스에서 같은 배치 크기: x의 모양은 ({n}, 1), y의 모양은 ({n}, 1)",
    },
    "optimizers.batch_code_epochs": {
        "en": "# {steps} steps of batch_size={size} = {epochs:g} epochs",
        "ko": "# batch_size={size}로 {steps}단계 = {epochs:g} 에포크",
    },
}
