import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../store/store.js';
import { countArticles, type IngestOptions, type IngestProgress, ingest, MAX_BATCHES_IN_FLIGHT } from './pipeline.js';
import { readInputs } from './read.js';
import { copyCorpus, corpusFiles, generateCorpus, KNOWLEDGE_DIR, WIRE } from './testing/corpus.js';

const root = mkdtempSync(join(tmpdir(), 'parley-pipeline-'));
const BUILT_PIPELINE = join(import.meta.dirname, '..', '..', 'dist', 'ingest', 'pipeline.js');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function tempDir(): string {
  const dir = join(root, `t${++dirs}`);
  mkdirSync(dir);
  return dir;
}

/** In this thread: the worker pool needs the compiled build, which the CLI tests exercise. */
function run(inputs: string[], store: Store, options: Partial<IngestOptions> = {}) {
  return ingest(inputs, { store, workers: 1, dataDir: KNOWLEDGE_DIR, ...options });
}

async function withStore<T>(fn: (store: Store, dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const store = await createStore(join(dir, 'parley.db'));
  try {
    return await fn(store, dir);
  } finally {
    await store.close();
  }
}

describe('ingest', () => {
  it('stores a folder of articles, and a second run stores no new article and no new event', async () => {
    await withStore(async (store, dir) => {
      const news = join(dir, 'news');
      copyCorpus(news);
      const first = await run([news], store);
      expect(first).toMatchObject({ read: corpusFiles().length, alreadyStored: 0, duplicates: 0, skipped: [] });
      expect(first.stored).toBe(corpusFiles().length);
      expect(first.events).toBeGreaterThan(10);
      const stats = await store.stats();
      expect(stats).toMatchObject({ articles: first.stored, events: first.events, stories: first.stories });

      const found: number[] = [];
      const second = await run([news], store, { onProgress: (p) => found.push(p.eventsFound) });
      expect(second).toMatchObject({
        read: first.read,
        alreadyStored: first.read,
        stored: 0,
        duplicates: 0,
        events: 0,
        merged: 0,
        batches: 0,
      });
      // Stored ids are not extracted again.
      expect(Math.max(0, ...found)).toBe(0);
      expect(await store.stats()).toEqual(stats);
    });
  });

  it('keeps a wire story told by three outlets as one story, with one event per real event reported by all three', async () => {
    await withStore(async (store, dir) => {
      const [reuters, ap, afp] = copyCorpus(join(dir, 'wire'), WIRE);
      const report = await run([reuters ?? '', ap ?? '', afp ?? ''], store);
      expect(report).toMatchObject({ read: 3, stored: 3, stories: 1, nearDuplicates: 2 });

      const page = await store.events({ limit: 1000 });
      expect(page.events.length).toBe(report.events);
      expect(page.events.length).toBeGreaterThanOrEqual(3);
      for (const event of page.events) {
        expect(event.mentions.map((m) => m.outlet).sort()).toEqual(['AP News', 'France 24', 'Reuters']);
        expect(new Set(event.mentions.map((m) => m.storyId)).size).toBe(1);
      }
      const summons = page.events.filter((e) => e.source.code === 'GBR' && e.target?.code === 'RUS');
      expect(summons).toHaveLength(1);
      expect(summons[0]?.mergeReasons).toHaveLength(2);

      const fromReuters = summons[0]?.mentions.find((m) => m.outlet === 'Reuters');
      const article = await store.article(fromReuters?.articleId ?? '');
      expect(article?.text).toMatch(/^LONDON, March 4 \(Reuters\) - Britain summoned the Russian ambassador/);
      const evidence = fromReuters?.evidence;
      expect(article?.text.slice(evidence?.start, evidence?.end)).toBe(evidence?.text);
    });
  });

  it('reports empty, binary and invalid UTF-8 files with their reasons and stores the rest', async () => {
    await withStore(async (store, dir) => {
      const news = join(dir, 'news');
      copyCorpus(news);
      writeFileSync(join(news, 'empty.txt'), '');
      writeFileSync(
        join(news, 'photo.jpg'),
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      );
      writeFileSync(join(news, 'latin1.txt'), Buffer.from('Belgium expelled a diplomat from Li\xe9ge.', 'latin1'));
      const report = await run([news, join(dir, 'missing.html')], store);
      expect(report.stored).toBe(corpusFiles().length);
      expect(report.skipped.map((s) => [s.origin.slice(dir.length + 1), s.reason])).toEqual([
        ['news/empty.txt', 'empty input'],
        ['news/latin1.txt', 'invalid UTF-8 at byte 35'],
        ['news/photo.jpg', 'binary file (NUL byte at 4)'],
        ['missing.html', 'no such file or directory'],
      ]);
    });
  });

  it('commits in batches and reads at most a few batches ahead of the writer', async () => {
    await withStore(async (store, dir) => {
      const many = join(dir, 'many');
      generateCorpus(many, 40);
      const batchSize = 3;
      const seen: IngestProgress[] = [];
      const report = await run([many], store, { batchSize, onProgress: (p) => seen.push(p) });
      expect(report).toMatchObject({ read: 40, stored: 40, batches: Math.ceil(40 / batchSize) });
      const ahead = seen.map((p) => p.read - p.stored);
      expect(Math.max(...ahead)).toBeLessThanOrEqual(MAX_BATCHES_IN_FLIGHT * batchSize);
      expect(seen.at(-1)).toMatchObject({ read: 40, done: 40, total: 40, stored: 40, batches: report.batches });
      expect((await store.stats()).articles).toBe(40);
    });
  });

  it('stops on a store failure, keeping the batches committed before it', async () => {
    await withStore(async (store, dir) => {
      const many = join(dir, 'many');
      generateCorpus(many, 12);
      let calls = 0;
      const failing = new Proxy(store, {
        get: (target, key) =>
          key === 'addExtractions'
            ? async (batch: Parameters<Store['addExtractions']>[0]) => {
                if (++calls === 2) throw new Error('disk full');
                return target.addExtractions(batch);
              }
            : Reflect.get(target, key),
      });
      await expect(run([many], failing, { batchSize: 4 })).rejects.toThrow('disk full');
      expect((await store.stats()).articles).toBe(4);
      const resumed = await run([many], store, { batchSize: 4 });
      expect(resumed).toMatchObject({ alreadyStored: 4, stored: 8 });
    });
  });

  it('gives articles without a date the date it is given, and keeps the dates articles carry', async () => {
    await withStore(async (store, dir) => {
      const text = join(dir, 'note.txt');
      writeFileSync(text, 'Belgium expelled two Libyan diplomats on Tuesday, accusing Libya of spying on exiles.\n');
      const [dated] = copyCorpus(join(dir, 'dated'), ['belgium-libya.html']);
      await run([text, dated ?? ''], store, { date: '2025-06-12' });
      const events = (await store.events({ limit: 1000 })).events;
      const dates = new Map(events.map((e) => [e.mentions[0]?.title ?? 'untitled', e.mentions[0]?.articleDate]));
      expect(dates.get('untitled')).toBe('2025-06-12');
      expect(dates.get('Belgium expels two Libyan diplomats')).toBe('2025-05-20');
    });
  });
});

/**
 * The built pipeline: worker threads load the compiled worker, which exists
 * only next to the compiled pipeline (`npm test` builds first).
 */
async function builtIngest(): Promise<typeof ingest> {
  if (!existsSync(BUILT_PIPELINE)) throw new Error(`${BUILT_PIPELINE} is missing: run npm run build first`);
  return ((await import(BUILT_PIPELINE)) as { ingest: typeof ingest }).ingest;
}

/** The stored copy of every article the inputs hold, for comparing two stores. */
async function storedArticles(store: Store, inputs: string[]) {
  const ids: string[] = [];
  for await (const r of readInputs(inputs)) if (r.ok) ids.push(r.article.id);
  // When it was added differs between any two runs.
  return Promise.all(ids.map(async (id) => ({ ...(await store.article(id)), addedAt: undefined })));
}

describe('ingest on worker threads', () => {
  /** Pages, a dump with bad lines, a French article, binary and invalid UTF-8 files: what each thread must parse. */
  function mixedInput(dir: string): string {
    const news = join(dir, 'news');
    copyCorpus(news);
    // The dump has a cut-off line and a record without a body among good ones.
    copyFileSync('src/ingest/fixtures/dump.jsonl', join(news, 'dump.jsonl'));
    copyFileSync('src/ingest/fixtures/french.txt', join(news, 'french.txt'));
    writeFileSync(join(news, 'latin1.txt'), Buffer.from('Belgium expelled a diplomat from Li\xe9ge.', 'latin1'));
    writeFileSync(join(news, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    return news;
  }

  it('stores what the main thread alone stores, and reports bad input parsed in a thread with its origin and reason', async () => {
    const onThreads = await builtIngest();
    const dir = tempDir();
    const news = mixedInput(dir);
    const threaded = await createStore(join(dir, 'threads.db'));
    const single = await createStore(join(dir, 'single.db'));
    try {
      // Batches of 3 and groups smaller than a batch: bad input shares its group and batch with good articles.
      const options = { dataDir: KNOWLEDGE_DIR, batchSize: 3 };
      const a = await onThreads([news], { store: threaded, workers: 2, ...options });
      const b = await ingest([news], { store: single, workers: 1, ...options });
      expect({ ...a, seconds: 0, workers: 0 }).toEqual({ ...b, seconds: 0, workers: 0 });
      expect(a.stored).toBeGreaterThan(corpusFiles().length);
      expect(a.skipped.map((s) => [s.origin.slice(news.length + 1), s.reason.replace(/:.*/, '')])).toEqual([
        ['dump.jsonl:3', 'invalid JSON'],
        ['dump.jsonl:6', 'no "text" or "html" field'],
        ['french.txt', 'language fra (French) is not allowed (allowed'],
        ['latin1.txt', 'invalid UTF-8 at byte 35'],
        ['photo.jpg', 'binary file (NUL byte at 4)'],
      ]);
      expect(await threaded.stats()).toEqual(await single.stats());
      expect(await storedArticles(threaded, [news])).toEqual(await storedArticles(single, [news]));

      // A rerun on threads parses everything again but extracts nothing.
      const again = await onThreads([news], { store: threaded, workers: 2, ...options });
      expect(again).toMatchObject({ alreadyStored: a.read, stored: 0, events: 0, skipped: a.skipped });
    } finally {
      await threaded.close();
      await single.close();
    }
  }, 60_000);
});

const PG_URL = process.env.PARLEY_PG_URL;

describe.runIf(PG_URL)('ingest into PostgreSQL', () => {
  it('stores what SQLite stores from the same folder, and a rerun adds nothing', async () => {
    const dir = tempDir();
    const news = join(dir, 'news');
    copyCorpus(news);
    const schema = `parley_ingest_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(PG_URL ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    const postgres = await createStore(url.toString());
    const sqlite = await createStore(join(dir, 'parley.db'));
    try {
      const first = await run([news], postgres);
      expect(first.stored).toBe(corpusFiles().length);
      expect(await run([news], postgres)).toMatchObject({ alreadyStored: first.read, stored: 0, events: 0 });
      await run([news], sqlite);
      expect(await postgres.stats()).toEqual(await sqlite.stats());
    } finally {
      await postgres.close();
      await sqlite.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});

describe('countArticles', () => {
  it('counts one article per page and one per dump line, and knows when it cannot tell', async () => {
    const dir = tempDir();
    copyCorpus(join(dir, 'pages'));
    writeFileSync(join(dir, 'pages', '.hidden.html'), '<p>not read</p>');
    writeFileSync(join(dir, 'dump.jsonl'), '{"text":"a"}\n\n{"text":"b"}\r\n{"text":"c"}');
    writeFileSync(join(dir, 'feed.xml'), '<rss></rss>');
    const pages = corpusFiles().length;
    expect(await countArticles([join(dir, 'pages'), join(dir, 'dump.jsonl')])).toBe(pages + 3);
    expect(await countArticles([join(dir, 'pages'), join(dir, 'nothing-here.txt')])).toBe(pages + 1);
    expect(await countArticles([join(dir, 'pages'), join(dir, 'feed.xml')])).toBeUndefined();
    expect(await countArticles(['https://example.org/news.html'])).toBeUndefined();
    expect(await countArticles(['-'])).toBeUndefined();
  });
});
