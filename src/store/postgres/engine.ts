/**
 * The PostgreSQL engine, for several writer processes on several machines.
 * Article identity is enforced by unique constraints (`ON CONFLICT DO
 * NOTHING`); story and event merges, which read before they write, hold
 * transaction-scoped advisory locks on their keys so two writers cannot both
 * decide "no such event yet" for the same real event.
 */
import pg from 'pg';
import { sha256 } from '../core/normalize.js';
import { type Sql, type SqlBackend, type SqlFragment, type SqlValue, searchWords } from '../core/sql.js';
import { SqlStore } from '../core/sql-store.js';
import type { Store } from '../store.js';
import { migrations } from './migrations.js';

/** Any fixed number: the lock all processes take while migrating. */
const MIGRATION_LOCK = 7_212_023_001;
/** Deadlocks and serialisation failures are resolved by running the batch again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

/** The shared queries use `?`; node-postgres wants `$1, $2, ...`. */
export function numberPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

function executor(client: pg.Pool | pg.PoolClient): Sql {
  return {
    all: async <T>(text: string, params: readonly SqlValue[] = []) =>
      (await client.query(numberPlaceholders(text), [...params])).rows as T[],
    run: async (text: string, params: readonly SqlValue[] = []) =>
      (await client.query(numberPlaceholders(text), [...params])).rowCount ?? 0,
  };
}

/** A signed 64-bit advisory lock id for a key. */
export function lockId(key: string): string {
  return BigInt.asIntN(64, BigInt(`0x${sha256(key).slice(0, 16)}`)).toString();
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

class PostgresBackend implements SqlBackend {
  readonly engine = 'postgres';
  readonly sql: Sql;

  constructor(private readonly pool: pg.Pool) {
    this.sql = executor(pool);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      } finally {
        client.release();
      }
    }
  }

  async lock(tx: Sql, lockKeys: () => readonly string[]): Promise<void> {
    const keys = lockKeys();
    if (keys.length === 0) return;
    // unnest yields the array in order, so locks are taken in the callers' sorted order.
    await tx.all("SELECT pg_advisory_xact_lock(k::bigint) FROM unnest(string_to_array(?, ',')) AS k", [
      keys.map(lockId).join(','),
    ]);
  }

  textMatch(text: string): SqlFragment | null {
    const words = searchWords(text);
    if (words.length === 0) return null;
    return {
      sql: "e.seq IN (SELECT event_seq FROM mentions WHERE to_tsvector('english', sentence) @@ plainto_tsquery('english', ?))",
      params: [words.join(' ')],
    };
  }

  /**
   * One statement: the rows the DELETE saw are the rows inserted and subtracted from the count, so a row another
   * writer commits meanwhile stays, counted, for the next merge.
   */
  async mergeBands(tx: Sql): Promise<void> {
    await tx.run(
      `WITH moved AS (DELETE FROM story_bands_recent RETURNING band, article_seq),
         stored AS (INSERT INTO story_bands (band, article_seq)
           SELECT band, article_seq FROM moved ORDER BY band, article_seq ON CONFLICT DO NOTHING)
       UPDATE counts SET n = n - (SELECT COUNT(*) FROM moved) WHERE kind = 'bands' AND k1 = 'recent' AND k2 = ''`,
    );
  }

  /** The GIN index on the sentences' tsvector keeps itself up to date. */
  indexingMentions<T>(_tx: Sql, write: () => Promise<T>): Promise<T> {
    return write();
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new SqlStore(new PostgresBackend(pool));
}
