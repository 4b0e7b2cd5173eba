// Money travels as integer cents inside Clientele and as a decimal string ("1234.50") at the
// edges, so no amount ever passes through binary floating point.

export type Cents = number & { readonly __brand: 'Cents' };

export const MONEY_PATTERN = '^-?\\d{1,13}(\\.\\d{1,2})?$';
const moneyRegex = new RegExp(MONEY_PATTERN);

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of cents`);
  return value as Cents;
}

export function parseMoney(text: string): Cents {
  if (!moneyRegex.test(text)) throw new RangeError(`"${text}" is not an amount with at most two decimals`);
  const negative = text.charCodeAt(0) === 45;
  const dot = text.indexOf('.');
  const whole = Number(text.slice(negative ? 1 : 0, dot < 0 ? text.length : dot));
  const fraction = dot < 0 ? 0 : text.length - dot === 2 ? Number(text[dot + 1]) * 10 : Number(text.slice(dot + 1));
  const value = whole * 100 + fraction;
  return cents(negative ? -value : value);
}

export function formatMoney(value: Cents | number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** A figure computed in cents (a sum, a mean, a model's estimate) as the decimal string the API gives, rounded to the cent. */
export function amount(value: number): string;
export function amount(value: number | null): string | null;
export function amount(value: number | null): string | null {
  return value === null ? null : formatMoney(cents(Math.round(value)));
}

/** Line total: quantity × unit price less a percentage discount, rounded half away from zero to the cent. */
export function lineTotal(quantity: number, unitPrice: Cents, discountPercent: number): Cents {
  return preciseLineTotal(quantity, unitPrice * 100, discountPercent);
}

/** A unit price's smallest step: shop exports price small items to the tenth of a cent (0.001). */
export const UNIT_PRICE_DECIMALS = 4;
export const UNIT_PRICE_PATTERN = '^-?\\d{1,13}(\\.\\d{1,4})?$';
const unitPriceRegex = new RegExp(UNIT_PRICE_PATTERN);

/** A unit price with up to four decimals, in ten-thousandths of the currency unit ("0.001" → 10). */
export function parseUnitPrice(text: string): number {
  if (!unitPriceRegex.test(text)) throw new RangeError(`"${text}" is not a unit price with at most four decimals`);
  const negative = text.charCodeAt(0) === 45;
  const [whole = '0', fraction = ''] = text.slice(negative ? 1 : 0).split('.');
  const value = Number(whole) * 10000 + Number(fraction.padEnd(4, '0'));
  if (!Number.isSafeInteger(value)) throw new RangeError(`"${text}" is too large a unit price`);
  return negative ? -value : value;
}

/** Ten-thousandths as the decimal string an import wrote ("0.0010"), or cents when they are exact. */
export function formatUnitPrice(tenThousandths: number): string {
  const negative = tenThousandths < 0;
  const abs = Math.abs(tenThousandths);
  const text = `${Math.trunc(abs / 10000)}.${String(abs % 10000).padStart(4, '0')}`;
  return negative ? `-${text}` : text;
}

/**
 * Line total from a unit price in ten-thousandths: quantity × unit price less a percentage
 * discount, rounded half away from zero to the cent once, on the line (never on the unit price
 * first), so 3 × 0.0050 is 0.02 and not 0.03. An order's total is the sum of its rounded lines.
 */
export function preciseLineTotal(quantity: number, unitPrice: number, discountPercent: number): Cents {
  // The discount is held in hundredths of a percent so the arithmetic stays in integers.
  const discountBasisPoints = Math.round(discountPercent * 100);
  const exact = quantity * unitPrice * (10000 - discountBasisPoints);
  // exact is in 10^-4 × 10^-4 units of the currency: 10^6 of them make a cent.
  if (Number.isSafeInteger(exact)) {
    // Integers all the way below 2^53 (imports price millions of lines this way); the remainder
    // is taken first so the division is exact.
    const magnitude = Math.abs(exact) + 500000;
    const whole = (magnitude - (magnitude % 1000000)) / 1000000;
    return cents(exact < 0 ? 0 - whole : whole);
  }
  // BigInt because the product passes 2^53 on large lines, where a float loses the last cent.
  const gross = BigInt(quantity) * BigInt(unitPrice) * BigInt(10000 - discountBasisPoints);
  const magnitude = (gross < 0n ? -gross : gross) + 500000n;
  return cents(Number((gross < 0n ? -magnitude : magnitude) / 1000000n));
}

/** A unit price in ten-thousandths rounded half away from zero to the cent, for what shows cents. */
export function unitPriceCents(tenThousandths: number): Cents {
  const magnitude = Math.abs(tenThousandths) + 50;
  const whole = (magnitude - (magnitude % 100)) / 100;
  return cents(tenThousandths < 0 ? 0 - whole : whole);
}
