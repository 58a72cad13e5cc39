import type { Assignment, AssignmentProblem } from './assignment';

/**
 * A deliberately simple exact solver, independent of {@link solveAssignment}, to check it
 * against: min-cost flow by repeated Bellman–Ford shortest paths with negative costs
 * −(K + score), K = mentees + 1, augmenting while a path still lowers the cost. Slow (cubic and
 * worse); for small instances in tests and benchmarks only.
 */
export function referenceAssignment(problem: AssignmentProblem): Assignment {
  const n = problem.mentees.length;
  const m = problem.mentors.length;
  const K = n + 1;
  // Nodes: source 0, mentees 1..n, mentors n+1..n+m, sink n+m+1.
  const source = 0;
  const sink = n + m + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adjacency: number[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (u: number, v: number, c: number, w: number) => {
    adjacency[u]!.push(to.length);
    to.push(v);
    cap.push(c);
    cost.push(w);
    adjacency[v]!.push(to.length);
    to.push(u);
    cap.push(0);
    cost.push(-w);
  };
  const mentee = new Map(problem.mentees.map((e, i) => [e.id, 1 + i]));
  const mentor = new Map(problem.mentors.map((e, j) => [e.id, 1 + n + j]));
  problem.mentees.forEach((_, i) => add(source, 1 + i, 1, 0));
  problem.mentors.forEach((e, j) => add(1 + n + j, sink, e.capacity, 0));
  const pairEdges: { edge: number; mentee: string; mentor: string; score: number }[] = [];
  for (const [e, j, score] of problem.edges) {
    pairEdges.push({ edge: to.length, mentee: e, mentor: j, score });
    add(mentee.get(e)!, mentor.get(j)!, 1, -(K + score));
  }
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue;
        for (const e of adjacency[u]!) {
          if (cap[e]! > 0 && dist[u]! + cost[e]! < dist[to[e]!]! - 1e-12) {
            dist[to[e]!] = dist[u]! + cost[e]!;
            via[to[e]!] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity || dist[sink]! >= 0) break;
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]!--;
      cap[via[v]! ^ 1]!++;
    }
  }
  const chosen = new Map(pairEdges.filter((p) => cap[p.edge] === 0).map((p) => [p.mentee, p]));
  const pairs = problem.mentees.flatMap((e) => (chosen.has(e.id) ? [[e.id, chosen.get(e.id)!.mentor] as const] : []));
  const total = [...chosen.values()].reduce((sum, p) => sum + p.score, 0);
  return { pairs, matched: pairs.length, total };
}
