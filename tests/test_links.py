"""The link contract (ui/links.py): names and types are pinned, and each concept page uses exactly the declared ones."""

from __future__ import annotations

import pytest

import ui.state
from playground.architecture import stack_to_text
from tests.conftest import page_app
from ui.links import FRAME, LINKS, Param, params_of
from ui.pages import PAGES

# A shared link names these parameters. Renaming one (a widget key) breaks the links people already sent: change a line
# here only together with a way to read the old name.
PINNED: dict[str, str] = {
    "conv1d": "conv1d_preset:str conv1d_signal:str conv1d_kernel:str conv1d_mode:str conv1d_op:str conv1d_step:int",
    "conv2d": "conv2d_source:str conv2d_grid:str conv2d_photo:str conv2d_color:str conv2d_kernel:str conv2d_kh:int "
    "conv2d_kw:int conv2d_weight_r:float conv2d_weight_g:float conv2d_weight_b:float conv2d_sh:int conv2d_sw:int "
    "conv2d_padding:str conv2d_dilation:int conv2d_bias:float conv2d_row:int conv2d_col:int conv2d_channel:int "
    "conv2d_stack:list conv2d_view:str conv2d_compare:bool conv2d_compare_what:str",
    "pooling": "pooling_source:str pooling_grid:str pooling_kernel:str pooling_photo:str pooling_mode:str "
    "pooling_size:int pooling_stride_default:bool pooling_strides:int pooling_padding:str pooling_row:int "
    "pooling_col:int pooling_shift_rows:int pooling_shift_cols:int pooling_steps:bool pooling_compare:bool "
    "pooling_compare_what:str",
    "shapes": "shapes_input:str shapes_h:int shapes_w:int shapes_c:int shapes_stack:str",
    "activations": "activations_section:str activations_chosen:list activations_x_max:float activations_slope:float "
    "activations_depth:int "
    "activations_weight:float activations_x0:float activations_logits:str activations_temperature:float "
    "activations_neuron:str activations_x1:float activations_x2:float activations_w1:float activations_w2:float "
    "activations_bias:float",
    "dropout": "dropout_rate:float dropout_training:bool dropout_keras:bool dropout_seed:int dropout_units:int "
    "dropout_map_size:int dropout_samples:int",
    "optimizers": "optimizers_section:str optimizers_surface:str optimizers_conditioning:float optimizers_racers:list "
    "optimizers_start_x:float optimizers_start_y:float optimizers_steps:int optimizers_step:int "
    "optimizers_sgd_learning_rate:float "
    "optimizers_momentum_learning_rate:float optimizers_momentum_momentum:float "
    "optimizers_nesterov_learning_rate:float optimizers_nesterov_momentum:float optimizers_adagrad_learning_rate:float "
    "optimizers_adagrad_initial_accumulator_value:float optimizers_adagrad_epsilon:float "
    "optimizers_rmsprop_learning_rate:float optimizers_rmsprop_rho:float optimizers_rmsprop_epsilon:float "
    "optimizers_adam_learning_rate:float optimizers_adam_beta_1:float optimizers_adam_beta_2:float "
    "optimizers_adam_epsilon:float optimizers_batch_sizes:list optimizers_batch_learning_rate:float "
    "optimizers_batch_steps:int optimizers_batch_seed:int",
    "data": "data_per_class:int data_seed:int data_class:int data_index:int data_train_size:int "
    "data_validation_split:float",
    "augmentation": "augment_use_flip_horizontal:bool augment_use_flip_vertical:bool augment_use_rotation:bool "
    "augment_use_zoom:bool augment_use_translation:bool augment_use_contrast:bool augment_rotation:float "
    "augment_zoom:float augment_translation:float augment_contrast:float augment_n:int augment_seed:int "
    "augment_item:int augment_photo:str",
    "transfer": "transfer_labels:int transfer_epochs:int transfer_seed:int transfer_base:str",
}


def test_names_and_types_are_pinned():
    """Every declared parameter keeps its name and type; none is added or removed without changing PINNED."""
    declared = {page: sorted(f"{name}:{p.kind}" for name, p in params.items()) for page, params in LINKS.items()}
    assert declared == {page: sorted(text.split()) for page, text in PINNED.items()}
    assert {name: p.kind for name, p in FRAME.items()} == {"lang": "str"}


def test_parameters_belong_to_their_page():
    """Pages are named by their url_path; every parameter carries its page's key prefix, so two pages never share
    one; choices are non-empty ids."""
    by_path = {page.url_path: page for page in PAGES}
    for url_path, params in LINKS.items():
        assert url_path in by_path
        for name, param in params.items():
            assert name.startswith(f"{by_path[url_path].key}_"), name
            assert all(param.choices), name


# --------------------------------------------------------------------------------------------------------------------
# What the pages really do
# --------------------------------------------------------------------------------------------------------------------

# Links that bring out the widgets shown only in some settings (the page opens once with each, and once plain).
# Parameters a page keeps in the URL itself (no widget bound to them) are set here too: they must stay in the URL.
SCENES: dict[str, list[dict[str, str]]] = {
    "conv2d": [
        {"conv2d_source": "photo", "conv2d_color": "rgb", "conv2d_view": "stack", "conv2d_stack": "sobel_x"},
        {"conv2d_source": "photo", "conv2d_color": "rgb"},
        {"conv2d_compare": "true"},
    ],
    "pooling": [{"pooling_source": "photo", "pooling_stride_default": "false", "pooling_compare": "true"}],
    "shapes": [{"shapes_input": "custom", "shapes_stack": stack_to_text([{"type": "Flatten"}])}],
    "activations": [
        {"activations_section": s, "activations_neuron": "leaky_relu"} for s in ("vanishing", "softmax", "perceptron")
    ],
    "optimizers": [{"optimizers_section": "batch"}],
}
CONCEPT_PAGES = [
    "conv1d",
    "conv2d",
    "pooling",
    "shapes",
    "activations",
    "dropout",
    "optimizers",
    pytest.param("data", marks=pytest.mark.realdata),
]


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _kind_of(options: tuple[str, ...]) -> str:
    for kind, parse in (("int", int), ("float", float)):
        try:
            [parse(o) for o in options]
        except ValueError:
            continue
        return kind
    return "str"


def _bound_widgets(at) -> dict[str, Param]:
    """The widgets bound to the URL (``bind="query-params"``), as the parameters they make."""
    found = {}
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        name = getattr(proto, "query_param_key", "") if type(node).__name__ != "UnknownElement" else ""
        if not name:
            continue
        widget = type(node).__name__
        if widget in {"Slider", "NumberInput"}:
            found[name] = Param("int" if proto.data_type == proto.INT else "float")
        elif widget in {"Toggle", "Checkbox"}:
            found[name] = Param("bool")
        elif widget in {"TextInput", "TextArea"}:
            found[name] = Param("str")
        elif widget == "Multiselect":
            found[name] = Param("list", tuple(proto.options))
        elif widget == "ButtonGroup":
            options = tuple(o.content for o in proto.options)
            found[name] = Param("list" if proto.click_mode == proto.MULTI_SELECT else "str", options)
        elif widget == "SelectSlider":
            found[name] = Param(_kind_of(tuple(proto.options)), tuple(proto.options))  # type: ignore[arg-type]
        else:  # Selectbox, Radio
            found[name] = Param("str", tuple(proto.options))
    return found


@pytest.mark.parametrize("url_path", CONCEPT_PAGES)
def test_page_uses_exactly_its_declared_parameters(url_path, monkeypatch):
    """Opened plainly and with each scene, the page binds or writes exactly the declared parameters, with the declared
    types and choice ids; a parameter it keeps in the URL by itself stays there when a link carries it."""
    written: dict[str, Param] = {}
    choice, choices, ranged_slider = ui.state.choice, ui.state.choices, ui.state.ranged_slider
    linked_number, linked_text = ui.state.linked_number, ui.state.linked_text

    def recording_choice(widget, label, options, *, key, **kwargs):
        written[key] = Param(*_choice_kind(list(options)))
        return choice(widget, label, options, key=key, **kwargs)

    def recording_choices(widget, label, options, *, key, **kwargs):
        written[key] = Param("list", _choice_kind(list(options))[1])
        return choices(widget, label, options, key=key, **kwargs)

    def recording_slider(label, min_value, max_value, default, *, key, **kwargs):
        written[key] = Param("int")
        return ranged_slider(label, min_value, max_value, default, key=key, **kwargs)

    def recording_linked_number(widget, label, min_value, max_value, value, step=None, *, key, **kwargs):
        written[key] = Param("int" if isinstance(value, int) else "float")
        return linked_number(widget, label, min_value, max_value, value, step, key=key, **kwargs)

    def recording_linked_text(label, value, *, key, **kwargs):
        written[key] = Param("str")
        return linked_text(label, value, key=key, **kwargs)

    monkeypatch.setattr(ui.state, "linked_number", recording_linked_number)  # linked_slider calls it too
    monkeypatch.setattr(ui.state, "linked_text", recording_linked_text)
    monkeypatch.setattr(ui.state, "choice", recording_choice)
    monkeypatch.setattr(ui.state, "choices", recording_choices)
    monkeypatch.setattr(ui.state, "ranged_slider", recording_slider)
    script = next(page.script for page in PAGES if page.url_path == url_path)
    declared = params_of(url_path)
    found: dict[str, Param] = {}
    kept: set[str] = set()
    for scene in [{}, *SCENES.get(url_path, [])]:
        at = page_app(script)
        for key, value in scene.items():
            at.query_params[key] = value
        at.run(timeout=120)
        assert not at.exception, (scene, at.exception)
        found |= _bound_widgets(at) | written
        kept |= {key for key in scene if key in at.query_params}
        assert kept >= set(scene) - set(found), f"{scene}: the page dropped {set(scene) - kept - set(found)}"
    by_hand = set(declared) - set(found)
    assert set(found) <= set(declared), f"not declared in ui/links.py: {sorted(set(found) - set(declared))}"
    assert by_hand <= kept, f"declared, but the page neither binds nor keeps them: {sorted(by_hand - kept)}"
    for name, param in found.items():
        assert param.kind == declared[name].kind, name
        if param.choices:
            assert set(param.choices) == set(declared[name].choices), name


def _choice_kind(options: list[object]) -> tuple[str, tuple[str, ...]]:
    """A choice's kind from its option ids: int ids, or text ids that all read as numbers (epsilons: "1e-07")."""
    ints = options and all(isinstance(o, int) and not isinstance(o, bool) for o in options)
    texts = tuple(str(o) for o in options)
    return ("int" if ints else _kind_of(texts)), texts
