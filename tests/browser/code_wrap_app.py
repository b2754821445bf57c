"""A code box whose indented line starts with a word longer than a phone's row (tests/browser/test_blocks_browser.py,
`test_a_long_first_word_wraps_on_its_own_row`): served from the repository root, as the app is."""

import streamlit as st

from ui.code_block import code_block

st.title("Code box")
code_block(
    "model = keras.Sequential()\n"
    "for _ in range(2):\n"
    "    model.add(keras.layers.MaxPooling2D(pool_size=(2, 2), strides=2))\n",
    key="wrap_code",
)
