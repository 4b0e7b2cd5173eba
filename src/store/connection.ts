// Opens the one SQL database Clientele runs on: embedded PGlite, or a PostgreSQL server.
// Both return the same Kysely handle and the same value types (int8 as number, date as string).
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type PostgresPoolClient } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { type BlobLike, PgliteCopyInput } from './pglite-copy-input.js';

export type Engine = 'pglite' | 'postgres';

/** COPY input: text, or the same text as UTF-8 bytes. */
export type CopyChunk = string | Uint8Array<ArrayBuffer>;
export type CopyCsv = (table: string, columns: string[], chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>) => Promise<void>;

/** One database session inside one transaction, where COPY writes too. */
export interface CopySession {
  db: Kysely<Database>;
  copyCsv: CopyCsv;
}

export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  /** Bulk-loads CSV text (no header) with COPY, the fast path on both engines. */
  copyCsv: CopyCsv;
  /**
   * Runs a bulk load in one transaction on one session, so it lands whole or not at all. The
   * work must not open transactions of its own (their COMMIT would end this one) and nothing
   * else should use the connection meanwhile (PGlite has a single session).
   */
  copyTransaction<T>(work: (session: CopySession) => Promise<T>): Promise<T>;
  /** PGlite only: the data directory as a tarball, used to clone migrated templates in tests. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
/** Bytes of COPY input handed to PGlite at a time; a larger chunk goes alone. */
const PGLITE_COPY_BYTES = 4 * 1024 * 1024;

export interface PgliteOptions {
  /** Directory to persist to; omitted means in memory. */
  dataDir?: string;
  /** A tarball from dumpDataDir to start from. */
  loadDataDir?: Blob;
  /** Who holds the data directory, shown to a second process that tries to open it. */
  holder?: string;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Connection> {
  const release = options.dataDir ? lockDataDir(options.dataDir, options.holder ?? process.argv.slice(1).join(' ')) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [pgliteTypes.INT8]: Number, [pgliteTypes.DATE]: (v: string) => v },
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const copyCsv: CopyCsv = async (table, columns, chunks) => {
    const sqlText = `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`;
    const send = (blob: BlobLike) => pglite.query(sqlText, [], { blob: blob as Blob });
    // A buffer of each load's own: two loads may wait for PGlite's single session at once.
    const input = new PgliteCopyInput(PGLITE_COPY_BYTES);
    for await (const chunk of chunks) {
      if (input.add(chunk)) continue;
      await input.drain(send);
      if (!input.add(chunk)) await send(new Blob([chunk]));
    }
    await input.drain(send);
  };
  return {
    db,
    engine: 'pglite',
    copyCsv,
    async copyTransaction(work) {
      // Kysely's transactions hold PGlite's transaction lock, which COPY through pglite.query
      // would wait for; a plain BEGIN on the single session covers both instead. Holding one
      // Kysely connection for the whole work keeps Kysely's lock on the session, so queries of
      // concurrent requests wait outside instead of running inside this transaction.
      return db.connection().execute(async (session) => {
        await sql`begin`.execute(session);
        try {
          const result = await work({ db: session, copyCsv });
          await sql`commit`.execute(session);
          return result;
        } catch (error) {
          await sql`rollback`.execute(session);
          throw error;
        }
      });
    },
    dumpDataDir: () => pglite.dumpDataDir('none') as Promise<Blob>,
    async close() {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Connection> {
  const typeParsers = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8) return Number;
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  // Sessions run in UTC whatever the server's default, as PGlite's do: casts to date and
  // timestamps written without an offset then mean the same on both engines.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers, options: '-c TimeZone=UTC' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const copyOn = (client: pg.PoolClient): CopyCsv => async (table, columns, chunks) => {
    const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
    await pipeline(Readable.from(chunks), sink);
  };
  return {
    db,
    engine: 'postgres',
    async copyCsv(table, columns, chunks) {
      const client = await pool.connect();
      try {
        await copyOn(client)(table, columns, chunks);
      } finally {
        client.release();
      }
    },
    async copyTransaction(work) {
      const client = await pool.connect();
      // A Kysely bound to this one client, so its queries and the COPYs share the transaction.
      const session: PostgresPoolClient = { query: client.query.bind(client) as PostgresPoolClient['query'], release: () => {} };
      const sessionDb = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: { connect: async () => session, end: async () => {} } }),
      });
      try {
        await client.query('begin');
        try {
          const result = await work({ db: sessionDb, copyCsv: copyOn(client) });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      } finally {
        await sessionDb.destroy();
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
