/**
 * The HTTP API and the dashboard on one hono app. `createApp` needs no
 * socket, so tests can call `app.request()`; `serve()` puts it on a port.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Extractor } from '../extract/index.js';
import type { EventQuery, Store, StoredArticle, StoredEvent } from '../store/store.js';
import { articlesOf, inRange, issues, network, timeline, totals, walkEvents } from './aggregate.js';
import { readPosted } from './ingest.js';
import * as S from './schemas.js';

export interface ApiOptions {
  store: Store;
  /** Bearer token that POST requests must carry; when unset every write is refused. */
  token?: string | undefined;
  /** Makes the extractor on first use: loading the model costs seconds that read-only servers never need to pay. */
  extractor: () => Extractor;
  /** Folder of the built dashboard; null serves the API alone. Defaults to `dist-web/` at the package root. */
  webRoot?: string | null;
  /** Largest request body in bytes (default 5 MB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY = 5 * 1024 * 1024;
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist-web/', import.meta.url));

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  400: json(S.ErrorBody, 'Invalid parameters'),
  404: json(S.ErrorBody, 'Not found'),
};

function getRoute<P extends string, Q extends z.ZodObject, R extends z.ZodType>(
  path: P,
  tag: string,
  summary: string,
  query: Q,
  response: R,
) {
  return createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary,
    request: { query },
    responses: { 200: json(response, summary), ...errors },
  });
}

function getByIdRoute<P extends string, R extends z.ZodType>(path: P, tag: string, summary: string, response: R) {
  return createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary,
    request: { params: S.IdParam(summary), query: S.NoQuery },
    responses: { 200: json(response, summary), ...errors },
  });
}

const routes = {
  events: getRoute('/events', 'events', 'Events, newest first, filtered and paged', S.EventsQuery, S.EventPage),
  event: getByIdRoute('/events/{id}', 'events', 'One event with every mention and merge reason', S.StoredEvent),
  timeline: getRoute('/timeline', 'events', 'Matching events counted per day and type', S.AggregateQuery, S.Timeline),
  network: getRoute(
    '/network',
    'events',
    'Actors and the dyads between them over matching events',
    S.NetworkQuery,
    S.Network,
  ),
  actors: getRoute('/actors', 'actors', 'Actors, most reported first', S.ActorsQuery, S.StoredActor.array()),
  actor: getByIdRoute(
    '/actors/{id}',
    'actors',
    'An actor by id, code, name or alias, with partners and recent events',
    S.ActorPage,
  ),
  articles: getRoute(
    '/articles',
    'articles',
    'Articles that report at least one matching event',
    S.AggregateQuery,
    S.ArticleList,
  ),
  article: getByIdRoute('/articles/{id}', 'articles', 'One stored article', S.StoredArticle),
  reader: getByIdRoute(
    '/articles/{id}/reader',
    'articles',
    'An article with its events, actor mentions and amounts located in the text',
    S.Reader,
  ),
  story: getByIdRoute('/stories/{id}', 'articles', 'A story: near-duplicate articles of one report', S.Story),
  issues: getRoute('/issues', 'stances', 'Negotiation issues seen in stances and events', S.NoQuery, S.Issues),
  stances: getRoute('/stances', 'stances', 'Stances of actors on issues', S.RecordsQuery, S.StoredStance.array()),
  commitments: getRoute(
    '/ledger/commitments',
    'ledger',
    'Aid pledges and other commitments',
    S.RecordsQuery,
    S.StoredCommitment.array(),
  ),
  totals: getRoute(
    '/ledger/totals',
    'ledger',
    'Commitment totals by donor or recipient and currency',
    S.TotalsQuery,
    S.Totals,
  ),
  stats: getRoute('/stats', 'stats', 'Counts, events by type and day, top dyads', S.StatsQuery, S.Stats),
  search: getRoute('/search', 'stats', 'Actors by name and events by evidence words', S.SearchQuery, S.SearchResult),
  postArticle: createRoute({
    method: 'post',
    path: '/articles',
    tags: ['articles'],
    summary: 'Extract and store one article',
    description:
      'Send JSON `{text, title?, date?, outlet?, url?}`, an HTML page (`text/html`) or plain text (`text/plain`). Requires `Authorization: Bearer $PARLEY_TOKEN`.',
    security: [{ bearer: [] }],
    request: {
      body: {
        required: true,
        content: {
          // A reference, not the zod schema: a zod body would be validated as JSON even when an HTML page is sent.
          'application/json': { schema: { $ref: '#/components/schemas/ArticleInput' } },
          'text/html': { schema: { type: 'string' } },
          'text/plain': { schema: { type: 'string' } },
        },
      },
    },
    responses: {
      200: json(S.AddedArticle, 'Already stored: nothing changed'),
      201: json(S.AddedArticle, 'Stored'),
      400: json(S.ErrorBody, 'Malformed body'),
      401: json(S.ErrorBody, 'Missing or wrong bearer token'),
      403: json(S.ErrorBody, 'Writes are disabled (no PARLEY_TOKEN)'),
      413: json(S.ErrorBody, 'Body too large'),
      415: json(S.ErrorBody, 'Unsupported content type'),
      422: json(S.ErrorBody, 'No article could be read from the body'),
    },
  }),
};

export function createApp(options: ApiOptions) {
  const { store } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  let extractor: Extractor | undefined;
  const getExtractor = (): Extractor => {
    extractor ??= options.extractor();
    return extractor;
  };

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ error: describeIssues(result.target, result.error) }, 400);
    },
  });

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: err.message || 'bad request' }, err.status);
    // The store reports a forged or stale cursor as an Error; it is the caller's mistake, not ours.
    if (/^invalid cursor/.test(err.message)) return c.json({ error: err.message }, 400);
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: `no such resource: ${c.req.method} ${c.req.path}` }, 404));

  app.use('*', writeGuard(options.token));
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => c.json({ error: `request body is larger than ${maxBody} bytes` }, 413),
    }),
  );

  app.openapi(routes.events, async (c) => c.json(await store.events(eventQuery(c.req.valid('query'))), 200));
  app.openapi(routes.event, async (c) => {
    const event = await store.event(c.req.valid('param').id);
    return event ? c.json(event, 200) : c.json({ error: 'no such event' }, 404);
  });
  app.openapi(routes.timeline, async (c) =>
    c.json(timeline(await walkEvents(store, eventQuery(c.req.valid('query')))), 200),
  );
  app.openapi(routes.network, async (c) => {
    const q = c.req.valid('query');
    return c.json(network(await walkEvents(store, eventQuery(q)), q.nodes ?? 60), 200);
  });
  app.openapi(routes.articles, async (c) =>
    c.json(articlesOf(await walkEvents(store, eventQuery(c.req.valid('query')))), 200),
  );

  app.openapi(routes.actors, async (c) => c.json(await store.actors(c.req.valid('query')), 200));
  app.openapi(routes.actor, async (c) => {
    const actor = await store.actor(c.req.valid('param').id);
    if (!actor) return c.json({ error: 'no such actor' }, 404);
    const recent = await store.events({ actor: actor.id, limit: 20 });
    return c.json({ ...actor, recentEvents: recent.events }, 200);
  });

  app.openapi(routes.article, async (c) => {
    const article = await store.article(c.req.valid('param').id);
    return article ? c.json(article, 200) : c.json({ error: 'no such article' }, 404);
  });
  app.openapi(routes.reader, async (c) => {
    const article = await store.article(c.req.valid('param').id);
    if (!article) return c.json({ error: 'no such article' }, 404);
    return c.json(await reader(store, article, getExtractor), 200);
  });
  app.openapi(routes.story, async (c) => {
    const story = await store.story(c.req.valid('param').id);
    return story ? c.json(story, 200) : c.json({ error: 'no such story' }, 404);
  });

  app.openapi(routes.issues, async (c) => {
    const stances = await store.stances({ limit: 1000 });
    return c.json(issues(stances, await walkEvents(store, {}), stances.length >= 1000), 200);
  });
  app.openapi(routes.stances, async (c) => {
    const { since, until, ...q } = c.req.valid('query');
    const rows = await store.stances(q);
    return c.json(
      rows.filter((s) => inRange(s.date, since, until)),
      200,
    );
  });
  app.openapi(routes.commitments, async (c) => {
    const { since, until, ...q } = c.req.valid('query');
    const rows = await store.commitments(q);
    return c.json(
      rows.filter((r) => inRange(r.date, since, until)),
      200,
    );
  });
  app.openapi(routes.totals, async (c) => {
    const { by = 'donor', actor, since, until } = c.req.valid('query');
    const rows = await store.commitments({ ...(actor ? { actor } : {}), limit: 1000 });
    return c.json(
      totals(
        rows.filter((r) => inRange(r.date, since, until)),
        by,
        rows.length >= 1000,
      ),
      200,
    );
  });

  app.openapi(routes.stats, async (c) =>
    c.json({ engine: store.engine, ...(await store.stats(c.req.valid('query'))) }, 200),
  );
  app.openapi(routes.search, async (c) => {
    const { q, limit = 20 } = c.req.valid('query');
    const [actors, events] = await Promise.all([store.actors({ name: q, limit }), store.events({ text: q, limit })]);
    return c.json({ actors, events: events.events }, 200);
  });

  app.openapi(routes.postArticle, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    let body: Parameters<typeof readPosted>[0];
    if (type === 'application/json') {
      const parsed = S.ArticleBody.safeParse(parseJson(await c.req.text()));
      if (!parsed.success) return c.json({ error: describeIssues('json', parsed.error) }, 400);
      body = parsed.data;
    } else if (type === 'text/html' || type === 'text/plain') body = await c.req.text();
    else return c.json({ error: 'send application/json, text/html or text/plain' }, 415);
    const read = await readPosted(body, maxBody);
    if (!read.ok) return c.json({ error: read.reason }, 422);
    const extraction = getExtractor().extract(read.article);
    const added = await store.addExtractions([extraction]);
    const { id, title, date, outlet, url } = read.article;
    const result = {
      article: { id, title, date, outlet, url },
      duplicate: added.articles === 0,
      added,
      extracted: {
        events: extraction.events.length,
        actors: extraction.actors.length,
        commitments: extraction.commitments.length,
        stances: extraction.stances.length,
      },
    };
    return c.json(result, added.articles === 0 ? 200 : 201);
  });

  app.openAPIRegistry.register('ArticleInput', S.ArticleBody);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Parley API',
      version: '0.1.0',
      description: 'Events, actors, stances and commitments read from news about diplomacy and armed conflict.',
    },
  });

  if (webRoot !== null) {
    const index = `${webRoot.replace(/\/$/, '')}/index.html`;
    app.get('/assets/*', serveStatic({ root: webRoot }));
    app.get('/', async (c, next) => {
      if (!existsSync(index)) {
        return c.text('The dashboard is not built: run `npm run build:web`. The API is up (see /openapi.json).', 503);
      }
      return serveStatic({ root: webRoot, path: 'index.html' })(c, next);
    });
  }

  return app;
}

export type App = ReturnType<typeof createApp>;

/** Every method but GET and HEAD writes, so every one needs the token; without a configured token none is allowed. */
function writeGuard(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!expected) return c.json({ error: 'writes are disabled: the server has no PARLEY_TOKEN' }, 403);
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return c.json({ error: 'missing bearer token: send Authorization: Bearer <token>' }, 401);
    // Digests have one length, so the comparison takes the same time whatever the guess.
    if (!timingSafeEqual(digest(match[1]), expected)) return c.json({ error: 'wrong bearer token' }, 401);
    return next();
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HTTPException(400, { message: `malformed JSON in request body: ${(e as Error).message}` });
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function describeIssues(target: string, error: z.ZodError): string {
  const where = target === 'json' ? 'body' : target;
  return error.issues
    .map((i) => {
      const path = i.path.join('.');
      return `${where}${path ? ` ${path}` : ''}: ${i.message}`;
    })
    .join('; ');
}

type Filters = z.infer<typeof S.AggregateQuery> & { limit?: number | undefined; cursor?: string | undefined };

function eventQuery(q: Filters): EventQuery {
  const out: EventQuery = {};
  for (const key of ['actor', 'source', 'target', 'type', 'since', 'until', 'place', 'issue', 'text'] as const) {
    const value = q[key];
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  if (q.dyad) {
    const [a = '', b = ''] = q.dyad.split(',').map((p) => p.trim());
    out.dyad = [a, b];
  }
  if (q.limit !== undefined) out.limit = q.limit;
  if (q.cursor !== undefined) out.cursor = q.cursor;
  return out;
}

/**
 * The reader's view of one article. The store keeps events with their
 * trigger and evidence spans; actor mentions and amounts exist only in an
 * extraction, so when the text is stored it is read again (the extractor is
 * deterministic) to place them.
 */
async function reader(store: Store, article: StoredArticle, getExtractor: () => Extractor) {
  const events = (await Promise.all(article.eventIds.map((id) => store.event(id)))).filter(
    (e): e is StoredEvent => e !== null,
  );
  const located = events.flatMap((e) =>
    e.mentions
      .filter((m) => m.articleId === article.id)
      .map((m) => ({
        id: e.id,
        localEventId: m.localEventId,
        type: e.type,
        goldstein: e.goldstein,
        quadClass: e.quadClass,
        negated: e.negated,
        hypothetical: e.hypothetical,
        source: m.source,
        target: m.target,
        trigger: m.trigger,
        evidence: m.evidence,
      })),
  );
  located.sort((a, b) => a.evidence.start - b.evidence.start || a.trigger.start - b.trigger.start);
  const text = storedText(article);
  if (text === null) return { article, text, events: located, mentions: [], amounts: [] };
  const extraction = getExtractor().extract({
    text,
    id: article.id,
    ...(article.date ? { date: article.date } : {}),
  });
  const names = new Map(extraction.actors.map((a) => [a.id, a.name]));
  return {
    article,
    text,
    events: located,
    mentions: extraction.mentions.map((m) => ({
      actorId: m.actorId,
      name: names.get(m.actorId) ?? m.span.text,
      span: m.span,
    })),
    amounts: extraction.amounts,
  };
}

/** The store returns the text once its engines keep it; older stores do not. */
function storedText(article: StoredArticle): string | null {
  const text: unknown = (article as { text?: unknown }).text;
  return typeof text === 'string' && text !== '' ? text : null;
}
