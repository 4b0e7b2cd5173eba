import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchTextOf } from './search-text.js';

describe('search text', () => {
  it('drops case and accents', () => {
    expect(normalizeForSearch('  Société Générale ÉLAN ')).toBe('societe generale elan');
  });

  it('keeps phone numbers both as written and as bare digits', () => {
    const text = searchTextOf(['ACME'], ['+33 (1) 23.45']);
    expect(text).toContain('acme');
    expect(text).toContain('+33 (1) 23.45');
    expect(text).toContain('3312345');
    expect(text).toContain('012345');
  });

  it('skips missing values', () => {
    expect(searchTextOf([null, 'a', undefined], [null])).toBe('a');
  });
});
