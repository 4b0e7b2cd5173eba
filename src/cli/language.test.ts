import { describe, expect, it } from 'vitest';
import { cliLanguage } from './language.js';

describe('the CLI language', () => {
  it('follows --lang before the environment', () => {
    expect(cliLanguage(['node', 'clientele', 'account', 'list', '--lang', 'es'], { LANG: 'fr_FR.UTF-8' })).toBe('es');
    expect(cliLanguage(['node', 'clientele', '--lang=fr', 'analyze'], {})).toBe('fr');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, and a C locale means English', () => {
    expect(cliLanguage([], { LC_ALL: 'es_ES.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('es');
    expect(cliLanguage([], { LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('fr');
    expect(cliLanguage([], { LC_ALL: 'C', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(cliLanguage([], { LANG: 'de_DE.UTF-8' })).toBe('en');
  });
});
