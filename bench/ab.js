// Which of two builds of Parley extracts faster, measured so that the machine's own noise cancels out:
//   node bench/ab.js <rootA> <rootB> [--rounds N]
// Each root is a directory with a built Parley (its dist/ and data/), such as a git worktree of another
// commit after `npm run build`. Both extractors are loaded in one process and read the demo corpus (the
// text of `npm run bench`), article by article in turn, A then B and B then A on alternate articles, so a
// slow moment of the machine falls on both. The extractor loaded second ran 1-3% faster than the first
// when both were the same build, so the comparison runs twice, in a process for each loading order, and
// the order's share cancels in the geometric mean of the two: sqrt((B/A, A first) / (A/B, B first)).
// It also checks that both builds extract the same records, article by article (exit code 1 if not).
// What it cannot see: both extractors share one heap, so a change in how much garbage a build leaves
// changes the collections both pay for. Measure allocation changes with separate processes (`npm run bench`).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { demoTexts } from './corpus.js';
import { median } from './stats.js';

const DATE = '2025-06-01';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' }, child: { type: 'boolean', default: false } },
});
if (positionals.length !== 2) throw new Error('usage: node bench/ab.js <rootA> <rootB> [--rounds N]');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds takes a whole number from 1, not "${values.rounds}"`);

async function extractorAt(root) {
  const url = pathToFileURL(join(resolve(root), 'dist/extract/index.js')).href;
  const { createExtractor } = await import(url);
  const extractor = createExtractor();
  return (text) => extractor.extract({ text, date: DATE });
}

/** One loading order: the second root's time as a share of the first's, a round at a time. */
async function compare([first, second]) {
  const [a, b] = [await extractorAt(first), await extractorAt(second)];
  const { texts } = await demoTexts();
  // Two warm-up passes compile both; the first also compares what each build extracts.
  let differ = 0;
  for (const text of texts) if (JSON.stringify(a(text)) !== JSON.stringify(b(text))) differ++;
  for (const text of texts) {
    a(text);
    b(text);
  }
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const ms = [0, 0];
    const runs = [a, b];
    texts.forEach((text, i) => {
      for (const n of i % 2 ? [1, 0] : [0, 1]) {
        const t0 = performance.now();
        runs[n](text);
        ms[n] += performance.now() - t0;
      }
    });
    ratios.push(ms[1] / ms[0]);
  }
  return { ratios, differ, articles: texts.length };
}

if (values.child) {
  console.log(JSON.stringify(await compare(positionals)));
} else {
  const orderOf = (roots) => {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), ...roots, '--rounds', String(rounds), '--child'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(out.trim().split('\n').pop());
  };
  const [rootA, rootB] = positionals;
  const aFirst = orderOf([rootA, rootB]);
  const bFirst = orderOf([rootB, rootA]);
  const show = (xs) => xs.map((x) => x.toFixed(3)).join(' ');
  console.log(`A loaded first, B/A by round: ${show(aFirst.ratios)} (median ${median(aFirst.ratios).toFixed(3)})`);
  console.log(`B loaded first, A/B by round: ${show(bFirst.ratios)} (median ${median(bFirst.ratios).toFixed(3)})`);
  const estimate = Math.sqrt(median(aFirst.ratios) / median(bFirst.ratios));
  console.log(`B takes ${estimate.toFixed(3)} of A's time (${rounds} rounds of ${aFirst.articles} articles each way)`);
  if (aFirst.differ === 0) console.log('same extractions from both builds');
  else {
    console.log(`${aFirst.differ} of ${aFirst.articles} articles extracted differently`);
    process.exitCode = 1;
  }
}
