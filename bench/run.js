// `npm run bench`: Parley's speed, scale and memory, side by side with its peers in one run.
// Prints a table and writes bench/results/<timestamp>.json with a description of the machine.
//   --articles N   one ingest run of N generated articles (instead of the default 1,000 and 10,000)
//   --scale        add the 100,000-article run and its query latencies
import { execSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import compromise from 'compromise';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { createExtractor } from '../dist/extract/index.js';
import { readInputs } from '../dist/ingest/index.js';
import { ingest } from '../dist/ingest/pipeline.js';
import { createStore } from '../dist/store/store.js';
import { generateArticles } from './generate.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const cores = os.availableParallelism();
const rows = [];
const results = { machine: machine(), extraction: {}, ingest: [], queries: {} };

function machine() {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {}
  return {
    os: `${os.type()} ${os.release()}`,
    cpu: os.cpus()[0]?.model,
    cores,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit,
    date: new Date().toISOString(),
  };
}

const mb = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Best of `runs` timed passes (after one warm-up) of `fn` over `texts`. */
function time(texts, fn, runs = 3) {
  fn(texts.slice(0, 20));
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn(texts);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

async function demoTexts() {
  const texts = [];
  for await (const r of readInputs(['demo/corpus'], {})) if (r.ok) texts.push(r.article.text);
  // About 1.5 MB: enough for stable timings, the same text for every engine.
  const corpus = [];
  while (mb(corpus) < 1.5) corpus.push(...texts);
  return corpus;
}

async function extractionAllCores(texts) {
  const workers = await Promise.all(
    Array.from(
      { length: cores },
      () =>
        new Promise((resolve) => {
          const w = new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { date: '2025-06-01' } });
          w.once('message', () => resolve(w));
        }),
    ),
  );
  const slices = workers.map((_, n) => texts.filter((__, i) => i % workers.length === n));
  const run = () =>
    Promise.all(
      workers.map(
        (w, n) =>
          new Promise((resolve) => {
            w.once('message', resolve);
            w.postMessage(slices[n]);
          }),
      ),
    );
  // One warm-up pass, as for the single-core timing: compiled code, not the JIT, is measured.
  await run();
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
}

async function ingestRun(count, workers) {
  const dir = mkdtempSync(join(os.tmpdir(), 'parley-bench-'));
  const file = join(dir, 'corpus.jsonl');
  const out = createWriteStream(file);
  for (const article of generateArticles({ seed: 42, count })) {
    if (!out.write(`${JSON.stringify(article)}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  const store = await createStore(join(dir, 'bench.db'));
  const t0 = performance.now();
  const report = await ingest([file], { store, workers });
  const seconds = (performance.now() - t0) / 1000;
  const run = {
    articles: count,
    workers,
    seconds,
    articlesPerSecond: count / seconds,
    msPerArticle: (seconds * 1000) / count,
    events: report.events,
    stories: report.stories,
    peakRssMB: rssMB(),
  };
  results.ingest.push(run);
  rows.push([
    `ingest ${count.toLocaleString()} (${workers} core${workers > 1 ? 's' : ''})`,
    `${run.articlesPerSecond.toFixed(0)} art/s`,
    `${run.msPerArticle.toFixed(2)} ms/art`,
    `${run.events} events`,
    `${run.peakRssMB} MB RSS`,
  ]);
  return { store, dir, count };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function queryLatency(store, count) {
  const queries = {
    'events by actor': () => store.events({ actor: 'RUS', limit: 50 }),
    'events by dyad': () => store.events({ dyad: ['RUS', 'UKR'], limit: 50 }),
    'events by type and dates': () =>
      store.events({ type: 'ASSAULT', since: '2025-03-01', until: '2025-06-30', limit: 50 }),
    'events by text': () => store.events({ text: 'ceasefire', limit: 50 }),
    actors: () => store.actors({ limit: 100 }),
    stats: () => store.stats(),
  };
  const out = {};
  for (const [name, q] of Object.entries(queries)) {
    const ms = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await q();
      ms.push(performance.now() - t0);
    }
    out[name] = { p50: percentile(ms, 50), p99: percentile(ms, 99) };
    rows.push([
      `query ${name} @${count.toLocaleString()}`,
      `p50 ${out[name].p50.toFixed(1)} ms`,
      `p99 ${out[name].p99.toFixed(1)} ms`,
      '',
      '',
    ]);
  }
  results.queries[count] = out;
}

const texts = await demoTexts();
const size = mb(texts);
const extractor = createExtractor();
const parley = time(texts, (ts) => {
  for (const t of ts) extractor.extract({ text: t, date: '2025-06-01' });
});
const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = nlp.its;
const wink = time(texts, (ts) => {
  for (const t of ts) {
    const doc = nlp.readDoc(t);
    doc.tokens().out(its.pos);
    doc.sentences().out();
    doc.entities().out(its.detail);
  }
});
const comp = time(
  texts,
  (ts) => {
    for (const t of ts) {
      const doc = compromise(t);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
  },
  1,
);
const allCores = await extractionAllCores(texts);
results.extraction = {
  corpusMB: size,
  articles: texts.length,
  parley: { seconds: parley, mbPerSecond: size / parley, articlesPerSecond: texts.length / parley },
  parleyAllCores: {
    cores,
    seconds: allCores,
    mbPerSecond: size / allCores,
    articlesPerSecond: texts.length / allCores,
  },
  wink: { seconds: wink, mbPerSecond: size / wink },
  compromise: { seconds: comp, mbPerSecond: size / comp },
  ratioToWink: wink / parley,
  ratioToCompromise: comp / parley,
};
const e = results.extraction;
rows.push([
  `extract demo x${Math.round(texts.length / 41)} (${size.toFixed(1)} MB), 1 core`,
  `${e.parley.articlesPerSecond.toFixed(0)} art/s`,
  `${e.parley.mbPerSecond.toFixed(2)} MB/s`,
  '',
  `${rssMB()} MB RSS`,
]);
rows.push([
  `extract, ${cores} cores`,
  `${e.parleyAllCores.articlesPerSecond.toFixed(0)} art/s`,
  `${e.parleyAllCores.mbPerSecond.toFixed(2)} MB/s`,
  '',
  '',
]);
rows.push([
  'peer: wink-nlp tokens+sentences+POS+entities',
  '',
  `${e.wink.mbPerSecond.toFixed(2)} MB/s`,
  `Parley/wink ${e.ratioToWink.toFixed(2)}`,
  '',
]);
rows.push([
  'peer: compromise people+places+orgs',
  '',
  `${e.compromise.mbPerSecond.toFixed(2)} MB/s`,
  `Parley/compromise ${e.ratioToCompromise.toFixed(2)}`,
  '',
]);

const sizes = value('--articles') ? [value('--articles')] : flag('--scale') ? [1000, 10000, 100000] : [1000, 10000];
await ingestRun(1000, 1).then(({ store, dir }) =>
  store.close().then(() => rmSync(dir, { recursive: true, force: true })),
);
for (const count of sizes) {
  const { store, dir } = await ingestRun(count, cores);
  if (count === sizes[sizes.length - 1]) await queryLatency(store, count);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(
  `Parley bench on ${results.machine.cpu} (${cores} cores, ${results.machine.memoryGB} GB), node ${process.version}, ${results.machine.commit}`,
);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const path = new URL(`./results/${results.machine.date.replace(/[:.]/g, '-')}.json`, import.meta.url);
writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results: ${path.pathname}`);
