"""Save & restore: download a run as .keras / .weights.h5 / history CSV / training script; restore either kind."""

import os

import streamlit as st

from playground import checkpoint, export, file_contents, persistence
from playground.lab.codegen import training_script
from ui.code_block import code_block
from ui.i18n import say, t
from ui.page import code_comments, header, show_code
from ui.runs import add_run, forget_runs, new_run_id, no_runs_message, pick_run, pickable_runs, session_runs
from ui.state import remembered_tabs
from ui.store import get_store

header("models")

keras_col, weights_col = st.columns(2, gap="large")
with keras_col.container(border=True):
    st.markdown(t("models.keras_explained"))
with weights_col.container(border=True):
    st.markdown(t("models.weights_explained"))

# ----------------------------------------------------------------------------------------------- download
st.subheader(t("models.download_title"))
run = None
with st.container():  # one block either way: the sections below keep their place (see "One block" below)
    if not pickable_runs():
        no_runs_message("runs.none_restore_below")  # the page's full width: a column made it a tall narrow box
    else:
        controls, view = st.columns([1, 2.4], gap="large")
        with controls:
            run = pick_run("models_run")
if run is not None:
    with view:
        st.caption(t("models.download_help", run=run.run_id))
        b1, b2 = st.columns(2)
        b3, b4 = st.columns(2)
        model = run.model
        b1.download_button(
            t("models.download_keras"),
            data=lambda: persistence.keras_bytes(model),
            file_name=f"{run.run_id}.keras",
            mime="application/zip",
            icon=":material/deployed_code:",
            key="models_download_keras",
            on_click="ignore",
            width="stretch",
        )
        b2.download_button(
            t("models.download_weights"),
            data=lambda: persistence.weights_bytes(model),
            file_name=f"{run.run_id}.weights.h5",
            mime="application/x-hdf5",
            icon=":material/scale:",
            key="models_download_weights",
            on_click="ignore",
            width="stretch",
        )
        b3.download_button(
            t("models.download_history"),
            data=persistence.history_csv(run.history),
            file_name=f"{run.run_id}-history.csv",
            mime="text/csv",
            icon=":material/table:",
            key="models_download_history",
            on_click="ignore",
            disabled=not run.history,
            width="stretch",
        )
        can_script = run.config.preset != "uploaded"
        b4.download_button(
            t("models.download_script"),
            data=training_script(run.config, title=run.run_id, comments=code_comments("lab")) if can_script else "",
            file_name=f"train_{run.run_id}.py",
            mime="text/x-python",
            icon=":material/code:",
            key="models_download_script",
            on_click="ignore",
            disabled=not can_script,
            width="stretch",
        )
        show_code(
            f"model.save('{run.run_id}.keras')  # {t('code.models_keras')}\n"
            f"model.save_weights('{run.run_id}.weights.h5')  # {t('code.models_weights')}\n"
            f"pd.DataFrame(history.history).to_csv('{run.run_id}-history.csv')",
            key="models_save_code",
        )

# ----------------------------------------------------------------------------------------------- inside the files


def _files_of(run) -> dict:
    """The run's two files, written now by Keras and read back (kept per run: writing them again gives the same)."""
    cache = st.session_state.setdefault("models_inside", {})
    if run.run_id not in cache:
        weights = file_contents.hdf5_tree(persistence.weights_bytes(run.model))
        cache.clear()  # one run's trees at a time
        cache[run.run_id] = {
            "weights": file_contents.name_variables(weights, run.model),
            "keras": file_contents.keras_archive(persistence.keras_bytes(run.model)),
        }
    return cache[run.run_id]


def _tree_table(tree: list) -> dict[str, list]:
    return {
        t("models.col_path"): [("\u2003" * e.depth) + e.path.rsplit("/", 1)[-1] + ("/" if e.kind == "group" else "")
                               for e in tree],
        t("models.col_shape"): ["" if e.shape is None else str(e.shape) for e in tree],
        t("models.col_values"): [f"{e.size:,}" if e.kind == "dataset" else "" for e in tree],  # a folder: none
        t("models.col_variable"): [e.name for e in tree],
    }  # fmt: skip


# One block whether or not a run is chosen: the restore section below keeps its place in the page, so the browser
# does not rebuild it when a run appears (a rebuilt uploader forgets the file it is still sending).
with st.container():
    if run is not None:
        st.subheader(t("models.inside_title"))
        st.caption(t("models.inside_help", run=run.run_id))
        files = _files_of(run)
        weights_view, keras_view = st.columns(2, gap="large")
        with weights_view:
            totals = file_contents.section_values(files["weights"])
            st.markdown(
                t(
                    "models.inside_weights",
                    run=run.run_id,
                    layers=f"{totals.get('layers', 0):,}",
                    optimizer=f"{totals.get('optimizer', 0):,}",
                )
            )
            st.dataframe(_tree_table(files["weights"]), hide_index=True, key="models_weights_tree")
        with keras_view:
            archive = files["keras"]
            compiled = archive["compile_config"] or {}
            optimizer = compiled.get("optimizer")
            optimizer_name = optimizer.get("class_name", "") if isinstance(optimizer, dict) else str(optimizer or "")
            st.markdown(
                t(
                    "models.inside_keras",
                    run=run.run_id,
                    count=len(archive["entries"]),
                    model=archive["model_class"],
                    layers=len(archive["layers"]),
                    optimizer=f"`{optimizer_name}`" if compiled else t("models.not_compiled"),
                    loss=f"`{compiled.get('loss')}`" if compiled else "—",
                )
            )
            st.dataframe(
                {
                    t("models.col_file"): [e.path for e in archive["entries"]],
                    t("models.col_bytes"): [e.size for e in archive["entries"]],
                },
                hide_index=True,
                key="models_keras_entries",
            )
            code_block(" → ".join(archive["layers"]), language=None, key="models_archive_layers")


# ----------------------------------------------------------------------------------------------- restore
st.subheader(t("models.restore_title"))
# The chosen tab is kept by the server: an upload's rerun, the language switch or a visit elsewhere keeps it open.
weights_tab, keras_tab = remembered_tabs(
    "models_tab", {"weights": t("models.tab_weights"), "keras": t("models.tab_keras")}
)

with weights_tab:
    controls, view = st.columns([1.3, 2], gap="large")
    lab_runs = [r for r in session_runs() if r.config.preset != "uploaded"]
    with controls:
        st.markdown(t("models.weights_steps"))
        if not lab_runs:
            st.info(t("models.weights_need_run"))
        else:
            by_id = {r.run_id: r for r in reversed(lab_runs)}
            if st.session_state.get("models_arch") not in by_id:
                st.session_state.pop("models_arch", None)
            arch_id = st.selectbox(
                t("models.architecture_of"),
                list(by_id),
                key="models_arch",
                format_func=lambda i: f"{i} · {export.describe_layers(by_id[i].config.specs)}",
            )
            weights_file = st.file_uploader(t("models.weights_file"), type=["h5"], key="models_weights_file")
            restore = st.button(
                t("models.restore_weights"),
                key="models_restore_weights",
                type="primary",
                disabled=weights_file is None,
                icon=":material/upload:",
            )
    with view:
        if lab_runs:
            source = by_id[arch_id]
            show_code(
                f"# {export.describe_layers(source.config.specs)}\n"
                f"model = create_model()  # {t('code.models_same_architecture')}\n"
                "model.load_weights('model.weights.h5')\n"
                "model.compile(optimizer=optimizer, loss='sparse_categorical_crossentropy',\n"
                f"              metrics=['accuracy'])  # {t('code.models_not_compiled')}",
                key="models_weights_code",
            )
            if weights_file is not None and restore:
                try:
                    with st.spinner(t("models.restoring")):
                        new = persistence.restore_weights(
                            source.config, weights_file.getvalue(), run_id=new_run_id(f"{source.run_id}-weights")
                        )
                except ValueError as err:
                    st.error(t("models.refused", message=say(err)), icon=":material/block:")
                else:
                    add_run(new)
                    st.success(t("models.weights_restored", run=new.run_id), icon=":material/check_circle:")
                    st.page_link("app_pages/evaluate.py", label=t("models.to_evaluate"), icon=":material/fact_check:")

with keras_tab:
    controls, view = st.columns([1.3, 2], gap="large")
    with controls:
        st.markdown(t("models.keras_steps"))
        keras_file = st.file_uploader(t("models.keras_file"), type=["keras"], key="models_keras_file")
        load = st.button(
            t("models.load_keras"),
            key="models_load_keras",
            type="primary",
            disabled=keras_file is None,
            icon=":material/upload:",
        )
    with view:
        st.caption(t("models.keras_safety"))
        show_code(
            "model = keras.saving.load_model('model.keras', compile=True, safe_mode=True)\n"
            "model.evaluate(x_test, y_test)",
            key="models_keras_code",
        )
        if keras_file is not None and load:
            try:
                with st.spinner(t("models.checking")):
                    new, notes = persistence.load_keras_upload(keras_file.getvalue(), run_id=new_run_id("uploaded"))
            except ValueError as err:
                st.error(t("models.refused", message=say(err)), icon=":material/block:")
            else:
                add_run(new)
                st.success(t("models.keras_loaded", run=new.run_id), icon=":material/check_circle:")
                for note in notes:
                    st.info(t(f"models.note_{note}"))
                st.page_link("app_pages/evaluate.py", label=t("models.to_evaluate"), icon=":material/fact_check:")

# ----------------------------------------------------------------------------------------------- best checkpoint
st.subheader(t("models.checkpoint_title"))
st.markdown(t("models.checkpoint_explained"))
if run is not None:
    saved = [e for e in run.events if e.code == "checkpoint"]
    if saved and run.checkpoint_path and os.path.exists(run.checkpoint_path):
        value = saved[-1].values.get("value")
        st.markdown(
            t(
                "models.checkpoint_of",
                run=run.run_id,
                monitor=f"`{saved[-1].values.get('monitor')}`",
                value="—" if value is None else f"{value:.4f}",
                epoch=saved[-1].epoch,
            )
        )
        if st.button(t("models.load_checkpoint"), key="models_load_checkpoint", icon=":material/restore:"):
            with st.spinner(t("models.checking")):
                best = checkpoint.load_checkpoint(run, run_id=new_run_id(f"{run.run_id}-best"))
            add_run(best)
            st.success(t("models.checkpoint_loaded", run=best.run_id), icon=":material/check_circle:")
            st.page_link("app_pages/evaluate.py", label=t("models.to_evaluate"), icon=":material/fact_check:")
    else:
        st.caption(t("models.checkpoint_none", run=run.run_id))
show_code(
    "checkpoint_cb = keras.callbacks.ModelCheckpoint('best_model.keras', monitor='val_loss', save_best_only=True)\n"
    "model.fit(x_train, y_train, validation_split=0.2, epochs=20, callbacks=[checkpoint_cb])\n"
    f"best = keras.saving.load_model('best_model.keras')  # {t('code.models_best')}",
    key="models_checkpoint_code",
)

# ----------------------------------------------------------------------------------------------- kept runs
st.subheader(t("store.title"))
store = get_store()
if store is not None:
    st.caption(t("store.kept_here", days=store.ttl_s / 86400))
    st.button(  # forgotten in the callback, before this run draws the runs it would still list
        t("store.forget"),
        help=t("store.forget_help"),
        icon=":material/delete_forever:",
        key="models_forget",
        on_click=forget_runs,
    )
