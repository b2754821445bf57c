"""The lab's live look inside the network: the watched image, the first layer's filters and every conv layer's
feature maps (`playground.lab.watch.WatchFrame`), live while training and, afterwards, replayed with a slider."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from playground.figures.training import coloured
from playground.lab.watch import WatchFrame, mosaic
from ui.i18n import t
from ui.runs import pixelated


def epochs_label(position: float) -> str:
    """A frame's place in epochs as the slider shows it: 0, 0.25, 0.33, 1, 1.5 (at most two decimals)."""
    return f"{position:.2f}".rstrip("0").rstrip(".")


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
            format_func=lambda i: epochs_label(frames[i].position),
            key=key,
        )
        frame = frames[pick]
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
