import type { ImportTarget } from '../../import/targets.js';
import type { Executor } from '../executor.js';
import { mergeAccounts } from './merge-accounts.js';
import { mergeOrders } from './merge-orders.js';
import type { MergeOptions, MergeResult } from './merge-result.js';

type Merge = (db: Executor, options: MergeOptions) => Promise<MergeResult>;

const MERGES: Partial<Record<ImportTarget, Merge>> = {
  accounts: mergeAccounts,
  orders: mergeOrders,
};

export function mergerFor(target: ImportTarget): Merge | undefined {
  return MERGES[target];
}
