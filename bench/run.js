// `npm run bench`: Parley's speed, scale and memory beside its peers, in one run on this machine.
// Prints tables and writes bench/results/<timestamp>.json with a description of the machine.
//   --articles N   ingest N generated articles (on all cores, with query latencies) instead of the default sizes
//   --scale        add the 100,000-article run to the default 1,000 and 10,000
//   --seed S       generator seed (default 42)
// Each measurement runs in a child process of its own, so the peak RSS reported is that measurement's.
import { execFileSync, fork, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const TARGETS = { ratioToWink: 0.5, articles: 250_000, seconds: 600, peakRssMB: 1024 };

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const seed = option('--seed') ?? 42;
const cores = os.availableParallelism();
const sizes = option('--articles')
  ? [option('--articles')]
  : args.includes('--scale')
    ? [1000, 10_000, 100_000]
    : [1000, 10_000];

function git(...gitArgs) {
  try {
    return execFileSync('git', gitArgs, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

function machine() {
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model,
    cores,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD'),
    // Uncommitted changes make the commit an approximate description of the code measured.
    dirty: (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '',
    date: new Date().toISOString(),
    // Other work on the machine slows every measurement; the load average tells a reader whether there was some.
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Runs a bench script in its own process; its last stdout line is its JSON result, its stderr shows progress. */
function child(script, scriptArgs) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...scriptArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} ${scriptArgs.join(' ')} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

const fixed = (n, digits = 2) => (n === undefined ? '' : n.toFixed(digits));
const int = (n) => Math.round(n).toLocaleString('en-US');

function printTable(title, header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Steady cost per article: the segments after the first, which carries the extractors' start-up. */
function steady(run) {
  const rest = run.segments.length > 1 ? run.segments.slice(1) : run.segments;
  const ms = rest.map((s) => s.msPerArticle);
  return { first: ms[0], last: ms[ms.length - 1], growth: ms[ms.length - 1] / ms[0] };
}

const results = { machine: machine(), options: { seed, sizes }, extraction: {}, ingest: [] };

/**
 * Parley and wink-nlp each run in a process of its own (so each peak RSS is
 * its own), kept alive and sent one pass at a time, in turn: the ratio is a
 * target, and on a shared VM the machine's speed drifts by up to a third
 * within a minute, so engines timed in separate minutes, or even in
 * separate processes one after the other, compared the machine's moments as
 * much as the engines (the same code read 0.26 to 0.46). Each pair of passes
 * runs back to back, in alternating order, and the ratio is the median of
 * the pairs' ratios. Every pass's time is kept in the results.
 */
const PAIRS = 9;
const WARM_UP_PASSES = 2;

function forked(engine) {
  const proc = fork(fileURLToPath(new URL('./extract-run.js', import.meta.url)), [engine], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = () =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`extract-run.js ${engine} exited with ${code}`));
      proc.once('exit', onExit);
      proc.once('message', (message) => {
        proc.off('exit', onExit);
        resolve(message);
      });
    });
  const ask = (message) => {
    const answer = reply();
    proc.send(message);
    return answer;
  };
  return { ready: reply(), pass: () => ask('pass'), done: () => ask('done') };
}

async function pairedPasses(names) {
  const engines = names.map(forked);
  const described = await Promise.all(engines.map((e) => e.ready));
  for (let k = 0; k < WARM_UP_PASSES; k++) for (const e of engines) await e.pass();
  const passes = names.map(() => []);
  for (let pair = 0; pair < PAIRS; pair++) {
    const order = pair % 2 ? [1, 0] : [0, 1];
    for (const n of order) passes[n].push(await engines[n].pass());
  }
  const ends = await Promise.all(engines.map((e) => e.done()));
  return names.map((_, n) => ({
    ...described[n],
    ...passes[n].reduce((a, b) => (b.seconds < a.seconds ? b : a)),
    peakRssMB: ends[n].peakRssMB,
    passes: passes[n].map((p) => p.seconds),
  }));
}

console.error('extraction: Parley on 1 core and wink-nlp in turn, Parley on all cores, compromise (same text)');
const [parleyRun, winkRun] = await pairedPasses(['parley', 'wink']);
results.extraction.parley = parleyRun;
results.extraction.wink = winkRun;
for (const engine of ['parley-all', 'compromise']) {
  results.extraction[engine] = await child('./extract-run.js', [engine]);
}
const ex = results.extraction;
results.extraction.pairRatiosToWink = ex.wink.passes.map((w, i) => w / ex.parley.passes[i]);
results.extraction.ratioToWink = median(ex.pairRatiosToWink);
results.extraction.ratioToCompromise = ex.compromise.seconds / ex.parley.seconds;

const ingestRuns = [
  { articles: 1000, workers: 1 },
  ...sizes.map((n) => ({ articles: n, workers: cores, queries: n >= 10_000 || sizes.length === 1 })),
];
for (const run of ingestRuns) {
  console.error(`ingest: ${int(run.articles)} generated articles on ${run.workers} worker(s)`);
  const scriptArgs = ['--articles', String(run.articles), '--workers', String(run.workers), '--seed', String(seed)];
  results.ingest.push(await child('./ingest-run.js', run.queries ? [...scriptArgs, '--queries'] : scriptArgs));
}
results.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));

const m = results.machine;
console.log(
  `\nParley bench: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, node ${m.node}, commit ${m.commit}${m.dirty ? ' (dirty)' : ''}, load ${m.loadAverageAtStart[0]} -> ${m.loadAverageAtEnd[0]}`,
);
const speedRow = (name, r, ratio) => [
  name,
  int(r.articles / r.seconds),
  fixed(r.mb / r.seconds),
  fixed(r.mb / r.cpuSeconds),
  int(r.peakRssMB),
  ratio,
];
printTable(
  `Extraction: demo corpus repeated to ${fixed(ex.parley.mb, 1)} MB (${ex.parley.articles} articles), best pass (compromise: 1); Parley/wink: median of ${PAIRS} back-to-back pairs of passes`,
  ['engine', 'articles/s', 'MB/s', 'MB/CPU-s', 'peak RSS MB', 'Parley speed ratio'],
  [
    speedRow('Parley, 1 core', ex.parley, ''),
    speedRow(`Parley, ${ex['parley-all'].cores} cores (worker threads)`, ex['parley-all'], ''),
    speedRow('wink-nlp: tokens, sentences, POS, entities', ex.wink, `Parley/wink ${fixed(ex.ratioToWink)}`),
    speedRow(
      'compromise: people, places, organisations',
      ex.compromise,
      `Parley/compromise ${fixed(ex.ratioToCompromise)}`,
    ),
  ],
);
printTable(
  `Ingest end to end: generated articles (seed ${seed}) streamed into a new SQLite store: read, extract, merge, resolve, write`,
  [
    'run',
    'seconds',
    'articles/s',
    'MB/s',
    'ms/article',
    'steady ms/article first->last',
    'main-thread CPU ms/article',
    'peak RSS MB',
    'store MB',
  ],
  results.ingest.map((r) => {
    const s = steady(r);
    return [
      `${int(r.articles)} articles, ${r.workers} worker${r.workers > 1 ? 's' : ''}`,
      fixed(r.seconds, 1),
      int(r.articlesPerSecond),
      fixed(r.mbPerSecond),
      fixed(r.msPerArticle),
      `${fixed(s.first)} -> ${fixed(s.last)} (x${fixed(s.growth)})`,
      fixed(r.mainThreadCpuMsPerArticle),
      int(r.peakRssMB),
      int(r.dbMB),
    ];
  }),
);
for (const r of results.ingest.filter((x) => x.queries)) {
  const { parameters, ...queries } = r.queries;
  printTable(
    `Query latency on the ${int(r.articles)}-article store (${int(r.events)} events; actor ${parameters.actor}, dyad ${parameters.dyad?.source}-${parameters.dyad?.target}, type ${parameters.type}, month ${parameters.month})`,
    ['query', 'p50 ms', 'p99 ms', 'first ms', 'runs', 'rows'],
    Object.entries(queries).map(([name, q]) => [name, fixed(q.p50), fixed(q.p99), fixed(q.first), q.runs, q.rows]),
  );
}

// The 250,000-article target: measured when a run was that large, otherwise projected from the largest
// run at its last (steadiest, most expensive so far) cost per article.
const largest = results.ingest.filter((r) => r.workers === cores).sort((a, b) => b.articles - a.articles)[0];
const measured = largest.articles >= TARGETS.articles;
const projectedSeconds = measured
  ? (largest.seconds * TARGETS.articles) / largest.articles
  : largest.seconds + ((TARGETS.articles - largest.articles) * steady(largest).last) / 1000;
const peakRssMB = Math.max(...results.ingest.map((r) => r.peakRssMB), ex.parley.peakRssMB, ex['parley-all'].peakRssMB);
results.targets = {
  ratioToWink: { target: TARGETS.ratioToWink, value: ex.ratioToWink, met: ex.ratioToWink >= TARGETS.ratioToWink },
  ingest250k: {
    targetSeconds: TARGETS.seconds,
    seconds: projectedSeconds,
    measured,
    from: largest.articles,
    met: projectedSeconds < TARGETS.seconds,
  },
  peakRssMB: { target: TARGETS.peakRssMB, value: peakRssMB, met: peakRssMB < TARGETS.peakRssMB },
};
const t = results.targets;
const verdict = (x) => (x.met ? 'met' : 'MISSED');
printTable(
  'Targets',
  ['target', 'value', ''],
  [
    ['extraction >= 0.5x wink-nlp', `${fixed(t.ratioToWink.value)}x`, verdict(t.ratioToWink)],
    [
      `250,000 articles in < 10 min on ${cores} cores`,
      `${fixed(t.ingest250k.seconds / 60, 1)} min ${measured ? 'measured' : `projected from the ${int(largest.articles)} run`}`,
      verdict(t.ingest250k),
    ],
    ['peak RSS < 1 GB (any Parley run)', `${int(peakRssMB)} MB`, verdict(t.peakRssMB)],
  ],
);

const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const path = new URL(`${m.date.replace(/[:.]/g, '-')}.json`, dir);
writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${fileURLToPath(path)}`);
