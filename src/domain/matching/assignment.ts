/**
 * Programme-wide assignment: each mentee gets at most one mentor, each mentor at most their
 * capacity; maximise first the number of matched mentees, then the total score. Exact on the
 * candidate graph and deterministic for the same input.
 *
 * Method: successive shortest augmenting paths (the Hungarian method for sparse graphs), one
 * mentee at a time, Dijkstra on reduced costs with node potentials and early exit at the first
 * mentor with room. A matched edge costs 1 − score (in [0, 1)); each mentee also has a private
 * "unmatched" option costing M = mentees + 1, more than any change in total score can be worth,
 * so leaving one more mentee unmatched never pays: the minimum-cost assignment is the
 * lexicographic optimum (most matches, then highest total score).
 */

/**
 * The input: who needs a mentor, how many mentees each mentor can take, and the allowed pairs with
 * their scores.
 */
export interface AssignmentProblem {
  readonly mentees: readonly { readonly id: string }[];
  readonly mentors: readonly { readonly id: string; readonly capacity: number }[];
  /** Allowed pairs as [menteeId, mentorId, score], score in (0, 1]. */
  readonly edges: readonly (readonly [string, string, number])[];
}

/** The solution: the pairs chosen, how many mentees got a mentor, and the sum of the chosen pairs' scores. */
export interface Assignment {
  /** [menteeId, mentorId], in the order of the mentees in the problem. */
  readonly pairs: readonly (readonly [string, string])[];
  readonly matched: number;
  readonly total: number;
}

/**
 * What is wrong with a problem, in one line, or undefined when it can be solved: unknown or
 * duplicate ids, a score outside (0, 1], a capacity below 1, a repeated pair.
 */
export function problemError(problem: AssignmentProblem): string | undefined {
  const indices = checkedEdgeIndices(problem);
  return typeof indices === 'string' ? indices : undefined;
}

/**
 * {@link problemError} then {@link solveAssignment}, looking each edge's ids up once: the one-line
 * reason the problem cannot be solved, or its assignment (the same as solveAssignment's).
 */
export function solveCheckedAssignment(problem: AssignmentProblem): Assignment | string {
  const indices = checkedEdgeIndices(problem);
  return typeof indices === 'string' ? indices : solveIndexed(problem, indices);
}

/** Each edge's mentee and mentor as positions in the problem's lists. */
interface EdgeIndices {
  readonly rows: Int32Array;
  readonly columns: Int32Array;
}

/** The edges' indices, or what is wrong with the problem (see {@link problemError}). */
function checkedEdgeIndices(problem: AssignmentProblem): EdgeIndices | string {
  const mentees = new Map<string, number>();
  for (const { id } of problem.mentees) {
    if (mentees.has(id)) return `duplicate mentee id ${quoteId(id)}`;
    mentees.set(id, mentees.size);
  }
  const mentors = new Map<string, number>();
  for (const { id, capacity } of problem.mentors) {
    if (mentors.has(id)) return `duplicate mentor id ${quoteId(id)}`;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
      return `mentor ${quoteId(id)} has capacity ${capacity}; it must be a whole number from 1 to ${MAX_CAPACITY}`;
    }
    mentors.set(id, mentors.size);
  }
  // Each edge in order: known ids, then its score. The first edge that fails is reported, unless
  // an earlier one repeats a pair: ids are quoted only for a message, as this runs once per edge.
  const { edges } = problem;
  const rows = new Int32Array(edges.length);
  const columns = new Int32Array(edges.length);
  const pair = (k: number) => `[${quoteId(edges[k]![0])}, ${quoteId(edges[k]![1])}]`;
  let failure: string | undefined;
  let checked = edges.length;
  for (let k = 0; k < edges.length; k++) {
    const edge = edges[k]!;
    const row = mentees.get(edge[0]);
    const column = mentors.get(edge[1]);
    const score = edge[2];
    if (row !== undefined && column !== undefined && typeof score === 'number' && score > 0 && score <= 1) {
      rows[k] = row;
      columns[k] = column;
      continue;
    }
    if (row === undefined) failure = `edge names unknown mentee ${quoteId(edge[0])}`;
    else if (column === undefined) failure = `edge names unknown mentor ${quoteId(edge[1])}`;
    else failure = `edge ${pair(k)} has score ${score}; it must be in (0, 1]`;
    checked = k;
    break;
  }
  const duplicate = firstRepeat(rows, columns, checked, mentees.size, mentors.size);
  if (duplicate !== -1) return `duplicate edge ${pair(duplicate)}`;
  return failure ?? { rows, columns };
}

/**
 * The first of the first `count` (row, column) pairs that repeats an earlier one, or -1: the
 * pairs grouped by row, keeping their order, then each row's columns marked as they come.
 */
function firstRepeat(rows: Int32Array, columns: Int32Array, count: number, rowCount: number, columnCount: number): number {
  const start = new Int32Array(rowCount + 1);
  for (let k = 0; k < count; k++) start[rows[k]! + 1]!++;
  for (let r = 0; r < rowCount; r++) start[r + 1]! += start[r]!;
  const byRow = new Int32Array(count);
  const fill = start.slice(0, rowCount);
  for (let k = 0; k < count; k++) byRow[fill[rows[k]!]!++] = k;
  const markedBy = new Int32Array(columnCount).fill(-1);
  let first = -1;
  for (let r = 0; r < rowCount; r++) {
    for (let i = start[r]!; i < start[r + 1]!; i++) {
      const k = byRow[i]!;
      if (markedBy[columns[k]!] === r) {
        if (first === -1 || k < first) first = k;
        break;
      }
      markedBy[columns[k]!] = r;
    }
  }
  return first;
}

/** The largest capacity the solver holds (its capacities are 32-bit integers). */
export const MAX_CAPACITY = 2 ** 31 - 1;

/**
 * An id as it may appear in a one-line message: in double quotes, with every control, line- or
 * direction-changing character escaped, so a hostile id cannot break the line or drive a terminal.
 */
export function quoteId(id: string): string {
  return JSON.stringify(id).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A binary min-heap of node ids keyed by a distance array (lazy deletion by the caller). */
class Heap {
  private nodes = new Int32Array(64);
  private keys = new Float64Array(64);
  size = 0;

  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  /** Removes the minimum; returns its node (read its key first with topKey). */
  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  clear() {
    this.size = 0;
  }
}

/**
 * Solves the assignment. The problem must be valid ({@link problemError}); edges are used in
 * the given order, which with the mentee order makes ties break deterministically.
 */
export function solveAssignment(problem: AssignmentProblem): Assignment {
  const menteeIndex = new Map(problem.mentees.map((e, i) => [e.id, i]));
  const mentorIndex = new Map(problem.mentors.map((e, i) => [e.id, i]));
  const rows = Int32Array.from(problem.edges, ([e]) => menteeIndex.get(e)!);
  const columns = Int32Array.from(problem.edges, ([, j]) => mentorIndex.get(j)!);
  return solveIndexed(problem, { rows, columns });
}

/** {@link solveAssignment} given each edge's indices. */
function solveIndexed(problem: AssignmentProblem, indices: EdgeIndices): Assignment {
  const n = problem.mentees.length;
  const m = problem.mentors.length;
  const { edges } = problem;

  // Columns: mentors 0..m-1, then one private "unmatched" column per mentee (m + r).
  const columns = m + n;
  const capacity = new Int32Array(columns).fill(1);
  problem.mentors.forEach((mentor, j) => (capacity[j] = mentor.capacity));
  const unmatchedCost = n + 1;

  // Edges of each mentee as compressed rows, in the given order, the private column last.
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < edges.length; i++) degree[indices.rows[i]! + 1]!++;
  for (let r = 0; r < n; r++) degree[r + 1]! += degree[r]! + 1;
  const edgeColumn = new Int32Array(degree[n]!);
  const edgeCost = new Float64Array(degree[n]!);
  const edgeScore = new Float64Array(degree[n]!);
  const fill = degree.slice(0, n);
  for (let i = 0; i < edges.length; i++) {
    const k = fill[indices.rows[i]!]!++;
    const score = edges[i]![2];
    edgeColumn[k] = indices.columns[i]!;
    edgeCost[k] = 1 - score;
    edgeScore[k] = score;
  }
  for (let r = 0; r < n; r++) {
    const k = fill[r]!;
    edgeColumn[k] = m + r;
    edgeCost[k] = unmatchedCost;
  }

  // Assignment state: the column and edge each mentee uses; the mentees each column holds.
  const assignedColumn = new Int32Array(n).fill(-1);
  const assignedCost = new Float64Array(n);
  const assignedEdge = new Int32Array(n).fill(-1);
  const holders: number[][] = Array.from({ length: columns }, () => []);

  // Nodes for Dijkstra: rows 0..n-1, columns n..n+columns-1.
  const nodes = n + columns;
  const potential = new Float64Array(nodes);
  const distance = new Float64Array(nodes);
  const seenIn = new Int32Array(nodes).fill(-1); // the search in which distance[v] was set
  const settledIn = new Int32Array(nodes).fill(-1);
  const parent = new Int32Array(nodes);
  const parentCost = new Float64Array(nodes);
  const parentEdge = new Int32Array(nodes);
  const settled: number[] = [];
  const heap = new Heap();

  let start = 0;
  /** Offers `to` a path through `from` over an edge of this cost (reduced by the potentials). */
  const relax = (to: number, from: number, cost: number, edge: number, d: number) => {
    if (settledIn[to] === start) return;
    // Clamp rounding noise so Dijkstra's order holds.
    const candidate = d + Math.max(0, cost + potential[from]! - potential[to]!);
    if (seenIn[to] === start && candidate >= distance[to]!) return;
    seenIn[to] = start;
    distance[to] = candidate;
    parent[to] = from;
    parentCost[to] = cost;
    parentEdge[to] = edge;
    heap.push(to, candidate);
  };

  for (start = 0; start < n; start++) {
    // Give the new mentee a potential that makes all its edges' reduced costs non-negative.
    let p = 0;
    for (let k = degree[start]!; k < degree[start + 1]!; k++) p = Math.max(p, potential[n + edgeColumn[k]!]! - edgeCost[k]!);
    potential[start] = p;

    heap.clear();
    settled.length = 0;
    distance[start] = 0;
    seenIn[start] = start;
    heap.push(start, 0);
    let target = -1;
    let targetDistance = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (settledIn[v] === start || d > distance[v]!) continue;
      settledIn[v] = start;
      settled.push(v);
      if (v < n) {
        // A mentee: to every column it does not use.
        for (let k = degree[v]!; k < degree[v + 1]!; k++) {
          const column = edgeColumn[k]!;
          if (column === assignedColumn[v]) continue;
          relax(n + column, v, edgeCost[k]!, k, d);
        }
      } else {
        const column = v - n;
        if (holders[column]!.length < capacity[column]!) {
          target = v;
          targetDistance = d;
          break;
        }
        // A full column: back along each of its assignments to the mentee who holds it.
        for (const holder of holders[column]!) relax(holder, v, -assignedCost[holder]!, -1, d);
      }
    }
    if (target === -1) throw new Error('No augmenting path: the private unmatched column makes this impossible');

    // Potentials: settled nodes move by their distance less the target's, keeping costs non-negative.
    for (const v of settled) potential[v]! += distance[v]! - targetDistance;

    // Flip the path: each mentee on it moves to the column after it.
    let column = target - n;
    for (;;) {
      const row = parent[column + n]!;
      const cost = parentCost[column + n]!;
      const previous = assignedColumn[row]!;
      if (previous !== -1) {
        const list = holders[previous]!;
        list.splice(list.indexOf(row), 1);
      }
      assignedColumn[row] = column;
      assignedCost[row] = cost;
      assignedEdge[row] = parentEdge[column + n]!;
      holders[column]!.push(row);
      if (row === start) break;
      column = previous;
    }
  }

  const pairs: [string, string][] = [];
  let total = 0;
  for (let r = 0; r < n; r++) {
    const column = assignedColumn[r]!;
    if (column < m) {
      pairs.push([problem.mentees[r]!.id, problem.mentors[column]!.id]);
      total += edgeScore[assignedEdge[r]!]!;
    }
  }
  return { pairs, matched: pairs.length, total };
}
