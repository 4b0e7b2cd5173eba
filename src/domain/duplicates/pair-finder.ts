// Finds pairs of records that share a value (an email, a phone, a domain, a name) or have
// nearly the same name, without comparing every record with every other: records are grouped
// by each value, and names are compared only with their neighbours in alphabetical order
// (and in the order of their reversed spelling, for a typo in the first letters). The work
// grows with the number of records, not its square.
import { jaroWinkler, jaroWinklerBound } from './jaro-winkler.js';

/** The values two records of one kind can share; each kind words and weighs them itself. */
export type Signal = 'email' | 'phone' | 'domain' | 'name';

export interface Profile {
  /** Exact values, each shared value is one piece of evidence. */
  values: ReadonlyArray<readonly [Signal, string]>;
  /** Folded words compared for similarity; '' when too short to compare. */
  name: string;
  /** The same without spaces: equal keys are the same name, not a similar one. */
  nameKey: string;
}

export interface Evidence {
  a: number;
  b: number;
  shared: Map<Signal, string>;
  /** Jaro-Winkler similarity of the names, when similar but not equal. */
  similarity?: number;
}

/** A value too many records share to tell duplicates apart (a switchboard, a placeholder). */
export interface IgnoredValue {
  signal: Signal;
  value: string;
  count: number;
}

export interface PairFinderOptions {
  /** Values shared by more records than this are ignored. */
  maxShared: number;
  /** How many following names each name is compared with in each order. */
  window: number;
  /** The least Jaro-Winkler similarity of two names called similar. */
  similarity: number;
}

export interface FoundPairs {
  evidence: Evidence[];
  ignored: IgnoredValue[];
  /** How many pairs of names were compared for similarity, past the cheap bound (a pair near in both orders counts twice). */
  compared: number;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

// Character counts of a name, 64 buckets; sharing buckets only overstates what two names have
// in common, so the bound built on them stays a bound.
const BUCKETS = 64;
function countCharacters(names: readonly string[]): Uint16Array {
  const counts = new Uint16Array(names.length * BUCKETS);
  names.forEach((name, i) => {
    for (let c = 0; c < name.length; c++) counts[i * BUCKETS + (name.charCodeAt(c) & (BUCKETS - 1))]! += 1;
  });
  return counts;
}

function inCommon(counts: Uint16Array, x: number, y: number): number {
  let common = 0;
  for (let c = 0; c < BUCKETS; c++) common += Math.min(counts[x * BUCKETS + c]!, counts[y * BUCKETS + c]!);
  return common;
}

const reversed = (text: string) => [...text].reverse().join('');

export function findPairs(profiles: readonly Profile[], options: PairFinderOptions): FoundPairs {
  const n = profiles.length;
  const pairs = new Map<number, Evidence>();
  const evidenceOf = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const id = a * n + b;
    let found = pairs.get(id);
    if (!found) {
      found = { a, b, shared: new Map() };
      pairs.set(id, found);
    }
    return found;
  };

  const groups = new Map<string, number[]>();
  profiles.forEach((profile, index) => {
    for (const [signal, value] of profile.values) {
      const key = `${signal}\u0000${value}`;
      const group = groups.get(key);
      if (!group) groups.set(key, [index]);
      else if (group[group.length - 1] !== index) group.push(index);
    }
  });
  const ignored: IgnoredValue[] = [];
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const [signal, value] = key.split('\u0000') as [Signal, string];
    if (members.length > options.maxShared) {
      ignored.push({ signal, value, count: members.length });
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) evidenceOf(members[x]!, members[y]!).shared.set(signal, value);
    }
  }

  // Similar names: each distinct name against its neighbours, sorted forwards and backwards.
  const byName = new Map<string, number[]>();
  profiles.forEach((profile, index) => {
    if (!profile.name) return;
    const members = byName.get(profile.name);
    if (members) members.push(index);
    else byName.set(profile.name, [index]);
  });
  const names = [...byName.keys()].filter((name) => byName.get(name)!.length <= options.maxShared);
  const digits = names.map(digitsOf);
  const counts = countCharacters(names);
  let compared = 0;
  for (const spelling of [(name: string) => name, reversed]) {
    const keys = names.map(spelling);
    const order = names.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
    for (let i = 0; i < order.length; i++) {
      for (let k = i + 1; k <= i + options.window && k < order.length; k++) {
        const [x, y] = [order[i]!, order[k]!];
        const [first, second] = [names[x]!, names[y]!];
        const membersA = byName.get(first)!;
        const membersB = byName.get(second)!;
        // Equal keys are equal names, and "Agence 12" is not "Agence 13".
        if (digits[x] !== digits[y] || profiles[membersA[0]!]!.nameKey === profiles[membersB[0]!]!.nameKey) continue;
        if (jaroWinklerBound(first.length, second.length, inCommon(counts, x, y)) < options.similarity) continue;
        compared++;
        const similarity = jaroWinkler(first, second);
        if (similarity < options.similarity) continue;
        for (const a of membersA) {
          for (const b of membersB) {
            const evidence = evidenceOf(a, b);
            evidence.similarity = Math.max(evidence.similarity ?? 0, similarity);
          }
        }
      }
    }
  }
  return { evidence: [...pairs.values()], ignored, compared };
}
