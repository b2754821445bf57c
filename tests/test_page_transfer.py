"""The Transfer learning page: renders offline, counts match the core, a tiny run shows the core's numbers."""

from __future__ import annotations

import pandas as pd

from playground import transfer
from tests.helpers import charts

PAGE = "app_pages/transfer.py"


def open_page(app_for, query: dict[str, str] | None = None):
    """The page inside the frame, opened like a shared link: the query is in the URL before the first run."""
    at = app_for(PAGE)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run(timeout=120)
    return at


def test_smoke_counts_and_strip(app_for):
    """Before any run: layer strip, counts table equal to the core's per-mode counts, shipped accuracy, no warning."""
    at = open_page(app_for)
    assert not at.exception
    assert at.title[0].value == "Transfer learning"
    assert len(charts(at)) == 1  # the layer strip; curves come after a run
    assert not at.warning
    table = at.table[0].value
    assert isinstance(table, pd.DataFrame)
    described = transfer.describe_modes()
    assert table["trainable"].tolist() == [described[m][0] for m in transfer.MODES]
    assert table["non-trainable"].tolist() == [described[m][1] for m in transfer.MODES]
    assert table["trainable"].tolist() == [60549, 37253, 55749]
    assert any(f"{transfer.BASE_SOURCE_ACCURACY:.1%}" in c.value for c in at.caption)
    assert any("MobileNetV2" in e.label for e in at.expander)


def test_run_shows_the_cores_results(app_for):
    """A tiny run (10 labels per class, 1 epoch) shows the validation accuracies run_transfer computes."""
    at = open_page(app_for)
    at.slider(key="transfer_labels").set_value(10)
    at.slider(key="transfer_epochs").set_value(1)
    at.button(key="transfer_run").click().run(timeout=300)
    assert not at.exception
    settings, results = at.session_state["transfer_results"]
    assert settings == {"labels": 10, "epochs": 1, "seed": 0, "base": "shipped"}
    assert list(results) == list(transfer.MODES)
    assert [m.value for m in at.metric] == [f"{results[m].val_accuracy:.1%}" for m in transfer.MODES]
    assert [r.trainable_params for r in results.values()] == [60549, 37253, 55749]
    assert len(charts(at)) == 3  # strip + accuracy + loss


def test_korean(app_for):
    """In Korean the page uses the course notes' terms (특성 추출, 미세 조정) and renders without exception."""
    at = open_page(app_for, {"lang": "ko"})
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "특성 추출" in text and "미세 조정" in text


def test_tampered_url(app_for):
    """Out-of-range, wrong-type and unknown URL parameters are ignored with a notice, never an exception."""
    at = open_page(app_for, {"transfer_labels": "5000", "transfer_epochs": "x", "transfer_base": "live", "zzz": "1"})
    assert not at.exception
    assert at.slider(key="transfer_labels").value == 50
    assert at.radio(key="transfer_base").value == "shipped"  # no live base in this session
    assert "zzz" in " ".join(i.value for i in at.info)
