/**
 * The scorer of ../shared/spec/gold-format.md: one-to-one matching of
 * predicted events to gold events (required first, in file order, then
 * optional), micro-averaged precision, recall and F1, per type as well, and
 * actor and amount recall.
 */
import type { Extraction } from '../types.js';

export type OneOrMany = string | string[];

export interface GoldEvent {
  trigger?: string;
  nth?: number;
  source: OneOrMany;
  target: OneOrMany;
  type: OneOrMany;
  optional?: boolean;
}

/** The negotiation-tracker extension (demo/gold/README.md). */
export interface GoldStance {
  actor: OneOrMany;
  issue: string;
  position: string;
  trigger: string;
  nth?: number;
}

export interface GoldCommitment {
  donor: OneOrMany;
  recipient: OneOrMany;
  value: number;
  currency?: OneOrMany;
  kind?: OneOrMany;
  status?: OneOrMany;
  trigger: string;
  nth?: number;
}

export interface GoldRecord {
  id: string;
  file?: string;
  text?: string;
  date?: string;
  events?: GoldEvent[];
  stances?: GoldStance[];
  commitments?: GoldCommitment[];
  actors?: { name: string; code: string }[];
  amounts?: { trigger: string; nth?: number; value: number; currency?: OneOrMany }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  record: string;
  kind: 'fn' | 'fp';
  type: string;
  source: string;
  target: string;
  trigger?: string;
  sentence: string;
}

export interface ScoreReport {
  overall: Counts & { precision: number; recall: number; f1: number };
  byType: Record<string, Counts & { precision: number; recall: number; f1: number }>;
  actors: { found: number; total: number; recall: number };
  amounts: { found: number; total: number; recall: number };
  misses: Miss[];
}

const list = (v: OneOrMany | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const accepts = (gold: OneOrMany, code: string | undefined): boolean => {
  const values = list(gold);
  return values.includes('*') || (code !== undefined && values.includes(code));
};

function rates(c: Counts) {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Offset of the `nth` occurrence of `trigger` in `text`, or -1. */
export function anchorOf(text: string, trigger: string, nth = 0): number {
  let at = -1;
  for (let n = 0; n <= nth; n++) {
    at = text.indexOf(trigger, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function score(items: { record: GoldRecord; text: string; extraction: Extraction }[]): ScoreReport {
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const byType: Record<string, Counts> = {};
  const bump = (type: string, key: keyof Counts) => {
    byType[type] ??= { tp: 0, fp: 0, fn: 0 };
    (byType[type] as Counts)[key]++;
    overall[key]++;
  };
  const misses: Miss[] = [];
  let actorsFound = 0;
  let actorsTotal = 0;
  let amountsFound = 0;
  let amountsTotal = 0;

  for (const { record, text, extraction } of items) {
    const predictions = extraction.events.filter((e) => !e.negated && !e.hypothetical);
    const used = new Array(predictions.length).fill(false);
    const sentenceAt = (offset: number) =>
      extraction.sentences.find((s) => s.start <= offset && offset < s.end)?.text ?? '';
    const fits = (g: GoldEvent, p: (typeof predictions)[number]): boolean => {
      if (g.trigger !== undefined) {
        const anchor = anchorOf(text, g.trigger, g.nth ?? 0);
        if (anchor < 0 || anchor < p.evidence.start || anchor >= p.evidence.end) return false;
      }
      if (p.evidence.end - p.evidence.start > 600) return false;
      if (!list(g.type).includes(p.type)) return false;
      const src = p.source.code;
      const tgt = p.target?.code;
      const targetOk = (code: string | undefined) =>
        code === undefined ? list(g.target).includes('*') : accepts(g.target, code);
      if (accepts(g.source, src) && targetOk(tgt)) return true;
      return p.type === 'CONSULT' && tgt !== undefined && accepts(g.source, tgt) && accepts(g.target, src);
    };
    const match = (g: GoldEvent): boolean => {
      const k = predictions.findIndex((p, n) => !used[n] && fits(g, p));
      if (k < 0) return false;
      used[k] = true;
      return true;
    };
    const goldEvents = record.events ?? [];
    for (const g of goldEvents.filter((e) => !e.optional)) {
      const type = list(g.type)[0] as string;
      if (match(g)) bump(type, 'tp');
      else {
        bump(type, 'fn');
        const anchor = g.trigger ? anchorOf(text, g.trigger, g.nth ?? 0) : 0;
        misses.push({
          record: record.id,
          kind: 'fn',
          type: list(g.type).join('|'),
          source: list(g.source).join('|'),
          target: list(g.target).join('|'),
          trigger: g.trigger,
          sentence: sentenceAt(Math.max(anchor, 0)) || text.slice(0, 300),
        });
      }
    }
    for (const g of goldEvents.filter((e) => e.optional)) match(g);
    predictions.forEach((p, n) => {
      if (used[n]) return;
      bump(p.type, 'fp');
      misses.push({
        record: record.id,
        kind: 'fp',
        type: p.type,
        source: p.source.code,
        target: p.target?.code ?? '-',
        trigger: p.trigger.text,
        sentence: p.evidence.text,
      });
    });

    for (const actor of record.actors ?? []) {
      actorsTotal++;
      const name = actor.name.toLowerCase();
      const surname = name.split(/\s+/).pop();
      const hit = extraction.actors.some((a) => {
        if (a.code !== actor.code) return false;
        const names = [a.name, ...a.aliases].map((n) => n.toLowerCase());
        return names.some((n) => n === name || n.split(/\s+/).pop() === surname);
      });
      if (hit) actorsFound++;
    }
    for (const amount of record.amounts ?? []) {
      amountsTotal++;
      const anchor = anchorOf(text, amount.trigger, amount.nth ?? 0);
      const hit = extraction.amounts.some(
        (a) =>
          a.span.start <= anchor &&
          anchor < a.span.end &&
          a.value === amount.value &&
          (amount.currency === undefined || list(amount.currency).includes(a.currency ?? '')),
      );
      if (hit) amountsFound++;
    }
  }

  return {
    overall: rates(overall),
    byType: Object.fromEntries(
      Object.entries(byType)
        .sort()
        .map(([t, c]) => [t, rates(c)]),
    ),
    actors: { found: actorsFound, total: actorsTotal, recall: actorsTotal ? actorsFound / actorsTotal : 1 },
    amounts: { found: amountsFound, total: amountsTotal, recall: amountsTotal ? amountsFound / amountsTotal : 1 },
    misses,
  };
}

type Rated = Counts & { precision: number; recall: number; f1: number };

export interface TrackerScore {
  stances: Rated;
  commitments: Rated;
  /** Stances per issue and per position (a false positive counts under its predicted issue and position). */
  stancesByIssue: Record<string, Rated>;
  stancesByPosition: Record<string, Rated>;
  /** Over matched commitments: how often the predicted kind and status are accepted by the gold. */
  commitmentAttributes: { matched: number; kind: number; status: number };
  /** Unmatched gold items (fn) and predictions (fp), for `parley eval --show`. */
  misses: { record: string; kind: 'fn' | 'fp'; what: string; sentence: string }[];
}

/**
 * Stances match when actor code, issue and position agree and the gold
 * trigger lies in the predicted evidence; commitments when donor, recipient
 * and value agree (and the currency, where both give one) and the trigger
 * lies in the evidence. One-to-one, in gold order (demo/gold/README.md).
 */
export function scoreTracker(items: { record: GoldRecord; text: string; extraction: Extraction }[]): TrackerScore {
  const stances: Counts = { tp: 0, fp: 0, fn: 0 };
  const commitments: Counts = { tp: 0, fp: 0, fn: 0 };
  const byIssue: Record<string, Counts> = {};
  const byPosition: Record<string, Counts> = {};
  const attributes = { matched: 0, kind: 0, status: 0 };
  const misses: TrackerScore['misses'] = [];
  const bump = (issue: string, position: string, key: keyof Counts) => {
    stances[key]++;
    byIssue[issue] ??= { tp: 0, fp: 0, fn: 0 };
    (byIssue[issue] as Counts)[key]++;
    byPosition[position] ??= { tp: 0, fp: 0, fn: 0 };
    (byPosition[position] as Counts)[key]++;
  };
  for (const { record, text, extraction } of items) {
    const sentenceAt = (offset: number) =>
      extraction.sentences.find((s) => s.start <= offset && offset < s.end)?.text ?? '';
    if (record.stances) {
      const used = new Set<number>();
      for (const g of record.stances) {
        const anchor = anchorOf(text, g.trigger, g.nth ?? 0);
        const k = extraction.stances.findIndex(
          (p, n) =>
            !used.has(n) &&
            accepts(g.actor, p.actor.code) &&
            p.issue === g.issue &&
            p.position === g.position &&
            p.evidence.end - p.evidence.start <= 600 &&
            p.evidence.start <= anchor &&
            anchor < p.evidence.end,
        );
        if (k >= 0) {
          used.add(k);
          bump(g.issue, g.position, 'tp');
        } else {
          bump(g.issue, g.position, 'fn');
          const what = `${list(g.actor).join('|')} ${g.issue} ${g.position} [${g.trigger}]`;
          misses.push({ record: record.id, kind: 'fn', what, sentence: sentenceAt(anchor) });
        }
      }
      extraction.stances.forEach((p, n) => {
        if (used.has(n)) return;
        bump(p.issue, p.position, 'fp');
        const what = `${p.actor.code} ${p.issue} ${p.position} (${p.rule})`;
        misses.push({ record: record.id, kind: 'fp', what, sentence: p.evidence.text });
      });
    }
    if (record.commitments) {
      const used = new Set<number>();
      for (const g of record.commitments) {
        const anchor = anchorOf(text, g.trigger, g.nth ?? 0);
        const k = extraction.commitments.findIndex(
          (p, n) =>
            !used.has(n) &&
            accepts(g.donor, p.donor.code) &&
            accepts(g.recipient, p.recipient?.code) &&
            p.value === g.value &&
            (g.currency === undefined || p.currency === undefined || list(g.currency).includes(p.currency)) &&
            p.evidence.end - p.evidence.start <= 600 &&
            p.evidence.start <= anchor &&
            anchor < p.evidence.end,
        );
        if (k >= 0) {
          used.add(k);
          commitments.tp++;
          const p = extraction.commitments[k];
          attributes.matched++;
          if (g.kind === undefined || list(g.kind).includes(p?.kind ?? '')) attributes.kind++;
          if (g.status === undefined || list(g.status).includes(p?.status ?? '')) attributes.status++;
        } else {
          commitments.fn++;
          const what = `${list(g.donor).join('|')} -> ${list(g.recipient).join('|')} ${g.value} [${g.trigger}]`;
          misses.push({ record: record.id, kind: 'fn', what, sentence: sentenceAt(anchor) });
        }
      }
      extraction.commitments.forEach((p, n) => {
        if (used.has(n)) return;
        commitments.fp++;
        const what = `${p.donor.code} -> ${p.recipient?.code ?? '?'} ${p.value ?? ''} ${p.currency ?? ''}`;
        misses.push({ record: record.id, kind: 'fp', what, sentence: p.evidence.text });
      });
    }
  }
  const rated = (byKey: Record<string, Counts>) =>
    Object.fromEntries(
      Object.entries(byKey)
        .sort()
        .map(([key, c]) => [key, rates(c)]),
    );
  return {
    stances: rates(stances),
    commitments: rates(commitments),
    stancesByIssue: rated(byIssue),
    stancesByPosition: rated(byPosition),
    commitmentAttributes: attributes,
    misses,
  };
}
