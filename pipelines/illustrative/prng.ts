// A small seeded pseudo-random generator (mulberry32, public domain, Tommy Ettinger's design as
// widely copied): the illustrative files must come out byte-identical from the same seed on any
// machine, which Math.random cannot promise.
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Binomial draw: exact Bernoulli trials for small n, a rounded normal approximation above. */
  binomial(n: number, p: number): number;
  /** Poisson draw (Knuth's method; means here are small). */
  poisson(mean: number): number;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick: no items");
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
    binomial(n, p) {
      if (n <= 400) {
        let successes = 0;
        for (let i = 0; i < n; i++) if (next() < p) successes++;
        return successes;
      }
      // Box-Muller; a cosine of a uniform keeps the draw to two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.min(n, Math.max(0, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
    },
    poisson(mean) {
      const limit = Math.exp(-mean);
      let k = 0;
      let product = next();
      while (product > limit) {
        k++;
        product *= next();
      }
      return k;
    },
  };
  return random;
}
