/**
 * The Store over any SqlBackend: both engines run this same code, so they
 * answer every query the same way and the conformance suite checks the
 * dialect-specific parts (schema, text search, locking) rather than two
 * copies of the logic.
 */
import type { EventType } from '../../types.js';
import type {
  ActorCounts,
  ActorPartner,
  ActorQuery,
  AddResult,
  EventMention,
  EventPage,
  EventQuery,
  MergeReason,
  RecordQuery,
  Stats,
  Store,
  StoredActor,
  StoredArticle,
  StoredCommitment,
  StoredEvent,
  StoredStance,
  StoredStatement,
  Story,
} from '../store.js';
import { aliasKey } from './actors.js';
import type { Total } from './counters.js';
import { addExtractions, mergeBands } from './ingest.js';
import { placeKey } from './merge.js';
import { readEvent, readReport } from './payload.js';
import type { PreparedArticle } from './prepare.js';
import { placeholders, type SqlBackend, type SqlFragment } from './sql.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;
const PARTNERS = 10;
const ID_CHUNK = 500;

export function clampLimit(limit: number | undefined, fallback = DEFAULT_LIMIT): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** A page boundary: the last event's date and its sequence number (events are ordered by both, newest first). */
export function encodeCursor(date: string, seq: number): string {
  return Buffer.from(JSON.stringify([date, seq])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      return [value[0], value[1] as number];
    }
  } catch {
    // Reported below with the same message as a well-formed but wrong cursor.
  }
  throw new Error(`invalid cursor: ${cursor}`);
}

/** Store actor ids a user's reference names: an exact id or any alias. */
function actorIds(ref: string): SqlFragment {
  return {
    sql: 'SELECT id FROM actors WHERE id = ? UNION SELECT actor_id FROM actor_aliases WHERE alias_norm = ?',
    params: [ref.trim(), aliasKey(ref) || null],
  };
}

/** Events with `ref` on one side: by root code on the event, or by actor on any of its mentions. */
function sideMatch(side: 'source' | 'target', ref: string): SqlFragment {
  const ids = actorIds(ref);
  return {
    sql: `(e.${side}_code = ? OR e.seq IN (SELECT event_seq FROM event_actors WHERE side = ? AND actor_id IN (${ids.sql})))`,
    params: [ref.trim().toUpperCase(), side === 'source' ? 's' : 't', ...ids.params],
  };
}

/**
 * Events with `x` on the source side and `y` on the target side, each matched
 * like `sideMatch` (root code of the event, or an actor of any mention), as one
 * set of ids from seeks on `events_dyad`. A mention's actor always has its
 * event's root code (merging keys on codes), so the codes `x` and `y` name
 * bound the candidates to one or a few code dyads, and each candidate is then
 * checked against the named actors by primary key. Starting from every event
 * of a busy actor instead would grow with the store.
 */
function directedDyad(x: string, y: string): SqlFragment {
  const side = (ref: string, column: 'source_code' | 'target_code', tag: 's' | 't'): SqlFragment => {
    const ids = actorIds(ref);
    const code = ref.trim().toUpperCase();
    return {
      sql: `d.${column} IN (SELECT ? UNION SELECT UPPER(code) FROM actors WHERE id IN (${ids.sql}))
        AND (d.${column} = ? OR EXISTS (SELECT 1 FROM event_actors x
          WHERE x.event_seq = d.seq AND x.side = '${tag}' AND x.actor_id IN (${ids.sql})))`,
      params: [code, ...ids.params, code, ...ids.params],
    };
  };
  const both = and(side(x, 'source_code', 's'), side(y, 'target_code', 't'));
  return { sql: `e.seq IN (SELECT d.seq FROM events d WHERE ${both.sql})`, params: both.params };
}

function and(...parts: SqlFragment[]): SqlFragment {
  return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
}

function or(...parts: SqlFragment[]): SqlFragment {
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}

interface EventRow {
  seq: number;
  id: string;
  data: string;
  source_actor: string;
  target_actor: string | null;
}

interface MentionRow {
  event_seq: number;
  article_id: string;
  local_event_id: string;
  date: string;
  sentence: string;
  data: string;
  merge_reason: string | null;
  story_id: string;
  outlet: string | null;
  article_date: string | null;
  title: string | null;
  url: string | null;
}

interface ActorRow {
  id: string;
  name: string;
  code: string;
  kind: StoredActor['kind'];
  sector: StoredActor['sector'] | null;
  kb_id: string | null;
  articles: number;
  events: number;
  as_source: number;
  as_target: number;
}

const ACTOR_COLUMNS = 'a.id, a.name, a.code, a.kind, a.sector, a.kb_id, a.articles, a.events, a.as_source, a.as_target';

/** An `articles` row as `article()` reads it: the columns written from the article, and the store's own. */
interface ArticleRow extends Omit<PreparedArticle, 'text' | 'warnings'> {
  seq: number;
  fingerprint: string;
  story_id: string;
  added_at: string;
  /** Null for articles stored under migration 1. */
  text: string | null;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export class SqlStore implements Store {
  constructor(private readonly backend: SqlBackend) {}

  get engine(): string {
    return this.backend.engine;
  }

  addExtractions(batch: Parameters<Store['addExtractions']>[0]): Promise<AddResult> {
    return addExtractions(this.backend, batch);
  }

  /** Moves the LSH bands waiting in story_bands_recent into story_bands now; ingest does it when enough wait. */
  mergeBands(): Promise<void> {
    return mergeBands(this.backend);
  }

  async events(query: EventQuery = {}): Promise<EventPage> {
    const limit = clampLimit(query.limit);
    const where = this.eventFilter(query);
    if (query.cursor) {
      const [date, seq] = decodeCursor(query.cursor);
      where.push({ sql: '(e.date < ? OR (e.date = ? AND e.seq < ?))', params: [date, date, seq] });
    }
    const cond = where.length > 0 ? `WHERE ${and(...where).sql}` : '';
    const rows = await this.backend.sql.all<EventRow & { date: string }>(
      `SELECT e.seq, e.id, e.date, e.data, e.source_actor, e.target_actor FROM events e ${cond}
       ORDER BY e.date DESC, e.seq DESC LIMIT ${limit + 1}`,
      where.flatMap((w) => w.params),
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const events = await this.hydrate(page);
    return rows.length > limit && last ? { events, nextCursor: encodeCursor(last.date, Number(last.seq)) } : { events };
  }

  private eventFilter(q: EventQuery): SqlFragment[] {
    const where: SqlFragment[] = [];
    const either = (ref: string) => or(sideMatch('source', ref), sideMatch('target', ref));
    if (q.actor) where.push(either(q.actor));
    if (q.source) where.push(sideMatch('source', q.source));
    if (q.target) where.push(sideMatch('target', q.target));
    if (q.dyad) {
      const [x, y] = q.dyad;
      where.push(or(directedDyad(x, y), directedDyad(y, x)));
    }
    if (q.type) where.push({ sql: 'e.type = ?', params: [q.type] });
    if (q.since) where.push({ sql: "e.date >= ? AND e.date <> ''", params: [q.since] });
    if (q.until) where.push({ sql: "e.date <= ? AND e.date <> ''", params: [q.until] });
    if (q.place) {
      // A place of punctuation only normalises to '', which must not select the events without a place.
      where.push({
        sql: '(e.place_norm = ? OR e.place_country = ?)',
        params: [placeKey(q.place) || null, q.place.toUpperCase()],
      });
    }
    if (q.issue)
      where.push({ sql: 'e.seq IN (SELECT event_seq FROM event_issues WHERE issue = ?)', params: [q.issue] });
    if (q.text) {
      // A search without words matches nothing rather than everything.
      where.push(this.backend.textMatch(q.text) ?? { sql: '1 = 0', params: [] });
    }
    return where;
  }

  async event(id: string): Promise<StoredEvent | null> {
    const rows = await this.backend.sql.all<EventRow>(
      'SELECT seq, id, data, source_actor, target_actor FROM events WHERE id = ?',
      [id],
    );
    const [event] = await this.hydrate(rows);
    return event ?? null;
  }

  private async hydrate(rows: readonly EventRow[]): Promise<StoredEvent[]> {
    if (rows.length === 0) return [];
    // PostgreSQL returns BIGINT columns as strings.
    const seqs = rows.map((r) => Number(r.seq));
    const inList = placeholders(seqs.length);
    const [mentionRows, issueRows] = await Promise.all([
      this.backend.sql.all<MentionRow>(
        `SELECT m.event_seq, a.id AS article_id, m.local_event_id, m.date, m.sentence, m.data, m.merge_reason,
           s.id AS story_id, a.outlet, a.date AS article_date, a.title, a.url
         FROM mentions m JOIN articles a ON a.seq = m.article_seq JOIN stories s ON s.seq = a.story_seq
         WHERE m.event_seq IN (${inList}) ORDER BY COALESCE(a.date, ''), a.id, m.seq`,
        seqs,
      ),
      this.backend.sql.all<{ event_seq: number; issue: string }>(
        `SELECT event_seq, issue FROM event_issues WHERE event_seq IN (${inList}) ORDER BY issue`,
        seqs,
      ),
    ]);
    const mentions = new Map<number, EventMention[]>();
    const reasons = new Map<number, MergeReason[]>();
    /** The report that created each event: the one mention without a merge reason. */
    const firstReport = new Map<number, ReturnType<typeof readReport>>();
    for (const m of mentionRows) {
      const seq = Number(m.event_seq);
      const data = readReport(m.data, m.sentence);
      if (m.merge_reason === null) firstReport.set(seq, data);
      else {
        const list = reasons.get(seq) ?? [];
        list.push({ articleId: m.article_id, localEventId: m.local_event_id, reason: m.merge_reason });
        reasons.set(seq, list);
      }
      const list = mentions.get(seq) ?? [];
      list.push(
        defined({
          articleId: m.article_id,
          storyId: m.story_id,
          outlet: m.outlet ?? undefined,
          articleDate: m.article_date ?? undefined,
          title: m.title ?? undefined,
          url: m.url ?? undefined,
          localEventId: m.local_event_id,
          date: m.date || undefined,
          ...data,
        }),
      );
      mentions.set(seq, list);
    }
    const issues = new Map<number, string[]>();
    for (const r of issueRows) issues.set(Number(r.event_seq), [...(issues.get(Number(r.event_seq)) ?? []), r.issue]);
    return rows.map((row) => {
      const seq = Number(row.seq);
      return {
        ...readEvent(row.data, firstReport.get(seq)),
        id: row.id,
        sourceActorId: row.source_actor,
        targetActorId: row.target_actor,
        issues: issues.get(seq) ?? [],
        mentions: mentions.get(seq) ?? [],
        mergeReasons: reasons.get(seq) ?? [],
      };
    });
  }

  async actors(query: ActorQuery = {}): Promise<StoredActor[]> {
    const where: SqlFragment[] = [];
    if (query.code) where.push({ sql: 'a.code = ?', params: [query.code.toUpperCase()] });
    if (query.kind) where.push({ sql: 'a.kind = ?', params: [query.kind] });
    if (query.name !== undefined) {
      const name = aliasKey(query.name);
      where.push({
        // Normalised names hold only letters, digits and spaces, so no LIKE wildcard reaches the pattern.
        sql: 'a.id IN (SELECT actor_id FROM actor_aliases WHERE alias_norm LIKE ?)',
        params: [name ? `%${name}%` : null],
      });
    }
    const cond = where.length > 0 ? `WHERE ${and(...where).sql}` : '';
    const rows = await this.backend.sql.all<ActorRow>(
      `SELECT ${ACTOR_COLUMNS} FROM actors a ${cond}
       ORDER BY a.articles DESC, a.id LIMIT ${clampLimit(query.limit, 100)}`,
      where.flatMap((w) => w.params),
    );
    return this.hydrateActors(rows);
  }

  async actor(ref: string): Promise<StoredActor | null> {
    const trimmed = ref.trim();
    const attempts: SqlFragment[] = [
      { sql: 'SELECT id FROM actors WHERE id = ? OR id = ?', params: [trimmed, trimmed.toUpperCase()] },
      {
        sql: 'SELECT a.id FROM actors a JOIN actor_aliases al ON al.actor_id = a.id WHERE al.alias_norm = ? ORDER BY a.articles DESC, a.id',
        params: [aliasKey(trimmed)],
      },
      { sql: 'SELECT id FROM actors WHERE code = ? ORDER BY articles DESC, id', params: [trimmed.toUpperCase()] },
    ];
    for (const attempt of attempts) {
      const [hit] = await this.backend.sql.all<{ id: string }>(`${attempt.sql} LIMIT 1`, attempt.params);
      if (!hit) continue;
      const rows = await this.backend.sql.all<ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = ?`, [
        hit.id,
      ]);
      const [actor] = await this.hydrateActors(rows);
      if (!actor) return null;
      return { ...actor, partners: await this.partners(actor.id) };
    }
    return null;
  }

  private async hydrateActors(rows: readonly ActorRow[]): Promise<StoredActor[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const inList = placeholders(ids.length);
    const sql = this.backend.sql;
    const [aliases, roles] = await Promise.all([
      sql.all<{ actor_id: string; alias: string }>(
        `SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN (${inList}) ORDER BY seq`,
        ids,
      ),
      sql.all<{ actor_id: string; role: string }>(
        `SELECT actor_id, role FROM actor_roles WHERE actor_id IN (${inList}) ORDER BY seq`,
        ids,
      ),
    ]);
    const group = <T extends { actor_id: string }, V>(list: T[], pick: (t: T) => V) => {
      const map = new Map<string, V[]>();
      for (const item of list) map.set(item.actor_id, [...(map.get(item.actor_id) ?? []), pick(item)]);
      return map;
    };
    const aliasMap = group(aliases, (r) => r.alias);
    const roleMap = group(roles, (r) => r.role);
    return rows.map((r) => {
      // Kept at write time (core/counters.ts); PostgreSQL returns BIGINT aggregates as strings.
      const counts: ActorCounts = {
        events: Number(r.events),
        asSource: Number(r.as_source),
        asTarget: Number(r.as_target),
        articles: Number(r.articles),
      };
      return defined({
        id: r.id,
        name: r.name,
        code: r.code,
        kind: r.kind,
        sector: r.sector ?? undefined,
        kbId: r.kb_id ?? undefined,
        aliases: aliasMap.get(r.id) ?? [],
        roles: roleMap.get(r.id) ?? [],
        counts,
        partners: [],
      });
    });
  }

  /** Counted at write time (core/counters.ts): reading them costs the same for any actor. */
  private async partners(actorId: string): Promise<ActorPartner[]> {
    const rows = await this.backend.sql.all<{ id: string; name: string; code: string; n: number }>(
      `SELECT a.id, a.name, a.code, p.n FROM actor_partners p JOIN actors a ON a.id = p.partner_id
       WHERE p.actor_id = ? ORDER BY p.n DESC, a.id LIMIT ${PARTNERS}`,
      [actorId],
    );
    return rows.map((r) => ({ actorId: r.id, name: r.name, code: r.code, events: Number(r.n) }));
  }

  async article(id: string): Promise<StoredArticle | null> {
    const [row] = await this.backend.sql.all<ArticleRow>(
      `SELECT a.seq, a.id, a.fingerprint, a.url, a.title, a.date, a.outlet, a.author, a.language, a.origin,
         s.id AS story_id, a.added_at, a.text
       FROM articles a JOIN stories s ON s.seq = a.story_seq WHERE a.id = ?`,
      [id],
    );
    if (!row) return null;
    const events = await this.backend.sql.all<{ event_id: string }>(
      `SELECT DISTINCT e.id AS event_id FROM mentions m JOIN events e ON e.seq = m.event_seq
       WHERE m.article_seq = ? ORDER BY e.id`,
      [Number(row.seq)],
    );
    return defined({
      id: row.id,
      text: row.text ?? '',
      fingerprint: row.fingerprint,
      url: row.url ?? undefined,
      title: row.title ?? undefined,
      date: row.date ?? undefined,
      outlet: row.outlet ?? undefined,
      author: row.author ?? undefined,
      language: row.language ?? undefined,
      origin: row.origin ?? undefined,
      storyId: row.story_id,
      eventIds: events.map((e) => e.event_id),
      addedAt: row.added_at,
    });
  }

  async storedArticles(ids: readonly string[]): Promise<Set<string>> {
    const stored = new Set<string>();
    const unique = [...new Set(ids)];
    // Chunked so a long list stays under either engine's limit on bound parameters.
    for (let i = 0; i < unique.length; i += ID_CHUNK) {
      const chunk = unique.slice(i, i + ID_CHUNK);
      const rows = await this.backend.sql.all<{ id: string }>(
        `SELECT id FROM articles WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) stored.add(row.id);
    }
    return stored;
  }

  async story(id: string): Promise<Story | null> {
    const rows = await this.backend.sql.all<{ id: string; outlet: string | null }>(
      `SELECT a.id, a.outlet FROM articles a JOIN stories s ON s.seq = a.story_seq WHERE s.id = ?
       ORDER BY COALESCE(a.date, ''), a.id`,
      [id],
    );
    if (rows.length === 0) return null;
    const outlets = [...new Set(rows.flatMap((r) => (r.outlet ? [r.outlet] : [])))];
    return { id, articleIds: rows.map((r) => r.id), outlets };
  }

  statements(query: RecordQuery = {}): Promise<StoredStatement[]> {
    return this.records<StoredStatement>('statements', query);
  }

  commitments(query: RecordQuery = {}): Promise<StoredCommitment[]> {
    return this.records<StoredCommitment>('commitments', query);
  }

  stances(query: RecordQuery = {}): Promise<StoredStance[]> {
    return this.records<StoredStance>('stances', query);
  }

  private async records<T>(table: 'statements' | 'commitments' | 'stances', q: RecordQuery): Promise<T[]> {
    const where: SqlFragment[] = [];
    if (q.actor) {
      const ids = actorIds(q.actor);
      where.push({
        sql: `(r.actor_id IN (${ids.sql}) OR r.actor_id IN (SELECT id FROM actors WHERE code = ?))`,
        params: [...ids.params, q.actor.trim().toUpperCase()],
      });
    }
    if (q.issue) where.push({ sql: 'r.issue = ?', params: [q.issue] });
    if (q.articleId) where.push({ sql: 'a.id = ?', params: [q.articleId] });
    const cond = where.length > 0 ? `WHERE ${and(...where).sql}` : '';
    const rows = await this.backend.sql.all<{ article_id: string; data: string }>(
      `SELECT a.id AS article_id, r.data FROM ${table} r JOIN articles a ON a.seq = r.article_seq ${cond}
       ORDER BY COALESCE(a.date, '') DESC, a.id, r.local_id LIMIT ${clampLimit(q.limit, 100)}`,
      where.flatMap((w) => w.params),
    );
    return rows.map((r) => ({ ...(JSON.parse(r.data) as object), articleId: r.article_id }) as T);
  }

  /** Reads the counts kept at write time (core/counters.ts): a few rows, whatever the size of the store. */
  async stats(query: { limit?: number } = {}): Promise<Stats> {
    const sql = this.backend.sql;
    const [totals, byType, byDay, dyads] = await Promise.all([
      sql.all<{ k1: string; n: number }>("SELECT k1, n FROM counts WHERE kind = 'total'"),
      sql.all<{ k1: EventType; n: number }>("SELECT k1, n FROM counts WHERE kind = 'type' ORDER BY n DESC, k1"),
      sql.all<{ k1: string; n: number }>("SELECT k1, n FROM counts WHERE kind = 'day' ORDER BY k1"),
      sql.all<{ k1: string; k2: string; n: number }>(
        `SELECT k1, k2, n FROM counts WHERE kind = 'dyad' ORDER BY n DESC, k1, k2
         LIMIT ${clampLimit(query.limit, 10)}`,
      ),
    ]);
    const n = (t: Total) => Number(totals.find((c) => c.k1 === t)?.n ?? 0);
    return {
      articles: n('articles'),
      stories: n('stories'),
      events: n('events'),
      mentions: n('mentions'),
      actors: n('actors'),
      statements: n('statements'),
      commitments: n('commitments'),
      stances: n('stances'),
      byType: byType.map((r) => ({ key: r.k1, count: Number(r.n) })),
      byDay: byDay.map((r) => ({ key: r.k1, count: Number(r.n) })),
      topDyads: dyads.map((r) => ({ key: { source: r.k1, target: r.k2 }, count: Number(r.n) })),
    };
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
