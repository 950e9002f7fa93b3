/**
 * Hand-built extractions for the store tests: what the extractor would read
 * from a small news corpus. One wire story (Putin meets Witkoff) is retold by
 * three outlets; other articles share its dyad but not its date or place, so
 * the tests can tell a correct merge from an over-eager one.
 */
import type { Actor, ActorRef, Event, EventType, Extraction, QuadClass, Span } from '../types.js';
import { normaliseText, sha256 } from './core/normalize.js';

type ActorSeed = Omit<Actor, 'aliases'>;

/** The actors the extractor knows, by the local ids it gives them. */
const ACTORS = {
  putin: {
    id: 'person:vladimir-putin',
    name: 'Vladimir Putin',
    code: 'RUS',
    kind: 'person',
    sector: 'GOV',
    role: 'President',
    kbId: 'people.yaml#vladimir-putin',
  },
  witkoff: {
    id: 'person:steve-witkoff',
    name: 'Steve Witkoff',
    code: 'USA',
    kind: 'person',
    sector: 'GOV',
    role: 'envoy',
  },
  kremlin: { id: 'RUS.GOV', name: 'Kremlin', code: 'RUS', kind: 'organization', sector: 'GOV' },
  russia: { id: 'RUS', name: 'Russia', code: 'RUS', kind: 'state' },
  usa: { id: 'USA', name: 'United States', code: 'USA', kind: 'state' },
  sybiha: {
    id: 'person:andrii-sybiha',
    name: 'Andrii Sybiha',
    code: 'UKR',
    kind: 'person',
    sector: 'GOV',
    role: 'Foreign Minister',
  },
  israelMil: { id: 'ISR.MIL', name: 'Israeli military', code: 'ISR', kind: 'organization', sector: 'MIL' },
  palestine: { id: 'PSE', name: 'Gaza', code: 'PSE', kind: 'region' },
  germany: { id: 'DEU', name: 'Germany', code: 'DEU', kind: 'state' },
  eu: { id: 'EU', name: 'European Union', code: 'EU', kind: 'organization', sector: 'IGO' },
  ecowas: { id: 'ECOWAS', name: 'ECOWAS', code: 'ECOWAS', kind: 'organization', sector: 'IGO' },
  ivoryCoast: { id: 'CIV', name: "Côte d'Ivoire", code: 'CIV', kind: 'state' },
  rubio: {
    id: 'person:marco-rubio',
    name: 'Marco Rubio',
    code: 'USA',
    kind: 'person',
    sector: 'GOV',
    role: 'Secretary of State',
  },
} satisfies Record<string, ActorSeed>;

type ActorName = keyof typeof ACTORS;

interface EventSeed {
  id: string;
  type: EventType;
  cameo: string;
  goldstein: number;
  quadClass: QuadClass;
  source: ActorName;
  target: ActorName | null;
  /** Index of the sentence that is the evidence. */
  sentence: number;
  trigger: string;
  /** The words naming source and target in the sentence. */
  sourceText: string;
  targetText?: string;
  date?: string;
  place?: { name: string; country?: string };
  issues?: string[];
  negated?: boolean;
  hypothetical?: boolean;
  mode?: string;
}

interface ArticleSeed {
  key: string;
  outlet: string;
  url: string;
  date: string;
  title: string;
  /** The wire-service lead before the first sentence ("MOSCOW, Dec 3 (Reuters) - "), as printed. */
  dateline?: string;
  /** One paragraph each, as news copy runs. */
  sentences: string[];
  /** Surface forms per actor, in order of appearance. */
  aliases: Partial<Record<ActorName, string[]>>;
  events: EventSeed[];
  statements?: { id: string; speaker: ActorName; sentence: number; verb: string; content: string; direct: boolean }[];
  commitment?: {
    id: string;
    donor: ActorName;
    recipient: ActorName;
    sentence: number;
    value: number;
    currency: string;
    kind: 'humanitarian' | 'military' | 'financial';
    eventId: string;
  };
  stance?: {
    id: string;
    actor: ActorName;
    sentence: number;
    issue: string;
    position: 'supports' | 'opposes' | 'demands';
  };
}

function spanIn(text: string, part: string, offset: number): Span {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`fixture: "${part}" is not in "${text}"`);
  return { start: offset + at, end: offset + at + part.length, text: part };
}

const PARAGRAPH = '\n\n';

/** Builds an Extraction with real offsets from a seed, as the extractor would. */
export function buildExtraction(seed: ArticleSeed): Extraction {
  const sentences: Span[] = [];
  const lead = seed.dateline ?? '';
  let offset = lead.length;
  for (const text of seed.sentences) {
    sentences.push({ start: offset, end: offset + text.length, text });
    offset += text.length + PARAGRAPH.length;
  }
  const text = lead + seed.sentences.join(PARAGRAPH);
  const sentence = (i: number): Span => {
    const s = sentences[i];
    if (!s) throw new Error(`fixture ${seed.key}: no sentence ${i}`);
    return s;
  };
  const used = new Set<ActorName>();
  const ref = (name: ActorName, s: Span, surface?: string): ActorRef => {
    used.add(name);
    const a: ActorSeed = ACTORS[name];
    return {
      actorId: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      ...(a.sector ? { sector: a.sector } : {}),
      ...(surface ? { mention: spanIn(s.text, surface, s.start) } : {}),
    };
  };
  const events: Event[] = seed.events.map((e) => {
    const s = sentence(e.sentence);
    return {
      id: e.id,
      type: e.type,
      ...(e.mode ? { mode: e.mode } : {}),
      cameo: e.cameo,
      goldstein: e.goldstein,
      quadClass: e.quadClass,
      source: ref(e.source, s, e.sourceText),
      target: e.target ? ref(e.target, s, e.targetText) : null,
      negated: e.negated ?? false,
      hypothetical: e.hypothetical ?? false,
      date: e.date ?? seed.date,
      ...(e.place ? { place: { span: spanIn(s.text, e.place.name, s.start), ...e.place, rule: 'place:in' } } : {}),
      trigger: spanIn(s.text, e.trigger, s.start),
      evidence: s,
      amounts: [],
      issues: e.issues ?? [],
      rule: `verb:${e.trigger}`,
    };
  });
  const statements = (seed.statements ?? []).map((st) => {
    const s = sentence(st.sentence);
    return {
      id: st.id,
      speaker: ref(st.speaker, s),
      verb: spanIn(s.text, st.verb, s.start),
      content: spanIn(s.text, st.content, s.start),
      addressee: null,
      direct: st.direct,
      evidence: s,
      rule: 'speech:said',
    };
  });
  const c = seed.commitment;
  const commitments = c
    ? [
        {
          id: c.id,
          donor: ref(c.donor, sentence(c.sentence)),
          recipient: ref(c.recipient, sentence(c.sentence)),
          value: c.value,
          currency: c.currency,
          kind: c.kind,
          status: 'announced' as const,
          date: seed.date,
          eventId: c.eventId,
          evidence: sentence(c.sentence),
          rule: 'pledge',
        },
      ]
    : [];
  const st = seed.stance;
  const stances = st
    ? [
        {
          id: st.id,
          actor: ref(st.actor, sentence(st.sentence)),
          issue: st.issue,
          position: st.position,
          date: seed.date,
          evidence: sentence(st.sentence),
          rule: 'stance',
        },
      ]
    : [];
  const actors: Actor[] = [...used].map((name) => {
    const a: ActorSeed = ACTORS[name];
    return { ...a, aliases: seed.aliases[name] ?? [a.name] };
  });
  return {
    article: {
      id: sha256(normaliseText(text)).slice(0, 24),
      text,
      title: seed.title,
      date: seed.date,
      outlet: seed.outlet,
      url: seed.url,
      language: 'eng',
      origin: seed.url,
    },
    sentences,
    actors,
    mentions: [],
    events,
    statements,
    amounts: [],
    dates: [],
    places: [],
    commitments,
    stances,
    warnings: [],
  };
}

const consult = (over: Partial<EventSeed>): EventSeed => ({
  id: 'e1',
  type: 'CONSULT',
  cameo: '040',
  goldstein: 1,
  quadClass: 1,
  source: 'putin',
  target: 'witkoff',
  sentence: 0,
  trigger: 'met',
  sourceText: 'Vladimir Putin',
  targetText: 'Steve Witkoff',
  date: '2025-12-02',
  place: { name: 'Moscow', country: 'RUS' },
  issues: ['peace-plan'],
  ...over,
});

const accuse = (over: Partial<EventSeed>): EventSeed => ({
  id: 'e2',
  type: 'ACCUSE',
  cameo: '112',
  goldstein: -2,
  quadClass: 3,
  source: 'sybiha',
  target: 'russia',
  sentence: 2,
  trigger: 'accused',
  sourceText: 'Andrii Sybiha',
  targetText: 'Russia',
  ...over,
});

/** The corpus, by key. The first three are one wire story. */
export const ARTICLE_SEEDS: readonly ArticleSeed[] = [
  {
    key: 'reuters',
    outlet: 'Reuters',
    url: 'https://www.reuters.com/world/europe/putin-meets-witkoff-moscow-2025-12-03/',
    date: '2025-12-03',
    title: 'Putin meets Trump envoy Witkoff in Moscow, no breakthrough on Ukraine',
    dateline: 'MOSCOW, Dec 3 (Reuters) - ',
    sentences: [
      'Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Tuesday to discuss a U.S. plan to end the war in Ukraine.',
      'The Kremlin said the five-hour talks were useful but that no compromise had yet been found on the question of territory.',
      "Ukraine's Foreign Minister Andrii Sybiha accused Russia of wasting the world's time and called for more pressure on Moscow.",
    ],
    aliases: { putin: ['Vladimir Putin', 'Putin'], witkoff: ['Steve Witkoff'], russia: ['Russia', 'Moscow'] },
    events: [consult({}), accuse({})],
    statements: [
      {
        id: 's1',
        speaker: 'kremlin',
        sentence: 1,
        verb: 'said',
        content:
          'the five-hour talks were useful but that no compromise had yet been found on the question of territory',
        direct: false,
      },
    ],
  },
  {
    key: 'ap',
    outlet: 'AP',
    url: 'https://apnews.com/article/russia-ukraine-putin-witkoff-talks-2025-12-03?utm_source=rss',
    date: '2025-12-03',
    title: 'Putin and Trump envoy Witkoff hold talks in Moscow',
    dateline: 'MOSCOW (AP) — ',
    sentences: [
      'Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Tuesday to discuss a U.S. plan to end the war in Ukraine, officials said.',
      'The Kremlin said the five-hour talks were useful but that no compromise had yet been found on the question of territory.',
      "Ukraine's Foreign Minister Andrii Sybiha accused Russia of wasting the world's time and called for more pressure on Moscow.",
    ],
    aliases: { putin: ['Vladimir Putin'], witkoff: ['Steve Witkoff'], russia: ['Russia'] },
    events: [consult({}), accuse({})],
  },
  {
    key: 'aljazeera',
    outlet: 'Al Jazeera',
    url: 'https://www.aljazeera.com/news/2025/12/4/putin-witkoff-talks-end-without-breakthrough',
    date: '2025-12-04',
    title: 'Putin-Witkoff talks end without breakthrough',
    sentences: [
      'Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Tuesday to discuss a U.S. plan to end the war in Ukraine.',
      'The Kremlin said the five-hour talks were useful but that no compromise had yet been found on the question of territory.',
      "Ukraine's Foreign Minister Andrii Sybiha accused Russia of wasting the world's time and called for more pressure on Moscow.",
      'The talks ran past midnight, the Russian leader told reporters on Wednesday.',
    ],
    aliases: { putin: ['Vladimir Putin', 'the Russian leader'], witkoff: ['Steve Witkoff'], russia: ['Russia'] },
    // This outlet dates the meeting by when it ended: one day later, still the same meeting.
    events: [consult({ date: '2025-12-03' }), accuse({ date: '2025-12-03' })],
  },
  {
    key: 'tass-geneva',
    outlet: 'TASS',
    url: 'https://tass.com/politics/2035551',
    date: '2025-12-02',
    title: 'Russian and US delegations meet in Geneva',
    dateline: 'GENEVA, December 2. /TASS/. ',
    sentences: [
      'Vladimir Putin held a phone call with Steve Witkoff while Russian and US delegations met in Geneva on Tuesday.',
      'Moscow described the atmosphere of the consultations as businesslike.',
    ],
    aliases: { putin: ['Vladimir Putin'], witkoff: ['Steve Witkoff'] },
    // Same dyad, type and day as the Moscow meeting, but another place: another event.
    events: [consult({ trigger: 'phone call', place: { name: 'Geneva', country: 'CHE' }, issues: [] })],
  },
  {
    key: 'kyiv-independent',
    outlet: 'Kyiv Independent',
    url: 'https://kyivindependent.com/putin-witkoff-meet-again/',
    date: '2025-12-20',
    title: 'Putin receives Witkoff again as talks drag on',
    sentences: [
      'Vladimir Putin met Steve Witkoff in Moscow again on Saturday, more than two weeks after their last meeting.',
      'Putin demanded that Ukraine withdraw from the Donbas before any ceasefire.',
    ],
    aliases: { putin: ['Vladimir Putin', 'Putin'], witkoff: ['Steve Witkoff'] },
    // Same dyad, type and place as the wire story, eighteen days later: another event.
    events: [consult({ date: '2025-12-20', trigger: 'met', issues: ['peace-plan', 'territory'] })],
    stance: { id: 't1', actor: 'putin', sentence: 1, issue: 'territory', position: 'demands' },
  },
  {
    key: 'bbc-gaza',
    outlet: 'BBC',
    url: 'https://www.bbc.co.uk/news/articles/c0gaza-strikes',
    date: '2025-12-10',
    title: 'Israeli strikes hit Gaza City despite ceasefire',
    sentences: [
      'The Israeli military carried out air strikes on Gaza City on Wednesday, testing the fragile ceasefire.',
      'Germany pledged 50 million euros in humanitarian aid for Gaza.',
    ],
    aliases: { israelMil: ['The Israeli military'], palestine: ['Gaza City', 'Gaza'], germany: ['Germany'] },
    events: [
      {
        id: 'e1',
        type: 'ASSAULT',
        mode: 'military',
        cameo: '195',
        goldstein: -10,
        quadClass: 4,
        source: 'israelMil',
        target: 'palestine',
        sentence: 0,
        trigger: 'air strikes',
        sourceText: 'The Israeli military',
        targetText: 'Gaza City',
        place: { name: 'Gaza City', country: 'PSE' },
        issues: ['ceasefire'],
      },
      {
        id: 'e2',
        type: 'AID',
        mode: 'humanitarian',
        cameo: '073',
        goldstein: 7.4,
        quadClass: 2,
        source: 'germany',
        target: 'palestine',
        sentence: 1,
        trigger: 'pledged',
        sourceText: 'Germany',
        targetText: 'Gaza',
      },
    ],
    commitment: {
      id: 'c1',
      donor: 'germany',
      recipient: 'palestine',
      sentence: 1,
      value: 50_000_000,
      currency: 'EUR',
      kind: 'humanitarian',
      eventId: 'e2',
    },
  },
  {
    key: 'euobserver',
    outlet: 'EUobserver',
    url: 'https://euobserver.com/eu-and-the-world/ar2d1c9a',
    date: '2025-11-20',
    title: 'EU adopts 20th sanctions package against Russia',
    dateline: 'BRUSSELS - ',
    sentences: [
      "The European Union imposed new sanctions on Russia's oil exports on Thursday, targeting its shadow fleet.",
    ],
    aliases: { eu: ['The European Union'], russia: ['Russia'] },
    events: [
      {
        id: 'e1',
        type: 'SANCTION',
        mode: 'economic',
        cameo: '163',
        goldstein: -8,
        quadClass: 4,
        source: 'eu',
        target: 'russia',
        sentence: 0,
        trigger: 'imposed new sanctions',
        sourceText: 'The European Union',
        targetText: 'Russia',
      },
    ],
  },
  {
    key: 'africanews',
    outlet: 'Africanews',
    url: 'https://www.africanews.com/2025/11/28/ecowas-abidjan',
    date: '2025-11-28',
    title: "ECOWAS calls for calm in Côte d'Ivoire",
    dateline: "ABIDJAN, Côte d'Ivoire — ",
    sentences: [
      "ECOWAS urged Côte d'Ivoire's government to release detained opposition figures, at a summit in Côte d'Ivoire's commercial capital.",
      'The United States did not condemn the arrests, Secretary of State Marco Rubio said.',
    ],
    aliases: { ecowas: ['ECOWAS'], ivoryCoast: ["Côte d'Ivoire"], usa: ['The United States'] },
    events: [
      {
        id: 'e1',
        type: 'REQUEST',
        cameo: '10',
        goldstein: -0.1,
        quadClass: 1,
        source: 'ecowas',
        target: 'ivoryCoast',
        sentence: 0,
        trigger: 'urged',
        sourceText: 'ECOWAS',
        targetText: "Côte d'Ivoire",
        place: { name: "Côte d'Ivoire", country: 'CIV' },
      },
      {
        id: 'e2',
        type: 'ACCUSE',
        cameo: '111',
        goldstein: -2,
        quadClass: 3,
        source: 'usa',
        target: 'ivoryCoast',
        sentence: 1,
        trigger: 'condemn',
        sourceText: 'The United States',
        negated: true,
      },
    ],
    statements: [
      {
        id: 's1',
        speaker: 'rubio',
        sentence: 1,
        verb: 'said',
        content: 'The United States did not condemn the arrests',
        direct: false,
      },
    ],
  },
];

export const CORPUS: readonly Extraction[] = ARTICLE_SEEDS.map(buildExtraction);

/** The extraction of a seed, by key. */
export function fixture(key: string): Extraction {
  const i = ARTICLE_SEEDS.findIndex((s) => s.key === key);
  const extraction = CORPUS[i];
  if (!extraction) throw new Error(`no fixture ${key}`);
  return extraction;
}

const CAPITALS: readonly [string, string, string][] = [
  ['FRA', 'France', 'Paris'],
  ['DEU', 'Germany', 'Berlin'],
  ['TUR', 'Turkey', 'Ankara'],
  ['EGY', 'Egypt', 'Cairo'],
  ['IND', 'India', 'New Delhi'],
  ['BRA', 'Brazil', 'Brasilia'],
  ['JPN', 'Japan', 'Tokyo'],
  ['NGA', 'Nigeria', 'Abuja'],
  ['QAT', 'Qatar', 'Doha'],
  ['POL', 'Poland', 'Warsaw'],
];

/**
 * `count` distinct articles of ministers meeting, for tests that need volume
 * (crash recovery) rather than linguistic variety. Article `i` is dated by
 * day `i`, so no two of them report the same meeting.
 */
export function syntheticCorpus(count: number): Extraction[] {
  return Array.from({ length: count }, (_, i) => {
    const [aCode, aName, city] = CAPITALS[i % CAPITALS.length] ?? ['FRA', 'France', 'Paris'];
    const [bCode, bName] = CAPITALS[(i * 7 + 3) % CAPITALS.length] ?? ['DEU', 'Germany', 'Berlin'];
    const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const text = `${aName}'s foreign minister met the ${bName} ambassador in ${city} on ${date} for talks number ${i} on trade and security.`;
    const s: Span = { start: 0, end: text.length, text };
    const ref = (code: string, name: string): ActorRef => ({
      actorId: `${code}.GOV`,
      code,
      name,
      kind: 'organization',
      sector: 'GOV',
    });
    return {
      article: {
        id: sha256(normaliseText(text)).slice(0, 24),
        text,
        date,
        outlet: 'Wire',
        url: `https://wire.example/${i}`,
        title: `Talks ${i}`,
      },
      sentences: [s],
      actors: [aName, bName].map((name, k) => ({
        id: `${k === 0 ? aCode : bCode}.GOV`,
        name,
        code: k === 0 ? aCode : bCode,
        kind: 'organization' as const,
        sector: 'GOV' as const,
        aliases: [name],
      })),
      mentions: [],
      events: [
        {
          id: 'e1',
          type: 'CONSULT',
          cameo: '040',
          goldstein: 1,
          quadClass: 1,
          source: ref(aCode, aName),
          target: ref(bCode, bName),
          negated: false,
          hypothetical: false,
          date,
          place: { span: spanIn(text, city, 0), name: city, country: aCode, rule: 'place:in' },
          trigger: spanIn(text, 'met', 0),
          evidence: s,
          amounts: [],
          issues: ['trade'],
          rule: 'verb:met',
        },
      ],
      statements: [],
      amounts: [],
      dates: [],
      places: [],
      commitments: [],
      stances: [],
      warnings: [],
    };
  });
}
