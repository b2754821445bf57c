"""The lab's live look inside the network: the watched image, the first layer's filters and every conv layer's
feature maps (`playground.lab.watch.WatchFrame`), live while training and, afterwards, replayed with a slider."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from playground.figures.training import coloured
from playground.lab.watch import WatchFrame, mosaic
from ui.i18n import t
from ui.runs import ensure_watch, pixelated, session_runs


def epochs_label(position: float) -> str:
    """A frame's place in epochs as the slider shows it: 0, 0.25, 0.33, 1, 1.5 (at most two decimals)."""
    return f"{position:.2f}".rstrip("0").rstrip(".")


def frame_label(frame: WatchFrame) -> str:
    """What the slider and the caption call a frame: its place in epochs, or, for the last frame of a run whose best
    weights EarlyStopping restored, "best epoch N (weights restored)" (it shows that epoch's model, not the last)."""
    if frame.restored_epoch is not None:
        return t("train.watch_restored", epoch=frame.restored_epoch)
    return epochs_label(frame.position)


def watch_view(frames: Sequence[WatchFrame], *, live: bool, key: str) -> None:
    """Draw one frame: the latest while `live`, else the one a slider (keyed `key`) picks, the last by default."""
    if not frames:
        return
    st.subheader(t("train.watch_title"))
    if live or len(frames) == 1:
        frame = frames[-1]
        st.caption(t("train.watch_live", position=epochs_label(frame.position)))
    else:
        pick = st.select_slider(
            t("train.watch_step"),
            options=list(range(len(frames))),
            value=len(frames) - 1,
            format_func=lambda i: frame_label(frames[i]),
            key=key,
        )
        frame = frames[pick]
    if frame.restored_epoch is not None:
        st.caption(t("train.watch_restored_note", epoch=frame.restored_epoch))
    if not frame.maps:
        st.info(t("train.watch_none"))
        return
    left, right = st.columns([1, 3], gap="medium")
    if frame.image is not None:
        left.image(pixelated(frame.image, 4), caption=t("train.watch_input"))
    if frame.filters is not None:
        kernel = frame.filters[:, :, 0, :]  # the first input channel (grey images have only that one)
        left.image(
            coloured(mosaic(kernel, cols=8), symmetric=True, scale=6),
            caption=t("train.watch_filters", name=frame.maps[0][0], n=kernel.shape[2], kh=kernel.shape[0],
                      kw=kernel.shape[1]),
        )  # fmt: skip
    with right:
        for name, _kind, maps in frame.maps:
            h, w, c = maps.shape
            st.image(
                coloured(mosaic(maps, cols=16 if c > 32 else 8), scale=max(1, 56 // max(h, w)) + 1),
                caption=t("train.watch_layer", name=name, c=c, h=h, w=w),
            )
    st.caption(t("train.watch_help"))


def stored_replay() -> None:
    """With no job in this session (after F5, a new tab or a server restart): replay the newest run of this browser
    that recorded feature maps, from the run store; say so when its frames file is missing or damaged."""
    runs = [r for r in session_runs() if r.watch or r.watch_path or r.watch_saved]
    if not runs:
        return
    run = ensure_watch(runs[-1])
    if not run.watch:
        st.info(t("train.watch_unavailable", run=run.run_id), icon=":material/broken_image:")
        return
    st.caption(t("train.watch_replay", run=run.run_id))
    watch_view(run.watch, live=False, key=f"train_watch_replay_{run.run_id}")
