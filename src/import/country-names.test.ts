import { describe, expect, it } from 'vitest';
import { recognizeCountry, saysNoCountry } from './country-names.js';

describe('country names', () => {
  it('recognises the names shops write, in English and their official variants', () => {
    expect(recognizeCountry('Czech Republic')).toBe('CZ');
    expect(recognizeCountry('Czechia')).toBe('CZ');
    expect(recognizeCountry('Hong Kong')).toBe('HK');
    expect(recognizeCountry('United Kingdom')).toBe('GB');
    expect(recognizeCountry('USA')).toBe('US');
    expect(recognizeCountry('United States of America')).toBe('US');
    expect(recognizeCountry('United Arab Emirates')).toBe('AE');
  });

  it('recognises the aliases exports use that the ISO library lacks', () => {
    expect(recognizeCountry('EIRE')).toBe('IE');
    expect(recognizeCountry('RSA')).toBe('ZA');
    expect(recognizeCountry('Holland')).toBe('NL');
    expect(recognizeCountry('England')).toBe('GB');
  });

  it('recognises names in French, Spanish, German, Italian, Portuguese and Dutch, whatever the case and accents', () => {
    expect(recognizeCountry('Allemagne')).toBe('DE');
    expect(recognizeCountry('Royaume-Uni')).toBe('GB');
    expect(recognizeCountry('España')).toBe('ES');
    expect(recognizeCountry('espana')).toBe('ES');
    expect(recognizeCountry('Alemania')).toBe('DE');
    expect(recognizeCountry('Deutschland')).toBe('DE');
    expect(recognizeCountry('Österreich')).toBe('AT');
    expect(recognizeCountry('Svizzera')).toBe('CH');
    expect(recognizeCountry('Alemanha')).toBe('DE');
    expect(recognizeCountry('Duitsland')).toBe('DE');
  });

  it('takes ISO codes in any case', () => {
    expect(recognizeCountry('fr')).toBe('FR');
    expect(recognizeCountry(' GB ')).toBe('GB');
    expect(recognizeCountry('XX')).toBeUndefined();
  });

  it('names no country for places that are none, and tells "not stated" apart from them', () => {
    for (const place of ['Channel Islands', 'European Community', 'Atlantis']) {
      expect(recognizeCountry(place)).toBeUndefined();
      expect(saysNoCountry(place)).toBe(false);
    }
    for (const none of ['Unspecified', 'unknown', 'N/A']) {
      expect(recognizeCountry(none)).toBeUndefined();
      expect(saysNoCountry(none)).toBe(true);
    }
  });
});
