// Up-sell: where an account spends well below alike accounts. For each buying account and each
// category, its spend is set against the median spend of its peers in that category (peers
// who never bought the category count as zero, so a category few peers buy has a median of
// zero and flags nobody). Peers are the other buying accounts of the same segment and size;
// with fewer than minPeers of them, the same size; then the whole portfolio, as for growth
// potential. Callers choose the period by the lines they pass (the last 12 months, say).
import { type Cents, cents } from '../../domain/money.js';
import { money, percent } from '../portfolio/wording.js';
import { describePeerGroup as describeGroup, type PeerGroup, peerGroupKeys as groupKeys, quantileWithout } from '../portfolio/peer-groups.js';
import type { RecommendSettings } from './settings.js';
import type { OrderLineFact, PeerFact } from './types.js';

export type UpsellPeerGroup = PeerGroup;

export interface UpsellOpportunity {
  accountId: number;
  category: string;
  spent: Cents;
  peerGroup: UpsellPeerGroup;
  peerCount: number;
  peerMedian: Cents;
  /** How far below the median: peerMedian − spent. */
  shortfall: Cents;
  /** spent / peerMedian. */
  ratioToPeers: number;
  reason: string;
}

/** The flagged account–category pairs, the largest shortfall first. */
export function upsellOpportunities(
  lines: Iterable<OrderLineFact>,
  accounts: readonly PeerFact[],
  settings: RecommendSettings,
): UpsellOpportunity[] {
  const { belowShare, minPeers } = settings.upsell;
  const known = new Set(accounts.map((a) => a.id));
  const spendOf = new Map<number, Map<string, number>>();
  const categorySet = new Set<string>();
  for (const line of lines) {
    if (!known.has(line.accountId)) continue;
    categorySet.add(line.category);
    let spend = spendOf.get(line.accountId);
    if (!spend) spendOf.set(line.accountId, spend = new Map());
    spend.set(line.category, (spend.get(line.category) ?? 0) + line.totalCents);
  }
  const categories = [...categorySet].sort();
  const buying = accounts.filter((a) => {
    let total = 0;
    for (const value of spendOf.get(a.id)?.values() ?? []) total += value;
    return total > 0;
  });

  const members = new Map<string, PeerFact[]>();
  for (const account of buying) {
    for (const [group, key] of groupKeys(account)) {
      if (key === null) continue;
      const id = `${group}:${key}`;
      let list = members.get(id);
      if (!list) members.set(id, list = []);
      list.push(account);
    }
  }
  // Each group's spends per category, sorted, built the first time a member needs them.
  const sortedSpends = new Map<string, Float64Array>();
  const spendsOf = (groupId: string, category: string) => {
    const id = `${groupId}\u0000${category}`;
    let sorted = sortedSpends.get(id);
    if (!sorted) {
      sorted = Float64Array.from(members.get(groupId)!, (peer) => spendOf.get(peer.id)!.get(category) ?? 0).sort();
      sortedSpends.set(id, sorted);
    }
    return sorted;
  };

  const flagged: UpsellOpportunity[] = [];
  for (const account of buying) {
    const chosen = groupKeys(account).find(([group, key]) => key !== null && members.get(`${group}:${key}`)!.length - 1 >= minPeers);
    if (!chosen) continue;
    const [peerGroup, key] = chosen;
    const groupId = `${peerGroup}:${key}`;
    const peerCount = members.get(groupId)!.length - 1;
    const spend = spendOf.get(account.id)!;
    for (const category of categories) {
      const own = spend.get(category) ?? 0;
      const median = quantileWithout(spendsOf(groupId, category), own, 0.5);
      if (!(median > 0 && own < belowShare * median)) continue;
      const peerMedian = cents(Math.round(median));
      const shortfall = cents(peerMedian - own);
      flagged.push({
        accountId: account.id,
        category,
        spent: cents(own),
        peerGroup,
        peerCount,
        peerMedian,
        shortfall,
        ratioToPeers: own / median,
        reason: `Spent ${money(own)} on ${category}; the median of ${describeGroup(peerGroup, account, peerCount)} is `
          + `${money(peerMedian)}: ${money(shortfall)} below it (${percent(Math.max(0, own) / median)} of it).`,
      });
    }
  }
  return flagged.sort((a, b) => b.shortfall - a.shortfall || a.accountId - b.accountId || (a.category < b.category ? -1 : 1));
}
