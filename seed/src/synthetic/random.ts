/**
 * A small seeded random source, so a tier and a seed always give the same graph: Math.random
 * cannot be seeded, and a library would be more than these few distributions need.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Pareto with scale `minimum` and shape `alpha`: heavy-tailed, P(X > x) = (minimum / x)^alpha. */
  pareto(minimum: number, alpha: number): number;
  shuffle<T>(items: T[]): T[];
};

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128 bits of state, passes PractRand. */
export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of a fresh state still echo the seed; discard them.
  for (let i = 0; i < 16; i++) nextUint32();

  const next = () => nextUint32() / 4_294_967_296;
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pareto: (minimum, alpha) => minimum * (1 - next()) ** (-1 / alpha),
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
  };
}

/**
 * Draws indices in proportion to fixed weights in O(log n) per draw (cumulative sums and a
 * binary search); `size` 0 means every weight was zero.
 */
export class WeightedIndex {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = total;
    }
    this.total = total;
  }

  get size(): number {
    return this.total > 0 ? this.cumulative.length : 0;
  }

  draw(random: Random): number {
    if (this.total <= 0) throw new Error('draw from weights that are all zero');
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/**
 * Splits `total` into whole counts proportional to `shares` (largest remainder), so small
 * tiers get the intended proportions exactly instead of by luck.
 */
export function apportion<K extends string>(
  total: number,
  shares: Readonly<Record<K, number>>,
): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((acc, key) => acc + shares[key], 0);
  const parts = keys.map((key) => {
    const exact = (total * shares[key]) / sum;
    return { key, count: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total - parts.reduce((acc, part) => acc + part.count, 0);
  for (const part of [...parts].sort((a, b) => b.remainder - a.remainder)) {
    if (left <= 0) break;
    part.count += 1;
    left -= 1;
  }
  return Object.fromEntries(parts.map((part) => [part.key, part.count])) as Record<K, number>;
}
