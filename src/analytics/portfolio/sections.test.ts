import { describe, expect, it } from 'vitest';
import { cents } from '../../domain/money.js';
import { type SectionRow, sectionsBy } from './sections.js';
import { account } from './testing/facts.js';

const row = (id: number, fields: Partial<SectionRow> & { country?: string; size?: 'small' | 'enterprise'; ownerId?: number }): SectionRow => ({
  account: account(id, { country: (fields.country ?? null) as never, size: fields.size ?? null, ownerId: fields.ownerId ?? null }),
  revenue: fields.revenue ?? cents(0),
  everBought: fields.everBought ?? true,
  status: fields.status ?? 'active',
  abc: fields.abc ?? 'C',
  churnSignals: fields.churnSignals ?? 0,
});

describe('portfolio sections', () => {
  const rows = [
    row(1, { country: 'FR', size: 'small', revenue: cents(50000), abc: 'A', status: 'current', churnSignals: 2 }),
    row(2, { country: 'FR', size: 'enterprise', revenue: cents(30000), abc: 'A', status: 'active' }),
    row(3, { country: 'FR', size: 'small', revenue: cents(0), abc: 'none', status: 'inactive' }),
    row(4, { country: 'DE', size: 'small', revenue: cents(20000), abc: 'B', status: 'active', churnSignals: 1 }),
    row(5, { revenue: cents(0), abc: 'none', status: 'potential', everBought: false }),
  ];

  it('counts accounts, revenue, ABC mix, active rate and churn signals per section', () => {
    const byCountry = sectionsBy(rows, ['country']);
    expect(byCountry.map((s) => s.key)).toEqual([['FR'], ['DE'], [null]]);
    expect(byCountry[0]).toEqual({
      dimensions: ['country'], key: ['FR'], accounts: 3, buyers: 3, activeAccounts: 2, activeRate: 2 / 3,
      revenue: 80000, revenueShare: 0.8, abc: { A: 2, B: 0, C: 0, none: 1 }, accountsWithChurnSignals: 1,
    });
    expect(byCountry[2]).toMatchObject({ key: [null], buyers: 0, activeRate: null, revenueShare: 0 });
  });

  it('crosses two dimensions', () => {
    const crossed = sectionsBy(rows, ['country', 'size']);
    expect(crossed.map((s) => [s.key, s.accounts, s.revenue])).toEqual([
      [['FR', 'small'], 2, 50000],
      [['FR', 'enterprise'], 1, 30000],
      [['DE', 'small'], 1, 20000],
      [[null, null], 1, 0],
    ]);
  });

  it('gives the same sections from rows that each stand for several alike accounts', () => {
    const twice = sectionsBy([...rows, row(6, { country: 'DE', size: 'small', revenue: cents(20000), abc: 'B', status: 'active', churnSignals: 1 })], ['country']);
    const weighted = sectionsBy([...rows.slice(0, 3), { ...rows[3]!, accounts: 2, revenue: cents(40000) }, rows[4]!], ['country']);
    expect(weighted).toEqual(twice);
    expect(weighted.find((section) => section.key[0] === 'DE')).toMatchObject({ accounts: 2, buyers: 2, activeAccounts: 2, abc: { B: 2 }, accountsWithChurnSignals: 2 });
  });

  it('groups by owner', () => {
    const byOwner = sectionsBy([row(1, { ownerId: 7, revenue: cents(100) }), row(2, { ownerId: 7 }), row(3, {})], ['owner']);
    expect(byOwner.map((s) => [s.key, s.accounts])).toEqual([[[7], 2], [[null], 1]]);
  });
});
