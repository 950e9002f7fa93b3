// A seeded generator of realistic news articles for scale runs: varied actors
// (from the knowledge files), titles, verbs, amounts, dates and places, and a
// share of near-duplicate retellings. Same seed, same corpus, so runs compare.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** mulberry32: a small, fast, seedable PRNG; each generator owns its state. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const load = (file) => parse(readFileSync(new URL(`../data/actors/${file}`, import.meta.url), 'utf8')).entries;

const TITLES = ['Foreign Minister', 'Defence Minister', 'President', 'Prime Minister', 'envoy', 'spokesman'];
const OUTLETS = ['Meridian Wire', 'The Harbour Times', 'Eastern Ledger', 'Atlas News Service', 'Monsoon Daily'];
/** Sentence shapes with the verbs Parley codes, from cooperation to conflict. */
const SHAPES = [
  (a, b) => `${a.title} accused ${b.state} of violating the ceasefire on ${a.day}.`,
  (a, b) => `${a.state} and ${b.state} held talks in ${a.capital} on ${a.day}, officials said.`,
  (a, b) => `${a.demonym} ${a.role} ${a.person} called on ${b.state} to release detained journalists.`,
  (a, b) => `${a.state} pledged ${a.amount} in humanitarian aid to ${b.state}, the ministry said.`,
  (a, b) =>
    `${a.demonym} troops shelled positions held by ${b.demonym} forces near the border, killing ${a.count} people.`,
  (a, b) => `${a.person} warned that ${a.state} would impose sanctions on ${b.state} if the attacks continued.`,
  (a, b) => `${b.state} rejected a proposal from ${a.state} for a prisoner exchange.`,
  (a) => `Thousands of protesters rallied in ${a.capital} against the government's decision.`,
  (a, b) => `${a.state} expelled two ${b.demonym} diplomats on ${a.day}.`,
  (a, b) => `${a.title} welcomed the agreement and praised ${b.state} for its restraint.`,
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Yields `count` articles `{ id, url, title, date, source, text }`, streaming:
 * nothing is held but the few recent articles a retelling may copy.
 */
export function* generateArticles({ seed = 42, count = 1000, nearDuplicateShare = 0.1 } = {}) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const states = load('countries.yaml').filter((c) => c.capital && c.demonyms?.length);
  const people = load('people.yaml');
  const recent = [];
  for (let n = 0; n < count; n++) {
    const date = `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const outlet = pick(OUTLETS);
    if (recent.length && random() < nearDuplicateShare) {
      // A wire story retold by another outlet: same facts, a changed lead and order.
      const original = pick(recent);
      const paragraphs = original.text.split('\n\n');
      const text = [paragraphs[1] ?? '', paragraphs[0] ?? '', ...paragraphs.slice(2)]
        .join('\n\n')
        .replace('said', 'told reporters');
      yield {
        id: `gen-${seed}-${n}`,
        url: `https://news.example/${n}`,
        title: `${original.title} (update)`,
        date: original.date,
        source: outlet,
        text,
      };
      continue;
    }
    const actor = () => {
      const s = pick(states);
      const role = pick(TITLES);
      return {
        state: s.name,
        demonym: s.demonyms[0],
        capital: s.capital,
        role,
        person: pick(people).name,
        title: `${s.demonyms[0]} ${role} ${pick(people).name}`,
        day: pick(DAYS),
        amount: `$${1 + Math.floor(random() * 900)} million`,
        count: 2 + Math.floor(random() * 40),
      };
    };
    const paragraphs = [];
    for (let p = 0; p < 4; p++) {
      const sentences = [];
      for (let k = 0; k < 3; k++) sentences.push(pick(SHAPES)(actor(), actor()));
      paragraphs.push(sentences.join(' '));
    }
    const article = {
      id: `gen-${seed}-${n}`,
      url: `https://news.example/${n}`,
      title: `Diplomatic round-up ${n}`,
      date,
      source: outlet,
      text: paragraphs.join('\n\n'),
    };
    recent.push(article);
    if (recent.length > 50) recent.shift();
    yield article;
  }
}
