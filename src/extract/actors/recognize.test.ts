import { describe, expect, it } from 'vitest';
import { fixtureExtractor } from '../testing/fixture.js';

const extractor = fixtureExtractor();

/** "surface=CODE/rule" for each mention, in text order. */
function mentions(text: string): string[] {
  const x = extractor.extract({ text, date: '2025-12-03' });
  const byId = new Map(x.actors.map((a) => [a.id, a]));
  return x.mentions.map((m) => `${m.span.text}=${byId.get(m.actorId)?.code}/${m.rule}`);
}

describe('actor recognition on news phrases', () => {
  it.each([
    [
      'titled person with a country word',
      'U.K. Foreign Secretary Yvette Cooper spoke.',
      'U.K. Foreign Secretary Yvette Cooper=GBR/actor.person.titled',
    ],
    ['known person by surname alone', 'Putin spoke.', 'Putin=RUS/actor.person.known'],
    [
      'surname of a titled person repeated',
      'Ukrainian Foreign Minister Andrii Sybiha spoke. Sybiha left.',
      'Sybiha=UKR/actor.person.repeat',
    ],
    [
      'unnamed official of a person',
      "Putin's foreign affairs adviser spoke.",
      "Putin's foreign affairs adviser=RUS/actor.official",
    ],
    ['seat of government', 'The Kremlin said no.', 'The Kremlin=RUS/actor.state.seat'],
    ['region group', 'European allies said no.', 'European allies=EUR/actor.region.alias'],
    ['group of a state', 'Russian troops advanced.', 'Russian troops=RUS/actor.group'],
    ['group located by a preposition', 'Rebels in Iraq attacked.', 'Rebels in Iraq=IRQ/actor.group.located'],
    ['group placed by the sentence', 'Students protested in Baghdad.', 'Students=IRQ/actor.group.placed'],
    ['apposition names an official', "Britain's envoy, John Smith, said no.", 'John Smith=GBR/actor.person.apposed'],
    ['pair coreference', 'Jordan and Israel met. Both sides agreed.', 'Both sides=JOR/actor.coref.pair'],
    [
      'object pronoun skips the subject',
      'U.K. Foreign Secretary Yvette Cooper met Putin, urging him to stop.',
      'him=RUS/actor.coref.pronoun',
    ],
  ])('%s', (_name, text, expected) => {
    expect(mentions(text)).toContain(expected);
  });

  it('reads a capital after a locative preposition as a place, not an actor', () => {
    const x = extractor.extract({ text: 'Ministers met in Moscow.' });
    expect(x.places.map((p) => `${p.name}=${p.country}`)).toEqual(['Moscow=RUS']);
    expect(x.mentions.map((m) => m.span.text)).not.toContain('Moscow');
  });

  it('resolves a known person to the office held on the article date', () => {
    const x = extractor.extract({ text: 'Mark Rutte spoke.', date: '2020-01-10' });
    expect(x.actors.find((a) => a.name === 'Mark Rutte')).toMatchObject({ code: 'NLD', role: 'Prime Minister' });
  });
});
