import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMappingFile } from './mapping-file.js';

describe('mapping files', () => {
  it('accepts the CDNOW mapping kept in the repository', async () => {
    const path = join(import.meta.dirname, '../../mappings/cdnow-orders.json');
    expect(parseMappingFile(await readFile(path, 'utf8'), path)).toMatchObject({ target: 'orders', dateFormat: 'ymd_compact' });
  });

  it('names an unknown key instead of ignoring it', () => {
    expect(() => parseMappingFile('{"colums": {}}', 'm.json')).toThrow('The mapping file m.json has an unknown key "colums".');
  });

  it('names the place of a wrong value and reports broken JSON', () => {
    expect(() => parseMappingFile('{"dateFormat": "yyyy"}', 'm.json')).toThrow(/at "dateFormat"/);
    expect(() => parseMappingFile('{', 'm.json')).toThrow(/m.json is not valid JSON/);
  });

  it('takes createAccounts false for the strict way, and how guest rows are handled', () => {
    expect(parseMappingFile('{"createAccounts": false, "guests": "leave-out"}', 'm.json')).toEqual({ createAccounts: false, guests: 'leave-out' });
    expect(() => parseMappingFile('{"createAccounts": true}', 'm.json')).toThrow(/at "createAccounts"/);
    expect(() => parseMappingFile('{"guests": "drop"}', 'm.json')).toThrow(/at "guests"/);
  });
});
