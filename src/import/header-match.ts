// Matches a file's column headers to a target's fields by their common English, French and
// Spanish names, after dropping case, accents and punctuation ("E-mail" = "email" = "Courriel").

export interface FieldSynonyms {
  field: string;
  names: readonly string[];
}

export function normalizeHeader(header: string): string {
  return header.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export interface HeaderMapping {
  /** header as written in the file → field */
  columns: Record<string, string>;
  /** headers that matched no field; they are ignored and reported */
  unmatched: string[];
  /** fields two headers claimed; the first header wins and the clash is reported */
  clashes: { field: string; headers: string[] }[];
}

export function matchHeaders(headers: readonly string[], fields: readonly FieldSynonyms[], overrides: Record<string, string> = {}): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const { field, names } of fields) {
    for (const name of [field, ...names]) {
      const key = normalizeHeader(name);
      if (!lookup.has(key)) lookup.set(key, field);
    }
  }
  const columns: Record<string, string> = {};
  const unmatched: string[] = [];
  const claimedBy = new Map<string, string[]>();
  for (const header of headers) {
    const field = overrides[header] ?? lookup.get(normalizeHeader(header));
    if (!field) {
      unmatched.push(header);
      continue;
    }
    const claimants = claimedBy.get(field) ?? [];
    claimants.push(header);
    claimedBy.set(field, claimants);
    if (claimants.length === 1) columns[header] = field;
  }
  const clashes = [...claimedBy].filter(([, hs]) => hs.length > 1).map(([field, hs]) => ({ field, headers: hs }));
  return { columns, unmatched, clashes };
}
