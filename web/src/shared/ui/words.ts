// The vocabulary in words people read: "ex_customer" shows as "Ex-customer".
const SPECIAL: Record<string, string> = {
  ex_customer: 'Ex-customer',
  mid_market: 'Mid-market',
  status_change: 'Status change',
  sms: 'SMS',
};

export function words(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const special = SPECIAL[value];
  if (special) return special;
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : undefined;

/** "FR" → "France"; the code itself when the browser does not know it. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const formatDate = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(iso)) : '');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : '');

const numberFormat = new Intl.NumberFormat('en-GB');
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, exact: boolean): Intl.NumberFormat {
  const key = `${currency} ${exact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, ...(exact ? {} : { minimumFractionDigits: 0, maximumFractionDigits: 0 }) });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * Money arrives as exact decimal strings ("1234.50") with the code of its currency beside it;
 * shown with the currency's sign, rounded to whole units ("€1,235"), or to the cent when exact.
 */
export const formatMoney = (amount: string | number | null | undefined, currency: string, options: { exact?: boolean } = {}) =>
  (amount === null || amount === undefined || amount === '' ? '' : moneyFormat(currency, options.exact ?? false).format(Number(amount)));
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : numberFormat.format(n));
export const formatPercent = (share: number | null | undefined, digits = 0) =>
  (share === null || share === undefined ? '' : `${(share * 100).toFixed(digits)} %`);
