"""Fashion-MNIST page, training lab, the sidebar training badge, and the class names every page uses."""

from playground.data import CLASS_NAMES

_KO_CLASSES = ("티셔츠/탑", "바지", "풀오버", "드레스", "코트", "샌들", "셔츠", "스니커즈", "가방", "앵클 부츠")

TEXTS = {
    **{f"class.{i}": {"en": name, "ko": ko} for i, (name, ko) in enumerate(zip(CLASS_NAMES, _KO_CLASSES, strict=True))},
    # ---------------------------------------------------------------------------------------------- data page
    "data.intro": {
        "en": "Fashion-MNIST: 70 000 grey 28×28 pictures of clothes in 10 classes — 60 000 to train on, 10 000 to "
        "test. Each picture is just a matrix of numbers from 0 (black) to 255 (white): **every pixel is a "
        "feature**, 28 × 28 = 784 of them.",
        "ko": "Fashion-MNIST: 10개 클래스의 옷 사진 70,000장(28×28 흑백) — 학습용 60,000장, 테스트용 10,000장. "
        "사진 한 장은 0(검은색)부터 255(흰색)까지의 숫자 행렬일 뿐입니다: **모든 픽셀이 특성(feature)** 이고, "
        "28 × 28 = 784개입니다.",
    },
    "data.missing": {
        "en": "The Fashion-MNIST data set is not available on this server.",
        "ko": "이 서버에서 Fashion-MNIST 데이터셋을 찾을 수 없습니다.",
    },
    "data.missing_ways": {
        "en": "Any one of these makes it available:\n"
        "1. set the environment variable `FASHION_MNIST_DIR` to a folder with the four `*-ubyte.gz` files;\n"
        "2. install the Debian/Ubuntu package `dataset-fashion-mnist` (`apt install dataset-fashion-mnist`);\n"
        "3. let Keras download it once (needs internet): "
        '`python -c "import keras; keras.datasets.fashion_mnist.load_data()"`.',
        "ko": "다음 중 하나면 사용할 수 있습니다:\n"
        "1. 환경 변수 `FASHION_MNIST_DIR`에 네 개의 `*-ubyte.gz` 파일이 있는 폴더를 지정;\n"
        "2. 데비안/우분투 패키지 `dataset-fashion-mnist` 설치 (`apt install dataset-fashion-mnist`);\n"
        "3. 케라스가 한 번 내려받도록 실행(인터넷 필요): "
        '`python -c "import keras; keras.datasets.fashion_mnist.load_data()"`.',
    },
    "data.corrupt": {
        "en": "A Fashion-MNIST file is damaged: {message}",
        "ko": "Fashion-MNIST 파일이 손상되었습니다: {message}",
    },
    "data.loading": {"en": "Loading Fashion-MNIST …", "ko": "Fashion-MNIST 불러오는 중 …"},
    "data.source": {"en": "Read from: {source}", "ko": "읽은 위치: {source}"},
    "data.samples_heading": {"en": "Samples", "ko": "샘플"},
    "data.per_class": {"en": "Images per class", "ko": "클래스별 이미지 수"},
    "data.seed": {"en": "Random seed", "ko": "랜덤 시드"},
    "data.seed_help": {
        "en": "Which random images are shown (and how the split below is drawn).",
        "ko": "어떤 이미지를 무작위로 보여줄지(그리고 아래 분할을 어떻게 뽑을지) 정합니다.",
    },
    "data.pixels_heading": {"en": "One image as numbers", "ko": "숫자로 본 이미지 한 장"},
    "data.class": {"en": "Class", "ko": "클래스"},
    "data.index": {"en": "Image of that class (0 … 5999)", "ko": "그 클래스의 몇 번째 이미지 (0 … 5999)"},
    "data.code_note": {
        "en": "Same sizes, not the same images: the app draws its stratified split with NumPy and the seed above, "
        "while scikit-learn's `train_test_split(..., random_state=...)` draws its own — the two give the same "
        "numbers of training and validation images, but pick different ones.",
        "ko": "크기는 같지만 이미지는 다릅니다: 앱은 위의 시드로 NumPy로 층화 분할하고, scikit-learn의 "
        "`train_test_split(..., random_state=...)`은 자기 방식으로 뽑습니다. 훈련 이미지와 검증 이미지의 개수는 "
        "같지만 고르는 이미지는 다릅니다.",
    },
    "data.split_heading": {"en": "Training / validation split", "ko": "훈련 / 검증 분리"},
    "data.train_size": {"en": "Training subset (images)", "ko": "학습에 쓸 이미지 수"},
    "data.train_size_help": {
        "en": "A smaller stratified subset trains faster; every class keeps its share.",
        "ko": "층화(stratified) 추출한 작은 부분집합은 더 빨리 학습되며, 클래스 비율은 그대로 유지됩니다.",
    },
    "data.validation_split": {"en": "Validation share", "ko": "검증 데이터 비율"},
    "data.validation_help": {
        "en": "Held out from the training subset, class by class, like train_test_split(..., stratify=y).",
        "ko": "`train_test_split(..., stratify=y)`처럼 클래스별로 같은 비율을 학습 부분집합에서 떼어 둡니다.",
    },
    "data.tab_samples": {"en": "Samples per class", "ko": "클래스별 샘플"},
    "data.tab_pixels": {"en": "Pixel matrix", "ko": "픽셀 행렬"},
    "data.tab_balance": {"en": "Class balance & split", "ko": "클래스 분포와 분할"},
    "data.grid_title": {"en": "{n} random training images per class", "ko": "클래스별 무작위 학습 이미지 {n}장"},
    "data.pixel": {"en": "pixel", "ko": "픽셀"},
    "data.matrix_title": {
        "en": "{name}: training image #{index}, 28 × 28 values from 0 (black) to 255 (white)",
        "ko": "{name}: 학습 이미지 #{index}, 0(검은색)~255(흰색)의 28 × 28 값",
    },
    "data.every_pixel": {
        "en": "Every pixel is a feature. The model sees these 784 numbers (scaled to 0 … 1 by `Rescaling(1/255)`), "
        "not a picture. This image: min {min}, max {max}, mean {mean}, {zeros} pixels exactly 0.",
        "ko": "모든 픽셀이 특성입니다. 모델은 그림이 아니라 이 784개의 숫자(`Rescaling(1/255)`로 0 … 1로 변환)를 봅니다. "
        "이 이미지: 최솟값 {min}, 최댓값 {max}, 평균 {mean}, 정확히 0인 픽셀 {zeros}개.",
    },
    "data.balance_title": {"en": "Images per class", "ko": "클래스별 이미지 수"},
    "data.images": {"en": "images", "ko": "이미지 수"},
    "data.part_train": {"en": "training", "ko": "훈련"},
    "data.part_val": {"en": "validation", "ko": "검증"},
    "data.part_test": {"en": "test", "ko": "테스트"},
    "data.balanced": {
        "en": "Fashion-MNIST is balanced: 6 000 training and 1 000 test images per class, so accuracy is a fair "
        "score and a stratified split keeps it balanced.",
        "ko": "Fashion-MNIST는 균형 잡힌 데이터셋입니다: 클래스마다 학습 6,000장, 테스트 1,000장이라 정확도가 공정한 "
        "지표이며, 층화 분할도 균형을 유지합니다.",
    },
    "data.n_train": {"en": "Training", "ko": "훈련"},
    "data.n_val": {"en": "Validation", "ko": "검증"},
    "data.n_test": {"en": "Test", "ko": "테스트"},
    # ------------------------------------------------------------------------------------------- training lab
    "train.intro": {
        "en": "Build a model, choose an optimizer and callbacks, and train it for real with Keras on Fashion-MNIST. "
        "Training runs in the background: the curves update live, and you can change other settings or visit "
        "other pages meanwhile.",
        "ko": "모델을 만들고 옵티마이저와 콜백을 고른 뒤 Fashion-MNIST로 케라스에서 실제로 학습시킵니다. 학습은 "
        "백그라운드에서 진행되어 곡선이 실시간으로 갱신되고, 그동안 다른 설정을 바꾸거나 다른 페이지를 볼 수 있습니다.",
    },
    "train.preset": {"en": "Start from a preset", "ko": "프리셋에서 시작"},
    "train.preset_help": {
        "en": "Loads the preset's layers, optimizer, epochs and callbacks; change anything afterwards.",
        "ko": "프리셋의 층, 옵티마이저, 에포크, 콜백을 불러옵니다. 그 뒤 무엇이든 바꿀 수 있습니다.",
    },
    "train.preset.course_notes": {"en": "Course notes CNN (16→32→64)", "ko": "강의 노트 CNN (16→32→64)"},
    "train.preset.quick": {"en": "Quick (≈ 1 minute)", "ko": "빠르게 (약 1분)"},
    "train.preset.accurate": {"en": "Accurate (slower)", "ko": "정확하게 (느림)"},
    "train.preset.mlp": {"en": "MLP (no convolution)", "ko": "MLP (합성곱 없음)"},
    "train.preset_note.course_notes": {
        "en": "The notes' model: Conv2D 16 (3×3, same) → 32 (4×4, same) → 64 (4×4, valid) → MaxPool → Dense 50 → 20 "
        "→ 10, with ModelCheckpoint, ReduceLROnPlateau and EarlyStopping. Slow on a CPU: try a smaller subset.",
        "ko": "노트의 모델: Conv2D 16 (3×3, same) → 32 (4×4, same) → 64 (4×4, valid) → MaxPool → Dense 50 → 20 → 10, "
        "ModelCheckpoint, ReduceLROnPlateau, EarlyStopping 포함. CPU에서는 느리니 더 작은 부분집합을 써 보세요.",
    },
    "train.preset_note.quick": {
        "en": "Two small conv blocks, Adam, batch 64, 3 epochs: about 90 % test accuracy in about a minute.",
        "ko": "작은 합성곱 블록 두 개, Adam, 배치 64, 3 에포크: 약 1분에 테스트 정확도 약 90%.",
    },
    "train.preset_note.accurate": {
        "en": "Two double-conv blocks with batch normalization and dropout, a learning-rate schedule and early "
        "stopping: above 92 %, but several minutes.",
        "ko": "배치 정규화와 드롭아웃이 있는 이중 합성곱 블록 두 개, 학습률 감소와 조기 종료: 92% 이상이지만 몇 분 걸립니다.",
    },
    "train.preset_note.mlp": {
        "en": "No convolution: the 784 pixels go straight into Dense layers (the notes' MLP). Compare it with a CNN.",
        "ko": "합성곱 없이 784개 픽셀이 바로 Dense 층으로 들어갑니다(노트의 MLP). CNN과 비교해 보세요.",
    },
    "train.model_heading": {"en": "Model (layers)", "ko": "모델 (층)"},
    "train.model_fixed": {
        "en": "Fixed in front of your layers: `Input(28, 28, 1)` (uint8 pixels) → augmentation (if any) → "
        "`Rescaling(1/255)`. The last layer must be `Dense(10, activation='softmax')`.",
        "ko": "층 앞에 고정: `Input(28, 28, 1)` (uint8 픽셀) → 증식(있으면) → `Rescaling(1/255)`. 마지막 층은 "
        "`Dense(10, activation='softmax')`여야 합니다.",
    },
    "train.optimizer_heading": {"en": "Optimizer", "ko": "옵티마이저"},
    "train.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "train.opt.sgd": {"en": "SGD", "ko": "SGD (확률적 경사 하강법)"},
    "train.opt.momentum": {"en": "SGD + momentum", "ko": "SGD + 모멘텀"},
    "train.opt.nesterov": {"en": "Nesterov momentum", "ko": "네스테로프 모멘텀"},
    "train.opt.adagrad": {"en": "AdaGrad", "ko": "AdaGrad"},
    "train.opt.rmsprop": {"en": "RMSProp", "ko": "RMSProp"},
    "train.opt.adam": {"en": "Adam", "ko": "Adam"},
    "train.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "train.hyper_help": {"en": "Keras argument `{name}`.", "ko": "케라스 인자 `{name}`."},
    "train.loss_note": {
        "en": "Loss: `sparse_categorical_crossentropy` — the labels are integers 0 … 9. With one-hot labels "
        "(`keras.utils.to_categorical(y)`, as in the course notes) the same loss is `categorical_crossentropy`.",
        "ko": "손실 함수: `sparse_categorical_crossentropy` — 레이블이 정수 0 … 9입니다. 강의 노트처럼 원-핫 인코딩한 레이블"
        "(`keras.utils.to_categorical(y)`)이면 같은 손실이 `categorical_crossentropy`입니다.",
    },
    "train.training_heading": {"en": "Training", "ko": "학습"},
    "train.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "train.epochs": {"en": "Epochs", "ko": "에포크"},
    "train.seed": {"en": "Seed", "ko": "시드"},
    "train.seed_help": {
        "en": "Same seed, same initial weights, split and shuffling: a fair comparison between runs.",
        "ko": "같은 시드면 초기 가중치, 분할, 셔플이 같아 실행 간 비교가 공정합니다.",
    },
    "train.train_size": {"en": "Training subset (images)", "ko": "학습에 쓸 이미지 수"},
    "train.validation_split": {"en": "Validation share", "ko": "검증 데이터 비율"},
    "train.sizes": {
        "en": "{train} images to train on, {val} to validate, {batches} batches per epoch.",
        "ko": "학습 {train}장, 검증 {val}장, 에포크당 배치 {batches}개.",
    },
    "train.callbacks_heading": {"en": "Callbacks", "ko": "콜백"},
    "train.es": {"en": "EarlyStopping", "ko": "EarlyStopping (조기 종료)"},
    "train.es_help": {
        "en": "Stop when the monitored value has not improved for `patience` epochs.",
        "ko": "모니터링하는 값이 `patience` 에포크 동안 개선되지 않으면 학습을 멈춥니다.",
    },
    "train.rlr": {"en": "ReduceLROnPlateau", "ko": "ReduceLROnPlateau (학습률 감소)"},
    "train.rlr_help": {
        "en": "Multiply the learning rate by `factor` when the monitored value stalls for `patience` epochs.",
        "ko": "모니터링하는 값이 `patience` 에포크 동안 나아지지 않으면 학습률에 `factor`를 곱합니다.",
    },
    "train.ckpt": {"en": "ModelCheckpoint", "ko": "ModelCheckpoint (체크포인트)"},
    "train.ckpt_help": {
        "en": "Save the whole model to `best_model.keras` during training (`save_weights_only=False`); with "
        "save_best_only only when the monitored value improves, so the file ends holding the best epoch — Save & "
        "restore loads it back. A pattern such as `weights.{epoch:02d}-{val_loss:.2f}.weights.h5` with "
        "`save_weights_only=True` writes one weights file per epoch; Keras 3 refuses the older `.weights.hdf5`.",
        "ko": "학습 중 모델 전체를 `best_model.keras`에 저장합니다(`save_weights_only=False`). save_best_only면 "
        "모니터링 값이 좋아질 때만 저장하므로 파일에는 가장 좋았던 에포크가 남고, 모델 저장·복원 페이지에서 다시 "
        "불러올 수 있습니다. `save_weights_only=True`와 `weights.{epoch:02d}-{val_loss:.2f}.weights.h5` 같은 "
        "패턴은 에포크마다 가중치 파일을 하나씩 씁니다. 케라스 3은 예전의 `.weights.hdf5`를 거부합니다.",
    },
    # one label per callback argument of playground.lab.options.CALLBACKS (tests/test_lab_options.py checks it)
    "train.arg.monitor": {"en": "monitor", "ko": "monitor (모니터링 지표)"},
    "train.arg.patience": {"en": "patience (epochs)", "ko": "patience (에포크)"},
    "train.arg.restore_best_weights": {"en": "restore_best_weights", "ko": "restore_best_weights (최적 가중치 복원)"},
    "train.arg.factor": {"en": "factor", "ko": "factor (감소 비율)"},
    "train.arg.min_lr": {"en": "min_lr", "ko": "min_lr (최소 학습률)"},
    "train.arg.save_best_only": {"en": "save_best_only", "ko": "save_best_only (최고 성능만 저장)"},
    "train.augmentation_heading": {"en": "Data augmentation", "ko": "데이터 증식"},
    "train.augmentation_none": {
        "en": "None. Choose augmentation layers on the Data augmentation page; they will appear here.",
        "ko": "없음. 데이터 증식 페이지에서 증식 층을 고르면 여기에 나타납니다.",
    },
    "train.augmentation_on": {
        "en": "These layers go in front of the model (active only while training): {layers}",
        "ko": "다음 층이 모델 앞에 들어갑니다(학습 중에만 동작): {layers}",
    },
    "train.augmentation_clear": {"en": "Remove augmentation", "ko": "증식 제거"},
    "train.augmentation_link": {"en": "Data augmentation page", "ko": "데이터 증식 페이지"},
    "train.start": {"en": "Train", "ko": "학습 시작"},
    "train.stop": {"en": "Stop", "ko": "중지"},
    "train.stop_help": {
        "en": "Stops after the current batch; the partial model and its history are kept.",
        "ko": "현재 배치가 끝나면 멈춥니다. 그때까지의 모델과 기록은 남습니다.",
    },
    "train.summary_heading": {"en": "model.summary()", "ko": "model.summary()"},
    "train.col_layer": {"en": "Layer (type)", "ko": "층 (종류)"},
    "train.col_shape": {"en": "Output shape", "ko": "출력 모양"},
    "train.col_params": {"en": "Param #", "ko": "파라미터 수"},
    "train.total_params": {"en": "Total params: {n}", "ko": "전체 파라미터: {n}"},
    "train.idle": {
        "en": "No training yet. Pick a preset or change the settings on the left, then press **Train**.",
        "ko": "아직 학습하지 않았습니다. 프리셋을 고르거나 왼쪽 설정을 바꾼 뒤 **학습 시작**을 누르세요.",
    },
    "train.waiting_cluster": {
        "en": "Waiting for the cluster: {ahead} training(s) ahead of you, first come first served; expected to start "
        "in about {eta} s. Training starts by itself.",
        "ko": "클러스터를 기다리는 중: 앞에 {ahead}개 학습이 있습니다(먼저 온 순서). 약 {eta}초 뒤 시작할 예정이며 "
        "자동으로 시작합니다.",
    },
    "train.cluster_unavailable": {
        "en": "The training cluster could not be reached ({reason}); this training runs on this server instead.",
        "ko": "학습 클러스터에 연결할 수 없어({reason}) 이 서버에서 대신 학습합니다.",
    },
    "train.error.worker_lost": {
        "en": "worker lost — the cluster machine that trained this run stopped. The curves so far are kept above; "
        "press Train to retry.",
        "ko": "작업자 유실 — 이 실행을 학습하던 클러스터 머신이 멈췄습니다. 지금까지의 곡선은 위에 남아 있습니다. "
        "다시 하려면 학습 시작을 누르세요.",
    },
    "train.error.cluster_lost": {
        "en": "cluster lost — the training cluster stopped answering. Press Train to retry (on this server "
        "if the cluster is still away).",
        "ko": "클러스터 유실 — 학습 클러스터가 응답하지 않습니다. 학습 시작을 눌러 다시 시도하세요(클러스터가 없으면 "
        "이 서버에서 학습합니다).",
    },
    "train.waiting": {
        "en": "Waiting for a free training slot: this server trains {slots} model(s) at a time and all are busy "
        "({ahead} ahead of you in line). Training starts by itself.",
        "ko": "학습 자리를 기다리는 중: 이 서버는 한 번에 {slots}개 모델을 학습하며 모두 사용 중입니다"
        "(앞에 {ahead}개 대기). 자리가 나면 자동으로 시작합니다.",
    },
    "train.preparing": {
        "en": "Preparing the data and building the model …",
        "ko": "데이터를 준비하고 모델을 만드는 중 …",
    },
    "train.progress": {
        "en": "Epoch {epoch}/{epochs} · batch {batch}/{batches} · {elapsed} s elapsed · {left}",
        "ko": "에포크 {epoch}/{epochs} · 배치 {batch}/{batches} · {elapsed}초 경과 · {left}",
    },
    "train.left": {"en": "about {eta} s left", "ko": "약 {eta}초 남음"},
    "train.left_measuring": {
        "en": "time left: measuring the speed …",
        "ko": "남은 시간: 속도를 재는 중 …",
    },
    # what a running job is doing (playground.lab.progress.PHASES), with the seconds it has been doing it
    "train.phase.loading_data": {
        "en": "Loading Fashion-MNIST and drawing the training and validation sets … {seconds} s",
        "ko": "Fashion-MNIST를 불러와 훈련·검증 세트를 나누는 중 … {seconds}초",
    },
    "train.phase.building_model": {
        "en": "Building and compiling the model … {seconds} s",
        "ko": "모델을 만들고 컴파일하는 중 … {seconds}초",
    },
    "train.phase.first_batch": {
        "en": "Epoch 1/{epochs} · first batch: TensorFlow turns the training step into a graph (once per run) … "
        "{seconds} s",
        "ko": "에포크 1/{epochs} · 첫 배치: 텐서플로가 학습 단계를 그래프로 변환하는 중(실행마다 한 번) … {seconds}초",
    },
    "train.phase.epoch_start": {
        "en": "Epoch {epoch}/{epochs} · shuffling the training images for this epoch … {seconds} s · {left}",
        "ko": "에포크 {epoch}/{epochs} · 이번 에포크를 위해 훈련 이미지를 섞는 중 … {seconds}초 · {left}",
    },
    "train.phase.validating": {
        "en": "Epoch {epoch}/{epochs} · checking the validation set: batch {batch}/{batches} · {elapsed} s elapsed · "
        "{left}",
        "ko": "에포크 {epoch}/{epochs} · 검증 세트 확인 중: 배치 {batch}/{batches} · {elapsed}초 경과 · {left}",
    },
    # ------------------------------------------------------------------------- live feature maps (the watch)
    "train.watch_image": {"en": "Image to watch while training", "ko": "학습 중 지켜볼 이미지"},
    "train.watch_image_help": {
        "en": "The first test image of this class: its feature maps are shown every quarter epoch while training.",
        "ko": "이 클래스의 첫 테스트 이미지입니다. 학습하는 동안 1/4 에포크마다 특성 맵을 보여 줍니다.",
    },
    "train.watch_title": {"en": "Inside the network, while it learns", "ko": "학습하는 동안 네트워크 속"},
    "train.watch_live": {
        "en": "After {position} epochs (refreshed every quarter epoch).",
        "ko": "{position} 에포크 후 (1/4 에포크마다 새로 고침).",
    },
    "train.watch_step": {"en": "Replay: epochs trained", "ko": "다시 보기: 학습한 에포크"},
    "train.watch_restored": {
        "en": "best epoch {epoch} (weights restored)",
        "ko": "최적 에포크 {epoch} (가중치 복원됨)",
    },
    "train.watch_restored_note": {
        "en": "After training, EarlyStopping put back the weights of epoch {epoch} (restore_best_weights=True): "
        "this step shows that model, the one the run keeps.",
        "ko": "학습이 끝난 뒤 EarlyStopping이 에포크 {epoch}의 가중치를 되돌려 놓았습니다(restore_best_weights=True). "
        "이 단계는 실행에 남은 바로 그 모델을 보여 줍니다.",
    },
    "train.watch_replay": {
        "en": "Replay of {run}, the latest run with feature maps.",
        "ko": "특성 맵이 있는 가장 최근 실행 {run}의 다시 보기입니다.",
    },
    "train.watch_unavailable": {
        "en": "The feature-map replay of {run} is unavailable: its file is missing or damaged (curves, settings and "
        "model are not affected).",
        "ko": "{run}의 특성 맵 다시 보기를 쓸 수 없습니다: 파일이 없거나 손상되었습니다(곡선, 설정, 모델은 그대로입니다).",
    },
    "train.watch_input": {"en": "The watched image", "ko": "지켜보는 이미지"},
    "train.watch_filters": {
        "en": "{name}: its {n} filters ({kh}×{kw}; blue < 0 < red)",
        "ko": "{name}: 필터 {n}개 ({kh}×{kw}; 파랑 < 0 < 빨강)",
    },
    "train.watch_layer": {
        "en": "{name}: {c} feature maps of {h}×{w}",
        "ko": "{name}: {h}×{w} 특성 맵 {c}개",
    },
    "train.watch_help": {
        "en": "Each tile is one filter's output for the watched image; colours run from the layer's lowest (dark) "
        "to its highest value (bright) at this step. At 0 epochs the filters are random; watch edges and "
        "textures appear as the filters learn.",
        "ko": "각 칸은 지켜보는 이미지에 대한 필터 하나의 출력입니다. 색은 이 시점에서 그 층의 가장 낮은 값(어두움)부터 가장 "
        "높은 값(밝음)까지입니다. 0 에포크에서는 필터가 무작위이고, 학습이 진행되며 윤곽과 질감이 나타납니다.",
    },
    "train.watch_none": {
        "en": "This model has no convolution layer: there are no feature maps to watch.",
        "ko": "이 모델에는 합성곱 층이 없어 지켜볼 특성 맵이 없습니다.",
    },
    "train.stopping": {
        "en": "Stopping after this batch (the validation of this epoch still runs) …",
        "ko": "이 배치가 끝나면 멈춥니다(이번 에포크의 검증은 계속 진행) …",
    },
    "train.failed": {"en": "Training failed: {error}", "ko": "학습 실패: {error}"},
    "train.done": {
        "en": "{run}: {status} — {reason} in {seconds} s. Saved as a run of this session.",
        "ko": "{run}: {status} — {reason}, {seconds}초. 이 세션의 실행으로 저장했습니다.",
    },
    "train.to_evaluate": {"en": "Evaluate this run", "ko": "이 실행 평가하기"},
    "train.to_compare": {"en": "Compare runs", "ko": "실행 비교하기"},
    "train.to_models": {"en": "Save & restore", "ko": "저장과 복원"},
    "train.one_job": {
        "en": "One training per session: stop the current one first.",
        "ko": "세션당 학습은 하나만 가능합니다. 먼저 현재 학습을 중지하세요.",
    },
    "train.metric_loss": {"en": "loss", "ko": "손실"},
    "train.metric_val_loss": {"en": "val. loss", "ko": "검증 손실"},
    "train.metric_accuracy": {"en": "accuracy", "ko": "정확도"},
    "train.metric_val_accuracy": {"en": "val. accuracy", "ko": "검증 정확도"},
    "train.curve_loss": {"en": "Loss per epoch", "ko": "에포크별 손실"},
    "train.curve_accuracy": {"en": "Accuracy per epoch", "ko": "에포크별 정확도"},
    "train.curve_batch": {"en": "Training loss per batch (smoothed)", "ko": "배치별 훈련 손실 (평활화)"},
    "train.curve_lr": {"en": "Learning rate", "ko": "학습률"},
    "train.lbl_train": {"en": "training", "ko": "훈련"},
    "train.lbl_val": {"en": "validation", "ko": "검증"},
    "train.lbl_epoch": {"en": "epoch", "ko": "에포크"},
    "train.lbl_raw": {"en": "each batch", "ko": "배치마다"},
    "train.lbl_smooth": {"en": "smoothed", "ko": "평활화"},
    "train.lbl_lr_cut": {"en": "learning rate cut", "ko": "학습률 감소"},
    "train.lbl_best": {"en": "best epoch", "ko": "최고 에포크"},
    "train.lbl_checkpoint": {"en": "checkpoint saved", "ko": "체크포인트 저장"},
    "train.lbl_stopped": {"en": "stopped", "ko": "중단"},
    "train.events_heading": {"en": "Callback events", "ko": "콜백 이벤트"},
    "train.col_epoch": {"en": "Epoch", "ko": "에포크"},
    "train.col_event": {"en": "Event", "ko": "이벤트"},
    "train.col_message": {"en": "What happened", "ko": "내용"},
    # one text per event code of playground.run.EVENT_CODES, filled with the event's epoch and values
    "train.event.reduce_lr": {
        "en": "ReduceLROnPlateau: learning rate {old} → {new}",
        "ko": "ReduceLROnPlateau: 학습률 {old} → {new} (학습률 감소)",
    },
    "train.event.checkpoint": {
        "en": "ModelCheckpoint: model saved ({monitor} = {value})",
        "ko": "ModelCheckpoint: 모델 저장 ({monitor} = {value})",
    },
    "train.event.best": {
        "en": "best {monitor} = {value} at epoch {epoch}",
        "ko": "에포크 {epoch}에서 최고 성능: {monitor} = {value}",
    },
    "train.event.best_restored": {
        "en": " — the model keeps these weights (restore_best_weights)",
        "ko": " — 모델은 이 에포크의 가중치를 유지(restore_best_weights)",
    },
    "train.event.early_stopping": {
        "en": "EarlyStopping: {monitor} did not improve for {waited} epoch(s)",
        "ko": "EarlyStopping: {monitor} 값이 {waited} 에포크 동안 개선되지 않아 조기 종료",
    },
    "train.event.user_stop": {
        "en": "stopped by you during epoch {epoch}",
        "ko": "에포크 {epoch} 도중 직접 중지",
    },
    "train.event.session_end": {
        "en": "stopped because the browser session ended",
        "ko": "브라우저 세션이 끝나 중지",
    },
    "train.event.all_epochs": {
        "en": "all {epochs} epochs done",
        "ko": "{epochs} 에포크 모두 완료",
    },
    "train.event.all_epochs_one": {"en": "its one epoch done", "ko": "1 에포크 완료"},
    "train.code_heading": {"en": "The same training in Keras", "ko": "같은 학습을 케라스 코드로"},
    "train.code_note": {
        "en": "The lab draws its stratified split with NumPy and the same seed; scikit-learn's `train_test_split` "
        "gives the same sizes and class shares (not the very same images).",
        "ko": "실험실은 같은 시드로 NumPy로 층화 분할합니다. scikit-learn의 `train_test_split`은 크기와 클래스 비율은 "
        "같지만 이미지까지 똑같지는 않습니다.",
    },
    "train.status.finished": {"en": "finished", "ko": "완료"},
    "train.status.stopped": {"en": "stopped", "ko": "중지됨"},
    "train.status.early_stopped": {"en": "stopped early", "ko": "조기 종료"},
    # ------------------------------------------------------------------------------------------ sidebar badge
    "train.badge_running": {"en": "Training: epoch {epoch}/{epochs}", "ko": "학습 중: 에포크 {epoch}/{epochs}"},
    "train.badge_waiting": {"en": "Training: waiting for a slot", "ko": "학습: 자리 대기 중"},
    "train.badge_preparing": {"en": "Training: preparing", "ko": "학습: 준비 중"},
    "train.badge_done": {"en": "Training finished: {run}", "ko": "학습 완료: {run}"},
}
