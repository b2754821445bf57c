"""An uploaded image, decoded once per session and uploader: reruns reuse the decoded array (or the refusal).

Decoding is the expensive step of an upload (`playground.images.load_image` checks the decoded size against the
budget first, but a large photo still takes a second or more). A page reruns on every widget change, so each
uploader keeps one entry in the session: (file id, mode, max_side) → the `LoadedImage` or the `ValueError`. A new
file, another mode or the uploader cleared replaces or drops it, so a session holds at most one decoded image per
uploader.
"""

from __future__ import annotations

from typing import Any, NoReturn

import streamlit as st

from playground import images
from ui.i18n import say, t
from ui.page import end_page, plain

_PREFIX = "_decoded_"


def decoded_image(upload: Any, *, key: str, mode: str = "RGB", max_side: int = 1024) -> images.LoadedImage | None:
    """The upload of uploader `key` decoded with `images.load_image(mode=, max_side=)`, once per file; None (and
    the entry dropped) when the uploader is empty.

    Raises:
        ValueError: the file is refused (the same error on every rerun, without decoding again).
    """
    slot = _PREFIX + key
    if upload is None:
        st.session_state.pop(slot, None)
        return None
    ident = (getattr(upload, "file_id", None) or upload.name, upload.size, mode, max_side)
    cached = st.session_state.get(slot)
    if cached is None or cached[0] != ident:
        st.session_state.pop(slot, None)  # let the previous array go before decoding the next one
        try:
            result: images.LoadedImage | ValueError = images.load_image(upload.getvalue(), mode=mode, max_side=max_side)
        except ValueError as err:
            result = err
        cached = st.session_state[slot] = (ident, result)
    if isinstance(cached[1], ValueError):
        raise cached[1]
    return cached[1]


def refuse_upload(upload: Any, err: Exception) -> NoReturn:
    """Say what is wrong with the uploaded file (not "these settings"), quoting its name as plain text; end the run."""
    st.error(t("upload.unreadable", name=plain(upload.name, 80), message=plain(say(err))), icon=":material/error:")
    end_page()
