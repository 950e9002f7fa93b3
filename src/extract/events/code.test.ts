import { describe, expect, it } from 'vitest';
import { fixtureExtractor } from '../testing/fixture.js';

const extractor = fixtureExtractor();

/** "TYPE SRC>TGT" for each scored (not negated, not hypothetical) event; flags are checked separately. */
function coded(text: string, date = '2025-12-03'): string[] {
  return extractor
    .extract({ text, date })
    .events.filter((e) => !e.negated && !e.hypothetical)
    .map((e) => `${e.type} ${e.source.code}>${e.target?.code ?? '-'}`);
}

describe('event coding on news sentences', () => {
  it.each([
    [
      'coordinated subjects give one event each',
      'Ukraine and its European allies have accused Russian President Vladimir Putin of stalling.',
      ['ACCUSE UKR>RUS', 'ACCUSE EUR>RUS'],
    ],
    [
      'phrasal verb with object',
      'Ukrainian officials called on Putin to stop wasting valuable time.',
      ['REQUEST UKR>RUS'],
    ],
    [
      'participle inherits the subject; object pronoun skips the subject',
      'U.K. Foreign Secretary Yvette Cooper criticized Putin, urging him to engage in dialogue.',
      ['ACCUSE GBR>RUS', 'REQUEST GBR>RUS'],
    ],
    [
      'coordinated verbs share a subject; compounds are not verbs',
      'Putin criticized European nations for impeding U.S.-led peace efforts and cautioned about war with Europe.',
      ['ACCUSE RUS>EUR', 'THREATEN RUS>EUR'],
    ],
    [
      'talks between several parties',
      'The talks between Putin, U.S. envoy Steve Witkoff and Jared Kushner ended.',
      ['CONSULT RUS>USA'],
    ],
    [
      'symmetric verb with coordinated subject',
      'The United States and Jordan have agreed upon a new free-trade pact.',
      ['AGREE USA>JOR'],
    ],
    [
      'passive with a by-agent',
      'A refugee camp in Gaza was attacked by Israeli soldiers on Sunday.',
      ['ASSAULT ISR>PSE'],
    ],
    [
      'stated intent to aid is AGREE',
      'Britain will provide military aid to Ukraine, the minister said.',
      ['AGREE GBR>UKR'],
    ],
    [
      'refusing to cooperate is REJECT',
      'Jordan said it will not accept any more refugees from Iraq.',
      ['REJECT JOR>IRQ'],
    ],
    [
      'a threat to act is THREATEN',
      'Israel threatened to impose sanctions on Palestinian officials.',
      ['THREATEN ISR>PSE'],
    ],
    [
      'nominal event with genitive source',
      "Canada reaffirmed its support after Russia's invasion of Ukraine.",
      ['SUPPORT CAN>-', 'ASSAULT RUS>UKR'],
    ],
    [
      'nominal pledge with its amount before the recipient',
      "Canada's pledge of $200 million to Ukraine was welcomed.",
      ['AGREE CAN>UKR'],
    ],
    ['nominal support with a for-target', "Britain's support for Ukraine remains firm.", ['SUPPORT GBR>UKR']],
    [
      'a past tense after a subject pronoun is a verb',
      'Vladimir Putin arrived in Minsk. He criticized Britain.',
      ['ACCUSE RUS>GBR'],
    ],
    [
      'a trailing attribution is not the target',
      'Libya has offered to hand over two suspects to Britain, a Jordanian official said.',
      ['AGREE LBY>GBR'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(coded(text)).toEqual(expected);
  });

  it.each([
    ['negation', 'The Kremlin did not reject the U.S. proposal outright.', 'REJECT', { negated: true }],
    [
      'whether-clause',
      'Talks hinge on whether the U.S. will increase pressure on Russia to make concessions.',
      'REQUEST',
      { hypothetical: true },
    ],
    ['modal of possibility', 'Britain could impose sanctions on Russia next week.', 'SANCTION', { hypothetical: true }],
  ])('flags %s', (_name, text, type, flags) => {
    const event = extractor.extract({ text, date: '2025-12-03' }).events.find((e) => e.type === type);
    expect(event).toMatchObject(flags);
  });

  it.each([
    [
      'a warning with no object is aimed at the party of the act just reported',
      'Israeli jets struck Gaza on Tuesday. Hamas warned that it would retaliate.',
      ['ASSAULT ISR>PSE', 'THREATEN PSE>ISR'],
    ],
    [
      'condemning sanctions targets the party that imposed them',
      'The United States imposed sanctions on Russian oil exports on Friday. Moscow condemned the sanctions as economic warfare.',
      ['SANCTION USA>RUS', 'ACCUSE RUS>USA'],
    ],
    [
      'welcoming an outcome targets a party of the meeting',
      'Jordanian mediators met Israeli negotiators in Amman on Sunday. Britain welcomed the outcome.',
      ['CONSULT JOR>ISR', 'SUPPORT GBR>JOR'],
    ],
    [
      '"both sides" are the pair of the latest act, not the last two names',
      'American negotiators met Ukrainian officials in Jeddah on Tuesday. They discussed the return of children deported to Russia. Both sides agreed to meet again.',
      ['CONSULT USA>UKR', 'AGREE USA>UKR'],
    ],
    [
      'a host is not one of "both sides"',
      'Jordan hosted talks between Israel and the Palestinians in Amman. Both sides agreed to meet again in March.',
      ['CONSULT ISR>PSE', 'AGREE ISR>PSE'],
    ],
    [
      'a participle after its noun and an adverb names no actor',
      'Aid groups documented the return of Ukrainian children forcibly transferred to Russia.',
      [],
    ],
    [
      'a meeting of three parties with a fourth is one act',
      'Britain, Canada and Belgium held talks with Jordan in London on Monday.',
      ['CONSULT GBR>JOR'],
    ],
    [
      'an act done jointly is one act',
      'Jordan and Iraq jointly asked the United Nations to send observers.',
      ['REQUEST JOR>UN'],
    ],
    [
      'two parties acting alike are two acts',
      'Britain and Canada accused Russia of violating the truce.',
      ['ACCUSE GBR>RUS', 'ACCUSE CAN>RUS'],
    ],
    [
      'a subjunctive after "that" is what is demanded, not a fact',
      'Jordan insisted that Israel withdraw its troops from the border.',
      ['REQUEST JOR>ISR'],
    ],
    [
      'a plain past after "that" is a fact',
      'Jordan said that Israel withdrew its troops from the border.',
      ['RETREAT ISR>JOR'],
    ],
    [
      'demands are made of the party that is to carry them out',
      'Britain put forward demands, including that Russia withdraw its troops from the border.',
      ['REQUEST GBR>RUS'],
    ],
    [
      'the object of a verb pattern is no noun event of its own',
      'Canada said that Britain cut its aid to Iraq last year.',
      ['SANCTION GBR>IRQ'],
    ],
    [
      "a movement of the source's own state named in the sentence keeps the scene domestic",
      'Jordan struck targets in Iraq on Tuesday. The Palestinian president vowed to fight on until Hamas is defeated.',
      ['ASSAULT JOR>IRQ', 'THREATEN PSE>PSE'],
    ],
    [
      'stopping attacks is a de-escalation, not an attack',
      'Hamas halted rocket attacks on Israel on Sunday.',
      ['RETREAT PSE>ISR'],
    ],
    ['a stated intent to stop bombing is AGREE', 'Israel said it would stop bombing Gaza.', ['AGREE ISR>PSE']],
    ['stopping aid is still a sanction', 'Israel stopped aid deliveries to Gaza.', ['SANCTION ISR>PSE']],
    [
      'a relative clause closed by a comma does not hide the subject of a passive',
      'King Abdullah of Jordan, who received the Israeli envoy on Monday, was praised by Britain for hosting the talks.',
      ['CONSULT JOR>ISR', 'SUPPORT GBR>JOR'],
    ],
    [
      'a pair named as one ("both delegations") is one act',
      'American negotiators met Ukrainian officials in Jeddah on Tuesday. Jordan was thanked by both delegations for hosting the talks.',
      ['CONSULT USA>UKR', 'SUPPORT USA>JOR'],
    ],
    [
      '"the two ministers" are the parties of the act before',
      'Israel and the Palestinians signed a deal in Washington. The US president received the two ministers later in the day.',
      ['AGREE ISR>PSE', 'CONSULT USA>ISR'],
    ],
    [
      'a speech act after a reported clause goes with the speech verb',
      'Israel said the Hamas attacks killed soldiers and vowed to retaliate.',
      ['ASSAULT PSE>ISR', 'THREATEN ISR>PSE'],
    ],
    [
      "a warning after a reported clause is the speaker's",
      'Jordan said Israeli troops had entered the town and warned Israel against further raids.',
      ['THREATEN JOR>ISR'],
    ],
    [
      'an act coordinated inside a reported clause stays with its own subject',
      'Russia said Ukrainian drones attacked Moscow and wounded three people.',
      ['ASSAULT UKR>RUS'],
    ],
    [
      'after a passive, a participle takes the agent as source',
      'A Palestinian refugee camp was attacked by Israeli soldiers, killing 20 people.',
      ['ASSAULT ISR>PSE'],
    ],
    [
      'a border places the act and names no target',
      'Iraqi troops captured a rebel stronghold near the Jordanian border.',
      ['ASSAULT IRQ>IRQ'],
    ],
    ['border posts are a target', 'Israeli troops shelled Jordanian border posts on Sunday.', ['ASSAULT ISR>JOR']],
    [
      'a gapped subject pledges too, and like pledges go to the same recipient',
      'Britain pledged 50 million pounds in aid for Iraq on Monday. Canada pledged 40 million dollars and Belgium 20 million euros.',
      ['AGREE GBR>IRQ', 'AGREE CAN>IRQ', 'AGREE BEL>IRQ'],
    ],
    [
      '"the two ministers" as object are the parties of the act before',
      "Israel and the Palestinians signed a deal in Washington. Jordan's king met the two ministers later in the day.",
      ['AGREE ISR>PSE', 'CONSULT JOR>ISR'],
    ],
    ['giving up a programme is no aid', 'Libya gave up its weapons programme two decades ago.', []],
  ])('in context: %s', (_name, text, expected) => {
    expect(coded(text)).toEqual(expected);
  });

  it('absorbs the requested action into the request', () => {
    expect(coded('Jordan urged Israel to withdraw its troops from Gaza.')).toEqual(['REQUEST JOR>ISR']);
  });

  it('records evidence, trigger, rule, CAMEO and Goldstein', () => {
    const text = 'Ukrainian Foreign Minister Andrii Sybiha called on Putin to stop wasting valuable time.';
    const [event] = extractor.extract({ text, date: '2025-12-03' }).events;
    expect(event).toMatchObject({
      type: 'REQUEST',
      cameo: '020',
      goldstein: 3,
      quadClass: 1,
      trigger: { text: 'called on', start: text.indexOf('called on') },
      evidence: { start: 0, end: text.length },
      date: '2025-12-03',
    });
    expect(event?.rule).toMatch(/^request\.call-on\//);
  });
});
