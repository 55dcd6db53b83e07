"""Evidence ranking on WiCE: does our ranker put the gold supporting sentences first?

WiCE dev (CLAIMCHECK_DATA/wice/dev.jsonl): a Wikipedia claim, the sentences of the page it cites,
and the sets of sentences that together support it. A claim counts as a hit at k when one gold set
lies wholly within the top k; its rank is the smallest k at which that happens (MRR = mean 1/rank).
Baseline in the same run: plain BM25 (bm25s, its default tokenizer) over the same sentences.

    python -m bench.bench_evidence
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

import bm25s

from bench import data_dir
from claimcheck.evidence import Passage, rank_passages

Ranker = Callable[[str, list[str]], list[int]]


def plain_bm25(claim: str, sentences: list[str]) -> list[int]:
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(sentences, show_progress=False), show_progress=False)
    query = bm25s.tokenize([claim], show_progress=False, return_ids=False)[0]
    scores = retriever.get_scores(query) if query else [0.0] * len(sentences)
    return sorted(range(len(sentences)), key=lambda i: (-float(scores[i]), i))


def ours(claim: str, sentences: list[str]) -> list[int]:
    passages = [Passage(text, i, i + 1) for i, text in enumerate(sentences)]
    ranked = [r.passage.start for r in rank_passages(claim, passages, limit=None)]
    seen = set(ranked)
    return ranked + [i for i in range(len(sentences)) if i not in seen]


def gold_rank(order: list[int], gold_sets: list[list[int]]) -> int:
    """The smallest k whose top k holds a whole gold set."""
    position = {index: rank for rank, index in enumerate(order, 1)}
    return min(max(position[i] for i in gold) for gold in gold_sets)


def evaluate(rows: list[dict], ranker: Ranker) -> dict[str, float]:
    ranks, times = [], []
    for row in rows:
        started = time.perf_counter()
        order = ranker(row["claim"], row["evidence"])
        times.append(time.perf_counter() - started)
        ranks.append(gold_rank(order, row["supporting_sentences"]))
    return {
        "R@1": sum(r <= 1 for r in ranks) / len(ranks),
        "R@3": sum(r <= 3 for r in ranks) / len(ranks),
        "MRR": statistics.fmean(1 / r for r in ranks),
        "ms/claim (median)": statistics.median(times) * 1000,
    }


def main() -> None:
    path = data_dir() / "wice" / "dev.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set CLAIMCHECK_DATA)")
        return
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        row["supporting_sentences"] = [s for s in row["supporting_sentences"] if s]
    rows = [r for r in rows if r["supporting_sentences"] and r["evidence"]]
    sentences = statistics.fmean(len(r["evidence"]) for r in rows)
    print(f"WiCE dev: {len(rows)} claims, {sentences:.0f} candidate sentences each on average")
    baseline = evaluate(rows, plain_bm25)
    result = evaluate(rows, ours)
    print(f"{'':<20}{'plain BM25':>12}{'claimcheck':>12}{'ratio':>8}")
    for key in baseline:
        ratio = result[key] / baseline[key] if baseline[key] else float("nan")
        print(f"{key:<20}{baseline[key]:>12.3f}{result[key]:>12.3f}{ratio:>8.2f}")
    ahead = all(result[k] > baseline[k] for k in ("R@1", "R@3", "MRR"))
    print("ahead of plain BM25 on every figure" if ahead else "NOT ahead on every figure")
    figures = {
        key: {"bm25": round(baseline[key], 3), "claimcheck": round(result[key], 3)}
        for key in baseline
    }
    print(json.dumps({"bench": "evidence", "wice_dev": figures, "ahead_of_bm25": ahead}))


if __name__ == "__main__":
    main()
    sys.exit(0)
