"""The core's error messages in Korean, keyed by their English template (playground.messages.Problem).

The argument checks (playground/_checks.py) and the modules of the concept pages. Keep the fields of each template;
a value that is a phrase of its own (``{expected}``) is translated by its own entry. Korean reads "허용: …" for
"Expected …" (what is allowed, as a noun phrase), so each phrase below is a noun phrase.
"""

from __future__ import annotations

ERRORS = {
    # The sentence every argument check writes, and its phrases.
    "Invalid value received for argument `{argument}`. Expected {expected}. Received: {received}": {
        "ko": "인수 `{argument}`의 값이 올바르지 않습니다. 허용: {expected}. 받은 값: {received}",
    },
    "Invalid value received for arguments `{first}` and `{second}`. Expected {expected}. Received: {received}": {
        "ko": "인수 `{first}`, `{second}`의 값이 올바르지 않습니다. 허용: {expected}. 받은 값: {received}",
    },
    "Invalid argument `{name}` for {owner}. Expected an argument of {owner} ({allowed}). Received: {received}": {
        "ko": "{owner}에는 인수 `{name}`이(가) 없습니다. {owner}의 인수: {allowed}. 받은 값: {received}",
    },
    "an integer in the range {interval}": {"ko": "{interval} 범위의 정수"},
    "an integer ≥ {low}": {"ko": "{low} 이상의 정수"},
    "an integer ≤ {high}": {"ko": "{high} 이하의 정수"},
    "an integer": {"ko": "정수"},
    "a number in the range {interval}": {"ko": "{interval} 범위의 수"},
    "a number ≥ {low}": {"ko": "{low} 이상의 수"},
    "a number > {low}": {"ko": "{low}보다 큰 수"},
    "a number ≤ {high}": {"ko": "{high} 이하의 수"},
    "a number < {high}": {"ko": "{high}보다 작은 수"},
    "a finite number": {"ko": "유한한 수"},
    "a positive integer or a pair of positive integers": {"ko": "양의 정수 하나 또는 양의 정수 두 개(쌍)"},
    "an integer ≥ {low} or a pair of integers ≥ {low}": {"ko": "{low} 이상의 정수 하나 또는 그런 정수 두 개(쌍)"},
    "one of {allowed}": {"ko": "{allowed} 중 하나"},
    "True or False": {"ko": "True 또는 False"},
    "a numeric array": {"ko": "수로 된 배열"},
    "{argument} of type {type}": {"ko": "자료형이 {type}인 {argument}"},
    "a {dims} array": {"ko": "{dims} 배열"},
    "{first} or {second}": {"ko": "{first} 또는 {second}"},
    "none": {"ko": "없음"},
    "{argument} with shape {shape}": {"ko": "모양이 {shape}인 {argument}"},
    "at least one value": {"ko": "값이 하나 이상 있는 배열"},
    "finite numbers (no inf or NaN)": {"ko": "유한한 수(`inf`나 `NaN` 없이)"},
    "{argument} containing {bad}": {"ko": "{bad}이(가) 들어 있는 {argument}"},
    # Typed numbers and the convolution's settings (convolution.py, geometry.py, pooling.py, kernels.py).
    "numbers separated by commas": {"ko": "쉼표로 구분한 숫자들"},
    "at least one number, separated by commas": {"ko": "쉼표로 구분한 숫자 하나 이상"},
    "numbers separated by commas, like 1, 2, 3": {"ko": "1, 2, 3처럼 쉼표로 구분한 숫자들"},
    "finite numbers (no NaN or infinity)": {"ko": "유한한 수(NaN이나 무한대 없이)"},
    "{part} in {text}": {"ko": "{text} 안의 {part}"},
    "at most {limit} numbers": {"ko": "숫자 {limit}개 이하"},
    "{count} numbers": {"ko": "숫자 {count}개"},
    'a kernel no longer than the signal in "valid" mode (signal length {length})': {
        "ko": '"valid" 모드에서는 신호보다 길지 않은 커널(신호 길이 {length})',
    },
    "kernel of length {length}": {"ko": "길이 {length}의 커널"},
    "one kernel per input channel: shape (kh, kw, {channels}, filters) for an image with {channels} channel(s)": {
        "ko": "입력 채널마다 커널 하나: 채널이 {channels}개인 이미지에는 모양 (kh, kw, {channels}, filters)",
    },
    "dilation_rate 1 when strides > 1 (Keras does not support both at once)": {
        "ko": "strides > 1이면 dilation_rate 1(케라스는 둘을 함께 쓰는 것을 지원하지 않습니다)",
    },
    "one value per filter ({filters})": {"ko": "필터마다 값 하나({filters}개)"},
    "an int ≥ the output's {rows}×{cols} = {cells} cells": {"ko": "출력의 칸 수 {rows}×{cols} = {cells} 이상의 정수"},
    'a kernel no larger than the input, at most {size} here; use padding "same" or a smaller kernel': {
        "ko": '입력보다 크지 않은 커널(여기서는 최대 {size}). padding "same"을 쓰거나 커널을 줄이세요',
    },
    'a window no larger than the input, at most {size} here; use padding "same" or a smaller window': {
        "ko": '입력보다 크지 않은 창(여기서는 최대 {size}). padding "same"을 쓰거나 창을 줄이세요',
    },
    "{argument}={kernel_size} on an input of size {size}": {"ko": "크기 {size}의 입력에 {argument}={kernel_size}"},
    "{argument}={kernel_size} (dilated to {dilated}) on an input of size {size}": {
        "ko": "크기 {size}의 입력에 {argument}={kernel_size}(팽창하면 {dilated})",
    },
    "a 2-D or 3-D array": {"ko": "2차원 또는 3차원 배열"},
    "a 2-D array": {"ko": "2차원 배열"},
    "an odd integer in the range [1, 15]": {"ko": "[1, 15] 범위의 홀수"},
    # Uploaded pictures (images.py).
    "the file's bytes": {"ko": "파일의 바이트"},
    "The file is empty (0 bytes). Please choose an image file (PNG, JPEG, GIF, BMP, WebP, TIFF).": {
        "ko": "빈 파일입니다(0바이트). 이미지 파일(PNG, JPEG, GIF, BMP, WebP, TIFF)을 고르세요.",
    },
    "This file is not an image that can be opened here. Allowed formats: {formats}.": {
        "ko": "여기서 열 수 있는 이미지 파일이 아닙니다. 허용되는 형식: {formats}.",
    },
    "Image format {format} is not allowed. Allowed formats: {formats}.": {
        "ko": "{format} 형식은 허용되지 않습니다. 허용되는 형식: {formats}.",
    },
    "This image declares an empty size ({width} × {height}).": {
        "ko": "이 이미지에 적힌 크기가 비어 있습니다({width} × {height}).",
    },
    "This image is too large: it declares {width} × {height} = {pixels:,} pixels, more than the {limit:,} allowed. "
    "Please upload a smaller picture.": {
        "ko": "이미지가 너무 큽니다: {width} × {height} = {pixels:,} 픽셀로, 허용되는 {limit:,} 픽셀보다 많습니다. "
        "더 작은 사진을 올려 주세요.",
    },
    "This image is too large: it declares {pixels:,} pixels, more than the {limit:,} allowed. "
    "Please upload a smaller picture.": {
        "ko": "이미지가 너무 큽니다: {pixels:,} 픽셀로, 허용되는 {limit:,} 픽셀보다 많습니다. 더 작은 사진을 올려 주세요.",
    },
    "This image is too large: it declares more pixels than the {limit:,} allowed. Please upload a smaller picture.": {
        "ko": "이미지가 너무 큽니다: 허용되는 {limit:,} 픽셀보다 많습니다. 더 작은 사진을 올려 주세요.",
    },
    "This image would take {need_mb:.0f} MB to decode ({width} × {height} pixels in mode {mode}); this server "
    "decodes up to {limit_mb:.0f} MB per image. Please upload a smaller picture (or save it as an 8-bit JPEG).": {
        "ko": "이 이미지를 디코딩하려면 {need_mb:.0f} MB가 필요합니다({width} × {height} 픽셀, 모드 {mode}). 이 서버는 "
        "이미지 하나에 {limit_mb:.0f} MB까지 디코딩합니다. 더 작은 사진을 올려 주세요(또는 8비트 JPEG로 저장하세요).",
    },
    "This {format} file is damaged or incomplete and cannot be decoded ({reason}).": {
        "ko": "이 {format} 파일은 손상되었거나 일부가 없어 디코딩할 수 없습니다({reason}).",
    },
    "a uint8 array of shape (H, W) or (H, W, 3)": {"ko": "모양이 (H, W) 또는 (H, W, 3)인 uint8 배열"},
    "a non-empty image": {"ko": "비어 있지 않은 이미지"},
    # Optimizers, surfaces, mini-batches (optimizers.py, surfaces.py, minibatch.py).
    "a sum > 0": {"ko": "0보다 큰 합"},
    "two finite numbers (x, y)": {"ko": "유한한 수 두 개 (x, y)"},
    "{setting} for surface {surface}": {"ko": "표면 {surface}에 {setting}"},
    "None: only the bowl has a conditioning": {"ko": "`None`(조건수는 `bowl` 표면에만 있습니다)"},
    "two arrays of one shape (N,)": {"ko": "모양이 둘 다 (N,)인 배열 두 개"},
    # Figures and the lab's frames, the run store (their callers are the app's own code).
    "an array of shape (H, W, C)": {"ko": "모양이 (H, W, C)인 배열"},
    "an array of shape (H, W, C) with C ≥ 1": {"ko": "모양이 (H, W, C)이고 C ≥ 1인 배열"},
    "one (H, W) image": {"ko": "(H, W) 이미지 하나"},
    "at least one image": {"ko": "이미지 하나 이상"},
    "22 to 128 url-safe characters": {"ko": "URL에 쓸 수 있는 문자 22~128개"},
    "1–64 letters, digits, '-', '_' or '.'": {"ko": "글자, 숫자, '-', '_', '.'로 된 1~64자"},
}
