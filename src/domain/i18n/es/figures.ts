// Las cifras que aparecen en varios lugares (véase en/figures.ts).
export const figures = {
  buyingNow: 'Cuentas que compran ahora',
  timeBetweenPurchases: 'Tiempo entre compras (mediana)',
  bigAccountsGoneQuiet: 'Cuentas grandes que se han quedado en silencio',
  days_one: '{{days}} día',
  days_other: '{{days}} días',
  days_many: '{{days}} días',
};
