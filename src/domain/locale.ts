// The locale Clientele speaks when no person has chosen one: the server's and the CLI's, read
// from the environment as the C library would (CLIENTELE_LOCALE first), in BCP 47 form.

/** `fr_FR.UTF-8` → `fr-FR`; `C`, `POSIX` and empty → undefined (no locale chosen). */
export function bcp47(posix: string | undefined): string | undefined {
  const bare = posix?.split(/[.@]/)[0]?.trim().replace(/_/g, '-');
  if (!bare || bare === 'C' || bare === 'POSIX') return undefined;
  try {
    return Intl.getCanonicalLocales(bare)[0];
  } catch {
    return undefined;
  }
}

/** The locale the environment names: CLIENTELE_LOCALE, else LC_ALL, LC_MONETARY, LANG. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['CLIENTELE_LOCALE', 'LC_ALL', 'LC_MONETARY', 'LANG']) {
    const locale = bcp47(env[name]);
    if (locale) return locale;
  }
  return undefined;
}

/** The conventions used when none is named: British English (day month year, 1,234.50). */
export const FALLBACK_LOCALE = 'en-GB';
