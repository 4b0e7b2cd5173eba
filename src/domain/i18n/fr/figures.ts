// Les chiffres qui paraissent à plusieurs endroits (voir en/figures.ts).
export const figures = {
  buyingNow: 'Comptes qui achètent en ce moment',
  timeBetweenPurchases: 'Intervalle entre deux achats (médiane)',
  bigAccountsGoneQuiet: 'Gros comptes devenus silencieux',
  days_one: '{{days}} jour',
  days_other: '{{days}} jours',
  days_many: '{{days}} jours',
};
