"""Home: what the playground is, and every page with what you will see there."""

import streamlit as st

from ui.i18n import t
from ui.pages import PAGES, SECTIONS

st.title(t("home.title"))
st.markdown(t("home.intro"))
st.info(t("home.promise"), icon=":material/verified:")

columns = st.columns(2, gap="large")
for i, section in enumerate(SECTIONS):
    with columns[i % 2], st.container(border=True):
        st.subheader(t(section))
        for p in (p for p in PAGES if p.section == section):
            st.page_link(p.script, label=t(f"{p.key}.title"), icon=p.icon)
            st.caption(t(f"{p.key}.blurb"))
