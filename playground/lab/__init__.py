"""The training lab's core, one job per module (no Streamlit; TensorFlow imported only inside functions).

- `options`  — the option tables: optimizers (shared with the optimizers page), training settings, callbacks and
  their arguments, presets. The form, the checks, the generated code and the export are derived from them.
- `validate` — `validate_config`: a configuration checked against the tables, before anything is built.
- `model`    — `configure_tensorflow`, `build_model` (the one model builder), the optimizer and the callbacks.
- `codegen`  — the Keras code the lab shows and the stand-alone training script a run exports.
- `events`   — what the callbacks did, as event codes with values (`playground.run.Event`).
- `progress` — the job's snapshot, the Keras callback that records progress, `EpochClock` (time left).
- `watch`    — one image's feature maps and first filters, recorded every quarter epoch while training.
- `job`      — `TrainingJob`: `model.fit` in a background thread, its snapshots, the server-wide queue.
- `compare`  — runs side by side: values or why they are missing, the preset name only while unchanged.

This package imports none of them by itself, so `playground.optimizers` can read `options` without the rest.
"""
