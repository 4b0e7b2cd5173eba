// The languages Clientele ships, and how a preference ("fr-CA", "es_ES.UTF-8") picks one.
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** "fr-CA", "fr_FR.UTF-8", "FR" → "fr"; undefined when it names no shipped language. */
export function languageOf(preference: string | null | undefined): Language | undefined {
  const primary = preference?.trim().toLowerCase().split(/[-_.@]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/** The first preference that names a shipped language, in order; English when none does. */
export function pickLanguage(preferences: readonly (string | null | undefined)[]): Language {
  for (const preference of preferences) {
    const language = languageOf(preference);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
