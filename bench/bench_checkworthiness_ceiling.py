"""How far bag-of-words models get on ClaimBuster CFS: the shipped model against scikit-learn.

    python -m bench.bench_checkworthiness_ceiling

Every scorer is trained on ClaimBuster train.csv and given the threshold that is best *on dev
itself*, so each F1 here is an upper bound for its family, not a fair score (the fair one, with
the shipped threshold, is in bench_checkworthiness). Scorers: the shipped model; scikit-learn's
logistic regression and linear SVM on the very same features; TF-IDF word 1-3-grams; TF-IDF
character 2-5-grams; the mean of the feature and character models. If none of them nears 0.70,
the aim needs knowledge from outside the training sentences (pretrained representations), not
a better linear fit.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from bench import data_dir
from claimcheck.extract.checkworthiness import Signals, features, probability, shipped_model


def read(name: str) -> tuple[list[str], np.ndarray]:
    with (data_dir() / "claimbuster" / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row["Text"] for row in rows], np.array([row["Verdict"] == "1" for row in rows])


def best_f1(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The best F1 of the positive class over thresholds in steps of 0.01, and that threshold."""
    best = (0.0, 0.0)
    positives = labels.sum()
    for threshold in np.arange(0.05, 0.95, 0.01):
        chosen = scores >= threshold
        hits = (chosen & labels).sum()
        if hits:
            precision, recall = hits / chosen.sum(), hits / positives
            best = max(best, (2 * precision * recall / (precision + recall), threshold))
    return best


def int32(matrix: csr_matrix) -> csr_matrix:
    """liblinear refuses 64-bit sparse indices."""
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def main() -> None:
    train_text, train_y = read("train.csv")
    dev_text, dev_y = read("dev.csv")
    train_found = [features(text, Signals()) for text in train_text]
    dev_found = [features(text, Signals()) for text in dev_text]
    vectoriser = DictVectorizer()
    train_x = int32(vectoriser.fit_transform(train_found))
    dev_x = int32(vectoriser.transform(dev_found))
    words = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    train_w, dev_w = words.fit_transform(train_text), words.transform(dev_text)
    train_c, dev_c = chars.fit_transform(train_text), chars.transform(dev_text)

    def logistic(c: float, train: csr_matrix, dev: csr_matrix) -> np.ndarray:
        return LogisticRegression(C=c, max_iter=3000).fit(train, train_y).predict_proba(dev)[:, 1]

    def svm() -> np.ndarray:
        margin = LinearSVC(C=0.1).fit(train_x, train_y).decision_function(dev_x)
        return 1 / (1 + np.exp(-2 * margin))

    model = shipped_model()
    feature_lr = logistic(1.0, train_x, dev_x)
    shipped = np.array([probability(model, found) for found in dev_found])
    scorers: Sequence[tuple[str, Callable[[], np.ndarray]]] = [
        ("shipped model (AdaGrad LR)", lambda: shipped),
        ("same features, sklearn LR", lambda: feature_lr),
        ("same features, linear SVM", svm),
        ("TF-IDF words 1-3, LR", lambda: logistic(3.0, train_w, dev_w)),
        ("TF-IDF chars 2-5, LR", lambda: logistic(1.0, train_c, dev_c)),
        ("mean of features + chars", lambda: (feature_lr + logistic(1.0, train_c, dev_c)) / 2),
    ]
    print(f"ClaimBuster CFS: train {len(train_text)}, dev {len(dev_text)} sentences")
    print("scorer                          best dev F1  at threshold  (upper bounds)")
    best: dict[str, float] = {}
    for name, scorer in scorers:
        f1, threshold = best_f1(scorer(), dev_y)
        best[name] = round(f1, 3)
        print(f"  {name:30s} {f1:10.3f}  {threshold:12.2f}")
    print(json.dumps({"bench": "checkworthiness_ceiling", "cfs_dev_best_f1": best}))


if __name__ == "__main__":
    main()
