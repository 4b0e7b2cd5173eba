// The statements a piece of work sends, compiled exactly as the repositories built them, and
// the planner's plan for each: how the plan tests (test/store/hot-query-plans.test.ts) prove
// that the hot reads of the API go through indexes.
import { CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Connection } from './connection.js';
import type { Executor } from './executor.js';
import { createStore, type Store } from './store.js';

export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * A store over the same connection whose every statement (built queries, raw SQL, inside
 * transactions too) is also written to `queries`, compiled as it goes to the database.
 */
export function recordingStore(connection: Connection): { store: Store; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const executor = connection.db.getExecutor();
  const recorder: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      const compiled = executor.compileQuery(node, queryId);
      queries.push({ sql: compiled.sql, parameters: compiled.parameters });
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
  };
  return { store: createStore({ ...connection, db: connection.db.withPlugin(recorder) }), queries };
}

/** One node of a plan, as EXPLAIN (FORMAT JSON) writes it. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** The planner's plan for a recorded statement, with its parameters; nothing is executed. */
export async function explain(db: Executor, query: RecordedQuery): Promise<PlanNode> {
  const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]));
  const raw = Object.values(result.rows[0] ?? {})[0];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return parsed[0]!.Plan;
}

/** Every node of a plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The tables a plan reads whole: each Seq Scan's relation. */
export function sequentialScans(plan: PlanNode): string[] {
  return planNodes(plan).filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'] ?? '?');
}
