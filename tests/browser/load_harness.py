"""Tools for the load test and the load bench: waiting for a page's script run to end, page texts parsed by their
translation templates, metric values, percentiles, and a sampler of the server's memory. Latency itself is measured
by tests/browser/felt.py (key press → last change of the page, on the page's own clock), so the harness's polling,
which round-robins over many sessions, does not inflate the numbers.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

from ui.texts import TEXTS

IDLE = (
    "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state') === 'notRunning'"
)


def template_regex(key: str, lang: str = "en") -> re.Pattern[str]:
    """The translation template `key` as a regex with one named group per {placeholder}."""
    text = TEXTS[key][lang]
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)[^{}]*\}", text):
        out.append(re.escape(text[pos : m.start()]))
        out.append(f"(?P<{m.group(1)}>.+?)")
        pos = m.end()
    out.append(re.escape(text[pos:]))
    return re.compile("".join(out).replace(r"\*\*", r"\**"))  # markdown bold is rendered, not shown


def literal_prefix(key: str, lang: str = "en") -> str:
    """The text of a template before its first placeholder (what a user sees first), markdown stripped."""
    return TEXTS[key][lang].split("{", 1)[0].replace("**", "").strip()


def wait_idle(pg, timeout: float = 60_000) -> None:
    pg.wait_for_function(IDLE, timeout=timeout)


def metric_value(pg, label: str) -> str:
    metric = pg.locator('[data-testid="stMetric"]', has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def main_text(pg) -> str:
    return pg.locator('[data-testid="stMain"]').inner_text()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0…100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


@dataclass
class RssSampler:
    """Samples the resident memory of a process and its children every `interval` seconds, in a thread."""

    pid: int
    interval: float = 0.5
    samples: list[tuple[float, int]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def rss(self) -> int:
        import psutil

        try:
            proc = psutil.Process(self.pid)
            procs = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total

    def start(self) -> RssSampler:
        def loop():
            while not self._stop.is_set():
                self.samples.append((time.monotonic(), self.rss()))
                self._stop.wait(self.interval)

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

    @property
    def peak_mb(self) -> float:
        return max((r for _, r in self.samples), default=0) / 2**20

    def mb_at(self, when: float) -> float:
        """RSS (MB) of the last sample taken at or before monotonic time `when`."""
        before = [r for t, r in self.samples if t <= when]
        return (before[-1] if before else 0) / 2**20
