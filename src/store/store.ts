/**
 * The Store: where extractions from many articles become one knowledge base.
 * Every method is async so the embedded SQLite engine and the PostgreSQL
 * engine share one interface; callers (CLI, HTTP API) never see which one
 * they hold. The store keeps the types of `src/types.ts`; the types here only
 * add what exists once many articles are combined: global ids, mentions,
 * stories, merge reasons and counts.
 */
import type {
  Actor,
  ActorKind,
  ActorRef,
  Article,
  Commitment,
  Event,
  EventType,
  Extraction,
  Span,
  Stance,
  Statement,
} from '../types.js';
import type { PreparedExtraction } from './core/prepare.js';

/** Filters for `events()`. All given filters must hold (AND). */
export interface EventQuery {
  /** Actor on either side: a root code (`RUS`), a store actor id, or a name or alias ("Putin"). */
  actor?: string;
  /** Actor on the source side, matched like `actor`. */
  source?: string;
  /** Actor on the target side, matched like `actor`. */
  target?: string;
  /** Two actors facing each other, in either direction. */
  dyad?: [string, string];
  type?: EventType;
  /** Inclusive ISO date `YYYY-MM-DD`. */
  since?: string;
  /** Inclusive ISO date `YYYY-MM-DD`. */
  until?: string;
  /** Place name ("Moscow", case-insensitive) or the ISO alpha-3 code of its country. */
  place?: string;
  /** Negotiation issue id (`ceasefire`). */
  issue?: string;
  /** Full-text search over the evidence sentences of the event's mentions; words are ANDed, operators are not interpreted. */
  text?: string;
  /** Page size, 1..1000 (default 50). */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/** One article's report of an event: where it was read and from what words. */
export interface EventMention {
  articleId: string;
  /** The story (group of near-duplicate articles) the article belongs to. */
  storyId: string;
  outlet?: string;
  /** Publication date of the article. */
  articleDate?: string;
  title?: string;
  url?: string;
  /** The event's id inside that article's extraction (`e2`). */
  localEventId: string;
  /** Event date as this article read it. */
  date?: string;
  /** The sentence or clause, offsets into that article's text. */
  evidence: Span;
  trigger: Span;
  source: ActorRef;
  target: ActorRef | null;
  rule: string;
}

/** Why a mention was merged into an existing event. */
export interface MergeReason {
  articleId: string;
  localEventId: string;
  /** Human-readable: "same dyad RUS-USA, type CONSULT, dates 2025-12-02/2025-12-03 within 3 days, same place Moscow". */
  reason: string;
}

/**
 * An event as the store keeps it: the fields of the first mention that
 * created it (its `evidence`, `trigger`, `amounts` refer to that article),
 * a global id, every mention, and the reason for every merge.
 */
export interface StoredEvent extends Omit<Event, 'id'> {
  /** Global id (`ev_` + 16 hex), stable across re-runs. */
  id: string;
  /** Store actor id of the source (see `StoredActor.id`). */
  sourceActorId: string;
  targetActorId: string | null;
  /** Ordered by article date, then article id. */
  mentions: EventMention[];
  mergeReasons: MergeReason[];
}

export interface EventPage {
  events: StoredEvent[];
  /** Present when more events match: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

export interface ActorQuery {
  /** Substring of a name or alias, case-insensitive. */
  name?: string;
  code?: string;
  kind?: ActorKind;
  /** Default 100, at most 1000. */
  limit?: number;
}

export interface ActorCounts {
  /** Distinct events with the actor as source or target. */
  events: number;
  asSource: number;
  asTarget: number;
  /** Distinct articles that mention the actor. */
  articles: number;
}

export interface ActorPartner {
  actorId: string;
  name: string;
  code: string;
  /** Events shared with this partner, either direction. */
  events: number;
}

/**
 * One real actor across all articles. Its id is the cross-article key:
 * `RUS`, `RUS.GOV`, `USA.GOV:person:marco-rubio` (code, sector and, for
 * people and uncoded groups, the name).
 */
export interface StoredActor extends Omit<Actor, 'role'> {
  /** Every role or office seen ("President", "Foreign Minister"). */
  roles: string[];
  counts: ActorCounts;
  /** Most frequent counterparts, most events first (only filled by `actor()`; `actors()` leaves it empty). */
  partners: ActorPartner[];
}

/**
 * An article as stored, with its full text (every span of its events points
 * into it). `text` is empty for articles stored before the store kept text
 * (schema version 1).
 */
export interface StoredArticle extends Article {
  /** sha256 of the normalised text: the idempotency key with the normalised URL. */
  fingerprint: string;
  storyId: string;
  /** Global ids of the events this article mentions. */
  eventIds: string[];
  /** When the store first saw it (ISO timestamp). */
  addedAt: string;
}

/** A group of near-duplicate articles (one wire story retold by several outlets). */
export interface Story {
  id: string;
  articleIds: string[];
  outlets: string[];
}

/** Records read from one article, with the article they came from. */
export type StoredStatement = Statement & { articleId: string };
export type StoredCommitment = Commitment & { articleId: string };
export type StoredStance = Stance & { articleId: string };

export interface RecordQuery {
  /** Actor matched like `EventQuery.actor` (speaker, donor or holder of the stance). */
  actor?: string;
  issue?: string;
  articleId?: string;
  limit?: number;
}

/** What one `addExtractions` call changed. */
export interface AddResult {
  /** Articles stored for the first time. */
  articles: number;
  /** Articles skipped because the same URL or the same normalised text was already stored. */
  duplicates: number;
  /** New stories; articles that joined an existing story as near-duplicates are counted in `nearDuplicates`. */
  stories: number;
  nearDuplicates: number;
  /** New events. */
  events: number;
  /** Mentions merged into an event that already existed. */
  merged: number;
}

export interface Count<K> {
  key: K;
  count: number;
}

export interface Stats {
  articles: number;
  stories: number;
  events: number;
  mentions: number;
  actors: number;
  statements: number;
  commitments: number;
  stances: number;
  byType: Count<EventType>[];
  /** Events per event date, oldest first (events without a date are left out). */
  byDay: Count<string>[];
  /** Most frequent directed dyads by root code, most events first. */
  topDyads: Count<{ source: string; target: string }>[];
}

export interface Store {
  /** Which engine this is ("sqlite", "postgres"). */
  readonly engine: string;
  /**
   * Adds extractions in one transaction. Idempotent: an article whose
   * normalised URL or normalised text is already stored adds nothing, so a
   * batch rerun after a crash completes without duplicates. Items may come
   * already prepared (`prepareExtraction`), as `parley ingest`'s threads do,
   * so the writer only runs SQL.
   */
  addExtractions(batch: readonly (Extraction | PreparedExtraction)[]): Promise<AddResult>;
  events(query?: EventQuery): Promise<EventPage>;
  event(id: string): Promise<StoredEvent | null>;
  actors(query?: ActorQuery): Promise<StoredActor[]>;
  /** The best match for an id, root code, name or alias, with partners; null when none. */
  actor(ref: string): Promise<StoredActor | null>;
  article(id: string): Promise<StoredArticle | null>;
  /**
   * Which of these article ids are stored: one indexed lookup per few hundred
   * ids, so an ingest can skip extracting what a previous run already stored.
   */
  storedArticles(ids: readonly string[]): Promise<Set<string>>;
  story(id: string): Promise<Story | null>;
  statements(query?: RecordQuery): Promise<StoredStatement[]>;
  commitments(query?: RecordQuery): Promise<StoredCommitment[]>;
  stances(query?: RecordQuery): Promise<StoredStance[]>;
  stats(query?: { limit?: number }): Promise<Stats>;
  close(): Promise<void>;
}

/**
 * Opens a store, creating and migrating it as needed. `postgres://` and
 * `postgresql://` URLs open PostgreSQL; `sqlite:PATH` or a plain path opens
 * SQLite (`:memory:` works for tests).
 */
export async function createStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { openPostgresStore } = await import('./postgres/engine.js');
    return openPostgresStore(url);
  }
  const path = url.replace(/^sqlite:(\/\/)?/i, '');
  const { openSqliteStore } = await import('./sqlite/engine.js');
  return openSqliteStore(path);
}

/** The database the CLI uses when no `--db` is given. */
export function defaultDbUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.PARLEY_DB ?? './parley.db';
}
