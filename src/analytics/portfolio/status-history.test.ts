import { describe, expect, it } from 'vitest';
import { statusOn } from './status-history.js';
import { account } from './testing/facts.js';
import type { StatusChangeFact } from './types.js';

describe('status on a past day', () => {
  const a = account(1, { status: 'customer', createdAt: '2025-01-01T09:00:00Z' });
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

  it('uses the current status when nothing changed, and none before the account existed', () => {
    expect(statusOn(a, [], '2025-06-01')).toBe('customer');
    expect(statusOn(a, changes, '2024-12-31')).toBeNull();
  });
});
