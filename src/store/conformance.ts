/**
 * The one test suite every Store engine must pass. Each engine's test file
 * calls `runStoreConformance` with a factory for fresh, empty databases;
 * the expectations come from the hand-built corpus in `fixtures.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActorRef, Extraction } from '../types.js';
import { ploverRow } from './core/export.js';
import { MAX_CANDIDATES } from './core/minhash.js';
import { prepareExtraction } from './core/prepare.js';
import { SqlStore } from './core/sql-store.js';
import { ARTICLE_SEEDS, CORPUS, fixture, syntheticCorpus } from './fixtures.js';
import { createStore, type EventQuery, type Store, type StoredEvent } from './store.js';

export interface ConformanceOptions {
  /** A new empty database URL for one test, and how to drop it afterwards. */
  freshDatabase: () => Promise<{ url: string; drop: () => Promise<void> }>;
  /** Whether two Store instances in this process may write the same database at once. */
  concurrentWriters: boolean;
}

const KEY_OF_ARTICLE = new Map(CORPUS.map((x, i) => [x.article.id, ARTICLE_SEEDS[i]?.key ?? '?']));

/** `article-key:local-event-id` of the report that created the event: how tests name events. */
function label(e: StoredEvent): string {
  const first = e.mentions[0];
  return first ? `${KEY_OF_ARTICLE.get(first.articleId)}:${first.localEventId}` : `?:${e.id}`;
}

async function labels(store: Store, query: EventQuery): Promise<string[]> {
  const page = await store.events({ limit: 1000, ...query });
  return page.events.map(label).sort();
}

async function eventByLabel(store: Store, wanted: string): Promise<StoredEvent> {
  const page = await store.events({ limit: 1000 });
  const event = page.events.find((e) => label(e) === wanted);
  if (!event) throw new Error(`no event ${wanted}`);
  return event;
}

const ALL = [
  'africanews:e1',
  'africanews:e2',
  'bbc-gaza:e1',
  'bbc-gaza:e2',
  'euobserver:e1',
  'kyiv-independent:e1',
  'reuters:e1',
  'reuters:e2',
  'tass-geneva:e1',
];

/** Every filter, alone and combined, with the events it must return. */
const FILTER_CASES: [string, EventQuery, string[]][] = [
  ['no filter', {}, ALL],
  [
    'actor by root code',
    { actor: 'RUS' },
    ['euobserver:e1', 'kyiv-independent:e1', 'reuters:e1', 'reuters:e2', 'tass-geneva:e1'],
  ],
  ['actor by alias', { actor: 'Putin' }, ['kyiv-independent:e1', 'reuters:e1', 'tass-geneva:e1']],
  [
    'actor by an alias seen in one article only',
    { actor: 'the Russian leader' },
    ['kyiv-independent:e1', 'reuters:e1', 'tass-geneva:e1'],
  ],
  [
    'actor by store id',
    { actor: 'USA.GOV:person:steve-witkoff' },
    ['kyiv-independent:e1', 'reuters:e1', 'tass-geneva:e1'],
  ],
  ['source', { source: 'UKR' }, ['reuters:e2']],
  ['target by name', { target: 'Russia' }, ['euobserver:e1', 'reuters:e2']],
  ['dyad in either direction', { dyad: ['USA', 'RUS'] }, ['kyiv-independent:e1', 'reuters:e1', 'tass-geneva:e1']],
  ['dyad by names', { dyad: ['Gaza', 'Israeli military'] }, ['bbc-gaza:e1']],
  ['type', { type: 'AID' }, ['bbc-gaza:e2']],
  ['since', { since: '2025-12-03' }, ['bbc-gaza:e1', 'bbc-gaza:e2', 'kyiv-independent:e1', 'reuters:e2']],
  ['until', { until: '2025-11-30' }, ['africanews:e1', 'africanews:e2', 'euobserver:e1']],
  ['one day', { since: '2025-12-02', until: '2025-12-02' }, ['reuters:e1', 'tass-geneva:e1']],
  ['place, any case', { place: 'moscow' }, ['kyiv-independent:e1', 'reuters:e1']],
  ['place by country', { place: 'CHE' }, ['tass-geneva:e1']],
  ['place with an apostrophe', { place: "Côte d'Ivoire" }, ['africanews:e1']],
  ['issue', { issue: 'territory' }, ['kyiv-independent:e1']],
  ['issue shared by several', { issue: 'peace-plan' }, ['kyiv-independent:e1', 'reuters:e1']],
  ['text, words in any order', { text: 'fleet shadow' }, ['euobserver:e1']],
  ['text, inflected', { text: 'strike' }, ['bbc-gaza:e1']],
  ['text in a later mention only', { text: 'officials said' }, ['reuters:e1']],
  [
    'combined filters',
    { actor: 'RUS', type: 'CONSULT', place: 'Moscow', since: '2025-12-01' },
    ['kyiv-independent:e1', 'reuters:e1'],
  ],
  ['no match', { type: 'COERCE' }, []],
];

/** Hostile filter values: they must match nothing, raise nothing, and change nothing. */
const HOSTILE_CASES: [string, EventQuery][] = [
  ['quote in actor', { actor: "RUS' OR '1'='1" }],
  ['comment in source', { source: 'RUS --' }],
  ['statement in text', { text: '"; DROP TABLE events; --' }],
  ['FTS operators', { text: 'NEAR(talks* OR sentence:Putin' }],
  ['only punctuation in text', { text: '*"()' }],
  ['LIKE wildcard as place', { place: '%' }],
  ['tautology in issue', { issue: "' OR 1=1 --" }],
  ['placeholder in target', { target: '? $1 :name' }],
];

/** Every stored event, page by page. */
async function allEvents(store: Store): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.events({ limit: 1000, cursor });
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

const byCountThenKey = <K extends string>(a: [K, number], b: [K, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The counters `stats()` and `actors()` read, aggregated again from scratch
 * from the events themselves; the store keeps its counters at write time,
 * so the two must agree after any sequence of batches.
 */
export async function expectCountersExact(store: Store): Promise<void> {
  const events = await allEvents(store);
  const tally = (keys: string[]) => {
    const map = new Map<string, number>();
    for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
    return [...map];
  };
  const stats = await store.stats({ limit: 1000 });
  expect(stats.events).toBe(events.length);
  expect(stats.mentions).toBe(events.reduce((n, e) => n + e.mentions.length, 0));
  expect(stats.byType).toEqual(
    tally(events.map((e) => e.type))
      .sort(byCountThenKey)
      .map(([key, count]) => ({ key, count })),
  );
  expect(stats.byDay).toEqual(
    tally(events.flatMap((e) => (e.date ? [e.date] : [])))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, count]) => ({ key, count })),
  );
  const dyads = tally(
    events.flatMap((e) => (e.target?.code ? [`${e.source.code.toUpperCase()} ${e.target.code.toUpperCase()}`] : [])),
  ).sort(byCountThenKey);
  expect(stats.topDyads).toEqual(
    dyads.map(([key, count]) => {
      const [source, target] = key.split(' ');
      return { key: { source, target }, count };
    }),
  );
  const sides = new Map<string, { source: Set<string>; target: Set<string> }>();
  const side = (actorId: string) => {
    const entry = sides.get(actorId) ?? { source: new Set<string>(), target: new Set<string>() };
    sides.set(actorId, entry);
    return entry;
  };
  for (const e of events) {
    for (const m of e.mentions) {
      side(m.source.actorId).source.add(e.id);
      if (m.target) side(m.target.actorId).target.add(e.id);
    }
  }
  const actors = await store.actors({ limit: 1000 });
  expect(actors).toHaveLength(stats.actors);
  const shared = new Map<string, Map<string, Set<string>>>();
  const share = (a: string, b: string, event: string) => {
    const partners = shared.get(a) ?? new Map<string, Set<string>>();
    shared.set(a, partners);
    partners.set(b, (partners.get(b) ?? new Set()).add(event));
  };
  for (const e of events) {
    for (const m of e.mentions) {
      if (!m.target || m.target.actorId === m.source.actorId) continue;
      share(m.source.actorId, m.target.actorId, e.id);
      share(m.target.actorId, m.source.actorId, e.id);
    }
  }
  for (const a of actors.slice(0, 20)) {
    const expected = [...(shared.get(a.id) ?? [])]
      .map(([id, set]): [string, number] => [id, set.size])
      .sort(byCountThenKey)
      .slice(0, 10);
    const partners = (await store.actor(a.id))?.partners ?? [];
    expect(partners.map((p) => [p.actorId, p.events])).toEqual(expected);
  }
  for (const a of actors) {
    const s = sides.get(a.id);
    expect({ id: a.id, ...a.counts, articles: 0 }).toEqual({
      id: a.id,
      events: new Set([...(s?.source ?? []), ...(s?.target ?? [])]).size,
      asSource: s?.source.size ?? 0,
      asTarget: s?.target.size ?? 0,
      articles: 0,
    });
  }
}

/**
 * Every row of a store built by the version-2 schema and write path from the
 * two batches of `CORPUS` (mention and alias serial ids left out, so they
 * renumber in order): what an engine test loads into a version-2 database
 * before opening it with the current code.
 */
export const V2_ROWS = JSON.parse(
  readFileSync(join(import.meta.dirname, 'testing', 'v2-store.json'), 'utf8'),
) as Record<string, Record<string, string | number | null>[]>;

/** A store migrated from `V2_ROWS` answers like one built now from the same corpus, and keeps counting right. */
export async function expectMigratedLikeFresh(migrated: Store, fresh: Store): Promise<void> {
  await fresh.addExtractions(CORPUS.slice(0, 2));
  await fresh.addExtractions(CORPUS.slice(2));
  expect(await migrated.stats()).toEqual(await fresh.stats());
  expect(await migrated.actors()).toEqual(await fresh.actors());
  expect(await migrated.actor('Putin')).toEqual(await fresh.actor('Putin'));
  expect(await migrated.statements()).toEqual(await fresh.statements());
  expect(await migrated.commitments()).toEqual(await fresh.commitments());
  expect(await migrated.stances()).toEqual(await fresh.stances());
  expect(await allEvents(migrated)).toEqual(await allEvents(fresh));
  for (const q of FILTER_CASES.map(([, query]) => query))
    expect(await labels(migrated, q)).toEqual(await labels(fresh, q));
  await expectCountersExact(migrated);
  expect((await migrated.addExtractions(CORPUS)).duplicates).toBe(CORPUS.length);
  await migrated.addExtractions(syntheticCorpus(30));
  await expectCountersExact(migrated);
}

export function runStoreConformance(name: string, options: ConformanceOptions): void {
  /** A store holding the whole corpus, added in two batches so merges cross transactions. */
  async function withCorpus<T>(fn: (store: Store, url: string) => Promise<T>): Promise<T> {
    const db = await options.freshDatabase();
    const store = await createStore(db.url);
    try {
      await store.addExtractions(CORPUS.slice(0, 2));
      await store.addExtractions(CORPUS.slice(2));
      return await fn(store, db.url);
    } finally {
      await store.close();
      await db.drop();
    }
  }

  describe(`Store conformance: ${name}`, () => {
    it('stores the corpus: wire copies join one story, repeated reports merge into one event', async () => {
      const db = await options.freshDatabase();
      const store = await createStore(db.url);
      try {
        const first = await store.addExtractions(CORPUS.slice(0, 2));
        const rest = await store.addExtractions(CORPUS.slice(2));
        expect(first).toEqual({ articles: 2, duplicates: 0, stories: 1, nearDuplicates: 1, events: 2, merged: 2 });
        expect(rest).toEqual({ articles: 6, duplicates: 0, stories: 5, nearDuplicates: 1, events: 7, merged: 2 });
      } finally {
        await store.close();
        await db.drop();
      }
    });

    it('adds nothing when the same batch is added again', async () => {
      await withCorpus(async (store) => {
        const before = await store.stats();
        const again = await store.addExtractions(CORPUS);
        expect(again).toEqual({ articles: 0, duplicates: 8, stories: 0, nearDuplicates: 0, events: 0, merged: 0 });
        const after = await store.stats();
        expect(after).toEqual(before);
      });
    });

    const reuters = fixture('reuters');
    const identityCases: [string, typeof reuters][] = [
      [
        'same text under another URL',
        { ...reuters, article: { ...reuters.article, id: 'other-id', url: 'https://example.com/copy' } },
      ],
      [
        'same URL with tracking parameters, scheme and www changed, text updated',
        {
          ...reuters,
          article: {
            ...reuters.article,
            id: 'updated',
            url: 'http://reuters.com/world/europe/putin-meets-witkoff-moscow-2025-12-03?utm_source=x#top',
            text: `UPDATED: ${reuters.article.text}`,
          },
        },
      ],
      [
        'same text in other case, spacing and punctuation',
        {
          ...reuters,
          article: {
            ...reuters.article,
            id: 'respaced',
            url: undefined,
            text: `  ${reuters.article.text.toUpperCase().replace(/ - /, ' -- ').replace(/\n\n/g, '\n')}  `,
          },
        },
      ],
    ];
    it.each(identityCases)('treats %s as the stored article', async (_, copy) => {
      await withCorpus(async (store) => {
        const result = await store.addExtractions([copy]);
        expect(result.duplicates).toBe(1);
        expect(result.articles + result.events + result.merged).toBe(0);
      });
    });

    it('finds a wire copy whether the bands of the stored copies wait in the recent table or were merged', async () => {
      const db = await options.freshDatabase();
      const store = await createStore(db.url);
      try {
        expect(store).toBeInstanceOf(SqlStore);
        const merge = () => (store as SqlStore).mergeBands();
        await store.addExtractions([fixture('reuters')]);
        await merge();
        // Nothing left to move: a second merge changes nothing.
        await merge();
        const ap = await store.addExtractions([fixture('ap')]);
        const aljazeera = await store.addExtractions([fixture('aljazeera')]);
        expect([ap.nearDuplicates, aljazeera.nearDuplicates]).toEqual([1, 1]);
        const story = await store.story((await store.article(fixture('reuters').article.id))?.storyId ?? '');
        expect(story?.articleIds).toHaveLength(3);
      } finally {
        await store.close();
        await db.drop();
      }
    });

    it('finds a wire copy though more articles than it compares share one of its bands', async () => {
      const db = await options.freshDatabase();
      const store = await createStore(db.url);
      try {
        const [reuters, ap, other] = ['reuters', 'ap', 'bbc-gaza'].map((k) => prepareExtraction(fixture(k)));
        if (!reuters || !ap || !other) throw new Error('fixture missing');
        const common = ap.bands.findIndex((band, b) => Buffer.compare(band, reuters.bands[b] as Uint8Array) === 0);
        expect(common).toBeGreaterThanOrEqual(0);
        // Unrelated articles, stored before the wire story, that all share one of its bands with the copy.
        const crowd = Array.from({ length: 3 * MAX_CANDIDATES }, (_, i) => ({
          ...other,
          article: { ...other.article, id: `crowd-${i}`, url: null },
          fingerprint: `crowd-${i}`,
          urlNorm: null,
          bands: other.bands.map((band, b) => (b === common ? (ap.bands[b] as Uint8Array) : band)),
          events: [],
          records: [],
        }));
        await store.addExtractions(crowd);
        await store.addExtractions([reuters]);
        expect((await store.addExtractions([ap])).nearDuplicates).toBe(1);
      } finally {
        await store.close();
        await db.drop();
      }
    });

    it('groups the three outlets of the wire story into one story and nothing else', async () => {
      await withCorpus(async (store) => {
        const articles = await Promise.all(
          ['reuters', 'ap', 'aljazeera', 'tass-geneva'].map((k) => store.article(fixture(k).article.id)),
        );
        const [r, ap, aj, tass] = articles;
        expect(r?.storyId).toBeDefined();
        expect([ap?.storyId, aj?.storyId]).toEqual([r?.storyId, r?.storyId]);
        expect(tass?.storyId).not.toBe(r?.storyId);
        const story = await store.story(r?.storyId ?? '');
        expect(new Set(story?.outlets)).toEqual(new Set(['Reuters', 'AP', 'Al Jazeera']));
        expect(story?.articleIds).toHaveLength(3);
        expect(await store.story('st_missing')).toBeNull();
      });
    });

    it('gives an article back with its full text, which every span points into', async () => {
      await withCorpus(async (store) => {
        for (const x of CORPUS) {
          const stored = await store.article(x.article.id);
          expect(stored?.text).toBe(x.article.text);
          for (const e of x.events) expect(stored?.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
        }
        const reuters = await store.article(fixture('reuters').article.id);
        expect(reuters).toMatchObject({ title: fixture('reuters').article.title, outlet: 'Reuters' });
        expect(reuters?.eventIds).toHaveLength(2);
        expect(await store.article('missing')).toBeNull();
      });
    });

    it('tells which article ids are stored, for any number of ids', async () => {
      await withCorpus(async (store) => {
        const stored = CORPUS.map((x) => x.article.id);
        const unknown = Array.from({ length: 1200 }, (_, i) => `unknown-${i}`);
        const found = await store.storedArticles([...unknown, ...stored, stored[0] ?? '']);
        expect([...found].sort()).toEqual([...stored].sort());
        expect(await store.storedArticles([])).toEqual(new Set());
        expect(await store.storedArticles(["' OR 1=1 --"])).toEqual(new Set());
      });
    });

    it('keeps one event per real event, with every mention and the reason for each merge', async () => {
      await withCorpus(async (store) => {
        const meeting = await eventByLabel(store, 'reuters:e1');
        expect(meeting.mentions.map((m) => m.outlet)).toEqual(['Reuters', 'AP', 'Al Jazeera']);
        expect(meeting.mentions.map((m) => m.date)).toEqual(['2025-12-02', '2025-12-02', '2025-12-03']);
        expect(meeting.mentions[1]?.evidence.text).toBe(fixture('ap').sentences[0]?.text);
        expect(meeting.mentions[1]?.url).toBe(fixture('ap').article.url);
        expect(meeting.mentions[2]?.trigger.text).toBe('met');
        expect(meeting.mergeReasons).toEqual([
          {
            articleId: fixture('ap').article.id,
            localEventId: 'e1',
            reason: 'same dyad RUS-USA, type CONSULT, same date 2025-12-02, same place Moscow',
          },
          {
            articleId: fixture('aljazeera').article.id,
            localEventId: 'e1',
            reason: 'same dyad RUS-USA, type CONSULT, dates 2025-12-02/2025-12-03 within 3 days, same place Moscow',
          },
        ]);
        const accusation = await eventByLabel(store, 'reuters:e2');
        expect(accusation.mentions).toHaveLength(3);
        expect(accusation.mergeReasons.map((r) => r.reason)).toEqual([
          'same dyad UKR-RUS, type ACCUSE, same date 2025-12-03, no place given',
          'same dyad UKR-RUS, type ACCUSE, same date 2025-12-03, no place given',
        ]);
        // Same dyad and day in another city, and the same city 18 days later, stay apart.
        expect((await eventByLabel(store, 'tass-geneva:e1')).mentions).toHaveLength(1);
        expect((await eventByLabel(store, 'kyiv-independent:e1')).mentions).toHaveLength(1);
        expect(await store.event(meeting.id)).toEqual(meeting);
        expect(await store.event('ev_missing')).toBeNull();
      });
    });

    it('points stored events at store actors, not at article-local ids', async () => {
      await withCorpus(async (store) => {
        const meeting = await eventByLabel(store, 'reuters:e1');
        expect(meeting.sourceActorId).toBe('RUS.GOV:person:vladimir-putin');
        expect(meeting.targetActorId).toBe('USA.GOV:person:steve-witkoff');
        expect(meeting.source.actorId).toBe('RUS.GOV:person:vladimir-putin');
        expect(meeting.issues).toEqual(['peace-plan']);
      });
    });

    it.each(FILTER_CASES)('filters events: %s', async (_, query, expected) => {
      await withCorpus(async (store) => {
        expect(await labels(store, query)).toEqual(expected);
      });
    });

    it.each(HOSTILE_CASES)('keeps SQL and search metacharacters inert: %s', async (_, query) => {
      await withCorpus(async (store) => {
        expect(await labels(store, query)).toEqual([]);
        expect((await store.stats()).events).toBe(ALL.length);
      });
    });

    it('pages through events with a cursor, newest first, each event once', async () => {
      await withCorpus(async (store) => {
        for (const [query, total] of [
          [{}, ALL.length],
          [{ actor: 'RUS' }, 5],
        ] as const) {
          const seen: StoredEvent[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = await store.events({ ...query, limit: 2, cursor });
            expect(page.events.length).toBeLessThanOrEqual(2);
            seen.push(...page.events);
            cursor = page.nextCursor;
            pages++;
          } while (cursor);
          expect(pages).toBe(Math.ceil(total / 2));
          expect(new Set(seen.map((e) => e.id)).size).toBe(total);
          const whole = await store.events({ ...query, limit: 1000 });
          expect(seen.map((e) => e.id)).toEqual(whole.events.map((e) => e.id));
          const dates = seen.map((e) => e.date ?? '');
          expect(dates).toEqual([...dates].sort().reverse());
        }
        await expect(store.events({ cursor: 'not-a-cursor' })).rejects.toThrow(/invalid cursor/);
      });
    });

    it('resolves one real actor across articles, accumulating aliases and roles', async () => {
      await withCorpus(async (store) => {
        const putin = await store.actor('Putin');
        expect(putin).toMatchObject({
          id: 'RUS.GOV:person:vladimir-putin',
          name: 'Vladimir Putin',
          code: 'RUS',
          kind: 'person',
          sector: 'GOV',
          kbId: 'people.yaml#vladimir-putin',
          aliases: ['Vladimir Putin', 'Putin', 'the Russian leader'],
          roles: ['President'],
          counts: { events: 3, asSource: 3, asTarget: 0, articles: 5 },
        });
        expect(putin?.partners).toEqual([
          { actorId: 'USA.GOV:person:steve-witkoff', name: 'Steve Witkoff', code: 'USA', events: 3 },
        ]);
        expect(await store.actor('the russian leader')).toMatchObject({ id: putin?.id });
        expect(await store.actor('rus')).toMatchObject({ id: 'RUS', counts: { asTarget: 2 } });
        expect(await store.actor('ECOWAS')).toMatchObject({ id: 'ECOWAS.IGO', roles: [] });
        expect(await store.actor('Nobody Atall')).toBeNull();
      });
    });

    const actorCases: [string, Parameters<Store['actors']>[0], string[]][] = [
      ['by code', { code: 'usa' }, ['USA', 'USA.GOV:person:marco-rubio', 'USA.GOV:person:steve-witkoff']],
      [
        'by kind',
        { kind: 'person' },
        [
          'RUS.GOV:person:vladimir-putin',
          'UKR.GOV:person:andrii-sybiha',
          'USA.GOV:person:marco-rubio',
          'USA.GOV:person:steve-witkoff',
        ],
      ],
      ['by part of an alias', { name: 'witk' }, ['USA.GOV:person:steve-witkoff']],
      ['with a LIKE wildcard taken literally', { name: '%' }, []],
    ];
    it.each(actorCases)('lists actors %s', async (_, query, expected) => {
      await withCorpus(async (store) => {
        expect((await store.actors(query)).map((a) => a.id).sort()).toEqual(expected);
      });
    });

    it('lists the most reported actors first', async () => {
      await withCorpus(async (store) => {
        const all = await store.actors();
        expect(all).toHaveLength(13);
        expect(all[0]?.id).toBe('RUS.GOV:person:vladimir-putin');
        const articles = all.map((a) => a.counts.articles);
        expect(articles).toEqual([...articles].sort((a, b) => b - a));
      });
    });

    it('keeps statements, commitments and stances with their article', async () => {
      await withCorpus(async (store) => {
        const statements = await store.statements({ actor: 'RUS' });
        expect(statements).toHaveLength(1);
        expect(statements[0]).toMatchObject({
          articleId: fixture('reuters').article.id,
          speaker: { actorId: 'RUS.GOV' },
        });
        expect((await store.statements({ actor: 'Marco Rubio' }))[0]?.content.text).toBe(
          'The United States did not condemn the arrests',
        );
        const [pledge] = await store.commitments({ actor: 'Germany' });
        expect(pledge).toMatchObject({ value: 50_000_000, currency: 'EUR', recipient: { actorId: 'PSE' } });
        expect(await store.stances({ issue: 'territory' })).toMatchObject([
          { actor: { actorId: 'RUS.GOV:person:vladimir-putin' }, position: 'demands' },
        ]);
        expect(await store.stances({ issue: 'ceasefire' })).toEqual([]);
      });
    });

    it('counts by type, by day and by dyad', async () => {
      await withCorpus(async (store) => {
        const stats = await store.stats();
        expect(stats).toMatchObject({
          articles: 8,
          stories: 6,
          events: 9,
          mentions: 13,
          actors: 13,
          statements: 2,
          commitments: 1,
          stances: 1,
        });
        expect(stats.byType.slice(0, 2)).toEqual([
          { key: 'CONSULT', count: 3 },
          { key: 'ACCUSE', count: 2 },
        ]);
        expect(stats.byType.reduce((n, t) => n + t.count, 0)).toBe(9);
        expect(stats.byDay).toEqual([
          { key: '2025-11-20', count: 1 },
          { key: '2025-11-28', count: 2 },
          { key: '2025-12-02', count: 2 },
          { key: '2025-12-03', count: 1 },
          { key: '2025-12-10', count: 2 },
          { key: '2025-12-20', count: 1 },
        ]);
        expect(stats.topDyads[0]).toEqual({ key: { source: 'RUS', target: 'USA' }, count: 3 });
      });
    });

    it('keeps counters equal to a from-scratch count through merges and reruns', async () => {
      await withCorpus(async (store) => {
        await expectCountersExact(store);
        await store.addExtractions(CORPUS);
        await expectCountersExact(store);
        // A larger corpus whose dyads recur, added in batches that cross merges, then partly again.
        const synthetic = syntheticCorpus(150);
        for (let i = 0; i < synthetic.length; i += 40) await store.addExtractions(synthetic.slice(i, i + 40));
        await store.addExtractions([...synthetic.slice(20, 60), ...CORPUS.slice(0, 3)]);
        await expectCountersExact(store);
        // One actor on both sides of one event: across merged reports, and within one report.
        const kremlin: ActorRef = {
          actorId: 'RUS.GOV',
          code: 'RUS',
          name: 'Kremlin',
          kind: 'organization',
          sector: 'GOV',
        };
        const russia: ActorRef = { actorId: 'RUS', code: 'RUS', name: 'Russia', kind: 'state' };
        const pairs: [ActorRef, ActorRef][] = [
          [kremlin, russia],
          [russia, kremlin],
          [kremlin, kremlin],
          [russia, russia],
        ];
        const internal = syntheticCorpus(150 + pairs.length)
          .slice(150)
          .map((x, i): Extraction => {
            const [source, target] = pairs[i] ?? [kremlin, russia];
            const event = x.events[0];
            if (!event) return x;
            return {
              ...x,
              actors: [],
              events: [{ ...event, source, target, date: i < 3 ? '2021-06-01' : '2021-09-01' }],
            };
          });
        await store.addExtractions(internal.slice(0, 1));
        await store.addExtractions(internal.slice(1));
        await expectCountersExact(store);
      });
    });

    it('exports the POLECAT fields of a merged event', async () => {
      await withCorpus(async (store) => {
        const row = ploverRow(await eventByLabel(store, 'reuters:e1'));
        expect(row).toMatchObject({
          event_date: '2025-12-02',
          event_type: 'CONSULT',
          context: 'peace-plan',
          story_date: '2025-12-03',
          source: 'Vladimir Putin',
          source_actor: 'Vladimir Putin',
          source_agent: 'GOV',
          source_country: 'RUS',
          target: 'Steve Witkoff',
          target_country: 'USA',
          location: 'Moscow',
          publisher: 'Reuters',
          mentions: 3,
          cameo: '040',
        });
      });
    });

    it('survives reopening: data and migrations persist', async () => {
      const db = await options.freshDatabase();
      try {
        const store = await createStore(db.url);
        await store.addExtractions(CORPUS);
        await store.close();
        const reopened = await createStore(db.url);
        expect((await reopened.stats()).events).toBe(9);
        expect((await reopened.addExtractions(CORPUS)).duplicates).toBe(8);
        await reopened.close();
      } finally {
        await db.drop();
      }
    });

    it.runIf(options.concurrentWriters)('lets writers race on the same articles without duplicates', async () => {
      const db = await options.freshDatabase();
      const writers = await Promise.all([createStore(db.url), createStore(db.url), createStore(db.url)]);
      try {
        const results = await Promise.all(
          writers.map((w, i) => w.addExtractions(i === 1 ? [...CORPUS].reverse() : CORPUS)),
        );
        expect(results.reduce((n, r) => n + r.articles, 0)).toBe(8);
        const stats = await writers[0]?.stats();
        expect(stats).toMatchObject({ articles: 8, events: 9, mentions: 13, stories: 6 });
      } finally {
        await Promise.all(writers.map((w) => w.close()));
        await db.drop();
      }
    });
  });
}
