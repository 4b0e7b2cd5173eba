// What makes a password acceptable: at least 10 characters, not in the list of passwords
// leaked from breaches that zxcvbn-ts ships (checked offline, no service is asked), and strong
// enough by zxcvbn-ts's estimate (score 3 of 4: about 10^8 guesses) once the user's own email
// and name are counted as words an attacker would try first.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { ClienteleError } from '../domain/errors.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
let leaked: Set<string> | undefined;

// The dictionaries are large: built on the first password checked, not at start-up.
function load() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  leaked ??= new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return { estimator, leaked };
}

/** Words of the user's own that a password must not lean on: the email, its parts, the name. */
function personalWords(person: { email?: string; name?: string }): string[] {
  const words = new Set<string>();
  for (const value of [person.email, person.name]) {
    if (!value) continue;
    const lower = value.toLowerCase();
    words.add(lower);
    const local = lower.split('@')[0]!;
    words.add(local.replace(/[.\s_+-]+/g, ''));
    for (const part of lower.split(/[@.\s_+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Why the password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, person: { email?: string; name?: string } = {}): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim() === '') return 'must not be only spaces';
  const { estimator, leaked } = load();
  if (leaked.has(password.toLowerCase()) || leaked.has(password.trim().toLowerCase())) {
    return 'appears in a list of passwords leaked from other sites; choose another';
  }
  const email = person.email?.toLowerCase();
  if (email && password.toLowerCase().includes(email)) return 'must not contain your email';
  const result = estimator.check(password, personalWords(person));
  if (result.score < MIN_PASSWORD_SCORE) {
    const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    return `is too easy to guess${hint ? ` (${hint.replace(/\.$/, '')})` : ''}; a few unrelated words make a strong one`;
  }
  return undefined;
}

/** Throws an `invalid` error naming the field unless the password is acceptable. */
export function requireStrongPassword(password: string, person: { email?: string; name?: string }, field = 'password'): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new ClienteleError('invalid', `The password ${problem}.`, field);
}
