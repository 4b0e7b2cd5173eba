import { describe, expect, it } from 'vitest';
import { languageOf, pickLanguage } from './languages.js';

describe('choosing a language', () => {
  it('reads browser tags and POSIX locales alike', () => {
    expect(languageOf('fr-CA')).toBe('fr');
    expect(languageOf('es_ES.UTF-8')).toBe('es');
    expect(languageOf('EN')).toBe('en');
    expect(languageOf('de-DE')).toBeUndefined();
    expect(languageOf('C.UTF-8')).toBeUndefined();
  });

  it('takes the first preference Clientele ships, else English', () => {
    expect(pickLanguage([null, 'de-DE', 'es-MX', 'fr'])).toBe('es');
    expect(pickLanguage([undefined, 'ja'])).toBe('en');
  });
});
