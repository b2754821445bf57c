"""playground.architecture against real Keras models: shapes, parameter counts, errors, exported code."""

from __future__ import annotations

import contextlib
import io
import math

import keras
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.architecture import (
    LAYER_TYPES,
    NOTES_28_STACK,
    NOTES_300_STACK,
    LayerError,
    build_model,
    format_shape,
    normalize_spec,
    snake_name,
    stack_from_text,
    stack_to_text,
    summarize,
    to_keras_code,
    totals,
)

# --------------------------------------------------------------------------------------------------------------------
# The reference: a Keras model built straight from the raw specs (not through build_model)
# --------------------------------------------------------------------------------------------------------------------


def keras_reference(specs, input_shape):
    """Per-layer (output shape, trainable count, non-trainable count) of the real Keras Sequential model."""
    if not specs:  # an empty Sequential is never built; it has no layers and no parameters
        return [], 0
    layers = [keras.Input(shape=input_shape)]
    for spec in specs:
        kwargs = {k: v for k, v in spec.items() if k != "type"}
        layers.append(getattr(keras.layers, spec["type"])(**kwargs))
    model = keras.Sequential(layers)
    out = []
    for layer in model.layers:
        trainable = sum(math.prod(w.shape) for w in layer.trainable_weights)
        frozen = sum(math.prod(w.shape) for w in layer.non_trainable_weights)
        out.append((tuple(layer.output.shape[1:]), trainable, frozen))
    return out, model.count_params()


def keras_fails(specs, input_shape) -> bool:
    """Does Keras refuse to build this stack (at layer construction or when the model is built)?"""
    try:
        keras_reference(specs, input_shape)
    except Exception:  # Keras raises ValueError, and ZeroDivisionError for pooling strides=0
        return True
    return False


def assert_matches_keras(specs, input_shape):
    rows = summarize(specs, input_shape)
    reference, count = keras_reference(specs, input_shape)
    assert [r["output_shape"] for r in rows] == [r[0] for r in reference]
    assert [(r["trainable_params"], r["non_trainable_params"]) for r in rows] == [r[1:] for r in reference]
    assert all(r["params"] == r["trainable_params"] + r["non_trainable_params"] for r in rows)
    assert totals(rows)["params"] == count
    return rows


C = {"type": "Conv2D", "filters": 4}  # Keras's Conv2D has no default for filters
STACKS = {
    "notes-16-32-64": (NOTES_28_STACK, (28, 28, 1)),
    "notes-300x300x3": (NOTES_300_STACK, (300, 300, 3)),
    "strides-rect": (
        [
            {**C, "filters": 8, "kernel_size": (3, 5), "strides": (2, 1), "padding": "same"},
            {**C, "filters": 4, "kernel_size": 2, "strides": 3},
            {"type": "Flatten"},
            {"type": "Dense", "units": 3, "use_bias": False},
        ],
        (17, 23, 3),
    ),
    "dilation": (
        [
            {**C, "filters": 6, "kernel_size": 3, "dilation_rate": 2},
            {**C, "filters": 5, "kernel_size": (2, 3), "dilation_rate": (3, 1), "padding": "same", "use_bias": False},
        ],
        (15, 12, 2),
    ),
    "pooling-same-valid": (
        [
            {"type": "MaxPooling2D", "pool_size": 3, "strides": 2, "padding": "same"},
            {"type": "AveragePooling2D", "pool_size": (2, 3)},
            {"type": "MaxPooling2D", "pool_size": 2, "strides": 1},
            {"type": "AveragePooling2D", "pool_size": 5, "padding": "same"},
        ],
        (19, 21, 4),
    ),
    "batchnorm-dropout-global": (
        [
            {**C, "filters": 12, "kernel_size": 3, "use_bias": False},
            {"type": "BatchNormalization"},
            {"type": "Activation", "activation": "relu"},
            {"type": "Dropout", "rate": 0.3},
            {"type": "BatchNormalization", "center": False},
            {"type": "GlobalAveragePooling2D"},
            {"type": "BatchNormalization", "scale": False, "center": False},
            {"type": "Dense", "units": 4, "activation": "softmax"},
        ],
        (10, 10, 3),
    ),
    "global-max": ([{"type": "GlobalMaxPooling2D"}, {"type": "Dense", "units": 2}], (5, 6, 7)),
    "dense-on-3d": ([{"type": "Dense", "units": 5}, {"type": "Dense", "units": 2}, {"type": "Flatten"}], (4, 6, 3)),
    "dense-on-1d-and-2d": ([{"type": "Dense", "units": 3}, {"type": "BatchNormalization"}], (7, 9)),
    "augmentation": (
        [
            {"type": "RandomFlip", "mode": "horizontal"},
            {"type": "RandomRotation", "factor": 0.2},
            {"type": "RandomZoom", "height_factor": 0.1, "width_factor": -0.2},
            {"type": "RandomTranslation", "height_factor": 0.1, "width_factor": 0.1},
            {"type": "RandomContrast", "factor": 0.5},
            {"type": "Rescaling", "scale": 1 / 127.5, "offset": -1.0},
            {**C, "filters": 3, "kernel_size": 1},
        ],
        (12, 12, 3),
    ),
}


@pytest.fixture(scope="module", params=sorted(STACKS))
def stack(request):
    specs, shape = STACKS[request.param]
    reference, count = keras_reference(specs, shape)
    return specs, shape, reference, count


def test_notes_parameter_arithmetic():
    """The notes' 16(3×3, same) → 32(4×4, same) → 64(4×4, valid) stack has (k·k·C_in + 1)·filters = 160/8224/32832."""
    rows = summarize(NOTES_28_STACK, (28, 28, 1))
    expected = [(3 * 3 * 1 + 1) * 16, (4 * 4 * 16 + 1) * 32, (4 * 4 * 32 + 1) * 64]
    assert expected == [160, 8224, 32832]
    assert [r["params"] for r in rows[:3]] == expected
    assert rows[0]["formula"] == "(3×3×1 + 1) × 16 = 160"
    assert rows[2]["formula"] == "(4×4×32 + 1) × 64 = 32832"
    assert rows[2]["output_shape"] == (28 - 4 + 1, 28 - 4 + 1, 64)


def test_summarize_equals_keras_per_layer(stack):
    """Each row's output shape and trainable/non-trainable counts equal the real Keras layer's; totals equal."""
    specs, shape, reference, count = stack
    rows = summarize(specs, shape)
    assert [r["output_shape"] for r in rows] == [r[0] for r in reference]
    assert [(r["trainable_params"], r["non_trainable_params"]) for r in rows] == [r[1:] for r in reference]
    assert all(r["params"] == r["trainable_params"] + r["non_trainable_params"] for r in rows)
    assert totals(rows)["params"] == count
    assert totals(rows)["non_trainable_params"] == sum(r[2] for r in reference)


def test_build_model_names_shapes_and_counts(stack):
    """build_model gives a Sequential whose layer names, shapes and count_params() are summarize's."""
    specs, shape, reference, count = stack
    rows = summarize(specs, shape)
    model = build_model(specs, shape, name="m")
    assert isinstance(model, keras.Sequential) and model.name == "m"
    assert [layer.name for layer in model.layers] == [r["name"] for r in rows]
    assert [tuple(layer.output.shape[1:]) for layer in model.layers] == [r["output_shape"] for r in rows]
    assert model.count_params() == count


@pytest.mark.parametrize("api", ["sequential", "functional"])
def test_exported_code_runs_and_builds_the_same_model(stack, api):
    """The exported Sequential / Functional source runs and builds a model with the same shapes and parameters."""
    specs, shape, reference, count = stack
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(compile(to_keras_code(specs, shape, api=api), f"<{api}>", "exec"), namespace)
    model = namespace["model"]
    assert model.count_params() == count
    assert tuple(model.compute_output_shape((None, *shape))[1:]) == (reference[-1][0] if reference else shape)
    if reference:
        assert [tuple(layer.output.shape[1:]) for layer in model.layers[-len(reference) :]] == [r[0] for r in reference]
    assert f"{count:,}" in printed.getvalue()  # model.summary() ran and printed the total


def test_table_equals_model_summary_text():
    """Every row's name, "(None, …)" shape and parameter count appear on that layer's line of Keras's summary."""
    rows = summarize(NOTES_28_STACK, (28, 28, 1))
    lines: list[str] = []
    build_model(NOTES_28_STACK, (28, 28, 1)).summary(print_fn=lambda line, **_: lines.extend(line.splitlines()))
    for row in rows:
        line = next(x for x in lines if f" {row['name']} " in x or f"{row['name']} (" in x)
        assert format_shape(row["output_shape"]) in line
        assert f"{row['params']:,}" in line
    total = totals(rows)["params"]
    assert any("Total params" in x and f"{total:,}" in x for x in lines)


def test_empty_stack():
    """No layers: no rows, zero parameters; the code still builds a model whose output is its input."""
    assert summarize([], (28, 28, 1)) == []
    assert totals([]) == {"params": 0, "trainable_params": 0, "non_trainable_params": 0}
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(to_keras_code([], (5, 5, 1), api="functional"), namespace)
    assert tuple(namespace["model"].outputs[0].shape[1:]) == (5, 5, 1)


def test_keras_default_names():
    """snake_name follows Keras's own to_snake_case for every layer type; repeats get _1, _2, ..."""
    from keras.src.utils.naming import to_snake_case

    for layer_type in LAYER_TYPES:
        assert snake_name(layer_type) == to_snake_case(layer_type)
    rows = summarize([C, C], (8, 8, 1))
    assert [r["name"] for r in rows] == ["conv2d", "conv2d_1"]


# --------------------------------------------------------------------------------------------------------------------
# Stacks Keras cannot build
# --------------------------------------------------------------------------------------------------------------------

INVALID = {
    "kernel-larger-than-input": ([{**C, "kernel_size": 6}], (5, 5, 1), 0),
    "dilated-kernel-too-large": ([{**C, "kernel_size": 3, "dilation_rate": 3}], (6, 9, 1), 0),
    "pool-larger-than-input": ([{"type": "MaxPooling2D", "pool_size": 6}], (5, 5, 1), 0),
    "conv-after-flatten": ([{"type": "Flatten"}, C], (8, 8, 1), 1),
    "conv-on-2d-input": ([C], (10, 5), 0),
    "pool-after-dense-on-1d": ([{"type": "Dense", "units": 4}, {"type": "AveragePooling2D"}], (10,), 1),
    "global-pool-after-global": ([{"type": "GlobalMaxPooling2D"}, {"type": "GlobalAveragePooling2D"}], (4, 4, 2), 1),
    "strides-with-dilation": ([{**C, "strides": 2, "dilation_rate": 2}], (9, 9, 1), 0),
    "filters-zero": ([{**C, "filters": 0}], (9, 9, 1), 0),
    "strides-zero": ([{**C, "strides": 0}], (9, 9, 1), 0),
    "pool-strides-zero": ([{"type": "MaxPooling2D", "strides": 0}], (9, 9, 1), 0),
    "units-zero": ([{"type": "Dense", "units": 0}], (9,), 0),
    "rate-negative": ([{"type": "Dropout", "rate": -0.1}], (9,), 0),
    "rotation-factor-2": ([{"type": "RandomRotation", "factor": 2.0}], (9, 9, 3), 0),
    "zoom-factor-minus-1.5": ([{"type": "RandomZoom", "height_factor": -1.5}], (9, 9, 3), 0),
    "contrast-factor-1.5": ([{"type": "RandomContrast", "factor": 1.5}], (9, 9, 3), 0),
    "unknown-activation": ([{"type": "Activation", "activation": "nope"}], (9,), 0),
    "shrinks-to-nothing": ([{**C, "kernel_size": 3}] * 4, (8, 8, 1), 3),
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_stacks_raise_where_keras_raises(name):
    """Where Keras refuses a stack, summarize raises LayerError at the same layer, naming it; earlier rows kept."""
    specs, shape, index = INVALID[name]
    assert keras_fails(specs, shape), "the reference (Keras) should refuse this stack"
    assert not keras_fails(specs[:index], shape), "Keras builds the layers before the breaking one"
    with pytest.raises(LayerError) as caught:
        summarize(specs, shape)
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.index == index and len(err.rows) == index
    assert f"Layer {index + 1} ({specs[index]['type']})" in str(err)
    if err.input_shape is not None:
        assert format_shape(err.input_shape) in str(err)


def test_argument_errors_name_argument_range_and_value():
    """A bad argument gives Keras-style "Invalid value received for argument `x`. Expected …. Received: x=…"."""
    with pytest.raises(
        ValueError, match=r"argument `rate`\. Expected a number in the range \[0, 1\]\. Received: rate=1\.5"
    ):
        normalize_spec({"type": "Dropout", "rate": 1.5})
    with pytest.raises(ValueError, match=r"`kernel_size`.*positive integer.*Received: kernel_size=\(3, 0\)"):
        normalize_spec({"type": "Conv2D", "kernel_size": (3, 0)})
    with pytest.raises(ValueError, match=r"argument `type`"):
        normalize_spec({"type": "Conv3D"})
    with pytest.raises(ValueError, match=r"argument `units`.*argument of Conv2D"):
        normalize_spec({"type": "Conv2D", "units": 3})
    with pytest.raises(ValueError, match=r"`filters`.*integer"):
        normalize_spec({"type": "Conv2D", "filters": 2.5})
    with pytest.raises(ValueError, match=r"`input_shape`"):
        summarize([], (28, 0, 1))
    with pytest.raises(ValueError, match=r"`input_shape`"):
        summarize([], (2, 2, 2, 2))


def test_dropout_rate_one_is_allowed_like_keras():
    """Keras accepts Dropout(rate=1.0) (range [0, 1]); so does summarize."""
    specs = [{"type": "Dropout", "rate": 1.0}]
    assert not keras_fails(specs, (4,))
    assert summarize(specs, (4,))[0]["output_shape"] == (4,)


def test_summarize_does_not_modify_specs():
    """summarize, to_keras_code and stack_to_text leave their input specs untouched."""
    specs = [{"type": "Conv2D", "kernel_size": (3, 3)}, {"type": "Flatten"}]
    copy = [dict(s) for s in specs]
    summarize(specs, (8, 8, 1))
    to_keras_code(specs, (8, 8, 1))
    stack_to_text(specs)
    assert specs == copy


# --------------------------------------------------------------------------------------------------------------------
# Random stacks against Keras
# --------------------------------------------------------------------------------------------------------------------

small = st.integers(1, 4)
pair = st.one_of(small, st.tuples(small, small))
layer_specs = st.one_of(
    st.builds(
        lambda f, k, s, p, d, b: {
            **C,
            "filters": f,
            "kernel_size": k,
            "strides": s,
            "padding": p,
            "dilation_rate": d,
            "use_bias": b,
        },
        st.integers(1, 6),
        pair,
        pair,
        st.sampled_from(["valid", "same"]),
        st.sampled_from([1, 1, 2]),
        st.booleans(),
    ),
    st.builds(
        lambda t, k, s, p: {"type": t, "pool_size": k, "strides": s, "padding": p},
        st.sampled_from(["MaxPooling2D", "AveragePooling2D"]),
        pair,
        st.one_of(st.none(), pair),
        st.sampled_from(["valid", "same"]),
    ),
    st.builds(lambda u, b: {"type": "Dense", "units": u, "use_bias": b}, st.integers(1, 5), st.booleans()),
    st.sampled_from(
        [
            {"type": "Flatten"},
            {"type": "BatchNormalization"},
            {"type": "GlobalAveragePooling2D"},
            {"type": "GlobalMaxPooling2D"},
            {"type": "Dropout", "rate": 0.2},
            {"type": "RandomFlip", "mode": "vertical"},
        ]
    ),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    specs=st.lists(layer_specs, min_size=1, max_size=4),
    shape=st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 3)),
)
def test_random_stacks_agree_with_keras(specs, shape):
    """For random small stacks, either both Keras and summarize build with the same shapes/params, or both refuse."""
    try:
        rows = summarize(specs, shape)
    except LayerError:
        rows = None
    if rows is None:
        assert keras_fails(specs, shape)
    else:
        reference, count = keras_reference(specs, shape)
        assert [r["output_shape"] for r in rows] == [r[0] for r in reference]
        assert [(r["trainable_params"], r["non_trainable_params"]) for r in rows] == [r[1:] for r in reference]
        assert totals(rows)["params"] == count


# --------------------------------------------------------------------------------------------------------------------
# Formulas and the link text
# --------------------------------------------------------------------------------------------------------------------


def test_formulas_substitute_the_numbers():
    """Formulas show the arithmetic: Dense (C + 1)·units, BN 2C + 2C, same padding ⌈n/s⌉, Flatten H×W×C."""
    rows = summarize(
        [
            {**C, "filters": 4, "kernel_size": 3, "strides": 2, "padding": "same", "use_bias": False},
            {"type": "BatchNormalization"},
            {"type": "Flatten"},
            {"type": "Dense", "units": 10},
        ],
        (9, 7, 2),
    )
    h, w = math.ceil(9 / 2), math.ceil(7 / 2)
    assert rows[0]["formula"] == f"3×3×2 × 4 = {3 * 3 * 2 * 4}"
    assert rows[0]["shape_formula"] == f"H: ⌈9 / 2⌉ = {h}; W: ⌈7 / 2⌉ = {w}"
    assert rows[1]["formula"] == f"γ,β: 2×4 + μ,σ²: 2×4 = {4 * 4}"
    assert rows[2]["shape_formula"] == f"{h}×{w}×4 = {h * w * 4}"
    assert rows[3]["formula"] == f"({h * w * 4} + 1) × 10 = {(h * w * 4 + 1) * 10}"


def test_rescaling_code_reads_like_the_notes():
    """Rescaling(1/255) is exported as `scale=1 / 255`, and Keras defaults are left out of the code."""
    code = to_keras_code(NOTES_300_STACK[:2], (300, 300, 3))
    assert "layers.Rescaling(scale=1 / 255)" in code
    assert 'layers.Conv2D(filters=16, kernel_size=3, activation="relu")' in code
    with pytest.raises(ValueError, match="`api`"):
        to_keras_code([], (2,), api="subclass")


@settings(max_examples=40, deadline=None)
@given(st.lists(layer_specs, max_size=6))
def test_stack_text_round_trips(specs):
    """stack_from_text(stack_to_text(s)) is the normalized stack, and the text is URL-safe."""
    try:
        [normalize_spec(s) for s in specs]
    except ValueError:
        assume(False)  # strides > 1 with dilation_rate > 1: not a valid stack to share
    text = stack_to_text(specs)
    assert stack_from_text(text) == [normalize_spec(s) for s in specs]
    assert all(ch.isalnum() or ch in "_-.~" for ch in text)


def test_stack_text_of_the_notes_stack():
    """The notes' stack is readable in its link text and round-trips (incl. 1/255 and pairs)."""
    text = stack_to_text(NOTES_28_STACK)
    assert text.startswith("Conv2D__filters-16__padding-same__activation-relu~")
    specs = [{"type": "Rescaling", "scale": 1 / 255, "offset": -0.5}, {**C, "kernel_size": (3, 5)}]
    assert stack_from_text(stack_to_text(specs)) == [normalize_spec(s) for s in specs]
    assert stack_from_text("") == []


@pytest.mark.parametrize(
    "text",
    [
        "Conv3D",
        "Conv2D__filters-0",
        "Conv2D__filters-abc",
        "Conv2D__filters",
        "Conv2D__units-3",
        "Conv2D__filters-3__filters-4",
        "Dropout__rate-nan",
        "Dense__use_bias-maybe",
        "MaxPooling2D__pool_size-2x2x2",
        "~".join(["Flatten"] * 41),
        "x" * 5000,
    ],
)
def test_bad_stack_text_raises(text):
    """Malformed or out-of-range link text raises ValueError (the page then ignores it with a notice)."""
    with pytest.raises(ValueError):
        stack_from_text(text)


def test_param_count_matches_numpy_weights():
    """The Conv2D count equals the size of the kernel (kh, kw, C_in, filters) plus bias arrays Keras creates."""
    model = build_model([{**C, "filters": 5, "kernel_size": (2, 3)}], (6, 6, 4))
    kernel, bias = (np.asarray(w) for w in model.layers[0].get_weights())
    assert kernel.shape == (2, 3, 4, 5) and bias.shape == (5,)
    assert summarize([{**C, "filters": 5, "kernel_size": (2, 3)}], (6, 6, 4))[0]["params"] == kernel.size + bias.size


# --------------------------------------------------------------------------------------------------------------------
# The layer editor's padding help: each layer's own output-size rule (issue 14, point 1)
# --------------------------------------------------------------------------------------------------------------------


def _evaluate_rule(rule: str, n: int) -> int:
    """Evaluate a rule like "⌊(n − 3) / 2⌋ + 1" or "⌈n / 2⌉" at n (the test's own reading of the notation)."""
    python = (
        rule.replace("⌊", "math.floor(").replace("⌋", ")").replace("⌈", "math.ceil(").replace("⌉", ")")
        .replace("−", "-").replace("·", "*").replace("n", str(n))
    )  # fmt: skip
    return int(eval(python, {"math": math}))  # noqa: S307 — our own formula strings, digits and operators only


PADDING_RULE_SPECS = [
    {"type": "Conv2D", "filters": 1, "kernel_size": 3},
    {"type": "Conv2D", "filters": 1, "kernel_size": 3, "strides": 2},
    {"type": "Conv2D", "filters": 1, "kernel_size": 5, "strides": 3},
    {"type": "Conv2D", "filters": 1, "kernel_size": 3, "dilation_rate": 2},
    {"type": "Conv2D", "filters": 1, "kernel_size": (3, 5), "strides": (1, 2)},
    {"type": "MaxPooling2D", "pool_size": 2},
    {"type": "MaxPooling2D", "pool_size": 3, "strides": 2},
    {"type": "AveragePooling2D", "pool_size": (2, 3)},
]


@pytest.mark.parametrize("spec", PADDING_RULE_SPECS, ids=lambda s: stack_to_text([s]))
@pytest.mark.parametrize("padding", ["valid", "same"])
def test_padding_rule_is_the_layers_own_and_equals_keras(spec, padding):
    """The padding help's rule for this very layer, evaluated at n, gives Keras's output size for every n tried."""
    from playground.architecture import padding_rules

    spec = {**spec, "padding": padding}
    rule = padding_rules(spec)[padding]
    for n in (7, 12, 25, 28):
        layer = build_model([spec], (n, n + 1, 1)).layers[-1]
        h, w = layer.output.shape[1:3]
        if rule.startswith("H: "):
            rule_h, rule_w = rule.removeprefix("H: ").split("; W: ")
        else:
            rule_h = rule_w = rule
        assert (_evaluate_rule(rule_h, n), _evaluate_rule(rule_w, n + 1)) == (h, w), (rule, n)


def test_padding_rules_only_for_windowed_layers():
    """Dense, Flatten and Dropout have no padding rule."""
    from playground.architecture import padding_rules

    assert padding_rules({"type": "Dense", "units": 3}) == {}
    assert padding_rules({"type": "Flatten"}) == {}
