"""A reviewer in its own process for the concurrency tests: runs the real `claimcheck verdict`
command many times (in-process, to skip the interpreter start) and prints one JSON line per call.

    python -m tests.desk_writer DB REVIEWER ROUNDS CLAIM_ID...
"""

from __future__ import annotations

import io
import json
import sys
import time
from contextlib import redirect_stderr, redirect_stdout

from claimcheck.cli import cli

STATUSES = ("supported", "misleading", "refuted", "unverifiable")


def main(db: str, reviewer: str, rounds: int, claim_ids: list[int]) -> None:
    for round_ in range(rounds):
        for claim_id in claim_ids:
            status = STATUSES[(round_ + claim_id) % len(STATUSES)]
            args = ["--db", db, "--reviewer", reviewer, "verdict", str(claim_id), status]
            args += ["--note", f"{reviewer} round {round_}"]
            err, out = io.StringIO(), io.StringIO()
            started = time.perf_counter()
            try:
                with redirect_stderr(err), redirect_stdout(out):
                    cli.main(args, prog_name="claimcheck", standalone_mode=False)
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
            except Exception as error:  # reported, so the test can fail on it
                code, err = 99, io.StringIO(f"Traceback: {type(error).__name__}: {error}")
            seconds = time.perf_counter() - started
            record = {"claim": claim_id, "status": status, "code": code, "seconds": seconds}
            print(json.dumps({**record, "stderr": err.getvalue()}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(a) for a in sys.argv[4:]])
