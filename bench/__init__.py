"""Benchmarks: each bench_*.py runs with `python -m bench.bench_NAME` and prints its figures."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The labelled data sets: CLAIMCHECK_DATA, else ../shared/data beside the checkout."""
    return Path(os.environ.get("CLAIMCHECK_DATA") or REPO.parent / "shared" / "data")


def median_time(run: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `run` over `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
