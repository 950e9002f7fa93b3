import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCorpus, corpusFiles, generateCorpus, KNOWLEDGE_DIR } from '../../ingest/testing/corpus.js';
import { parley } from '../testing/run.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const root = mkdtempSync(join(tmpdir(), 'parley-ingest-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parley ingest', () => {
  it('stores a folder, prints the report, and reports bad files without failing', async () => {
    const dir = join(root, 'folder');
    copyCorpus(join(dir, 'news'));
    writeFileSync(join(dir, 'news', 'empty.txt'), '');
    const db = join(dir, 'parley.db');
    const args = ['ingest', '--db', db, '--workers', '1', '--batch', '4', '--data', KNOWLEDGE_DIR, join(dir, 'news')];
    const first = await parley(...args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`^articles read +${corpusFiles().length}$`, 'm'));
    expect(first.out).toMatch(new RegExp(`^stored +${corpusFiles().length}$`, 'm'));
    expect(first.out).toContain(`${join(dir, 'news', 'empty.txt')}: empty input, skipped`);
    // Not a terminal: one plain line per committed batch.
    expect(first.err.match(/^parley ingest: .* articles done/gm)).toHaveLength(Math.ceil(corpusFiles().length / 4));

    const again = await parley(...args);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(new RegExp(`^already stored +${corpusFiles().length}$`, 'm'));
    expect(again.out).toMatch(/^new events +0$/m);
  });

  it('exits non-zero only when nothing could be read (and loads no extractor for nothing)', async () => {
    const dir = join(root, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 0, 0, 3]));
    const { code, out } = await parley('ingest', '--db', join(root, 'bad.db'), '--workers', '1', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^articles read +0$/m);
    expect(out).toMatch(/^skipped +2$/m);
  });

  it('stops with the reason when the extractor cannot start', async () => {
    const dir = join(root, 'no-knowledge-here');
    copyCorpus(join(dir, 'news'));
    mkdirSync(join(dir, 'empty-data'));
    await expect(
      parley(
        'ingest',
        '--db',
        join(dir, 'p.db'),
        '--workers',
        '1',
        '--data',
        join(dir, 'empty-data'),
        join(dir, 'news'),
      ),
    ).rejects.toThrow(/missing knowledge file/);
  });

  it('refuses a malformed --date', async () => {
    await expect(parley('ingest', '--date', '12/06/2025', '--db', join(root, 'x.db'), root)).rejects.toThrow(
      /--date must be YYYY-MM-DD/,
    );
  });
});

const BIN = join(ROOT, 'bin', 'parley.js');
const ARTICLES = 300;
const BATCH = 40;

function counts(db: string): Record<'articles' | 'events' | 'stories' | 'mentions', number> {
  const raw = new Database(db, { readonly: true });
  try {
    const n = (table: string) => (raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { articles: n('articles'), events: n('events'), stories: n('stories'), mentions: n('mentions') };
  } finally {
    raw.close();
  }
}

/** Articles committed so far, or 0 while the file or its tables do not exist yet. */
function committed(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    return counts(db).articles;
  } catch {
    return 0;
  }
}

function ingestProcess(db: string, corpus: string): ChildProcess {
  const args = [BIN, 'ingest', '--db', db, '--workers', '2', '--batch', String(BATCH), '--data', KNOWLEDGE_DIR, corpus];
  return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

function finish(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` first (`npm test` builds before running vitest)');
  }
}

describe('parley ingest (the built CLI, worker threads)', () => {
  it('stops with the reason when the extractors cannot start, storing nothing', async () => {
    requireBuild();
    const dir = join(root, 'no-knowledge');
    copyCorpus(join(dir, 'news'));
    mkdirSync(join(dir, 'empty-data'));
    const db = join(dir, 'p.db');
    const child = spawn(
      process.execPath,
      [BIN, 'ingest', '--db', db, '--workers', '2', '--data', join(dir, 'empty-data'), join(dir, 'news')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const { code } = await finish(child);
    expect(code).toBe(2);
    expect(err).toMatch(/^parley: extractor did not start: .*empty-data.*missing knowledge file/m);
    expect(counts(db).articles).toBe(0);
  });

  it('loses nothing committed when killed after its first batch, and a rerun ends where a clean run does', async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
      throw new Error(
        'dist/cli/main.js is missing: run `npm run build` first (`npm test` builds before running vitest)',
      );
    }
    const dir = join(root, 'crash');
    const corpus = join(dir, 'corpus');
    generateCorpus(corpus, ARTICLES);
    const db = join(dir, 'crashed.db');

    const child = ingestProcess(db, corpus);
    const ended = finish(child);
    let exited = false;
    void ended.then(() => {
      exited = true;
    });
    let atKill = 0;
    while (!exited) {
      atKill = committed(db);
      if (atKill > 0) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = await ended;
    if (killed.signal !== 'SIGKILL')
      throw new Error(`ingest finished (${killed.code}) before its first commit was seen`);
    const afterKill = committed(db);
    expect(afterKill).toBeGreaterThanOrEqual(atKill);
    expect(afterKill).toBeLessThan(ARTICLES);

    const rerun = await finish(ingestProcess(db, corpus));
    expect(rerun.code).toBe(0);
    expect(rerun.out).toMatch(new RegExp(`^already stored +${afterKill}$`, 'm'));
    expect(rerun.out).toMatch(new RegExp(`^stored +${ARTICLES - afterKill}$`, 'm'));

    const clean = join(dir, 'clean.db');
    const cleanRun = await finish(ingestProcess(clean, corpus));
    expect(cleanRun.code).toBe(0);
    expect(counts(db)).toEqual(counts(clean));
    expect(counts(clean).articles).toBe(ARTICLES);
  }, 180_000);
});
