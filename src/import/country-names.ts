// Country names as people and shops write them, to ISO 3166-1 alpha-2 codes. The names and
// their official and short variants ("Czech Republic" and "Czechia", "USA", "Allemagne",
// "Alemania", "Deutschland") come from i18n-iso-countries, a maintained ISO 3166 library; the
// few aliases it lacks that exports are known to write ("EIRE", "RSA") are added here.
import { createRequire } from 'node:module';
import { isCountryCode } from '../domain/countries.js';
import { normalizeHeader } from './header-match.js';

type Library = typeof import('i18n-iso-countries');

/** Languages whose names are understood: those of the files Clientele's users bring. */
export const COUNTRY_NAME_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl'] as const;

// The library's own entry point loads its 79 languages; only these are registered.
const require = createRequire(import.meta.url);
const library = require('i18n-iso-countries/index.js') as Library;
for (const language of COUNTRY_NAME_LANGUAGES) library.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));

const ALIASES: Record<string, string> = {
  eire: 'IE', rsa: 'ZA', holland: 'NL', england: 'GB', scotland: 'GB', wales: 'GB', northernireland: 'GB',
};

/** Words a file writes where it does not know the country: no country, and nothing to warn about. */
const NOT_STATED = new Set(['unspecified', 'unknown', 'na', 'none', 'other', 'inconnu', 'desconocido', 'nonrenseigne', 'sinespecificar']);

const codeByName = (() => {
  const map = new Map<string, string>();
  for (const language of COUNTRY_NAME_LANGUAGES) {
    for (const [code, names] of Object.entries(library.getNames(language, { select: 'all' }))) {
      for (const name of names) {
        const key = normalizeHeader(name);
        // The first language wins a name two languages give different countries.
        if (key && !map.has(key) && isCountryCode(code)) map.set(key, code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(alias, code);
  return map;
})();

/** The ISO code of a code (any case), a name or an alias; undefined when it names no country. */
export function recognizeCountry(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  if (upper.length === 2 && isCountryCode(upper)) return upper;
  return codeByName.get(normalizeHeader(text));
}

/** Whether the text says that the country is not known ("Unspecified"), rather than naming a place. */
export function saysNoCountry(text: string): boolean {
  return NOT_STATED.has(normalizeHeader(text));
}
