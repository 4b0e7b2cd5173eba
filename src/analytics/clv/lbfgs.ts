// A small limited-memory BFGS minimiser (Nocedal & Wright, "Numerical Optimization", 2nd ed.,
// algorithms 7.4 and 7.5) with a line search satisfying the strong Wolfe conditions
// (algorithms 3.5 and 3.6). The model fits have three or four parameters, so clarity wins over
// the last bit of speed.

export interface ValueAndGradient {
  value: number;
  gradient: number[];
}

/** A smooth function to minimise. It may return a non-finite value where it is undefined. */
export type Objective = (x: readonly number[]) => ValueAndGradient;

export interface LbfgsOptions {
  /** Stop when every component of the gradient is at most this in absolute value. */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Number of correction pairs kept. */
  memory?: number;
}

export interface LbfgsResult {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  /** True when the gradient tolerance was met; false when iterations ran out or no step could lower the value. */
  converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH_EVALUATIONS = 60;

interface Point extends ValueAndGradient {
  x: number[];
  step: number;
  slope: number;
}

const dot = (u: readonly number[], v: readonly number[]) => u.reduce((sum, ui, i) => sum + ui * v[i]!, 0);
const maxAbs = (u: readonly number[]) => u.reduce((max, ui) => Math.max(max, Math.abs(ui)), 0);

export function minimizeLbfgs(objective: Objective, start: readonly number[], options: LbfgsOptions = {}): LbfgsResult {
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 500;
  const memory = options.memory ?? 8;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    return objective(x);
  };

  let x = [...start];
  let current = evaluate(x);
  if (!Number.isFinite(current.value) || !current.gradient.every(Number.isFinite)) {
    throw new RangeError('the objective is not finite at the starting point');
  }
  const corrections: { s: number[]; y: number[]; rho: number }[] = [];
  let iterations = 0;

  while (maxAbs(current.gradient) > gradientTolerance && iterations < maxIterations) {
    let direction = searchDirection(current.gradient, corrections);
    let slope = dot(direction, current.gradient);
    if (!(slope < 0)) {
      // The curvature pairs no longer describe the function: restart from steepest descent.
      corrections.length = 0;
      direction = current.gradient.map((g) => -g);
      slope = dot(direction, current.gradient);
    }
    // Without curvature information yet, a first step of unit length in x is a safe guess.
    const initialStep = corrections.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(direction, direction))) : 1;
    const next = lineSearch(evaluate, x, current, direction, slope, initialStep);
    if (!next) break;
    const s = next.x.map((xi, i) => xi - x[i]!);
    const y = next.gradient.map((gi, i) => gi - current.gradient[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      corrections.push({ s, y, rho: 1 / sy });
      if (corrections.length > memory) corrections.shift();
    }
    x = next.x;
    current = { value: next.value, gradient: next.gradient };
    iterations++;
  }

  return {
    x, value: current.value, gradient: current.gradient, iterations, evaluations,
    converged: maxAbs(current.gradient) <= gradientTolerance,
  };
}

/** The two-loop recursion: −H∇f with H the limited-memory inverse Hessian approximation. */
function searchDirection(gradient: readonly number[], corrections: readonly { s: number[]; y: number[]; rho: number }[]): number[] {
  const q = [...gradient];
  const alphas: number[] = [];
  for (let i = corrections.length - 1; i >= 0; i--) {
    const { s, y, rho } = corrections[i]!;
    const alpha = rho * dot(s, q);
    alphas[i] = alpha;
    for (let j = 0; j < q.length; j++) q[j]! -= alpha * y[j]!;
  }
  const last = corrections[corrections.length - 1];
  const scale = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1;
  const r = q.map((qi) => qi * scale);
  for (let i = 0; i < corrections.length; i++) {
    const { s, y, rho } = corrections[i]!;
    const beta = rho * dot(y, r);
    for (let j = 0; j < r.length; j++) r[j]! += s[j]! * (alphas[i]! - beta);
  }
  return r.map((ri) => -ri);
}

/**
 * A step along `direction` meeting the strong Wolfe conditions, or the best step meeting the
 * sufficient-decrease condition when the budget runs out; undefined when no step lowers the value.
 * Points where the objective is not finite are treated as too far, so the search backs off.
 */
function lineSearch(
  evaluate: (x: number[]) => ValueAndGradient,
  origin: readonly number[],
  start: ValueAndGradient,
  direction: readonly number[],
  slope0: number,
  initialStep: number,
): Point | undefined {
  let budget = MAX_LINE_SEARCH_EVALUATIONS;
  const at = (step: number): Point => {
    budget--;
    const x = origin.map((xi, i) => xi + step * direction[i]!);
    const { value, gradient } = evaluate(x);
    const finite = Number.isFinite(value) && gradient.every(Number.isFinite);
    return { x, step, value: finite ? value : Infinity, gradient, slope: finite ? dot(gradient, direction) : NaN };
  };
  const sufficient = (p: Point) => p.value <= start.value + C1 * p.step * slope0;
  const curvature = (p: Point) => Math.abs(p.slope) <= -C2 * slope0;

  const zoom = (lo: Point, hi: Point): Point | undefined => {
    while (budget > 0) {
      const step = interpolate(lo, hi);
      if (step === lo.step || step === hi.step) break;
      const p = at(step);
      if (!sufficient(p) || p.value >= lo.value) {
        hi = p;
      } else {
        if (curvature(p)) return p;
        if (p.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = p;
      }
    }
    return lo.step > 0 ? lo : undefined;
  };

  let previous: Point = { x: [...origin], step: 0, value: start.value, gradient: start.gradient, slope: slope0 };
  let step = initialStep;
  while (budget > 0) {
    const p = at(step);
    if (!sufficient(p) || (previous.step > 0 && p.value >= previous.value)) return zoom(previous, p);
    if (curvature(p)) return p;
    if (p.slope >= 0) return zoom(p, previous);
    previous = p;
    step *= 2;
  }
  return previous.step > 0 ? previous : undefined;
}

/** A trial step between lo and hi: the minimiser of the interpolating cubic, kept away from the ends. */
function interpolate(lo: Point, hi: Point): number {
  const left = Math.min(lo.step, hi.step);
  const width = Math.abs(hi.step - lo.step);
  const bisection = (lo.step + hi.step) / 2;
  if (!Number.isFinite(hi.value) || !Number.isFinite(hi.slope)) return bisection;
  const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.step - hi.step);
  const radicand = d1 * d1 - lo.slope * hi.slope;
  if (!(radicand >= 0)) return bisection;
  const d2 = Math.sign(hi.step - lo.step) * Math.sqrt(radicand);
  const step = hi.step - (hi.step - lo.step) * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
  const margin = 0.1 * width;
  if (!Number.isFinite(step) || step < left + margin || step > left + width - margin) return bisection;
  return step;
}
