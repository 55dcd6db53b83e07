"""The claim memory: does it find the earlier fact-check of a claim, how fast, at what scale.

Quality: CLEF CheckThat! 2021 task 2B (`$CLAIMCHECK_DATA/checkthat2021_2b/`): sentences of
political debates and speeches (dev_queries.jsonl: the task's train and dev queries; the test
queries are never read) against 19,250 PolitiFact fact-checks (vclaims.jsonl), relevance in
dev_qrels.tsv. The fact-checks go in through `claimcheck factchecks import`'s own code, as
ClaimReview JSON Lines written from vclaims.jsonl. Scored with the lab's definitions: AP@k sums
precision at each relevant rank up to k and divides by the number of relevant fact-checks, MAP@k
averages it over queries; MRR is the mean reciprocal rank of the first relevant one. Baseline in
the same run: BM25 (bm25s, the same stemmed words, stopwords out) over the same claims. Queries
are split by debate (a debate's sentences stay together, as in the official split): a debate is
untouched when the CRC-32 of its name is 0 modulo 3; the weights were fitted on the other part
(`--fit` prints the logistic weights fitted there). Beside them, the ceiling of the candidates:
their recall, and the scores of a perfect re-ranking of them (every relevant candidate first).

Speed and scale: fact-checks generated from the real ones (speaker, figures and words varied) at
10k and 100k (and 1M with `--million`): load time and peak memory of `import_file` (the word
index included) in a fresh process each, and matching the seed article's claims against them
(one `find_matches` call, as `add` makes it), median of 7 runs, and the first run alone (cold
caches).

A verdict's reach at 100k claims (tests/bulk_db.py: generated claims that all share most of
their words, the worst case for finding the claims a verdict reaches, a third of them reviewed)
with the real fact-checks loaded: `record_verdict` (the verdict, then `reach`) against the same
verdict written without `reach`, alternating, on claims not decided before, medians of 15 each.

    python -m bench.bench_claim_memory [--fit] [--million] [--no-scale] [--no-reach]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from pathlib import Path

import bm25s

from bench import REPO, data_dir
from claimcheck.memory import matching
from claimcheck.memory.factchecks import import_file
from claimcheck.review_rules import record_verdict
from claimcheck.store import Store
from tests.bulk_db import build

MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun"), 1)} | {
    m: i for i, m in enumerate(("jul", "aug", "sep", "oct", "nov", "dec"), 7)
}
UNTOUCHED_MODULUS = 3
DEPTHS = (1, 3, 5)
_PUBLISHED = re.compile(r"/factchecks/(\d{4})/([a-z]{3})\w*/(\d{1,2})/")


def is_untouched(debate: str) -> bool:
    return zlib.crc32(debate.encode()) % UNTOUCHED_MODULUS == 0


def claim_review(row: dict) -> dict:
    """A PolitiFact fact-check of vclaims.jsonl as the ClaimReview PolitiFact publishes."""
    published = _PUBLISHED.search(row.get("url") or "")
    review_date = (
        f"{published[1]}-{MONTHS.get(published[2][:3], 1):02d}-{int(published[3]):02d}"
        if published
        else None
    )
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://www.politifact.com" + (row.get("url") or f"#{row['vclaim_id']}"),
        "claimReviewed": row["vclaim"],
        "datePublished": review_date,
        "author": {"@type": "Organization", "name": "PolitiFact"},
        "reviewRating": {"@type": "Rating", "alternateName": row.get("truth_label")},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": row.get("speaker")},
            "datePublished": row.get("date"),
        },
    }


def read_lines(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_feed(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(claim_review(row), ensure_ascii=False) + "\n")


# ---- quality ----------------------------------------------------------------------------------


def average_precision(ranked: list[str], relevant: set[str], k: int) -> float:
    hits, total = 0, 0.0
    for position, item in enumerate(ranked[:k], 1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / len(relevant)


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1 / p for p, item in enumerate(ranked, 1) if item in relevant), 0.0)


def scores(runs: dict[str, list[str]], qrels: dict[str, set[str]]) -> dict[str, float]:
    out = {
        f"map@{k}": statistics.fmean(average_precision(runs[q], qrels[q], k) for q in runs)
        for k in DEPTHS
    }
    out["mrr"] = statistics.fmean(reciprocal_rank(runs[q], qrels[q]) for q in runs)
    return {key: round(value, 4) for key, value in out.items()}


def debate_date(debate: str) -> str:
    return f"{debate[:4]}-{debate[4:6]}-{debate[6:8]}"


def candidate_features(store: Store, queries: list[dict]) -> dict[str, list]:
    """Each query's candidates from the fact-check index with their features."""
    probes = [
        matching.Probe(q["text"], None, matching.figure_keys(q["text"]), debate_date(q["debate"]))
        for q in queries
    ]
    found = {}
    looked_up = matching.candidates(store, probes, desk=False)
    for query, probe, (idf, candidates) in zip(queries, probes, looked_up, strict=True):
        best = max((c.bm25 for c in candidates), default=0.0)
        found[query["query_id"]] = [(c, matching.features(probe, idf, c, best)) for c in candidates]
    return found


def ranked_ids(found: list, weights: dict[str, float], key_of: dict[int, str]) -> list[str]:
    scored = sorted(found, key=lambda cf: -matching.score(cf[1], weights))
    return [key_of[c.id] for c, _ in scored]


def fit_weights(found: dict[str, list], qrels: dict, key_of: dict[int, str]) -> dict[str, float]:
    """Logistic regression on the tuning part's candidates: is this candidate relevant?"""
    from sklearn.linear_model import LogisticRegression

    names = [k for k in matching.WEIGHTS if k != "bias"]
    rows, labels = [], []
    for query_id, items in found.items():
        for candidate, values in items:
            rows.append([values[n] for n in names])
            labels.append(key_of[candidate.id] in qrels[query_id])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(rows, labels)
    weights = {"bias": round(float(model.intercept_[0]), 2)}
    weights |= {n: round(float(w), 2) for n, w in zip(names, model.coef_[0], strict=True)}
    return weights


def precision_above(
    found: dict[str, list], qrels: dict, key_of: dict[int, str], threshold: float
) -> tuple[float | None, int, float]:
    """Of the matches the review screen would show (top KEPT, score >= threshold): the share
    relevant, how many, and the share of queries that get one."""
    shown = hits = queries = 0
    for query_id, items in found.items():
        scored = sorted(((matching.score(v), c) for c, v in items), key=lambda p: -p[0])
        above = [c for s, c in scored[: matching.KEPT] if s >= threshold]
        shown += len(above)
        hits += sum(key_of[c.id] in qrels[query_id] for c in above)
        queries += bool(above)
    return (round(hits / shown, 3) if shown else None), shown, round(queries / len(found), 3)


def oracle_ranking(found: list, relevant: set[str], key_of: dict[int, str]) -> list[str]:
    """The candidates with every relevant one first: what a perfect re-ranking would give."""
    ids = [key_of[c.id] for c, _ in found]
    return sorted(ids, key=lambda i: i not in relevant)


def bm25_runs(vclaims: list[dict], queries: list[dict]) -> dict[str, list[str]]:
    tokenize = lambda texts: [list(matching.stems(t)) for t in texts]  # noqa: E731
    retriever = bm25s.BM25()
    retriever.index(tokenize([v["vclaim"] for v in vclaims]), show_progress=False)
    results, _ = retriever.retrieve(
        tokenize([q["text"] for q in queries]), k=matching.CANDIDATES, show_progress=False
    )
    return {
        q["query_id"]: [vclaims[i]["vclaim_id"] for i in row]
        for q, row in zip(queries, results.tolist(), strict=True)
    }


def quality(data: Path, work: Path, fit: bool) -> dict:
    vclaims = read_lines(data / "vclaims.jsonl")
    queries = read_lines(data / "dev_queries.jsonl")
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in (data / "dev_qrels.tsv").read_text().splitlines():
        query_id, _, vclaim_id, relevance = line.split("\t")
        if int(relevance) > 0:
            qrels[query_id].add(vclaim_id)
    queries = [q for q in queries if q["query_id"] in qrels]
    feed = work / "politifact.jsonl"
    write_feed(vclaims, feed)
    with Store(work / "quality.db") as store:
        start = time.perf_counter()
        summary = import_file(store, feed)
        load_seconds = time.perf_counter() - start
        url_to_vclaim = {claim_review(v)["url"]: v["vclaim_id"] for v in vclaims}
        key_of = {
            fid: url_to_vclaim[url]
            for fid, url in store.db.execute("SELECT id, url FROM factchecks").fetchall()
        }
        found = candidate_features(store, queries)
    baseline = bm25_runs(vclaims, queries)
    parts = {
        "tuning": [q for q in queries if not is_untouched(q["debate"])],
        "untouched": [q for q in queries if is_untouched(q["debate"])],
    }
    fitted = fit_weights(
        {q["query_id"]: found[q["query_id"]] for q in parts["tuning"]}, qrels, key_of
    )
    report: dict = {"factchecks": summary.added, "load_seconds": round(load_seconds, 2)}
    for part, members in parts.items():
        ids = [q["query_id"] for q in members]
        ours = {i: ranked_ids(found[i], matching.WEIGHTS, key_of) for i in ids}
        precision, shown, covered = precision_above(
            {i: found[i] for i in ids}, qrels, key_of, matching.DISPLAY_THRESHOLD
        )
        report[part] = {
            "queries": len(ids),
            "debates": len({q["debate"] for q in members}),
            "claimcheck": scores(ours, qrels),
            "bm25": scores({i: baseline[i] for i in ids}, qrels),
            "index_bm25_only": scores({i: [key_of[c.id] for c, _ in found[i]] for i in ids}, qrels),
            "candidate_recall": round(
                statistics.fmean(
                    len({key_of[c.id] for c, _ in found[i]} & qrels[i]) / len(qrels[i]) for i in ids
                ),
                4,
            ),
            "oracle": scores({i: oracle_ranking(found[i], qrels[i], key_of) for i in ids}, qrels),
            "shown_precision": precision,
            "shown_matches": shown,
            "queries_with_shown_match": covered,
        }
        report[part]["precision_by_threshold"] = {
            str(t): precision_above({i: found[i] for i in ids}, qrels, key_of, t)
            for t in (0.5, 0.6, 0.7, 0.8, 0.9)
        }
        if fit:
            fitted_runs = {i: ranked_ids(found[i], fitted, key_of) for i in ids}
            report[part]["fitted_on_tuning"] = scores(fitted_runs, qrels)
    if fit:
        report["fitted_weights"] = fitted
    return report


# ---- speed and scale ----------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def variations(vclaims: list[dict], count: int, seed: int = 13) -> list[dict]:
    """`count` fact-checks made from the real ones: another speaker, other figures, a word or
    two dropped, so the index holds as many distinct claims as a large archive would."""
    rng = random.Random(seed)
    speakers = [v["speaker"] for v in vclaims if v.get("speaker")]
    out = []
    for number in range(count):
        row = dict(vclaims[number % len(vclaims)])
        if number >= len(vclaims):
            words = row["vclaim"].split()
            if len(words) > 6:
                del words[rng.randrange(len(words))]
            text = " ".join(words)
            text = _NUMBER.sub(lambda m: str(rng.randint(2, 999)), text)
            row["vclaim"] = text
            row["speaker"] = rng.choice(speakers)
            row["url"] = f"/factchecks/2020/jan/{1 + number % 28}/generated/{number}/"
        out.append(row)
    return out


def load_in_fresh_process(feed: Path, db: Path) -> dict:
    """import_file in a new interpreter: its time, and its resident memory before and at its
    highest during the load (sampled every 50 ms)."""
    code = (
        "import json, sys, threading, time\n"
        "from pathlib import Path\n"
        "from claimcheck.memory.factchecks import import_file\n"
        "from claimcheck.store import Store\n"
        "def rss():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS:'):\n"
        "            return int(line.split()[1]) / 1024\n"
        "peak, done = [0.0], threading.Event()\n"
        "def watch():\n"
        "    while not done.wait(0.05):\n"
        "        peak[0] = max(peak[0], rss())\n"
        "with Store(Path(sys.argv[2])) as store:\n"
        "    base = rss()\n"
        "    threading.Thread(target=watch, daemon=True).start()\n"
        "    start, cpu = time.perf_counter(), time.process_time()\n"
        "    summary = import_file(store, Path(sys.argv[1]))\n"
        "    took, cpu = time.perf_counter() - start, time.process_time() - cpu\n"
        "    done.set()\n"
        "print(json.dumps({'added': summary.added, 'seconds': took, 'cpu': cpu,"
        " 'base_mb': base, 'peak_mb': max(peak[0], rss())}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(feed), str(db)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout)


def seed_probes() -> list[matching.Probe]:
    from claimcheck.extract.claims import extract_claims

    text = (REPO / "tests" / "fixtures" / "seed_article.txt").read_text(encoding="utf-8")
    return [
        matching.Probe(
            c.sentence,
            c.attribution.speaker if c.attribution else None,
            matching.figure_keys(c.sentence),
            "2024-09-14",
        )
        for c in extract_claims(text, "2024-09-14")
    ]


def scale(data: Path, work: Path, sizes: list[int]) -> dict:
    vclaims = read_lines(data / "vclaims.jsonl")
    probes = seed_probes()
    report = {"article_claims": len(probes)}
    for size in sizes:
        feed = work / f"scale-{size}.jsonl"
        write_feed(variations(vclaims, size), feed)
        db = work / f"scale-{size}.db"
        loaded = load_in_fresh_process(feed, db)
        with Store(db) as store:
            times, cpu = [], []
            for _ in range(7):
                start, used = time.perf_counter(), time.process_time()
                matching.find_matches(store, probes)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - used)
        report[str(size)] = {
            "load_seconds": round(loaded["seconds"], 2),
            "load_cpu_seconds": round(loaded["cpu"], 2),
            "load_rss_before_mb": round(loaded["base_mb"], 1),
            "load_rss_peak_mb": round(loaded["peak_mb"], 1),
            "load_growth_mb": round(loaded["peak_mb"] - loaded["base_mb"], 1),
            "match_article_ms": round(statistics.median(times) * 1000, 1),
            "match_article_cpu_ms": round(statistics.median(cpu) * 1000, 1),
            "match_claim_cpu_ms": round(statistics.median(cpu) * 1000 / len(probes), 2),
            "match_article_first_cpu_ms": round(cpu[0] * 1000, 1),
        }
        feed.unlink()
        for path in work.glob(f"scale-{size}.db*"):
            path.unlink()
    return report


def reach_cost(work: Path, claims: int = 100_000, runs: int = 15) -> dict:
    """A verdict with and without `reach` (the claims of other articles it is offered to)."""
    db = work / "reach.db"
    build(db, claims, search=True)
    with Store(db) as store:
        import_file(store, work / "politifact.jsonl")
        unreviewed = [i for i in range(2, claims, 3 * 7)][: 2 * runs]
        with_reach, without = [], []
        for number, claim_id in enumerate(unreviewed):
            start = time.perf_counter()
            if number % 2:
                with store.transaction():
                    store.set_verdict(claim_id, "refuted", reviewer="bench")
                without.append(time.perf_counter() - start)
            else:
                record_verdict(store, claim_id, "refuted", reviewer="bench")
                with_reach.append(time.perf_counter() - start)
        reached = store.db.execute(
            "SELECT count(*) FROM matches WHERE earlier_claim_id IS NOT NULL"
        ).fetchone()[0]
    for path in work.glob("reach.db*"):
        path.unlink()
    return {
        "claims": claims,
        "verdict_ms": round(statistics.median(without) * 1000, 1),
        "verdict_with_reach_ms": round(statistics.median(with_reach) * 1000, 1),
        "verdict_with_reach_max_ms": round(max(with_reach) * 1000, 1),
        "desk_matches_stored": reached,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit", action="store_true", help="print weights fitted on tuning")
    parser.add_argument("--million", action="store_true", help="also load and match 1M")
    parser.add_argument("--no-scale", action="store_true", help="no load/match at 10k-1M")
    parser.add_argument("--no-reach", action="store_true", help="no verdict-reach timing")
    args = parser.parse_args()
    data = data_dir() / "checkthat2021_2b"
    with tempfile.TemporaryDirectory(prefix="claim-memory-") as folder:
        work = Path(folder)
        report = quality(data, work, args.fit)
        for part in ("tuning", "untouched"):
            figures = report[part]
            print(
                f"{part:<10} {figures['queries']} queries: claimcheck {figures['claimcheck']}"
                f"  BM25 {figures['bm25']}  word index alone {figures['index_bm25_only']}"
                f"  shown precision {figures['shown_precision']} ({figures['shown_matches']}"
                f" matches, {figures['queries_with_shown_match']:.0%} of queries)"
                f"  candidate recall {figures['candidate_recall']}"
                f"  perfect re-ranking {figures['oracle']}"
            )
            if args.fit:
                print(f"{'':<10} fitted on tuning: {figures['fitted_on_tuning']}")
        if args.fit:
            print("fitted weights:", report["fitted_weights"])
        if not args.no_scale:
            sizes = [10_000, 100_000] + ([1_000_000] if args.million else [])
            report["scale"] = scale(data, work, sizes)
            for size in sizes:
                print(f"{size:>9,} fact-checks: {report['scale'][str(size)]}")
        if not args.no_reach:
            report["reach"] = reach_cost(work)
            print("a verdict at 100k claims, with and without reach:", report["reach"])
    print(json.dumps(report))


if __name__ == "__main__":
    main()
