"""`python -m bench.report`: each bench's last JSON line becomes dated figures with the load."""

from __future__ import annotations

from bench.report import PAGE, bench_names, last_json, load_record, render


def test_the_figures_are_the_last_json_line():
    out = 'table\n{"not": "last"}\nmore text\n{"bench": "x", "f1": 0.9}\n'
    assert last_json(out) == {"bench": "x", "f1": 0.9}
    assert last_json("{broken\nno json here\n") is None


def test_a_run_is_shown_dated_with_the_machine_and_its_load():
    record = {
        "segment": {
            "source": "report",
            "command": "python -m bench.bench_segment",
            "date": "2026-12-03 10:25 UTC",
            "seconds": 8.0,
            "load_before": [8.2, 5.6, 4.1],
            "load_after": [7.8, 5.6, 4.1],
            "machine": {"cores": 2, "cpu": "AMD EPYC", "python": "3.11.7", "system": "Linux"},
            "exit_code": 0,
            "figures": {"ours": {"mb_per_s": 19.25}, "traps": 8},
            "notes": "hand-written context",
        },
        "dates": {"source": "manual", "date": "2026-12-03 or earlier", "text": "F1 0.84"},
    }
    page = render(record)
    assert "2026-12-03 10:25 UTC" in page and "2 cores" in page
    assert "load 8.2 5.6 4.1 before, 7.8 5.6 4.1 after" in page
    assert "| ours.mb_per_s | 19.25 |" in page and "| traps | 8 |" in page
    assert "hand-written context" in page
    assert "Last manual run" in page and "F1 0.84" in page
    assert "python -m bench.report --only dates" in page


def test_the_page_shows_every_bench_measured_or_not():
    page = PAGE.read_text(encoding="utf-8")
    for name in load_record():
        assert f"\n## bench_{name}\n" in page, "run python -m bench.report --render"
    rendered = render({})
    for name in bench_names():
        assert f"Not measured yet: `python -m bench.report --only {name}`." in rendered


def test_a_bench_without_a_json_line_shows_the_end_of_its_report():
    entry = {
        "source": "report",
        "command": "python -m bench.bench_review",
        "date": "2026-12-03 10:46 UTC",
        "seconds": 307.0,
        "load_before": [9.4, 11.2, 9.7],
        "load_after": [9.2, 9.8, 9.5],
        "machine": {"cores": 2, "cpu": "AMD EPYC", "python": "3.11.7", "system": "Linux"},
        "exit_code": 0,
        "figures": None,
        "error": None,
        "output_tail": "first claim 1.71 s",
    }
    page = render({"review": entry})
    assert "printed no line of JSON" in page and "first claim 1.71 s" in page
