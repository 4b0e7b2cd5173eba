// One i18next instance per language over the shared catalogs: what the CLI and the server use
// to word messages. The web app makes its own, switchable instance from the same catalogs.
import i18next, { type TFunction } from 'i18next';
import { CATALOGS } from './catalogs.js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** i18next's options for the shipped catalogs: text out, not HTML, so nothing is escaped. */
export const I18NEXT_OPTIONS = {
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: CATALOGS[language] }])),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
} as const;

const translators = new Map<Language, Translate>();

/** The words of one language; built once, synchronously (the catalogs are in memory). */
export function translator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const instance = i18next.createInstance();
    void instance.init({ ...I18NEXT_OPTIONS, lng: language });
    const t: TFunction = instance.t.bind(instance);
    translate = (key, options) => String(t(key, options as never));
    translators.set(language, translate);
  }
  return translate;
}
