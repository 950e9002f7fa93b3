/**
 * Request and response schemas. They validate what comes in and document
 * what goes out (`/openapi.json`); they mirror `src/types.ts` and
 * `src/store/store.ts`, which stay the source of truth.
 */
import { z } from '@hono/zod-openapi';
import { ACTOR_KINDS, EVENT_TYPES, SECTORS } from '../vocabulary.js';

export { EVENT_TYPES };

/**
 * Filter values are names, codes, ids and words. The store binds them as
 * parameters, so this is not what keeps SQL out; it refuses input that can
 * only be a probe or a mistake (quotes, statement separators, comments,
 * wildcards, control characters) with a clear 400 instead of an empty page.
 * The apostrophe stays allowed: "Côte d'Ivoire", "O'Brien".
 */
const SAFE_VALUE = /^[\p{L}\p{M}\p{N} .,:~'’&()/-]+$/u;
const SQL_COMMENT = /--|\/\*|\*\//;

export const filterValue = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .max(200, `${what} is longer than 200 characters`)
    .refine((v) => SAFE_VALUE.test(v) && !SQL_COMMENT.test(v), {
      message: `${what} may hold only letters, digits, spaces and . , : ~ ' & ( ) / - (no quotes, semicolons, comments or wildcards)`,
    });

const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be an ISO date YYYY-MM-DD`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message: `${what} is not a calendar date`,
      },
    );

const limit = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(max, `limit must be at most ${max}`)
    .optional()
    .openapi({ type: 'integer', minimum: 1, maximum: max, default: fallback });

/** The filters every view shares; `actor`, `type`, `issue`, `text` and the date range live in the dashboard's URL too. */
export const EventFilters = {
  actor: filterValue('actor')
    .optional()
    .openapi({ description: 'Actor on either side: code (RUS), store id, name or alias' }),
  source: filterValue('source').optional().openapi({ description: 'Actor on the source side' }),
  target: filterValue('target').optional().openapi({ description: 'Actor on the target side' }),
  dyad: filterValue('dyad')
    .refine((v) => v.split(',').length === 2 && v.split(',').every((p) => p.trim() !== ''), {
      message: 'dyad wants two actors separated by a comma: RUS,USA',
    })
    .optional()
    .openapi({ description: 'Two actors facing each other, either direction, comma-separated: `RUS,USA`' }),
  type: z.enum(EVENT_TYPES).optional(),
  since: isoDate('since').optional().openapi({ description: 'Inclusive ISO date' }),
  until: isoDate('until').optional().openapi({ description: 'Inclusive ISO date' }),
  place: filterValue('place').optional().openapi({ description: 'Place name or ISO alpha-3 of its country' }),
  issue: filterValue('issue').optional().openapi({ description: 'Negotiation issue id (ceasefire)' }),
  text: filterValue('text').optional().openapi({ description: 'Words in an evidence sentence (ANDed)' }),
};

export const EventsQuery = z
  .strictObject({
    ...EventFilters,
    limit: limit(1000, 50),
    cursor: z
      .string()
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page')
      .optional(),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: 'since is after until' });

/** Aggregates (timeline, network, article list) walk every matching event up to a cap. */
export const AggregateQuery = z
  .strictObject({ ...EventFilters })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: 'since is after until' });

export const NetworkQuery = z
  .strictObject({ ...EventFilters, nodes: limit(500, 60) })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: 'since is after until' });

export const ActorsQuery = z.strictObject({
  name: filterValue('name').optional(),
  code: filterValue('code').optional(),
  kind: z.enum(ACTOR_KINDS).optional(),
  limit: limit(1000, 100),
});

export const RecordsQuery = z
  .strictObject({
    actor: filterValue('actor').optional(),
    issue: filterValue('issue').optional(),
    articleId: filterValue('articleId').optional(),
    since: isoDate('since').optional(),
    until: isoDate('until').optional(),
    limit: limit(1000, 100),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: 'since is after until' });

export const TotalsQuery = z
  .strictObject({
    by: z.enum(['donor', 'recipient']).optional().openapi({ default: 'donor' }),
    actor: filterValue('actor').optional(),
    since: isoDate('since').optional(),
    until: isoDate('until').optional(),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { message: 'since is after until' });

export const StatsQuery = z.strictObject({ limit: limit(1000, 10) });
export const SearchQuery = z.strictObject({ q: filterValue('q'), limit: limit(100, 20) });
export const NoQuery = z.strictObject({});

export const IdParam = (name: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(300)
      .openapi({ param: { name: 'id', in: 'path' }, description: name }),
  });

export const ArticleBody = z
  .strictObject({
    text: z.string().min(1, 'text is empty'),
    title: z.string().max(1000).optional(),
    date: isoDate('date').optional(),
    outlet: z.string().max(200).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .openapi('ArticleInput');

// --- responses -------------------------------------------------------------

export const ErrorBody = z.object({ error: z.string() }).openapi('Error');

const Span = z.object({ start: z.number(), end: z.number(), text: z.string() }).openapi('Span');

const ActorRef = z
  .object({
    actorId: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ACTOR_KINDS),
    sector: z.enum(SECTORS).optional(),
    mention: Span.optional(),
    implicit: z.boolean().optional(),
  })
  .openapi('ActorRef');

const Place = z.object({ span: Span, name: z.string(), country: z.string().optional(), rule: z.string() });

const EventMention = z.object({
  articleId: z.string(),
  storyId: z.string(),
  outlet: z.string().optional(),
  articleDate: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  localEventId: z.string(),
  date: z.string().optional(),
  evidence: Span,
  trigger: Span,
  source: ActorRef,
  target: ActorRef.nullable(),
  rule: z.string(),
});

export const StoredEvent = z
  .object({
    id: z.string(),
    type: z.enum(EVENT_TYPES),
    mode: z.string().optional(),
    cameo: z.string(),
    goldstein: z.number(),
    quadClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    source: ActorRef,
    target: ActorRef.nullable(),
    negated: z.boolean(),
    hypothetical: z.boolean(),
    date: z.string().optional(),
    place: Place.optional(),
    trigger: Span,
    evidence: Span,
    amounts: z.array(z.string()),
    issues: z.array(z.string()),
    rule: z.string(),
    sourceActorId: z.string(),
    targetActorId: z.string().nullable(),
    mentions: z.array(EventMention),
    mergeReasons: z.array(z.object({ articleId: z.string(), localEventId: z.string(), reason: z.string() })),
  })
  .openapi('StoredEvent');

export const EventPage = z
  .object({ events: z.array(StoredEvent), nextCursor: z.string().optional() })
  .openapi('EventPage');

export const StoredActor = z
  .object({
    id: z.string(),
    name: z.string(),
    code: z.string(),
    kind: z.enum(ACTOR_KINDS),
    sector: z.enum(SECTORS).optional(),
    aliases: z.array(z.string()),
    kbId: z.string().optional(),
    roles: z.array(z.string()),
    counts: z.object({ events: z.number(), asSource: z.number(), asTarget: z.number(), articles: z.number() }),
    partners: z.array(z.object({ actorId: z.string(), name: z.string(), code: z.string(), events: z.number() })),
  })
  .openapi('StoredActor');

export const ActorPage = StoredActor.extend({ recentEvents: z.array(StoredEvent) }).openapi('ActorPage');

export const StoredArticle = z
  .object({
    id: z.string(),
    text: z.string().optional(),
    title: z.string().optional(),
    date: z.string().optional(),
    outlet: z.string().optional(),
    url: z.string().optional(),
    author: z.string().optional(),
    language: z.string().optional(),
    origin: z.string().optional(),
    fingerprint: z.string(),
    storyId: z.string(),
    eventIds: z.array(z.string()),
    addedAt: z.string(),
  })
  .openapi('StoredArticle');

export const ArticleSummary = z
  .object({
    id: z.string(),
    storyId: z.string(),
    title: z.string().optional(),
    outlet: z.string().optional(),
    date: z.string().optional(),
    url: z.string().optional(),
    events: z.number().openapi({ description: 'Matching events this article reports' }),
  })
  .openapi('ArticleSummary');

export const ArticleList = z.object({ articles: z.array(ArticleSummary), truncated: z.boolean() });

const Amount = z.object({
  id: z.string(),
  span: Span,
  value: z.number(),
  currency: z.string().optional(),
  qualifier: z.string().optional(),
  rule: z.string(),
});

export const Reader = z
  .object({
    article: StoredArticle,
    text: z.string().nullable().openapi({ description: 'The article text when the store keeps it; null otherwise' }),
    events: z.array(
      z.object({
        id: z.string(),
        localEventId: z.string(),
        type: z.enum(EVENT_TYPES),
        goldstein: z.number(),
        quadClass: z.number(),
        negated: z.boolean(),
        hypothetical: z.boolean(),
        source: ActorRef,
        target: ActorRef.nullable(),
        trigger: Span,
        evidence: Span,
      }),
    ),
    mentions: z
      .array(z.object({ actorId: z.string(), name: z.string(), span: Span }))
      .openapi({ description: 'Every actor mention, when the text is known' }),
    amounts: z.array(Amount).openapi({ description: 'Every money figure, when the text is known' }),
  })
  .openapi('Reader');

export const AddedArticle = z
  .object({
    article: z.object({
      id: z.string(),
      title: z.string().optional(),
      date: z.string().optional(),
      outlet: z.string().optional(),
      url: z.string().optional(),
    }),
    duplicate: z.boolean(),
    added: z.object({
      articles: z.number(),
      duplicates: z.number(),
      stories: z.number(),
      nearDuplicates: z.number(),
      events: z.number(),
      merged: z.number(),
    }),
    extracted: z.object({ events: z.number(), actors: z.number(), commitments: z.number(), stances: z.number() }),
  })
  .openapi('AddedArticle');

export const Story = z
  .object({ id: z.string(), articleIds: z.array(z.string()), outlets: z.array(z.string()) })
  .openapi('Story');

const record = {
  id: z.string(),
  articleId: z.string(),
  date: z.string().optional(),
  evidence: Span,
  rule: z.string(),
};

export const StoredCommitment = z
  .object({
    ...record,
    donor: ActorRef,
    recipient: ActorRef.nullable(),
    amountId: z.string().optional(),
    value: z.number().optional(),
    currency: z.string().optional(),
    kind: z.enum(['military', 'financial', 'humanitarian', 'other']),
    status: z.enum(['announced', 'allocated', 'delivered']),
    purpose: z.string().optional(),
    eventId: z.string().optional(),
  })
  .openapi('StoredCommitment');

export const StoredStance = z
  .object({
    ...record,
    actor: ActorRef,
    issue: z.string(),
    position: z.enum(['supports', 'opposes', 'demands', 'conditions', 'proposes']),
    fromId: z.string().optional(),
  })
  .openapi('StoredStance');

export const Totals = z
  .object({
    by: z.enum(['donor', 'recipient']),
    totals: z.array(
      z.object({
        actorId: z.string().nullable().openapi({ description: 'Null for pledges with no named recipient' }),
        name: z.string(),
        code: z.string(),
        currency: z.string().nullable(),
        total: z.number(),
        pledges: z.number(),
      }),
    ),
    truncated: z.boolean(),
  })
  .openapi('LedgerTotals');

export const Issues = z
  .object({
    issues: z.array(z.object({ id: z.string(), stances: z.number(), events: z.number() })),
    truncated: z.boolean(),
  })
  .openapi('Issues');

const Count = <K extends z.ZodType>(key: K) => z.object({ key, count: z.number() });

export const Stats = z
  .object({
    engine: z.string(),
    articles: z.number(),
    stories: z.number(),
    events: z.number(),
    mentions: z.number(),
    actors: z.number(),
    statements: z.number(),
    commitments: z.number(),
    stances: z.number(),
    byType: z.array(Count(z.enum(EVENT_TYPES))),
    byDay: z.array(Count(z.string())),
    topDyads: z.array(Count(z.object({ source: z.string(), target: z.string() }))),
  })
  .openapi('Stats');

export const Timeline = z
  .object({
    buckets: z.array(
      z.object({ date: z.string(), type: z.enum(EVENT_TYPES), count: z.number(), goldstein: z.number() }),
    ),
    undated: z.number(),
    total: z.number(),
    truncated: z.boolean(),
  })
  .openapi('Timeline');

export const Network = z
  .object({
    nodes: z.array(
      z.object({ id: z.string(), name: z.string(), code: z.string(), kind: z.enum(ACTOR_KINDS), events: z.number() }),
    ),
    edges: z.array(z.object({ source: z.string(), target: z.string(), events: z.number(), meanGoldstein: z.number() })),
    truncated: z.boolean(),
  })
  .openapi('Network');

export const SearchResult = z
  .object({ actors: z.array(StoredActor), events: z.array(StoredEvent) })
  .openapi('SearchResult');
