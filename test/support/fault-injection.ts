// A store whose k-th writing statement fails, to prove a request that fails half-way through
// leaves nothing behind. Statements are counted through a Kysely plugin on the store's
// connection, so every repository and every transaction is covered without knowing them.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Connection, CopyCsv } from '../../src/store/connection.js';
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

  /** Counts one writing statement, failing it when it is the one planned. */
  write() {
    this.count += 1;
    if (this.count === this.failAt) throw new InjectedFault(`injected failure at write ${this.count}`);
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (writes(node)) this.write();
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/** The same database as `store`, through a connection whose writes `plan` counts and fails. */
export function faultyStore(store: Store, plan: FaultPlan): Store {
  const base = store.connection;
  // A COPY is one writing statement too, in a transaction of its own or in a copy session.
  const copyCsv: CopyCsv = (table, columns, chunks) => { plan.write(); return base.copyCsv(table, columns, chunks); };
  const connection: Connection = {
    ...base,
    db: base.db.withPlugin(plan),
    copyCsv,
    copyTransaction: (work) => base.copyTransaction((session) => work({
      db: session.db.withPlugin(plan),
      copyCsv: (table, columns, chunks) => { plan.write(); return session.copyCsv(table, columns, chunks); },
    })),
  };
  return createStore(connection);
}
