/**
 * What the dashboard reads from `parley serve`. The shapes are the JSON the
 * API documents at /openapi.json; the data model and the store's wrappers are
 * imported as types only, so the browser build pulls in no server code.
 */
import type { EventMention, StoredActor, StoredCommitment, StoredEvent, StoredStance } from '../store/store.js';
import type { ActorKind, ActorRef, Amount, EventType, Span } from '../types.js';

export type { ActorRef, EventMention, EventType, Span, StoredActor, StoredCommitment, StoredEvent, StoredStance };

export interface ActorPage extends StoredActor {
  recentEvents: StoredEvent[];
}

export interface Timeline {
  buckets: { date: string; type: EventType; count: number; goldstein: number }[];
  undated: number;
  total: number;
  truncated: boolean;
}

export interface Network {
  nodes: { id: string; name: string; code: string; kind: ActorKind; events: number }[];
  edges: { source: string; target: string; events: number; meanGoldstein: number }[];
  truncated: boolean;
}

export interface ArticleSummary {
  id: string;
  storyId: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  events: number;
}

export interface StoredArticle {
  id: string;
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
  author?: string;
  storyId: string;
  eventIds: string[];
}

export interface ReaderEvent {
  id: string;
  localEventId: string;
  type: EventType;
  goldstein: number;
  quadClass: number;
  negated: boolean;
  hypothetical: boolean;
  source: ActorRef;
  target: ActorRef | null;
  trigger: Span;
  evidence: Span;
}

export interface Reader {
  article: StoredArticle;
  text: string | null;
  events: ReaderEvent[];
  mentions: { actorId: string; name: string; span: Span }[];
  amounts: Amount[];
}

export interface Totals {
  by: 'donor' | 'recipient';
  totals: {
    actorId: string | null;
    name: string;
    code: string;
    currency: string | null;
    total: number;
    pledges: number;
  }[];
  truncated: boolean;
}

export interface Stats {
  engine: string;
  articles: number;
  events: number;
  actors: number;
  stances: number;
  commitments: number;
}

export class ApiError extends Error {}

type Params = Record<string, string | number | undefined>;

/** GET from the API; the API's `{error}` becomes the thrown message so a view can show it. */
export async function get<T>(path: string, params: Params = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = qs.size > 0 ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String(body.error) : res.statusText;
    throw new ApiError(`${res.status}: ${message}`);
  }
  return body as T;
}
