"""Texts of the "going further" pages: data augmentation (augment.*) and transfer learning (transfer.*)."""

TEXTS = {
    # ------------------------------------------------------------------------------------ data augmentation
    "augment.intro": {
        "en": "Data augmentation makes **more training samples** out of the ones we have: random flips, rotations, zooms, shifts and contrast changes that keep the label (a mirrored sneaker is still a sneaker). In Keras these are layers at the start of the model. They act **only while training**; at inference (`training=False`) they pass the image through unchanged. Every picture below is computed by the real Keras layers.",
        "ko": "데이터 증식(증강)은 기존 훈련 샘플에 여러 가지 **랜덤한 변환**(뒤집기, 회전, 확대/축소, 이동, 대비 변화)을 적용해 **더 많은 훈련 데이터**를 만듭니다. 변환해도 레이블은 그대로입니다(좌우로 뒤집은 운동화도 운동화). 케라스에서는 모델 시작 부분에 데이터 증식 층을 추가하며, 이 층은 **훈련할 때만** 동작하고 추론할 때(`training=False`)는 이미지를 그대로 통과시킵니다. 아래 그림은 모두 실제 케라스 층이 계산한 결과입니다.",
    },
    "augment.layers": {"en": "Augmentation layers", "ko": "데이터 증식 층"},
    "augment.use_flip_horizontal": {"en": "RandomFlip — horizontal", "ko": "RandomFlip — 수평 뒤집기"},
    "augment.use_flip_vertical": {"en": "RandomFlip — vertical", "ko": "RandomFlip — 수직 뒤집기"},
    "augment.use_rotation": {"en": "RandomRotation", "ko": "RandomRotation (회전)"},
    "augment.use_zoom": {"en": "RandomZoom", "ko": "RandomZoom (확대/축소)"},
    "augment.use_translation": {"en": "RandomTranslation", "ko": "RandomTranslation (이동)"},
    "augment.use_contrast": {"en": "RandomContrast", "ko": "RandomContrast (대비)"},
    "augment.factor_rotation": {"en": "factor (fraction of a full turn)", "ko": "factor (한 바퀴에 대한 비율)"},
    "augment.factor_zoom": {"en": "height_factor (zoom range)", "ko": "height_factor (확대/축소 범위)"},
    "augment.factor_translation": {
        "en": "height_factor = width_factor (shift range)",
        "ko": "height_factor = width_factor (이동 범위)",
    },
    "augment.factor_contrast": {"en": "factor (contrast range)", "ko": "factor (대비 범위)"},
    "augment.explain_flip_horizontal": {
        "en": "Mirrors left ↔ right in 50 % of the images.",
        "ko": "이미지의 50%를 랜덤하게 좌우로 뒤집습니다.",
    },
    "augment.explain_flip_vertical": {
        "en": "Mirrors top ↔ bottom in 50 % of the images (rarely label-preserving for clothes!).",
        "ko": "이미지의 50%를 랜덤하게 상하로 뒤집습니다(옷에서는 레이블이 바뀌는 셈일 수도 있습니다!).",
    },
    "augment.explain_rotation": {
        "en": "Turns each image by a random angle in ±{degrees:.0f}° (factor × 360°).",
        "ko": "각 이미지를 ±{degrees:.0f}°(factor × 360°) 범위의 랜덤한 각도로 회전합니다.",
    },
    "augment.explain_zoom": {
        "en": "Zooms in or out by a random amount up to ±{percent:.0f} %.",
        "ko": "-{percent:.0f}% ~ +{percent:.0f}% 범위에서 랜덤하게 확대/축소합니다.",
    },
    "augment.explain_translation": {
        "en": "Shifts by up to ±{percent:.0f} % of the height and width; borders are filled by reflection.",
        "ko": "높이와 너비의 ±{percent:.0f}%까지 이동하고, 빈 가장자리는 반사(reflect)로 채웁니다.",
    },
    "augment.explain_contrast": {
        "en": "Multiplies the contrast by a random factor in [{low:.2f}, {high:.2f}].",
        "ko": "대비에 [{low:.2f}, {high:.2f}] 범위의 랜덤한 배율을 곱합니다.",
    },
    "augment.versions": {"en": "Augmented versions", "ko": "증식된 이미지 수"},
    "augment.seed": {"en": "Seed", "ko": "시드(seed)"},
    "augment.seed_help": {
        "en": "The same seed gives the same random versions; it is kept in the link.",
        "ko": "같은 시드는 같은 랜덤 결과를 만듭니다. 링크에도 저장됩니다.",
    },
    "augment.resample": {"en": "Re-sample", "ko": "다시 뽑기"},
    "augment.item": {"en": "Fashion-MNIST test image #", "ko": "Fashion-MNIST 테스트 이미지 번호"},
    "augment.photo": {"en": "Photo", "ko": "사진"},
    "augment.photo_astronaut": {"en": "Astronaut", "ko": "우주비행사"},
    "augment.photo_chelsea": {"en": "Cat (Chelsea)", "ko": "고양이(Chelsea)"},
    "augment.photo_coffee": {"en": "Coffee cup", "ko": "커피잔"},
    "augment.photo_china": {"en": "Temple", "ko": "사원"},
    "augment.photo_flower": {"en": "Flower", "ko": "꽃"},
    "augment.none_selected": {
        "en": "No augmentation layer is switched on: every version is the original image.",
        "ko": "켜진 데이터 증식 층이 없습니다. 모든 결과가 원본 이미지와 같습니다.",
    },
    "augment.item_heading": {"en": "A Fashion-MNIST item: {name}", "ko": "Fashion-MNIST 이미지: {name}"},
    "augment.photo_heading": {"en": "A photo", "ko": "사진"},
    "augment.original": {"en": "original", "ko": "원본"},
    "augment.version": {"en": "#{number}", "ko": "#{number}"},
    "augment.no_data": {
        "en": "Fashion-MNIST is not available here, so only the photo is shown. {message}",
        "ko": "Fashion-MNIST를 찾을 수 없어 사진만 보여 줍니다. {message}",
    },
    "augment.mode_heading": {"en": "Training vs inference", "ko": "훈련 vs 추론"},
    "augment.mode_explain": {
        "en": "The same layers, the same image, the same seed: with `training=True` they change it, with `training=False` (what `model.predict` and `model.evaluate` use) the output equals the input exactly.",
        "ko": "같은 층, 같은 이미지, 같은 시드라도 `training=True`이면 이미지가 바뀌고, `training=False`(`model.predict`, `model.evaluate`가 쓰는 모드)이면 출력이 입력과 정확히 같습니다. 랜덤한 이미지 증식 층은 추론할 때는 동작하지 않습니다.",
    },
    "augment.training_true": {"en": "training=True", "ko": "training=True (훈련)"},
    "augment.training_false": {"en": "training=False", "ko": "training=False (추론)"},
    "augment.identity_check": {
        "en": "training=False output equals the input: {same}",
        "ko": "training=False 출력이 입력과 같은가: {same}",
    },
    "augment.computing": {"en": "Running the Keras layers…", "ko": "케라스 층을 실행하는 중…"},
    "augment.loading_keras": {
        "en": "Loading TensorFlow/Keras (only the first time after the server starts, about 10–20 s). The images "
        "made by the real Keras layers appear here by themselves.",
        "ko": "TensorFlow/케라스를 불러오는 중입니다(서버가 시작된 뒤 처음 한 번만, 10–20초 정도). 실제 케라스 층이 "
        "만든 이미지가 여기에 저절로 나타납니다.",
    },
    "augment.lab_heading": {"en": "Train with augmentation", "ko": "데이터 증식으로 훈련하기"},
    "augment.lab_explain": {
        "en": "Send these layers to the training lab: they go in front of the model for the next run. Train once without and once with augmentation, then overlay both runs in Compare runs — watch the gap between training and validation accuracy (overfitting) shrink.",
        "ko": "이 층들을 학습 실험실로 보냅니다. 다음 훈련에서 모델 앞에 추가됩니다. 데이터 증식 없이 한 번, 있이 한 번 훈련한 뒤 '실행 비교'에서 두 결과를 겹쳐 보세요. 훈련 정확도와 검증 정확도의 차이(과적합)가 줄어드는지 확인할 수 있습니다.",
    },
    "augment.send": {"en": "Train with these layers", "ko": "이 층으로 훈련하기"},
    "augment.clear": {"en": "Train without augmentation", "ko": "데이터 증식 없이 훈련하기"},
    "augment.sent": {
        "en": "The training lab will put {count} augmentation layer(s) in front of the next model: {layers}",
        "ko": "학습 실험실이 다음 모델 앞에 데이터 증식 층 {count}개를 추가합니다: {layers}",
    },
    "augment.not_sent": {
        "en": "The training lab currently trains without augmentation.",
        "ko": "학습 실험실은 현재 데이터 증식 없이 훈련합니다.",
    },
    "augment.open_lab": {"en": "Open the training lab", "ko": "학습 실험실 열기"},
    "augment.open_compare": {"en": "Compare runs", "ko": "실행 비교"},
    # ------------------------------------------------------------------------------------ transfer learning
    "transfer.intro": {
        "en": "A **pretrained model** has already learned useful filters on a big data set; we reuse them for a new problem with few labels. Here, offline and small: a base CNN pretrained on five Fashion-MNIST classes (**tops**: T-shirt/top, Pullover, Dress, Coat, Shirt) is reused for the other five (**trousers, sandals, sneakers, bags, ankle boots**) with only a few labelled images per class. Compare (a) training from scratch, (b) **feature extraction** (frozen base + new head) and (c) **fine-tuning** the top of the base after (b) with a lower learning rate.",
        "ko": "**사전 훈련된 모델**은 대량의 데이터셋에서 이미 쓸모 있는 필터를 학습한 모델입니다. 이를 레이블이 적은 새 문제에 재사용합니다. 여기서는 인터넷 없이 작게: Fashion-MNIST의 다섯 클래스(**상의**: 티셔츠/탑, 풀오버, 드레스, 코트, 셔츠)로 사전 훈련한 기반 CNN을 나머지 다섯 클래스(**바지, 샌들, 스니커즈, 가방, 앵클 부츠**)에 클래스당 몇 장의 레이블만으로 재사용합니다. (a) 밑바닥부터 훈련, (b) **특성 추출**(기반 네트워크 동결 + 새 분류기), (c) (b) 이후 기반 네트워크 상위 층을 낮은 학습률로 **미세 조정**을 비교해 보세요.",
    },
    "transfer.settings": {"en": "Experiment", "ko": "실험 설정"},
    "transfer.labels": {"en": "Labelled images per target class", "ko": "타깃 클래스당 레이블 이미지 수"},
    "transfer.labels_help": {
        "en": "Few labels is where transfer learning helps most; try 10 and 500.",
        "ko": "레이블이 적을수록 전이 학습의 효과가 큽니다. 10과 500을 비교해 보세요.",
    },
    "transfer.epochs": {"en": "Epochs per mode", "ko": "모드별 에포크 수"},
    "transfer.epochs_help": {
        "en": "Fine-tuning trains this many more epochs after feature extraction.",
        "ko": "미세 조정은 특성 추출 이후 이만큼 더 훈련합니다.",
    },
    "transfer.seed": {"en": "Seed", "ko": "시드(seed)"},
    "transfer.learning_rates": {
        "en": "Adam learning rate {lr:g} for (a) and (b), {ft_lr:g} for fine-tuning (c).",
        "ko": "(a), (b)는 Adam 학습률 {lr:g}, 미세 조정 (c)는 {ft_lr:g}를 사용합니다.",
    },
    "transfer.base": {"en": "Pretrained base", "ko": "사전 훈련된 기반 네트워크"},
    "transfer.base_shipped": {"en": "Shipped with the app", "ko": "앱에 포함된 가중치"},
    "transfer.base_live": {"en": "Pretrained here, this session", "ko": "이 세션에서 직접 사전 훈련"},
    "transfer.base_accuracy": {
        "en": "Shipped base: {accuracy:.1%} accuracy on the 5 000 test images of the five source classes (made by `scripts/pretrain_base.py`, seed 0, 5 epochs).",
        "ko": "포함된 기반 네트워크: 소스 다섯 클래스의 테스트 이미지 5,000장에서 정확도 {accuracy:.1%} (`scripts/pretrain_base.py`, 시드 0, 5 에포크로 생성).",
    },
    "transfer.live_accuracy": {
        "en": "Base pretrained in this session: {accuracy:.1%} on the source test images.",
        "ko": "이 세션에서 사전 훈련한 기반 네트워크: 소스 테스트 이미지 정확도 {accuracy:.1%}.",
    },
    "transfer.pretrain_heading": {"en": "Pretrain the base yourself", "ko": "기반 네트워크 직접 사전 훈련하기"},
    "transfer.pretrain_epochs": {"en": "Pretraining epochs", "ko": "사전 훈련 에포크 수"},
    "transfer.pretrain_size": {"en": "Source images per class", "ko": "소스 클래스당 이미지 수"},
    "transfer.pretrain_button": {"en": "Pretrain on the five source classes", "ko": "소스 다섯 클래스로 사전 훈련"},
    "transfer.pretraining": {
        "en": "Pretraining epoch {epoch}/{epochs} — accuracy {accuracy:.3f}",
        "ko": "사전 훈련 에포크 {epoch}/{epochs} — 정확도 {accuracy:.3f}",
    },
    "transfer.pretrain_started": {"en": "Pretraining the base…", "ko": "기반 네트워크를 사전 훈련하는 중…"},
    "transfer.run": {"en": "Run the three modes", "ko": "세 가지 방법 실행"},
    "transfer.running": {
        "en": "{mode}: epoch {epoch}/{epochs} — validation accuracy {accuracy:.3f}",
        "ko": "{mode}: 에포크 {epoch}/{epochs} — 검증 정확도 {accuracy:.3f}",
    },
    "transfer.starting": {"en": "Preparing the models…", "ko": "모델을 준비하는 중…"},
    "transfer.mode_scratch": {"en": "(a) From scratch", "ko": "(a) 밑바닥부터 훈련"},
    "transfer.mode_feature_extraction": {"en": "(b) Feature extraction", "ko": "(b) 특성 추출"},
    "transfer.mode_fine_tuning": {"en": "(c) Fine-tuning", "ko": "(c) 미세 조정"},
    "transfer.explain_scratch": {
        "en": "Same architecture, random initial weights: every layer trains on the few labels.",
        "ko": "같은 구조, 랜덤한 초기 가중치: 적은 레이블로 모든 층을 훈련합니다.",
    },
    "transfer.explain_feature_extraction": {
        "en": "The pretrained base is frozen (`base.trainable = False`); only the new Dense head trains.",
        "ko": "사전 훈련된 기반 네트워크를 동결하고(`base.trainable = False`) 새로 추가한 Dense 분류기만 훈련합니다.",
    },
    "transfer.explain_fine_tuning": {
        "en": "After (b): the top conv layer of the base is unfrozen and trains with the head, at a 10× lower learning rate.",
        "ko": "(b) 이후 기반 네트워크의 상위 합성곱 층의 동결을 해제하고, 10배 낮은 학습률로 분류기와 함께 훈련합니다.",
    },
    "transfer.strip_title": {
        "en": "What trains in each mode (left of the dotted line: the pretrained base; right: the new head)",
        "ko": "방법별로 훈련되는 층 (점선 왼쪽: 사전 훈련된 기반 네트워크, 오른쪽: 새 분류기)",
    },
    "transfer.state_trainable": {"en": "trainable", "ko": "훈련됨"},
    "transfer.state_frozen": {"en": "frozen", "ko": "동결"},
    "transfer.state_no_weights": {"en": "no weights", "ko": "가중치 없음"},
    "transfer.counts": {"en": "Parameters per mode", "ko": "방법별 파라미터 수"},
    "transfer.col_mode": {"en": "mode", "ko": "방법"},
    "transfer.col_trainable": {"en": "trainable", "ko": "훈련되는 파라미터"},
    "transfer.col_frozen": {"en": "non-trainable", "ko": "훈련되지 않는 파라미터"},
    "transfer.col_val_accuracy": {"en": "final validation accuracy", "ko": "최종 검증 정확도"},
    "transfer.col_learning_rate": {"en": "learning rate", "ko": "학습률"},
    "transfer.results": {"en": "Results", "ko": "결과"},
    "transfer.not_run": {
        "en": "Press **Run the three modes** to train them (a few seconds to a minute, depending on the settings).",
        "ko": "**세 가지 방법 실행**을 눌러 훈련해 보세요(설정에 따라 몇 초에서 1분 정도 걸립니다).",
    },
    "transfer.stale": {
        "en": "These results were made with other settings ({settings}); run again to update them.",
        "ko": "이 결과는 다른 설정({settings})으로 만든 것입니다. 다시 실행하면 갱신됩니다.",
    },
    "transfer.metric_val": {"en": "{mode}", "ko": "{mode}"},
    "transfer.metric_help": {
        "en": "Final validation accuracy on {n} target test images; trainable parameters: {trainable:,}",
        "ko": "타깃 테스트 이미지 {n}장의 최종 검증 정확도, 훈련되는 파라미터: {trainable:,}",
    },
    "transfer.accuracy_title": {
        "en": "Accuracy (dashed: training, solid: validation)",
        "ko": "정확도 (점선: 훈련, 실선: 검증)",
    },
    "transfer.loss_title": {"en": "Loss (dashed: training, solid: validation)", "ko": "손실 (점선: 훈련, 실선: 검증)"},
    "transfer.epoch": {"en": "epoch", "ko": "에포크"},
    "transfer.accuracy": {"en": "accuracy", "ko": "정확도"},
    "transfer.loss": {"en": "loss", "ko": "손실"},
    "transfer.training": {"en": "training", "ko": "훈련"},
    "transfer.validation": {"en": "validation", "ko": "검증"},
    "transfer.code": {"en": "Keras code of each mode", "ko": "방법별 케라스 코드"},
    "transfer.no_data": {
        "en": "Fashion-MNIST is needed for this page. {message}",
        "ko": "이 페이지에는 Fashion-MNIST가 필요합니다. {message}",
    },
    "transfer.no_base": {
        "en": "The shipped base weights could not be loaded: {message}",
        "ko": "포함된 기반 네트워크 가중치를 불러올 수 없습니다: {message}",
    },
    "transfer.mobilenet_heading": {
        "en": "Bonus: a real ImageNet model (MobileNetV2) as a feature extractor",
        "ko": "보너스: 실제 ImageNet 모델(MobileNetV2)을 특성 추출기로 사용하기",
    },
    "transfer.mobilenet_missing": {
        "en": 'MobileNetV2\'s ImageNet weights are not on this machine (Keras keeps them in `~/.keras/models/` after a first download with `keras.applications.MobileNetV2(weights="imagenet", include_top=False)`). This app never downloads them, so this part is switched off; everything above works without it.',
        "ko": '이 컴퓨터에는 MobileNetV2의 ImageNet 가중치가 없습니다(`keras.applications.MobileNetV2(weights="imagenet", include_top=False)`로 한 번 내려받으면 케라스가 `~/.keras/models/`에 보관합니다). 이 앱은 가중치를 내려받지 않으므로 이 부분은 꺼져 있고, 위의 내용은 모두 그대로 동작합니다.',
    },
    "transfer.mobilenet_photo": {"en": "Photo", "ko": "사진"},
    "transfer.mobilenet_upload": {"en": "…or upload your own", "ko": "…또는 직접 올리기"},
    "transfer.mobilenet_maps": {
        "en": "The 16 most active of MobileNetV2's 1 280 feature maps (7 × 7) for this photo",
        "ko": "이 사진에 대한 MobileNetV2 특성 맵 1,280개 중 가장 강하게 활성화된 16개 (7 × 7)",
    },
    "transfer.mobilenet_channel": {"en": "map {channel}", "ko": "특성 맵 {channel}"},
}
