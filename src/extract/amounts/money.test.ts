import { describe, expect, it } from 'vitest';
import { fixtureExtractor } from '../testing/fixture.js';

const extractor = fixtureExtractor();

describe('money', () => {
  it.each([
    ['including over $200 million allocated for military equipment', 'over $200 million', 200_000_000, 'USD', 'over'],
    ['a loan of US$1.5bn from the fund', 'US$1.5bn', 1_500_000_000, 'USD', undefined],
    ['Ottawa added C$75 million in aid', 'C$75 million', 75_000_000, 'CAD', undefined],
    ['the EU pledged €500m for reconstruction', '€500m', 500_000_000, 'EUR', undefined],
    ['Britain will give £2.26 billion from frozen assets', '£2.26 billion', 2_260_000_000, 'GBP', undefined],
    ['Japan provided ¥300 billion in loans', '¥300 billion', 300_000_000_000, 'JPY', undefined],
    ['a package worth 2 billion euros was approved', '2 billion euros', 2_000_000_000, 'EUR', undefined],
    ['the bank lent USD 5 million to the ministry', 'USD 5 million', 5_000_000, 'USD', undefined],
    ['about 40,000 dollars reached the clinic', 'about 40,000 dollars', 40_000, 'USD', 'about'],
    ['up to $50,000 in fines', 'up to $50,000', 50_000, 'USD', 'up to'],
    ['nearly 1.2 trillion roubles in spending', 'nearly 1.2 trillion roubles', 1_200_000_000_000, 'RUB', 'nearly'],
  ])('%s', (text, surface, value, currency, qualifier) => {
    const [amount] = extractor.extract({ text }).amounts;
    expect(amount).toMatchObject({ span: { text: surface }, value, currency });
    expect(amount?.qualifier).toBe(qualifier);
  });

  it('reads no money in numbers that are not money', () => {
    const text = 'Some 5,000 troops moved 30 km in 2024, and 12 m of road was lost.';
    expect(extractor.extract({ text }).amounts).toEqual([]);
  });

  it('ties a pledge to its event as a commitment', () => {
    const text = 'Britain will provide £150 million in military aid to Ukraine for air defence, Downing Street said.';
    const x = extractor.extract({ text, date: '2025-12-01' });
    expect(x.commitments[0]).toMatchObject({
      donor: { code: 'GBR' },
      recipient: { code: 'UKR' },
      value: 150_000_000,
      currency: 'GBP',
      kind: 'military',
      status: 'announced',
    });
  });

  it.each([
    [
      'a part introduced by "including" shares the donor and recipient of its whole',
      'Canada announced $900 million in aid for Ukraine, including $300 million for air defence.',
      ['CAN>UKR 900000000', 'CAN>UKR 300000000'],
    ],
    [
      'a total for no one named is not a commitment; its parts are',
      'U.S. President Joe Biden signed into law a $40 billion aid bill that includes $25 billion for Ukraine and $5 billion for Jordan.',
      ['USA>UKR 25000000000', 'USA>JOR 5000000000'],
    ],
    [
      "the agent of the figure's participle gives it",
      'Britain is lending Ukraine 2 billion pounds as its share of a $50 billion loan agreed by NATO last year.',
      ['GBR>UKR 2000000000', 'NATO>UKR 50000000000'],
    ],
    [
      "a figure for a recipient with no actor as subject comes from the article's donor",
      'The United States pledged $2 billion for Ukraine. The bill also provides $3 billion for Jordan.',
      ['USA>UKR 2000000000', 'USA>JOR 3000000000'],
    ],
  ])('commitments: %s', (_name, text, expected) => {
    const x = extractor.extract({ text, date: '2025-12-01' });
    expect(x.commitments.map((c) => `${c.donor.code}>${c.recipient?.code} ${c.value}`)).toEqual(expected);
  });
});
