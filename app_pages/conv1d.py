"""Placeholder until this page lands (issue in progress)."""

import streamlit as st

from ui.i18n import t

st.title(t("conv1d.title"))
st.caption(t("conv1d.blurb"))
