"""Regenerate docs/benchmarks.md from the benches: `python -m bench.report [--only NAME...]`.

Each bench chosen runs in its own process (`python -m bench.bench_NAME`, its default options);
its last line of JSON is its figures. Each run is kept in docs/benchmarks.json with its date,
the machine's cores and load average before and after, and how long it took; benches not run
this time keep their last entry, so the page always says when and on what load each figure was
measured. Entries marked "manual" were carried over from the README's hand-run figures and have
not been through this command yet. The whole output of each run is in bench/results/NAME.log.

    .venv/bin/python -m bench.report                      # every bench (an hour or more)
    .venv/bin/python -m bench.report --only segment dates # just these
    .venv/bin/python -m bench.report --render             # rewrite the page from the record
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import bench

REPO = Path(__file__).resolve().parent.parent
RECORD = REPO / "docs" / "benchmarks.json"
PAGE = REPO / "docs" / "benchmarks.md"
LOGS = REPO / "bench" / "results"


def bench_names() -> list[str]:
    """Every bench module, by its short name ('segment' for bench/bench_segment.py)."""
    folder = Path(bench.__path__[0])
    return sorted(path.stem.removeprefix("bench_") for path in folder.glob("bench_*.py"))


def summary(name: str) -> str:
    """The first line of the bench's docstring: what it measures."""
    spec = importlib.util.find_spec(f"bench.bench_{name}")
    if spec is None or spec.origin is None:
        return "(this bench no longer exists)"
    source = Path(spec.origin).read_text(encoding="utf-8")
    doc = source.split('"""', 2)[1] if source.lstrip().startswith('"""') else ""
    first = doc.strip().split("\n\n", 1)[0]
    return " ".join(first.split())


def last_json(stdout: str) -> dict[str, Any] | None:
    """The bench's figures: its last output line that is a JSON object."""
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                figures = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(figures, dict):
                return figures
    return None


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def run(name: str, timeout: float) -> dict[str, Any]:
    """Run one bench in a fresh interpreter and return its record entry."""
    LOGS.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", f"bench.bench_{name}"]
    load_before = [round(x, 2) for x in os.getloadavg()]
    started = time.monotonic()
    when = datetime.datetime.now(datetime.UTC)
    try:
        done = subprocess.run(
            command, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
        )
        stdout, stderr, code = done.stdout, done.stderr, done.returncode
    except subprocess.TimeoutExpired as expired:
        stdout = (expired.stdout or b"").decode() if isinstance(expired.stdout, bytes) else ""
        stderr, code = f"timed out after {timeout:.0f} s", None
    seconds = time.monotonic() - started
    (LOGS / f"{name}.log").write_text(stdout + "\n--- stderr\n" + stderr, encoding="utf-8")
    return {
        "source": "report",
        "command": f"python -m bench.bench_{name}",
        "date": when.strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": round(seconds, 1),
        "load_before": load_before,
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "machine": machine(),
        "exit_code": code,
        "figures": last_json(stdout) if code == 0 else None,
        "error": None if code == 0 else (stderr.strip().splitlines() or ["failed"])[-1][:300],
        "output_tail": tail(stdout),
    }


def tail(stdout: str, lines: int = 15) -> str:
    """The end of a bench's printed report, shown when it gave no JSON line."""
    return "\n".join(line.rstrip() for line in stdout.strip().splitlines()[-lines:])


def flatten(figures: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested figures as (dotted.key, value) rows."""
    if isinstance(figures, dict):
        rows: list[tuple[str, Any]] = []
        for key, value in figures.items():
            rows.extend(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return rows
    return [(prefix, figures)]


def cell(value: Any) -> str:
    if isinstance(value, float):
        value = f"{value:.4g}"
    elif not isinstance(value, str):
        value = json.dumps(value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def render(record: dict[str, Any]) -> str:
    """The Markdown page: one section per bench, its figures and how and when they were taken."""
    lines = [
        "# Benchmarks",
        "",
        "Generated by `python -m bench.report` (or `make bench-docs`) from docs/benchmarks.json;"
        " do not edit by hand. Each bench runs alone in a fresh process with its default"
        " options, against a baseline measured in the same run; the figures are its final line"
        " of JSON. Speed depends on the machine and on what else runs on it, so each section"
        " gives the date, the cores and the load average (1, 5 and 15 minutes) before and after."
        " Regenerate one bench with `python -m bench.report --only NAME`.",
        "",
        "| bench | what it measures | figures from |",
        "|---|---|---|",
    ]
    names = sorted(set(record) | set(bench_names()))
    for name in names:
        entry = record.get(name, {"source": None})
        origin = {
            "report": f"run {entry.get('date')}",
            "manual": f"last manual run (README, {entry.get('date')})",
        }.get(entry["source"], "not measured yet")
        anchor = f"bench_{name}"
        first_sentence = summary(name).split(". ")[0].rstrip(".") + "."
        lines.append(f"| [{name}](#{anchor}) | {cell(first_sentence)} | {origin} |")
    for name in names:
        entry = record.get(name, {"source": None})
        lines += ["", f"## bench_{name}", "", summary(name), ""]
        if entry["source"] is None:
            lines.append(f"Not measured yet: `python -m bench.report --only {name}`.")
            continue
        if entry["source"] == "manual":
            lines += [
                f"Last manual run, before this page was generated ({entry['date']}; the text"
                f" gives the load where it was noted); not yet regenerated: `python -m"
                f" bench.report --only {name}`.",
                "",
                entry["text"],
            ]
            continue
        box = entry["machine"]
        lines.append(
            f"`{entry['command']}` · {entry['date']} · {entry['seconds']:.0f} s ·"
            f" {box['cores']} cores ({box['cpu']}), Python {box['python']} ·"
            f" load {' '.join(map(str, entry['load_before']))} before,"
            f" {' '.join(map(str, entry['load_after']))} after"
        )
        lines.append("")
        if entry["figures"] is None and entry["exit_code"] == 0:
            lines += [
                "The bench printed no line of JSON (every bench should end with one); the end of"
                " its printed report:",
                "",
                "```",
                entry.get("output_tail", ""),
                "```",
            ]
        elif entry["figures"] is None:
            lines.append(f"Failed (exit {entry['exit_code']}): {cell(entry['error'])}")
        else:
            lines += ["| figure | value |", "|---|---|"]
            lines += [f"| {cell(k)} | {cell(v)} |" for k, v in flatten(entry["figures"])]
        if entry.get("notes"):
            lines += [
                "",
                "Notes and figures from the last manual run, before this page was generated"
                " (older than the table above; kept for their context):",
                "",
                entry["notes"],
            ]
    return "\n".join(lines) + "\n"


def load_record() -> dict[str, Any]:
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def save(record: dict[str, Any]) -> None:
    RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    PAGE.write_text(render(record), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="these benches (e.g. segment)")
    parser.add_argument("--render", action="store_true", help="rewrite the page; run nothing")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per bench")
    args = parser.parse_args()
    known = bench_names()
    chosen = [name.removeprefix("bench_") for name in args.only or known]
    unknown = [name for name in chosen if name not in known]
    if unknown:
        parser.error(f"unknown bench {', '.join(unknown)}; known: {', '.join(known)}")
    record = load_record()
    ran: dict[str, Any] = {}
    if not args.render:
        for name in chosen:
            print(f"=== bench_{name}", file=sys.stderr, flush=True)
            entry = run(name, args.timeout)
            earlier = record.get(name, {})
            if earlier.get("notes") or earlier.get("text"):  # the hand-written context stays
                entry["notes"] = earlier.get("notes") or earlier["text"]
            record[name] = ran[name] = entry
            save(record)  # after each bench: a long run interrupted keeps what it measured
            print(
                f"    {entry['seconds']:.0f} s, load {entry['load_before'][0]}"
                f" -> {entry['load_after'][0]}",
                file=sys.stderr,
            )
    save(record)
    failed = sorted(name for name, entry in ran.items() if entry["figures"] is None)
    print(json.dumps({"page": str(PAGE.relative_to(REPO)), "ran": sorted(ran), "failed": failed}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
