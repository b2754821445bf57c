"""The Activations page: renders, reacts to its widgets with the core's numbers, Korean, tampered links."""

from __future__ import annotations

import numpy as np

from playground import activations as A
from tests.helpers import charts, codes
from tests.helpers import metrics as metric_values

PAGE = "app_pages/activations.py"


def show(at, section: str) -> None:
    """Pick a section of the page, as the segmented control above them does."""
    at.button_group(key="activations_section").set_value(section)
    at.run()
    assert not at.exception


def drawn(at) -> list[str]:
    """The keys of the charts the page drew."""
    return [c.id.rsplit("-", 1)[-1] for c in charts(at)]


def test_smoke(app_for):
    """The page renders without exception; each of its four sections, once picked, draws its own charts only."""
    at = app_for(PAGE)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Activations"
    assert drawn(at) == ["activations_functions_chart", "activations_derivatives_chart"]
    for section, chart in [
        ("vanishing", "activations_vanishing_chart"),
        ("softmax", "activations_softmax_chart"),
        ("perceptron", "activations_neuron_chart"),
    ]:
        show(at, section)
        assert drawn(at) == [chart]
        assert not at.warning


def test_perceptron_numbers_equal_core(app_for):
    """Moving the perceptron's sliders shows z and a = f(z) as the core computes them."""
    at = app_for(PAGE)
    at.run()
    show(at, "perceptron")
    at.slider(key="activations_x1").set_value(2.0)
    at.slider(key="activations_w2").set_value(-1.5)
    at.slider(key="activations_bias").set_value(-0.7)
    at.selectbox(key="activations_neuron").set_value("tanh")
    at.run()
    assert not at.exception
    z, a = A.perceptron([2.0, -0.5], [0.8, -1.5], -0.7, "tanh")
    metrics = metric_values(at)
    assert metrics["weighted sum z"] == f"{z:.4f}"
    assert metrics["output a = f(z)"] == f"{a:.4f}"


def test_vanishing_gradient_metric(app_for):
    """The 'after n layers' metric equals chain_gradient's last factor for the chosen depth."""
    at = app_for(PAGE)
    at.run()
    show(at, "vanishing")
    at.slider(key="activations_depth").set_value(7)
    at.run()
    _, grads = A.chain_gradient("sigmoid", 0.5, 7, weight=1.0)
    assert metric_values(at)["sigmoid: after 7 layers"] == f"{abs(grads[-1]):.2e}"


def test_softmax_table_and_temperature(app_for):
    """Edited logits and temperature give the table's probabilities = softmax(z / T)."""
    at = app_for(PAGE)
    at.run()
    show(at, "softmax")
    at.text_input(key="activations_logits").set_value("1, 3, -2")
    at.slider(key="activations_temperature").set_value(2.0)
    at.run()
    assert not at.exception
    table = at.table[0].value
    np.testing.assert_allclose(table["probability"].to_numpy(), A.softmax([1, 3, -2], temperature=2.0))


def test_bad_logits_show_friendly_warning(app_for):
    """Logits that are not numbers give the friendly warning naming `logits`, not a traceback."""
    at = app_for(PAGE)
    at.run()
    show(at, "softmax")
    at.text_input(key="activations_logits").set_value("1, two, 3")
    at.run()
    assert not at.exception
    assert "`logits`" in at.warning[0].value
    assert at.warning[0].value.startswith("Check the numbers you typed:")


def test_choose_activations_and_slope(app_for):
    """Choosing only leaky ReLU with another slope renders its formula with that slope."""
    at = app_for(PAGE)
    at.run()
    at.button_group(key="activations_chosen").set_value(["leaky_relu"])
    at.slider(key="activations_slope").set_value(0.05)
    at.run()
    assert not at.exception
    assert any("0.05" in latex.value for latex in at.latex)
    assert "negative_slope=0.05" in codes(at)[0].value


def test_no_activation_chosen_is_a_notice(app_for):
    """An empty choice shows a notice instead of empty charts."""
    at = app_for(PAGE)
    at.run()
    at.button_group(key="activations_chosen").set_value([])
    at.run()
    assert not at.exception
    assert at.info


def test_korean(app_for):
    """?lang=ko renders the page in Korean."""
    at = app_for(PAGE)
    at.query_params["lang"] = "ko"
    at.query_params["activations_section"] = "perceptron"
    at.run()
    assert not at.exception
    assert at.title[0].value == "활성화 함수"
    assert "가중합 z" in metric_values(at)


def test_link_settings_are_applied(app_for):
    """Valid URL parameters set the widgets (shareable link), those of the section it opens at once."""
    at = app_for(PAGE)
    at.query_params["activations_section"] = "perceptron"
    at.query_params["activations_x1"] = "2.5"
    at.query_params["activations_neuron"] = "relu"
    at.run()
    assert not at.exception
    assert at.slider(key="activations_x1").value == 2.5
    assert at.selectbox(key="activations_neuron").value == "relu"


def test_a_link_keeps_the_settings_of_sections_not_shown(app_for):
    """A link's setting of another section stays in the URL, unreported, and is used when that section is picked."""
    at = app_for(PAGE)
    at.query_params["activations_depth"] = "12"
    at.query_params["activations_chosen"] = "leaky_relu"
    at.run()
    assert not at.exception and not at.info
    assert at.query_params["activations_depth"] == "12"
    show(at, "vanishing")
    assert at.slider(key="activations_depth").value == 12
    assert list(metric_values(at)) == ["leaky ReLU: after 12 layers"]
    assert not at.info


def test_settings_stay_when_the_section_changes(app_for):
    """A value set in one section is kept, on screen and in the link, while another section is shown."""
    at = app_for(PAGE)
    at.run()
    show(at, "vanishing")
    at.slider(key="activations_depth").set_value(7).run()
    show(at, "softmax")
    assert at.query_params["activations_depth"] == "7"
    at.slider(key="activations_temperature").set_value(2.0).run()
    show(at, "vanishing")
    assert at.slider(key="activations_depth").value == 7
    assert at.query_params["activations_temperature"] == "2.0"


def test_tampered_url_params(app_for):
    """Out-of-range, wrong-type and unknown URL parameters are ignored with a notice, no exception: at once for the
    section shown and unknown names, when its section is picked for another section's setting."""
    at = app_for(PAGE)
    at.query_params["activations_section"] = "perceptron"
    at.query_params["activations_x1"] = "hot"
    at.query_params["activations_neuron"] = "swish"
    at.query_params["activations_depth"] = "999"
    at.query_params["activations_bogus"] = "1"
    at.run()
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    assert "activations_bogus=1" in notice and "activations_x1=hot" in notice and "activations_neuron=swish" in notice
    assert "activations_depth" not in notice
    assert at.slider(key="activations_x1").value == 1.0
    assert at.selectbox(key="activations_neuron").value == "sigmoid"
    show(at, "vanishing")
    notice = " ".join(i.value for i in at.info)
    assert "activations_depth=999" in notice and "activations_bogus" not in notice
    assert at.slider(key="activations_depth").value == 10
    assert "activations_depth" not in at.query_params


def test_a_link_inside_the_app_wins_over_the_kept_settings(app_for):
    """Back on the page from another one without its settings in the URL (the sidebar), the learner finds the section
    and values they left; through a link carrying some (a lesson's scene), the link's values and the defaults show,
    as in a new tab."""
    at = app_for(PAGE)
    at.run()
    show(at, "softmax")
    at.slider(key="activations_temperature").set_value(3.0).run()
    at.switch_page("app_pages/dropout.py")
    for key in list(at.query_params):
        del at.query_params[key]
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.slider(key="activations_temperature").value == 3.0
    assert at.query_params["activations_section"] == "softmax" and at.query_params["activations_temperature"] == "3.0"
    at.switch_page("app_pages/dropout.py")
    for key in list(at.query_params):
        del at.query_params[key]
    at.run()
    at.query_params["activations_section"] = "softmax"
    at.query_params["activations_logits"] = "1, 2"
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.text_input(key="activations_logits").value == "1, 2"
    assert at.slider(key="activations_temperature").value == 1.0
