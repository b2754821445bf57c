"""The CNN Playground core: pure numpy/scipy maths proven equal to Keras and SciPy.

No streamlit here, and no module-level TensorFlow import: concept pages import this package and must stay fast.
"""
