// Curvature at a maximum-likelihood estimate: the observed information matrix and its inverse,
// the asymptotic covariance of the estimates.

/**
 * The Hessian at x by central differences of an analytic gradient, symmetrised. The step for
 * coordinate i is step × max(1, |x_i|), so it scales with the parameter.
 */
export function numericalHessian(gradient: (x: readonly number[]) => number[], x: readonly number[], step = 1e-4): number[][] {
  const n = x.length;
  const columns: number[][] = [];
  for (let i = 0; i < n; i++) {
    const h = step * Math.max(1, Math.abs(x[i]!));
    const forward = gradient(x.map((xj, j) => (j === i ? xj + h : xj)));
    const backward = gradient(x.map((xj, j) => (j === i ? xj - h : xj)));
    columns.push(forward.map((f, j) => (f - backward[j]!) / (2 * h)));
  }
  return columns.map((column, i) => column.map((value, j) => (value + columns[j]![i]!) / 2));
}

/** The inverse of a symmetric positive-definite matrix by Cholesky factorisation, or undefined when it is not positive definite. */
export function invertPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const n = matrix.length;
  // matrix = L Lᵀ with L lower triangular.
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return undefined;
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  // Solve L Lᵀ X = I one column at a time.
  const inverse: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let column = 0; column < n; column++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === column ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= lower[i]![k]! * y[k]!;
      y[i] = sum / lower[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i]!;
      for (let k = i + 1; k < n; k++) sum -= lower[k]![i]! * inverse[k]![column]!;
      inverse[i]![column] = sum / lower[i]![i]!;
    }
  }
  return inverse;
}
