"""After training: run pickers (ui/runs.py), Evaluate & look inside, Save & restore, Compare runs."""

TEXTS = {
    # ------------------------------------------------------------------------------------------ run pickers
    "runs.none": {
        "en": "No trained model in this session yet. Train one in the training lab (the Quick preset takes about "
        "a minute), or restore a saved model on the Save & restore page — then come back here.",
        "ko": "이 세션에는 아직 학습된 모델이 없습니다. 학습 실험실에서 모델을 학습시키거나(빠르게 프리셋은 약 1분), "
        "저장과 복원 페이지에서 저장된 모델을 복원한 뒤 다시 오세요.",
    },
    "runs.none_restore_below": {
        "en": "No trained model in this session yet. Train one in the training lab (the Quick preset takes about "
        "a minute), or restore a saved model below.",
        "ko": "이 세션에는 아직 학습된 모델이 없습니다. 학습 실험실에서 모델을 학습시키거나(빠르게 프리셋은 약 1분), "
        "아래에서 저장된 모델을 복원하세요.",
    },
    "runs.to_lab": {"en": "Go to the training lab", "ko": "학습 실험실로 가기"},
    "runs.pick": {"en": "Run", "ko": "실행"},
    "runs.pick_many": {"en": "Runs to compare", "ko": "비교할 실행"},
    "runs.val_acc": {"en": "val. acc. {value}", "ko": "검증 정확도 {value}"},
    "runs.status.finished": {"en": "finished", "ko": "완료"},
    "runs.status.stopped": {"en": "stopped", "ko": "중지됨"},
    "runs.status.early_stopped": {"en": "early stopped", "ko": "조기 종료"},
    "runs.status.failed": {"en": "failed", "ko": "실패"},
    "runs.status.restored": {"en": "restored", "ko": "복원됨"},
    # ------------------------------------------------------------------------------------------ evaluate
    "evaluate.intro": {
        "en": "How good is the trained model on images it has **never seen** — the 10 000 test images? Then look "
        "inside: what the model predicts for one image (the softmax output and its argmax, as in the course "
        "notes), and what its **filters** and **feature maps** respond to.",
        "ko": "학습된 모델이 **한 번도 보지 못한** 테스트 이미지 10,000장에서 얼마나 잘 맞히는지 확인합니다. 그리고 "
        "모델 안을 들여다봅니다. 이미지 한 장에 대한 예측(강의 노트처럼 소프트맥스 출력과 argmax), 그리고 "
        "**필터**와 **특성 맵**이 무엇에 반응하는지 봅니다.",
    },
    "evaluate.progress_evaluate": {
        "en": "Evaluating on the test set (model.evaluate)…",
        "ko": "테스트 세트로 평가하는 중(model.evaluate)…",
    },
    "evaluate.progress_predict": {
        "en": "Predicting every test image (model.predict)…",
        "ko": "모든 테스트 이미지를 예측하는 중(model.predict)…",
    },
    "evaluate.test_accuracy": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "evaluate.test_loss": {"en": "Test loss", "ko": "테스트 손실"},
    "evaluate.val_accuracy": {"en": "Validation accuracy (last epoch)", "ko": "검증 정확도(마지막 에포크)"},
    "evaluate.mistakes": {"en": "Wrong predictions (of {total})", "ko": "틀린 예측 ({total}장 중)"},
    "evaluate.val_vs_test": {
        "en": "Validation accuracy was measured during training on held-out training images; test accuracy on the "
        "separate test set. A large gap suggests the validation split was used too much for decisions.",
        "ko": "검증 정확도는 학습 중에 따로 떼어 둔 훈련 이미지로, 테스트 정확도는 별도의 테스트 세트로 잰 값입니다. "
        "차이가 크면 검증 세트에 맞춰 너무 많이 조정했을 수 있습니다.",
    },
    "evaluate.tab_test": {"en": "Test set", "ko": "테스트 세트"},
    "evaluate.tab_predict": {"en": "One prediction", "ko": "예측 하나"},
    "evaluate.tab_inside": {"en": "Inside the model", "ko": "모델 내부"},
    "evaluate.confusion_title": {"en": "Confusion matrix", "ko": "혼동 행렬"},
    "evaluate.confusion_help": {
        "en": "Row = the true class, column = the predicted class, cell = number of test images. The diagonal holds "
        "the correct predictions; a bright cell off the diagonal is a pair of classes the model mixes up "
        "(shirt vs T-shirt/top is the classic one).",
        "ko": "행 = 실제 클래스, 열 = 예측한 클래스, 칸 = 테스트 이미지 수. 대각선은 맞힌 예측이고, 대각선 밖의 밝은 "
        "칸은 모델이 헷갈리는 클래스 쌍입니다(셔츠와 티셔츠/탑이 대표적).",
    },
    "evaluate.predicted": {"en": "Predicted class", "ko": "예측한 클래스"},
    "evaluate.true": {"en": "True class", "ko": "실제 클래스"},
    "evaluate.images": {"en": "images", "ko": "이미지 수"},
    "evaluate.per_class_title": {"en": "Accuracy per class", "ko": "클래스별 정확도"},
    "evaluate.accuracy": {"en": "Accuracy", "ko": "정확도"},
    "evaluate.mistakes_title": {"en": "The most confident mistakes", "ko": "가장 확신한 오답"},
    "evaluate.mistakes_count": {"en": "How many to show", "ko": "표시할 개수"},
    "evaluate.mistakes_help": {
        "en": "Wrong predictions sorted by the probability the model gave its (wrong) answer, highest first. "
        "Some are honest mistakes; some test labels are debatable.",
        "ko": "모델이 (틀린) 답에 준 확률이 높은 순서로 정렬한 오답입니다. 진짜 실수도 있고, 정답 레이블이 애매한 "
        "이미지도 있습니다.",
    },
    "evaluate.mistake_caption": {
        "en": "#{index}: true **{true}**, predicted **{predicted}** ({p})",
        "ko": "#{index}: 실제 **{true}**, 예측 **{predicted}** ({p})",
    },
    "evaluate.image_index": {"en": "Test image number", "ko": "테스트 이미지 번호"},
    "evaluate.image_index_help": {
        "en": "0 … 9999. Use − / + to page through the test set.",
        "ko": "0 … 9999. − / + 로 테스트 세트를 한 장씩 넘겨 보세요.",
    },
    "evaluate.true_label": {"en": "True class: {label}", "ko": "실제 클래스: {label}"},
    "evaluate.correct": {"en": "Predicted **{label}** ({p}) — correct.", "ko": "예측: **{label}** ({p}) — 정답."},
    "evaluate.wrong": {"en": "Predicted **{label}** ({p}) — wrong.", "ko": "예측: **{label}** ({p}) — 오답."},
    "evaluate.class": {"en": "Class", "ko": "클래스"},
    "evaluate.probability": {"en": "Probability", "ko": "확률"},
    "evaluate.softmax_title": {
        "en": "Softmax output for test image #{index}",
        "ko": "테스트 이미지 #{index}의 소프트맥스 출력",
    },
    "evaluate.softmax_help": {
        "en": "The output layer's softmax turns 10 scores into probabilities that sum to 1. The prediction is the "
        "argmax — the tallest bar (vermillion). The true class has a green outline.",
        "ko": "출력층의 소프트맥스가 점수 10개를 합이 1인 확률로 바꿉니다. 예측은 argmax, 즉 가장 높은 막대(주황)"
        "입니다. 실제 클래스는 초록 테두리로 표시합니다.",
    },
    "evaluate.source": {"en": "Image to look at", "ko": "살펴볼 이미지"},
    "evaluate.source_test": {"en": "Test image", "ko": "테스트 이미지"},
    "evaluate.source_upload": {"en": "My own photo", "ko": "내 사진"},
    "evaluate.source_sample": {"en": "Sample photo", "ko": "샘플 사진"},
    "evaluate.source_test_help": {
        "en": "Test image #{index} (change it in the “One prediction” tab).",
        "ko": "테스트 이미지 #{index} (“예측 하나” 탭에서 바꿀 수 있습니다).",
    },
    "evaluate.source_draw": {"en": "Draw your own", "ko": "직접 그리기"},
    "evaluate.draw_help": {
        "en": "Draw one piece of clothing with the mouse (or a finger): a T-shirt, trousers, a bag, a shoe… "
        "Then press ⬆ above the square to classify it.",
        "ko": "마우스(또는 손가락)로 옷 한 벌을 그려 보세요: 티셔츠, 바지, 가방, 신발… 그다음 사각형 위의 ⬆ 버튼을 "
        "누르면 분류합니다.",
    },
    "evaluate.draw_hint": {
        "en": "Draw on the white square, then press ⬆: your drawing is turned into a 28×28 Fashion-MNIST item and "
        "your model classifies it.",
        "ko": "흰 사각형에 그린 뒤 ⬆ 버튼을 누르세요. 그림을 28×28 Fashion-MNIST 이미지로 바꾼 뒤 내 모델이 "
        "분류합니다.",
    },
    "evaluate.draw_title": {
        "en": "**From your drawing to a Fashion-MNIST item**",
        "ko": "**내 그림에서 Fashion-MNIST 이미지로**",
    },
    "evaluate.step_draw_grayscale": {"en": "1. grayscale", "ko": "1. 흑백 변환"},
    "evaluate.step_draw_cropped": {"en": "2. cropped and centred", "ko": "2. 잘라서 가운데로"},
    "evaluate.step_draw_resized": {"en": "3. resized to 28×28", "ko": "3. 28×28로 줄이기"},
    "evaluate.step_draw_inverted": {"en": "4. inverted", "ko": "4. 반전"},
    "evaluate.step_draw_scaled": {"en": "5. ÷ 255 (0 … 1)", "ko": "5. ÷ 255 (0 … 1)"},
    "evaluate.draw_steps_help": {
        "en": "Like the dataset: cropped to the ink and centred in a square, shrunk so the longer side fills 28 pixels, "
        "inverted to light on black. The model gets step 4 (pixels 0 … 255); its Rescaling(1/255) layer makes step 5.",
        "ko": "데이터셋처럼: 그린 부분만 잘라 정사각형 가운데 두고, 긴 변이 28픽셀이 되게 줄이고, 검은 배경의 밝은 "
        "물체로 반전합니다. 모델은 4단계(픽셀 0 … 255)를 받고, Rescaling(1/255) 층이 5단계를 만듭니다.",
    },
    "evaluate.draw_softmax_title": {"en": "Your model on your drawing", "ko": "내 그림에 대한 내 모델의 출력"},
    "evaluate.photo_softmax_title": {"en": "Your model on this photo", "ko": "이 사진에 대한 내 모델의 출력"},
    "evaluate.upload": {"en": "Upload a photo of a piece of clothing", "ko": "옷 사진 올리기"},
    "evaluate.photo_blank": {
        "en": "Nothing stands out from the background of this picture (one flat colour, or fully transparent), so "
        "the model sees an all-black 28 × 28 image and its answer below means little. Try a photo of one piece of "
        "clothing on a plain background.",
        "ko": "이 사진에는 배경과 구별되는 물체가 없습니다(한 가지 색이거나 완전히 투명함). 그래서 모델은 "
        "온통 검은 28 × 28 이미지를 보게 되고, 아래 답은 별 의미가 없습니다. 단색 배경 위의 옷 한 벌 사진을 "
        "올려 보세요.",
    },
    "evaluate.upload_hint": {
        "en": "A photo of one item on a plain background works best. It is converted to a 28×28 grey image like "
        "Fashion-MNIST (the steps are shown).",
        "ko": "단색 배경 위의 옷 한 벌 사진이 가장 좋습니다. Fashion-MNIST처럼 28×28 흑백 이미지로 변환하며 그 과정을 "
        "보여 줍니다.",
    },
    "evaluate.sample": {"en": "Sample", "ko": "샘플"},
    "evaluate.downscaled": {
        "en": "The photo ({h}×{w} pixels) was shrunk before the conversion.",
        "ko": "사진({h}×{w} 픽셀)을 변환 전에 줄였습니다.",
    },
    "evaluate.model_sees": {"en": "What the model sees (28×28)", "ko": "모델이 보는 이미지(28×28)"},
    "evaluate.prediction": {"en": "Prediction: **{label}** ({p})", "ko": "예측: **{label}** ({p})"},
    "evaluate.conversion_title": {
        "en": "**From photo to Fashion-MNIST item**",
        "ko": "**사진에서 Fashion-MNIST 이미지로**",
    },
    "evaluate.step_original": {"en": "original", "ko": "원본"},
    "evaluate.step_grayscale": {"en": "1. grayscale", "ko": "1. 흑백 변환"},
    "evaluate.step_inverted": {"en": "2. dark background", "ko": "2. 배경을 검게"},
    "evaluate.step_cropped": {"en": "3. cropped to the object", "ko": "3. 물체만 자르기"},
    "evaluate.step_fitted": {"en": "4. fitted into 28×28", "ko": "4. 28×28에 맞추기"},
    "evaluate.conversion_help": {
        "en": "Fashion-MNIST items are light objects on black, centred, 28×28. A photo far from that (busy background, "
        "several objects) will fool the model — that is a lesson about training data, not a bug.",
        "ko": "Fashion-MNIST 이미지는 검은 배경 위의 밝은 물체가 가운데 놓인 28×28 이미지입니다. 이와 많이 다른 사진"
        "(복잡한 배경, 여러 물체)은 모델을 속입니다. 버그가 아니라 학습 데이터에 관한 교훈입니다.",
    },
    "evaluate.no_conv": {
        "en": "This model has no convolution or pooling layers (an MLP), so there are no feature maps to show.",
        "ko": "이 모델에는 합성곱 층이나 풀링 층이 없어서(MLP) 보여 줄 특성 맵이 없습니다.",
    },
    "evaluate.maps_title": {"en": "**Feature maps, layer by layer**", "ko": "**층별 특성 맵**"},
    "evaluate.layer_maps": {
        "en": "Output of this layer: {c} feature maps of {h}×{w} (one per filter).",
        "ko": "이 층의 출력: {h}×{w} 특성 맵 {c}개(필터마다 하나).",
    },
    "evaluate.filter": {"en": "filter", "ko": "필터"},
    "evaluate.maps_help": {
        "en": "One small map per filter: bright = the filter found its pattern there. Early layers keep the picture "
        "(edges, outlines); after each pooling the maps get smaller and more abstract.",
        "ko": "필터마다 작은 맵 하나: 밝을수록 그 자리에서 필터가 자기 패턴을 찾았다는 뜻입니다. 앞쪽 층은 그림(윤곽, "
        "가장자리)을 유지하고, 풀링을 거칠 때마다 맵이 작아지고 추상적으로 변합니다.",
    },
    "evaluate.filters_title": {
        "en": "**Learned filters of the first layer** ({name}, {kh}×{kw} kernels)",
        "ko": "**첫 번째 층이 학습한 필터** ({name}, {kh}×{kw} 커널)",
    },
    "evaluate.filters_help": {
        "en": "The kernel weights after training: red positive, blue negative, white zero. Each filter is "
        "cross-correlated with the image (Keras's Conv2D) to make one feature map above.",
        "ko": "학습이 끝난 커널 가중치: 빨강은 양수, 파랑은 음수, 흰색은 0. 각 필터를 이미지와 합성곱(케라스 Conv2D는 "
        "실제로는 교차 상관)해서 위의 특성 맵 하나를 만듭니다.",
    },
    "evaluate.mean_activation": {"en": "Mean activation", "ko": "평균 활성값"},
    "evaluate.mean_activation_title": {
        "en": "Mean activation of each filter of {name} for this image",
        "ko": "이 이미지에 대한 {name} 필터별 평균 활성값",
    },
    # ------------------------------------------------------------------------------------------ save & restore
    "models.intro": {
        "en": "Keep a trained model and bring it back later, the two ways the course notes show: the **whole model** "
        "(`.keras`) or **its weights without the architecture** (`.weights.h5`). Downloads work for every run of this session; "
        "a restored model becomes a new run you can evaluate and compare.",
        "ko": "학습된 모델을 저장하고 나중에 복원합니다. 강의 노트의 두 가지 방법: **모델 전체**(`.keras`) 또는 "
        "**모델 구조 없이 가중치만**(`.weights.h5`). 이 세션의 모든 실행을 내려받을 수 있고, 복원한 모델은 평가하고 비교할 수 "
        "있는 새 실행이 됩니다.",
    },
    "models.keras_explained": {
        "en": "**`.keras` — the whole model** (`model.save`)\n\n"
        "- architecture + weights + compile settings (optimizer, loss, metrics) in one zip file\n"
        "- restore: `keras.models.load_model(file)` rebuilds a **compiled** model\n"
        "- `evaluate()` and `predict()` both work right away",
        "ko": "**`.keras` — 모델 전체** (`model.save`)\n\n"
        "- 모델 구조 + 가중치 + 컴파일 설정(옵티마이저, 손실, 지표)을 zip 파일 하나에 저장\n"
        "- 복원: `keras.models.load_model(file)`이 **컴파일된** 모델을 다시 만듭니다\n"
        "- `evaluate()`와 `predict()`를 바로 쓸 수 있습니다",
    },
    "models.weights_explained": {
        "en": "**`.weights.h5` — the weights, no architecture** (`model.save_weights`)\n\n"
        "- every layer's variables (kernels, biases, BatchNormalization's statistics) **and the optimizer's state** "
        "once it has trained (its step count, learning rate and per-weight moments: `optimizer/vars`); no "
        "architecture, no compile settings — see the file's tree below\n"
        "- restore: build a model of **the same architecture** first, then `model.load_weights(file)`: the layer "
        "weights come back; the optimizer's state only into a compiled model whose optimizer is already built "
        "(otherwise Keras skips it with a warning)\n"
        "- the restored model is **not compiled**: `predict()` works, `evaluate()` needs `compile()` first\n"
        "- Keras 3 (older notes say otherwise): the name must end in `.weights.h5` — `model.save_weights` and "
        "`ModelCheckpoint(save_weights_only=True)` refuse `.weights.hdf5` with a ValueError",
        "ko": "**`.weights.h5` — 가중치만, 모델 구조 없음** (`model.save_weights`)\n\n"
        "- 모든 층의 변수(커널, 편향, BatchNormalization의 통계)와, 학습을 한 뒤라면 **옵티마이저의 상태**(스텝 수, "
        "학습률, 가중치마다의 모멘트: `optimizer/vars`)를 저장합니다. 모델 구조와 컴파일 설정은 없습니다 — 아래 "
        "파일 구조를 보세요\n"
        "- 복원: **같은 구조**의 모델을 먼저 만든 뒤 `model.load_weights(file)`: 층의 가중치가 돌아옵니다. "
        "옵티마이저 상태는 옵티마이저가 이미 만들어진 컴파일된 모델에만 들어가고, 아니면 케라스가 경고와 함께 "
        "건너뜁니다\n"
        "- 복원한 모델은 **컴파일되지 않은 상태**: `predict()`는 되지만 `evaluate()`는 먼저 `compile()`이 필요합니다\n"
        "- 케라스 3 (예전 노트와 다름): 파일 이름은 `.weights.h5`로 끝나야 합니다 — `model.save_weights`와 "
        "`ModelCheckpoint(save_weights_only=True)`는 `.weights.hdf5`를 ValueError로 거부합니다",
    },
    "models.inside_title": {"en": "What the files hold", "ko": "파일에 들어 있는 것"},
    "models.inside_help": {
        "en": "The files of run {run}, written just now by Keras and read back with h5py and zipfile: every group "
        "and array, with the Keras variable stored there.",
        "ko": "실행 {run}의 파일을 방금 케라스로 저장하고 h5py와 zipfile로 다시 읽은 것입니다: 모든 그룹과 배열, 그리고 "
        "거기 저장된 케라스 변수.",
    },
    "models.inside_weights": {
        "en": "`{run}.weights.h5` — {layers} numbers of layer weights, {optimizer} numbers of optimizer state",
        "ko": "`{run}.weights.h5` — 층 가중치 숫자 {layers}개, 옵티마이저 상태 숫자 {optimizer}개",
    },
    "models.inside_keras": {
        "en": "`{run}.keras` — a zip of {count} files; config.json: a {model} of {layers} layers, compiled with "
        "optimizer {optimizer}, loss {loss}; model.weights.h5 holds the same tree as the `.weights.h5` file",
        "ko": "`{run}.keras` — 파일 {count}개를 담은 zip. config.json: 층 {layers}개의 {model}, 옵티마이저 "
        "{optimizer}, 손실 {loss}로 컴파일. model.weights.h5에는 `.weights.h5` 파일과 같은 구조가 들어 있습니다",
    },
    "models.col_path": {"en": "path in the file", "ko": "파일 속 경로"},
    "models.col_shape": {"en": "shape", "ko": "형태"},
    "models.col_values": {"en": "numbers", "ko": "숫자 개수"},
    "models.col_variable": {"en": "Keras variable", "ko": "케라스 변수"},
    "models.col_bytes": {"en": "bytes", "ko": "바이트"},
    "models.col_file": {"en": "file in the zip", "ko": "zip 속 파일"},
    "models.not_compiled": {"en": "not compiled", "ko": "컴파일되지 않음"},
    "models.download_title": {"en": "Download a run", "ko": "실행 내려받기"},
    "models.download_help": {
        "en": "Files for run {run}. The training script reproduces the run on your own machine or in Colab.",
        "ko": "실행 {run}의 파일입니다. 학습 스크립트로 내 컴퓨터나 Colab에서 같은 학습을 재현할 수 있습니다.",
    },
    "models.download_keras": {"en": "Whole model (.keras)", "ko": "모델 전체 (.keras)"},
    "models.download_weights": {"en": "Weights only (.weights.h5)", "ko": "가중치만 (.weights.h5)"},
    "models.download_history": {"en": "History (.csv)", "ko": "학습 기록 (.csv)"},
    "models.download_script": {"en": "Training script (.py)", "ko": "학습 스크립트 (.py)"},
    "models.restore_title": {"en": "Restore a saved model", "ko": "저장된 모델 복원"},
    "models.checkpoint_title": {"en": "The best checkpoint of a run", "ko": "실행의 최고 체크포인트"},
    "models.checkpoint_explained": {
        "en": 'With ModelCheckpoint on, the lab trains with `ModelCheckpoint(filepath="best_model.keras", '
        "monitor=..., save_best_only=True)`: a fixed name, rewritten only when the monitored value improves, so the "
        "file holds **the best epoch's whole model** (`save_weights_only=False` → `.keras`). A name pattern keeps "
        'one file per epoch instead: `"weights.{epoch:02d}-{val_loss:.2f}.weights.h5"` with '
        "`save_weights_only=True` writes `weights.03-0.41.weights.h5` after epoch 3. Keras 3 requires `.keras` (or "
        "`.h5`) for whole models and `.weights.h5` for weights only: the older `.weights.hdf5` raises a ValueError.",
        "ko": 'ModelCheckpoint를 켜면 실험실은 `ModelCheckpoint(filepath="best_model.keras", monitor=..., '
        "save_best_only=True)`로 학습합니다. 이름이 고정되어 있고 모니터링 값이 좋아질 때만 다시 쓰므로, 파일에는 "
        "**가장 좋았던 에포크의 모델 전체**가 남습니다(`save_weights_only=False` → `.keras`). 이름 패턴을 쓰면 "
        "에포크마다 파일이 하나씩 생깁니다: `save_weights_only=True`와 "
        '`"weights.{epoch:02d}-{val_loss:.2f}.weights.h5"`는 3번째 에포크 뒤에 `weights.03-0.41.weights.h5`를 '
        "씁니다. 케라스 3에서는 모델 전체는 `.keras`(또는 `.h5`), 가중치만은 `.weights.h5`여야 하며, 예전의 "
        "`.weights.hdf5`는 ValueError를 냅니다.",
    },
    "models.checkpoint_of": {
        "en": "Run **{run}**: its ModelCheckpoint file holds the model of its best epoch ({monitor} = {value}, "
        "epoch {epoch}).",
        "ko": "실행 **{run}**: ModelCheckpoint 파일에는 가장 좋았던 에포크의 모델이 있습니다({monitor} = {value}, "
        "{epoch}번째 에포크).",
    },
    "models.checkpoint_none": {
        "en": "Run **{run}** has no checkpoint file here: ModelCheckpoint was off, or the run was restored from the "
        "run store after the server restarted (only the final model is kept there).",
        "ko": "**{run}** 실행에는 여기 체크포인트 파일이 없습니다: ModelCheckpoint가 꺼져 있었거나, 서버가 다시 시작된 "
        "뒤 실행 저장소에서 불러온 실행입니다(저장소에는 마지막 모델만 보관됩니다).",
    },
    "models.load_checkpoint": {"en": "Load the best checkpoint", "ko": "최고 체크포인트 불러오기"},
    "models.checkpoint_loaded": {
        "en": "Loaded the best checkpoint as the new run **{run}** — a compiled model, ready to evaluate.",
        "ko": "최고 체크포인트를 새 실행 **{run}**(으)로 불러왔습니다. 컴파일된 모델이라 바로 평가할 수 있습니다.",
    },
    "models.tab_weights": {"en": "From .weights.h5", "ko": ".weights.h5에서"},  # short: two tabs fit a phone
    "models.tab_keras": {"en": "From .keras", "ko": ".keras에서"},
    "models.weights_steps": {
        "en": "1. Choose the run whose **architecture** the weights belong to — the app builds that model.\n"
        "2. Upload the `.weights.h5` file.\n3. Restore: `model.load_weights(file)`.",
        "ko": "1. 가중치가 속한 **모델 구조**의 실행을 고릅니다. 앱이 그 모델을 만듭니다.\n"
        "2. `.weights.h5` 파일을 올립니다.\n3. 복원: `model.load_weights(file)`.",
    },
    "models.weights_need_run": {
        "en": "Weights need an architecture to go into: train a run in the training lab first (the weights must come "
        "from a model with the same layers).",
        "ko": "가중치를 넣을 모델 구조가 필요합니다. 먼저 학습 실험실에서 실행을 하나 학습시키세요(가중치는 같은 층을 가진 "
        "모델에서 나온 것이어야 합니다).",
    },
    "models.architecture_of": {"en": "Architecture of run", "ko": "모델 구조를 가져올 실행"},
    "models.weights_file": {"en": "Weights file (.weights.h5)", "ko": "가중치 파일 (.weights.h5)"},
    "models.restore_weights": {"en": "Restore weights", "ko": "가중치 복원"},
    "models.restoring": {
        "en": "Building the model and loading the weights…",
        "ko": "모델을 만들고 가중치를 불러오는 중…",
    },
    "models.weights_restored": {
        "en": "Restored as the new run **{run}**. A weights-only restore is not compiled, so the app compiled it "
        "(the run's optimizer, sparse categorical cross-entropy, accuracy) to make `evaluate()` possible.",
        "ko": "새 실행 **{run}**(으)로 복원했습니다. 가중치만 복원하면 컴파일되지 않은 상태이므로, `evaluate()`를 쓸 수 "
        "있도록 앱이 컴파일했습니다(실행의 옵티마이저, `sparse_categorical_crossentropy`, 정확도).",
    },
    "models.keras_steps": {
        "en": "Upload a `.keras` file of a Fashion-MNIST model (input 28×28×1, 10 classes). It is checked first, "
        "then loaded with `keras.saving.load_model(..., safe_mode=True)`.",
        "ko": "Fashion-MNIST 모델(입력 28×28×1, 클래스 10개)의 `.keras` 파일을 올리세요. 먼저 검사한 뒤 "
        "`keras.saving.load_model(..., safe_mode=True)`로 불러옵니다.",
    },
    "models.keras_file": {"en": "Model file (.keras)", "ko": "모델 파일 (.keras)"},
    "models.load_keras": {"en": "Load model", "ko": "모델 불러오기"},
    "models.checking": {"en": "Checking and loading the model…", "ko": "모델을 검사하고 불러오는 중…"},
    "models.keras_safety": {
        "en": "An uploaded model runs on this server, so it is treated as untrusted: size and zip structure are "
        "checked (zip bombs refused), and only standard Keras layers are accepted — Lambda layers and custom "
        "objects, which carry Python code, are refused before anything is loaded.",
        "ko": "올린 모델은 이 서버에서 실행되므로 신뢰하지 않는 파일로 다룹니다. 크기와 zip 구조를 검사하고(zip 폭탄 거부), "
        "표준 케라스 층만 받습니다. 파이썬 코드를 담은 Lambda 층과 사용자 정의 객체는 불러오기 전에 거부합니다.",
    },
    "models.keras_loaded": {
        "en": "Loaded as the new run **{run}** — a compiled model, ready to evaluate.",
        "ko": "새 실행 **{run}**(으)로 불러왔습니다. 컴파일된 모델이라 바로 평가할 수 있습니다.",
    },
    "models.note_rescaling_added": {
        "en": "This model has no Rescaling layer: it was trained on pixels divided by 255 (as in the course notes). "
        "The app put `Rescaling(1/255)` in front of it so it reads the 0–255 images.",
        "ko": "이 모델에는 Rescaling 층이 없습니다. 강의 노트처럼 255로 나눈 픽셀로 학습된 모델입니다. 0–255 이미지를 "
        "읽을 수 있도록 앱이 앞에 `Rescaling(1/255)`를 붙였습니다.",
    },
    "models.note_reshaped": {
        "en": "This model takes 28×28 inputs; the app added a Reshape layer for 28×28×1 images.",
        "ko": "이 모델은 28×28 입력을 받습니다. 28×28×1 이미지를 위해 앱이 Reshape 층을 붙였습니다.",
    },
    "models.note_recompiled": {
        "en": "The app compiled the model with sparse categorical cross-entropy and accuracy (integer labels), so "
        "its test loss is comparable with the lab's runs.",
        "ko": "정수 레이블로 평가하도록 앱이 `sparse_categorical_crossentropy`와 정확도로 모델을 컴파일했습니다. 그래서 "
        "테스트 손실을 실험실의 실행과 비교할 수 있습니다.",
    },
    "models.refused": {
        "en": "Not restored — your runs were not changed. {message}",
        "ko": "복원하지 않았습니다. 기존 실행은 그대로입니다. {message}",
    },
    "models.to_evaluate": {"en": "Evaluate it", "ko": "평가하러 가기"},
    # ------------------------------------------------------------------------------------------ compare
    "compare.intro": {
        "en": "Put your runs side by side: the curves on one chart, the settings in one table with the differences "
        "highlighted. Change **one** setting between two runs — dropout on/off, optimizer A vs B, augmentation "
        "on/off — and you can see what that setting does.",
        "ko": "여러 실행을 나란히 놓고 봅니다. 곡선은 한 차트에, 설정은 한 표에 모으고 다른 설정을 강조합니다. 두 실행 "
        "사이에 설정을 **하나만** 바꾸면(드롭아웃 켜기/끄기, 옵티마이저 A와 B, 데이터 증식 켜기/끄기) 그 설정이 무엇을 "
        "하는지 볼 수 있습니다.",
    },
    "compare.seed_note": {
        "en": "A fair comparison uses the same seed: the same initial weights, the same validation split and the same "
        "batch order, so the setting you changed is the only difference.",
        "ko": "공정하게 비교하려면 같은 시드를 쓰세요. 초기 가중치, 검증 세트 분할, 배치 순서가 같아서 바꾼 설정만 "
        "차이가 납니다.",
    },
    "compare.seeds_differ": {
        "en": "These runs used different seeds ({seeds}): part of the difference may be luck (other initial weights "
        "and batches). Retrain with one seed for a fair comparison.",
        "ko": "이 실행들은 서로 다른 시드({seeds})를 썼습니다. 차이의 일부는 운(다른 초기 가중치와 배치)일 수 있습니다. "
        "공정하게 비교하려면 같은 시드로 다시 학습시키세요.",
    },
    "compare.no_history": {
        "en": "No training curves for {runs}: restored models were not trained in this session.",
        "ko": "{runs}에는 학습 곡선이 없습니다. 복원한 모델은 이 세션에서 학습하지 않았습니다.",
    },
    "compare.epoch": {"en": "Epoch", "ko": "에포크"},
    "compare.loss": {"en": "Loss", "ko": "손실"},
    "compare.accuracy": {"en": "Accuracy", "ko": "정확도"},
    "compare.train": {"en": "train", "ko": "훈련"},
    "compare.validation": {"en": "validation", "ko": "검증"},
    "compare.loss_title": {"en": "Loss per epoch", "ko": "에포크별 손실"},
    "compare.accuracy_title": {"en": "Accuracy per epoch", "ko": "에포크별 정확도"},
    "compare.curves_help": {
        "en": "One colour per run; solid = training, dashed = validation. Training loss falling while validation "
        "loss rises is overfitting — dropout and augmentation should narrow that gap.",
        "ko": "실행마다 색 하나, 실선 = 훈련, 점선 = 검증. 훈련 손실은 줄어드는데 검증 손실이 늘어나면 과적합입니다. "
        "드롭아웃과 데이터 증식은 이 차이를 줄여야 합니다.",
    },
    "compare.results_title": {"en": "Results", "ko": "결과"},
    "compare.col_run": {"en": "Run", "ko": "실행"},
    "compare.col_status": {"en": "Status", "ko": "상태"},
    "compare.col_epochs": {"en": "Epochs", "ko": "에포크"},
    "compare.col_val_acc": {"en": "Val. accuracy (last)", "ko": "검증 정확도(마지막)"},
    "compare.col_best_val_acc": {"en": "Val. accuracy (best)", "ko": "검증 정확도(최고)"},
    "compare.col_test_acc": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "compare.test_acc_help": {
        "en": "Filled in once the run was evaluated on the Evaluate page.",
        "ko": "평가 페이지에서 실행을 평가하면 채워집니다.",
    },
    "compare.col_time": {"en": "Training time", "ko": "학습 시간"},
    "compare.settings_title": {"en": "Settings", "ko": "설정"},
    "compare.off": {"en": "off", "ko": "끔"},
    # why a cell has no value (playground.lab.compare.WHY)
    "compare.why.not_trained_here": {
        "en": "unknown — not trained in the app",
        "ko": "알 수 없음 — 앱에서 학습하지 않음",
    },
    "compare.why.not_evaluated": {
        "en": "— not evaluated yet (Evaluate page)",
        "ko": "— 아직 평가하지 않음(평가 페이지)",
    },
    "compare.why.no_validation": {"en": "— no validation set", "ko": "— 검증 세트 없음"},
    "compare.why.no_epoch": {"en": "— stopped before epoch 1 ended", "ko": "— 첫 에포크가 끝나기 전에 중지"},
    "compare.why.custom": {"en": "— custom (changed from {preset})", "ko": "— 사용자 설정({preset}에서 변경)"},
    "compare.why.custom_none": {"en": "— custom", "ko": "— 사용자 설정"},
    "compare.unknown_note": {
        "en": "Restored runs ({runs}) were not trained in the app: their training settings and results are "
        "unknown, and unknown values never count as differences.",
        "ko": "복원한 실행({runs})은 앱에서 학습하지 않았습니다. 학습 설정과 결과를 알 수 없으며, 알 수 없는 값은 "
        "차이로 세지 않습니다.",
    },
    "compare.differences": {
        "en": "Highlighted — what differs: {names}.",
        "ko": "강조된 행이 다른 설정입니다: {names}.",
    },
    "compare.no_differences": {
        "en": "The settings are identical: any difference in the curves comes from randomness alone.",
        "ko": "설정이 모두 같습니다. 곡선의 차이는 오직 무작위성 때문입니다.",
    },
    "compare.setting.preset": {"en": "Preset", "ko": "프리셋"},
    "compare.setting.layers": {"en": "Layers", "ko": "층 구성"},
    "compare.setting.conv_layers": {"en": "Conv2D layers", "ko": "Conv2D 층 수"},
    "compare.setting.dropout": {"en": "Dropout (rates)", "ko": "드롭아웃(비율)"},
    "compare.setting.batch_norm": {"en": "BatchNormalization layers", "ko": "BatchNormalization 층 수"},
    "compare.setting.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "compare.setting.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "compare.setting.optimizer_params": {"en": "Optimizer parameters", "ko": "옵티마이저 파라미터"},
    "compare.setting.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "compare.setting.epochs": {"en": "Epochs (planned)", "ko": "에포크(계획)"},
    "compare.setting.seed": {"en": "Seed", "ko": "시드"},
    "compare.setting.train_size": {"en": "Training images", "ko": "훈련 이미지 수"},
    "compare.setting.validation_split": {"en": "Validation split", "ko": "검증 세트 비율"},
    "compare.setting.augmentation": {"en": "Data augmentation", "ko": "데이터 증식"},
    "compare.setting.early_stopping": {"en": "EarlyStopping", "ko": "EarlyStopping(조기 종료)"},
    "compare.setting.reduce_lr": {"en": "ReduceLROnPlateau", "ko": "ReduceLROnPlateau(학습률 감소)"},
    "compare.setting.checkpoint": {"en": "ModelCheckpoint", "ko": "ModelCheckpoint(체크포인트)"},
    "compare.script_title": {"en": "The training script of a run", "ko": "실행의 학습 스크립트"},
    "compare.script_run": {"en": "Run", "ko": "실행"},
    "compare.download_script": {"en": "Download the script (.py)", "ko": "스크립트 내려받기 (.py)"},
    "compare.script_help": {
        "en": "Plain Keras, as in the course notes: load Fashion-MNIST, split, build, compile, callbacks, fit. "
        "Run it in Colab or on your machine to reproduce the run.",
        "ko": "강의 노트와 같은 순수 케라스 코드입니다. Fashion-MNIST 불러오기, 분할, 모델 만들기, 컴파일, 콜백, fit. "
        "Colab이나 내 컴퓨터에서 실행하면 같은 학습을 재현합니다.",
    },
    "compare.script_label": {
        "en": "The same training as a stand-alone Keras script:",
        "ko": "같은 학습을 독립 실행 케라스 스크립트로:",
    },
    "compare.no_script": {
        "en": "The chosen runs are uploaded models; a training script needs a run trained in the lab.",
        "ko": "고른 실행은 업로드한 모델입니다. 학습 스크립트는 실험실에서 학습한 실행에만 있습니다.",
    },
}
