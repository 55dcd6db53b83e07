"""Peak memory of one measured process alone.

A child's `ru_maxrss` on Linux carries over the high-water mark of the process it was forked
from (the parent's pages count until `exec`), so a small child of a big bench reads big. VmHWM in
/proc/self/status belongs to the current address space only: the child reports its own, from a
fresh interpreter, at exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import REPO

# Run `-m module args` or `-c code args` in this interpreter; write VmHWM (kB) to argv[1] at exit.
_WRAPPER = """
import atexit, runpy, sys
report = sys.argv[1]

def peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(report, "w") as out:
        out.write(kb)

atexit.register(peak)
mode, target, *rest = sys.argv[2:]
sys.argv = [target, *rest]
if mode == "-m":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    sys.argv[0] = "-c"
    exec(compile(target, "<measured>", "exec"), {"__name__": "__main__"})
"""


def own_peak_mb() -> float:
    """This process's own peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    return int(kb) / 1024


def measured_command(report: Path, args: list[str]) -> list[str]:
    """The command that runs `python -m MODULE ...` or `python -c CODE ...` (args start at -m or
    -c) as a fresh interpreter which writes its own peak memory (VmHWM, kB) to `report` at exit."""
    if args[0] not in ("-m", "-c"):
        raise ValueError("args must start with -m or -c")
    return [sys.executable, "-c", _WRAPPER, str(report), *args]


def read_peak_mb(report: Path) -> float:
    return int(report.read_text()) / 1024


def run_measured(args: list[str], **popen: object) -> tuple[float, float]:
    """Run `python -m MODULE ...` or `python -c CODE ...` as a fresh interpreter; its wall
    seconds and its own peak resident memory in MB."""
    handle, name = tempfile.mkstemp(prefix="peak-")
    os.close(handle)
    report = Path(name)
    try:
        start = time.perf_counter()
        process = subprocess.run(
            measured_command(report, args),
            cwd=popen.pop("cwd", REPO),
            stderr=popen.pop("stderr", subprocess.DEVNULL),
            **popen,  # type: ignore[arg-type]
        )
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): python {' '.join(args)[:200]}")
        return seconds, read_peak_mb(report)
    finally:
        report.unlink()
