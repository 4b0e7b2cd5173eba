// The stall benchmark's writing client, a process of its own (bench/large-write-stall.ts starts
// it): builds its bodies first, says "ready", then sends them one after another and prints each
// write's time and status as one JSON line.
//   STALL_URL, STALL_TOKEN, STALL_ACCOUNT, STALL_WRITE (a key of WRITES), STALL_COUNT
import { CUSTOM_FIELDS_MAX_BYTES } from '../src/domain/limits.js';

export const WRITES: Record<string, (account: number, i: number) => { method: string; path: string; body: unknown }> = {
  'custom fields at the limit (16 KiB)': (account, i) => ({
    method: 'PATCH', path: `/api/v1/accounts/${account}`,
    body: { customFields: Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`field${k}`, `${i}`.padEnd(Math.floor(CUSTOM_FIELDS_MAX_BYTES / 100) - 20, 'x')])) },
  }),
  'an order of 1,000 lines, 500-character descriptions (0.6 MB)': (account, i) => ({
    method: 'POST', path: '/api/v1/orders',
    body: { accountId: account, number: `BIG-${process.pid}-${i}`, orderedAt: '2026-01-01', lines: Array.from({ length: 1000 }, (_, k) => ({ quantity: 1 + (k % 5), unitPrice: '9.99', description: `${k} `.padEnd(500, 'd') })) },
  }),
  'a 4 MB custom-fields write (refused)': (account) => ({
    method: 'PATCH', path: `/api/v1/accounts/${account}`, body: { customFields: { blob: 'x'.repeat(4 * 1024 * 1024) } },
  }),
};

async function main() {
  const { STALL_URL: base, STALL_TOKEN: token, STALL_ACCOUNT: account, STALL_WRITE: name, STALL_COUNT: count } = process.env;
  const write = WRITES[name ?? ''];
  if (!base || !token || !account || !write) throw new Error('STALL_URL, STALL_TOKEN, STALL_ACCOUNT and STALL_WRITE (a known write) are needed.');
  const requests = Array.from({ length: Number(count ?? 20) }, (_, i) => {
    const { method, path, body } = write(Number(account), i);
    return { method, path, body: JSON.stringify(body) };
  });
  process.stdout.write('ready\n');
  const results: { ms: number; status: number }[] = [];
  for (const request of requests) {
    const started = performance.now();
    try {
      const response = await fetch(base + request.path, {
        method: request.method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: request.body,
      });
      await response.arrayBuffer();
      results.push({ ms: performance.now() - started, status: response.status });
    } catch {
      // A body past the limit is refused as soon as its length is known: the server answers 413
      // and closes the connection, which the client may see as a broken pipe before the answer.
      results.push({ ms: performance.now() - started, status: 0 });
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
