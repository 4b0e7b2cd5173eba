// A seeded random source for simulations: the same seed gives the same draws on every machine.
// xoshiro128** (Blackman & Vigna) seeded through splitmix32, with doubles made from two outputs
// so uniforms carry 53 random bits.

export interface Random {
  /** Uniform on (0, 1): never exactly 0 or 1, so logarithms and powers of it are safe. */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Exponential with the given rate. */
  exponential(rate: number): number;
  /** Gamma with the given shape and rate (mean shape / rate). */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
}

export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next32 = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d >>> 0, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };

  const uniform = () => {
    // 53 bits: 27 from one output and 26 from the next, shifted half a step off zero.
    const high = next32() >>> 5;
    const low = next32() >>> 6;
    return (high * 67108864 + low + 0.5) / 9007199254740992;
  };

  const normal = () => {
    // Marsaglia's polar method; the second value of each pair is dropped for simplicity.
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s2 = u * u + v * v;
      if (s2 > 0 && s2 < 1) return u * Math.sqrt((-2 * Math.log(s2)) / s2);
    }
  };

  const standardGamma = (shape: number): number => {
    if (shape < 1) {
      // Boost a shape below one and scale back: Γ(k) = Γ(k + 1) · U^(1/k).
      return standardGamma(shape + 1) * Math.exp(Math.log(uniform()) / shape);
    }
    // Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      if (Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };

  return {
    uniform,
    normal,
    exponential: (rate) => -Math.log(uniform()) / rate,
    gamma: (shape, rate) => standardGamma(shape) / rate,
    beta: (alpha, beta) => {
      const x = standardGamma(alpha);
      return x / (x + standardGamma(beta));
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
