// Files in several currencies as a user would import them (orders, order lines, rates), and the
// revenue they make worked out from their text alone, with no code of the product.

/** Rates of USD and GBP to the euro, on the days a treasurer would publish them. */
export const RATES_CSV = [
  'date,currency,rate',
  '2024-01-01,USD,0.9150',
  '2024-01-01,GBP,1.1500000001',
  '2024-02-15,USD,0.9233',
  '2024-03-10,GBP,1.1688',
  '2024-04-01,USD,0.9301',
  '2024-06-01,USD,0.9402',
].join('\n');

const CURRENCIES = ['EUR', '', 'USD', 'GBP', 'USD', 'EUR'] as const;

/** 60 orders of 6 customers from January to June 2024; currencies mixed, an empty one meaning the euro. */
export function ordersCsv(): string {
  const rows = ['number,customer id,date,amount,currency'];
  for (let i = 0; i < 60; i++) {
    const month = 1 + Math.floor(i / 10);
    const day = 1 + ((i * 11) % 28);
    const cents = 1000 + ((i * 7919) % 250_000);
    const amount = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    rows.push(`FX-${i},C${i % 6},2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${amount},${CURRENCIES[(i + Math.floor(i / 4)) % 6]}`);
  }
  return rows.join('\n');
}

/** 12 invoices of 1 to 3 lines, in USD, GBP or euros, for the same customers. */
export function orderLinesCsv(): string {
  const rows = ['invoice,customer id,date,sku,quantity,unit price,currency'];
  for (let i = 0; i < 12; i++) {
    const currency = ['USD', 'GBP', 'EUR'][i % 3];
    for (let line = 0; line <= i % 3; line++) {
      rows.push(`INV-${i},C${i % 6},2024-05-${String(3 + i).padStart(2, '0')},SKU-${line},${1 + line},${12 + i}.${String(5 * line).padStart(2, '0')}5,${currency}`);
    }
  }
  return rows.join('\n');
}

type Row = Record<string, string>;
const parse = (csv: string): Row[] => {
  const [header, ...lines] = csv.split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
};

/** A decimal string as an integer count of 10^-scale units. */
const scaled = (decimal: string, scale: number): bigint => {
  const [whole, fraction = ''] = decimal.split('.');
  return BigInt(whole! + fraction.padEnd(scale, '0').slice(0, scale));
};

/** Half away from zero, as a bank rounds. */
const divide = (value: bigint, by: bigint): bigint => {
  const sign = value < 0n ? -1n : 1n;
  return sign * ((sign * value * 2n + by) / (2n * by));
};

/** The rate of `currency` on `day`: the latest published on or before it, as 10^-10 units. */
function rateOn(rates: Row[], currency: string, day: string): bigint {
  const found = rates.filter((r) => r.currency === currency && r.date! <= day).sort((a, b) => (a.date! < b.date! ? 1 : -1))[0];
  if (!found) throw new Error(`no ${currency} rate on ${day}`);
  return scaled(found.rate!, 10);
}

const inEuroCents = (rates: Row[], cents: bigint, currency: string, day: string): bigint =>
  (currency === '' || currency === 'EUR' ? cents : divide(cents * rateOn(rates, currency, day), 10n ** 10n));

/** Each customer's revenue in euro cents: each order converted at its day's rate, rounded to the cent. */
export function expectedRevenue(rates = RATES_CSV, orders = ordersCsv(), lines = orderLinesCsv()): Map<string, bigint> {
  const published = parse(rates);
  const byCustomer = new Map<string, bigint>();
  const add = (customer: string, value: bigint) => byCustomer.set(customer, (byCustomer.get(customer) ?? 0n) + value);
  for (const o of parse(orders)) add(o['customer id']!, inEuroCents(published, scaled(o.amount!, 2), o.currency!, o.date!));
  const invoices = new Map<string, { customer: string; day: string; currency: string; cents: bigint }>();
  for (const l of parse(lines)) {
    const invoice = invoices.get(l.invoice!) ?? { customer: l['customer id']!, day: l.date!, currency: l.currency!, cents: 0n };
    // A line's total is rounded to the cent once, from its exact price (four decimals here).
    invoice.cents += divide(BigInt(l.quantity!) * scaled(l['unit price']!, 4), 100n);
    invoices.set(l.invoice!, invoice);
  }
  for (const i of invoices.values()) add(i.customer, inEuroCents(published, i.cents, i.currency, i.day));
  return byCustomer;
}
