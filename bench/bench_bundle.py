"""Bundle speed and memory: a desk of 100,000 claims and 10,000 archived snapshots exported,
imported into an empty database, and merged into a database that already holds it all. Each run
is a fresh interpreter that reports its own peak memory (VmHWM, bench.peak), not ru_maxrss,
which would carry the bench's own pages over the fork. The
baseline, in the same run, is SQLite's own dump and replay: sqlite3's iterdump() written to a
file, then executescript() into a new file.

    .venv/bin/python -m bench.bench_bundle [CLAIMS]

Prints progress lines, then one line of JSON.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.peak import run_measured
from claimcheck.store import Store
from tests.bulk_db import drop_triggers

CLAIMS = 100_000
PER_ARTICLE = 100
SNAPSHOT_EVERY = 10  # one cited, archived source for every tenth claim
REPEAT = 3
STAMP = "2024-09-14T10:00:00.000+00:00"

DUMP = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in conn.iterdump():
        out.write(line + "\\n")
"""
REPLAY = """
import sqlite3, sys
from claimcheck.store import Store
Store(sys.argv[2]).close()  # claimcheck's schema: its triggers index the text, as an import's do
# rows the schema writes itself: its migrations, and the counts its triggers keep
SCHEMA_FILLS = {"_sqlite_migrations", "row_counts"}
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("BEGIN")
statement = ""
with open(sys.argv[1], encoding="utf-8") as dump:
    for line in dump:
        statement += line
        if sqlite3.complete_statement(statement):
            table = statement[13:].split('"', 1)[0] if statement.startswith("INSERT INTO") else ""
            if table and "_fts" not in table and table not in SCHEMA_FILLS:
                conn.execute(statement)
            statement = ""
conn.execute("COMMIT")
"""


def page(n: int) -> bytes:
    """A source page of about 6 KB whose words differ from page to page."""
    rows = "".join(
        f"<tr><td>item {n}-{i}</td><td>{(n * 31 + i * 7) % 1000 / 10} per cent</td></tr>"
        for i in range(120)
    )
    return (
        f"<html><body><h1>Statistics release {n}</h1><table>{rows}</table></body></html>".encode()
    )


def build(db: Path, claims: int) -> None:
    """A desk: articles, claims with quantities, a tenth of them citing an archived source with
    ranked evidence and a stance, a third with a verdict, and every one of those an event."""
    with Store(db) as store:
        conn = store.db.conn
        with store.transaction():
            triggers = drop_triggers(conn, "%fts%")
            conn.executemany(
                "INSERT INTO articles (id, url, title, outlet, published, text, sha256,"
                " ingested_at) VALUES (?, ?, ?, 'Example News', '2024-09-14', ?, ?, ?)",
                (
                    (
                        a + 1,
                        f"https://news.example.org/{a}",
                        f"Story {a}",
                        f"Story {a} text.",
                        f"{a:064x}",
                        STAMP,
                    )
                    for a in range(claims // PER_ARTICLE + 1)
                ),
            )
            conn.executemany(
                "INSERT INTO claims (id, article_id, start, [end], paragraph, sentence, text,"
                " kind, kinds, checkworthiness, reasons, status, note, reviewer, version,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, 'quantity',"
                " '[\"quantity\"]', 0.75, '[]', ?, ?, ?, ?, ?, ?)",
                (
                    (
                        n + 1,
                        n // PER_ARTICLE + 1,
                        (n % PER_ARTICLE) * 80,
                        (n % PER_ARTICLE) * 80 + 70,
                        f"Spending on item {n} rose {n % 97 + 1} per cent in 2024, officials said.",
                        f"Spending on item {n} rose {n % 97 + 1} per cent in 2024, officials said.",
                        "supported" if n % 3 == 0 else "unreviewed",
                        "checked against the release" if n % 3 == 0 else None,
                        "bench" if n % 3 == 0 else None,
                        2 if n % 3 == 0 else 1,
                        STAMP,
                        STAMP,
                    )
                    for n in range(claims)
                ),
            )
            conn.executemany(
                "INSERT INTO quantities (claim_id, surface, value, unit, start, [end])"
                " VALUES (?, ?, ?, 'percent', 30, 45)",
                ((n + 1, f"{n % 97 + 1} per cent", n % 97 + 1) for n in range(claims)),
            )
            cited = range(0, claims, SNAPSHOT_EVERY)
            conn.executemany(
                "INSERT INTO sources (id, url, kind, created_at) VALUES (?, ?, 'reviewer', ?)",
                ((s + 1, f"https://stats.example.org/{s}", STAMP) for s in range(len(cited))),
            )
            conn.executemany(
                "INSERT INTO claim_sources (claim_id, source_id, kind, created_at)"
                " VALUES (?, ?, 'reviewer', ?)",
                ((n + 1, s + 1, STAMP) for s, n in enumerate(cited)),
            )
            conn.executemany(
                "INSERT INTO snapshots (id, source_id, requested_url, final_url, status,"
                " content_type, fetched_at, sha256, size, raw, text, not_modified)"
                " VALUES (?, ?, ?, ?, 200, 'text/html', ?, ?, ?, ?, ?, 0)",
                (
                    (s + 1, s + 1, url, url, STAMP, f"{s:064x}", len(raw), raw, raw.decode())
                    for s in range(len(cited))
                    for url in [f"https://stats.example.org/{s}"]
                    for raw in [page(s)]
                ),
            )
            conn.executemany(
                "INSERT INTO evidence (claim_id, snapshot_id, start, [end], passage, score, rank,"
                " reasons, matches, stance, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]',"
                " ?, ?)",
                (
                    (
                        n + 1,
                        s + 1,
                        r * 60,
                        r * 60 + 50,
                        f"item {n}-{r}",
                        3.0 - r,
                        r + 1,
                        "supports" if r == 0 else None,
                        STAMP,
                    )
                    for s, n in enumerate(cited)
                    for r in range(3)
                ),
            )
            events = [
                (
                    STAMP,
                    "bench",
                    None,
                    None,
                    "snapshot",
                    None,
                    f"https://stats.example.org/{s}",
                    None,
                    json.dumps({"source_id": s + 1, "snapshot_id": s + 1, "status": 200}),
                )
                for s in range(len(cited))
            ]
            events += [
                (
                    STAMP,
                    "bench",
                    n + 1,
                    n // PER_ARTICLE + 1,
                    "stance",
                    None,
                    "supports",
                    None,
                    json.dumps({"evidence_id": 3 * s + 1, "snapshot_id": s + 1}),
                )
                for s, n in enumerate(cited)
            ]
            events += [
                (
                    STAMP,
                    "bench",
                    n + 1,
                    n // PER_ARTICLE + 1,
                    "verdict",
                    "unreviewed",
                    "supported",
                    "checked against the release",
                    None,
                )
                for n in range(0, claims, 3)
            ]
            conn.executemany(
                "INSERT INTO events (at, reviewer, claim_id, article_id, action, old, new, note,"
                " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events,
            )
            for sql in triggers:
                conn.execute(sql)
            conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
            conn.execute("INSERT INTO snapshots_fts(snapshots_fts) VALUES ('rebuild')")


def measure(command: list[str], reset: Callable[[], None] | None = None) -> tuple[float, float]:
    """Median seconds and peak MB over REPEAT runs; `reset` runs, untimed, before each."""
    runs = []
    for _ in range(REPEAT):
        if reset:
            reset()
        runs.append(run_measured(command, stdout=subprocess.DEVNULL))
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def fresh(db: Path, template: Path | None = None) -> None:
    """Remove db (and its WAL files); then copy template there if given."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if template:
        shutil.copyfile(template, db)


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else CLAIMS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, bundle, dump = folder / "desk.db", folder / "desk.ccb", folder / "desk.sql"
        copy, replayed = folder / "copy.db", folder / "replayed.db"
        start = time.perf_counter()
        build(db, claims)
        with Store(db) as store:
            counts = {
                t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("claims", "snapshots", "evidence", "events")
            }
        print(f"built {counts} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        ours = ["-m", "claimcheck"]
        export = measure([*ours, "--db", str(db), "bundle", "export", "-o", str(bundle)])
        dumped = measure(["-c", DUMP, str(db), str(dump)])
        imported = measure(
            [*ours, "--db", str(copy), "bundle", "import", str(bundle)], lambda: fresh(copy)
        )
        replay = measure(["-c", REPLAY, str(dump), str(replayed)], lambda: fresh(replayed))
        merge_into = folder / "merge.db"
        merged = measure(
            [*ours, "--db", str(merge_into), "bundle", "import", str(bundle)],
            lambda: fresh(merge_into, copy),
        )
        result = {
            "bench": "bundle",
            **counts,
            "db_mb": round(db.stat().st_size / 1e6, 1),
            "bundle_mb": round(bundle.stat().st_size / 1e6, 1),
            "dump_mb": round(dump.stat().st_size / 1e6, 1),
            "runs": REPEAT,
        }
        for name, (seconds, peak) in (
            ("export", export),
            ("baseline_iterdump", dumped),
            ("import_empty", imported),
            ("baseline_replay", replay),
            ("merge_all_present", merged),
        ):
            result[f"{name}_s"] = round(seconds, 2)
            result[f"{name}_peak_mb"] = round(peak)
            print(f"  {name:<20} {seconds:7.2f} s  peak {peak:5.0f} MB", file=sys.stderr)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
