import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from './normalize-company-name.js';

const key = (name: string) => normalizeCompanyName(name).key;

describe('normalizeCompanyName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeCompanyName('Société Générale').words).toBe('societe generale');
    expect(key('SOCIETE-GENERALE')).toBe(key('Société Générale'));
    expect(key("McDonald's")).toBe('mcdonalds');
    expect(key('Müller Straße Ærø Łódź')).toBe('mullerstrasseaerolodz');
  });

  it.each([
    ['Acme Ltd', 'Ltd'], ['Acme Limited', 'Limited'], ['Acme, LLC', 'LLC'], ['Acme Inc.', 'Inc.'], ['Acme Corp.', 'Corp.'],
    ['Acme GmbH', 'GmbH'], ['Acme AG', 'AG'], ['Acme KG', 'KG'], ['Acme SARL', 'SARL'], ['Acme S.A.R.L.', 'S.A.R.L.'],
    ['Acme SAS', 'SAS'], ['Acme SA', 'SA'], ['Acme S.A.', 'S.A.'], ['Acme S. A.', 'S. A.'], ['Acme SpA', 'SpA'],
    ['Acme S.p.A.', 'S.p.A.'], ['Acme S.r.l.', 'S.r.l.'], ['Acme BV', 'BV'], ['Acme B.V.', 'B.V.'], ['Acme NV', 'NV'],
    ['Acme Oy', 'Oy'], ['Acme AB', 'AB'], ['Acme Pty Ltd', 'Pty Ltd'], ['Acme PLC', 'PLC'], ['Acme SL', 'SL'],
    ['Acme S.L.', 'S.L.'], ['Acme y Cia', 'y Cia'], ['Acme & Co', '& Co'], ['Acme and Co.', 'and Co.'], ['Acme et Cie', 'et Cie'],
    ['Acme A/S', 'A S'], ['Acme ApS', 'ApS'], ['Acme Sp. z o.o.', 'Sp. z o.o.'], ['Acme s.r.o.', 's.r.o.'], ['Acme Kft.', 'Kft.'],
    ['Acme S.A. de C.V.', 'S.A. de C.V.'], ['Acme Ltda.', 'Ltda.'], ['Acme Sdn Bhd', 'Sdn Bhd'], ['Acme K.K.', 'K.K.'],
  ])('removes the legal form of "%s"', (name, removed) => {
    expect(normalizeCompanyName(name)).toEqual({ words: 'acme', key: 'acme', removed: [removed] });
  });

  it('removes stacked forms and the article in front, saying what went', () => {
    expect(normalizeCompanyName('The Acme Company, Inc.')).toEqual({ words: 'acme', key: 'acme', removed: ['The', 'Company Inc.'] });
    expect(normalizeCompanyName('Müller GmbH & Co. KG')).toEqual({ words: 'muller', key: 'muller', removed: ['GmbH & Co. KG'] });
    expect(normalizeCompanyName('SARL Dupont Frères')).toMatchObject({ words: 'dupont freres', removed: ['SARL'] });
  });

  it('keeps legal-form words inside the name and a name that is nothing but a form', () => {
    expect(normalizeCompanyName('Co-operative Bank').words).toBe('co operative bank');
    expect(normalizeCompanyName('SAS Institute').words).toBe('institute');
    expect(normalizeCompanyName('Limited Editions Ltd').words).toBe('limited editions');
    expect(normalizeCompanyName('S.A.').key).toBe('sa');
    expect(normalizeCompanyName('The Co').key).toBe('co');
  });

  it('joins words, so names spelled with or without spaces and hyphens meet', () => {
    expect(key('Coca-Cola')).toBe(key('CocaCola'));
    expect(key('Best Buy Co., Inc.')).toBe(key('BestBuy'));
  });
});
