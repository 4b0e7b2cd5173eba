import { describe, expect, it } from 'vitest';
import { gaussLegendre, integrate } from './quadrature.js';

describe('Gauss–Legendre quadrature', () => {
  it('has weights summing to 2 and nodes symmetric about 0', () => {
    const { nodes, weights } = gaussLegendre(64);
    expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(2, 14);
    for (let i = 0; i < 64; i++) expect(nodes[i]! + nodes[63 - i]!).toBeCloseTo(0, 15);
  });

  it('integrates a polynomial of degree 2n − 1 exactly and smooth functions to machine precision', () => {
    // ∫₀¹ x^127 dx = 1/128 with 64 nodes; ∫₀^π sin = 2; ∫₀¹ e^x = e − 1.
    expect(integrate((x) => x ** 127, 0, 1)).toBeCloseTo(1 / 128, 15);
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 14);
    expect(integrate(Math.exp, 0, 1, 8)).toBeCloseTo(Math.E - 1, 14);
  });
});
