import { describe, expect, it } from 'vitest';
import { createExtractor } from './index.js';

// The real knowledge: stances depend on the issue vocabulary, which is data.
const extractor = createExtractor();
const stancesOf = (text: string, date = '2025-12-03') =>
  extractor.extract({ text, date }).stances.map((s) => `${s.actor.code} ${s.issue} ${s.position}`);

/**
 * A retelling, in our own words, of the seed article: a long meeting at the
 * Kremlin, a criticised U.S. plan, a Canadian pledge and a NATO call for a
 * ceasefire.
 */
const SEED_LIKE = [
  'Kyiv and its European partners accused Vladimir Putin of feigning interest in peace after a five-hour discussion with U.S. envoys at the Kremlin.',
  'Canada’s Foreign Affairs Minister Anita Anand stressed the importance of Ukraine’s involvement in peace negotiations, pointing to Canada’s support for Ukraine, including over $200 million allocated for military equipment.',
  'A publicized U.S. peace proposal has drawn criticism for favouring Moscow, raising concerns among European leaders about their own security.',
  'European NATO countries, meeting in Brussels, voiced impatience with Russia, emphasizing the need for a full ceasefire.',
].join(' ');

describe('stances', () => {
  it.each([
    [
      'urged Russia to agree to a ceasefire',
      'British Foreign Secretary David Lammy urged Russia to agree to a ceasefire.',
      'GBR ceasefire demands',
    ],
    ['joint agreement', 'Israel and Hamas have agreed to a ceasefire in Gaza.', 'PSE ceasefire supports'],
    ['joint agreement, first party', 'Israel and Hamas have agreed to a ceasefire in Gaza.', 'ISR ceasefire supports'],
    [
      'a proposal for a named issue',
      'Ukraine said it was ready to accept a U.S. proposal for an immediate 30-day ceasefire.',
      'USA ceasefire proposes',
    ],
    [
      'condition in the clause',
      'Iran said it would accept a nuclear deal only if sanctions were lifted first.',
      'IRN nuclear-programme conditions',
    ],
    [
      'statement with a cue',
      'Iran has said it will not negotiate over its right to enrich uranium.',
      'IRN nuclear-programme opposes',
    ],
    [
      'warning with a cue',
      'Russian officials have warned that any confiscation of Russian assets would be met with retaliation.',
      'RUS reconstruction-assets opposes',
    ],
  ])('%s', (_name, text, expected) => {
    expect(stancesOf(text)).toContain(expected);
  });

  it.each([
    [
      'blame aimed at an actor is not opposition to peace',
      'Ukraine accused Vladimir Putin of pretending to show interest in peace efforts.',
      'UKR peace-plan opposes',
    ],
    [
      'a pledge with money is a commitment, not a stance',
      'Donors pledged more than 800 million pounds in humanitarian aid for Sudan.',
      'GBR humanitarian-access supports',
    ],
    [
      'on condition of anonymity is no condition',
      'An official, speaking on condition of anonymity, said Russia had demanded that Ukraine withdraw its forces from the territory.',
      'RUS territory conditions',
    ],
  ])('not: %s', (_name, text, unexpected) => {
    expect(stancesOf(text)).not.toContain(unexpected);
  });

  it('reads the seed-like article: ceasefire demanded, plan proposed and criticised, negotiations supported', () => {
    const stances = stancesOf(SEED_LIKE);
    expect(stances).toEqual(
      expect.arrayContaining([
        'NATO ceasefire demands',
        'USA peace-plan proposes',
        'EUR peace-plan opposes',
        'CAN peace-plan supports',
      ]),
    );
  });

  it('marks the events that touch an issue, and commits Canada to Ukraine', () => {
    const x = extractor.extract({ text: SEED_LIKE, date: '2025-12-03' });
    expect(x.events.some((e) => e.issues.includes('ceasefire'))).toBe(true);
    expect(x.commitments).toEqual([
      expect.objectContaining({
        donor: expect.objectContaining({ code: 'CAN' }),
        recipient: expect.objectContaining({ code: 'UKR' }),
        value: 200_000_000,
        kind: 'military',
        status: 'allocated',
        purpose: 'military equipment',
      }),
    ]);
    const stance = x.stances.find((s) => s.issue === 'ceasefire');
    expect(stance).toMatchObject({ date: '2025-12-03', rule: expect.stringMatching(/^stance\./) });
    expect(x.article.text.slice(stance?.evidence.start, stance?.evidence.end)).toContain('ceasefire');
  });
});

describe('commitments', () => {
  it('splits gapped pledges between their donors and keeps the conference recipient', () => {
    const x = extractor.extract({
      text: 'Donors at a conference in London pledged more than 800 million pounds in humanitarian aid for Sudan. Germany pledged 125 million euros and the European Union 282.5 million euros, according to the co-hosts.',
      date: '2025-04-15',
    });
    expect(x.commitments.map((c) => `${c.donor.code}>${c.recipient?.code} ${c.value} ${c.kind}`)).toEqual(
      expect.arrayContaining(['DEU>SDN 125000000 humanitarian', 'EU>SDN 282500000 humanitarian']),
    );
  });
});
