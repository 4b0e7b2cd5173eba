// Jaro-Winkler similarity (Winkler 1990): 1 for equal strings, 0 for strings with nothing in
// common, and a bonus for a shared beginning, where people rarely mistype. Suits short names
// with a typo or a letter swapped: "Dupond" ≈ "Dupont" 0.93, "Acme" vs "Apex" 0.67.

const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

// Scratch marks reused between calls: allocating two arrays per pair costs more than the
// comparison itself when a hundred thousand names are compared. A mark equal to the current
// stamp means "matched in this call", so nothing needs clearing.
let marksA = new Uint32Array(64);
let marksB = new Uint32Array(64);
let stamp = 0;

export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  if (a.length > marksA.length || b.length > marksB.length || stamp === 0xffffffff) {
    marksA = new Uint32Array(Math.max(a.length, marksA.length));
    marksB = new Uint32Array(Math.max(b.length, marksB.length));
    stamp = 0;
  }
  const mark = ++stamp;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (marksB[j] !== mark && code === b.charCodeAt(j)) {
        marksA[i] = mark;
        marksB[j] = mark;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (marksA[i] !== mark) continue;
    while (marksB[j] !== mark) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  while (prefix < MAX_PREFIX && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * PREFIX_SCALE * (1 - similarity);
}

/**
 * The most two strings can score, knowing their lengths and how many characters they have in
 * common (counted as multisets), to skip pairs that cannot reach a threshold: Jaro matches
 * are pairs of equal characters, so there are no more of them than characters in common.
 */
export function jaroWinklerBound(lengthA: number, lengthB: number, common = Math.min(lengthA, lengthB)): number {
  if (!lengthA || !lengthB) return lengthA === lengthB ? 1 : 0;
  if (!common) return 0;
  const best = (common / lengthA + common / lengthB + 1) / 3;
  return best + MAX_PREFIX * PREFIX_SCALE * (1 - best);
}
