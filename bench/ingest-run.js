// One ingest measurement in a process of its own, so its peak RSS (worker threads included) is its own:
//   node bench/ingest-run.js --articles N [--workers W] [--batch B] [--seed S] [--queries]
// Generated articles are first written, one at a time, to a JSON Lines dump in the temp folder (not
// timed: the generator would otherwise share the main thread with the reader and the writer), then
// `ingest` reads that dump as `parley ingest dump.jsonl` would. Neither the corpus nor the extractions
// are ever held whole. The store is a fresh SQLite file in the same folder; both are removed afterwards.
// Progress goes to stderr; the last stdout line is the JSON result.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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
/** Articles per store transaction; the pipeline's default when not given. */
const batchSize = option('--batch', undefined);
const withQueries = args.includes('--queries');
/** Ten segments a run (of at least one ingest batch each) show whether the cost per article grows with the store. */
const segmentSize = Math.max(200, Math.ceil(count / 10));

/** Writes the generated corpus as a JSON Lines dump; returns the bytes of article text it holds. */
async function writeCorpus(path) {
  const out = createWriteStream(path);
  let textBytes = 0;
  for (const article of generateArticles({ seed, count })) {
    textBytes += Buffer.byteLength(article.text);
    if (!out.write(`${JSON.stringify(article)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return textBytes;
}

/**
 * CPU seconds of the main thread alone (Linux: the thread whose id is the process id), where the
 * reader and the writer run; undefined elsewhere. Other work on the machine inflates wall times, not
 * this, so it tells whether the main thread is the bottleneck.
 */
function mainThreadCpuSeconds() {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
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
  const dumpPath = join(dir, 'corpus.jsonl');
  const generateStarted = performance.now();
  const textBytes = await writeCorpus(dumpPath);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const store = await createStore(dbPath);
  const segments = [];
  let mark = { stored: 0, t: performance.now(), mainCpu: mainThreadCpuSeconds() };
  const endSegment = (stored) => {
    const now = performance.now();
    const mainCpu = mainThreadCpuSeconds();
    const segment = {
      stored,
      seconds: (now - mark.t) / 1000,
      msPerArticle: (now - mark.t) / (stored - mark.stored),
      // Other work on the machine slows the wall time of a segment, hardly the writer's CPU time: this shows growth.
      mainThreadCpuMsPerArticle:
        mainCpu === undefined ? undefined : ((mainCpu - mark.mainCpu) * 1000) / (stored - mark.stored),
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    segments.push(segment);
    const mainText =
      segment.mainThreadCpuMsPerArticle === undefined
        ? ''
        : ` (main thread ${segment.mainThreadCpuMsPerArticle.toFixed(2)} CPU)`;
    process.stderr.write(
      `  ingest ${count} (${workers} worker${workers > 1 ? 's' : ''}): ${stored} stored, ${segment.msPerArticle.toFixed(2)} ms/article${mainText}, RSS ${segment.rssMB} MB\n`,
    );
    mark = { stored, t: now, mainCpu };
  };
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const mainCpuStart = mainThreadCpuSeconds();
  const report = await ingest([dumpPath], {
    store,
    workers,
    batchSize,
    onProgress: (p) => {
      if (p.stored >= mark.stored + segmentSize) endSegment(p.stored);
    },
  });
  // The last segment is short, or ends below `count` when the store refused copies.
  if (report.stored > mark.stored) endSegment(report.stored);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const mainCpuSeconds = mainCpuStart === undefined ? undefined : mainThreadCpuSeconds() - mainCpuStart;
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
      mbPerSecond: textBytes / 1e6 / seconds,
      textMB: textBytes / 1e6,
      msPerArticle: (seconds * 1000) / count,
      // CPU of every thread (main and workers), and of the main thread alone, per article ingested.
      cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / count,
      mainThreadCpuMsPerArticle: mainCpuSeconds === undefined ? undefined : (mainCpuSeconds * 1000) / count,
      generateSeconds,
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
