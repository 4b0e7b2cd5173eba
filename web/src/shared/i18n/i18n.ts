// The web app's language: one i18next instance over the shared catalogs (src/domain/i18n).
// The language is the signed-in user's choice, else the browser's; changing it re-renders the
// app from the root (language-root.tsx), so plain `t()` calls and the Intl formats in
// shared/ui/words.ts always read the current language.
import i18next from 'i18next';
import { I18NEXT_OPTIONS } from '../../../../src/domain/i18n/translator';
import { LANGUAGES, pickLanguage, type Language } from '../../../../src/domain/i18n/languages';

export { LANGUAGES, type Language };

/** The locale each language formats dates and numbers in. */
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** The browser's languages in its order of preference. */
export const browserLanguages = (): readonly string[] => (navigator.languages?.length ? navigator.languages : [navigator.language]);

/** The user's choice, else the first of the browser's languages that Clientele ships. */
export const languageFor = (chosen: string | null | undefined): Language => pickLanguage([chosen, ...browserLanguages()]);

const i18n = i18next.createInstance();
void i18n.init({ ...I18NEXT_OPTIONS, lng: languageFor(null) });
document.documentElement.lang = i18n.language;

export const t = (key: string, options?: Record<string, unknown>): string => String(i18n.t(key, options as never));

export const currentLanguage = (): Language => i18n.language as Language;

/** The Intl locale of the current language. */
export const currentLocale = (): string => LOCALES[currentLanguage()];

export function setLanguage(language: Language): void {
  if (language === i18n.language) return;
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function onLanguageChange(listener: () => void): () => void {
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}
