import { describe, expect, it } from 'vitest';
import { activeFilterCount, listLink, listQuery, nextSort, normalizeTags, rangeText, rangeValue, readListState, writeListState } from './account-filters';

describe('the account list state in the address', () => {
  it('reads the known filters, the search and the sort, and ignores anything else', () => {
    const state = readListState('?status=customer&country=FR&q=%20acme%20&sort=-updatedAt&colour=blue&segment=');
    expect(state).toEqual({ filters: { status: 'customer', country: 'FR' }, q: 'acme', sort: '-updatedAt' });
  });

  it('sorts by name when the address says nothing', () => {
    expect(readListState('').sort).toBe('name');
  });

  it('writes back what it reads, leaving out the default sort and empty values', () => {
    const search = '?status=lead&tags=vip%2Cexport&q=dupont&sort=-createdAt';
    expect(writeListState(readListState(search))).toBe(search);
    expect(writeListState({ filters: { status: '' }, q: '', sort: 'name' })).toBe('');
  });

  it('gives the API the filters with the search and the sort', () => {
    expect(listQuery({ filters: { size: 'small' }, q: 'x', sort: 'name' })).toEqual({ size: 'small', q: 'x', sort: 'name' });
    expect(listQuery({ filters: {}, q: '', sort: 'name' })).toEqual({ sort: 'name' });
  });

  it('flips the direction when the sorted column is clicked again', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-name', 'updatedAt')).toBe('updatedAt');
  });

  it('cleans typed tags into a comma list without blanks or repeats', () => {
    expect(normalizeTags(' vip, export ,, vip ')).toBe('vip,export');
  });

  it('counts the search as a filter', () => {
    expect(activeFilterCount(readListState('?status=lead&q=a'))).toBe(2);
  });
});

describe('the analysis filters', () => {
  it('reads class filters and both ends of a range', () => {
    const state = readListState('?abc=A&status=inactive&pAliveMin=0.5&clvMax=1000&tier=high');
    expect(state.filters).toEqual({ status: 'inactive', abc: 'A', tier: 'high', clvMax: '1000', pAliveMin: '0.5' });
  });

  it('links to the list filtered as a chart asks', () => {
    expect(listLink({ abc: 'A', status: 'inactive' })).toBe('/accounts?abc=A&status=inactive');
    expect(listLink({ tier: 'high' }, '-revenue')).toBe('/accounts?tier=high&sort=-revenue');
  });

  it('turns a typed percent into the API\'s share and back', () => {
    expect(rangeValue('50', 100)).toBe('0.5');
    expect(rangeValue('12,5', 100)).toBe('0.125');
    expect(rangeText('0.125', 100)).toBe('12.5');
    expect(rangeValue('1500.50')).toBe('1500.50');
    expect(rangeValue('lots')).toBe('');
  });
});
