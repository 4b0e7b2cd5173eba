import type { Changes } from '../../domain/changes.js';
import type { AuditEntry } from '../../domain/schemas/audit.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, type Page, toPage } from '../keyset.js';

/** An entry as the trail answers it (domain/schemas/audit.ts): the changes as the JSON they were stored as. */
export type { AuditEntry };

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  userId?: number;
  limit?: number;
  cursor?: string;
}

const SORT = { column: 'id', direction: 'desc' } as const;

export function auditRepository(db: Executor) {
  return {
    async record(entry: { userId: number | null; action: string; entity: string; entityId: string | number; changes?: Changes | null }) {
      await db.insertInto('audit_log').values({
        // The system actor (id 0) is not a user row.
        user_id: entry.userId || null,
        action: entry.action,
        entity: entry.entity,
        entity_id: String(entry.entityId),
        changes: entry.changes ? JSON.stringify(entry.changes) : null,
      }).execute();
    },
    async list(query: AuditQuery): Promise<Page<AuditEntry>> {
      const limit = query.limit ?? 50;
      let q = db.selectFrom('audit_log').selectAll();
      if (query.entity) q = q.where('entity', '=', query.entity);
      if (query.entityId) q = q.where('entity_id', '=', query.entityId);
      if (query.userId) q = q.where('user_id', '=', query.userId);
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'audit_log', SORT, cursor));
      }
      const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
      return toPage(rows, limit, SORT, (row) => ({
        id: row.id,
        at: isoRequired(row.at),
        userId: row.user_id,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        changes: row.changes as AuditEntry['changes'],
      }));
    },
  };
}
