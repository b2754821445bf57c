"""Who owns the runs of this browser: a random token kept in a cookie, never in a link.

The token (256 random bits, `playground.runstore.new_owner_token`) is made by the server the first time a browser
comes without one and written into a first-party cookie by a tiny inline component (`st.components.v2`), so it
survives F5 and is shared by every tab of the same browser, while a shared link (which carries only query
parameters) never hands it over. On later visits Streamlit gives the script the cookie in `st.context.cookies` at
once, and no component is mounted.

If two tabs of a brand-new browser start at the same moment, both make a token; the component of the one that
comes second finds the first one's cookie and hands that token back, so both end up with the same owner.
"""

from __future__ import annotations

import streamlit as st

from playground.runstore import check_token, new_owner_token

OWNER_COOKIE = "cnn_playground_owner"
MAX_AGE_S = 400 * 86400  # browsers cap cookie lifetimes at 400 days
_TOKEN = "_owner_token"
_NEEDS_COOKIE = "_owner_needs_cookie"

_JS = """
export default function ({ data, setStateValue }) {
  const prefix = data.name + "=";
  const found = document.cookie.split("; ").find((c) => c.startsWith(prefix));
  const current = found ? decodeURIComponent(found.slice(prefix.length)) : null;
  if (current && current !== data.token) {
    setStateValue("token", current);  // another tab of this browser was first: use its token
  } else if (!current) {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${prefix}${data.token}; path=/; max-age=${data.maxAge}; SameSite=Strict${secure}`;
  }
}
"""

_cookie_writer = st.components.v2.component("cnn_playground_owner_cookie", js=_JS)


def _valid(token: object) -> str | None:
    try:
        return check_token(token)
    except ValueError:
        return None


def _session_token() -> str:
    state = st.session_state
    if _TOKEN not in state:
        cookie = _valid(st.context.cookies.get(OWNER_COOKIE))
        state[_TOKEN] = cookie or new_owner_token()
        state[_NEEDS_COOKIE] = cookie is None
    return state[_TOKEN]


def keep_owner_cookie() -> None:
    """Called once per run by the frame: on a browser's first visit, write its token into the cookie (an invisible
    element); if another tab of this browser wrote one first, adopt that one."""
    token = _session_token()
    if not st.session_state.get(_NEEDS_COOKIE):
        return
    result = _cookie_writer(
        data={"name": OWNER_COOKIE, "token": token, "maxAge": MAX_AGE_S},
        key="owner_cookie",
        on_token_change=lambda: None,
    )
    adopted = _valid(getattr(result, "token", None))
    if adopted and adopted != token:
        st.session_state[_TOKEN] = adopted


def owner_token() -> str:
    """This browser's owner token (made on its first visit; the frame keeps it in a cookie)."""
    return _session_token()
