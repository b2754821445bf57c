"""`streamlit run …` with the wall and CPU time of every script run appended to the file named by $RUN_LOG.

Started by `tests.browser.conftest.Server(run_log=...)` (bench_felt, bench_load) to report server-side run times
next to the latencies the browsers see:
    RUN_LOG=/tmp/runs.log python -m bench.timed_server run app.py --server.port 8850 ...
Each line: `<unix time at end> <wall ms> <cpu ms of the script thread>`.
"""

from __future__ import annotations

import os
import sys
import time

from streamlit.runtime.scriptrunner import script_runner

_original = script_runner.ScriptRunner._run_script


def _timed(self, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        return _original(self, *args, **kwargs)
    finally:
        line = f"{time.time():.3f} {1e3 * (time.perf_counter() - wall):.1f} {1e3 * (time.thread_time() - cpu):.1f}\n"
        with open(os.environ["RUN_LOG"], "a", encoding="utf-8") as log:
            log.write(line)


if __name__ == "__main__":
    script_runner.ScriptRunner._run_script = _timed
    from streamlit.web.cli import main

    sys.argv = ["streamlit", *sys.argv[1:]]
    main()
