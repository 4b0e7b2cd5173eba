import { describe, expect, it } from 'vitest';
import { statusOn } from './status-history.js';
import { account } from './testing/facts.js';
import type { StatusChangeFact } from '../../domain/portfolio/facts.js';

describe('status on a past day', () => {
  const a = account(1, { status: 'customer', since: '2025-01-01T09:00:00Z' });
  const changes: StatusChangeFact[] = [
    { accountId: 1, fromStatus: 'prospect', toStatus: 'customer', changedAt: '2025-09-01T10:00:00Z' },
    { accountId: 1, fromStatus: 'lead', toStatus: 'prospect', changedAt: '2025-03-01T10:00:00Z' },
  ];

  it('reads the status set by the last change up to that day, in any input order', () => {
    expect(statusOn(a, changes, '2025-03-01')).toBe('prospect');
    expect(statusOn(a, changes, '2025-08-31')).toBe('prospect');
    expect(statusOn(a, changes, '2026-01-01')).toBe('customer');
  });

  it('reads the status a first change started from, before it', () => {
    expect(statusOn(a, changes, '2025-02-01')).toBe('lead');
  });

  it('holds the status a record was created with from the day the account began', () => {
    const imported = account(2, { status: 'customer', since: '1997-01-01T00:00:00Z' });
    const created: StatusChangeFact[] = [{ accountId: 2, fromStatus: null, toStatus: 'customer', changedAt: '2026-12-07T10:00:00Z' }];
    expect(statusOn(imported, created, '1998-06-30')).toBe('customer');
    expect(statusOn(imported, created, '1996-12-31')).toBeNull();
  });

  it('uses the current status when nothing changed, and none before the account existed', () => {
    expect(statusOn(a, [], '2025-06-01')).toBe('customer');
    expect(statusOn(a, changes, '2024-12-31')).toBeNull();
  });
});
