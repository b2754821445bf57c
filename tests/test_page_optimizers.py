"""The Optimizers page: renders, paths/state equal the core, surfaces and hyper-parameters, links, Korean."""

from __future__ import annotations

import numpy as np
import pytest

from playground.optimizers import RACERS, optimize_trace
from playground.surfaces import SURFACES, get_surface
from tests.helpers import charts, codes

PAGE = "app_pages/optimizers.py"


def run_page(app_for, **params):
    at = app_for(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def positions(at) -> dict[str, str]:
    """optimizer label → position text, from the summary table."""
    table = at.table[0].value
    return dict(zip(table["optimizer"], table["position (x, y)"], strict=True))


def expected_position(surface, racer, lr, start, steps, step, **hyper) -> str:
    trace = optimize_trace(
        surface.grad_fn,
        start,
        optimizer=RACERS[racer].optimizer,
        learning_rate=lr,
        steps=steps,
        **{**RACERS[racer].hyper, **hyper},
    )
    x, y = trace.path[step]
    return f"({x:.4g}, {y:.4g})"


def open_racers(at, *racers: str):
    """Open these racers' hyper-parameter expanders, as a click on their labels does (AppTest cannot click one), and
    run: their widgets are built only then."""
    for racer in racers:
        at.session_state[f"optimizers_{racer}_open"] = True
    at.run()
    assert not at.exception
    return at


def test_smoke(app_for):
    """The race section renders first: contour + loss charts, the summary table and one state table with every
    optimizer; only SGD's hyper-parameters are built (its expander is the open one), and no batch-size part."""
    at = run_page(app_for)
    assert at.title[0].value == "Optimizers"
    assert len(charts(at)) == 2  # race paths and loss
    assert len(at.table) == 2  # the race, the state
    assert set(at.table[1].value["optimizer"]) == {"SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"}
    assert [n.key for n in at.number_input] == [
        "optimizers_start_x",
        "optimizers_start_y",
        "optimizers_sgd_learning_rate",
    ]
    assert not at.warning


def test_batch_section_smoke(app_for):
    """The batch-size section: its paths and loss charts and its table, and none of the race's widgets."""
    at = run_page(app_for, optimizers_section="batch")
    assert [c.id.rsplit("-", 1)[-1] for c in charts(at)] == ["optimizers_batch_chart", "optimizers_batch_loss_chart"]
    assert len(at.table) == 1
    assert not any(n.key == "optimizers_start_x" for n in at.number_input)


def test_positions_equal_core(app_for):
    """Each optimizer's position at the final step is the core's path with the page's settings."""
    at = run_page(app_for)
    bowl = SURFACES["bowl"]
    shown = positions(at)
    for racer in ["sgd", "momentum", "adagrad", "rmsprop", "adam"]:
        label = RACERS[racer].key
        label = {"sgd": "SGD", "momentum": "Momentum", "adagrad": "AdaGrad", "rmsprop": "RMSProp", "adam": "Adam"}[
            label
        ]
        assert shown[label] == expected_position(bowl, racer, bowl.learning_rates[racer], bowl.start, 150, 150)


def test_hyper_parameters_and_step_change_the_result(app_for):
    """Changing momentum, Adam's beta_1, the learning rate, steps and the shown step follows the core."""
    at = open_racers(run_page(app_for), "momentum", "adam")
    at.button_group(key="optimizers_racers").set_value(["momentum", "adam"])
    at.slider(key="optimizers_momentum_momentum").set_value(0.5)
    at.slider(key="optimizers_adam_beta_1").set_value(0.8)
    at.number_input(key="optimizers_adam_learning_rate").set_value(0.05)
    at.slider(key="optimizers_steps").set_value(60)
    at.run()
    at.slider(key="optimizers_step").set_value(20)
    at.run()
    assert not at.exception
    bowl = SURFACES["bowl"]
    shown = positions(at)
    assert shown["Momentum"] == expected_position(bowl, "momentum", 0.05, bowl.start, 60, 20, momentum=0.5)
    assert shown["Adam"] == expected_position(bowl, "adam", 0.05, bowl.start, 60, 20, beta_1=0.8)
    assert "keras.optimizers.Adam(learning_rate=0.05, beta_1=0.8)" in codes(at)[0].value


def test_state_table_shows_velocity_at_step(app_for):
    """The Momentum state table shows the velocity after the chosen step, as optimize_trace records it."""
    at = run_page(app_for, optimizers_racers="momentum", optimizers_step="7")
    bowl = SURFACES["bowl"]
    trace = optimize_trace(
        bowl.grad_fn, bowl.start, learning_rate=bowl.learning_rates["momentum"], steps=150, momentum=0.9
    )
    table = at.table[1].value
    table = table[table["optimizer"] == "Momentum"]
    row = table[table["at this step"] == "velocity v"].iloc[0]
    assert (row["x"], row["y"]) == tuple(f"{v:.4g}" for v in trace.state["momentum"][7])
    gradient = table[table["at this step"] == "gradient g"].iloc[0]
    assert gradient["x"] == f"{trace.gradients[6][0]:.4g}"


@pytest.mark.parametrize("surface", ["rosenbrock", "himmelblau"])
def test_choosing_a_surface_applies_its_suggestions(app_for, surface):
    """Picking another surface sets its start point and suggested learning rates (and the paths follow)."""
    at = run_page(app_for)
    at.selectbox(key="optimizers_surface").set_value(surface)
    at.run()
    assert not at.exception
    s = SURFACES[surface]
    assert at.number_input(key="optimizers_start_x").value == s.start[0]
    assert at.number_input(key="optimizers_sgd_learning_rate").value == s.learning_rates["sgd"]
    assert at.session_state["optimizers_adam_learning_rate"] == s.learning_rates["adam"]  # its expander is closed
    open_racers(at, "adam")
    assert at.number_input(key="optimizers_adam_learning_rate").value == s.learning_rates["adam"]
    assert positions(at)["Adam"] == expected_position(s, "adam", s.learning_rates["adam"], s.start, 150, 150)
    assert not at.warning  # the suggested rates do not diverge


def test_link_with_only_a_surface_uses_its_defaults(app_for):
    """A shared link naming just the surface opens with that surface's start point and learning rates."""
    at = run_page(app_for, optimizers_surface="beale")
    assert at.number_input(key="optimizers_start_y").value == SURFACES["beale"].start[1]
    assert at.number_input(key="optimizers_sgd_learning_rate").value == SURFACES["beale"].learning_rates["sgd"]


def test_conditioning_and_divergence_warning(app_for):
    """A steep bowl (κ = 40) with SGD's lr 0.15 diverges: a warning names SGD and the step, no exception."""
    at = run_page(app_for, optimizers_conditioning="40.0", optimizers_racers="sgd")
    trace = optimize_trace(
        get_surface("bowl", conditioning=40.0).grad_fn, SURFACES["bowl"].start, learning_rate=0.15, steps=150
    )
    assert trace.diverged_at is not None
    assert f"SGD diverged at step {trace.diverged_at}" in at.warning[0].value


def test_no_optimizer_chosen_is_a_notice(app_for):
    """With no optimizer chosen the page shows a notice and the empty surface."""
    at = run_page(app_for)
    at.button_group(key="optimizers_racers").set_value([])
    at.run()
    assert not at.exception
    assert any("at least one optimizer" in i.value for i in at.info)


def test_korean(app_for):
    """?lang=ko renders the page in Korean, with Korean optimizer names in the table."""
    at = run_page(app_for, lang="ko")
    assert at.title[0].value == "옵티마이저"
    assert "모멘텀" in list(at.table[0].value["옵티마이저"])


def test_tampered_url_params(app_for):
    """A negative learning rate, an unknown surface, too many steps and an unknown key: ignored with a notice."""
    at = run_page(
        app_for,
        optimizers_sgd_learning_rate="-1",
        optimizers_surface="moon",
        optimizers_steps="100000",
        optimizers_bogus="1",
    )
    notice = " ".join(i.value for i in at.info)
    assert "optimizers_bogus=1" in notice and "optimizers_surface=moon" in notice
    assert at.selectbox(key="optimizers_surface").value == "bowl"
    assert at.slider(key="optimizers_steps").value == 150
    assert at.number_input(key="optimizers_sgd_learning_rate").value == SURFACES["bowl"].learning_rates["sgd"]


def test_contour_grid_is_the_surface(app_for):
    """The contour's hover values are f on the plotted grid (spot-check one cell)."""

    from tests.test_page_dropout import decode

    at = run_page(app_for, optimizers_surface="himmelblau")
    spec = charts(at)[0].spec
    contour = spec["data"][0]
    xs, ys, z = SURFACES["himmelblau"].grid(len(decode(contour["x"])))  # the page's resolution
    values = decode(contour["customdata"])
    np.testing.assert_allclose(values[13, 47], z[13, 47], rtol=1e-6)
    np.testing.assert_allclose(decode(contour["x"]), xs)


def test_batch_size_section_shows_the_core_paths_and_keras_fit(app_for):
    """The batch-size table gives each batch size's epochs and final loss as playground.minibatch computes them, and
    the code box fits with the same batch sizes."""
    from playground.minibatch import N_SAMPLES, least_squares, make_samples, minibatch_sgd

    at = run_page(app_for, optimizers_section="batch", optimizers_batch_sizes=["1", "32"], optimizers_batch_steps="60")
    table = at.table[0].value
    assert list(table["batch_size"]) == ["1", "32"]
    x, y = make_samples(N_SAMPLES)
    w, b = least_squares(x, y)
    best = np.mean((w * x + b - y) ** 2)
    for size, shown in zip([1, 32], table["loss − minimum at the end"], strict=True):
        trace = minibatch_sgd(x, y, (-1.0, 2.5), batch_size=size, learning_rate=0.05, steps=60, seed=0)
        assert shown == f"{trace.loss[-1] - best:.3e}"
    code = codes(at)[-1].value
    assert "model.fit(x, y, batch_size=1, epochs=1" in code and "batch_size=32, epochs=8" in code


def test_racer_chips_speak_the_page_language_and_links_keep_ids(open_link):
    """The race picker's chips show the optimizers' names in Korean (모멘텀, 네스테로프), while the link keeps the
    ids, so a link made in Korean opens the same race in English; an unknown id in a link is dropped."""
    at = open_link("app_pages/optimizers.py", lang="ko", optimizers_racers=["momentum", "nesterov", "bogus"])
    chips = at.button_group(key="optimizers_racers")
    labels = [option.content for option in chips.proto.options]
    assert "모멘텀" in labels and "네스테로프" in labels and "momentum" not in labels
    assert chips.value == ["momentum", "nesterov"]
    assert at.query_params["optimizers_racers"] == ["momentum", "nesterov"]
    chips.set_value(["sgd", "nesterov"]).run()
    assert at.query_params["optimizers_racers"] == ["sgd", "nesterov"]


def test_a_link_naming_only_unknown_optimizers_races_the_default_ones(open_link):
    """?optimizers_racers=foo: the link value is ignored (and said to be), so the page races its default optimizers
    rather than none ("Pick at least one optimizer")."""
    default = open_link("app_pages/optimizers.py").button_group(key="optimizers_racers").value
    at = open_link("app_pages/optimizers.py", optimizers_racers="foo")
    assert not at.exception
    assert at.button_group(key="optimizers_racers").value == default != []
    notices = " ".join(i.value for i in at.info)
    assert "`optimizers_racers=foo` →" in notices and "Pick at least one" not in notices


def test_a_closed_racers_link_settings_are_used_and_kept(open_link):
    """Adam's expander is closed (its widgets are not built), yet a link's beta_1 and epsilon race: positions and the
    code follow them, and the link keeps them."""
    at = open_link(
        PAGE,
        optimizers_racers="adam",
        optimizers_adam_beta_1="0.8",
        optimizers_adam_epsilon="1e-04",
        optimizers_step="9",
    )
    assert not at.exception and not at.info
    assert not any(s.key == "optimizers_adam_beta_1" for s in at.slider)  # closed: not built
    bowl = SURFACES["bowl"]
    lr = bowl.learning_rates["adam"]
    assert positions(at)["Adam"] == expected_position(bowl, "adam", lr, bowl.start, 150, 9, beta_1=0.8, epsilon=1e-4)
    assert f"keras.optimizers.Adam(learning_rate={lr:g}, beta_1=0.8, epsilon=0.0001)" in codes(at)[0].value
    assert at.query_params["optimizers_adam_beta_1"] == "0.8"
    assert at.query_params["optimizers_adam_epsilon"] == "1e-04"


def test_a_closed_racers_refused_link_setting_is_reported_at_once(open_link):
    """A link's epsilon that is not one of the slider's values, for a closed expander: said at once (not only when
    the expander is opened), and the default races."""
    at = open_link(PAGE, optimizers_adam_epsilon="5", optimizers_rmsprop_rho="2")
    notice = " ".join(i.value for i in at.info)
    assert "optimizers_adam_epsilon=5" in notice and "optimizers_rmsprop_rho=2" in notice
    assert "optimizers_adam_epsilon" not in at.query_params
    assert at.session_state["optimizers_adam_epsilon"] == "1e-07"


def test_settings_typed_in_an_expander_stay_when_it_closes(app_for):
    """Adam's learning rate and epsilon set in its open expander still race once it is closed, and come back in it."""
    at = open_racers(run_page(app_for, optimizers_racers="adam"), "adam")
    at.number_input(key="optimizers_adam_learning_rate").set_value(0.05)
    at.select_slider(key="optimizers_adam_epsilon").set_value("1e-03")
    at.run()
    at.session_state["optimizers_adam_open"] = False
    at.run()
    assert not at.exception
    assert not any(n.key == "optimizers_adam_learning_rate" for n in at.number_input)
    assert "Adam · lr = 0.05" in [e.label for e in at.expander]  # the closed expander says its learning rate
    bowl = SURFACES["bowl"]
    assert positions(at)["Adam"] == expected_position(bowl, "adam", 0.05, bowl.start, 150, 150, epsilon=1e-3)
    assert at.query_params["optimizers_adam_learning_rate"] == "0.05"
    open_racers(at, "adam")
    assert at.number_input(key="optimizers_adam_learning_rate").value == 0.05
    assert at.select_slider(key="optimizers_adam_epsilon").value == "1e-03"


def test_the_other_section_keeps_every_setting_in_the_link(app_for):
    """Settings of the race stay in the URL (and in the session) while the batch-size section is shown, and the other
    way round; a link to the batch section with race settings opens the race with them."""
    at = run_page(app_for)
    at.slider(key="optimizers_steps").set_value(60).run()
    at.button_group(key="optimizers_section").set_value("batch").run()
    at.slider(key="optimizers_batch_steps").set_value(40).run()
    assert not at.exception
    assert at.query_params["optimizers_steps"] == "60" and at.query_params["optimizers_batch_steps"] == "40"
    at.button_group(key="optimizers_section").set_value("race").run()
    assert at.slider(key="optimizers_steps").value == 60
    assert at.query_params["optimizers_batch_steps"] == "40"

    linked = run_page(app_for, optimizers_section="batch", optimizers_steps="60", optimizers_surface="beale")
    assert not linked.info and linked.query_params["optimizers_steps"] == "60"
    linked.button_group(key="optimizers_section").set_value("race").run()
    assert linked.slider(key="optimizers_steps").value == 60
    assert linked.selectbox(key="optimizers_surface").value == "beale"


def line_colours(at) -> dict[str, str]:
    """racer name → its line colour, in the path chart and in the loss chart (asserted equal)."""
    path_chart, loss_chart = charts(at)[:2]
    colours = {}
    for chart in (path_chart, loss_chart):
        lines = {tr["name"]: tr["line"]["color"] for tr in chart.spec["data"] if tr.get("mode") == "lines"}
        assert colours in ({}, lines)
        colours = lines
    return colours


def test_each_racer_keeps_its_own_colour(app_for):
    """The five default racers have five different colours (no two oranges), and a racer's colour does not move
    when another joins or leaves the race: Momentum alone, or after Nesterov, is the Momentum of the full race."""
    at = run_page(app_for)
    full = line_colours(at)
    assert set(full) == {"SGD", "Momentum", "AdaGrad", "RMSProp", "Adam"}
    assert len(set(full.values())) == 5
    assert not {"#E69F00", "#D55E00"} <= set(full.values())  # Okabe–Ito's orange and vermilion read alike
    at.button_group(key="optimizers_racers").set_value(["nesterov", "momentum", "adam"]).run()
    fewer = line_colours(at)
    assert fewer["Momentum"] == full["Momentum"] and fewer["Adam"] == full["Adam"]
    assert len(set(fewer.values())) == 3
