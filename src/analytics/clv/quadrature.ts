// Gauss–Legendre quadrature: n nodes integrate polynomials of degree 2n − 1 exactly, and smooth
// functions to near machine precision.

export interface Rule {
  /** Nodes in (−1, 1) and their weights. */
  nodes: Float64Array;
  weights: Float64Array;
}

const rules = new Map<number, Rule>();

/** The n-point rule on [−1, 1], by Newton's method on the Legendre polynomial P_n. */
export function gaussLegendre(n: number): Rule {
  let rule = rules.get(n);
  if (rule) return rule;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    // Tricomi's approximation of the i-th root, then Newton steps.
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let step = 0; step < 100; step++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  rule = { nodes, weights };
  rules.set(n, rule);
  return rule;
}

/** ∫ f over [lo, hi] with the n-point rule. */
export function integrate(f: (x: number) => number, lo: number, hi: number, n = 64): number {
  const { nodes, weights } = gaussLegendre(n);
  const half = (hi - lo) / 2;
  const middle = (hi + lo) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]! * f(middle + half * nodes[i]!);
  return sum * half;
}
