// "Alike accounts": the other buying accounts of the same segment and size; with too few of
// them, the same size; then the whole portfolio. Growth potential and up-sell both measure an
// account against its peers this way.
import type { AccountSize } from '../../domain/customer-file.js';

export type PeerGroup = 'segment_and_size' | 'size' | 'portfolio';

export interface PeerProfile {
  segment: string | null;
  size: AccountSize | null;
}

/** The account's key in each peer group, narrowest first; null where a field it needs is unknown. */
export function peerGroupKeys(account: PeerProfile): [PeerGroup, string | null][] {
  return [
    ['segment_and_size', account.segment !== null && account.size !== null ? JSON.stringify([account.segment, account.size]) : null],
    ['size', account.size],
    ['portfolio', ''],
  ];
}

export function describePeerGroup(group: PeerGroup, account: PeerProfile, count: number): string {
  if (group === 'segment_and_size') return `${count} buying ${account.segment} accounts of ${account.size} size`;
  if (group === 'size') return `${count} buying accounts of ${account.size} size`;
  return `${count} buying accounts of the portfolio`;
}

/** The quantile (linear interpolation) of a sorted list with one occurrence of `without` left out: the peers without the account itself. */
export function quantileWithout(sorted: ArrayLike<number>, without: number, p: number): number {
  let skip = 0;
  let high = sorted.length - 1;
  while (skip < high) {
    const middle = (skip + high) >>> 1;
    if (sorted[middle]! < without) skip = middle + 1;
    else high = middle;
  }
  const at = (j: number) => sorted[j < skip ? j : j + 1]!;
  const position = (sorted.length - 2) * p;
  const below = Math.floor(position);
  const upper = Math.min(below + 1, sorted.length - 2);
  return at(below) + (at(upper) - at(below)) * (position - below);
}
