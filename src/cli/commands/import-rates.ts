// `clientele import rates FILE`: exchange rates (date, currency, rate) from a CSV or XLSX file.
// All rows or none; the orders the new rates concern are converted again.
import { access } from 'node:fs/promises';
import { ClienteleError } from '../../domain/errors.js';
import { importRatesFile } from '../../services/exchange-rates.js';
import { formatFields, print, printJson } from '../format-output.js';
import { count } from '../locale-format.js';
import { withStore } from '../run-command.js';

export const importRates = (file: string, format: 'text' | 'json') => withStore('clientele import rates', async ({ ctx }) => {
  await access(file).catch((error: unknown) => {
    throw new ClienteleError('bad_request', `Cannot read ${file}: no such file, or it is not readable.`, 'file', { cause: error });
  });
  const saved = await importRatesFile(ctx, file);
  if (format === 'json') return printJson(saved);
  print('Exchange rates imported.');
  print(formatFields([
    ['rows read', count(saved.rows)], ['new rates', count(saved.added)], ['changed rates', count(saved.changed)],
    ['orders converted again', count(saved.ordersConverted)],
  ]));
});
