import { describe, expect, it } from 'vitest';
import { foldWord, foldWords } from './fold-words.js';

describe('foldWords', () => {
  it('folds case, accents, punctuation and letters without a decomposition', () => {
    expect(foldWord('Société')).toBe('societe');
    expect(foldWord('Straße')).toBe('strasse');
    expect(foldWord('Øresund')).toBe('oresund');
    expect(foldWord("O'Neil")).toBe('oneil');
    expect(foldWord('Ｍüller')).toBe('muller');
  });

  it('keeps the words as written beside their folded form, "&" standing alone', () => {
    expect(foldWords('Dupont&Fils, S.A.')).toEqual([
      { text: 'Dupont', folded: 'dupont' }, { text: '&', folded: '&' }, { text: 'Fils', folded: 'fils' }, { text: 'S.A.', folded: 'sa' },
    ]);
  });

  it('joins runs of single letters, so spaced and slashed abbreviations read as one word', () => {
    expect(foldWords('Acme S. A.').map((w) => w.folded)).toEqual(['acme', 'sa']);
    expect(foldWords('Acme A/S').map((w) => w.folded)).toEqual(['acme', 'as']);
    expect(foldWords('J & J').map((w) => w.folded)).toEqual(['j', '&', 'j']);
  });

  it('keeps letters of other scripts', () => {
    expect(foldWords('株式会社 トヨタ').map((w) => w.folded)).toEqual(['株式会社', 'トヨタ']);
  });
});
