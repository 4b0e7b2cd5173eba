// A shop's own invoice-line export, generated: the "Online Retail" layout (InvoiceNo, StockCode,
// Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country) with what such files hold
// — guest lines with no customer, "C" cancellations with negative quantities of earlier
// invoices (most naming the invoice they cancel in an OriginalInvoiceNo column, one naming an
// invoice that does not exist), stock written off at no price with no customer, unit prices to four decimals, several lines per invoice, and
// country names as shops write them. The same seed always gives the same file.
import { Random } from '../../src/services/demo/seeded-random.js';

export interface ShopExportOptions {
  seed: number;
  invoices: number;
  customers: number;
}

/** Countries as the customers' records write them, with how often; the odd ones are on purpose. */
export const SHOP_COUNTRIES: readonly (readonly [string, number])[] = [
  ['United Kingdom', 40], ['Germany', 6], ['France', 6], ['EIRE', 4], ['Spain', 3], ['Czech Republic', 2], ['Hong Kong', 2],
  ['Channel Islands', 2], ['European Community', 1], ['Unspecified', 2], ['USA', 2], ['RSA', 1], ['Allemagne', 1],
  ['España', 1], ['Deutschland', 1], ['Netherlands', 2], ['Japan', 1], ['Brazil', 1],
];

const PRODUCTS: readonly (readonly [string, string, string])[] = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '2.55'],
  ['71053', 'WHITE METAL LANTERN', '3.39'],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', '2.75'],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', '7.65'],
  ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', '4.25'],
  ['22633', 'HAND WARMER UNION JACK', '1.85'],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', '1.69'],
  ['22745', 'POPPY\'S PLAYHOUSE BEDROOM', '2.10'],
  ['21754', 'HOME BUILDING BLOCK WORD', '5.95'],
  ['16008', 'SMALL FOLDING SCISSOR(POINTED EDGE)', '0.25'],
  ['PADS', 'PADS TO MATCH ALL CUSHIONS', '0.001'],
  ['23084', 'RABBIT NIGHT LIGHT', '1.79'],
  ['22197', 'POPCORN HOLDER', '0.72'],
  ['84077', 'WORLD WAR 2 GLIDERS ASSTD DESIGNS', '0.29'],
  ['21212', 'PACK OF 72 RETROSPOT CAKE CASES', '0.55'],
  ['22423', 'REGENCY CAKESTAND 3 TIER', '12.75'],
  ['BANK', 'BANK CHARGES, SMALL', '15.0000'],
  ['47566', 'PARTY BUNTING', '4.9500'],
  ['23166', 'MEDIUM CERAMIC TOP STORAGE JAR', '1.0400'],
  ['M', 'Manual', '0.4150'],
  ['22086', 'PAPER CHAIN KIT 50\'S CHRISTMAS', '2.9500'],
  ['POST', 'POSTAGE', '18.0650'],
];

export interface ShopLine {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  invoiceDate: string;
  unitPrice: string;
  customerId: string;
  country: string;
  originalInvoiceNo: string;
}

export const SHOP_HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country', 'OriginalInvoiceNo'];

const pad = (n: number) => String(n).padStart(2, '0');

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function shopExportLines({ seed, invoices, customers }: ShopExportOptions): ShopLine[] {
  const random = new Random(seed);
  const people = Array.from({ length: customers }, (_, i) => ({ id: String(12346 + i * 7), country: random.weighted(SHOP_COUNTRIES) }));
  const start = Date.UTC(2010, 11, 1);
  const lines: ShopLine[] = [];
  const sold: { invoiceNo: string; customer: (typeof people)[number]; at: number; items: ShopLine[] }[] = [];
  let number = 536365;
  let namedMissing = false;
  for (let i = 0; i < invoices; i++) {
    const day = Math.floor((i * 365) / invoices);
    const at = start + day * 86_400_000 + random.int(8, 17) * 3_600_000 + random.int(0, 59) * 60_000;
    const when = new Date(at);
    const invoiceDate = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())} ${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:00`;
    const earlier = sold.filter((s) => s.customer && s.at < at);
    if (earlier.length && random.chance(0.09)) {
      // A cancellation of some lines of an earlier invoice, its quantities negative.
      const original = random.pick(earlier.slice(-60));
      const items = original.items.slice(0, random.int(1, Math.min(3, original.items.length)));
      const named = random.chance(0.7);
      let originalNo = named ? original.invoiceNo : '';
      if (!named && !namedMissing) {
        originalNo = '499999';
        namedMissing = true;
      }
      const invoiceNo = `C${number++}`;
      for (const item of items) {
        lines.push({ ...item, invoiceNo, quantity: -random.int(1, item.quantity), invoiceDate, originalInvoiceNo: originalNo });
      }
      continue;
    }
    if (random.chance(0.01)) {
      // Stock written off with no customer and no price ("damaged"): a return of nothing.
      const [stockCode] = random.pick(PRODUCTS);
      lines.push({ invoiceNo: String(number++), stockCode, description: 'damaged', quantity: -random.int(1, 60), invoiceDate, unitPrice: '0', customerId: '', country: 'United Kingdom', originalInvoiceNo: '' });
      continue;
    }
    const guest = random.chance(0.22);
    const customer = random.pick(people);
    const invoiceNo = String(number++);
    const items: ShopLine[] = [];
    for (let l = random.int(1, 8); l > 0; l--) {
      const [stockCode, description, unitPrice] = random.pick(PRODUCTS);
      const quantity = unitPrice === '0.001' ? random.int(1, 20) * 100 : random.int(1, 48);
      items.push({
        invoiceNo, stockCode, description, quantity, invoiceDate, unitPrice,
        customerId: guest ? '' : customer.id, country: guest ? random.weighted([['United Kingdom', 8], ['Unspecified', 1]]) : customer.country,
        originalInvoiceNo: '',
      });
    }
    lines.push(...items);
    if (!guest) sold.push({ invoiceNo, customer, at, items });
  }
  return lines;
}

export function shopExportCsv(lines: readonly ShopLine[]): string {
  const rows = lines.map((l) => [l.invoiceNo, l.stockCode, l.description, l.quantity, l.invoiceDate, l.unitPrice, l.customerId, l.country, l.originalInvoiceNo]
    .map(csvCell).join(','));
  return `${[SHOP_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
