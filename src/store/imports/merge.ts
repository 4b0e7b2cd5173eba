import type { ImportTarget } from '../../import/targets.js';
import type { Executor } from '../executor.js';
import { mergeAccounts } from './merge-accounts.js';
import { mergeContacts } from './merge-contacts.js';
import { mergeInteractions } from './merge-interactions.js';
import { mergeOrderLines } from './merge-order-lines.js';
import { mergeOrders } from './merge-orders.js';
import { mergeProducts } from './merge-products.js';
import type { MergeOptions, MergeResult } from './merge-result.js';

type Merge = (db: Executor, options: MergeOptions) => Promise<MergeResult>;

const MERGES: Record<ImportTarget, Merge> = {
  accounts: mergeAccounts,
  orders: mergeOrders,
  'order-lines': mergeOrderLines,
  products: mergeProducts,
  contacts: mergeContacts,
  interactions: mergeInteractions,
};

export function mergerFor(target: ImportTarget): Merge {
  return MERGES[target];
}
