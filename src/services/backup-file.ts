// The backup file: gzip'd JSON lines. A header line (format, version, schema migration), then
// per table a line naming it and its columns followed by one JSON array per row, and last a
// manifest with every table's row count and the SHA-256 of its row lines. A reader checks all
// of it as it goes, so a damaged or truncated file is refused with the reason.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { ClienteleError } from '../domain/errors.js';
import { BACKUP_TABLES, type BackupTable, isBackupTable } from '../store/backup/backup-tables.js';

export const BACKUP_FORMAT = 'clientele-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The last schema migration of the store it was taken from. */
  migration: string;
  engine: string;
  createdAt: string;
}

export interface TableManifest {
  rows: number;
  sha256: string;
}

export interface BackupManifest extends BackupHeader {
  tables: Record<BackupTable, TableManifest>;
}

export interface BackupSection {
  table: BackupTable;
  columns: string[];
  /** Must be read to the end before the next section. */
  rows: AsyncIterable<(string | null)[]>;
}

export interface BackupReader {
  header: BackupHeader;
  sections(): AsyncGenerator<BackupSection>;
  /** Known once every section has been read; the rows have then been checked against it. */
  manifest(): BackupManifest;
  /** Stops reading early and releases the file. */
  close(): Promise<void>;
}

/** Hashes a table's row lines exactly as written: line and newline. */
export const rowHash = (): Hash => createHash('sha256');

const damaged = (path: string, reason: string, cause?: unknown) =>
  new ClienteleError('invalid', `The backup ${path} cannot be restored: ${reason}. Nothing was changed.`, 'file', cause ? { cause } : undefined);

async function* linesOf(path: string): AsyncGenerator<string> {
  const input = createReadStream(path);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const text = rest + decoder.write(chunk as Buffer);
      const lines = text.split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new ClienteleError('not_found', `There is no file ${path}.`, 'file');
    if (e.code === 'Z_BUF_ERROR') throw damaged(path, 'the file ends early (it was cut short while being written or copied)', error);
    if (e.code?.startsWith('Z_')) throw damaged(path, `it is not a gzip file or its data is corrupted (${e.message})`, error);
    throw error;
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function parseJson(path: string, line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged(path, `line ${lineNo} is not valid JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function openBackup(path: string): Promise<BackupReader> {
  const lines = linesOf(path);
  let lineNo = 1;
  const first = await lines.next();
  let header: unknown;
  try {
    header = first.done ? undefined : JSON.parse(first.value);
  } catch {
    // answered below
  }
  if (!isObject(header) || header.format !== BACKUP_FORMAT) throw damaged(path, 'it is not a Clientele backup (its first line is not a backup header)');
  if (header.version !== BACKUP_VERSION) {
    throw damaged(path, `it is in backup format ${String(header.version)}, which this version of Clientele (format ${BACKUP_VERSION}) does not read`);
  }
  if (typeof header.migration !== 'string') throw damaged(path, 'its header does not name the schema migration');
  let manifest: BackupManifest | undefined;

  async function* sections(): AsyncGenerator<BackupSection> {
    const seen: { table: BackupTable; rows: number; sha256: string }[] = [];
    let pending: unknown;
    const next = async (): Promise<unknown> => {
      if (pending !== undefined) {
        const value = pending;
        pending = undefined;
        return value;
      }
      const line = await lines.next();
      if (line.done) return undefined;
      lineNo++;
      return parseJson(path, line.value, lineNo);
    };

    for (;;) {
      const item = await next();
      if (item === undefined) throw damaged(path, 'the file ends before its manifest (it is incomplete)');
      if (Array.isArray(item)) throw damaged(path, `line ${lineNo} is a row outside any table`);
      if (!isObject(item)) throw damaged(path, `line ${lineNo} is not a table, row or manifest`);
      if (isObject(item.manifest)) {
        manifest = checkManifest(path, header as unknown as BackupHeader, item.manifest, seen);
        if ((await lines.next()).done === false) throw damaged(path, 'it goes on after its manifest');
        return;
      }
      const { table, columns } = item;
      if (typeof table !== 'string' || !isBackupTable(table)) throw damaged(path, `line ${lineNo} names a table Clientele does not have (${String(table)})`);
      const expected = BACKUP_TABLES[seen.length];
      if (table !== expected) throw damaged(path, `table ${table} comes where ${expected ?? 'the manifest'} should`);
      if (!Array.isArray(columns) || columns.length === 0 || !columns.every((c) => typeof c === 'string')) {
        throw damaged(path, `line ${lineNo} does not list the columns of ${table}`);
      }
      const entry = { table, rows: 0, sha256: '' };
      seen.push(entry);
      const hash = rowHash();
      const width = columns.length;
      const rows = async function* (): AsyncGenerator<(string | null)[]> {
        for (;;) {
          const line = await lines.next();
          if (line.done) throw damaged(path, `the file ends inside table ${table} (it is incomplete)`);
          lineNo++;
          if (!line.value.startsWith('[')) {
            pending = parseJson(path, line.value, lineNo);
            entry.sha256 = hash.digest('hex');
            return;
          }
          const row = parseJson(path, line.value, lineNo);
          if (!Array.isArray(row) || row.length !== width || !row.every((v) => v === null || typeof v === 'string')) {
            throw damaged(path, `line ${lineNo} is not a row of ${width} values for ${table}`);
          }
          hash.update(`${line.value}\n`);
          entry.rows++;
          yield row as (string | null)[];
        }
      };
      yield { table, columns: columns as string[], rows: rows() };
      if (!entry.sha256) throw new Error(`The rows of ${table} were not read to the end.`);
    }
  }

  return {
    header: header as unknown as BackupHeader,
    sections,
    manifest: () => {
      if (!manifest) throw new Error('The backup manifest is known only after every table has been read.');
      return manifest;
    },
    close: async () => {
      await lines.return(undefined);
    },
  };
}

function checkManifest(path: string, header: BackupHeader, value: Record<string, unknown>, seen: readonly { table: BackupTable; rows: number; sha256: string }[]): BackupManifest {
  const tables = value.tables;
  if (!isObject(tables)) throw damaged(path, 'its manifest lists no tables');
  if (value.migration !== header.migration) throw damaged(path, 'its manifest and header name different schema migrations');
  for (const table of BACKUP_TABLES) {
    const stated = tables[table];
    const found = seen.find((s) => s.table === table);
    if (!isObject(stated)) throw damaged(path, `its manifest says nothing of table ${table}`);
    if (!found) throw damaged(path, `table ${table} is missing`);
    if (stated.rows !== found.rows) throw damaged(path, `table ${table} has ${found.rows} rows where the manifest says ${String(stated.rows)}`);
    if (stated.sha256 !== found.sha256) throw damaged(path, `the rows of table ${table} do not match their checksum (the file was altered or corrupted)`);
  }
  return { ...header, tables: tables as Record<BackupTable, TableManifest> };
}
