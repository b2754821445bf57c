"""The Streamlit side of the app: language, page scaffolding, URL state. The core lives in `playground`."""
