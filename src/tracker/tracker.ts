/**
 * Cross-article views of the negotiation: the commitments ledger (repeated
 * reports of one pledge merged, totals converted with the dated rate table)
 * and the stance matrix of actors x issues as it stood on a date.
 */
import type { RateEntry } from '../knowledge/schema.js';
import type { StoredCommitment, StoredStance } from '../store/store.js';
import type { StancePosition } from '../types.js';

export interface Pledge {
  donor: string;
  recipient: string | null;
  value?: number;
  currency?: string;
  /** Value in US dollars at the rate of the pledge's month, where the table has the currency. */
  usd?: number;
  kind: string;
  status: string;
  purpose?: string;
  date?: string;
  /** Every report of this pledge: article and sentence. */
  sources: { articleId: string; sentence: string }[];
}

/** USD per unit of `currency` in the month of `date` (else the nearest earlier month, else the first). */
export function usdRate(rates: RateEntry[], currency: string, date?: string): number | undefined {
  if (currency === 'USD') return 1;
  const month = date?.slice(0, 7);
  let chosen = rates[0];
  for (const r of rates) if (!month || r.month <= month) chosen = r;
  return chosen?.rates[currency];
}

/** Reports of one pledge (same donor, recipient, value and currency) become one pledge with many sources. */
export function ledger(commitments: StoredCommitment[], rates: RateEntry[]): Pledge[] {
  const byKey = new Map<string, Pledge>();
  for (const c of commitments) {
    const key = `${c.donor.code}|${c.recipient?.code ?? ''}|${c.value ?? ''}|${c.currency ?? ''}`;
    const source = { articleId: c.articleId, sentence: c.evidence.text };
    const known = byKey.get(key);
    if (known) {
      known.sources.push(source);
      continue;
    }
    const rate = c.currency ? usdRate(rates, c.currency, c.date) : undefined;
    byKey.set(key, {
      donor: c.donor.code,
      recipient: c.recipient?.code ?? null,
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.currency ? { currency: c.currency } : {}),
      ...(c.value !== undefined && rate ? { usd: Math.round(c.value * rate) } : {}),
      kind: c.kind,
      status: c.status,
      ...(c.purpose ? { purpose: c.purpose } : {}),
      ...(c.date ? { date: c.date } : {}),
      sources: [source],
    });
  }
  return [...byKey.values()];
}

export interface Total {
  party: string;
  usd: number;
  pledges: number;
}

/** Totals in US dollars by donor or recipient, largest first; pledges without a convertible value count but add nothing. */
export function totals(pledges: Pledge[], by: 'donor' | 'recipient'): Total[] {
  const out = new Map<string, Total>();
  for (const p of pledges) {
    const party = (by === 'donor' ? p.donor : p.recipient) ?? '?';
    const t = out.get(party) ?? { party, usd: 0, pledges: 0 };
    t.usd += p.usd ?? 0;
    t.pledges++;
    out.set(party, t);
  }
  return [...out.values()].sort((a, b) => b.usd - a.usd);
}

export interface MatrixCell {
  position: StancePosition;
  date?: string;
  evidence: string;
  /** Earlier positions of the same actor on the same issue, oldest first: how the stance moved. */
  history: StancePosition[];
}

/** Each actor's latest stance on each issue on or before `at` (all dates when omitted). */
export function stanceMatrix(stances: StoredStance[], at?: string): Map<string, Map<string, MatrixCell>> {
  const matrix = new Map<string, Map<string, MatrixCell>>();
  const ordered = stances
    .filter((s) => !at || !s.date || s.date <= at)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  for (const s of ordered) {
    const row = matrix.get(s.actor.code) ?? new Map<string, MatrixCell>();
    const before = row.get(s.issue);
    row.set(s.issue, {
      position: s.position,
      ...(s.date ? { date: s.date } : {}),
      evidence: s.evidence.text,
      history: before ? [...before.history, before.position] : [],
    });
    matrix.set(s.actor.code, row);
  }
  return matrix;
}
