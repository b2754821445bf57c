"""Evaluate & look inside: test-set metrics, confusion matrix, mistakes, softmax outputs, feature maps, filters."""

import streamlit as st

from playground import evaluation as ev
from playground.figures import evaluation as figs
from ui.charts import plotly_chart
from ui.i18n import t
from ui.page import end_page, header, show_code, stop_with
from ui.runs import class_names, get_test_set, pick_run, pixelated, save_test_metrics
from ui.state import choice, remembered_tabs
from ui.uploads import decoded_image, refuse_upload

UPLOAD_TYPES = ["png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff"]
DRAW_SIDE = 224  # px: the drawing canvas, eight times a Fashion-MNIST image (fits the controls column)
DRAW_STROKE = 14  # px: thick enough to survive the shrink to 28×28


def on_the_test_set(x_test, y_test, names, proba, pred, cm, wrong) -> None:
    """The confusion matrix, accuracy per class and the most confident mistakes."""
    left, right = st.columns([1.5, 1], gap="large")
    with left:
        st.subheader(t("evaluate.confusion_title"))
        plotly_chart(
            figs.confusion_figure(
                cm, names, x_title=t("evaluate.predicted"), y_title=t("evaluate.true"), count_name=t("evaluate.images")
            ),
            width="stretch",
            key="evaluate_confusion",
        )
        st.caption(t("evaluate.confusion_help"))
    with right:
        st.subheader(t("evaluate.per_class_title"))
        plotly_chart(
            figs.per_class_figure(ev.per_class_accuracy(cm), names, x_title=t("evaluate.accuracy"), y_title=""),
            width="stretch",
            key="evaluate_per_class",
        )
    st.subheader(t("evaluate.mistakes_title"))
    count = st.columns([1, 3])[0].number_input(
        t("evaluate.mistakes_count"),
        min_value=4,
        max_value=48,
        value=12,
        step=4,
        key="evaluate_mistakes",
        bind="query-params",
    )
    st.caption(t("evaluate.mistakes_help"))
    mistakes = ev.confident_mistakes(proba, y_test, top=int(count))
    cols = st.columns(6)
    for n, i in enumerate(mistakes):
        with cols[n % 6]:
            st.image(pixelated(x_test[i]), width="stretch")
            st.caption(
                t(
                    "evaluate.mistake_caption",
                    index=int(i),
                    true=names[y_test[i]],
                    predicted=names[pred[i]],
                    p=f"{proba[i, pred[i]]:.0%}",
                )
            )
    show_code(
        "loss, accuracy = model.evaluate(x_test, y_test)\n"
        f"pred_prob = model.predict(x_test)              # {t('code.evaluate_outputs')}\n"
        f"pred = pred_prob.argmax(axis=1)                 # {t('code.evaluate_class')}\n"
        "cm = tf.math.confusion_matrix(y_test, pred, num_classes=10)\n"
        "per_class_accuracy = np.diag(cm) / cm.numpy().sum(axis=1)\n"
        f"mistakes = np.flatnonzero(pred != y_test)      # {t('code.evaluate_mistakes', n=wrong)}",
        key="evaluate_code",
    )


def one_prediction(x_test, y_test, names, proba, pred) -> None:
    """One test image: its true class, the model's softmax output and argmax."""
    controls, view = st.columns([1, 2.4], gap="large")
    with controls:
        index = st.number_input(
            t("evaluate.image_index"),
            min_value=0,
            max_value=len(x_test) - 1,
            value=0,
            step=1,
            key="evaluate_image",
            bind="query-params",
            help=t("evaluate.image_index_help"),
        )
        index = int(index)
        guess = int(pred[index])
        st.image(pixelated(x_test[index], 6), caption=t("evaluate.true_label", label=names[y_test[index]]))
        if guess == y_test[index]:
            st.success(t("evaluate.correct", label=names[guess], p=f"{proba[index, guess]:.1%}"))
        else:
            st.error(t("evaluate.wrong", label=names[guess], p=f"{proba[index, guess]:.1%}"))
    with view:
        plotly_chart(
            figs.probabilities_figure(
                proba[index],
                names,
                true_label=int(y_test[index]),
                x_title=t("evaluate.class"),
                y_title=t("evaluate.probability"),
                title=t("evaluate.softmax_title", index=index),
            ),
            width="stretch",
            key="evaluate_softmax",
        )
        st.caption(t("evaluate.softmax_help"))
        printed = "[[" + " ".join(f"{p:.2f}" for p in proba[index]) + "]]"
        show_code(
            f"pred_proba = model.predict(np.expand_dims(x_test[{index}], axis=0))\n"
            "print('softmax output:', pred_proba)\n"
            f"# {t('code.evaluate_printed', values=printed)}\n"
            "pred = np.argmax(np.squeeze(pred_proba))\n"
            f"print('predicted target value:', pred)        # {guess} ({names[guess]})",
            key="evaluate_predict_code",
        )


def inside_the_model(run, x_test, names) -> None:
    """An image (test, drawn, uploaded or a sample photo): its prediction, the feature maps and first filters."""
    controls, view = st.columns([1, 2.4], gap="large")
    with controls:
        source = choice(
            st.radio,
            t("evaluate.source"),
            ["test", "draw", "upload", "sample"],
            key="evaluate_source",
            format_func=lambda s: t(f"evaluate.source_{s}"),
        )
        steps = []
        original = None  # what the conversion steps start from (a photo or the drawing)
        if source == "test":
            image = x_test[int(st.session_state.get("evaluate_image", 0))]
            st.caption(t("evaluate.source_test_help", index=int(st.session_state.get("evaluate_image", 0))))
        elif source == "draw":
            from streamlit_drawable_canvas import st_canvas

            from playground import preprocess

            st.caption(t("evaluate.draw_help"))
            drawing = st_canvas(
                stroke_width=DRAW_STROKE,
                stroke_color="#000000",
                background_color="#ffffff",
                height=DRAW_SIDE,
                width=DRAW_SIDE,
                drawing_mode="freedraw",
                return_image_data=True,
                # Sent with the toolbar's ⬆ button, not after every stroke: a rerun redraws the component and
                # would wipe the strokes drawn so far (streamlit-drawable-canvas 0.13 inside this page).
                update_streamlit=False,
                key="evaluate_canvas",
            )
            canvas = drawing.image_data if drawing is not None else None
            if canvas is None or not preprocess.has_ink(canvas):
                st.info(t("evaluate.draw_hint"), icon=":material/draw:")
                end_page()
            prepared = preprocess.drawing_to_fashion_mnist(canvas)
            image, original = prepared.item, canvas
            steps = [(f"draw_{name}", arr) for name, arr in prepared.steps]
        else:
            from playground import images

            if source == "upload":
                upload = st.file_uploader(
                    t("evaluate.upload"),
                    type=UPLOAD_TYPES,
                    key="evaluate_upload",
                )
                try:
                    decoded = decoded_image(upload, key="evaluate_upload", mode="RGB", max_side=1024)
                except ValueError as err:
                    refuse_upload(upload, err)
                if decoded is None:
                    st.info(t("evaluate.upload_hint"))
                    end_page()
                loaded = decoded
            else:
                sample = choice(
                    st.selectbox,
                    t("evaluate.sample"),
                    list(images.SAMPLES),
                    key="evaluate_sample",
                    format_func=lambda s: t(f"augment.photo_{s}"),  # one name per photo, in the page's language
                )
                loaded = images.load_sample(sample, mode="RGB", max_side=1024)
            if loaded.downscaled:
                st.caption(t("evaluate.downscaled", h=loaded.original_size[0], w=loaded.original_size[1]))
            image, steps = images.to_fashion_mnist(loaded.array)
            original = loaded.array
            if not image.any():  # one flat colour, or fully transparent: nothing stands out of the background
                st.warning(t("evaluate.photo_blank"), icon=":material/hide_image:")
        p_image = ev.predict_proba(run.model, image)[0]
        st.image(pixelated(image, 6), caption=t("evaluate.model_sees"))
        st.markdown(t("evaluate.prediction", label=names[int(p_image.argmax())], p=f"{p_image.max():.1%}"))
    with view:
        if steps:
            drawn = source == "draw"
            st.markdown(t("evaluate.draw_title" if drawn else "evaluate.conversion_title"))
            step_cols = st.columns(len(steps) + 1)
            step_cols[0].image(original, caption=t("evaluate.step_original"), width="stretch")
            for col, (name, arr) in zip(step_cols[1:], steps, strict=True):
                shown = arr if arr.shape[0] > 28 else pixelated(arr, 4)
                col.image(shown, caption=t(f"evaluate.step_{name}"), width="stretch", clamp=True)
            st.caption(t("evaluate.draw_steps_help" if drawn else "evaluate.conversion_help"))
            plotly_chart(
                figs.probabilities_figure(
                    p_image,
                    names,
                    x_title=t("evaluate.class"),
                    y_title=t("evaluate.probability"),
                    title=t("evaluate.draw_softmax_title" if drawn else "evaluate.photo_softmax_title"),
                ),
                width="stretch",
                key="evaluate_own_softmax",
            )
        maps = ev.feature_maps(run.model, image)
        if not maps:
            st.info(t("evaluate.no_conv"))
        else:
            st.markdown(t("evaluate.maps_title"))
            layer_tabs = st.tabs([f"{name} ({kind})" for name, kind, _ in maps], key="evaluate_layer_tab")
            for n, (layer_tab, (name, _kind, fmap)) in enumerate(zip(layer_tabs, maps, strict=True)):
                with layer_tab:
                    st.caption(t("evaluate.layer_maps", h=fmap.shape[0], w=fmap.shape[1], c=fmap.shape[2]))
                    plotly_chart(
                        figs.maps_grid_figure(fmap, label=t("evaluate.filter")),
                        width="stretch",
                        key=f"evaluate_maps_{n}",
                    )
                    plotly_chart(
                        figs.bars_figure(
                            ev.mean_activation(fmap),
                            x_title=t("evaluate.filter"),
                            y_title=t("evaluate.mean_activation"),
                            label=t("evaluate.filter"),
                            title=t("evaluate.mean_activation_title", name=name),
                        ),
                        width="stretch",
                        key=f"evaluate_mean_activation_{n}",
                    )
            st.caption(t("evaluate.maps_help"))
        filters = ev.first_conv_filters(run.model)
        if filters is not None:
            layer_name, kernel, _bias = filters
            st.markdown(t("evaluate.filters_title", name=layer_name, kh=kernel.shape[0], kw=kernel.shape[1]))
            plotly_chart(
                figs.maps_grid_figure(kernel[:, :, 0, :], label=t("evaluate.filter"), symmetric=True),
                width="stretch",
                key="evaluate_filters",
            )
            st.caption(t("evaluate.filters_help"))
            show_code(
                "kinds = (keras.layers.Conv2D, keras.layers.MaxPooling2D, keras.layers.AveragePooling2D)\n"
                "layers = [l for l in model.layers if isinstance(l, kinds)]\n"
                "probe = keras.Model(inputs=model.inputs, outputs=[l.output for l in layers])\n"
                f"feature_maps = probe.predict(np.expand_dims(image, axis=0))  # {t('code.evaluate_maps')}\n"
                f"mean_activation = feature_maps[0][0].mean(axis=(0, 1))  # {t('code.evaluate_per_filter')}\n"
                f"kernel, bias = model.get_layer('{layer_name}').get_weights()  "
                f"# {t('code.evaluate_kernel', shape=kernel.shape)}",
                key="evaluate_maps_code",
            )


header("evaluate")

with st.container(border=True):
    run = pick_run("evaluate_run")
if run is None:
    end_page()
x_test, y_test = get_test_set()
names = class_names()

# Test-set evaluation, once per run: metrics cached on the Run, the softmax outputs in this session.
cache = st.session_state.setdefault("evaluate_proba", {})
cache_key = (run.run_id, id(run.model))
if run.test_metrics is None or cache_key not in cache:
    bar = st.progress(0.0, text=t("evaluate.progress_evaluate"))
    try:
        metrics = ev.evaluate_model(
            run.model,
            x_test,
            y_test,
            on_progress=lambda done, total: bar.progress(done / total / 2, text=t("evaluate.progress_evaluate")),
        )
        proba = ev.predict_proba(
            run.model,
            x_test,
            on_progress=lambda done, total: bar.progress(0.5 + done / total / 2, text=t("evaluate.progress_predict")),
        )
    except ValueError as err:
        bar.empty()
        stop_with(err)
    bar.empty()
    run.test_metrics = metrics
    save_test_metrics(run)
    cache[cache_key] = proba
proba = cache[cache_key]
pred = proba.argmax(axis=1)
cm = ev.confusion_matrix(y_test, pred, len(names))
wrong = int((pred != y_test).sum())

m1, m2, m3, m4 = st.columns(4)
m1.metric(t("evaluate.test_accuracy"), f"{run.test_metrics['accuracy']:.2%}")
m2.metric(t("evaluate.test_loss"), f"{run.test_metrics['loss']:.4f}")
val = run.history.get("val_accuracy") or []
m3.metric(t("evaluate.val_accuracy"), f"{val[-1]:.2%}" if val else "—")
m4.metric(t("evaluate.mistakes", total=f"{len(y_test):,}"), f"{wrong:,}")
if val:
    st.caption(t("evaluate.val_vs_test"))

tab_test, tab_predict, tab_inside = remembered_tabs(
    "evaluate_tab",
    {"test": t("evaluate.tab_test"), "predict": t("evaluate.tab_predict"), "inside": t("evaluate.tab_inside")},
)
with tab_test:
    on_the_test_set(x_test, y_test, names, proba, pred, cm, wrong)
with tab_predict:
    one_prediction(x_test, y_test, names, proba, pred)
with tab_inside:
    inside_the_model(run, x_test, names)  # last: it ends the page while it waits for a drawing or an upload
