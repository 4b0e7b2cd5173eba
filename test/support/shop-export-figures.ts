// What importing a generated shop export must give, worked out from the file's text alone
// (csv-parse and BigInt arithmetic on the decimal digits), never through the importer's code.
import { parse } from 'csv-parse/sync';

/** Cents of quantity × price, rounded half away from zero, worked out on the price's decimal digits. */
export function lineCents(quantity: string, price: string): bigint {
  const [whole, fraction = ''] = price.split('.');
  const tenThousandths = BigInt(whole!) * 10000n + BigInt(fraction.padEnd(4, '0'));
  const exact = BigInt(quantity) * tenThousandths; // in 1/10,000 of the unit, i.e. 1/100 of a cent
  const magnitude = exact < 0n ? -exact : exact;
  const rounded = (magnitude + 50n) / 100n;
  return exact < 0n ? -rounded : rounded;
}

export const ISO_COUNTRY: Record<string, string> = {
  'United Kingdom': 'GB', Germany: 'DE', France: 'FR', EIRE: 'IE', Spain: 'ES', 'Czech Republic': 'CZ', 'Hong Kong': 'HK', USA: 'US',
  RSA: 'ZA', Allemagne: 'DE', España: 'ES', Deutschland: 'DE', Netherlands: 'NL', Japan: 'JP', Brazil: 'BR',
};
export const NOT_A_COUNTRY = new Set(['Channel Islands', 'European Community']);

/** Everything the import should give, computed from the file's text alone. */
export function expectedFrom(csv: string) {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const invoices = new Map<string, { customer: string; day: string; cents: bigint; lines: number; credit: boolean; cancels: string; allNegative: boolean }>();
  let guestLines = 0;
  let guestCents = 0n;
  const unknownPlaces = new Map<string, number>();
  let notStated = 0;
  const firstCountry = new Map<string, string>();
  for (const row of rows) {
    const cents = lineCents(row.Quantity!, row.UnitPrice!);
    const customer = row.CustomerID || 'walk-in';
    if (!row.CustomerID) {
      guestLines++;
      guestCents += cents;
    }
    if (NOT_A_COUNTRY.has(row.Country!)) unknownPlaces.set(row.Country!, (unknownPlaces.get(row.Country!) ?? 0) + 1);
    if (row.Country === 'Unspecified') notStated++;
    if (row.CustomerID && !firstCountry.has(row.CustomerID)) firstCountry.set(row.CustomerID, row.Country!);
    const invoice = invoices.get(row.InvoiceNo!) ?? { customer, day: row.InvoiceDate!.slice(0, 10), cents: 0n, lines: 0, credit: false, cancels: row.OriginalInvoiceNo!, allNegative: true };
    invoice.cents += cents;
    invoice.lines++;
    if (Number(row.Quantity) >= 0) invoice.allNegative = false;
    invoices.set(row.InvoiceNo!, invoice);
  }
  for (const [number, invoice] of invoices) invoice.credit = number.startsWith('C') || invoice.cents < 0n || invoice.allNegative;
  const perAccount = new Map<string, { net: bigint; orders: number; days: Set<string> }>();
  for (const invoice of invoices.values()) {
    const account = perAccount.get(invoice.customer) ?? { net: 0n, orders: 0, days: new Set<string>() };
    account.net += invoice.cents;
    if (!invoice.credit) {
      account.orders++;
      account.days.add(invoice.day);
    }
    perAccount.set(invoice.customer, account);
  }
  const all = [...invoices.values()];
  const orders = all.filter((i) => !i.credit);
  const credits = all.filter((i) => i.credit);
  const sum = (list: typeof all) => list.reduce((s, i) => s + i.cents, 0n);
  return {
    lines: rows.length,
    /** The file's last invoice day, to analyse it as of its own dates. */
    lastDay: all.reduce((last, i) => (i.day > last ? i.day : last), ''),
    lineCents: all.reduce((s, i) => s + i.cents, 0n),
    customers: new Set(rows.map((r) => r.CustomerID).filter(Boolean)).size,
    guestLines, guestCents,
    guestOrders: orders.filter((i) => i.customer === 'walk-in').length,
    guestCredits: credits.filter((i) => i.customer === 'walk-in').length,
    guestCreditCents: sum(credits.filter((i) => i.customer === 'walk-in')),
    orders: orders.length, orderCents: sum(orders),
    credits: credits.length, creditCents: sum(credits),
    linked: credits.filter((c) => c.cancels && invoices.get(c.cancels)?.customer === c.customer).length,
    namedNotFound: credits.filter((c) => c.cancels && !invoices.has(c.cancels)).length,
    unknownPlaces, notStated, firstCountry, perAccount,
  };
}

export const money = (cents: bigint) => `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`;
