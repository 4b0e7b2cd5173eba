import { describe, expect, it } from 'vitest';
import { currencyOfLocale, DEFAULT_CURRENCY } from './currency.js';
import { bcp47, environmentLocale } from './locale.js';

describe('the currency a locale suggests', () => {
  it('is the currency of the locale’s country', () => {
    expect(currencyOfLocale('fr-FR')).toBe('EUR');
    expect(currencyOfLocale('en-GB')).toBe('GBP');
    expect(currencyOfLocale('es-MX')).toBe('MXN');
    expect(currencyOfLocale('de-CH')).toBe('CHF');
  });

  it('is the default when the locale names no country', () => {
    expect(currencyOfLocale('fr')).toBe(DEFAULT_CURRENCY);
    expect(currencyOfLocale(undefined)).toBe(DEFAULT_CURRENCY);
  });

  it('reads the locale from the environment as the C library writes it', () => {
    expect(bcp47('fr_FR.UTF-8')).toBe('fr-FR');
    expect(bcp47('C.UTF-8')).toBeUndefined();
    expect(environmentLocale({ LANG: 'C.UTF-8', LC_ALL: '', CLIENTELE_LOCALE: 'pt_BR' })).toBe('pt-BR');
    expect(environmentLocale({ LANG: 'es_ES.UTF-8' })).toBe('es-ES');
    expect(environmentLocale({ LANG: 'C' })).toBeUndefined();
  });
});
