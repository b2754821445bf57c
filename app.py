"""CNN Playground — the frame: page config, language switch, navigation. Run: streamlit run app.py"""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANG_KEY, LANGUAGE_NAMES, current_language, t
from ui.links import LINKS, params_of
from ui.owner import keep_owner_cookie
from ui.page import PageEnd, drop_non_finite_query_params, report_ignored_query_params, snapshot_query_params
from ui.pages import HOME, PAGES, SECTIONS
from ui.presenter import presenter_mode
from ui.runtime import keep_keras_session_between_runs, warm_up_in_background
from ui.state import (
    choice,
    every_option_label,
    follow_link_on_entry,
    keep_every_old_label,
    keep_hidden_links,
    relabel_pickers,
)
from ui.training_status import sidebar_badge

st.set_page_config(page_title="CNN Playground", page_icon=":material/grid_on:", layout="wide")
keep_keras_session_between_runs()
warm_up_in_background()  # imports and Plotly's template loaded while the learner reads the first page

url_before = snapshot_query_params()
drop_non_finite_query_params()  # before any widget reads the link

with st.sidebar:
    choice(
        st.radio, "Language / 언어", list(LANGUAGE_NAMES), key=LANG_KEY, format_func=LANGUAGE_NAMES.get, horizontal=True
    )
    keep_owner_cookie()  # this browser's runs: a token in a cookie, never in a link (ui/owner.py)
old_labels = every_option_label()  # what each picker's browser may still send (ui.state.keep_old_labels)
relabel_pickers(current_language(), skip=(LANG_KEY,))  # before any page widget: pickers show the new language


def _page(p):
    # The home page is served at `/`; Streamlit would reserve its url_path all the same, so it has none here and
    # `/home` is the hidden page below.
    url_path = "" if p is HOME else p.url_path
    return st.Page(p.script, title=t(f"{p.key}.title"), icon=p.icon, url_path=url_path, default=p is HOME)


home = _page(HOME)


def _home_alias() -> None:
    """`/home` (the home page's name in ui/pages.py, and what people type) opens the home page at `/`, with the
    link's settings as they came (`/home?lang=ko`): the home page's run reads them, and says which it ignored."""
    st.switch_page(home, query_params=url_before)


LAB = next(p for p in PAGES if p.key == "train")
navigation = {"": [home, st.Page(_home_alias, title=t("home.title"), url_path=HOME.url_path, visibility="hidden")]}
for section in SECTIONS:
    navigation[t(section)] = [_page(p) for p in PAGES if p.section == section]

page = st.navigation(navigation, expanded=True)
presenter_mode(page.url_path)  # ?present=1: large type for a projector, ← / → through the lesson's scenes
with st.sidebar:
    # This session's training (if any) on every page; also files a finished run so every page sees it.
    # After st.navigation: the badge links to the lab, and page links need the registered pages.
    sidebar_badge(on_lab_page=page.url_path == LAB.url_path)
url_notice = st.empty()
declared = params_of(page.url_path)
follow_link_on_entry(page.url_path, LINKS.get(page.url_path, {}))  # the page's own settings, not `lang`
try:
    page.run()
except PageEnd:  # a page ended early (ui.page.end_page): the frame still finishes its own work
    pass
finally:
    keep_every_old_label(old_labels)
    if page.url_path != HOME.url_path:  # `/home` hands the link to the home page's run, which reports on it
        report_ignored_query_params(url_before, url_notice, page=page.url_path, declared=declared)
        keep_hidden_links(declared)
