// The CLI's language: `--lang fr` on the command line, else the locale of the environment
// (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them); English when none names a
// language Clientele ships ("C", "POSIX", "de_DE.UTF-8").
import { languageOf, DEFAULT_LANGUAGE, type Language } from '../domain/i18n/languages.js';
import { translator } from '../domain/i18n/translator.js';

/** The value of `--lang x` or `--lang=x` anywhere on the command line. */
export function langArgument(argv: readonly string[] = process.argv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return undefined;
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i]!.startsWith('--lang=')) return argv[i]!.slice('--lang='.length);
  }
  return undefined;
}

export function cliLanguage(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Language {
  const asked = langArgument(argv);
  if (asked !== undefined) return languageOf(asked) ?? DEFAULT_LANGUAGE;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value);
  return languageOf(locale) ?? DEFAULT_LANGUAGE;
}

/** The CLI's words in its language. */
export const t = translator(cliLanguage());

/** A stored value in words, from its label group: label('volumeTier', 'very_high') → "Very high". */
export const label = (group: string, value: string | null | undefined): string => {
  if (value === null || value === undefined || value === '') return '';
  const key = `labels.${group}.${value}`;
  const text = t(key);
  return text === key ? value : text;
};
