"""Placeholder until this page lands (issue in progress)."""

import streamlit as st

from ui.i18n import t

st.title(t("augment.title"))
st.caption(t("augment.blurb"))
