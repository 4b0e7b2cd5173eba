import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type Objective } from './lbfgs.js';

/** The extended Rosenbrock function: a curved narrow valley with its minimum 0 at (1, …, 1). */
const rosenbrock: Objective = (x) => {
  let value = 0;
  const gradient = new Array<number>(x.length).fill(0);
  for (let i = 0; i + 1 < x.length; i += 2) {
    const a = x[i]!;
    const b = x[i + 1]!;
    value += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
    gradient[i] = -400 * a * (b - a * a) - 2 * (1 - a);
    gradient[i + 1] = 200 * (b - a * a);
  }
  return { value, gradient };
};

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function from the classic start', () => {
    const result = minimizeLbfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
    expect(result.value).toBeLessThan(1e-16);
    expect(result.iterations).toBeLessThan(100);
  });

  it('finds the minimum of a 20-dimensional Rosenbrock function', () => {
    const start = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const result = minimizeLbfgs(rosenbrock, start, { gradientTolerance: 1e-8 });
    expect(result.converged).toBe(true);
    for (const xi of result.x) expect(xi).toBeCloseTo(1, 6);
  });

  it('backs off from points where the objective is undefined', () => {
    // −Σ ln(x_i) + Σ x_i has its minimum at x = 1 and is undefined for x ≤ 0; a full step from
    // the start overshoots into that region.
    let undefinedPoints = 0;
    const barrier: Objective = (x) => {
      const value = x.reduce((sum, xi) => sum + (xi > 0 ? xi - Math.log(xi) : NaN), 0);
      if (Number.isNaN(value)) undefinedPoints++;
      return { value, gradient: x.map((xi) => 1 - 1 / xi) };
    };
    const result = minimizeLbfgs(barrier, [30, 0.01]);
    expect(undefinedPoints).toBeGreaterThan(0);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(1, 7);
  });

  it('reports that it did not converge when the iterations run out', () => {
    const result = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
  });

  it('refuses a start where the objective is not finite', () => {
    expect(() => minimizeLbfgs(() => ({ value: NaN, gradient: [0] }), [0])).toThrow(/starting point/);
  });
});
