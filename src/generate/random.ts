/** A uniform draw in [0, 1). */
export type Random = () => number;

/**
 * The mulberry32 generator: 32 bits of state, fast, and good enough for synthetic data.
 *
 * @example
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636, every time
 */
export function mulberry32(seed: number): Random {
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
 * A generator for one row, seeded from the district seed, the kind of row and its index, so any
 * row can be rebuilt alone and in any order (no shared sequence to replay).
 *
 * @example
 * const student = rowRandom(7, Stream.student, 123);
 * const again = rowRandom(7, Stream.student, 123); // draws the same numbers as `student`
 */
export function rowRandom(seed: number, stream: Stream, index: number): RowRandom {
  return new RowRandom(mulberry32(mix(mix(seed, stream), index)));
}

/** Independent sequences, one per kind of row. */
export const Stream = { student: 1, teacher: 2, guardian: 3, result: 4 } as const;
export type Stream = (typeof Stream)[keyof typeof Stream];

export class RowRandom {
  constructor(readonly next: Random) {}

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `weights[i]` is the relative chance of `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const weight of weights) total += weight;
    let draw = this.next() * total;
    for (let i = 0; i < items.length; i += 1) {
      draw -= weights[i] ?? 0;
      if (draw < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}

// murmur3's finalizer: spreads neighbouring indexes to unrelated seeds.
function mix(hash: number, value: number): number {
  let h = Math.imul(hash ^ value, 0x9e3779b1) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
