import { describe, expect, it } from 'vitest';
import { readListState } from '../accounts/account-filters';
import { paretoZone, RECOVERY_LIST, rfmCellSegments, sectionFilter } from './chart-links';

const classes = {
  A: { accounts: 30, revenue: '800', accountShare: 0.3, revenueShare: 0.8 },
  B: { accounts: 30, revenue: '150', accountShare: 0.3, revenueShare: 0.15 },
  C: { accounts: 40, revenue: '50', accountShare: 0.4, revenueShare: 0.05 },
};

describe('where a chart click leads', () => {
  it('opens the recovery list as the inactive accounts of class A, biggest value first', () => {
    const [path, search] = RECOVERY_LIST.split('?');
    expect(path).toBe('/accounts');
    expect(readListState(`?${search}`)).toEqual({ filters: { abc: 'A', status: 'inactive' }, q: '', sort: '-value' });
  });

  it('finds the ABC zone under a point of the Pareto curve', () => {
    expect(paretoZone(0.05, classes)).toBe('A');
    expect(paretoZone(0.3, classes)).toBe('A');
    expect(paretoZone(0.45, classes)).toBe('B');
    expect(paretoZone(0.95, classes)).toBe('C');
    expect(paretoZone(1.2, classes)).toBeNull();
  });

  it('names the one segment of most RFM cells, and both where spending splits the cell', () => {
    expect(rfmCellSegments(1, 1)).toEqual(['lost']);
    expect(rfmCellSegments(5, 1)).toEqual(['new']);
    expect(rfmCellSegments(5, 5).sort()).toEqual(['champions', 'loyal']);
    expect(rfmCellSegments(1, 5).sort()).toEqual(['at_risk', 'cannot_lose']);
  });

  it('filters the list by a section, the owner by id, and not at all for an empty key', () => {
    expect(sectionFilter('country', { country: 'FR' })).toEqual({ country: 'FR' });
    expect(sectionFilter('owner', { owner: 7 })).toEqual({ ownerId: '7' });
    expect(sectionFilter('sector', { sector: null })).toBeNull();
  });
});
