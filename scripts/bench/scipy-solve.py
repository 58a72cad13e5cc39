"""The `solve` command's problem solved in-process with SciPy, for `npm run bench:solve` only.

Usage: python3 scripts/bench/scipy-solve.py problem.json
Prints one JSON line: {"matched": ..., "total": ..., "ms": ..., "matchingMs": ...}; ms is the solve
alone, after the JSON is read (building the sparse matrix and the matching, as an in-process caller
would pay); matchingMs is the min_weight_full_bipartite_matching call within it.

Same objective as src/domain/matching/assignment.ts: most matched mentees, then highest total
score, under mentor capacities. Each mentor becomes `capacity` identical columns; each mentee also
gets a private "unmatched" column. A real edge costs 2 - score (in [1, 2), never an explicit zero)
and the unmatched column costs BIG = 2 * mentees + 3, more than any set of real edges can differ
by, so a minimum-weight full matching of the rows is the lexicographic optimum.
"""

import json
import sys
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def solve(problem):
    mentees = {m["id"]: i for i, m in enumerate(problem["mentees"])}
    mentors = problem["mentors"]
    n = len(mentees)
    capacity = np.array([m["capacity"] for m in mentors], dtype=np.int64)
    mentor_index = {m["id"]: j for j, m in enumerate(mentors)}
    edges = problem["edges"]
    rows = np.fromiter((mentees[e[0]] for e in edges), dtype=np.int64, count=len(edges))
    cols = np.fromiter((mentor_index[e[1]] for e in edges), dtype=np.int64, count=len(edges))
    scores = np.fromiter((e[2] for e in edges), dtype=np.float64, count=len(edges))

    # Mentor j's copies are columns first[j] .. first[j] + capacity[j] - 1. A mentor never needs
    # more copies than its number of candidates, nor more than there are mentees.
    degree = np.bincount(cols, minlength=len(mentors))
    copies = np.minimum(capacity, np.minimum(degree, n))
    first = np.concatenate(([0], np.cumsum(copies)[:-1]))
    real_columns = int(copies.sum())

    per_edge = copies[cols]
    edge_rows = np.repeat(rows, per_edge)
    edge_scores = np.repeat(scores, per_edge)
    offsets = np.arange(per_edge.sum()) - np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    edge_cols = np.repeat(first[cols], per_edge) + offsets

    big = 2.0 * n + 3.0
    all_rows = np.concatenate((edge_rows, np.arange(n)))
    all_cols = np.concatenate((edge_cols, real_columns + np.arange(n)))
    all_costs = np.concatenate((2.0 - edge_scores, np.full(n, big)))
    graph = csr_matrix((all_costs, (all_rows, all_cols)), shape=(n, real_columns + n))

    start = time.perf_counter()
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    match_ms = (time.perf_counter() - start) * 1000
    matched_rows = row_ind[col_ind < real_columns]
    matched_cols = col_ind[col_ind < real_columns]
    # The score of each chosen (row, column) pair, read back from the matrix.
    chosen = np.asarray(graph[matched_rows, matched_cols]).ravel()
    return int(len(matched_rows)), float((2.0 - chosen).sum()), match_ms


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        problem = json.load(f)
    start = time.perf_counter()
    matched, total, match_ms = solve(problem)
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"matched": matched, "total": total, "ms": round(ms, 1), "matchingMs": round(match_ms, 1)}))


if __name__ == "__main__":
    main()
