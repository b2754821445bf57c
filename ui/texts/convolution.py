"""Texts of the convolution pages: 1-D convolution, 2-D convolution, pooling."""

TEXTS = {
    # ------------------------------------------------------------------------------------------------ 1-D
    "conv1d.intro": {
        "en": "A **convolution** multiplies matching numbers and adds the products — then slides one step and does it "
        "again. Here the kernel slides along a signal. **Convolve** flips the kernel first (like `scipy.signal.convolve`); "
        "**correlate** slides it as it is (like `scipy.signal.correlate`, and like Keras's `Conv` layers). "
        "Outside the signal the values are 0 (zero padding).",
        "ko": "**합성곱**은 짝이 맞는 숫자끼리 곱하고 그 곱을 모두 더하는 연산입니다. 그리고 한 칸 옮겨 다시 계산합니다. "
        "여기서는 커널이 신호 위를 미끄러집니다. **convolve**는 커널을 먼저 좌우 반전(flip)합니다(`scipy.signal.convolve`). "
        "**correlate**는 커널을 그대로 밉니다(`scipy.signal.correlate`, 케라스의 `Conv` 층도 이 방식). "
        "신호 밖의 값은 0입니다(제로 패딩).",
    },
    "conv1d.preset": {"en": "Example", "ko": "예제"},
    "conv1d.preset_help": {
        "en": "Fills in the signal and the kernel below; you can then edit them.",
        "ko": "아래 신호와 커널을 채웁니다. 채운 뒤 직접 고칠 수 있습니다.",
    },
    "conv1d.preset_notes": {"en": "Course notes: [1, 2, 3, 4] and [1, 2]", "ko": "강의 노트: [1, 2, 3, 4]와 [1, 2]"},
    "conv1d.preset_moving_average": {"en": "Moving average (smoothing)", "ko": "이동 평균(부드럽게)"},
    "conv1d.preset_difference": {"en": "Difference (finds edges)", "ko": "차분(경계 찾기)"},
    "conv1d.preset_asymmetric": {"en": "Asymmetric kernel (flip matters)", "ko": "비대칭 커널(반전이 중요)"},
    "conv1d.preset_impulse": {"en": "Impulse (copies the kernel)", "ko": "임펄스(커널이 복사됨)"},
    "conv1d.signal": {"en": "Signal x", "ko": "신호 x"},
    "conv1d.kernel": {"en": "Kernel k", "ko": "커널 k"},
    "conv1d.numbers_help": {
        "en": "Numbers separated by commas, e.g. 1, 2, 3.5 (at most 64).",
        "ko": "쉼표로 구분한 숫자, 예: 1, 2, 3.5 (최대 64개).",
    },
    "conv1d.mode": {"en": "Mode", "ko": "모드"},
    "conv1d.mode_help": {
        "en": "full: every overlap (n + m − 1 values). same: as long as the signal (n). valid: only where the kernel "
        "lies entirely on the signal (n − m + 1).",
        "ko": "full: 겹치는 모든 위치(n + m − 1개). same: 신호와 같은 길이(n). valid: 커널이 신호 위에 완전히 "
        "놓이는 위치만(n − m + 1개).",
    },
    "conv1d.operation": {"en": "Show the steps of", "ko": "단계별로 볼 연산"},
    "conv1d.operation_help": {
        "en": "Convolve flips the kernel before sliding it; correlate does not.",
        "ko": "convolve는 커널을 반전한 뒤 밀고, correlate는 반전하지 않습니다.",
    },
    "conv1d.op_convolve": {"en": "convolve (flipped kernel)", "ko": "convolve (반전된 커널)"},
    "conv1d.op_correlate": {"en": "correlate (kernel as is)", "ko": "correlate (커널 그대로)"},
    "conv1d.step": {"en": "Step (output position)", "ko": "단계(출력 위치)"},
    "conv1d.step_help": {
        "en": "Moves the kernel one position at a time.",
        "ko": "커널을 한 칸씩 옮깁니다.",
    },
    "conv1d.back": {"en": "Back", "ko": "이전"},
    "conv1d.next": {"en": "Next", "ko": "다음"},
    "conv1d.play": {"en": "Play", "ko": "재생"},
    "conv1d.step_title": {"en": "Step {step} of {last}", "ko": "단계 {step} / {last}"},
    "conv1d.step_sum": {
        "en": "Output **y[{j}]** = {expression}",
        "ko": "출력 **y[{j}]** = {expression}",
    },
    "conv1d.padding_note": {
        "en": "Orange frame: where the kernel sits now. Cells left of 0 or beyond the last index are the zero padding "
        "(dotted line = edge of the signal).",
        "ko": "주황색 테두리: 지금 커널이 놓인 위치. 0보다 왼쪽이나 마지막 인덱스 너머의 칸은 제로 패딩입니다"
        "(점선 = 신호의 경계).",
    },
    "conv1d.fig_signal": {"en": "signal (padded)", "ko": "신호(패딩 포함)"},
    "conv1d.fig_kernel": {"en": "kernel", "ko": "커널"},
    "conv1d.fig_kernel_flipped": {"en": "flipped kernel", "ko": "반전된 커널"},
    "conv1d.fig_products": {"en": "products", "ko": "곱"},
    "conv1d.fig_output": {"en": "output", "ko": "출력"},
    "conv1d.fig_signal_index": {"en": "signal index", "ko": "신호 인덱스"},
    "conv1d.fig_output_index": {"en": "output index", "ko": "출력 인덱스"},
    "conv1d.fig_tap": {"en": "kernel index", "ko": "커널 인덱스"},
    "conv1d.fig_value": {"en": "value", "ko": "값"},
    "conv1d.compare_title": {"en": "Convolve vs correlate, side by side", "ko": "convolve와 correlate 비교"},
    "conv1d.convolve_head": {
        "en": "**`convolve`** uses the kernel flipped left–right:",
        "ko": "**`convolve`** 는 좌우 반전한 커널을 씁니다:",
    },
    "conv1d.correlate_head": {
        "en": "**`correlate`** uses the kernel as written:",
        "ko": "**`correlate`** 는 커널을 그대로 씁니다:",
    },
    "conv1d.symmetric": {
        "en": "This kernel reads the same backwards, so flipping changes nothing: both results are equal.",
        "ko": "이 커널은 뒤집어도 같으므로 반전해도 달라지지 않습니다. 두 결과가 같습니다.",
    },
    "conv1d.output_length": {"en": "Output length", "ko": "출력 길이"},
    "conv1d.length_full": {"en": "full: n + m − 1", "ko": "full: n + m − 1"},
    "conv1d.length_same": {"en": "same: n", "ko": "same: n"},
    "conv1d.length_valid": {"en": "valid: n − m + 1", "ko": "valid: n − m + 1"},
    "conv1d.matches": {
        "en": "Checked live: every output value equals `scipy.signal.{function}` for these inputs.",
        "ko": "실시간 확인: 모든 출력 값이 같은 입력에 대한 `scipy.signal.{function}` 결과와 같습니다.",
    },
}
