import { describe, expect, it } from 'vitest';
import type { StoredCommitment, StoredStance } from '../store/store.js';
import { ledger, stanceMatrix, totals, usdRate } from './tracker.js';

const rates = [
  { month: '2025-01', rates: { EUR: 1.04, GBP: 1.24 } },
  { month: '2025-07', rates: { EUR: 1.17, GBP: 1.35 } },
];
const ref = (code: string) => ({ actorId: code, code, name: code, kind: 'state' as const });
const span = (text: string) => ({ start: 0, end: text.length, text });

const pledge = (articleId: string, donor: string, value: number, currency: string, date: string): StoredCommitment => ({
  id: 'c1',
  articleId,
  donor: ref(donor),
  recipient: ref('UKR'),
  value,
  currency,
  kind: 'military',
  status: 'announced',
  date,
  evidence: span(`${donor} pledged ${value} ${currency} to Ukraine.`),
  rule: 'commitment.aid',
});

describe('commitments ledger', () => {
  it('uses the rate of the pledge month, or the nearest earlier one', () => {
    expect(usdRate(rates, 'EUR', '2025-03-10')).toBe(1.04);
    expect(usdRate(rates, 'EUR', '2025-09-01')).toBe(1.17);
    expect(usdRate(rates, 'USD')).toBe(1);
  });

  it('merges repeated reports of one pledge and totals donors in dollars', () => {
    const pledges = ledger(
      [
        pledge('a1', 'GBR', 150_000_000, 'GBP', '2025-07-03'),
        pledge('a2', 'GBR', 150_000_000, 'GBP', '2025-07-04'),
        pledge('a3', 'DEU', 100_000_000, 'EUR', '2025-01-20'),
      ],
      rates,
    );
    expect(pledges).toHaveLength(2);
    expect(pledges[0]).toMatchObject({
      donor: 'GBR',
      usd: 202_500_000,
      sources: [{ articleId: 'a1' }, { articleId: 'a2' }],
    });
    expect(totals(pledges, 'donor').map((t) => [t.party, t.usd])).toEqual([
      ['GBR', 202_500_000],
      ['DEU', 104_000_000],
    ]);
  });
});

describe('stance matrix', () => {
  const stance = (code: string, issue: string, position: StoredStance['position'], date: string): StoredStance => ({
    id: 's',
    articleId: 'a',
    actor: ref(code),
    issue,
    position,
    date,
    evidence: span(`${code} ${position} ${issue}`),
    rule: 'stance.request',
  });

  it('shows the latest stance at a date, with how it moved', () => {
    const stances = [
      stance('RUS', 'ceasefire', 'opposes', '2025-03-12'),
      stance('RUS', 'ceasefire', 'conditions', '2025-05-16'),
      stance('UKR', 'ceasefire', 'supports', '2025-03-11'),
    ];
    expect(stanceMatrix(stances, '2025-04-01').get('RUS')?.get('ceasefire')?.position).toBe('opposes');
    expect(stanceMatrix(stances).get('RUS')?.get('ceasefire')).toMatchObject({
      position: 'conditions',
      history: ['opposes'],
    });
  });
});
