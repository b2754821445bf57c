"""Code boxes that look and copy like `st.code`, highlighted on the server.

Why not `st.code`: its syntax highlighter is a lazily loaded 1.5 MB chunk (Prism with every language) that chromium
fetches, evaluates and runs on the first paint of every page with code — about 0.3 s of the browser's main thread,
and 0.2–0.4 s of the first paint of activations, shapes, dropout and the 1-D convolution on a 2-core box (alternated
first visits, bench/NOTES.md). Here Pygments turns the code into coloured spans on the server (a few ms), and a
small custom component (`st.components.v2`, in the page, no iframe) shows them in a box styled as `st.code`'s, with
its copy button. The box keeps its `key`, so a rerun updates it in place.

* Lines wrap (no sideways scrolling on a phone), as every box of the app had `wrap_lines=True`; a wrapped line goes
  on four columns right of where it starts (a hanging indent), so the code's indentation still reads on a phone.
  Each line is a block of its own (`<span class="ln">`, its indent in `--i`); the text is the code exactly, and a
  selection copied with Ctrl+C / ⌘C is too.
* The copy button copies the code itself (not the highlighted HTML); where the browser refuses the clipboard (a
  page served over plain http from another host), it selects the code so Ctrl+C / ⌘C copies it.
* `PLAYGROUND_CODE=streamlit` draws every box with `st.code` instead (same text).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.i18n import t

COMPONENT = "playground_code_block"

# One box per key: <div.playground-code><pre><code>…spans…</code></pre><button/></div>. The spans come from Pygments,
# which escapes the code's text, so setting them as HTML adds no markup the code could carry.
JS = """
const ICON = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="' +
  'M9 18q-.825 0-1.412-.587T7 16V4q0-.825.588-1.412T9 2h9q.825 0 1.413.588T20 4v12q0 .825-.587 1.413T18 18zm0-2h9V4' +
  'H9zm-4 6q-.825 0-1.412-.587T3 20V6h2v14h11v2zm4-6V4z"/></svg>';
const DONE = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="' +
  'm9.55 18-5.7-5.7 1.425-1.425L9.55 15.15l9.175-9.175L20.15 7.4z"/></svg>';
function select(code) {
  const range = document.createRange();
  range.selectNodeContents(code);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}
export default function ({ parentElement, data }) {
  let box = parentElement.querySelector(':scope > .playground-code');
  if (!box) {
    box = document.createElement('div');
    box.className = 'playground-code';
    box.innerHTML = '<pre><code></code></pre><button type="button" class="playground-code-copy"></button>';
    parentElement.appendChild(box);
    const button = box.querySelector('button');
    button.innerHTML = ICON;
    button.addEventListener('click', () => {
      const code = box.querySelector('code');
      const done = () => {
        button.innerHTML = DONE;
        button.classList.add('copied');
        setTimeout(() => { button.innerHTML = ICON; button.classList.remove('copied'); }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.__text).then(done, () => select(code));
      } else {
        select(code);
      }
    });
  }
  if (box.__html !== data.html) {
    box.querySelector('code').innerHTML = data.html;
    box.__html = data.html;
  }
  box.__text = data.code;
  const button = box.querySelector('button');
  button.title = data.copy;
  button.setAttribute('aria-label', data.copy);
}
"""

# st.code's look in Streamlit 1.67's light theme, read from chromium (its box, font and token colours).
CSS = """
.playground-code { position: relative; }
.playground-code pre {
  margin: 0; padding: 1rem 2.5rem 1rem 1rem; border-radius: 0.5rem;
  background: var(--st-code-background-color, rgb(252, 252, 251)); color: var(--st-text-color, rgb(47, 45, 43));
  font-family: var(--st-code-font, "Source Code Pro", monospace); font-size: var(--st-code-font-size, 0.875rem);
  line-height: 1.6;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.playground-code code { font-family: inherit; font-size: inherit; background: none; padding: 0; color: inherit; }
.playground-code .ln {
  display: block; padding-left: calc((var(--i, 0) + 4) * 1ch); text-indent: calc((var(--i, 0) + 4) * -1ch);
}
.playground-code .ind { white-space: pre; }
.playground-code-copy {
  position: absolute; top: 0.5rem; right: 0.5rem; width: 2rem; height: 2rem; padding: 0;
  display: flex; align-items: center; justify-content: center; cursor: pointer;
  border: none; border-radius: 0.5rem; background: transparent; color: rgba(49, 51, 63, 0.6);
  opacity: 0; transition: opacity 0.15s;
}
.playground-code:hover .playground-code-copy, .playground-code-copy:focus-visible,
.playground-code-copy.copied { opacity: 1; }
.playground-code-copy:hover { color: var(--st-text-color, rgb(47, 45, 43)); background: rgba(151, 166, 195, 0.15); }
.playground-code .k, .playground-code .kn, .playground-code .kd, .playground-code .kr, .playground-code .ow,
.playground-code .kt { color: rgb(28, 131, 225); }
.playground-code .kc { color: rgb(33, 195, 84); }
.playground-code .c1, .playground-code .c, .playground-code .cm, .playground-code .ch, .playground-code .cs {
  color: rgb(128, 132, 149); font-style: italic;
}
.playground-code .o { color: rgb(237, 111, 19); }
.playground-code .p { color: rgb(128, 132, 149); }
.playground-code .m, .playground-code .mi, .playground-code .mf, .playground-code .mh, .playground-code .mo,
.playground-code .il { color: rgb(41, 176, 157); }
.playground-code .s, .playground-code .s1, .playground-code .s2, .playground-code .sa, .playground-code .sb,
.playground-code .sd, .playground-code .se, .playground-code .si, .playground-code .sh,
.playground-code .dl { color: rgb(9, 171, 59); }
.playground-code .nd { color: rgb(237, 111, 19); }
"""


# Pygments' short token classes that CSS colours (above); every other span is unwrapped. Spans do not nest here.
_STYLED = frozenset(re.findall(r"\.playground-code \.([a-z0-9]+)\b", CSS)) - {"ln", "ind"}
_SPAN = re.compile(r'<span class="([a-z0-9]+)">([^<]*)</span>')
_OPEN = re.compile(r'<span class="[a-z0-9]+">')


@functools.cache
def _component() -> Callable[..., Any]:
    return st.components.v2.component(COMPONENT, js=JS, css=CSS, html="", isolate_styles=False)


def highlighted(code: str, language: str | None = "python") -> str:
    """`code` as Pygments' HTML spans (CSS classes, no wrapper): its text, once unescaped, is `code` exactly."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name

    lexer = get_lexer_by_name(language or "text", stripnl=False, ensurenl=False)
    out = highlight(code, lexer, HtmlFormatter(nowrap=True))
    out = out.replace('<span class="o">.</span>', '<span class="p">.</span>')  # attribute dots grey, as st.code
    # Tokens the stylesheet leaves in the text colour (names, spaces) lose their span: fewer bytes per rerun.
    out = _SPAN.sub(lambda m: m[0] if m[1] in _STYLED else m[2], out)
    out = out[:-1] if out.endswith("\n") and not code.endswith("\n") else out  # the formatter ends every line
    return _as_lines(out, code)


def _as_lines(spans: str, code: str) -> str:
    """Each line of `code` (highlighted as `spans`) in a `<span class="ln" style="--i:N">` that ends with its newline,
    N its leading spaces, which are kept together with the first word (`<span class="ind">`); a token span that runs
    over a line end (a docstring) is closed there and opened again."""
    lines, carried = [], ""
    texts = code.split("\n")
    for number, part in enumerate(spans.split("\n")):
        if number == len(texts) - 1 and part == "" and number:  # after the last newline: no line
            break
        part = carried + part
        opened = _OPEN.findall(part)
        carried = opened[-1] if len(opened) > part.count("</span>") else ""
        indent = len(texts[number]) - len(texts[number].lstrip(" "))
        if indent and part.startswith(" " * indent):  # not when the line goes on inside a token (a docstring)
            # The indent does not break from the line's first word: a first word too long for the rest of a
            # phone's row is broken inside (as any too-long word) instead of leaving a row of blanks before it.
            part = f'<span class="ind">{part[:indent]}</span>{part[indent:]}'
        end = "\n" if number < len(texts) - 1 else ""
        lines.append(f'<span class="ln" style="--i:{indent}">{part}{"</span>" if carried else ""}{end}</span>')
    return "".join(lines)


def code_block(code: str, *, key: str, language: str | None = "python") -> None:
    """Show `code` in a box like `st.code(code, language=language, wrap_lines=True)` (see the module docstring).

    key: unique on the page; the box stays mounted while it is on the page (a rerun updates its text in place).
    language: a Pygments lexer name ("python", "toml"), or None for plain text.
    """
    if os.environ.get("PLAYGROUND_CODE") == "streamlit":
        st.code(code, language=language, wrap_lines=True)
        return
    _component()(
        key=key,
        data={"code": code, "html": highlighted(code, language), "language": language or "", "copy": t("common.copy")},
        width="stretch",
    )
