"""The core's error messages about model files in Korean, keyed by their English template (playground.messages.Problem).

Saving, restoring and checking uploaded files (playground/persistence.py, model_budget.py, file_contents.py),
ModelCheckpoint's file name (checkpoint.py) and transfer learning (transfer.py). Keep the fields of each template; a
value that is a phrase of its own (``{reason}`` from model_budget's CostError or a refused object) is translated by its
own entry, so those entries are fragments that read inside the sentence quoting them.
"""

from __future__ import annotations

ERRORS = {
    # persistence.py: size and kind of an uploaded file.
    "bytes": {"ko": "`bytes` 형식의 파일 내용"},
    "The {what} file is empty.": {"ko": "{what} 파일이 비어 있습니다."},
    "The {what} file is too large: {size} MB. The limit is {limit} MB (a model of this playground is well under 5 MB).": {
        "ko": "{what} 파일이 너무 큽니다: {size} MB. 한도는 {limit} MB입니다(이 플레이그라운드의 모델은 5 MB보다 훨씬 "
        "작습니다).",
    },
    "The size of this model cannot be worked out ({reason}); refused.": {
        "ko": "이 모델의 크기를 계산할 수 없어 거부했습니다({reason}).",
    },
    # persistence.py: restoring a `.weights.h5`.
    "This is not a `.weights.h5` file (it does not start with the HDF5 signature).": {
        "ko": "`.weights.h5` 파일이 아닙니다(HDF5 시그니처로 시작하지 않습니다).",
    },
    "These weights belong to a different architecture than the chosen run's model, so they cannot be restored into it. "
    "The model needs: {needed}. The file holds: {held}.": {
        "ko": "이 가중치는 고른 실행의 모델과 구조가 다른 모델의 것이라 이 모델에 복원할 수 없습니다. "
        "모델에 필요한 가중치: {needed}. 파일에 든 가중치: {held}.",
    },
    "no weights": {"ko": "가중치 없음"},
    "no layer weights": {"ko": "층 가중치 없음"},
    "Keras could not load these weights: {reason}": {"ko": "케라스가 이 가중치를 불러오지 못했습니다: {reason}"},
    # persistence.py: a `.keras` upload, its zip directory and config.json.
    "This is not a `.keras` file: a `.keras` file is a zip archive, and this one is not.": {
        "ko": "`.keras` 파일이 아닙니다: `.keras` 파일은 zip 압축 파일인데, 이 파일은 그렇지 않습니다.",
    },
    "This `.keras` file is not a readable zip archive ({reason}).": {
        "ko": "이 `.keras` 파일은 읽을 수 있는 zip 압축 파일이 아닙니다({reason}).",
    },
    "This `.keras` file holds {count} files; a Keras model file holds 3.": {
        "ko": "이 `.keras` 파일에는 파일이 {count}개 들어 있습니다. 케라스 모델 파일에는 3개가 들어 있습니다.",
    },
    "This `.keras` file contains files a Keras model file does not have: {names}": {
        "ko": "이 `.keras` 파일에는 케라스 모델 파일에 없는 파일이 들어 있습니다: {names}",
    },
    "This `.keras` file lists the same file twice; refused.": {
        "ko": "이 `.keras` 파일에는 같은 파일이 두 번 들어 있어 거부했습니다.",
    },
    "This `.keras` file has no config.json, so it is not a Keras model file.": {
        "ko": "이 `.keras` 파일에는 config.json이 없으므로 케라스 모델 파일이 아닙니다.",
    },
    "This `.keras` file is encrypted; refused.": {"ko": "이 `.keras` 파일은 암호화되어 있어 거부했습니다."},
    "This `.keras` file would unpack to {size_mb:.0f} MB (limit {limit_mb:.0f} MB); refused as a possible zip bomb.": {
        "ko": "이 `.keras` 파일은 압축을 풀면 {size_mb:.0f} MB가 됩니다(한도 {limit_mb:.0f} MB). 압축 폭탄일 수 있어 "
        "거부했습니다.",
    },
    "This `.keras` file is compressed {ratio:.0f}:1 (limit {limit}:1); refused as a possible zip bomb.": {
        "ko": "이 `.keras` 파일의 압축률은 {ratio:.0f}:1입니다(한도 {limit}:1). 압축 폭탄일 수 있어 거부했습니다.",
    },
    "config.json is {size_mb:.1f} MB, far more than a model config needs.": {
        "ko": "config.json이 {size_mb:.1f} MB입니다. 모델 설정에 필요한 크기보다 훨씬 큽니다.",
    },
    "config.json in this `.keras` file is damaged ({reason}).": {
        "ko": "이 `.keras` 파일의 config.json이 손상되었습니다({reason}).",
    },
    "config.json in this `.keras` file does not describe a Keras model.": {
        "ko": "이 `.keras` 파일의 config.json에 적힌 것은 케라스 모델이 아닙니다.",
    },
    "This model was refused because it contains {reason}. Only standard Keras layers load.": {
        "ko": "이 모델에 다음이 들어 있어 거부했습니다: {reason}. 표준 케라스 층만 불러올 수 있습니다.",
    },
    "an object without a proper class name ({name})": {"ko": "올바른 클래스 이름이 없는 객체({name})"},
    "a Lambda layer (it carries Python code, which would run on this server)": {
        "ko": "Lambda 층(Python 코드가 들어 있어, 불러오면 이 서버에서 실행될 수 있습니다)",
    },
    "a custom function ({name})": {"ko": "사용자 정의 함수({name})"},
    "a custom object {name}": {"ko": "사용자 정의 객체 {name}"},
    "the layer {name}, which this app does not accept": {"ko": "이 앱이 받지 않는 층 {name}"},
    "the unknown object {name}": {"ko": "알 수 없는 객체 {name}"},
    "This model was refused: its size cannot be worked out from config.json ({reason}).": {
        "ko": "이 모델을 거부했습니다: config.json으로 모델의 크기를 계산할 수 없습니다({reason}).",
    },
    "The weights inside this `.keras` file hold {values:,} values; a model of {params:,} parameters holds at most "
    "{limit:,} (with its optimizer state). Refused.": {
        "ko": "이 `.keras` 파일 안의 가중치에는 값이 {values:,}개 있습니다. 파라미터가 {params:,}개인 모델은 옵티마이저 "
        "상태까지 합쳐도 값이 많아야 {limit:,}개입니다. 그래서 거부했습니다.",
    },
    "Keras refused this model file: {reason}": {"ko": "케라스가 이 모델 파일을 거부했습니다: {reason}"},
    "This model takes inputs of shape {shape}; Fashion-MNIST images are {expected}.": {
        "ko": "이 모델의 입력 모양은 {shape}입니다. Fashion-MNIST 이미지의 모양은 {expected}입니다.",
    },
    "This model outputs shape {shape}; Fashion-MNIST needs {count} class scores.": {
        "ko": "이 모델의 출력 모양은 {shape}입니다. Fashion-MNIST에는 클래스 점수 {count}개가 필요합니다.",
    },
    # model_budget.py: the budgets, read from config.json.
    "This model has {params:,} parameters; this server accepts up to {limit:,} (5× the largest model the lab trains).": {
        "ko": "이 모델의 파라미터는 {params:,}개입니다. 이 서버는 {limit:,}개까지 받습니다(학습 실험실에서 훈련하는 가장 큰 "
        "모델의 5배).",
    },
    "Layer {layer} of this model produces {values:,} values per image; this server accepts up to {limit:,} (5× the "
    "largest model the lab trains).": {
        "ko": "이 모델의 층 {layer}은(는) 이미지 한 장에 값 {values:,}개를 출력합니다. 이 서버는 {limit:,}개까지 "
        "받습니다(학습 실험실에서 훈련하는 가장 큰 모델의 5배).",
    },
    # model_budget.py: why a config cannot be costed (CostError), quoted inside the sentences above as {reason}.
    "`{name}` must be an integer or a pair of integers, not {value}": {
        "ko": "`{name}`은(는) 정수 하나 또는 정수 쌍이어야 하는데 {value}입니다",
    },
    "padding must be 'valid' or 'same', not {padding}": {
        "ko": "padding은 'valid' 또는 'same'이어야 하는데 {padding}입니다",
    },
    "a window of {window} does not fit an input of {size}": {
        "ko": "크기 {window}인 창이 크기 {size}인 입력에 들어가지 않습니다",
    },
    "layer {name} ({kind}) needs an (H, W, C) input, got {shape}": {
        "ko": "층 {name}({kind})에는 (H, W, C) 모양의 입력이 필요한데 {shape}을(를) 받았습니다",
    },
    "layer {name}: only channels_last models are accepted": {"ko": "층 {name}: channels_last 모델만 받습니다"},
    "layer {name}: unreadable padding {padding}": {"ko": "층 {name}: 패딩 {padding}을(를) 읽을 수 없습니다"},
    "layer {name}: cannot reshape {shape} to {target}": {
        "ko": "층 {name}: 모양 {shape}을(를) {target}(으)로 바꿀 수 없습니다",
    },
    "layer {name}: Add needs equal shapes, got {shapes}": {
        "ko": "층 {name}: Add에는 모양이 같은 입력이 필요한데 {shapes}을(를) 받았습니다",
    },
    "the cost of layer {name} ({kind}) cannot be computed": {"ko": "층 {name}({kind})의 크기를 계산할 수 없습니다"},
    "the model's input shape is missing from config.json": {"ko": "config.json에 모델의 입력 모양이 없습니다"},
    "models nested more than 4 deep are not accepted": {"ko": "4단계보다 깊이 중첩된 모델은 받지 않습니다"},
    "config.json does not describe a Keras model": {"ko": "config.json에 적힌 것은 케라스 모델이 아닙니다"},
    "the model has no layers": {"ko": "모델에 층이 없습니다"},
    "layer {name}: a nested model takes one input": {"ko": "층 {name}: 중첩된 모델은 입력을 하나만 받습니다"},
    "layer {name} has no config": {"ko": "층 {name}에 설정(config)이 없습니다"},
    "a layer of the model is not described": {"ko": "모델의 층 하나가 config.json에 제대로 적혀 있지 않습니다"},
    "layer {name} is used {count} times; shared layers are not accepted": {
        "ko": "층 {name}이(가) {count}번 쓰였습니다. 공유 층은 받지 않습니다",
    },
    "layer {name}: unreadable inputs": {"ko": "층 {name}: 입력을 읽을 수 없습니다"},
    "layer {name} reads a tensor that no earlier layer makes": {
        "ko": "층 {name}이(가) 앞의 어느 층도 만들지 않는 텐서를 읽습니다",
    },
    "the model's output layer is missing from config.json": {"ko": "config.json에 모델의 출력 층이 없습니다"},
    "unknown model kind {kind}": {"ko": "알 수 없는 모델 종류 {kind}"},
    # model_budget.py: the weights file, checked with h5py.
    "This weights file links to another file ({path}); refused.": {
        "ko": "이 가중치 파일은 다른 파일에 연결되어 있어({path}) 거부했습니다.",
    },
    "This weights file contains a link ({path}); a Keras weights file has none.": {
        "ko": "이 가중치 파일에는 링크({path})가 들어 있습니다. 케라스 가중치 파일에는 링크가 없습니다.",
    },
    "Dataset {path} of this weights file is stored in another file on disk (HDF5 external storage); refused: it could "
    "make the server read its own files.": {
        "ko": "이 가중치 파일의 데이터셋 {path}은(는) 디스크의 다른 파일에 저장되어 있어(HDF5 외부 저장소) "
        "거부했습니다: 서버가 자기 파일을 읽게 만들 수 있습니다.",
    },
    "Dataset {path} of this weights file is a virtual dataset; refused.": {
        "ko": "이 가중치 파일의 데이터셋 {path}은(는) 가상 데이터셋이라 거부했습니다.",
    },
    "Dataset {path} of this weights file is not numeric ({dtype}); refused.": {
        "ko": "이 가중치 파일의 데이터셋 {path}은(는) 수가 아니라서({dtype}) 거부했습니다.",
    },
    "The weights file could not be read as HDF5 ({reason}).": {
        "ko": "가중치 파일을 HDF5로 읽을 수 없습니다({reason}).",
    },
    "The weights file has no {name}, which the model needs (shape {shape}).": {
        "ko": "가중치 파일에 모델에 필요한 {name}이(가) 없습니다(모양 {shape}).",
    },
    "{name} in the weights file is {shape} {dtype}; the model needs {needed_shape} {needed_dtype}.": {
        "ko": "가중치 파일의 {name}은(는) {shape} {dtype}입니다. 모델에는 {needed_shape} {needed_dtype}이(가) "
        "필요합니다.",
    },
    "{name} in the weights file has shape {shape}, which no weight of the model has.": {
        "ko": "가중치 파일의 {name}은(는) 모양이 {shape}인데, 모델의 어느 가중치에도 없는 모양입니다.",
    },
    "The weights file holds datasets the model does not have: {names}.": {
        "ko": "가중치 파일에 모델에 없는 데이터셋이 들어 있습니다: {names}.",
    },
    # file_contents.py: reading a saved file's tree.
    "This is not a readable HDF5 file ({reason}).": {"ko": "읽을 수 있는 HDF5 파일이 아닙니다({reason})."},
    "This is not a `.keras` file: not a zip archive ({reason}).": {
        "ko": "`.keras` 파일이 아닙니다: zip 압축 파일이 아닙니다({reason}).",
    },
    "This `.keras` file has no config.json.": {"ko": "이 `.keras` 파일에는 config.json이 없습니다."},
    # checkpoint.py: ModelCheckpoint's file name.
    "a name ending in {ending} when save_weights_only={save_weights_only}": {
        "ko": "save_weights_only={save_weights_only}일 때는 {ending}로 끝나는 파일 이름",
    },
    "a name ending in {first} or {second} when save_weights_only={save_weights_only}": {
        "ko": "save_weights_only={save_weights_only}일 때는 {first} 또는 {second}로 끝나는 파일 이름",
    },
    "placeholders among epoch, {names}": {"ko": "`epoch`, {names} 중에서 고른 자리 표시자"},
    "a run whose ModelCheckpoint wrote a file": {"ko": "ModelCheckpoint가 파일을 저장한 실행"},
    # transfer.py: the pretrained base and the transfer settings.
    "as many images as labels": {"ko": "레이블과 같은 수의 이미지"},
    "at most {count}, the number of images of class {label}": {
        "ko": "{count} 이하의 수(클래스 {label}의 이미지 수)",
    },
    "a .weights.h5 file": {"ko": ".weights.h5 파일"},
    "The pretrained base weights are missing: {path}. Run `python scripts/pretrain_base.py`.": {
        "ko": "사전 훈련된 기반 CNN의 가중치 파일이 없습니다: {path}. `python scripts/pretrain_base.py`를 실행하세요.",
    },
    "These weights do not fit the base CNN ({kind}: {reason}).": {
        "ko": "이 가중치는 기반 CNN에 맞지 않습니다({kind}: {reason}).",
    },
    "a non-empty list from {modes}": {"ko": "{modes} 중에서 고른 항목으로 된, 비어 있지 않은 목록"},
    "a uint8 RGB array (H, W, 3)": {"ko": "(H, W, 3) 모양의 uint8 RGB 배열"},
}
