"""The run store as the pages see it: one store per server process, this browser's runs, notices worded.

Nothing here may stop a page: when the store cannot open or answer (a locked or unreadable database, a read-only
folder), the app says so once and carries on with the runs of this session only.
"""

from __future__ import annotations

import streamlit as st

from playground.runstore import RunStore, StoreNotice, StoreUnavailable, store_from_env
from ui.i18n import say, t

_SHOWN = "_store_notices_shown"


@st.cache_resource(show_spinner=False)
def _open_store() -> tuple[RunStore | None, tuple[StoreNotice, ...]]:
    try:
        store = store_from_env()
    except StoreUnavailable as err:
        return None, (StoreNotice(err.code, dict(err.values)),)
    except (OSError, ValueError) as err:  # a bad setting (a Problem, said in the page's language) or folder
        return None, (StoreNotice("store_unreadable", {"reason": err}),)
    return store, tuple(store.notices)


def get_store() -> RunStore | None:
    """The server's run store, or None (after a notice, once per session) when it cannot be used."""
    store, notices = _open_store()
    if notices and not st.session_state.get(_SHOWN):
        st.session_state[_SHOWN] = True
        show_notices(list(notices))
    return store


def notice_text(notice: StoreNotice) -> str:
    values = {name: say(value) if isinstance(value, BaseException) else value for name, value in notice.values.items()}
    if "run_ids" in values:
        values["run_ids"] = ", ".join(values["run_ids"])
    return t(f"store.{notice.code}", **values)


def show_notices(notices: list[StoreNotice]) -> None:
    for notice in notices:
        st.toast(notice_text(notice), icon=":material/database:")
