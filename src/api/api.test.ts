import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/store.js';
import { ARTICLES, HTML_PAGE } from './testing/fixtures.js';
import { testExtractor } from './testing/knowledge.js';
import { startServer, type TestServer } from './testing/server.js';

const TOKEN = 'test-token-0123456789';
const extractor = testExtractor();

let server: TestServer;
let webRoot: string;

async function getJson<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

async function post(body: string | Uint8Array, headers: Record<string, string>, base = server.url) {
  const res = await fetch(`${base}/articles`, { method: 'POST', body, headers });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text) as Record<string, unknown>,
    contentType: res.headers.get('content-type'),
  };
}

const auth = { authorization: `Bearer ${TOKEN}` };
const jsonType = { 'content-type': 'application/json' };

/** Everything a write could change: counts and the full event list. */
async function snapshot(): Promise<string> {
  const stats = await getJson('/stats');
  const events = await getJson('/events?limit=1000');
  return JSON.stringify([stats.body, events.body]);
}

async function allEvents(query = ''): Promise<StoredEvent[]> {
  return (await getJson<{ events: StoredEvent[] }>(`/events?limit=1000${query}`)).body.events;
}

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'parley-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Parley dashboard</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("parley")');
  server = await startServer({ token: TOKEN, webRoot, extractor });
});

afterAll(async () => {
  await server?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('reads', () => {
  it('documents every endpoint in /openapi.json', async () => {
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/openapi.json',
    );
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/actors',
        '/actors/{id}',
        '/articles',
        '/articles/{id}',
        '/articles/{id}/reader',
        '/events',
        '/events/{id}',
        '/issues',
        '/ledger/commitments',
        '/ledger/totals',
        '/network',
        '/search',
        '/stances',
        '/stats',
        '/stories/{id}',
        '/timeline',
      ].sort(),
    );
    expect(Object.keys(body.paths['/articles'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('lists events newest first and pages through all of them with the cursor', async () => {
    const everything = await allEvents();
    const expected = ARTICLES.reduce((n, a) => n + extractor.extract(a).events.length, 0);
    expect(everything.length).toBeGreaterThan(8);
    expect(everything.length).toBeLessThanOrEqual(expected);
    const dates = everything.map((e) => e.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await getJson<{ events: StoredEvent[]; nextCursor?: string }>(
        `/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      expect(body.events.length).toBeLessThanOrEqual(3);
      seen.push(...body.events.map((e) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(everything.length / 3));
    expect(seen).toEqual(everything.map((e) => e.id));
  });

  it('applies every EventQuery filter', async () => {
    const all = await allEvents();
    const sanction = await allEvents('&type=SANCTION');
    expect(sanction.length).toBeGreaterThan(0);
    expect(sanction.every((e) => e.type === 'SANCTION')).toBe(true);

    const ukraine = await allEvents('&actor=UKR');
    expect(ukraine.length).toBeGreaterThan(0);
    expect(ukraine.every((e) => e.source.code === 'UKR' || e.target?.code === 'UKR')).toBe(true);
    // A name matches that actor through its aliases; the root code also takes in its government, military and people.
    const byName = await allEvents('&actor=Ukraine');
    expect(byName.length).toBeGreaterThan(0);
    expect(ukraine.map((e) => e.id)).toEqual(expect.arrayContaining(byName.map((e) => e.id)));

    const fromRussia = await allEvents('&source=RUS');
    expect(fromRussia.length).toBeGreaterThan(0);
    expect(fromRussia.every((e) => e.source.code === 'RUS')).toBe(true);
    const atIran = await allEvents('&target=IRN');
    expect(atIran.length).toBeGreaterThan(0);
    expect(atIran.every((e) => e.target?.code === 'IRN')).toBe(true);

    const dyad = await allEvents('&dyad=IRN,USA');
    expect(dyad.map((e) => e.type)).toContain('SANCTION');
    expect(dyad.every((e) => [e.source.code, e.target?.code].sort().join() === 'IRN,USA')).toBe(true);

    const march = await allEvents('&since=2025-03-05&until=2025-03-10');
    expect(march.length).toBeGreaterThan(0);
    expect(march.every((e) => (e.date ?? '') >= '2025-03-05' && (e.date ?? '') <= '2025-03-10')).toBe(true);
    expect(march.length).toBeLessThan(all.length);

    const withPlace = all.find((e) => e.place);
    if (withPlace?.place) {
      const byPlace = await allEvents(`&place=${encodeURIComponent(withPlace.place.name)}`);
      expect(byPlace.map((e) => e.id)).toContain(withPlace.id);
    }

    const missiles = await allEvents('&text=missiles');
    expect(missiles.length).toBeGreaterThan(0);
    expect(missiles.every((e) => e.mentions.some((m) => /missiles/i.test(m.evidence.text)))).toBe(true);

    const issue = await getJson<{ events: StoredEvent[] }>('/events?issue=ceasefire');
    expect(issue.status).toBe(200);
    expect(issue.body.events.every((e) => e.issues.includes('ceasefire'))).toBe(true);
  });

  it('returns one event by id and 404 for an unknown one', async () => {
    const [first] = await allEvents();
    const one = await getJson<StoredEvent>(`/events/${first?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(first?.id);
    expect(one.body.mentions[0]?.evidence.text).toContain(one.body.trigger.text);
    const missing = await getJson<{ error: string }>('/events/ev_0000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no such event/);
  });

  it('counts the timeline and the network from the same events', async () => {
    const all = await allEvents();
    const tl = await getJson<{
      buckets: { date: string; type: string; count: number }[];
      total: number;
      undated: number;
    }>('/timeline');
    expect(tl.status).toBe(200);
    expect(tl.body.total).toBe(all.length);
    expect(tl.body.buckets.reduce((n, b) => n + b.count, 0) + tl.body.undated).toBe(all.length);
    const sanctions = tl.body.buckets.filter((b) => b.type === 'SANCTION');
    expect(sanctions.reduce((n, b) => n + b.count, 0)).toBe(all.filter((e) => e.type === 'SANCTION').length);

    const filtered = await getJson<{ total: number }>('/timeline?actor=UKR');
    expect(filtered.body.total).toBe((await allEvents('&actor=UKR')).length);

    const net = await getJson<{
      nodes: { id: string; events: number }[];
      edges: { source: string; target: string; events: number; meanGoldstein: number }[];
    }>('/network');
    expect(net.status).toBe(200);
    const dyadic = all.filter((e) => e.targetActorId && e.targetActorId !== e.sourceActorId);
    expect(net.body.edges.reduce((n, e) => n + e.events, 0)).toBe(dyadic.length);
    const ids = new Set(net.body.nodes.map((n) => n.id));
    expect(net.body.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    const sanction = dyadic.find((e) => e.type === 'SANCTION');
    const edge = net.body.edges.find(
      (e) => [e.source, e.target].sort().join() === [sanction?.sourceActorId, sanction?.targetActorId].sort().join(),
    );
    expect(edge?.meanGoldstein).toBeLessThan(0);
    const small = await getJson<{ nodes: unknown[]; truncated: boolean }>('/network?nodes=2');
    expect(small.body.nodes).toHaveLength(2);
    expect(small.body.truncated).toBe(true);
  });

  it('lists articles behind the events, and serves an article, its reader view and its story', async () => {
    const list = await getJson<{ articles: { id: string; title?: string; storyId: string; events: number }[] }>(
      '/articles',
    );
    expect(list.status).toBe(200);
    expect(list.body.articles.map((a) => a.title).sort()).toEqual(ARTICLES.map((a) => a.title).sort());
    const kyiv = list.body.articles.find((a) => a.title?.includes('Kyiv'));
    expect(kyiv).toBeDefined();
    const onlyKyiv = await getJson<{ articles: { id: string }[] }>('/articles?text=missiles');
    expect(onlyKyiv.body.articles.map((a) => a.id)).toEqual([kyiv?.id]);

    const article = await getJson<{ id: string; outlet: string; date: string; eventIds: string[] }>(
      `/articles/${kyiv?.id}`,
    );
    expect(article.status).toBe(200);
    expect(article.body).toMatchObject({ id: kyiv?.id, outlet: 'Dnipro Daily', date: '2025-03-07' });
    expect(article.body.eventIds.length).toBe(kyiv?.events);

    const reader = await getJson<{
      text: string | null;
      events: { id: string; trigger: { start: number; end: number; text: string }; evidence: { text: string } }[];
      mentions: { name: string; span: { start: number; end: number; text: string } }[];
    }>(`/articles/${kyiv?.id}/reader`);
    expect(reader.status).toBe(200);
    expect(reader.body.events.length).toBeGreaterThan(0);
    for (const e of reader.body.events) expect(e.evidence.text).toContain(e.trigger.text);
    if (reader.body.text !== null) {
      const text = reader.body.text;
      for (const e of reader.body.events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(reader.body.mentions.map((m) => m.name)).toEqual(expect.arrayContaining(['Russia']));
      for (const m of reader.body.mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.span.text);
    } else {
      expect(reader.body.mentions).toEqual([]);
    }

    const story = await getJson<{ id: string; articleIds: string[] }>(`/stories/${kyiv?.storyId}`);
    expect(story.status).toBe(200);
    expect(story.body.articleIds).toContain(kyiv?.id);
    expect((await getJson('/articles/0000000000000000')).status).toBe(404);
    expect((await getJson('/stories/st_none')).status).toBe(404);
  });

  it('lists actors and opens one by code, name or id with partners and recent events', async () => {
    const actors = await getJson<{ id: string; name: string; counts: { events: number } }[]>('/actors?limit=5');
    expect(actors.status).toBe(200);
    expect(actors.body.length).toBe(5);
    const named = await getJson<{ name: string }[]>('/actors?name=ukrain');
    expect(named.body.map((a) => a.name)).toContain('Ukraine');
    const states = await getJson<{ kind: string }[]>('/actors?kind=state');
    expect(states.body.every((a) => a.kind === 'state')).toBe(true);

    const byName = await getJson<{ id: string; partners: { actorId: string }[]; recentEvents: StoredEvent[] }>(
      '/actors/Ukraine',
    );
    expect(byName.status).toBe(200);
    expect(byName.body.partners.map((p) => p.actorId)).toContain('RUS');
    expect(byName.body.recentEvents.length).toBeGreaterThan(0);
    const byId = await getJson<{ id: string }>(`/actors/${encodeURIComponent(byName.body.id)}`);
    expect(byId.body.id).toBe(byName.body.id);
    expect((await getJson('/actors/Atlantis')).status).toBe(404);
  });

  it('serves the ledger: each pledge with its sentence, totals by donor and by recipient', async () => {
    const pledges =
      await getJson<{ donor: { code: string }; value?: number; currency?: string; evidence: { text: string } }[]>(
        '/ledger/commitments',
      );
    expect(pledges.status).toBe(200);
    const german = pledges.body.find((c) => c.donor.code === 'DEU');
    expect(german).toMatchObject({ value: 500_000_000, currency: 'EUR' });
    expect(german?.evidence.text).toContain('500 million euros');

    const byDonor = await getJson<{ by: string; totals: { code: string; currency: string; total: number }[] }>(
      '/ledger/totals',
    );
    expect(byDonor.body.by).toBe('donor');
    expect(byDonor.body.totals).toContainEqual(
      expect.objectContaining({ code: 'DEU', currency: 'EUR', total: 500_000_000 }),
    );
    const byRecipient = await getJson<{ totals: { code: string; total: number }[] }>('/ledger/totals?by=recipient');
    expect(byRecipient.body.totals).toContainEqual(expect.objectContaining({ code: 'UKR', total: 500_000_000 }));
    const later = await getJson<{ totals: unknown[] }>('/ledger/totals?since=2025-03-01');
    expect(later.body.totals).toEqual([]);
    const forGermany = await getJson<unknown[]>('/ledger/commitments?actor=Germany');
    expect(forGermany.body.length).toBe(pledges.body.filter((c) => c.donor.code === 'DEU').length);
  });

  it('answers issues and stances from what the store holds', async () => {
    const stats = await getJson<{ stances: number }>('/stats');
    const stances = await getJson<unknown[]>('/stances?limit=1000');
    expect(stances.status).toBe(200);
    expect(stances.body.length).toBe(Math.min(stats.body.stances, 1000));
    const issues = await getJson<{ issues: { id: string; stances: number; events: number }[] }>('/issues');
    expect(issues.status).toBe(200);
    const eventIssues = (await allEvents()).flatMap((e) => e.issues);
    expect(issues.body.issues.reduce((n, i) => n + i.events, 0)).toBe(eventIssues.length);
    expect((await getJson('/stances?issue=ceasefire&actor=Israel')).status).toBe(200);
  });

  it('reports stats and searches actors and evidence', async () => {
    const stats = await getJson<{ engine: string; articles: number; events: number; byType: { key: string }[] }>(
      '/stats',
    );
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ engine: 'sqlite', articles: ARTICLES.length });
    expect(stats.body.events).toBe((await allEvents()).length);
    expect(stats.body.byType.map((t) => t.key)).toContain('ASSAULT');

    const search = await getJson<{ actors: { name: string }[]; events: StoredEvent[] }>('/search?q=Iran');
    expect(search.status).toBe(200);
    expect(search.body.actors.map((a) => a.name)).toContain('Iran');
    expect(search.body.events.length).toBeGreaterThan(0);
  });

  it('serves the dashboard and its assets on the same port', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Parley dashboard');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('parley');
    expect((await fetch(`${server.url}/assets/../../etc/passwd`)).status).toBe(404);
  });
});

describe('bad reads get a 400 with a clear message', () => {
  const cases: [string, RegExp][] = [
    ['/events?colour=red', /Unrecognized key.*colour/],
    ['/events?limit=0', /limit must be at least 1/],
    ['/events?limit=5000', /limit must be at most 1000/],
    ['/events?limit=ten', /limit/],
    ['/events?type=INVADE', /type/],
    ['/events?since=2025-13-45', /since is not a calendar date/],
    ['/events?since=yesterday', /since must be an ISO date/],
    ['/events?since=2025-03-10&until=2025-03-01', /since is after until/],
    ['/events?cursor=not-a-cursor', /invalid cursor/],
    ['/events?cursor=a%3Bb', /cursor must be the nextCursor/],
    [`/events?actor=${encodeURIComponent("x' OR '1'='1")}`, /actor may hold only/],
    [`/events?actor=${encodeURIComponent('Russia; DROP TABLE events')}`, /actor may hold only/],
    [`/events?text=${encodeURIComponent('ceasefire -- comment')}`, /text may hold only/],
    [`/events?place=${encodeURIComponent('Kyiv/*')}`, /place may hold only/],
    [`/events?issue=${encodeURIComponent('cease%')}`, /issue may hold only/],
    ['/events?dyad=USA', /dyad wants two actors/],
    ['/actors?kind=planet', /kind/],
    ['/ledger/totals?by=everyone', /by/],
    ['/search', /q/],
    [`/search?q=${encodeURIComponent('"Iran"')}`, /q may hold only/],
    ['/stats?verbose=1', /Unrecognized key/],
    ['/issues?x=1', /Unrecognized key/],
    ['/events/ev_1?expand=1', /Unrecognized key/],
  ];
  it.each(cases)('%s', async (path, message) => {
    const before = await snapshot();
    const { status, body } = await getJson<{ error: string }>(path);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 in JSON for an unknown path', async () => {
    const { status, body } = await getJson<{ error: string }>('/nowhere');
    expect(status).toBe(404);
    expect(body.error).toMatch(/no such resource/);
  });
});

describe('POST /articles', () => {
  const article = {
    title: 'NATO and Finland agree to station a brigade near the Russian border',
    date: '2025-05-20',
    outlet: 'Nordic Desk',
    url: 'https://nordic-desk.example/2025/05/20/brigade',
    text:
      'Finland and NATO agreed on Tuesday to station a multinational brigade in Lapland, Finnish Defence Minister Antti Hakkanen said in Helsinki.\n\n' +
      'Russia warned Finland that it would take countermeasures, and Moscow accused NATO of provoking a confrontation.',
  };

  const rejected: [string, () => Promise<{ status: number; body: Record<string, unknown> }>, number, RegExp][] = [
    ['no token', () => post(JSON.stringify(article), jsonType), 401, /missing bearer token/],
    [
      'a wrong token',
      () => post(JSON.stringify(article), { ...jsonType, authorization: 'Bearer guess' }),
      401,
      /wrong bearer token/,
    ],
    [
      'a token in the wrong scheme',
      () => post(JSON.stringify(article), { ...jsonType, authorization: `Basic ${TOKEN}` }),
      401,
      /missing bearer token/,
    ],
    ['malformed JSON', () => post('{"text": "Russia warned', { ...jsonType, ...auth }), 400, /malformed JSON/],
    ['an empty text', () => post(JSON.stringify({ text: '' }), { ...jsonType, ...auth }), 400, /text is empty/],
    [
      'an unknown field',
      () => post(JSON.stringify({ ...article, priority: 'high' }), { ...jsonType, ...auth }),
      400,
      /Unrecognized key.*priority/,
    ],
    [
      'a date that is not ISO',
      () => post(JSON.stringify({ ...article, date: '20 May 2025' }), { ...jsonType, ...auth }),
      400,
      /date must be an ISO date/,
    ],
    [
      'a url that is not http',
      () => post(JSON.stringify({ ...article, url: 'javascript:alert(1)' }), { ...jsonType, ...auth }),
      400,
      /url/,
    ],
    [
      'a body over 5 MB',
      () => post(JSON.stringify({ text: 'Russia warned Finland. '.repeat(240_000) }), { ...jsonType, ...auth }),
      413,
      /larger than 5242880 bytes/,
    ],
    [
      'an unsupported content type',
      () => post('text=Russia+warned+Finland', { 'content-type': 'application/x-www-form-urlencoded', ...auth }),
      415,
      /application\/json, text\/html or text\/plain/,
    ],
    [
      'text in another language',
      () =>
        post(
          JSON.stringify({
            text: 'La Russie a averti la Finlande mardi qu’elle prendrait des contre-mesures si une brigade de l’OTAN était stationnée en Laponie, a déclaré le ministère des affaires étrangères à Moscou.',
          }),
          { ...jsonType, ...auth },
        ),
      422,
      /language|fra/,
    ],
    [
      'an HTML page with no text',
      () => post('<html><body></body></html>', { 'content-type': 'text/html', ...auth }),
      422,
      /no article text/,
    ],
  ];

  it.each(rejected)('refuses %s and changes nothing', async (_name, send, status, message) => {
    const before = await snapshot();
    const res = await send();
    expect(res.status).toBe(status);
    expect(String(res.body.error)).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('refuses every write when the server has no token', async () => {
    const open = await startServer({ fill: false, extractor });
    try {
      const res = await post(JSON.stringify(article), { ...jsonType, authorization: 'Bearer anything' }, open.url);
      expect(res.status).toBe(403);
      expect(String(res.body.error)).toMatch(/writes are disabled/);
      expect((await open.store.stats()).articles).toBe(0);
    } finally {
      await open.close();
    }
  });

  it('stores a JSON article, and a second post of it changes nothing', async () => {
    const res = await post(JSON.stringify(article), { ...jsonType, ...auth });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      duplicate: false,
      article: { title: article.title, date: '2025-05-20', outlet: 'Nordic Desk', url: article.url },
    });
    const id = (res.body.article as { id: string }).id;
    const stored = await getJson<{ eventIds: string[] }>(`/articles/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.eventIds.length).toBeGreaterThan(0);
    const fin = await allEvents('&actor=FIN');
    expect(fin.some((e) => e.mentions.some((m) => m.articleId === id))).toBe(true);

    const before = await snapshot();
    const again = await post(JSON.stringify(article), { ...jsonType, ...auth });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(await snapshot()).toBe(before);
  });

  it('reads an HTML page: body, title, outlet, date and canonical URL', async () => {
    const res = await post(HTML_PAGE, { 'content-type': 'text/html; charset=utf-8', ...auth });
    expect(res.status).toBe(201);
    expect(res.body.article).toMatchObject({
      title: "Saudi Arabia and the United States call Sudan's warring parties to talks in Jeddah",
      outlet: 'Nile Observer',
      date: '2025-04-02',
      url: 'https://nile-observer.example/2025/04/02/jeddah-talks',
    });
    const id = (res.body.article as { id: string }).id;
    const sudan = await allEvents('&actor=SDN');
    expect(sudan.some((e) => e.mentions.some((m) => m.articleId === id))).toBe(true);
    const pledges = await getJson<{ articleId: string; evidence: { text: string } }[]>('/ledger/commitments?actor=GBR');
    const fromPage = pledges.body.filter((c) => c.articleId === id);
    for (const c of fromPage) expect(c.evidence.text).toContain('120 million pounds');
  });
});
