// An order's total is derived from its lines, never typed in, so the two cannot disagree.
import { type Cents, cents, lineTotal, parseMoney } from './money.js';
import type { OrderLineInput } from './schemas/order.js';

export interface PricedLine {
  lineNo: number;
  productId: number | null;
  description: string | null;
  quantity: number;
  unitPriceCents: Cents;
  discountBasisPoints: number;
  totalCents: Cents;
}

export function priceLines(lines: readonly OrderLineInput[]): { lines: PricedLine[]; totalCents: Cents; itemCount: number } {
  const priced = lines.map((line, index): PricedLine => {
    const unitPriceCents = parseMoney(line.unitPrice);
    const discountPercent = line.discountPercent ?? 0;
    return {
      lineNo: index + 1,
      productId: line.productId ?? null,
      description: line.description ?? null,
      quantity: line.quantity,
      unitPriceCents,
      discountBasisPoints: Math.round(discountPercent * 100),
      totalCents: lineTotal(line.quantity, unitPriceCents, discountPercent),
    };
  });
  return {
    lines: priced,
    totalCents: cents(priced.reduce((sum, line) => sum + line.totalCents, 0)),
    itemCount: priced.reduce((sum, line) => sum + line.quantity, 0),
  };
}
