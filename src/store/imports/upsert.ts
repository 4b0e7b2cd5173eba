// The update half of every import merge: rewrite the given columns of matched rows where a
// value differs, and audit each changed record with the before and after of its changed fields.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../executor.js';
import { count } from './merge-result.js';

export interface UpsertSpec {
  entity: string;
  table: string;
  alias: string;
  columns: readonly string[];
  /** SQL giving the staged value of a column. */
  staged: (column: string) => string;
  /** FROM items joined to the target (staging and lookups). */
  from: RawBuilder<unknown>;
  /** Conditions tying the target row to its staged row. */
  match: RawBuilder<unknown>;
  actorId: number | null;
  /** Extra assignments, e.g. a status_changed_at that follows the status. */
  extra?: string;
}

export async function auditedUpsert(db: Executor, spec: UpsertSpec): Promise<number> {
  if (spec.columns.length === 0) return 0;
  const a = spec.alias;
  const changed = spec.columns.map((c) => `${a}.${c} is distinct from ${spec.staged(c)}`).join(' or ');
  const assignments = spec.columns.map((c) => `${c} = ${spec.staged(c)}`).join(', ');
  const diff = spec.columns.map((c) => `case when old.${c} is distinct from ${spec.staged(c)} then jsonb_build_object('${c}', jsonb_build_array(to_jsonb(old.${c}), to_jsonb(${spec.staged(c)}))) else '{}'::jsonb end`).join(' || ');
  return count(db, sql<{ n: number }>`with changed as (
      update ${sql.raw(`${spec.table} ${a}`)} set ${sql.raw(assignments)}, updated_at = now()${sql.raw(spec.extra ? `, ${spec.extra}` : '')}
      from ${spec.from}, ${sql.raw(spec.table)} old
      where ${spec.match} and old.id = ${sql.raw(a)}.id and (${sql.raw(changed)})
      returning ${sql.raw(a)}.id, ${sql.raw(diff)} as changes
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id, changes)
      select ${spec.actorId}, 'import_update', ${spec.entity}, id::text, changes from changed
    )
    select count(*)::int as n from changed`);
}
