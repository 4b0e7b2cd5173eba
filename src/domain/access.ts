// Who may see what. Pure rules; the services apply them and the store filters by the scope.
import type { Role } from './customer-file.js';

export interface Actor {
  userId: number;
  role: Role;
}

/** The CLI and background jobs act as the system, which sees everything. */
export const SYSTEM_ACTOR: Actor = { userId: 0, role: 'admin' };

export const REP_VISIBILITIES = ['all', 'own'] as const;
export type RepVisibility = (typeof REP_VISIBILITIES)[number];

/** The accounts an actor may see: every one, or only those they own. */
export interface AccountScope {
  ownerId?: number;
}

export function accountScope(actor: Actor, repVisibility: RepVisibility): AccountScope {
  return actor.role === 'rep' && repVisibility === 'own' ? { ownerId: actor.userId } : {};
}

export const canManageUsers = (actor: Actor) => actor.role === 'admin';
export const canReadAudit = (actor: Actor) => actor.role === 'admin';
export const canEditCatalogue = (actor: Actor) => actor.role !== 'rep';
export const canChangeSettings = (actor: Actor) => actor.role === 'admin';
/** Merging deletes a record for good: a manager's call. */
export const canMergeRecords = (actor: Actor) => actor.role !== 'rep';
/** Imports bypass per-rep portfolios, so they are for managers and admins. */
export const canImport = (actor: Actor) => actor.role !== 'rep';
