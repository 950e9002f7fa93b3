// Checks the demo gold files against the corpus: every line parses, every
// referenced file exists, every trigger occurs at least `nth`+1 times in its
// article, and every code/type/issue/position comes from the documented lists.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/vocabulary.js';

const here = dirname(fileURLToPath(import.meta.url));

const TYPES = new Set<string>(EVENT_TYPES);
const ISSUES = new Set([
  'ceasefire',
  'territory',
  'security-guarantees',
  'sanctions',
  'prisoner-exchange',
  'humanitarian-access',
  'nuclear-programme',
  'elections-governance',
  'reconstruction-assets',
  'peace-plan',
]);
const POSITIONS = new Set(['supports', 'opposes', 'demands', 'conditions', 'proposes']);
const KINDS = new Set(['military', 'financial', 'humanitarian', 'other']);
const STATUSES = new Set(['announced', 'allocated', 'delivered']);
const CODE = /^(\*|[A-Z][A-Z0-9]{1,9})$/;

type Rec = Record<string, unknown> & { id: string; file?: string; text?: string; origin?: string };

function lines(name: string): Rec[] {
  const raw = readFileSync(join(here, name), 'utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Rec;
      } catch (e) {
        throw new Error(`${name}:${i + 1} does not parse: ${(e as Error).message}`);
      }
    });
}

function articleText(rec: Rec): string {
  if (typeof rec.file === 'string') {
    const p = join(here, rec.file);
    expect(existsSync(p), `${rec.id}: missing file ${rec.file}`).toBe(true);
    return readFileSync(p, 'utf8');
  }
  expect(typeof rec.text, `${rec.id}: needs file or text`).toBe('string');
  return rec.text as string;
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function checkTrigger(rec: Rec, text: string, item: Record<string, unknown>, what: string): void {
  if (item.trigger === undefined) return;
  expect(typeof item.trigger, `${rec.id} ${what}: trigger must be a string`).toBe('string');
  const nth = (item.nth as number | undefined) ?? 0;
  const n = count(text, item.trigger as string);
  expect(n, `${rec.id} ${what}: "${item.trigger}" occurs ${n} times, nth is ${nth}`).toBeGreaterThanOrEqual(nth + 1);
}

function checkCodes(rec: Rec, v: unknown, what: string): void {
  for (const c of asList(v)) expect(CODE.test(String(c)), `${rec.id} ${what}: bad code ${String(c)}`).toBe(true);
}

function checkOrigin(rec: Rec, text: string): void {
  if (typeof rec.origin !== 'string') return;
  const [path, id] = rec.origin.split('#');
  const p = join(here, path as string);
  expect(existsSync(p), `${rec.id}: missing origin ${rec.origin}`).toBe(true);
  if (path?.endsWith('.jsonl') && id) {
    const row = readFileSync(p, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { id: string; text: string })
      .find((r) => r.id === id);
    expect(row?.text, `${rec.id}: text differs from ${rec.origin}`).toBe(text);
  }
}

describe('demo/gold/events.jsonl', () => {
  const recs = lines('events.jsonl');
  it('has at least 10 annotated articles with unique ids', () => {
    expect(recs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
  });
  for (const rec of recs) {
    it(rec.id, () => {
      const text = articleText(rec);
      checkOrigin(rec, text);
      const events = rec.events as Record<string, unknown>[];
      expect(Array.isArray(events) && events.length > 0).toBe(true);
      events.forEach((e, i) => {
        checkTrigger(rec, text, e, `event ${i}`);
        checkCodes(rec, e.source, `event ${i} source`);
        checkCodes(rec, e.target, `event ${i} target`);
        for (const t of asList(e.type)) expect(TYPES.has(String(t)), `${rec.id} event ${i}: type ${String(t)}`).toBe(true);
      });
      for (const a of (rec.actors as Record<string, unknown>[]) ?? []) {
        checkCodes(rec, a.code, `actor ${String(a.name)}`);
        expect(text.includes(String(a.name)), `${rec.id}: actor ${String(a.name)} not in text`).toBe(true);
      }
      ((rec.amounts as Record<string, unknown>[]) ?? []).forEach((m, i) => {
        checkTrigger(rec, text, m, `amount ${i}`);
        expect(typeof m.value).toBe('number');
      });
    });
  }
});

describe('demo/gold/stances.jsonl', () => {
  const recs = lines('stances.jsonl');
  it('has at least 10 annotated articles with unique ids', () => {
    expect(recs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
  });
  for (const rec of recs) {
    it(rec.id, () => {
      const text = articleText(rec);
      checkOrigin(rec, text);
      ((rec.stances as Record<string, unknown>[]) ?? []).forEach((s, i) => {
        expect(typeof s.trigger, `${rec.id} stance ${i}: trigger required`).toBe('string');
        checkTrigger(rec, text, s, `stance ${i}`);
        checkCodes(rec, s.actor, `stance ${i} actor`);
        expect(ISSUES.has(String(s.issue)), `${rec.id} stance ${i}: issue ${String(s.issue)}`).toBe(true);
        expect(POSITIONS.has(String(s.position)), `${rec.id} stance ${i}: position ${String(s.position)}`).toBe(true);
      });
      ((rec.commitments as Record<string, unknown>[]) ?? []).forEach((c, i) => {
        expect(typeof c.trigger, `${rec.id} commitment ${i}: trigger required`).toBe('string');
        checkTrigger(rec, text, c, `commitment ${i}`);
        checkCodes(rec, c.donor, `commitment ${i} donor`);
        checkCodes(rec, c.recipient, `commitment ${i} recipient`);
        expect(typeof c.value).toBe('number');
        for (const k of asList(c.kind)) expect(KINDS.has(String(k)), `${rec.id} commitment ${i}: kind`).toBe(true);
        for (const s of asList(c.status)) expect(STATUSES.has(String(s)), `${rec.id} commitment ${i}: status`).toBe(true);
        for (const cur of asList(c.currency)) expect(/^[A-Z]{3}$/.test(String(cur))).toBe(true);
      });
    });
  }
});
