/**
 * Views the Store has no single query for (a timeline by type, a dyad
 * network, the articles behind a filter, ledger totals, issues). They walk
 * the store's own pages up to a cap and say when the cap cut them short,
 * rather than answering a partial picture as if it were whole.
 */
import type { EventQuery, Store, StoredCommitment, StoredEvent } from '../store/store.js';
import type { ActorKind, EventType } from '../types.js';

/** How many events an aggregate reads at most; a dashboard over more wants a narrower filter. */
export const AGGREGATE_CAP = 20_000;

export interface Walked {
  events: StoredEvent[];
  truncated: boolean;
}

export async function walkEvents(store: Store, query: EventQuery, cap = AGGREGATE_CAP): Promise<Walked> {
  const events: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.events({ ...query, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const e of page.events) {
      if (events.length >= cap) return { events, truncated: true };
      events.push(e);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { events, truncated: false };
}

export function timeline(walked: Walked) {
  const buckets = new Map<string, { date: string; type: EventType; count: number; sum: number }>();
  let undated = 0;
  for (const e of walked.events) {
    if (!e.date) {
      undated++;
      continue;
    }
    const key = `${e.date}|${e.type}`;
    const b = buckets.get(key) ?? { date: e.date, type: e.type, count: 0, sum: 0 };
    b.count++;
    b.sum += e.goldstein;
    buckets.set(key, b);
  }
  return {
    buckets: [...buckets.values()]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type < b.type ? -1 : 1))
      .map((b) => ({ date: b.date, type: b.type, count: b.count, goldstein: round(b.sum / b.count) })),
    undated,
    total: walked.events.length,
    truncated: walked.truncated,
  };
}

/** Actors as nodes, undirected dyads as edges; only the `maxNodes` busiest actors and the edges between them. */
export function network(walked: Walked, maxNodes: number) {
  const nodes = new Map<string, { id: string; name: string; code: string; kind: ActorKind; events: number }>();
  const edges = new Map<string, { source: string; target: string; events: number; sum: number }>();
  for (const e of walked.events) {
    if (!e.target || e.targetActorId === null || e.targetActorId === e.sourceActorId) continue;
    for (const [id, ref] of [
      [e.sourceActorId, e.source],
      [e.targetActorId, e.target],
    ] as const) {
      const n = nodes.get(id) ?? { id, name: ref.name, code: ref.code, kind: ref.kind, events: 0 };
      n.events++;
      nodes.set(id, n);
    }
    const [a, b] = [e.sourceActorId, e.targetActorId].sort() as [string, string];
    const key = `${a}\u0000${b}`;
    const edge = edges.get(key) ?? { source: a, target: b, events: 0, sum: 0 };
    edge.events++;
    edge.sum += e.goldstein;
    edges.set(key, edge);
  }
  const kept = [...nodes.values()].sort((x, y) => y.events - x.events || (x.id < y.id ? -1 : 1)).slice(0, maxNodes);
  const keep = new Set(kept.map((n) => n.id));
  return {
    nodes: kept,
    edges: [...edges.values()]
      .filter((e) => keep.has(e.source) && keep.has(e.target))
      .map((e) => ({ source: e.source, target: e.target, events: e.events, meanGoldstein: round(e.sum / e.events) })),
    truncated: walked.truncated || nodes.size > maxNodes,
  };
}

/** Articles that report at least one of the walked events, newest first. */
export function articlesOf(walked: Walked) {
  const articles = new Map<
    string,
    { id: string; storyId: string; title?: string; outlet?: string; date?: string; url?: string; events: number }
  >();
  for (const e of walked.events) {
    const seen = new Set<string>();
    for (const m of e.mentions) {
      if (seen.has(m.articleId)) continue;
      seen.add(m.articleId);
      const a = articles.get(m.articleId) ?? {
        id: m.articleId,
        storyId: m.storyId,
        ...(m.title ? { title: m.title } : {}),
        ...(m.outlet ? { outlet: m.outlet } : {}),
        ...(m.articleDate ? { date: m.articleDate } : {}),
        ...(m.url ? { url: m.url } : {}),
        events: 0,
      };
      a.events++;
      articles.set(m.articleId, a);
    }
  }
  return {
    articles: [...articles.values()].sort(
      (x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.id.localeCompare(y.id),
    ),
    truncated: walked.truncated,
  };
}

export function inRange(date: string | undefined, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!date) return false;
  return (!since || date >= since) && (!until || date <= until);
}

/**
 * Sums per actor and per currency: adding euros to dollars would invent a
 * figure no source gave. Pledges without a value count but add nothing.
 */
export function totals(commitments: readonly StoredCommitment[], by: 'donor' | 'recipient', truncated: boolean) {
  const rows = new Map<
    string,
    { actorId: string | null; name: string; code: string; currency: string | null; total: number; pledges: number }
  >();
  for (const c of commitments) {
    const who = by === 'donor' ? c.donor : c.recipient;
    const currency = c.currency ?? null;
    const key = `${who?.actorId ?? ''}\u0000${currency ?? ''}`;
    const row = rows.get(key) ?? {
      actorId: who?.actorId ?? null,
      name: who?.name ?? '(no recipient named)',
      code: who?.code ?? '',
      currency,
      total: 0,
      pledges: 0,
    };
    row.total += c.value ?? 0;
    row.pledges++;
    rows.set(key, row);
  }
  return {
    by,
    totals: [...rows.values()].sort(
      (a, b) => b.total - a.total || b.pledges - a.pledges || a.name.localeCompare(b.name),
    ),
    truncated,
  };
}

export function issues(stances: readonly { issue: string }[], walked: Walked, stancesTruncated: boolean) {
  const counts = new Map<string, { id: string; stances: number; events: number }>();
  const row = (id: string) => {
    const r = counts.get(id) ?? { id, stances: 0, events: 0 };
    counts.set(id, r);
    return r;
  };
  for (const s of stances) row(s.issue).stances++;
  for (const e of walked.events) for (const issue of e.issues) row(issue).events++;
  return {
    issues: [...counts.values()].sort(
      (a, b) => b.stances + b.events - (a.stances + a.events) || a.id.localeCompare(b.id),
    ),
    truncated: walked.truncated || stancesTruncated,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
