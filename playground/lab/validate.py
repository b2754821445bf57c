"""Checking a training configuration against the option tables, before anything is built (pure Python).

The lab page calls `validate_config` on every rerun; `TrainingJob` calls it again, so bad settings fail on the page,
never inside the training thread. Messages are Keras's ("Invalid value received for argument `x`. Expected …").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playground._checks import check_choice, check_int, check_number, invalid
from playground.lab.options import CALLBACKS, HYPERS, INPUT_SHAPE, MONITORS, OPTIMIZERS, TRAINING, Arg
from playground.messages import Phrase, Problem
from playground.run import TrainConfig


def check_arg(arg: Arg, value: Any, *, argument: str | None = None) -> Any:
    """`value` checked against its row of the option tables (`argument` names it in the message)."""
    argument = argument or arg.name
    if arg.kind == "int":
        return check_int(argument, value, low=arg.low, high=arg.high)  # type: ignore[arg-type]
    if arg.kind == "float":
        return check_number(argument, value, low=arg.low, high=arg.high)
    if arg.kind == "bool":
        if not isinstance(value, bool):
            raise invalid(argument, "True or False", value)
        return value
    return check_choice(argument, value, arg.options)


def check_optimizer(name: str, learning_rate: Any, params: Mapping[str, Any]) -> None:
    """The optimizer choice, its learning rate and its hyper-parameters (only the ones this choice tunes)."""
    check_choice("optimizer", name, OPTIMIZERS)
    check_arg(TRAINING["learning_rate"], learning_rate)
    tunable = OPTIMIZERS[name].tunable
    for key, value in params.items():
        if key not in tunable:
            if tunable:
                allowed = Phrase("one of {allowed}", allowed=", ".join(tunable))
            else:
                allowed = Phrase("no hyper-parameters besides learning_rate")
            raise invalid(key, "an argument of the {name} optimizer: {allowed}", value, name=name, allowed=allowed)
        check_arg(HYPERS[key], value)


def check_callback(name: str, params: Mapping[str, Any], *, has_validation: bool) -> None:
    """One callback's arguments: each a row of `CALLBACKS[name]`; `monitor` a metric this run has."""
    rows = {arg.name: arg for arg in CALLBACKS[name].args}
    for key, value in params.items():
        if key not in rows:
            raise Problem(
                "Invalid value received for argument `{key}` of `{name}`. Expected {expected}. Received: {received}",
                key=key,
                name=name,
                expected=Phrase("one of {allowed}", allowed=", ".join(rows)),
                received=f"{key}={value!r}",
            )
        check_arg(rows[key], value)
    monitor = params.get("monitor", "val_loss")
    if isinstance(monitor, str) and monitor.startswith("val_") and not has_validation:
        allowed = ", ".join(repr(m) for m in MONITORS if not m.startswith("val_"))
        raise invalid("monitor", "one of {allowed} (there is no validation set)", monitor, allowed=allowed)


def check_sizes(train_size: Any, validation_split: Any) -> None:
    """The training subset (1 … 60 000 images) and a validation split that leaves at least one image on each side."""
    check_arg(TRAINING["train_size"], train_size)
    check_arg(TRAINING["validation_split"], validation_split)
    n_val = round(train_size * validation_split)
    if validation_split > 0 and not 1 <= n_val < train_size:
        raise invalid(
            "validation_split",
            "a share that leaves at least one image on both sides of {train_size} (it leaves {n_val} to validate)",
            validation_split,
            train_size=train_size,
            n_val=n_val,
        )


def validate_config(config: TrainConfig) -> None:
    """Raise ValueError (naming the argument, the allowed range and the value) for a configuration Keras or the lab
    would reject; return None when it can be trained.

    Checks the optimizer and its hyper-parameters, batch size, epochs, seed, the subset and validation sizes
    (against the 60 000 training images), the callbacks' arguments, that the model ends in
    `Dense(10, activation="softmax")` (the loss is sparse categorical cross-entropy on probabilities), and, with
    `playground.architecture.summarize`, every layer's shapes.
    """
    specs = config.specs
    if not specs or not all(isinstance(s, dict) and "type" in s for s in specs):
        raise invalid("specs", "a non-empty sequence of layer specs (dicts with a 'type')", specs)
    last = specs[-1]
    if last.get("type") != "Dense" or last.get("units") != 10 or last.get("activation") != "softmax":
        raise invalid(
            "specs",
            "a last layer Dense(units=10, activation='softmax'): one probability per Fashion-MNIST class",
            last,
            show=Phrase("last layer={layer}", layer=repr(last)),
        )
    check_optimizer(config.optimizer, config.learning_rate, dict(config.optimizer_params))
    for name in ("batch_size", "epochs", "seed"):
        check_arg(TRAINING[name], getattr(config, name))
    check_sizes(config.train_size, config.validation_split)
    for name in CALLBACKS:
        params = getattr(config, name)
        if params is not None:
            check_callback(name, params, has_validation=config.validation_split > 0)
    from playground.architecture import summarize  # pure Python: names the layer whose shapes don't work
    from playground.lab.model import model_specs  # (model.py checks optimizers with this module)

    summarize(model_specs(config), INPUT_SHAPE)
