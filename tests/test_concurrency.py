"""A desk on one claims.db: real processes writing to a real file at once. Nobody may see
"database is locked", lose a verdict, or get a verdict without its audit event."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck.store import Store
from tests.conftest import SEED_ARTICLE

REPO = Path(__file__).resolve().parent.parent
WRITERS = 4
CLAIMS_EACH = 3
ROUNDS = 4


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), **extra}


def as_in_a_terminal() -> None:
    """Ctrl-C back at its default action in the child, as a terminal gives it: a suite started
    from a background job inherits SIGINT ignored, and Python then installs no handler for it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def claimcheck(db: Path, *args: str, **extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(**extra),
        cwd=REPO,
        preexec_fn=as_in_a_terminal,
    )


def write_articles(folder: Path, count: int) -> Path:
    """`count` different articles (the seed article under a distinct first line each)."""
    folder.mkdir()
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    for index in range(count):
        text = f"Desk copy {index}: the council met for the {index + 2}th time.\n\n{seed}"
        (folder / f"article_{index:03}.txt").write_text(text, encoding="utf-8")
    return folder


def test_writers_and_an_add_lose_nothing_and_never_see_a_lock(seeded_store, tmp_path):
    db = seeded_store.path
    ids = [c.id for c in seeded_store.claims(include_repeats=False, limit=WRITERS * CLAIMS_EACH)]
    before = seeded_store.count_claims()
    seeded_store.close()
    adding = claimcheck(db, "add", str(write_articles(tmp_path / "incoming", 24)))
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.desk_writer", str(db), f"r{n}", str(ROUNDS)]
            + [str(i) for i in ids[n * CLAIMS_EACH : (n + 1) * CLAIMS_EACH]],
            stdout=subprocess.PIPE,
            text=True,
            env=env(),
            cwd=REPO,
        )
        for n in range(WRITERS)
    ]
    calls = {}
    for n, writer in enumerate(writers):
        out, _ = writer.communicate(timeout=60)
        calls[f"r{n}"] = [json.loads(line) for line in out.splitlines()]
    add_out, add_err = adding.communicate(timeout=60)

    surfaced = [c for rows in calls.values() for c in rows if c["code"] != 0 or c["stderr"]]
    assert surfaced == [], surfaced[:3]
    assert adding.returncode == 0, add_err
    assert "locked" not in add_err and "Traceback" not in add_err
    assert add_out.count("added article") == 24
    with Store(db) as store:
        assert store.count_claims() > before
        for reviewer, rows in calls.items():
            assert len(rows) == ROUNDS * CLAIMS_EACH
            last = {row["claim"]: row["status"] for row in rows}
            for claim_id, status in last.items():  # no lost update
                claim = store.claim(claim_id)
                assert (claim.status, claim.reviewer) == (status, reviewer)
                assert claim.note == f"{reviewer} round {ROUNDS - 1}"
            events = store.db.execute(
                "SELECT count(*) FROM events WHERE action = 'verdict' AND reviewer = ?"
                " AND (details IS NULL OR json_extract(details, '$.via') IS NULL)",
                [reviewer],
            ).fetchone()[0]
            assert events == len(rows)  # every verdict an event


def hold_write_lock(db: Path) -> sqlite3.Connection:
    """Another connection takes the write lock and keeps it until told to commit."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE articles SET title = title")
    return conn


def test_a_held_lock_is_waited_for(seeded_store):
    db, claim_id = seeded_store.path, seeded_store.claims(limit=1)[0].id
    seeded_store.close()
    holder = hold_write_lock(db)
    started = time.monotonic()
    verdict = claimcheck(db, "verdict", str(claim_id), "refuted")
    time.sleep(1.5)
    holder.execute("COMMIT")
    out, err = verdict.communicate(timeout=30)
    assert verdict.returncode == 0, err
    assert time.monotonic() - started >= 1.5
    assert f"claim {claim_id}: refuted" in out
    with Store(db) as store:
        assert store.claim(claim_id).status == "refuted"


def test_a_lock_held_past_the_timeout_is_one_line_and_changes_nothing(seeded_store):
    db, claim_id = seeded_store.path, seeded_store.claims(limit=1)[0].id
    seeded_store.close()
    before = list(sqlite3.connect(db).iterdump())
    holder = hold_write_lock(db)
    try:
        verdict = claimcheck(db, "verdict", str(claim_id), "refuted", CLAIMCHECK_BUSY_TIMEOUT="0.5")
        _, err = verdict.communicate(timeout=30)
    finally:
        holder.execute("ROLLBACK")
    assert verdict.returncode == 1
    assert err.strip() == (
        f"error: {db}: database is busy: another claimcheck is writing;"
        " waited 0.5 s (CLAIMCHECK_BUSY_TIMEOUT)"
    )
    assert list(sqlite3.connect(db).iterdump()) == before


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_add_with_workers(db: Path, folder: Path) -> tuple[subprocess.Popen, list[int]]:
    """An `add` of many articles, once its pool of extraction workers is running."""
    adding = claimcheck(db, "add", str(folder))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        workers = children(adding.pid)
        if workers:
            return adding, workers
        time.sleep(0.05)
    adding.kill()
    pytest.fail("add never started its workers")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker pids read from /proc")
def test_ctrl_c_ends_add_with_130_and_its_workers(tmp_path):
    adding, workers = start_add_with_workers(
        tmp_path / "claims.db", write_articles(tmp_path / "in", 300)
    )
    adding.send_signal(signal.SIGINT)  # as soon as a worker exists: the pool may be starting
    try:
        _, err = adding.communicate(timeout=30)
    finally:  # a hung add (and its workers) must not outlive the test
        for pid in [adding.pid, *workers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert adding.returncode == 130
    assert err.strip().splitlines()[-1] == "interrupted"
    assert "Traceback" not in err
    time.sleep(0.5)
    assert [pid for pid in workers if alive(pid)] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_killed_add_takes_its_workers_with_it(tmp_path):
    adding, workers = start_add_with_workers(
        tmp_path / "claims.db", write_articles(tmp_path / "in", 300)
    )
    adding.kill()
    adding.wait(timeout=10)  # not communicate(): orphaned workers would hold its pipes open
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # the test's own orphans, so a failure leaves nothing running
        os.kill(pid, signal.SIGKILL)
    assert left == []
