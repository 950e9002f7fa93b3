/**
 * `parley ingest`: read inputs, extract on every core, store in batches.
 *
 * The main thread reads bytes and writes; worker threads do the per-article
 * CPU work: parsing input (`parsePiece`) and extracting (one extractor each).
 * One writer adds their extractions to the store, one transaction per batch,
 * in input order. At most `MAX_BATCHES_IN_FLIGHT` batches are read but not yet
 * committed, so memory stays flat however large the input. A crash loses at
 * most the batches not yet committed; a rerun skips every article whose id is
 * stored without extracting it, and the store drops any other copy by URL or
 * text, so it finishes with what a clean run would have stored.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { createExtractor, type Extractor } from '../extract/index.js';
import type { PreparedExtraction } from '../store/core/prepare.js';
import type { AddResult, Store } from '../store/store.js';
import type { Article } from '../types.js';
import { type ReadOptions, type ReadResult, settings } from './options.js';
import { type Piece, parsePiece } from './parse.js';
import { readPieces } from './read.js';
import { EXTRACTOR_DID_NOT_START, type Extracted, extractEach, type WorkerSetup } from './worker-protocol.js';

/**
 * Articles per store transaction. A commit writes back every page the batch
 * dirtied, much of it shared between articles: 500 instead of 200 took the
 * writer from 4.5 to 3.5 ms per article at 10,000 stored. Once story bands
 * stopped dirtying a page per band (store migration 7), 1,000 took the main
 * thread from 2.07 to 1.87 ms per article over 20,000; with two batches in
 * flight instead of three, peak RSS went from 648 to 684 MB (three batches
 * of 1,000: 831 MB).
 */
export const DEFAULT_BATCH = 1000;
/** Batches read ahead of the writer: one extracted while the other commits keeps the threads busy; more only holds memory. */
export const MAX_BATCHES_IN_FLIGHT = 2;
/**
 * Pieces of input parsed in one task, checked against the store in one
 * lookup and extracted in one task: few enough to spread a batch over the
 * threads, enough that handing them out costs the main thread little.
 */
const GROUP = 20;
/**
 * How far V8 lets a heap grow past what its last full collection kept, in
 * percent. By default it may grow up to 4x, and ingest feeds it garbage that
 * outlives the young generation by design (extractions wait for their batch
 * to commit): a 10,000-article run peaked at 1,209 MB of RSS with 52 MB live
 * on the main thread. At 30% it peaked at 609 MB, at the same speed. The flag
 * is the process's, read at each collection, so it also bounds the threads.
 */
const HEAP_GROWING_PERCENT = 30;

export interface IngestOptions {
  /** Where extractions go; the caller opens and closes it. */
  store: Store;
  /** Extraction threads; 1 extracts in this thread. Default: `os.availableParallelism()`. */
  workers?: number;
  /** Articles per transaction. Default `DEFAULT_BATCH` (1,000). */
  batchSize?: number;
  /** Publication date (`YYYY-MM-DD`) for articles whose input gives none, so relative dates resolve. */
  date?: string;
  /** Knowledge folder for the extractor (default: the bundled `data/`). */
  dataDir?: string;
  read?: ReadOptions;
  /** Called as each group of articles is extracted and after every committed batch. */
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  /** Articles read, already-stored ones included. */
  read: number;
  /** Articles extracted or found already stored, plus inputs rejected: what counts towards `total`. */
  done: number;
  /** Articles (and rejected inputs) the inputs hold, when that can be counted before reading (see `countArticles`). */
  total?: number;
  /** Events the extractor found so far (before merging). */
  eventsFound: number;
  /** Articles committed to the store so far. */
  stored: number;
  /** Inputs or articles skipped so far. */
  skipped: number;
  /** Batches committed so far. */
  batches: number;
}

export interface Skipped {
  /** File, URL, `file.jsonl:LINE`, `feed.xml#N` or `stdin`. */
  origin: string;
  reason: string;
}

export interface IngestReport {
  /** Articles read from the inputs. */
  read: number;
  /** Articles whose id a previous run stored: neither extracted nor stored again. */
  alreadyStored: number;
  /** Articles stored for the first time. */
  stored: number;
  /** Articles the store refused as copies of a stored one (same URL or same text). */
  duplicates: number;
  /** Stored articles that joined an existing story (another outlet's telling of it). */
  nearDuplicates: number;
  /** New stories. */
  stories: number;
  /** New events. */
  events: number;
  /** Reports merged into an existing event. */
  merged: number;
  /** Everything that could not be read or extracted, with why. */
  skipped: Skipped[];
  batches: number;
  workers: number;
  seconds: number;
}

/** What became of one piece of input, in input order. */
type Outcome =
  | { kind: 'extracted'; prepared: PreparedExtraction }
  | { kind: 'stored' }
  | { kind: 'skipped'; skipped: Skipped }
  /** The extractor itself failed (or the store did): no article can be extracted, so the run stops. */
  | { kind: 'fatal'; error: Error };

/** Parsing and extraction, in this thread or on a pool of threads, a group at a time. */
interface Work {
  read(pieces: Piece[]): Promise<ReadResult[]>;
  /** Rejects only when the extractor cannot start; an article it throws on is one failed `Extracted`. */
  extract(articles: Article[]): Promise<Extracted[]>;
  close(): Promise<void>;
}

function inThisThread(setup: WorkerSetup): Work {
  // Built on the first article to extract: a run over stored articles loads no dictionaries.
  let extractor: Extractor | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    read: async (pieces) => pieces.map((piece) => parsePiece(piece, setup.parse)),
    extract(articles) {
      // One group at a time, yielding to the event loop between groups so progress output keeps drawing.
      const next = tail
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          if (closed) throw new Error('ingest stopped');
          try {
            extractor ??= createExtractor(setup.dataDir ? { dataDir: setup.dataDir } : {});
          } catch (error) {
            throw new Error(`${EXTRACTOR_DID_NOT_START}${(error as Error).message}`);
          }
          return extractEach(extractor, articles);
        });
      tail = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      closed = true;
    },
  };
}

function onThreads(workers: number, setup: WorkerSetup, tasksInFlight: number): Work {
  const filename = new URL('./extract-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(filename))) {
    // Worker threads load JavaScript: running from the TypeScript sources (tests) has no compiled worker.
    throw new Error(`no compiled extraction worker at ${fileURLToPath(filename)}: run npm run build, or use 1 worker`);
  }
  const pool = new Piscina({
    filename: filename.href,
    workerData: setup,
    minThreads: workers,
    // minThreads = maxThreads: no thread is retired when idle, since a new one would reload the dictionaries.
    maxThreads: workers,
    // Every task is handed to a thread as soon as it is dispatched, so threads hold a queue of their own and
    // keep working while the main thread is inside a long store transaction and cannot hand out more.
    concurrentTasksPerWorker: tasksInFlight,
  });
  return {
    read: (pieces) => pool.run(pieces, { name: 'read' }),
    extract: (articles) => pool.run(articles, { name: 'extract' }),
    close: () => pool.destroy(),
  };
}

function addResult(report: IngestReport, r: AddResult): void {
  report.stored += r.articles;
  report.duplicates += r.duplicates;
  report.nearDuplicates += r.nearDuplicates;
  report.stories += r.stories;
  report.events += r.events;
  report.merged += r.merged;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
  const { store, onProgress } = options;
  const readSettings = settings(options.read ?? {});
  const report: IngestReport = {
    read: 0,
    alreadyStored: 0,
    stored: 0,
    duplicates: 0,
    nearDuplicates: 0,
    stories: 0,
    events: 0,
    merged: 0,
    skipped: [],
    batches: 0,
    workers,
    seconds: 0,
  };
  const total = onProgress ? await countArticles(inputs) : undefined;
  let done = 0;
  let skipped = 0;
  let eventsFound = 0;
  const progress = () =>
    onProgress?.({
      read: report.read,
      done,
      ...(total !== undefined ? { total } : {}),
      eventsFound,
      stored: report.stored,
      skipped,
      batches: report.batches,
    });

  const setup: WorkerSetup = {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    parse: { allowLanguages: readSettings.allowLanguages },
  };
  // Each group has at most one task (read or extract) under way; a batch being read adds to those in flight.
  const tasksInFlight = (MAX_BATCHES_IN_FLIGHT + 1) * Math.ceil(batchSize / GROUP);
  // Started on the first piece of input: a run that reads nothing starts no thread.
  let work: Work | undefined;

  /** Parses a group of pieces, skips the articles already stored, extracts the rest: one outcome per piece, in order. */
  const runGroup = async (pieces: Piece[]): Promise<Outcome[]> => {
    work ??= workers === 1 ? inThisThread(setup) : onThreads(workers, setup, tasksInFlight);
    const w = work;
    const results = await w
      .read(pieces)
      .catch((error: unknown) =>
        pieces.map(
          (p): ReadResult => ({ ok: false, origin: p.origin, reason: `unexpected error: ${messageOf(error)}` }),
        ),
      );
    const articles: Article[] = [];
    for (const r of results) {
      if (r.ok) articles.push(options.date && !r.article.date ? { ...r.article, date: options.date } : r.article);
    }
    report.read += articles.length;
    const stored = articles.length > 0 ? await store.storedArticles(articles.map((a) => a.id)) : new Set<string>();
    const fresh = articles.filter((a) => !stored.has(a.id));
    const extracted =
      fresh.length === 0
        ? []
        : await w.extract(fresh).catch((error: unknown): Extracted[] => {
            const message = messageOf(error);
            if (message.startsWith(EXTRACTOR_DID_NOT_START)) throw new Error(message);
            // A thread that died takes its group with it; the run goes on with the next.
            return fresh.map(() => ({ ok: false, error: message }));
          });
    let nextArticle = 0;
    let nextFresh = 0;
    const outcomes = results.map((r): Outcome => {
      done++;
      if (!r.ok) {
        skipped++;
        return { kind: 'skipped', skipped: { origin: r.origin, reason: r.reason } };
      }
      const article = articles[nextArticle++] as Article;
      if (stored.has(article.id)) return { kind: 'stored' };
      const x = extracted[nextFresh++] as Extracted;
      if (!x.ok) {
        skipped++;
        return {
          kind: 'skipped',
          skipped: { origin: article.origin ?? article.id, reason: `extraction failed: ${x.error}` },
        };
      }
      eventsFound += x.prepared.events.length;
      return { kind: 'extracted', prepared: x.prepared };
    });
    progress();
    return outcomes;
  };
  // A group never rejects: an error not yet awaited would be an unhandled rejection. Fatal ones travel as outcomes.
  const dispatch = (pieces: Piece[]): Promise<Outcome[]> =>
    runGroup(pieces).catch((error: unknown) => [
      { kind: 'fatal', error: error instanceof Error ? error : new Error(String(error)) },
    ]);

  /** Batches in input order, each a list of groups under way; the writer commits the oldest. */
  const inFlight: Promise<Outcome[]>[][] = [];
  const commitOldest = async () => {
    const outcomes = (await Promise.all(inFlight.shift() ?? [])).flat();
    const prepared: PreparedExtraction[] = [];
    for (const o of outcomes) {
      if (o.kind === 'fatal') throw o.error;
      if (o.kind === 'extracted') prepared.push(o.prepared);
      else if (o.kind === 'stored') report.alreadyStored++;
      else report.skipped.push(o.skipped);
    }
    if (prepared.length > 0) {
      addResult(report, await store.addExtractions(prepared));
      report.batches++;
    }
    progress();
  };

  /** The batch being read: groups already sent off, and the pieces of the next group. */
  let current: Promise<Outcome[]>[] = [];
  let currentSize = 0;
  let group: Piece[] = [];
  try {
    for await (const piece of readPieces(inputs, readSettings)) {
      currentSize++;
      group.push(piece);
      // Sent off in small groups, so threads start on a batch while the rest of it is being read.
      if (group.length >= GROUP || currentSize >= batchSize) {
        current.push(dispatch(group));
        group = [];
      }
      if (currentSize < batchSize) continue;
      inFlight.push(current);
      current = [];
      currentSize = 0;
      // Backpressure: the reader waits here until the writer has caught up.
      while (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await commitOldest();
    }
    if (group.length > 0) current.push(dispatch(group));
    inFlight.push(current);
    while (inFlight.length > 0) await commitOldest();
  } finally {
    // After an error, queued work is abandoned rather than waited for; on success none is left.
    await work?.close();
    await Promise.allSettled([...inFlight.flat(), ...current]);
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Extensions whose file is one article (or one rejection). */
const ONE_ARTICLE = new Set(['.txt', '.md', '.html', '.htm']);
const LINES = new Set(['.jsonl', '.ndjson']);

/**
 * How many articles the inputs hold, counted without parsing them, or
 * undefined when that cannot be known before reading (URLs, stdin, feeds,
 * files whose extension does not tell their format). Files are walked as
 * `readInputs` walks them (hidden entries skipped); a dump counts its
 * non-blank lines.
 */
export async function countArticles(inputs: readonly string[]): Promise<number | undefined> {
  let total = 0;
  const countFile = async (path: string): Promise<boolean> => {
    const ext = extname(path).toLowerCase();
    if (ONE_ARTICLE.has(ext)) total++;
    else if (LINES.has(ext)) total += await nonBlankLines(path);
    else return false;
    return true;
  };
  const countPath = async (path: string): Promise<boolean> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      // The reader rejects it once.
      total++;
      return true;
    }
    if (!info.isDirectory()) return countFile(path);
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory() ? !(await countPath(child)) : !(await countFile(child))) return false;
    }
    return true;
  };
  for (const input of inputs) {
    if (input === '-' || /^[a-z][a-z0-9+.-]+:\/\//i.test(input)) return undefined;
    if (!(await countPath(input))) return undefined;
  }
  return total;
}

/** Lines holding more than spaces, tabs and CRs; each line's bytes after its first non-blank one are skipped natively. */
async function nonBlankLines(path: string): Promise<number> {
  let lines = 0;
  /** Whether the line being scanned has held only blanks so far (it may continue from the previous chunk). */
  let blank = true;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      if (blank) {
        const byte = chunk[i] as number;
        i++;
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0a) blank = false;
        continue;
      }
      const end = chunk.indexOf(0x0a, i);
      if (end === -1) break;
      lines++;
      blank = true;
      i = end + 1;
    }
  }
  return blank ? lines : lines + 1;
}
