// The server's log: JSON lines for a collector, readable lines on a terminal, and requests at
// debug level so that at the default level (info) they do not drown the server's own messages.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore } from '../support/test-store.js';

/** A stream that keeps what is written, and says whether it is a terminal. */
function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } }), { isTTY });
  return { stream, text: () => chunks.join('') };
}

describe('the server log', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => { ({ store, dispose } = await openTestStore('pglite')); });
  afterAll(() => dispose());

  it('writes JSON lines when its output is not a terminal', () => {
    const out = capture(false);
    createLogger('info', out.stream).info({ run: 7 }, 'scheduled analysis done');
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, msg: 'scheduled analysis done', run: 7 });
  });

  it('writes lines a person reads on a terminal', () => {
    const out = capture(true);
    createLogger('info', out.stream).info({ run: 7 }, 'scheduled analysis done');
    const plain = out.text().replace(/\u001b\[\d+m/g, '');
    expect(() => JSON.parse(plain)).toThrow();
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: scheduled analysis done\n\s+run: 7\n$/);
  });

  it('leaves requests out at the default level and logs each in one line at debug', async () => {
    for (const [level, expected] of [['info', 0], ['debug', 1]] as const) {
      const out = capture(false);
      const app = await buildApp({ store, logger: createLogger(level, out.stream), webRoot: false });
      const response = await app.inject({ method: 'GET', url: '/api/v1/accounts' });
      await app.close();
      const requests = out.text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === 'request');
      expect(requests).toHaveLength(expected);
      if (expected) expect(requests[0]).toMatchObject({ level: 20, method: 'GET', url: '/api/v1/accounts', statusCode: response.statusCode });
    }
  });
});
