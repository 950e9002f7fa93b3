// One extraction measurement in a process of its own, so its peak RSS is its own:
//   node bench/extract-run.js parley|parley-all|wink|compromise
// Every engine reads the same text: the demo corpus, repeated to about 1.5 MB.
// Prints one JSON line: seconds (best of the timed passes), CPU seconds, MB, articles, peak RSS.
// Started by `fork` (with an IPC channel), it runs one pass for each message it is sent and answers with
// that pass's times, so that `run.js` can run two engines' passes in turn (see `pairedPasses` there);
// the message `done` is answered with the process's peak RSS, and the process exits.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { demoTexts } from './corpus.js';

const DATE = '2025-06-01';

/** Wall and CPU seconds of one pass. */
async function timed(run) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Best wall time of `runs` passes after one warm-up pass, so compiled code is measured rather than the JIT. */
async function best(run, runs) {
  await run();
  let fastest = { seconds: Number.POSITIVE_INFINITY, cpuSeconds: Number.POSITIVE_INFINITY };
  for (let r = 0; r < runs; r++) {
    const pass = await timed(run);
    if (pass.seconds < fastest.seconds) fastest = pass;
  }
  return fastest;
}

async function parley(texts) {
  const { createExtractor } = await import('../dist/extract/index.js');
  const extractor = createExtractor();
  return {
    run: () => {
      for (const text of texts) extractor.extract({ text, date: DATE });
    },
    passes: 3,
  };
}

/** One extractor per core on worker threads, each given an equal share of the articles. */
async function parleyAllCores(texts) {
  const cores = os.availableParallelism();
  const workers = await Promise.all(
    Array.from(
      { length: cores },
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { date: DATE } });
          w.once('message', () => resolve(w));
          w.once('error', reject);
        }),
    ),
  );
  const shares = workers.map((_, n) => texts.filter((_t, i) => i % workers.length === n));
  const run = () =>
    Promise.all(
      workers.map(
        (w, n) =>
          new Promise((resolve) => {
            w.once('message', resolve);
            w.postMessage(shares[n]);
          }),
      ),
    );
  return { run, passes: 3, extra: { cores }, close: () => Promise.all(workers.map((w) => w.terminate())) };
}

/** wink-nlp's full pipeline: tokens, sentences, POS and its entities, each read out as a user would. */
async function wink(texts) {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
  const its = nlp.its;
  return {
    run: () => {
      for (const text of texts) {
        const doc = nlp.readDoc(text);
        doc.tokens().out(its.pos);
        doc.sentences().out();
        doc.entities().out(its.detail);
      }
    },
    passes: 3,
  };
}

/** compromise: people, places and organisations. One timed pass: it takes seconds per megabyte. */
async function compromise(texts) {
  const { default: nlp } = await import('compromise');
  return {
    run: () => {
      for (const text of texts) {
        const doc = nlp(text);
        doc.people().out('array');
        doc.places().out('array');
        doc.organizations().out('array');
      }
    },
    passes: 1,
  };
}

const engines = { parley, 'parley-all': parleyAllCores, wink, compromise };
const engine = process.argv[2];
if (!(engine in engines)) throw new Error(`usage: extract-run.js ${Object.keys(engines).join('|')}`);
const { texts, mb } = await demoTexts();
const { run, passes, extra = {}, close = async () => {} } = await engines[engine](texts);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
if (process.send) {
  process.on('message', async (message) => {
    if (message === 'done') {
      await close();
      process.send({ peakRssMB: peakRssMB() }, () => process.exit(0));
    } else process.send(await timed(run));
  });
  process.send({ engine, mb, articles: texts.length, ...extra });
} else {
  const timing = await best(run, passes);
  await close();
  console.log(JSON.stringify({ engine, ...timing, ...extra, mb, articles: texts.length, peakRssMB: peakRssMB() }));
}
