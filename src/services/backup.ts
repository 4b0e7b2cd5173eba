// Backup and restore of the whole store: every table (users, token hashes, settings, the
// customer file, status history, audit log, import runs) in one file, streamed both ways in
// bounded memory. An administrator's operation, from the command line only: the file holds
// password and token hashes, and a restore replaces everything.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ClienteleError } from '../domain/errors.js';
import { BACKUP_TABLES, type BackupTable } from '../store/backup/backup-tables.js';
import type { Store } from '../store/store.js';
import {
  BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupManifest, openBackup, rowHash, type TableManifest,
} from './backup-file.js';

export interface BackupProgress {
  table: BackupTable;
  rows: number;
  totalRows: number;
}

export interface BackupSummary {
  path: string;
  migration: string;
  tables: Record<BackupTable, number>;
  rows: number;
}

const PROGRESS_EVERY = 5000;

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Writes the store to `path`, replacing the file only once the backup is complete. */
export interface BackupOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Rows read per query (tests make it small to cross many page boundaries). */
  pageSize?: number;
}

export async function backupStore(store: Store, path: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  try {
    const summary = await store.backups.readSnapshot(async (snapshot) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT, version: BACKUP_VERSION, migration: snapshot.migration, engine: store.engine, createdAt: new Date().toISOString(),
      };
      const totalRows = sum(snapshot.counts);
      // Password and token hashes are inside: readable by the owner only.
      const file = createWriteStream(partial, { mode: 0o600 });
      const gzip = createGzip();
      const written = pipeline(gzip, file);
      // A failed write is seen by the loop below as a destroyed stream; its error is thrown there.
      written.catch(() => {});
      const tables = {} as Record<BackupTable, TableManifest>;
      let done = 0;
      try {
        await write(gzip, `${JSON.stringify(header)}\n`);
        for (const table of BACKUP_TABLES) {
          const columns = await snapshot.columns(table);
          await write(gzip, `${JSON.stringify({ table, columns })}\n`);
          const hash = rowHash();
          let rows = 0;
          for await (const line of snapshot.rows(table, columns)) {
            const text = `${line}\n`;
            hash.update(text);
            await write(gzip, text);
            rows++;
            if (++done % PROGRESS_EVERY === 0) options.onProgress?.({ table, rows: done, totalRows });
          }
          tables[table] = { rows, sha256: hash.digest('hex') };
        }
        const manifest: BackupManifest = { ...header, tables };
        await write(gzip, `${JSON.stringify({ manifest })}\n`);
        gzip.end();
      } catch (error) {
        gzip.destroy();
        throw error;
      }
      await written;
      options.onProgress?.({ table: BACKUP_TABLES[BACKUP_TABLES.length - 1]!, rows: done, totalRows });
      const counts = Object.fromEntries(Object.entries(tables).map(([t, m]) => [t, m.rows])) as Record<BackupTable, number>;
      return { path, migration: header.migration, tables: counts, rows: sum(counts) };
    }, options.pageSize);
    await rename(partial, path);
    return summary;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Reads the whole file once, checking every table against the manifest, before the store is touched. */
export async function verifyBackup(path: string): Promise<BackupManifest> {
  const reader = await openBackup(path);
  try {
    for await (const section of reader.sections()) {
      for await (const _row of section.rows) { /* counted and hashed by the reader */ }
    }
    return reader.manifest();
  } finally {
    await reader.close();
  }
}

export interface RestoreOptions {
  /** Replace whatever the store holds; without it a store with any row is refused. */
  force?: boolean;
  onProgress?: (progress: BackupProgress) => void;
}

function describeCounts(counts: Record<BackupTable, number>): string {
  const held = BACKUP_TABLES.filter((t) => counts[t] > 0).map((t) => `${counts[t].toLocaleString('en-US')} ${t.replace(/_/g, ' ')}`);
  return held.slice(0, 4).join(', ') + (held.length > 4 ? '…' : '');
}

/**
 * Replaces the store's content with the backup's, ids included, in one transaction: a file that
 * turns out damaged, or a row the database refuses, leaves the store as it was.
 */
export async function restoreStore(store: Store, path: string, options: RestoreOptions = {}): Promise<BackupSummary> {
  const manifest = await verifyBackup(path);
  const migration = await store.backups.currentMigration();
  if (manifest.migration !== migration) {
    const newer = manifest.migration > migration;
    throw new ClienteleError('invalid',
      `The backup was taken at schema ${manifest.migration} and this store is at ${migration}: ` +
      (newer ? 'restore it with the newer Clientele that wrote it.' : 'restore it with the Clientele version that wrote it, then upgrade.'), 'file');
  }
  const before = await store.backups.rowCounts();
  if (!options.force && sum(before) > 0) {
    throw new ClienteleError('conflict',
      `The store is not empty (${describeCounts(before)}). A restore replaces everything in it; run it again with --force to do so.`, 'force');
  }

  const totalRows = sum(Object.fromEntries(Object.entries(manifest.tables).map(([t, m]) => [t, m.rows])));
  const reader = await openBackup(path);
  try {
    const counts = await store.backups.loadTables(async (loader) => {
      if (options.force) await loader.empty();
      else if (sum(await loader.counts()) > 0) throw new ClienteleError('conflict', 'The store received rows while the backup was being checked; nothing was restored.', 'force');
      let done = 0;
      for await (const section of reader.sections()) {
        const expected = await loader.columns(section.table);
        const missing = expected.filter((c) => !section.columns.includes(c));
        const unknown = section.columns.filter((c) => !expected.includes(c));
        if (missing.length || unknown.length) {
          throw new ClienteleError('invalid', `The backup's table ${section.table} does not fit this store's (${[...missing.map((c) => `missing ${c}`), ...unknown.map((c) => `unknown ${c}`)].join(', ')}). Nothing was changed.`, 'file');
        }
        const table = section.table;
        async function* counted() {
          for await (const row of section.rows) {
            if (++done % PROGRESS_EVERY === 0) options.onProgress?.({ table, rows: done, totalRows });
            yield row;
          }
        }
        try {
          await loader.copy(table, section.columns, counted());
        } catch (error) {
          if (error instanceof ClienteleError) throw error;
          throw new ClienteleError('invalid', `The database refused the backup's table ${table}: ${(error as Error).message}. Nothing was changed.`, 'file', { cause: error });
        }
      }
      await loader.restartIdentities();
      const loaded = await loader.counts();
      const wrong = BACKUP_TABLES.find((t) => loaded[t] !== manifest.tables[t].rows);
      if (wrong) throw new Error(`Table ${wrong} holds ${loaded[wrong]} rows after the restore, not ${manifest.tables[wrong].rows}; nothing was changed.`);
      options.onProgress?.({ table: BACKUP_TABLES[BACKUP_TABLES.length - 1]!, rows: done, totalRows });
      return loaded;
    });
    return { path, migration, tables: counts, rows: sum(counts) };
  } finally {
    await reader.close();
  }
}
