// Which of two builds of Parley extracts faster, measured so that the machine's own noise cancels out:
//   node bench/ab.js <rootA> <rootB> [--rounds N]
// Each root is a directory with a built Parley (its dist/ and data/), such as a git worktree of another
// commit after `npm run build`. Both extractors are loaded in this one process and read the demo corpus
// (the text of `npm run bench`), article by article in turn, A then B and B then A on alternate articles,
// so a slow moment of the machine falls on both. On this project's 2-vCPU VM, whose speed moves by a third
// from one minute to the next, comparing a build with itself gives B/A within 0.97-1.01, where separate
// runs of the bench could not tell apart changes of 10%.
// It also checks that both builds extract the same records, article by article (exit code 1 if not).
// What it cannot see: both extractors share one heap, so a change in how much garbage a build leaves
// changes the collections both pay for. Measure allocation changes with separate processes (`npm run bench`).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { demoTexts } from './corpus.js';

const DATE = '2025-06-01';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' } },
});
if (positionals.length !== 2) throw new Error('usage: node bench/ab.js <rootA> <rootB> [--rounds N]');
const rounds = Math.max(1, Number(values.rounds));

async function extractorAt(root) {
  const url = pathToFileURL(join(resolve(root), 'dist/extract/index.js')).href;
  const { createExtractor } = await import(url);
  const extractor = createExtractor();
  return (text) => extractor.extract({ text, date: DATE });
}

const [a, b] = await Promise.all(positionals.map(extractorAt));
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
  console.log(`round ${r + 1}: A ${ms[0].toFixed(0)} ms, B ${ms[1].toFixed(0)} ms, B/A ${(ms[1] / ms[0]).toFixed(3)}`);
}
ratios.sort((x, y) => x - y);
console.log(`median B/A ${ratios[ratios.length >> 1].toFixed(3)} over ${rounds} rounds of ${texts.length} articles`);
if (differ === 0) console.log('same extractions from both builds');
else {
  console.log(`${differ} of ${texts.length} articles extracted differently`);
  process.exitCode = 1;
}
