"""The lab's run and file affordances in a real browser, driven as a person does: Stop, the four downloads, restoring
weights, the Compare picker and its script download, a photo upload on Evaluate, and "Forget my runs".

One server (200-image subsets allowed, its own run store in a temporary folder) and one browser tab (one owner cookie)
serve the whole module, so two short trainings feed every test: run-1 is stopped early, run-2 trains one epoch, and
run-2's downloaded weights come back as run-2-weights-1. The tests run in file order, each starting from what the
previous ones left (the `lab` dict carries the run ids and the downloaded files).
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Server, exceptions_on, scroll_to, trace_values, wait_for_app
from ui.i18n import t
from ui.texts import TEXTS

pytestmark = pytest.mark.browser

LONG = 180_000  # ms: a training, a test-set evaluation (CI runs under load)
WAIT = 60_000  # ms: anything else
STOP_EPOCHS = 30  # the form's most: the Stop button has plenty of time to act before the training would end
NO_RUNS = t("runs.none")[:40]


def _done(status_key: str) -> re.Pattern:
    """The lab's "run-N: <status> — …" message once a job has ended; group 1 is the run id."""
    head = re.escape(TEXTS["train.done"]["en"].split("{reason}")[0])  # "{run}: {status} — "
    head = head.replace(re.escape("{run}"), r"(run-\d+)").replace(re.escape("{status}"), re.escape(t(status_key)))
    return re.compile(head)


@pytest.fixture(scope="module")
def lab_server(artifacts, chromium_path):
    """A server with small training subsets and a run store of its own (nothing left in the user's cache)."""
    with tempfile.TemporaryDirectory(prefix="playground-lab-files-") as data_dir:
        srv = Server(extra_env={"PLAYGROUND_MIN_TRAIN_SIZE": "200", "PLAYGROUND_DATA_DIR": data_dir})
        try:
            yield srv
        finally:
            srv.stop()


@pytest.fixture(scope="module")
def pg(browser, lab_server):
    """One tab for the whole module (its cookie owns the runs); closed at the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400}, accept_downloads=True)
    context.set_default_timeout(WAIT)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def lab() -> dict:
    """What one test hands to the next: run ids, downloaded files."""
    return {}


def _need(lab: dict, *keys: str) -> None:
    missing = [k for k in keys if k not in lab]
    assert not missing, f"an earlier test of this module did not get as far as {missing}"


def nav(pg, title_key: str) -> None:
    """Click a page's link in the sidebar (the same session: its runs and caches stay)."""
    pg.locator('[data-testid="stSidebar"]').get_by_role("link", name=t(title_key)).first.click()
    pg.wait_for_function(
        "title => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText.includes(title)", arg=t(title_key)
    )
    wait_for_app(pg, timeout=LONG)


def download(pg, key: str) -> tuple[str, bytes]:
    """Click the download button with widget key `key`; (the file name the browser was given, the file's bytes)."""
    button = pg.locator(f".st-key-{key}").get_by_role("button")
    scroll_to(pg, button)
    with pg.expect_download(timeout=WAIT) as info:
        button.click()
    got = info.value
    return got.suggested_filename, Path(got.path()).read_bytes()


def choose_file(pg, key: str, name: str, mime: str, data: bytes) -> None:
    """Click the Upload button of the file uploader with widget key `key` and pick a file in the chooser it opens."""
    uploader = pg.locator(f".st-key-{key}")
    scroll_to(pg, uploader)
    with pg.expect_file_chooser(timeout=WAIT) as chooser:
        uploader.locator('[data-testid="stFileUploaderDropzone"] button').click()
    chooser.value.set_files({"name": name, "mimeType": mime, "buffer": data})
    expect(uploader).to_contain_text(name, timeout=WAIT)


def shown_value(pg, key: str) -> str:
    """The option a select box shows as chosen."""
    return pg.locator(f".st-key-{key} input").input_value()


def test_stop_ends_a_long_training_and_keeps_the_partial_run(pg, lab_server, lab, artifacts):
    """Train 30 epochs on 1,000 images, click Stop once an epoch shows → "stopped", Train enabled, Stop disabled,
    fewer epochs than planned on the curve; "Evaluate this run" then evaluates the stopped run on the test set."""
    pg.goto(lab_server.url(f"train?train_preset=quick&train_epochs={STOP_EPOCHS}&train_size=1000"))
    wait_for_app(pg, timeout=LONG)
    # The owner cookie is written a moment after the first paint; the runs saved from here on belong to it.
    pg.wait_for_function("() => document.cookie.includes('cnn_playground_owner=')")
    start = pg.get_by_role("button", name=t("train.start"), exact=True)
    stop = pg.get_by_role("button", name=t("train.stop"), exact=True)
    expect(stop).to_be_disabled()

    start.click()
    expect(stop).to_be_enabled(timeout=WAIT)
    expect(start).to_be_disabled()
    epoch_of = re.escape(TEXTS["train.progress"]["en"].split("{epoch}")[0]) + rf"\d+/{STOP_EPOCHS}\b"
    pg.locator('[data-testid="stProgress"]').filter(has_text=re.compile(epoch_of)).wait_for(timeout=LONG)
    stop.click()

    stopped = pg.get_by_text(_done("train.status.stopped")).first
    try:
        stopped.wait_for(timeout=LONG)
    except Exception as err:  # say what the page showed instead (finished, failed, still running …)
        pg.screenshot(path=str(artifacts / "lab-files-not-stopped.png"))
        raise AssertionError(f"no 'stopped' message; page: {pg.locator('body').inner_text()[:1500]!r}") from err
    run_id = _done("train.status.stopped").search(stopped.inner_text()).group(1)
    wait_for_app(pg, timeout=LONG)
    expect(start).to_be_enabled()
    expect(stop).to_be_disabled()
    assert pg.locator('[data-testid="stProgress"]').count() == 0
    pg.locator(".st-key-train_chart_loss .js-plotly-plot").wait_for()
    epochs = max(len(tr["y"]) for tr in trace_values(pg, "train_chart_loss"))
    assert 1 <= epochs < STOP_EPOCHS, f"the stopped run has {epochs} epochs of loss"
    assert not exceptions_on(pg)
    lab["stopped"] = run_id

    # The partial run is a run like any other: Evaluate picks it (newest first) and scores it on the test set.
    pg.get_by_role("link", name=t("train.to_evaluate")).click()
    pg.locator(".st-key-evaluate_confusion .js-plotly-plot").wait_for(timeout=LONG)
    wait_for_app(pg, timeout=LONG)
    picked = shown_value(pg, "evaluate_run")
    assert picked.startswith(f"{run_id} ·") and t("runs.status.stopped") in picked, picked
    accuracy = pg.locator('[data-testid="stMetric"]').filter(has_text=t("evaluate.test_accuracy"))
    assert re.search(r"\d+\.\d\d%", accuracy.inner_text()), accuracy.inner_text()
    assert not exceptions_on(pg)


def test_a_photo_upload_on_evaluate_is_predicted(pg, lab):
    """Inside the model → "My own photo" → choose a PNG → the prediction and the photo's softmax chart, which agree."""
    _need(lab, "stopped")
    from PIL import Image, ImageDraw

    photo = Image.new("RGB", (96, 96), "white")
    ImageDraw.Draw(photo).rectangle((24, 10, 72, 86), fill=(30, 30, 40))  # a dark garment on a light background
    png = io.BytesIO()
    photo.save(png, "PNG")

    tab = pg.get_by_role("tab", name=t("evaluate.tab_inside"))
    scroll_to(pg, tab)
    tab.click()
    wait_for_app(pg, timeout=LONG)
    source = pg.locator('[data-testid="stRadio"]').get_by_text(t("evaluate.source_upload"), exact=True)
    scroll_to(pg, source)
    source.click()
    wait_for_app(pg, timeout=LONG)
    expect(pg.get_by_text(t("evaluate.upload_hint"))).to_be_visible()
    assert pg.locator(".st-key-evaluate_own_softmax").count() == 0

    choose_file(pg, "evaluate_upload", "garment.png", "image/png", png.getvalue())
    chart = pg.locator(".st-key-evaluate_own_softmax")
    chart.wait_for(timeout=LONG)
    scroll_to(pg, chart)
    chart.locator(".js-plotly-plot .main-svg").first.wait_for()
    wait_for_app(pg, timeout=LONG)
    (bars,) = trace_values(pg, "evaluate_own_softmax")
    names = [t(f"class.{i}") for i in range(10)]
    assert bars["x"] == names and len(bars["y"]) == 10
    assert abs(sum(bars["y"]) - 1) < 1e-3 and min(bars["y"]) >= 0, bars["y"]
    head = re.escape(TEXTS["evaluate.prediction"]["en"].split("**")[0])  # "Prediction: "
    said = pg.get_by_text(re.compile(rf"^{head}")).first.inner_text()
    label, percent = re.search(rf"{head}(.+) \((\d+\.\d)%\)", said).groups()
    best = max(range(10), key=bars["y"].__getitem__)
    assert label == names[best] and abs(float(percent) - 100 * bars["y"][best]) < 0.06, (said, bars["y"])
    assert not exceptions_on(pg)


def test_the_four_downloads_of_a_run(pg, lab_server, lab):
    """Train run-2 (1 epoch), open Save & restore from the lab's link, click each download button → the file names
    the page gives and files that are what they say: a zip, HDF5, the history CSV, a Python script."""
    _need(lab, "stopped")
    pg.goto(lab_server.url("train?train_preset=quick&train_epochs=1&train_size=200"))  # the settings; a new session
    wait_for_app(pg, timeout=LONG)
    pg.get_by_role("button", name=t("train.start"), exact=True).click()
    finished = pg.get_by_text(_done("train.status.finished")).first
    finished.wait_for(timeout=LONG)
    run_id = _done("train.status.finished").search(finished.inner_text()).group(1)
    assert run_id != lab["stopped"]
    wait_for_app(pg, timeout=LONG)
    pg.locator('[data-testid="stMain"]').get_by_role("link", name=t("train.to_models")).click()
    pg.get_by_text(t("models.download_title")).wait_for()
    wait_for_app(pg, timeout=LONG)
    assert shown_value(pg, "models_run").startswith(f"{run_id} ·")
    expect(pg.get_by_text(t("models.download_help", run=run_id))).to_be_visible()

    name, data = download(pg, "models_download_keras")
    assert name == f"{run_id}.keras" and data[:4] == b"PK\x03\x04", (name, data[:8])
    name, data = download(pg, "models_download_weights")
    assert name == f"{run_id}.weights.h5" and data[:4] == b"\x89HDF", (name, data[:8])
    lab["weights"] = (name, data)
    name, data = download(pg, "models_download_history")
    rows = data.decode().splitlines()
    assert name == f"{run_id}-history.csv", name
    assert rows[0].startswith("epoch,loss,accuracy,val_loss,val_accuracy") and len(rows) == 2, rows
    assert rows[1].split(",")[0] == "1" and float(rows[1].split(",")[1]) > 0, rows
    name, data = download(pg, "models_download_script")
    script = data.decode()
    assert name == f"train_{run_id}.py" and script.startswith(f'"""{run_id}:'), (name, script[:80])
    compile(script, name, "exec")
    assert "model.fit(" in script and "epochs=1" in script, script
    assert not exceptions_on(pg)
    lab["finished"] = run_id


def test_restore_the_downloaded_weights(pg, lab):
    """The weights tab: choose the downloaded .weights.h5 with the file chooser, click Restore → a new restored run."""
    _need(lab, "finished", "weights")
    name, data = lab["weights"]
    source = lab["finished"]
    tab = pg.get_by_role("tab", name=t("models.tab_weights"))
    scroll_to(pg, tab)
    expect(tab).to_have_attribute("aria-selected", "true")  # the first tab: already open
    assert shown_value(pg, "models_arch").startswith(f"{source} ·")  # the newest lab run's architecture
    restore = pg.locator(".st-key-models_restore_weights").get_by_role("button")
    expect(restore).to_be_disabled()

    choose_file(pg, "models_weights_file", name, "application/x-hdf5", data)
    restore.click(timeout=WAIT)  # enabled by the upload's rerun
    restored_id = f"{source}-weights-1"
    expect(pg.get_by_text(t("models.weights_restored", run="@").split("**")[0] + restored_id)).to_be_visible(
        timeout=LONG
    )
    wait_for_app(pg, timeout=LONG)
    assert not pg.get_by_text(t("models.refused", message="@").split("@")[0]).count()
    assert not exceptions_on(pg)
    lab["restored"] = restored_id


def test_compare_picker_and_script_download(pg, lab):
    """Compare shows all three runs; removing the stopped run's chip with the mouse takes its curves and its rows
    away; choosing the restored run in the script picker names the downloaded script after it."""
    _need(lab, "stopped", "finished", "restored")
    stopped, finished, restored = lab["stopped"], lab["finished"], lab["restored"]
    nav(pg, "compare.title")
    chips = pg.locator(".st-key-compare_runs [data-tag]")
    expect(chips).to_have_count(3)
    labels = chips.evaluate_all("tags => tags.map(e => e.getAttribute('aria-label'))")
    assert [lab_.split(" ·")[0] for lab_ in labels] == [stopped, finished, restored], labels
    pg.locator(".st-key-compare_loss .js-plotly-plot").wait_for()
    curves = {tr["name"].split(" ·")[0] for tr in trace_values(pg, "compare_loss")}
    assert curves == {stopped, finished}, curves  # the restored run has no history: no curve
    grids = pg.locator('[data-testid="stDataFrame"] table[role="grid"]')
    expect(grids.first).to_have_attribute("aria-rowcount", "4")  # the results: a header and a row per run
    settings_heads = grids.nth(1).locator("th")
    expect(settings_heads).to_have_text(["", stopped, finished, restored])

    chip = chips.filter(has=pg.locator(f'[title^="{stopped} ·"]'))
    chip.get_by_role("button").click()  # the chip's ×
    expect(chips).to_have_count(2)
    wait_for_app(pg, timeout=LONG)
    curves = {tr["name"].split(" ·")[0] for tr in trace_values(pg, "compare_loss")}
    assert curves == {finished}, curves
    curves = {tr["name"].split(" ·")[0] for tr in trace_values(pg, "compare_accuracy")}
    assert curves == {finished}, curves
    expect(grids.first).to_have_attribute("aria-rowcount", "3")
    expect(settings_heads).to_have_text(["", finished, restored])

    assert shown_value(pg, "compare_script_run") == finished  # the first run chosen
    picker = pg.locator(".st-key-compare_script_run input")
    scroll_to(pg, picker)
    picker.click()
    options = pg.get_by_role("option")
    expect(options).to_have_text([finished, restored])
    pg.get_by_role("option", name=restored, exact=True).click()
    wait_for_app(pg, timeout=LONG)
    assert shown_value(pg, "compare_script_run") == restored
    name, data = download(pg, "compare_download_script")
    script = data.decode()
    assert name == f"train_{restored}.py" and script.startswith(f'"""{restored}:'), (name, script[:80])
    compile(script, name, "exec")
    assert not exceptions_on(pg)


def test_forget_my_runs(pg, lab_server, lab):
    """Save & restore → "Forget my runs" → the page and Evaluate show no runs, and a reload brings none back."""
    _need(lab, "stopped", "finished", "restored")
    nav(pg, "models.title")
    assert pg.locator(".st-key-models_run").count() == 1
    forget = pg.locator(".st-key-models_forget").get_by_role("button", name=t("store.forget"))
    scroll_to(pg, forget)
    forget.click()
    expect(pg.locator('[data-testid="stToast"]')).to_contain_text(t("store.forgotten", count=3), timeout=WAIT)
    wait_for_app(pg, timeout=LONG)
    # The page that was clicked no longer offers the forgotten runs (no download picker, the weights need a run).
    expect(pg.locator(".st-key-models_run")).to_have_count(0)
    expect(pg.get_by_text(NO_RUNS).first).to_be_visible()
    expect(pg.get_by_text(t("models.weights_need_run"))).to_be_visible()

    nav(pg, "evaluate.title")
    expect(pg.get_by_text(NO_RUNS).first).to_be_visible()
    assert pg.locator(".st-key-evaluate_run").count() == 0

    pg.reload()  # a new session: the runs would come back from the store if it still held them
    wait_for_app(pg, timeout=LONG)
    expect(pg.get_by_text(NO_RUNS).first).to_be_visible()
    assert pg.locator(".st-key-evaluate_run").count() == 0
    nav(pg, "compare.title")
    expect(pg.get_by_text(NO_RUNS).first).to_be_visible()
    assert pg.locator(".st-key-compare_runs").count() == 0
    assert not exceptions_on(pg)
