// A store whose k-th writing statement fails, to prove a request that fails half-way through
// leaves nothing behind. Statements are counted through a Kysely plugin on the store's
// connection, so every repository and every transaction is covered without knowing them.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Connection } from '../../src/store/connection.js';
import { createStore, type Store } from '../../src/store/store.js';

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

function writes(node: RootOperationNode): boolean {
  if (WRITES.has(node.kind)) return true;
  if (node.kind !== 'RawNode') return false;
  return /\b(insert|update|delete|merge|copy)\b/i.test(node.sqlFragments.join(' '));
}

export class InjectedFault extends Error {}

export class FaultPlan implements KyselyPlugin {
  /** Writing statements seen since the last reset. */
  count = 0;
  /** The write to fail (1 for the first); 0 fails none. */
  failAt = 0;

  reset(failAt = 0) {
    this.count = 0;
    this.failAt = failAt;
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (writes(node)) {
      this.count += 1;
      if (this.count === this.failAt) throw new InjectedFault(`injected failure at write ${this.count}`);
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/** The same database as `store`, through a connection whose writes `plan` counts and fails. */
export function faultyStore(store: Store, plan: FaultPlan): Store {
  const connection: Connection = { ...store.connection, db: store.connection.db.withPlugin(plan) };
  return createStore(connection);
}
