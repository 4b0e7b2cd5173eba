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
  // The discount is held in hundredths of a percent so the arithmetic stays in integers.
  const discountBasisPoints = Math.round(discountPercent * 100);
  const exact = quantity * unitPrice * (10000 - discountBasisPoints);
  if (Number.isSafeInteger(exact)) {
    // Integers all the way below 2^53 (imports price millions of lines this way); the remainder
    // is taken first so the division is exact.
    const magnitude = Math.abs(exact) + 5000;
    const whole = (magnitude - (magnitude % 10000)) / 10000;
    return cents(exact < 0 ? 0 - whole : whole);
  }
  // BigInt because the product passes 2^53 on large lines, where a float loses the last cent.
  const gross = BigInt(quantity) * BigInt(unitPrice) * BigInt(10000 - discountBasisPoints);
  const magnitude = (gross < 0n ? -gross : gross) + 5000n;
  return cents(Number((gross < 0n ? -magnitude : magnitude) / 10000n));
}
