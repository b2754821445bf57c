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
    "conv1d.preset_notes": {"en": "The course notes' example", "ko": "강의 노트의 예제"},
    "conv1d.preset_moving_average": {"en": "Moving average (smoothing)", "ko": "이동 평균(부드럽게)"},
    "conv1d.preset_difference": {"en": "Difference (finds edges)", "ko": "차분(경계 찾기)"},
    "conv1d.preset_custom": {"en": "Your own numbers", "ko": "직접 입력한 숫자"},
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
    "conv1d.play": {"en": "▶ Play", "ko": "▶ 재생"},
    "conv1d.pause": {"en": "❚❚ Pause", "ko": "❚❚ 일시정지"},
    "conv1d.steps_heading": {"en": "Slide the kernel, one step at a time", "ko": "커널을 한 칸씩 밀어 보기"},
    "conv1d.step_title": {"en": "Step {step} of {last}", "ko": "단계 {step} / {last}"},
    "conv1d.padding_note": {
        "en": "Orange frame: where the kernel sits now; the chart's title writes out its multiply-add. Cells left of 0 "
        "or beyond the last index are the zero padding (dotted line = edge of the signal). **▶ Play** and "
        "**❚❚ Pause** under the chart run through the steps in your browser; Back, Next and the step slider choose "
        "the step the chart shows.",
        "ko": "주황색 테두리: 지금 커널이 놓인 위치이며, 차트 제목에 그 곱셈·덧셈이 적혀 있습니다. 0보다 왼쪽이나 마지막 "
        "인덱스 너머의 칸은 제로 패딩입니다(점선 = 신호의 경계). 차트 아래의 **▶ 재생**과 **❚❚ 일시정지**는 "
        "브라우저에서 단계를 차례로 보여 줍니다. 이전, 다음, 단계 슬라이더는 차트가 보여 줄 단계를 고릅니다.",
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
    "conv1d.compare_intro": {
        "en": "**`convolve`** slides the kernel flipped left–right (top left); **`correlate`** slides it as written "
        "(top right). Below, both outputs for the same signal and mode.",
        "ko": "**`convolve`** 는 좌우 반전한 커널(왼쪽 위)을, **`correlate`** 는 커널을 그대로(오른쪽 위) 밉니다. "
        "아래는 같은 신호와 모드에서 두 연산의 출력입니다.",
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

_KERNEL_NAMES = {
    "identity": ("Identity (changes nothing)", "항등(변화 없음)"),
    "box_blur": ("Box blur", "박스 블러(평균)"),
    "gaussian": ("Gaussian blur", "가우시안 블러"),
    "sharpen": ("Sharpen", "선명하게(샤프닝)"),
    "laplacian": ("Laplacian (edges)", "라플라시안(경계)"),
    "edge": ("Edge detector (all directions)", "경계 검출(모든 방향)"),
    "sobel_x": ("Sobel x (vertical edges)", "소벨 x(세로 경계)"),
    "sobel_y": ("Sobel y (horizontal edges)", "소벨 y(가로 경계)"),
    "prewitt_x": ("Prewitt x (vertical edges)", "프리윗 x(세로 경계)"),
    "prewitt_y": ("Prewitt y (horizontal edges)", "프리윗 y(가로 경계)"),
    "emboss": ("Emboss", "엠보스(양각)"),
    "horizontal_line": ("Horizontal line detector", "가로선 검출"),
    "vertical_line": ("Vertical line detector", "세로선 검출"),
}
_GRID_NAMES = {
    "digit_7": ("Digit 7", "숫자 7"),
    "digit_1": ("Digit 1", "숫자 1"),
    "digit_0": ("Digit 0", "숫자 0"),
    "cross": ("Cross", "십자"),
    "vertical_edge": ("Vertical edge", "세로 경계"),
    "diagonal": ("Diagonal line", "대각선"),
}

TEXTS.update({f"conv2d.kernel_{k}": {"en": en, "ko": ko} for k, (en, ko) in _KERNEL_NAMES.items()})
TEXTS.update({f"conv2d.grid_{k}": {"en": en, "ko": ko} for k, (en, ko) in _GRID_NAMES.items()})
TEXTS.update(
    {
        # -------------------------------------------------------------------------------------------- 2-D
        "conv2d.intro": {
            "en": "A 2-D convolution slides a small **kernel** over an image: at each stop it multiplies the cells "
            "it covers by its weights and adds the products into one number of the **feature map**. "
            "Keras's `Conv2D` does exactly this (a cross-correlation: the kernel is not flipped). "
            "Change the kernel, **stride**, **padding** and dilation, then click an output cell to see where it comes from.",
            "ko": "2차원 합성곱은 작은 **커널**을 이미지 위로 옮겨 가며, 멈출 때마다 덮은 칸과 커널의 가중치를 곱하고 "
            "그 곱을 더해 **특성 맵**의 숫자 하나를 만듭니다. 케라스의 `Conv2D`가 바로 이 계산을 합니다"
            "(교차 상관: 커널을 반전하지 않음). 커널, **스트라이드**, **패딩**, 팽창(dilation)을 바꾸고, "
            "출력 칸을 클릭해 그 값이 어디서 왔는지 확인하세요.",
        },
        "conv2d.input": {"en": "Input", "ko": "입력"},
        "conv2d.source": {"en": "Image", "ko": "이미지"},
        "conv2d.source_grid": {"en": "Small grid", "ko": "작은 격자"},
        "conv2d.source_photo": {"en": "Photo", "ko": "사진"},
        "conv2d.source_upload": {"en": "Upload", "ko": "업로드"},
        "conv2d.grid": {"en": "Grid", "ko": "격자"},
        "conv2d.grid_help": {
            "en": "Double-click a cell to change its value (a grayscale image: one channel).",
            "ko": "칸을 두 번 클릭해 값을 바꿀 수 있습니다(흑백 이미지: 채널 1개).",
        },
        "conv2d.photo": {"en": "Photo", "ko": "사진"},
        "conv2d.color": {"en": "Channels", "ko": "채널"},
        "conv2d.color_gray": {"en": "Grayscale (1)", "ko": "흑백 (1)"},
        "conv2d.color_rgb": {"en": "RGB (3)", "ko": "RGB (3)"},
        "conv2d.upload": {
            "en": "Your image (PNG, JPEG, GIF, BMP, WEBP, TIFF)",
            "ko": "내 이미지 (PNG, JPEG, GIF, BMP, WEBP, TIFF)",
        },
        "conv2d.upload_hint": {
            "en": "No file yet: showing a bundled photo meanwhile.",
            "ko": "아직 파일이 없어 기본 사진을 대신 보여 줍니다.",
        },
        "conv2d.downscaled": {
            "en": "The photo ({h}×{w}) was downscaled to {h2}×{w2} pixels so every cell can be drawn; values are pixel / 255.",
            "ko": "사진({h}×{w})을 {h2}×{w2} 픽셀로 줄였습니다(모든 칸을 그리기 위해). 값은 픽셀 / 255입니다.",
        },
        "conv2d.kernel_and_layer": {"en": "Kernel and layer", "ko": "커널과 층 설정"},
        "conv2d.kernel": {"en": "Kernel", "ko": "커널"},
        "conv2d.kh": {"en": "Kernel rows", "ko": "커널 행 수"},
        "conv2d.kw": {"en": "Kernel columns", "ko": "커널 열 수"},
        "conv2d.edit_grid": {"en": "Edit the grid's numbers", "ko": "격자의 숫자 고치기"},
        "conv2d.edit_kernel": {"en": "Edit the kernel's weights", "ko": "커널 가중치 고치기"},
        "conv2d.kernel_help": {
            "en": "The kernel's weights — double-click to edit. A network learns these numbers.",
            "ko": "커널의 가중치입니다. 두 번 클릭해 고칠 수 있습니다. 신경망은 이 숫자를 학습합니다.",
        },
        "conv2d.channel_weights_help": {
            "en": "RGB: the filter holds one kernel per channel. Here each channel's kernel is the kernel above times:",
            "ko": "RGB: 필터 하나에 채널마다 커널이 하나씩 있습니다. 여기서 각 채널의 커널은 위 커널에 다음 값을 곱한 것입니다:",
        },
        "conv2d.sh": {"en": "Stride (rows)", "ko": "스트라이드(행)"},
        "conv2d.sw": {"en": "Stride (columns)", "ko": "스트라이드(열)"},
        "conv2d.padding": {"en": "Padding", "ko": "패딩"},
        "conv2d.padding_help": {
            "en": "valid: no padding, the output shrinks. same: zeros around the input so that output = ⌈input / stride⌉ "
            "(TensorFlow puts an odd extra zero at the bottom/right).",
            "ko": "valid: 패딩 없음, 출력이 작아집니다. same: 입력 둘레에 0을 채워 출력 = ⌈입력 / 스트라이드⌉ "
            "(홀수 개면 텐서플로는 남는 0을 아래/오른쪽에 둡니다).",
        },
        "conv2d.dilation": {"en": "Dilation rate", "ko": "팽창 비율(dilation)"},
        "conv2d.dilation_help": {
            "en": "Spreads the kernel's taps d cells apart: a 3×3 kernel with dilation 2 sees a 5×5 area. "
            "Keras does not allow dilation > 1 together with stride > 1.",
            "ko": "커널의 칸 사이를 d칸씩 벌립니다. 팽창 2인 3×3 커널은 5×5 영역을 봅니다. "
            "케라스는 팽창 > 1과 스트라이드 > 1을 함께 쓸 수 없습니다.",
        },
        "conv2d.bias": {"en": "Bias", "ko": "편향(bias)"},
        "conv2d.cell": {"en": "Output cell", "ko": "출력 칸"},
        "conv2d.cell_help": {
            "en": "Pick a cell of the feature map (or click it in the output heatmap).",
            "ko": "특성 맵의 칸을 고르세요(출력 히트맵에서 클릭해도 됩니다).",
        },
        "conv2d.row": {"en": "Row", "ko": "행 번호"},  # a lone 행, turned on a chart's y axis, reads as ㅎ0
        "conv2d.col": {"en": "Column", "ko": "열 번호"},
        "conv2d.stack": {"en": "Several filters at once", "ko": "여러 필터를 한꺼번에"},
        "conv2d.stack_help": {
            "en": "Each filter gives one feature map; a Conv2D layer with n filters outputs n stacked maps.",
            "ko": "필터 하나가 특성 맵 하나를 만듭니다. 필터가 n개인 Conv2D 층은 특성 맵 n장을 쌓아 출력합니다.",
        },
        "conv2d.input_shape": {"en": "Input shape", "ko": "입력 크기"},
        "conv2d.output_shape": {"en": "Feature map shape", "ko": "특성 맵 크기"},
        "conv2d.output_shape_help": {
            "en": "valid: ⌊(n − k_eff) / s⌋ + 1 with k_eff = (k − 1)·d + 1; same: ⌈n / s⌉",
            "ko": "valid: ⌊(n − k_eff) / s⌋ + 1, k_eff = (k − 1)·d + 1; same: ⌈n / s⌉",
        },
        "conv2d.padding_added": {"en": "Zero padding", "ko": "제로 패딩"},
        "conv2d.padding_added_help": {
            "en": "Rows and columns of zeros added around the input: top / bottom / left / right.",
            "ko": "입력 둘레에 더한 0의 행과 열 수: 위 / 아래 / 왼쪽 / 오른쪽.",
        },
        "conv2d.formula": {
            "en": "Output size — rows: {rows}  ·  columns: {cols}",
            "ko": "출력 크기 — 행: {rows}  ·  열: {cols}",
        },
        "conv2d.fig_input": {"en": "Input", "ko": "입력"},
        "conv2d.fig_kernel": {"en": "Kernel", "ko": "커널"},
        "conv2d.fig_output": {"en": "Feature map (output)", "ko": "특성 맵(출력)"},
        "conv2d.no_map": {"en": "none with these settings (see why below)", "ko": "이 설정으로는 없음(아래 이유 참고)"},
        "conv2d.value": {"en": "value", "ko": "값"},
        "conv2d.weight": {"en": "weight", "ko": "가중치"},
        "conv2d.click_hint": {
            "en": "Click a cell to explain it (orange frame = selected cell).",
            "ko": "칸을 클릭하면 설명합니다(주황색 테두리 = 선택한 칸).",
        },
        "conv2d.tab_cell": {"en": "Where does this number come from?", "ko": "이 숫자는 어디서 왔나?"},
        "conv2d.compare": {"en": "Compare with another setting", "ko": "다른 설정과 비교"},
        "conv2d.compare_help": {
            "en": "Shows a second feature map beside this one: the same input and kernel with one setting changed.",
            "ko": "같은 입력과 커널에서 설정 하나만 바꾼 두 번째 특성 맵을 옆에 보여 줍니다.",
        },
        "conv2d.compare_what": {"en": "Change", "ko": "바꿀 설정"},
        "conv2d.compare_padding": {"en": "valid ↔ same", "ko": "valid ↔ same"},
        "conv2d.compare_strides": {"en": "stride 1 ↔ 2", "ko": "스트라이드 1 ↔ 2"},
        "pooling.compare_mode": {"en": "max ↔ average", "ko": "최대 ↔ 평균"},
        "conv2d.compare_note": {
            "en": "Same input, same kernel, one setting changed: {a} on the left, {b} on the right, drawn at one "
            "cell size.",
            "ko": "같은 입력, 같은 커널에서 설정 하나만 바꿨습니다: 왼쪽 {a}, 오른쪽 {b}, 같은 칸 크기로 그렸습니다.",
        },
        "conv2d.tab_steps": {"en": "Play the sliding window", "ko": "슬라이딩 창 재생"},
        "conv2d.steps_intro": {
            "en": "**▶ Play** slides the kernel across the output in your browser, **❚❚ Pause** stops it, **Step ▷** "
            "moves one cell. Each frame shows the window on the input, input × weight, and their sum: the output cell.",
            "ko": "**▶ 재생** 버튼은 브라우저에서 커널을 출력 전체로 밀고, **❚❚ 일시정지** 버튼은 멈추고, **한 칸 ▷** 버튼은 한 칸 "
            "움직입니다. 각 장면은 입력 위의 창, 입력 × 가중치, 그리고 그 합인 출력 칸을 보여 줍니다.",
        },
        "conv2d.steps_title": {
            "en": "Output ({row}, {col}) · cell {n} of {total}",
            "ko": "출력 ({row}, {col}) · {total}칸 중 {n}번째",
        },
        "conv2d.steps_field": {"en": "Input (with padding)", "ko": "입력(패딩 포함)"},
        "conv2d.step_button": {"en": "Step ▷", "ko": "한 칸 ▷"},
        "conv2d.steps_note": {
            "en": "The slider jumps to any cell. Rows and columns count the input: the padding is at −1 and beyond the "
            "last row or column. The picked cell above is where the animation starts.",
            "ko": "슬라이더로 아무 칸으로나 갈 수 있습니다. 행과 열 번호는 입력 기준이라 패딩은 −1과 마지막 행·열 바깥에 "
            "있습니다. 애니메이션은 위에서 고른 칸에서 시작합니다.",
        },
        "conv2d.steps_too_big": {
            "en": "This feature map has {cells} cells: too many to watch one by one (at most {max}). Pick a grid as "
            "the input, or a larger stride; the cell explanation works on any size.",
            "ko": "이 특성 맵은 {cells}칸이라 하나씩 보기에 너무 많습니다(최대 {max}칸). 입력으로 격자를 고르거나 "
            "스트라이드를 키우세요. 칸 설명은 어떤 크기에서도 됩니다.",
        },
        "conv2d.steps_gray_only": {
            "en": "The step-through shows one channel: switch the colour to grayscale, or pick a grid.",
            "ko": "단계별 재생은 채널 하나를 보여 줍니다. 색을 흑백으로 바꾸거나 격자를 고르세요.",
        },
        "conv2d.tab_channels": {"en": "Filter, kernel, channel", "ko": "필터, 커널, 채널"},
        "conv2d.tab_flip": {"en": "convolve2d vs correlate2d", "ko": "convolve2d와 correlate2d"},
        "conv2d.tab_stack": {"en": "Stack of feature maps", "ko": "특성 맵 쌓기"},
        "conv2d.cell_title": {
            "en": "Output cell **({row}, {col}) = {value}**",
            "ko": "출력 칸 **({row}, {col}) = {value}**",
        },
        "conv2d.channel": {"en": "Channel shown", "ko": "보여 줄 채널"},
        "conv2d.fig_receptive": {
            "en": "Receptive field on the padded input",
            "ko": "패딩된 입력 위의 수용 영역",
        },
        "conv2d.axis_padded_row": {"en": "row (padded)", "ko": "행(패딩 포함)"},
        "conv2d.axis_padded_col": {"en": "column (padded)", "ko": "열(패딩 포함)"},
        "conv2d.fig_products": {"en": "Input × weight", "ko": "입력 × 가중치"},
        "conv2d.channel_sum": {
            "en": "Channel {channel}: {expression}",
            "ko": "채널 {channel}: {expression}",
        },
        "conv2d.gray_sum": {"en": "Multiply and add: {expression}", "ko": "곱하고 더하기: {expression}"},
        "conv2d.cell_total": {
            "en": "Sum over channels {sums}, plus bias {bias} → **{value}**",
            "ko": "채널별 합 {sums}, 편향 {bias}를 더하면 → **{value}**",
        },
        "conv2d.receptive_help": {
            "en": "Input rows {rows} and columns {cols} (negative or beyond the edge = zero padding, outside the dotted "
            "border).",
            "ko": "입력의 행 {rows}, 열 {cols} (음수이거나 가장자리를 넘으면 제로 패딩, 점선 테두리 바깥).",
        },
        "conv2d.channels_explained": {
            "en": "For a grayscale image a filter **is** a kernel. For an RGB image (3 channels) a **filter** is a set "
            "of 3 **kernels**, one per channel: each channel is convolved with its own kernel and the three results "
            "are added (plus the bias) into **one** feature map.",
            "ko": "흑백 이미지에서는 필터가 곧 커널입니다. RGB 이미지(채널 3개)에서는 **필터** 하나가 **커널** 3개의 "
            "집합입니다. 각 채널을 자기 커널로 합성곱한 뒤 세 결과(와 편향)를 더해 특성 맵 **하나**를 만듭니다.",
        },
        "conv2d.channels_gray": {
            "en": "Choose a photo or an upload with RGB channels to see one kernel per channel summing into one feature map.",
            "ko": "RGB 채널의 사진이나 업로드 이미지를 고르면 채널별 커널이 하나의 특성 맵으로 합쳐지는 모습을 볼 수 있습니다.",
        },
        "conv2d.channel_kernel": {"en": "kernel for {channel}", "ko": "{channel} 채널의 커널"},
        "conv2d.channel_part": {"en": "{channel} ∗ its kernel", "ko": "{channel} ∗ 해당 커널"},
        "conv2d.fig_output_sum": {"en": "sum + bias = feature map", "ko": "합 + 편향 = 특성 맵"},
        "conv2d.flip_explained": {
            "en": "`scipy.signal.correlate2d` slides the kernel as it is (what `Conv2D` does); `convolve2d` first "
            "rotates it by 180°. Both on one channel (the mean of RGB), valid mode, stride 1.",
            "ko": "`scipy.signal.correlate2d`는 커널을 그대로 밀고(`Conv2D`와 같음), `convolve2d`는 먼저 180° "
            "회전합니다. 둘 다 채널 하나(RGB는 평균), valid 모드, 스트라이드 1.",
        },
        "conv2d.fig_correlate2d": {"en": "correlate2d (= Conv2D)", "ko": "correlate2d (= Conv2D)"},
        "conv2d.fig_convolve2d": {"en": "convolve2d (kernel rotated 180°)", "ko": "convolve2d (커널 180° 회전)"},
        "conv2d.flip_same": {
            "en": "Identical: this kernel is symmetric under a 180° rotation.",
            "ko": "같습니다: 이 커널은 180° 회전해도 같습니다.",
        },
        "conv2d.flip_differs": {
            "en": "Different: this kernel changes under a 180° rotation (e.g. Sobel's sign flips).",
            "ko": "다릅니다: 이 커널은 180° 회전하면 달라집니다(예: 소벨은 부호가 바뀜).",
        },
        "conv2d.stack_explained": {
            "en": "One Conv2D layer with several filters: same input, one feature map per filter, stacked along the "
            "last axis (the output's channels). Uses the stride, padding and dilation chosen on the left.",
            "ko": "필터가 여러 개인 Conv2D 층 하나: 같은 입력에서 필터마다 특성 맵 하나가 나오고, 마지막 축(출력 채널)으로 "
            "쌓입니다. 왼쪽에서 고른 스트라이드, 패딩, 팽창을 사용합니다.",
        },
        "conv2d.stack_shape": {"en": "Output shape (rows × columns × filters)", "ko": "출력 크기(행 × 열 × 필터)"},
        "conv2d.view": {"en": "Explain", "ko": "설명 보기"},
        "conv2d.product": {"en": "input × weight", "ko": "입력 × 가중치"},
        "conv2d.axis_kernel_row": {"en": "kernel row", "ko": "커널 행"},
        "conv2d.axis_kernel_col": {"en": "kernel column", "ko": "커널 열"},
        "conv2d.upload_unreadable": {
            "en": "“{name}” is not a readable image, so there is nothing to convolve. {message}",
            "ko": "“{name}”은(는) 읽을 수 있는 이미지가 아니어서 합성곱할 수 없습니다. {message}",
        },
        "conv2d.grid_cell_invalid": {
            "en": "Grid cell (row {row}, column {col}) holds {value}, which is not a usable number: type a finite "
            "number between −1,000,000 and 1,000,000 there.",
            "ko": "격자 칸(행 {row}, 열 {col})의 값 {value}은(는) 쓸 수 있는 숫자가 아닙니다: 그 칸에 "
            "−1,000,000과 1,000,000 사이의 유한한 숫자를 입력하세요.",
        },
        "conv2d.kernel_cell_invalid": {
            "en": "Kernel cell (row {row}, column {col}) holds {value}, which is not a usable weight: type a finite "
            "number between −1,000,000 and 1,000,000 there.",
            "ko": "커널 칸(행 {row}, 열 {col})의 값 {value}은(는) 쓸 수 있는 가중치가 아닙니다: 그 칸에 "
            "−1,000,000과 1,000,000 사이의 유한한 숫자를 입력하세요.",
        },
        "conv2d.err_no_output": {
            "en": "**No feature map for these settings.** {why}",
            "ko": "**이 설정으로는 특성 맵이 없습니다.** {why}",
        },
        "conv2d.err_stride_dilation": {
            "en": "Stride {sh}×{sw} together with dilation rate {d}: Keras's `Conv2D` takes `strides` > 1 or "
            "`dilation_rate` > 1, not both at once. Set the stride or the dilation rate back to 1.",
            "ko": "스트라이드 {sh}×{sw}와 팽창 비율 {d}를 함께 썼습니다: 케라스의 `Conv2D`는 `strides` > 1과 "
            "`dilation_rate` > 1 중 하나만 허용합니다. 스트라이드나 팽창 비율을 1로 되돌리세요.",
        },
        "conv2d.err_kernel_too_big": {
            "en": "The kernel does not fit: a `kernel_size` of {kh}×{kw} with `dilation_rate` {d} spans {eh}×{ew} "
            'input cells (k + (k − 1)·(d − 1)), but the input is only {h}×{w} and padding "valid" adds nothing. '
            'Choose padding "same", a smaller kernel or a smaller dilation rate.',
            "ko": "커널이 들어가지 않습니다: `kernel_size` {kh}×{kw}에 `dilation_rate` {d}이면 입력 {eh}×{ew}칸을 "
            '덮는데(k + (k − 1)·(d − 1)), 입력은 {h}×{w}뿐이고 "valid" 패딩은 아무것도 더하지 않습니다. '
            '"same" 패딩이나 더 작은 커널, 더 작은 팽창 비율을 고르세요.',
        },
        "conv2d.flip_invalid": {
            "en": "No comparison for this kernel and input: {message}",
            "ko": "이 커널과 입력으로는 비교할 수 없습니다: {message}",
        },
        "conv2d.stack_empty": {
            "en": "Pick some filters above to build a stack.",
            "ko": "위에서 필터를 골라 특성 맵을 쌓아 보세요.",
        },
    }
)

TEXTS.update(
    {
        # ---------------------------------------------------------------------------------------- pooling
        "pooling.intro": {
            "en": "**Pooling** shrinks a feature map: a window slides over it and keeps one number per stop — the "
            "largest (**max pooling**, the usual choice) or the mean (**average pooling**). It has no weights to "
            "learn, works on each channel separately, and makes the network care less about exactly *where* a "
            "feature is.",
            "ko": "**풀링**은 특성 맵을 줄입니다. 창(window)을 옮겨 가며 멈출 때마다 숫자 하나만 남깁니다. 가장 큰 값"
            "(**최대 풀링**, 주로 사용)이나 평균(**평균 풀링**)입니다. 학습할 가중치가 없고, 채널마다 따로 적용되며, "
            "특징이 정확히 *어디에* 있는지에 덜 민감하게 만듭니다.",
        },
        "pooling.source": {"en": "Input", "ko": "입력"},
        "pooling.source_feature_map": {"en": "Feature map of the grid", "ko": "격자의 특성 맵"},
        "pooling.source_grid": {"en": "Small grid", "ko": "작은 격자"},
        "pooling.source_photo": {"en": "Photo (grayscale, 32 px)", "ko": "사진(흑백, 32픽셀)"},
        "pooling.photo": {"en": "Photo", "ko": "사진"},
        "pooling.grid": {"en": "Grid", "ko": "격자"},
        "pooling.kernel": {"en": "Kernel that made the feature map", "ko": "특성 맵을 만든 커널"},
        "pooling.feature_map_help": {
            "en": "The grid convolved with this kernel (padding same), negative values set to 0 by ReLU — what a "
            "Conv2D layer with activation='relu' hands to the pooling layer.",
            "ko": "격자를 이 커널로 합성곱(same 패딩)하고 ReLU로 음수를 0으로 만든 것입니다. `activation='relu'`인 "
            "Conv2D 층이 풀링 층에 넘겨주는 값입니다.",
        },
        "pooling.mode": {"en": "Pooling", "ko": "풀링 방식"},
        "pooling.mode_max": {"en": "Max", "ko": "최대"},
        "pooling.mode_average": {"en": "Average", "ko": "평균"},
        "pooling.pool_size": {"en": "Pool size", "ko": "풀링 크기(pool_size)"},
        "pooling.stride_default": {
            "en": "Stride = pool size",
            "ko": "스트라이드 = 풀링 크기",
        },
        "pooling.stride_default_help": {
            "en": "Keras's default (`strides=None`): the windows tile the input without overlapping. Switch off to "
            "choose the stride yourself.",
            "ko": "케라스의 기본값(`strides=None`)입니다. 창이 겹치지 않고 입력을 빈틈없이 덮습니다. 끄면 스트라이드를 "
            "직접 고를 수 있습니다.",
        },
        "pooling.strides": {"en": "Stride", "ko": "스트라이드"},
        "pooling.padding": {"en": "Padding", "ko": "패딩"},
        "pooling.padding_help": {
            "en": "valid: windows stay inside the map. same: output = ⌈input / stride⌉; padding cells never win a max "
            "and are not counted in an average.",
            "ko": "valid: 창이 맵 안에만 놓입니다. same: 출력 = ⌈입력 / 스트라이드⌉. 패딩 칸은 최대값이 될 수 없고 "
            "평균에도 세지 않습니다.",
        },
        "pooling.cell_help": {
            "en": "Output cell to explain: click one in the pooled output, or pick its row and column.",
            "ko": "설명할 출력 칸: 풀링 결과에서 칸을 클릭하거나 행과 열을 고르세요.",
        },
        "pooling.row": {"en": "Row", "ko": "행 번호"},  # a lone 행, turned on a chart's y axis, reads as ㅎ0
        "pooling.col": {"en": "Column", "ko": "열 번호"},
        "pooling.input_shape": {"en": "Input shape", "ko": "입력 크기"},
        "pooling.output_shape": {"en": "Output shape", "ko": "출력 크기"},
        "pooling.output_shape_help": {
            "en": "valid: ⌊(n − pool) / stride⌋ + 1; same: ⌈n / stride⌉",
            "ko": "valid: ⌊(n − 풀 크기) / 스트라이드⌋ + 1; same: ⌈n / 스트라이드⌉",
        },
        "pooling.parameters": {"en": "Weights to learn", "ko": "학습할 가중치"},
        "pooling.parameters_help": {
            "en": "Pooling layers have no parameters: model.summary() shows 0 for them.",
            "ko": "풀링 층에는 파라미터가 없습니다. model.summary()에 0으로 나옵니다.",
        },
        "pooling.fig_title": {
            "en": "**Input with its pooling windows** (left) → **pooled output** (right), same size per cell",
            "ko": "**풀링 창이 그려진 입력**(왼쪽) → **풀링 결과**(오른쪽), 칸 크기 동일",
        },
        "pooling.fig_output": {"en": "Pooled output", "ko": "풀링 결과"},
        "pooling.winner": {"en": "max of its window", "ko": "창의 최대값"},
        "pooling.explain_max": {
            "en": "Output ({row}, {col}) = **{value}**: the maximum of its window, taken from input cell **({r}, {c})**.",
            "ko": "출력 ({row}, {col}) = **{value}**: 창의 최대값이며 입력 칸 **({r}, {c})** 에서 왔습니다.",
        },
        "pooling.winner_help": {
            "en": "Circles mark the cell that won each window's max (the first one in reading order on ties); the "
            "orange frame is the window of the chosen output cell.",
            "ko": "동그라미는 각 창에서 최대값으로 뽑힌 칸입니다(같은 값이면 읽는 순서로 첫 칸). 주황색 테두리는 "
            "선택한 출력 칸의 창입니다.",
        },
        "pooling.explain_average": {
            "en": "Output ({row}, {col}) = **{value}**: the mean of the {count} input cells in its window.",
            "ko": "출력 ({row}, {col}) = **{value}**: 창 안의 입력 칸 {count}개의 평균입니다.",
        },
        "pooling.average_same_help": {
            "en": "This window hangs over the padding: Keras averages only the {count} real cells, not all {total}.",
            "ko": "이 창은 패딩에 걸쳐 있습니다. 케라스는 {total}칸 전부가 아니라 실제 칸 {count}개만 평균합니다.",
        },
        "pooling.compare_help": {
            "en": "Shows a second pooled map beside this one: the same input with one setting changed.",
            "ko": "같은 입력에서 설정 하나만 바꾼 두 번째 풀링 결과를 옆에 보여 줍니다.",
        },
        "pooling.compare_note": {
            "en": "Same input, one setting changed; both maps are drawn at one cell size, so the shapes compare at a "
            "glance.",
            "ko": "같은 입력에서 설정 하나만 바꿨습니다. 두 맵은 같은 칸 크기로 그려서 크기를 한눈에 비교할 수 있습니다.",
        },
        "pooling.steps_title": {"en": "Play the sliding window", "ko": "슬라이딩 창 재생"},
        "pooling.steps_show": {"en": "Show the step-through", "ko": "한 칸씩 재생 보기"},
        "pooling.steps_intro": {
            "en": "**▶ Play** slides the pooling window across the output in your browser, **❚❚ Pause** stops it, "
            "**Step ▷** moves one cell. Each frame shows the window on the input, its values and the number it keeps.",
            "ko": "**▶ 재생** 버튼은 브라우저에서 풀링 창을 출력 전체로 밀고, **❚❚ 일시정지** 버튼은 멈추고, **한 칸 ▷** 버튼은 한 칸 "
            "움직입니다. 각 장면은 입력 위의 창, 창의 값들, 그리고 남기는 수를 보여 줍니다.",
        },
        "pooling.steps_window": {"en": "Window", "ko": "창"},
        "pooling.shift_title": {"en": "Shift the input by a pixel", "ko": "입력을 한 픽셀 옮기기"},
        "pooling.shift_intro": {
            "en": "Move the whole input a little and compare: many input cells change, but max pooling often reports "
            "the same values — small shifts barely matter (translation invariance).",
            "ko": "입력 전체를 조금 옮긴 뒤 비교해 보세요. 많은 입력 칸이 바뀌지만 최대 풀링 결과는 같은 경우가 많습니다. "
            "작은 이동은 거의 영향이 없습니다(이동 불변성).",
        },
        "pooling.shift_rows": {"en": "Shift down (rows)", "ko": "아래로 이동(행)"},
        "pooling.shift_cols": {"en": "Shift right (columns)", "ko": "오른쪽으로 이동(열)"},
        "pooling.input_changed": {"en": "Input cells that changed", "ko": "바뀐 입력 칸"},
        "pooling.pooled_changed": {"en": "Pooled cells that changed", "ko": "바뀐 풀링 칸"},
        "pooling.fig_pooled": {"en": "Pooled (original)", "ko": "풀링(원본)"},
        "pooling.fig_pooled_shifted": {"en": "Pooled (shifted input)", "ko": "풀링(이동한 입력)"},
        "pooling.shift_note": {
            "en": "Cells that move in at the edge are 0. A shift by a whole window moves the pooled map too.",
            "ko": "가장자리로 들어오는 칸은 0입니다. 창 크기만큼 옮기면 풀링 결과도 함께 이동합니다.",
        },
    }
)
