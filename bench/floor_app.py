"""Streamlit's own floor for a first paint: a bare two-page app, nothing of the playground's.

Served by bench/bench_felt.py beside the playground, with the same Streamlit and `.streamlit/config.toml`, and
visited the same way (fresh browser profile). `/` is the page with a title; `/page` is the same at a page's own
path, as every playground page but home is: there the frontend first pings `/page/_stcore/health`, gets a 404 and
waits 100 ms before it tries the root (Streamlit 1.67's base-path probe), so a non-root page starts later.
"""

import streamlit as st


def home() -> None:
    st.title("Floor")


def page() -> None:
    st.title("Floor page")


st.navigation([st.Page(home, title="Home", default=True), st.Page(page, title="Page", url_path="page")]).run()
