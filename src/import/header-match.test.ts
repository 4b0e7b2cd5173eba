import { describe, expect, it } from 'vitest';
import { matchHeaders, normalizeHeader } from './header-match.js';

const fields = [
  { field: 'email', names: ['e-mail', 'courriel', 'correo electrónico', 'mail'] },
  { field: 'phone', names: ['téléphone', 'teléfono', 'tel'] },
  { field: 'country', names: ['pays', 'país'] },
  { field: 'name', names: ['nom', 'nombre', 'company'] },
];

describe('header matching', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeHeader(' Téléphone (fixe) ')).toBe('telephonefixe');
    expect(normalizeHeader('E-Mail')).toBe('email');
  });

  it('maps English, French and Spanish headers to the same fields', () => {
    const { columns, unmatched } = matchHeaders(['Courriel', 'Téléphone', 'País', 'Nom', 'Notes'], fields);
    expect(columns).toEqual({ Courriel: 'email', Téléphone: 'phone', País: 'country', Nom: 'name' });
    expect(unmatched).toEqual(['Notes']);
  });

  it('lets a mapping file override the automatic match', () => {
    const { columns } = matchHeaders(['Raison sociale', 'Nom'], fields, { 'Raison sociale': 'name', Nom: 'contactName' });
    expect(columns).toEqual({ 'Raison sociale': 'name', Nom: 'contactName' });
  });

  it('reports two headers claiming one field and keeps the first', () => {
    const { columns, clashes } = matchHeaders(['E-mail', 'Courriel'], fields);
    expect(columns).toEqual({ 'E-mail': 'email' });
    expect(clashes).toEqual([{ field: 'email', headers: ['E-mail', 'Courriel'] }]);
  });
});
