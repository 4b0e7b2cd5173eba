import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTable, sniffDelimiter, type TableOptions, type TableRow } from './read-table.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'read-table-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, options: TableOptions = {}) {
  const table = await openTable(path, options);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows };
}

describe('reading tables', () => {
  it('sniffs comma, semicolon, tab and whitespace-separated files', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('nom;ville\n"Dupont, SA";Paris')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(sniffDelimiter('00001 19970101 1 11.77\r\n00002 19970112 1 12.00')).toBe('whitespace');
  });

  it('reads quoted fields with delimiters, quotes and line breaks inside', async () => {
    const path = await file('quoted.csv', 'Nom;Notes\n"Dupont; Fils";"He said ""hi""\nthen left"\n');
    const { headers, rows } = await readAll(path);
    expect(headers).toEqual(['Nom', 'Notes']);
    expect(rows).toMatchObject([{ row: 3, cells: { Nom: 'Dupont; Fils', Notes: 'He said "hi"\nthen left' } }]);
  });

  it('drops a UTF-8 byte order mark from the first header', async () => {
    const path = await file('bom.csv', '\uFEFFE-mail,Name\na@b.co,Ann\n');
    expect((await readAll(path)).headers).toEqual(['E-mail', 'Name']);
  });

  it('reads Latin-1 when asked and refuses it as UTF-8, naming the row and the fix', async () => {
    const path = await file('latin1.csv', Buffer.from('Nom,Ville\nSoci\xe9t\xe9,Orl\xe9ans\n', 'latin1'));
    expect((await readAll(path, { encoding: 'latin1' })).rows[0]!.cells).toEqual({ Nom: 'Société', Ville: 'Orléans' });
    await expect(readAll(path)).rejects.toThrow(/Row 2 is not valid UTF-8.*--encoding latin1/);
  });

  it('stops on an unclosed quote with the row where it happened', async () => {
    const path = await file('unclosed.csv', 'a,b\n1,2\n3,"never closed\n4,5\n');
    await expect(readAll(path)).rejects.toThrow(/not valid CSV near row \d+: a quoted value is never closed/);
  });

  it('marks ragged rows but tolerates a trailing delimiter', async () => {
    const path = await file('ragged.csv', 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,\n');
    const { rows } = await readAll(path);
    expect(rows.map((r) => r.ragged)).toEqual([undefined, { expected: 3, actual: 2 }, { expected: 3, actual: 4 }, undefined]);
  });

  it('reads an empty file as no headers and no rows', async () => {
    const path = await file('empty.csv', '');
    expect(await readAll(path)).toEqual({ headers: [], rows: [] });
  });

  it('reads the CDNOW whitespace layout with headers given', async () => {
    const path = await file('cdnow.txt', '00001 19970101 1 11.77\r\n00002  19970112 1   12.00\r\n');
    const { rows } = await readAll(path, { headers: ['customer', 'date', 'cds', 'amount'] });
    expect(rows.at(-1)!.bytes).toBeGreaterThan(40);
    expect(rows.map((r) => r.cells)).toEqual([
      { customer: '00001', date: '19970101', cds: '1', amount: '11.77' },
      { customer: '00002', date: '19970112', cds: '1', amount: '12.00' },
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it('reads the first sheet of a workbook, or the one named, with dates and numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Clients');
    first.addRow(['Name', 'Since', 'Revenue']);
    first.addRow(['Acme', new Date(Date.UTC(2024, 2, 5)), 1234.5]);
    const second = workbook.addWorksheet('Orders');
    second.addRow(['Number']);
    second.addRow(['INV-1']);
    const path = join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await readAll(path)).rows).toEqual([{ row: 2, cells: { Name: 'Acme', Since: '2024-03-05T00:00:00.000Z', Revenue: '1234.5' } }]);
    expect((await readAll(path, { sheet: 'Orders' })).rows[0]!.cells).toEqual({ Number: 'INV-1' });
    await expect(readAll(path, { sheet: 'Nope' })).rejects.toThrow(/no sheet named "Nope"/);
  });

  it('reads a workbook row whose last cells are blank as a whole row, not a ragged one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clients');
    sheet.addRow(['Name', 'City', 'Notes']);
    sheet.addRow(['Acme', null, null]);
    const path = join(dir, 'blank-end.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await readAll(path)).rows).toEqual([{ row: 2, cells: { Name: 'Acme', City: '', Notes: '' } }]);
  });
});
