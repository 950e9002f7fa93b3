import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.js';
import { createNlp } from '../../nlp/index.js';
import { createExtractor } from '../index.js';
import { findDatePhrases } from './date-phrases.js';

const nlp = createNlp();
const { dates } = loadKnowledge();

/** The text of each date phrase the finder proposes in `text`. */
function phrases(text: string): string[] {
  const doc = nlp.analyze(text);
  return findDatePhrases(doc, dates).map(
    (p) => text.slice(doc.tokens[p.first]?.start, doc.tokens[p.last - 1]?.end) as string,
  );
}

describe('date phrases', () => {
  it.each([
    ['The Houthis said the strikes began on Friday.', ['Friday']],
    ['The ceasefire took effect on Oct. 7, 2023, after weeks of talks.', ['Oct. 7, 2023']],
    ['Leaders met in Geneva on June 12, 2025, and again in March.', ['June 12, 2025', 'March']],
    ['Relations have been strained since April 2023, when the envoy was recalled.', ['April 2023']],
    ['The opposition postponed the demonstration in Baku until 9 November.', ['9 November']],
    ['The Treasury gave companies until Nov. 21 to wind down transactions.', ['Nov. 21']],
    ['Talks are expected to resume next week, diplomats said.', ['next week']],
    ['The minister said last month that the offer still stood.', ['last month']],
    ['Envoys will meet again later this month in Doha.', ['this month']],
    ['The pact was signed four years ago in Istanbul.', ['four years ago']],
    ['Rebels seized the town a few days ago.', ['a few days ago']],
    ['Fighting resumed in early July and again in mid-August.', ['early July', 'mid-August']],
    ['The mission ends at the end of August.', ['end of August']],
    ['Ministers hope to agree by the end of the year.', ['end of the year']],
    ['A deal could come at the start of next month.', ['start of next month']],
    ['Troops arrived in the spring of 2022 and left in late 2023.', ['spring of 2022', 'late 2023']],
    ['The president spoke by phone yesterday and will travel tomorrow.', ['yesterday', 'tomorrow']],
    ['Talks resumed on Monday, June 2, in Istanbul.', ['Monday, June 2']],
    ['The envoy was expelled last Friday, a week after the vote.', ['last Friday']],
  ])('%s', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });

  it.each([
    ['They may agree to a truce if the guarantees hold.'],
    ['Police dispersed a protest march in the capital.'],
    ['May the talks bring peace, the bishop said.'],
    ['March organisers said thousands joined.'],
    ['The Sun reported the talks had stalled.'],
    ['Theresa May met the envoy in London.'],
    ['Chinese Defence Minister Dong Jun.'],
    ['The army deployed 2000 troops to the border.'],
    ['Talks resumed the next day in Doha.'],
    ['At the end of the day, both sides want a deal.'],
    ['The late president signed the accord.'],
    ['The fall of the city shocked the region.'],
  ])('finds no date in: %s', (text) => {
    expect(phrases(text)).toEqual([]);
  });

  it('stays within a sentence', () => {
    expect(phrases('Talks ended in May. 2024 will be harder.')).toEqual(['May']);
  });
});

describe('dates', () => {
  const extractor = createExtractor();

  it.each([
    ['Talks resumed on Tuesday.', 'Tuesday', '2025-06-03', 'day', true, 'date.relative'],
    ['The accord was signed on June 12, 2025.', 'June 12, 2025', '2025-06-12', 'day', false, 'date.absolute'],
    ['Envoys met in early July.', 'July', '2025-07-01', 'month', true, 'date.relative'],
    ['Relations soured since April 2023.', 'April 2023', '2023-04-01', 'month', false, 'date.absolute'],
    ['The siege began four years ago.', 'four years ago', '2021-06-05', 'day', true, 'date.relative'],
  ])('%s', (text, surface, value, precision, relative, rule) => {
    const [date] = extractor.extract({ text, date: '2025-06-05' }).dates;
    expect(date).toMatchObject({ span: { text: surface }, value, precision, relative, rule });
  });

  it('leaves relative dates unresolved without an article date, and says so', () => {
    const x = extractor.extract({ text: 'The envoy arrived on Friday, and the accord was signed on June 12, 2025.' });
    expect(x.dates.map((d) => d.span.text)).toEqual(['June 12, 2025']);
    expect(x.warnings).toContain('no article date: relative dates are not resolved');
  });

  it('yields no date for a phrase chrono cannot resolve', () => {
    expect(extractor.extract({ text: 'Troops left in late 2023.', date: '2025-06-05' }).dates).toEqual([]);
  });
});
