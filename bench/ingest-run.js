// One ingest measurement in a process of its own, so its peak RSS (worker threads included) is its own:
//   node bench/ingest-run.js --articles N [--workers W] [--seed S] [--queries]
// Generated articles stream straight into `ingest` as JSON Lines on its stdin option: neither the
// corpus nor the extractions are ever held whole. The store is a fresh SQLite file in the temp folder,
// removed afterwards. Progress goes to stderr; the last stdout line is the JSON result.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ingest } from '../dist/ingest/pipeline.js';
import { createStore } from '../dist/store/store.js';
import { generateArticles } from './generate.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const count = option('--articles', 1000);
const workers = option('--workers', os.availableParallelism());
const seed = option('--seed', 42);
const withQueries = args.includes('--queries');
/** Ten segments a run (of at least one ingest batch each) show whether the cost per article grows with the store. */
const segmentSize = Math.max(200, Math.ceil(count / 10));
/** Bytes of JSON Lines handed to the reader at a time. */
const CHUNK = 64 * 1024;

/** The generated corpus as the byte stream a JSON Lines dump on stdin would be; `bytes.text` counts article text. */
async function* jsonLines(bytes) {
  let lines = [];
  let size = 0;
  for (const article of generateArticles({ seed, count })) {
    const line = `${JSON.stringify(article)}\n`;
    bytes.text += Buffer.byteLength(article.text);
    lines.push(line);
    size += line.length;
    if (size >= CHUNK) {
      yield Buffer.from(lines.join(''));
      lines = [];
      size = 0;
    }
  }
  if (lines.length) yield Buffer.from(lines.join(''));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p99 of each main query, repeated up to 200 times or 10 s, with parameters the store itself suggests. */
async function queryLatency(store) {
  const stats = await store.stats({ limit: 20 });
  const [top] = await store.actors({ limit: 1 });
  // A dyad of two different actors: the busiest pair can be one state's internal affairs.
  const dyad = stats.topDyads.find((d) => d.key.source !== d.key.target)?.key;
  const type = stats.byType[0]?.key;
  const month = stats.byDay[Math.floor(stats.byDay.length / 2)]?.key.slice(0, 7) ?? '2025-01';
  const queries = {
    'events by actor': () => store.events({ actor: top?.code ?? 'USA', limit: 50 }),
    'events by dyad': () => store.events({ dyad: [dyad?.source ?? 'USA', dyad?.target ?? 'RUS'], limit: 50 }),
    'events by type+dates': () =>
      store.events({ type: type ?? 'CONSULT', since: `${month}-01`, until: `${month}-31`, limit: 50 }),
    'events by text': () => store.events({ text: 'ceasefire violations', limit: 50 }),
    actors: () => store.actors({ limit: 100 }),
    stats: () => store.stats(),
  };
  const out = {};
  for (const [name, query] of Object.entries(queries)) {
    const ms = [];
    const until = performance.now() + 10_000;
    let rows = 0;
    while (ms.length < 200 && performance.now() < until) {
      const t0 = performance.now();
      const result = await query();
      ms.push(performance.now() - t0);
      rows = result.events?.length ?? (Array.isArray(result) ? result.length : 1);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    out[name] = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), first: ms[0], runs: ms.length, rows };
  }
  out.parameters = { actor: top?.code, dyad, type, month };
  return out;
}

const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-'));
try {
  const dbPath = join(dir, 'bench.db');
  const store = await createStore(dbPath);
  const bytes = { text: 0 };
  const segments = [];
  let mark = { stored: 0, t: performance.now() };
  const endSegment = (stored) => {
    const now = performance.now();
    const segment = {
      stored,
      seconds: (now - mark.t) / 1000,
      msPerArticle: (now - mark.t) / (stored - mark.stored),
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    segments.push(segment);
    process.stderr.write(
      `  ingest ${count} (${workers} worker${workers > 1 ? 's' : ''}): ${stored} stored, ${segment.msPerArticle.toFixed(2)} ms/article, RSS ${segment.rssMB} MB\n`,
    );
    mark = { stored, t: now };
  };
  const started = performance.now();
  const report = await ingest(['-'], {
    store,
    workers,
    read: { stdin: jsonLines(bytes) },
    onProgress: (p) => {
      if (p.stored >= mark.stored + segmentSize) endSegment(p.stored);
    },
  });
  // The last segment is short, or ends below `count` when the store refused copies.
  if (report.stored > mark.stored) endSegment(report.stored);
  const seconds = (performance.now() - started) / 1000;
  const queries = withQueries ? await queryLatency(store) : undefined;
  await store.close();
  const size = (path) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  console.log(
    JSON.stringify({
      articles: count,
      workers,
      seed,
      seconds,
      articlesPerSecond: count / seconds,
      mbPerSecond: bytes.text / 1e6 / seconds,
      textMB: bytes.text / 1e6,
      msPerArticle: (seconds * 1000) / count,
      stored: report.stored,
      stories: report.stories,
      nearDuplicates: report.nearDuplicates,
      events: report.events,
      merged: report.merged,
      skipped: report.skipped.length,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      dbMB: Math.round((size(dbPath) + size(`${dbPath}-wal`)) / 1e6),
      segments,
      queries,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
