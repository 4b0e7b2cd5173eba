// Names compared as words without case, accents or punctuation: "Société Générale, S.A."
// and "SOCIETE GENERALE SA" are the same words.

export interface Word {
  /** As written, punctuation included: "S.A.". */
  text: string;
  /** Folded: "sa". */
  folded: string;
}

// Letters that do not decompose into a base letter and an accent.
const LIGATURES: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function foldWord(text: string): string {
  // Most names are plain ASCII, and Unicode normalisation is the slow part.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9&]/g, '');
  return text.normalize('NFKD').replace(/\p{Diacritic}/gu, '').toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LIGATURES[c]!)
    .replace(/[^\p{L}\p{N}&]/gu, '');
}

/**
 * The words of a name. "&" and "+" stand alone; runs of single letters join up, so "S. A.",
 * "S.A." and "A/S" read as "sa", "sa" and "as".
 */
export function foldWords(text: string): Word[] {
  const raw = text.replace(/[&+]/g, ' & ').split(/[\s,;:()[\]{}/\\|!?"«»“”_–—-]+/).filter(Boolean);
  const words: (Word & { singleLetters: boolean })[] = [];
  for (const piece of raw) {
    const folded = foldWord(piece);
    if (!folded) continue;
    const last = words[words.length - 1];
    if (last?.singleLetters && /^\p{L}$/u.test(folded)) {
      last.text = `${last.text} ${piece}`;
      last.folded += folded;
      continue;
    }
    words.push({ text: piece, folded, singleLetters: /^\p{L}$/u.test(folded) });
  }
  return words.map(({ text: t, folded }) => ({ text: t, folded }));
}
