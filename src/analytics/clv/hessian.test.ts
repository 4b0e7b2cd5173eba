import { describe, expect, it } from 'vitest';
import { invertPositiveDefinite, numericalHessian } from './hessian.js';

const multiply = (a: number[][], b: number[][]) => a.map((row) => b[0]!.map((_, j) => row.reduce((sum, v, k) => sum + v * b[k]![j]!, 0)));

describe('numericalHessian', () => {
  it('recovers the matrix of a quadratic form from its gradient', () => {
    const A = [[4, 1, 0.5], [1, 3, -0.2], [0.5, -0.2, 2]];
    const gradient = (x: readonly number[]) => A.map((row) => row.reduce((sum, v, j) => sum + v * x[j]!, 0));
    const H = numericalHessian(gradient, [0.3, -2, 5]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i]![j]).toBeCloseTo(A[i]![j]!, 8);
  });

  it('is symmetric even when the gradient is only approximately consistent', () => {
    const gradient = (x: readonly number[]) => [Math.exp(x[0]!) * x[1]! ** 2, 2 * Math.exp(x[0]!) * x[1]!];
    const H = numericalHessian(gradient, [0.5, 1.5]);
    expect(H[0]![1]).toBe(H[1]![0]);
    expect(H[0]![1]).toBeCloseTo(2 * Math.exp(0.5) * 1.5, 6);
  });
});

describe('invertPositiveDefinite', () => {
  it('inverts a symmetric positive-definite matrix', () => {
    const A = [[4, 1, 0.5], [1, 3, -0.2], [0.5, -0.2, 2]];
    const product = multiply(A, invertPositiveDefinite(A)!);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(product[i]![j]).toBeCloseTo(i === j ? 1 : 0, 12);
  });

  it('returns undefined for a matrix that is not positive definite', () => {
    expect(invertPositiveDefinite([[1, 2], [2, 1]])).toBeUndefined();
    expect(invertPositiveDefinite([[0, 0], [0, 1]])).toBeUndefined();
  });
});
