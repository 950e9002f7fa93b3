import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { expectMigratedLikeFresh, runStoreConformance, V2_ROWS } from '../conformance.js';
import { STORY_CANDIDATES } from '../core/ingest.js';
import { BANDS } from '../core/minhash.js';
import type { SqlStore } from '../core/sql-store.js';
import { CORPUS, syntheticCorpus } from '../fixtures.js';
import { createStore } from '../store.js';
import { migrations } from './migrations.js';

runStoreConformance('sqlite', {
  freshDatabase: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    return { url: join(dir, 'parley.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  // One better-sqlite3 connection blocks the event loop while it waits for the file lock, so writers are processes.
  concurrentWriters: false,
});

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * The store as plain JavaScript, for a child process to run: Node 20 cannot
 * load TypeScript, and the crash must hit a real process, not a test worker.
 * Kept under node_modules so its imports of better-sqlite3 resolve.
 */
function transpileStore(): string {
  const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-parley-store-'));
  const files = [join(ROOT, 'src', 'types.ts')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'conformance.ts') files.push(path);
    }
  };
  walk(join(ROOT, 'src', 'store'));
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = join(out, relative(join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  return out;
}

const ARTICLES = 600;
const BATCH = 50;
const KILL_AFTER = 3;

describe('SQLite crash safety', () => {
  it('keeps every committed batch through SIGKILL and finishes on rerun without duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
    const build = transpileStore();
    try {
      const db = join(dir, 'parley.db');
      const script = join(build, 'writer.mjs');
      writeFileSync(
        script,
        `import { createStore } from './store/store.js';
import { syntheticCorpus } from './store/fixtures.js';
const store = await createStore(${JSON.stringify(db)});
const corpus = syntheticCorpus(${ARTICLES});
for (let i = 0; i < corpus.length; i += ${BATCH}) {
  await store.addExtractions(corpus.slice(i, i + ${BATCH}));
  process.stdout.write('committed ' + (i + ${BATCH}) + '\\n');
}
`,
      );
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      const committed = await new Promise<number>((resolve, reject) => {
        let seen = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          seen += (chunk.toString().match(/committed/g) ?? []).length;
          if (seen >= KILL_AFTER && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', (_code, signal) =>
          signal === 'SIGKILL' ? resolve(seen) : reject(new Error('the writer finished before it was killed')),
        );
      });
      expect(committed).toBeGreaterThanOrEqual(KILL_AFTER);

      const raw = new Database(db);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = (raw.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
      raw.close();
      // Whole batches only: everything acknowledged is there, the batch in flight is not half there.
      expect(stored % BATCH).toBe(0);
      expect(stored).toBeGreaterThanOrEqual(committed * BATCH);

      const corpus = syntheticCorpus(ARTICLES);
      const rerun = await createStore(db);
      let duplicates = 0;
      for (let i = 0; i < corpus.length; i += BATCH)
        duplicates += (await rerun.addExtractions(corpus.slice(i, i + BATCH))).duplicates;
      expect(duplicates).toBe(stored);
      const afterCrash = await rerun.stats();
      await rerun.close();

      const clean = await createStore(join(dir, 'clean.db'));
      for (let i = 0; i < corpus.length; i += BATCH) await clean.addExtractions(corpus.slice(i, i + BATCH));
      expect(afterCrash).toEqual(await clean.stats());
      await clean.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(build, { recursive: true, force: true });
    }
  });
});

describe('SQLite checkpoints', () => {
  /** Articles in the database file alone, as a copy of it without the log shows; 0 while the copy is torn. */
  function articlesInFile(path: string, dir: string): number {
    const copy = join(dir, 'file-only.db');
    copyFileSync(path, copy);
    try {
      const db = new Database(copy, { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      return 0;
    } finally {
      rmSync(copy, { force: true });
    }
  }

  it('copies committed batches into the database file from a thread of its own, long before the log is full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-checkpoint-'));
    const path = join(dir, 'parley.db');
    const store = await createStore(path);
    try {
      await store.addExtractions(CORPUS);
      // The writer's own checkpoint waits for thousands of pages; this batch writes a few dozen.
      let inFile = 0;
      for (let tries = 0; tries < 100 && inFile < CORPUS.length; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFile = articlesInFile(path, dir);
      }
      expect(inFile).toBe(CORPUS.length);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes with every article in the file and no log left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-checkpoint-'));
    const path = join(dir, 'parley.db');
    try {
      const store = await createStore(path);
      await store.addExtractions(CORPUS.slice(0, 3));
      await store.addExtractions(CORPUS.slice(3));
      await store.close();
      expect(readdirSync(dir)).toEqual(['parley.db']);
      expect(articlesInFile(path, dir)).toBe(CORPUS.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite migrations', () => {
  it('upgrades a version-1 database in place: old articles keep their rows with empty text, new ones keep text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
    try {
      const path = join(dir, 'v1.db');
      const raw = new Database(path);
      const [v1] = migrations;
      raw.exec(v1?.sql ?? '');
      raw.exec(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);' +
          "INSERT INTO schema_migrations VALUES (1, 'initial', '2025-12-01T00:00:00Z');" +
          "INSERT INTO stories VALUES ('st_old', '2025-12-01T00:00:00Z');" +
          "INSERT INTO articles (id, fingerprint, story_id, signature, warnings, added_at, title) VALUES ('old', 'fp', 'st_old', '', '[]', '2025-12-01T00:00:00Z', 'Old');",
      );
      raw.close();
      const store = await createStore(path);
      expect(await store.article('old')).toMatchObject({ id: 'old', title: 'Old', text: '' });
      await store.addExtractions(CORPUS);
      const first = CORPUS[0];
      expect((await store.article(first?.article.id ?? ''))?.text).toBe(first?.article.text);
      await store.close();
      const check = new Database(path);
      const versions = check.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      check.close();
      expect(versions).toEqual(migrations.map((m) => ({ version: m.version })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite migrations from a store with data', () => {
  // Version 2 rows loaded, then the schema taken to `from` by the migrations of the time (3 backfills them).
  it.each([2, 3, 4, 5])('upgrades a version-%i store: every query answers as on a fresh store', async (from) => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
    try {
      const path = join(dir, `v${from}.db`);
      const raw = new Database(path);
      raw.exec(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const apply = (m: (typeof migrations)[number]) => {
        raw.exec(m.sql);
        raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-12-01T00:00:00Z');
      };
      for (const m of migrations.slice(0, 2)) apply(m);
      for (const [table, rows] of Object.entries(V2_ROWS)) {
        for (const row of rows) {
          const columns = Object.keys(row);
          raw
            .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
            .run(...Object.values(row));
        }
      }
      for (const m of migrations.slice(2, from)) apply(m);
      raw.close();
      const migrated = await createStore(path);
      const fresh = await createStore(join(dir, 'fresh.db'));
      try {
        await expectMigratedLikeFresh(migrated, fresh);
      } finally {
        await migrated.close();
        await fresh.close();
      }
      // The full-text index holds exactly the stored mentions: those indexed before and those added after.
      const check = new Database(path);
      try {
        expect(() =>
          check.exec("INSERT INTO mention_fts (mention_fts, rank) VALUES ('integrity-check', 1)"),
        ).not.toThrow();
      } finally {
        check.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite LSH bands', () => {
  it('counts the bands waiting in the recent table, and a merge moves every one of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bands-'));
    try {
      const store = await createStore(join(dir, 'p.db'));
      await store.addExtractions(CORPUS);
      const db = new Database(join(dir, 'p.db'), { readonly: true });
      const read = () => ({
        counted: (db.prepare("SELECT n FROM counts WHERE kind = 'bands' AND k1 = 'recent'").get() as { n: number }).n,
        recent: (db.prepare('SELECT COUNT(*) AS n FROM story_bands_recent').get() as { n: number }).n,
        merged: (db.prepare('SELECT COUNT(*) AS n FROM story_bands').get() as { n: number }).n,
      });
      expect(read()).toEqual({ counted: CORPUS.length * BANDS, recent: CORPUS.length * BANDS, merged: 0 });
      await (store as SqlStore).mergeBands();
      expect(read()).toEqual({ counted: 0, recent: 0, merged: CORPUS.length * BANDS });
      db.close();
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite query plans', () => {
  /** The write path's lookups: each must be an index search, or cost per article grows with the store. */
  const lookups: [string, string, unknown[]][] = [
    [
      'article identity',
      'SELECT seq FROM articles WHERE id = ? OR fingerprint = ? OR url_norm = ? LIMIT 1',
      ['a', 'b', 'c'],
    ],
    ['LSH bands', STORY_CANDIDATES, Array.from({ length: 2 * BANDS }, (_, b) => Buffer.from([b % BANDS, 0xab]))],
    [
      'merge candidates',
      `SELECT seq FROM events WHERE source_code = ? AND target_code = ? AND type = ? AND negated = ? AND hypothetical = ?
       AND date >= ? AND date <= ? ORDER BY date, id LIMIT 20`,
      ['RUS', 'USA', 'CONSULT', 0, 0, '2025-12-01', '2025-12-05'],
    ],
    [
      "an actor's earlier side on an event",
      'SELECT 1 FROM event_actors WHERE actor_id = ? AND side = ? AND event_seq = ?',
      ['RUS', 's', 1],
    ],
    [
      "a pair's earlier report of an event",
      'SELECT 1 FROM mentions WHERE event_seq = ? AND source_actor = ? AND target_actor = ?',
      [1, 'RUS', 'USA'],
    ],
    ['actor by alias', 'SELECT actor_id FROM actor_aliases WHERE alias_norm = ?', ['putin']],
    ['dyad by codes', 'SELECT seq FROM events WHERE source_code = ? AND target_code = ?', ['RUS', 'USA']],
    ['events of an actor on one side', "SELECT event_seq FROM event_actors WHERE actor_id = ? AND side = 's'", ['RUS']],
    ['events by issue', 'SELECT event_seq FROM event_issues WHERE issue = ?', ['ceasefire']],
    ['stored article ids', 'SELECT id FROM articles WHERE id IN (?, ?)', ['a', 'b']],
  ];
  it.each(lookups)('searches an index for %s', async (_, sql, params) => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-plan-'));
    try {
      const store = await createStore(join(dir, 'p.db'));
      await store.close();
      const db = new Database(join(dir, 'p.db'));
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (r) => r.detail,
      );
      db.close();
      expect(plan.join('\n')).not.toMatch(
        /^SCAN (articles|article_signatures|story_bands|story_bands_recent|events|event_actors|mentions|actor_aliases|event_issues)\b/m,
      );
      expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY|MULTI-INDEX OR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
