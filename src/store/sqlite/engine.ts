/**
 * The embedded engine (default): one SQLite file in WAL mode. Readers never
 * block the writer; each `addExtractions` batch is one IMMEDIATE transaction,
 * so a process killed mid-batch leaves every earlier batch committed and
 * this one absent, and the rerun skips what is already there.
 */
import Database from 'better-sqlite3';
import { type Sql, type SqlBackend, type SqlFragment, type SqlValue, searchWords } from '../core/sql.js';
import { SqlStore } from '../core/sql-store.js';
import type { Store } from '../store.js';
import { BACKSTOP_PAGES, type Checkpointer, startCheckpointer } from './checkpointer.js';
import { migrations } from './migrations.js';

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

/** FTS5 query with every word as a quoted phrase: AND of words, no operators, no column filters. */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length > 0 ? words.map((w) => `"${w}"`).join(' ') : null;
}

class SqliteBackend implements SqlBackend {
  readonly engine = 'sqlite';
  readonly sql: Sql;
  /** Serialises this process's transactions: one connection cannot hold two. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Prepared once per connection: parsing SQL costs more than running these small statements. */
  private readonly statements = new Map<string, Database.Statement>();

  /** Started at the first commit, so a store that only reads (the API) runs no extra thread. */
  private checkpointer: Checkpointer | null = null;

  /** `logged`: the database is a file in WAL mode, whose checkpoints can run on a thread of their own. */
  constructor(
    private readonly db: Database.Database,
    private readonly logged: boolean,
  ) {
    const statement = (text: string) => {
      let stmt = this.statements.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        this.statements.set(text, stmt);
      }
      return stmt;
    };
    this.sql = {
      all: async <T>(text: string, params: readonly SqlValue[] = []) => statement(text).all(...params) as T[],
      run: async (text: string, params: readonly SqlValue[] = []) => {
        const stmt = statement(text);
        return stmt.reader ? stmt.all(...params).length : stmt.run(...params).changes;
      },
    };
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const run = async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.sql);
        this.db.exec('COMMIT');
        if (this.logged) {
          this.checkpointer ??= startCheckpointer(this.db.name);
          this.checkpointer.request();
        }
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** BEGIN IMMEDIATE already excludes every other writer on the file. */
  async lock(): Promise<void> {}

  textMatch(text: string): SqlFragment | null {
    const query = ftsQuery(text);
    if (!query) return null;
    return {
      sql: 'e.seq IN (SELECT m.event_seq FROM mention_fts f JOIN mentions m ON m.seq = f.rowid WHERE mention_fts MATCH ?)',
      params: [query],
    };
  }

  /** The transaction excludes every other writer, so the rows copied are the rows deleted. */
  async mergeBands(tx: Sql): Promise<void> {
    // WHERE true: without it SQLite would read ON CONFLICT as a join constraint of the SELECT.
    await tx.run(
      `INSERT INTO story_bands (band, article_seq)
       SELECT band, article_seq FROM story_bands_recent WHERE true ORDER BY band, article_seq ON CONFLICT DO NOTHING`,
    );
    const moved = await tx.run('DELETE FROM story_bands_recent');
    await tx.run("UPDATE counts SET n = n - ? WHERE kind = 'bands' AND k1 = 'recent' AND k2 = ''", [moved]);
  }

  /** Mentions are numbered in the order they are stored and the transaction excludes other writers: the new ones are above the old maximum. */
  async indexingMentions<T>(tx: Sql, write: () => Promise<T>): Promise<T> {
    const [before] = await tx.all<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM mentions');
    const result = await write();
    await tx.run('INSERT INTO mention_fts (rowid, sentence) SELECT seq, sentence FROM mentions WHERE seq > ?', [
      before?.seq ?? 0,
    ]);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.checkpointer?.close();
    this.db.close();
  }
}

export async function openSqliteStore(path: string): Promise<Store> {
  const db = new Database(path);
  // In-memory and temporary databases keep no log: they answer 'memory' or 'delete'.
  const logged = db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // NORMAL in WAL mode keeps committed transactions through a process crash; only power loss can drop the last ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  // A multi-row insert that may hit a constraint keeps a statement journal to undo itself; on disk those
  // journals were a sixth of the writer's time (a write per page touched), in memory they are a few pages.
  db.pragma('temp_store = MEMORY');
  // Batches touch pages all over the indexes: a 32 MB page cache (rather than 2 MB) keeps them from being
  // read back at every commit. 128 MB was no faster on 5,000 articles and put ingest's peak RSS 213 MB higher
  // (1,101 against 888 MB). Checkpoints run on their own thread (checkpointer.ts); the writer's are the backstop.
  db.pragma('cache_size = -32768');
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  migrate(db);
  return new SqlStore(new SqliteBackend(db, logged));
}
