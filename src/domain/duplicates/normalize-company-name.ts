// A company's name without what varies between two spellings of one company: case, accents,
// punctuation and its legal form. "ACME S.A.R.L.", "Acme SARL" and "Acme" are one name;
// so are "The Acme Company, Inc." and "ACME".
import { foldWords, type Word } from './fold-words.js';

/** Legal forms written after the name, folded (see foldWords), in many countries' languages. */
const SUFFIXES = [
  // English-speaking countries
  'ltd', 'limited', 'llc', 'llp', 'lp', 'lllp', 'pllc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company',
  'plc', 'pty', 'pty ltd', 'pte', 'pte ltd', 'pvt', 'pvt ltd', 'private limited', 'cic',
  '& co', 'and co', '& company', 'and company',
  // German-speaking countries
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'ev', 'ek', 'eg', 'gesmbh', 'aktiengesellschaft',
  'gmbh & co kg', 'und co', 'u co',
  // French-speaking countries
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sca', 'sci', 'scop', 'scp', 'selarl', 'gie', 'sprl', 'srl', 'scrl',
  'asbl', 'et cie', '& cie', 'cie', 'societe anonyme',
  // Spanish and Portuguese
  'sl', 'slu', 'sll', 'sau', 'sc', 'sa de cv', 's de rl', 's de rl de cv', 'sociedad anonima', 'sociedad limitada',
  'ltda', 'lda', 'cia', 'y cia', '& cia', 'e cia', 'cia ltda', 'me', 'eireli',
  // Italian
  'spa', 'sapa', 'srls', 'scarl', 'sas', 'snc', 'societa per azioni',
  // Dutch and Belgian
  'bv', 'nv', 'bvba', 'vof', 'cv', 'vzw',
  // Nordic countries
  'oy', 'oyj', 'ab', 'hb', 'kb', 'as', 'asa', 'aps', 'ivs', 'ks', 'hf', 'ehf',
  // Central and Eastern Europe
  'sp z oo', 'spzoo', 'sp j', 'sp k', 'sro', 'spol sro', 'as', 'kft', 'zrt', 'nyrt', 'doo', 'ooo', 'zao', 'oao', 'pao',
  // Elsewhere
  'se', 'kk', 'kabushiki kaisha', 'sdn bhd', 'bhd', 'tbk', 'fzco', 'fze', 'fz llc', 'wll',
];

/** Legal forms and articles written before the name: "SARL Dupont", "The Body Shop", "PT Astra". */
const PREFIXES = ['the', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sci', 'scp', 'selarl', 'gie', 'ets', 'pt', 'cv', 'ooo', 'zao', 'oao', 'pao'];

const phrases = (forms: readonly string[]) =>
  [...new Set(forms)].map((form) => form.split(' ')).sort((a, b) => b.length - a.length);
const SUFFIX_PHRASES = phrases(SUFFIXES);
const PREFIX_PHRASES = phrases(PREFIXES);

export interface CompanyName {
  /** Folded words with the legal form removed: "acme industries". */
  words: string;
  /** The same without spaces, so "Coca-Cola" and "CocaCola" meet: "acmeindustries". */
  key: string;
  /** What was removed, as written: ["S.A.R.L."]. */
  removed: string[];
}

const matchesAt = (words: readonly Word[], start: number, phrase: readonly string[]) =>
  start >= 0 && start + phrase.length <= words.length && phrase.every((part, i) => words[start + i]!.folded === part);

export function normalizeCompanyName(name: string): CompanyName {
  const words = foldWords(name);
  let first = 0;
  let end = words.length;
  const removedEnd: string[] = [];
  const removedStart: string[] = [];
  const take = (from: number, length: number) => words.slice(from, from + length).map((w) => w.text).join(' ');
  // Strip from the start (an article before a form: "The Co"), then the end, while a word of the name remains.
  for (let found = true; found;) {
    found = false;
    for (const phrase of PREFIX_PHRASES) {
      if (first + phrase.length < end && matchesAt(words, first, phrase)) {
        removedStart.push(take(first, phrase.length));
        first += phrase.length;
        found = true;
        break;
      }
    }
  }
  for (let found = true; found;) {
    found = false;
    for (const phrase of SUFFIX_PHRASES) {
      if (end - phrase.length > first && matchesAt(words, end - phrase.length, phrase)) {
        removedEnd.unshift(take(end - phrase.length, phrase.length));
        end -= phrase.length;
        found = true;
        break;
      }
    }
  }
  // A lone "&" left over ("Smith &") joined nothing.
  while (end - first > 1 && words[end - 1]!.folded === '&') {
    removedEnd.unshift(words[end - 1]!.text);
    end -= 1;
  }
  const kept = words.slice(first, end).map((w) => w.folded);
  return {
    words: kept.join(' '),
    key: kept.join(''),
    removed: [...removedStart, ...(removedEnd.length ? [removedEnd.join(' ')] : [])],
  };
}
