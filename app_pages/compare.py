"""Compare runs: overlaid loss/accuracy curves, the results and the settings side by side with the differences
highlighted; a missing value says why (`playground.lab.compare`)."""

import pandas as pd
import streamlit as st

from playground import export
from playground.figures import evaluation as figs
from playground.lab import compare
from playground.lab.codegen import training_script
from ui.charts import plotly_chart
from ui.i18n import t
from ui.page import code_comments, end_page, header, show_code
from ui.runs import pick_runs, run_label, status_label
from ui.texts import TEXTS

HIGHLIGHT = "background-color: #E69F0040; font-weight: 600"  # Okabe–Ito orange, translucent

header("compare")

with st.container(border=True):
    runs = pick_runs("compare_runs")
    if runs:
        st.caption(t("compare.seed_note"))
if not runs:
    end_page()

seeds = {r.config.seed for r in runs}
if len(seeds) > 1:
    st.warning(t("compare.seeds_differ", seeds=", ".join(map(str, sorted(seeds)))), icon=":material/casino:")
with_history = [r for r in runs if r.history.get("loss")]
if len(with_history) < len(runs):
    st.info(t("compare.no_history", runs=", ".join(r.run_id for r in runs if r not in with_history)))

# ---------------------------------------------------------------------------------------------- curves
if with_history:
    series = [(r.run_id, r.history) for r in with_history]
    loss_col, acc_col = st.columns(2, gap="large")
    for col, metric in ((loss_col, "loss"), (acc_col, "accuracy")):
        with col:
            plotly_chart(
                figs.curves_figure(
                    series,
                    metric,
                    x_title=t("compare.epoch"),
                    y_title=t(f"compare.{metric}"),
                    train_name=t("compare.train"),
                    val_name=t("compare.validation"),
                    title=t(f"compare.{metric}_title"),
                ),
                width="stretch",
                key=f"compare_{metric}",
            )
    st.caption(t("compare.curves_help"))

# ---------------------------------------------------------------------------------------------- results
RESULT_FORMAT = {
    "epochs": str,
    "val_accuracy": "{:.1%}".format,
    "best_val_accuracy": "{:.1%}".format,
    "test_accuracy": "{:.1%}".format,
    "duration_s": "{:.1f} s".format,
}
RESULT_LABELS = {
    "epochs": "compare.col_epochs",
    "val_accuracy": "compare.col_val_acc",
    "best_val_accuracy": "compare.col_best_val_acc",
    "test_accuracy": "compare.col_test_acc",
    "duration_s": "compare.col_time",
}


def shown(cell: compare.Cell, fmt=str) -> str:
    """A cell as text: its value, or "—" / "unknown" with why."""
    if cell.value is not None:
        return fmt(cell.value)
    if cell.why == "off":
        return t("compare.off")
    if cell.why == "custom":
        name = cell.values.get("preset") or ""
        if not name or name == "uploaded":
            return t("compare.why.custom_none")
        return t("compare.why.custom", preset=t(f"train.preset.{name}") if f"train.preset.{name}" in TEXTS else name)
    return t(f"compare.why.{cell.why}")


result_cells = [compare.results(r) for r in runs]
results = pd.DataFrame(
    {
        t("compare.col_run"): [run_label(r) for r in runs],
        t("compare.col_status"): [status_label(r) for r in runs],
        **{
            t(RESULT_LABELS[name]): [shown(cells[name], RESULT_FORMAT[name]) for cells in result_cells]
            for name in compare.RESULTS
        },
    }
)
st.subheader(t("compare.results_title"))
st.dataframe(
    results,
    hide_index=True,
    key="compare_results",
    column_config={t("compare.col_test_acc"): st.column_config.TextColumn(help=t("compare.test_acc_help"))},
)

# ---------------------------------------------------------------------------------------------- settings
st.subheader(t("compare.settings_title"))
setting_cells = [compare.settings(r) for r in runs]
differing = compare.differing(setting_cells)
table = pd.DataFrame(
    {r.run_id: [shown(cells[name]) for name in export.SETTINGS] for r, cells in zip(runs, setting_cells, strict=True)},
    index=[t(f"compare.setting.{name}") for name in export.SETTINGS],
)
marked = [t(f"compare.setting.{name}") for name in differing]
st.dataframe(
    table.style.apply(lambda row: [HIGHLIGHT if row.name in marked else ""] * len(row), axis=1),
    key="compare_settings",
    height=35 * (len(table) + 1) + 3,  # every setting visible, no inner scrolling
)
restored = [r.run_id for r in runs if not compare.trained_here(r)]
if restored:
    st.caption(t("compare.unknown_note", runs=", ".join(restored)))
if len(runs) > 1:
    if differing:
        st.markdown(t("compare.differences", names=", ".join(marked)))
    else:
        st.markdown(t("compare.no_differences"))

# ---------------------------------------------------------------------------------------------- script
st.subheader(t("compare.script_title"))
scriptable = {r.run_id: r for r in runs if r.config.preset != "uploaded"}
if not scriptable:
    st.info(t("compare.no_script"))
else:
    pick, download = st.columns([1, 2.4], gap="large", vertical_alignment="bottom")
    with pick:
        chosen = st.selectbox(t("compare.script_run"), list(scriptable), key="compare_script_run")
        script = training_script(scriptable[chosen].config, title=chosen, comments=code_comments("lab"))
    with download:
        st.download_button(
            t("compare.download_script"),
            data=script,
            file_name=f"train_{chosen}.py",
            mime="text/x-python",
            icon=":material/download:",
            key="compare_download_script",
            on_click="ignore",
        )
    st.caption(t("compare.script_help"))
    show_code(script, label_key="compare.script_label", key="compare_script_code")
