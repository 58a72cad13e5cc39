/**
 * A small, fast, seedable pseudo-random generator (mulberry32): the same seed gives the same
 * sequence, so generated data and injected faults repeat from run to run.
 *
 * @returns a function giving numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit hash of a text (FNV-1a by default), to seed generators or name things stably. Another
 * basis and prime give an independent hash of the same text.
 */
export function hashText(text: string, basis = 0x811c9dc5, prime = 16777619): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return h >>> 0;
}
