import seedrandom from 'seedrandom';

/** A seeded random source, so sampled metrics and Louvain give the same answer on every run. */
export function seededRandom(seed: number): () => number {
  return seedrandom(String(seed));
}
