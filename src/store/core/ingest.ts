/**
 * Adding extractions: the write path both engines share. Each article is
 * checked for identity (URL, text), placed in a story by near-duplicate
 * search, its actors resolved to store actors, and each of its events either
 * merged into an existing event (recording why) or stored as a new one.
 * Every lookup is keyed (fingerprint, URL, LSH band, merge key + date
 * range), so an article costs the same at 100 or 100,000 stored articles.
 * Rows point at each other by sequence numbers given in the order they are
 * stored, so most indexes grow at their end (see SQLite migration 6); an
 * article's rows of one table go in one statement.
 */
import type { Extraction } from '../../types.js';
import type { AddResult } from '../store.js';
import { aliasKey } from './actors.js';
import { Counters } from './counters.js';
import { chooseMerge, MAX_MERGE_CANDIDATES, type MergeCandidate, mergeKey, mergeWindow } from './merge.js';
import { BANDS, CANDIDATES_PER_BAND, MAX_CANDIDATES, NEAR_DUPLICATE_THRESHOLD, similarity } from './minhash.js';
import { stableId } from './normalize.js';
import {
  isPrepared,
  type PreparedExtraction as Prepared,
  type PreparedEvent,
  prepareExtraction,
  type RecordTable,
} from './prepare.js';
import { rowPlaceholders, type Sql, type SqlBackend, type SqlValue } from './sql.js';

function lockKeys(items: readonly Prepared[]): string[] {
  const keys = new Set<string>();
  for (const p of items) {
    keys.add(`fp:${p.fingerprint}`);
    keys.add(`id:${p.article.id}`);
    if (p.urlNorm) keys.add(`url:${p.urlNorm}`);
    for (const band of p.bands) keys.add(`band:${Buffer.from(band).toString('hex')}`);
    for (const event of p.events) keys.add(`merge:${mergeKey(event.facts)}`);
  }
  return [...keys].sort();
}

export function emptyResult(): AddResult {
  return { articles: 0, duplicates: 0, stories: 0, nearDuplicates: 0, events: 0, merged: 0 };
}

export async function addExtractions(
  backend: SqlBackend,
  batch: readonly (Extraction | Prepared)[],
): Promise<AddResult> {
  const prepared = batch.map((item) => (isPrepared(item) ? item : prepareExtraction(item)));
  return backend.transaction(async (tx) => {
    await backend.lock(tx, () => lockKeys(prepared));
    const result = emptyResult();
    const counters = new Counters();
    await backend.indexingMentions(tx, async () => {
      for (const item of prepared) await addOne(tx, item, result, counters);
    });
    await counters.write(tx);
    if (await recentBandsFull(tx)) await backend.mergeBands(tx);
    return result;
  });
}

/**
 * Articles whose bands wait in story_bands_recent before a sorted pass moves them into story_bands: with N articles
 * stored, about sqrt(1,000 N) (16,000 at 250,000), at least 5,000. Band keys are random hashes, so inserting them
 * one article at a time put them on random pages of story_bands: at 50,000 articles every 500-article commit
 * rewrote 11,300 of its 11,500 pages. The recent table stays small enough for the page cache, and a merge rewrites
 * each page of story_bands once. Fewer articles between merges make more merges, more make a bigger recent table
 * to rewrite at each commit; the square root keeps the two costs equal as the store grows.
 */
export function recentBandsLimit(storedArticles: number): number {
  return BANDS * Math.max(5000, Math.round(Math.sqrt(1000 * storedArticles)));
}

async function recentBandsFull(tx: Sql): Promise<boolean> {
  const rows = await tx.all<{ k1: string; n: number }>(
    "SELECT k1, n FROM counts WHERE (kind = 'total' AND k1 = 'articles') OR (kind = 'bands' AND k1 = 'recent')",
  );
  const count = (k1: string) => Number(rows.find((r) => r.k1 === k1)?.n ?? 0);
  return count('recent') >= recentBandsLimit(count('articles'));
}

/** Moves every band of story_bands_recent into story_bands now, whatever the recent table holds. */
export function mergeBands(backend: SqlBackend): Promise<void> {
  return backend.transaction((tx) => backend.mergeBands(tx));
}

/** Rows per multi-row INSERT: well under either engine's limit on bound parameters. */
const ROWS_PER_INSERT = 200;

/** Inserts `rows` of `columns` in statements of up to `ROWS_PER_INSERT` rows; `tail` follows each VALUES list. */
async function insertRows(
  tx: Sql,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
  tail = '',
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    changed += await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rowPlaceholders(chunk.length, columns.length)} ${tail}`,
      chunk.flat(),
    );
  }
  return changed;
}

async function isDuplicate(tx: Sql, p: Prepared): Promise<boolean> {
  const rows = await tx.all<{ seq: number }>(
    'SELECT seq FROM articles WHERE id = ? OR fingerprint = ? OR url_norm = ? LIMIT 1',
    [p.article.id, p.fingerprint, p.urlNorm],
  );
  return rows.length > 0;
}

/** The newest `CANDIDATES_PER_BAND` articles of each band in both band tables, those sharing most bands first. */
export const STORY_CANDIDATES = `SELECT story_seq, signature FROM article_signatures WHERE article_seq IN
  (SELECT article_seq FROM (${['story_bands_recent', 'story_bands']
    .flatMap((table, t) =>
      Array.from(
        { length: BANDS },
        (_, b) =>
          `SELECT article_seq FROM (SELECT article_seq FROM ${table} WHERE band = ? ORDER BY article_seq DESC LIMIT ${CANDIDATES_PER_BAND}) AS b${t}_${b}`,
      ),
    )
    .join('\n    UNION ALL ')}) AS shared
   GROUP BY article_seq ORDER BY COUNT(*) DESC, article_seq DESC LIMIT ${MAX_CANDIDATES})`;

/** The story of the most similar stored article above the threshold, if any. */
async function findStory(tx: Sql, p: Prepared): Promise<number | null> {
  const candidates = await tx.all<{ story_seq: number; signature: Uint8Array }>(STORY_CANDIDATES, [
    ...p.bands,
    ...p.bands,
  ]);
  let best: { story: number; score: number } | null = null;
  for (const row of candidates) {
    const score = similarity(p.signature, row.signature);
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { story: row.story_seq, score };
  }
  return best ? Number(best.story) : null;
}

async function addOne(tx: Sql, p: Prepared, result: AddResult, counters: Counters): Promise<void> {
  const a = p.article;
  if (await isDuplicate(tx, p)) {
    result.duplicates++;
    return;
  }
  const now = new Date().toISOString();
  let storySeq = await findStory(tx, p);
  const newStory = storySeq === null;
  if (storySeq === null) {
    // ON CONFLICT DO NOTHING covers a writer on another machine that stored the same article a moment ago.
    const [story] = await tx.all<{ seq: number }>(
      'INSERT INTO stories (id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING seq',
      [stableId('st', a.id), now],
    );
    if (!story) {
      result.duplicates++;
      return;
    }
    storySeq = Number(story.seq);
  }
  const [inserted] = await tx.all<{ seq: number }>(
    `INSERT INTO articles (id, fingerprint, url_norm, url, title, date, outlet, author, language, origin, story_seq, warnings, added_at, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING seq`,
    [
      a.id,
      p.fingerprint,
      p.urlNorm,
      a.url,
      a.title,
      a.date,
      a.outlet,
      a.author,
      a.language,
      a.origin,
      storySeq,
      a.warnings,
      now,
      a.text,
    ],
  );
  if (!inserted) {
    if (newStory) await tx.run('DELETE FROM stories WHERE seq = ?', [storySeq]);
    result.duplicates++;
    return;
  }
  const articleSeq = Number(inserted.seq);
  result.articles++;
  counters.total('articles');
  if (newStory) {
    result.stories++;
    counters.total('stories');
  } else result.nearDuplicates++;
  await tx.run('INSERT INTO article_signatures (article_seq, story_seq, signature) VALUES (?, ?, ?)', [
    articleSeq,
    storySeq,
    p.signature,
  ]);
  const bands = await insertRows(
    tx,
    'story_bands_recent',
    ['band', 'article_seq'],
    p.bands.map((band) => [band, articleSeq]),
    'ON CONFLICT DO NOTHING',
  );
  counters.recentBands(bands);
  await storeActors(tx, p, articleSeq, counters);
  await storeEvents(tx, p, articleSeq, result, counters);
  for (const table of ['statements', 'commitments', 'stances'] as const satisfies readonly RecordTable[]) {
    const rows = p.records.filter((r) => r.table === table);
    if (rows.length === 0) continue;
    const added = await insertRows(
      tx,
      table,
      ['article_seq', 'local_id', 'actor_id', 'other_actor_id', 'issue', 'date', 'data'],
      rows.map((r) => [articleSeq, r.localId, r.actor, r.other, r.issue, r.date, r.data]),
      'ON CONFLICT DO NOTHING',
    );
    counters.total(table, added);
  }
}

/** Upserts the article's actors, their aliases and roles, and links them to the article. */
async function storeActors(tx: Sql, p: Prepared, articleSeq: number, counters: Counters): Promise<void> {
  const facts = p.actors;
  if (facts.length === 0) return;
  const added = await tx.all<{ id: string }>(
    `INSERT INTO actors (id, name, code, kind, sector, kb_id) VALUES ${rowPlaceholders(facts.length, 6)}
     ON CONFLICT DO NOTHING RETURNING id`,
    facts.flatMap((f) => [f.key, f.name, f.code, f.kind, f.sector ?? null, f.kbId ?? null]),
  );
  counters.total('actors', added.length);
  const isNew = new Set(added.map((r) => r.id));
  for (const f of facts) {
    if (!f.kbId || isNew.has(f.key)) continue;
    // A knowledge-base match names the actor canonically; it wins over the first surface name seen.
    await tx.run('UPDATE actors SET name = ?, kb_id = ? WHERE id = ? AND kb_id IS NULL', [f.name, f.kbId, f.key]);
  }
  // Aliases and roles keep their order of first appearance (the serial key), so rows go in that order.
  const aliases = facts.flatMap((f) => f.aliases.map((alias): SqlValue[] => [f.key, alias, aliasKey(alias)]));
  await insertRows(tx, 'actor_aliases', ['actor_id', 'alias', 'alias_norm'], aliases, 'ON CONFLICT DO NOTHING');
  const roles = facts.flatMap((f) => f.roles.map((role): SqlValue[] => [f.key, role]));
  await insertRows(tx, 'actor_roles', ['actor_id', 'role'], roles, 'ON CONFLICT DO NOTHING');
  const linked = await tx.all<{ actor_id: string }>(
    `INSERT INTO article_actors (article_seq, actor_id) VALUES ${rowPlaceholders(facts.length, 2)}
     ON CONFLICT DO NOTHING RETURNING actor_id`,
    facts.flatMap((f) => [articleSeq, f.key]),
  );
  for (const r of linked) counters.actor(r.actor_id, 'articles');
}

/**
 * Who an event's reports put on which side, as far as this article has seen:
 * the actors of earlier reports are looked up in the store once per event,
 * and this article's own reports are added as they are read.
 */
interface EventSides {
  /** Whether the event existed before this article. */
  stored: boolean;
  source: Set<string>;
  target: Set<string>;
  /** `a \0 b` with a < b: pairs facing each other in some report. */
  pairs: Set<string>;
}

/** Merges or stores each of the article's event reports, then writes its mentions, sides and issues. */
async function storeEvents(
  tx: Sql,
  p: Prepared,
  articleSeq: number,
  result: AddResult,
  counters: Counters,
): Promise<void> {
  const sides = new Map<number, EventSides>();
  const mentions: SqlValue[][] = [];
  const eventActors: SqlValue[][] = [];
  const issues: SqlValue[][] = [];
  for (const event of p.events) {
    const merge = await mergeTarget(tx, event);
    let eventSeq: number;
    if (merge) {
      eventSeq = merge.seq;
      result.merged++;
    } else {
      eventSeq = await insertEvent(tx, p.article.id, event);
      result.events++;
      const f = event.facts;
      counters.event(f.type, f.date, f.sourceCode, f.targetCode);
    }
    let known = sides.get(eventSeq);
    if (!known) {
      known = { stored: merge !== null, source: new Set(), target: new Set(), pairs: new Set() };
      sides.set(eventSeq, known);
    }
    await countSides(tx, counters, eventSeq, known, event, eventActors);
    for (const issue of event.issues) issues.push([eventSeq, issue]);
    counters.total('mentions');
    mentions.push([
      eventSeq,
      articleSeq,
      event.localId,
      event.sourceActor,
      event.targetActor,
      event.facts.date,
      event.sentence,
      event.mention,
      merge?.reason ?? null,
    ]);
  }
  await insertRows(
    tx,
    'mentions',
    [
      'event_seq',
      'article_seq',
      'local_event_id',
      'source_actor',
      'target_actor',
      'date',
      'sentence',
      'data',
      'merge_reason',
    ],
    mentions,
  );
  await insertRows(tx, 'event_actors', ['actor_id', 'side', 'event_seq'], eventActors, 'ON CONFLICT DO NOTHING');
  await insertRows(tx, 'event_issues', ['event_seq', 'issue'], issues, 'ON CONFLICT DO NOTHING');
}

/** The stored event this report is one more report of, with why, or null. */
async function mergeTarget(tx: Sql, event: PreparedEvent): Promise<{ seq: number; reason: string } | null> {
  const f = event.facts;
  const window = mergeWindow(f);
  if (!window) return null;
  const candidates = await tx.all<MergeCandidate & { seq: number }>(
    `SELECT seq, id, date, place_norm AS place, place_name AS "placeName" FROM events
     WHERE source_code = ? AND target_code = ? AND type = ? AND negated = ? AND hypothetical = ? AND date >= ? AND date <= ?
     ORDER BY date, id LIMIT ${MAX_MERGE_CANDIDATES}`,
    [f.sourceCode, f.targetCode, f.type, f.negated ? 1 : 0, f.hypothetical ? 1 : 0, window.from, window.to],
  );
  const chosen = chooseMerge(f, candidates);
  if (!chosen) return null;
  const seq = candidates.find((c) => c.id === chosen.id)?.seq;
  return seq === undefined ? null : { seq: Number(seq), reason: chosen.reason };
}

async function insertEvent(tx: Sql, articleId: string, event: PreparedEvent): Promise<number> {
  const f = event.facts;
  const [row] = await tx.all<{ seq: number }>(
    `INSERT INTO events (id, type, source_code, target_code, source_actor, target_actor, negated, hypothetical, date,
       place_norm, place_name, place_country, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    [
      stableId('ev', articleId, event.localId),
      f.type,
      f.sourceCode,
      f.targetCode,
      event.sourceActor,
      event.targetActor,
      f.negated ? 1 : 0,
      f.hypothetical ? 1 : 0,
      f.date,
      f.place,
      f.placeName || null,
      event.placeCountry,
      event.data,
      new Date().toISOString(),
    ],
  );
  if (!row) throw new Error(`event ${event.localId} of article ${articleId} was not stored`);
  return Number(row.seq);
}

/**
 * Counts each actor's distinct events (as source, as target, either) the
 * first time it is seen on a side of the event, and the events a pair of
 * actors shares, for `actor()`'s partners; queues the `event_actors` rows
 * the actor filters search. Earlier reports of a stored event are asked of
 * the store by primary key and index seeks, never read whole, so a report
 * costs the same however often its event was reported.
 */
async function countSides(
  tx: Sql,
  counters: Counters,
  eventSeq: number,
  known: EventSides,
  event: PreparedEvent,
  eventActors: SqlValue[][],
): Promise<void> {
  const { sourceActor: source, targetActor: target } = event;
  const onSide = async (actorId: string, side: 's' | 't'): Promise<boolean> => {
    const set = side === 's' ? known.source : known.target;
    if (set.has(actorId)) return true;
    if (!known.stored) return false;
    const rows = await tx.all('SELECT 1 AS x FROM event_actors WHERE actor_id = ? AND side = ? AND event_seq = ?', [
      actorId,
      side,
      eventSeq,
    ]);
    if (rows.length > 0) set.add(actorId);
    return rows.length > 0;
  };
  const sidesOfMention: [string, 's' | 't'][] =
    target === null
      ? [[source, 's']]
      : [
          [source, 's'],
          [target, 't'],
        ];
  for (const [actorId, side] of sidesOfMention) {
    if (await onSide(actorId, side)) continue;
    const other = side === 's' ? 't' : 's';
    const elsewhere = await onSide(actorId, other);
    (side === 's' ? known.source : known.target).add(actorId);
    eventActors.push([actorId, side, eventSeq]);
    counters.actor(actorId, side === 's' ? 'as_source' : 'as_target');
    if (!elsewhere) counters.actor(actorId, 'events');
  }
  if (target === null || target === source) return;
  const [a, b] = source < target ? [source, target] : [target, source];
  const pair = `${a}\u0000${b}`;
  if (known.pairs.has(pair)) return;
  known.pairs.add(pair);
  if (known.stored) {
    const rows = await tx.all(
      `SELECT 1 AS x FROM mentions WHERE event_seq = ? AND source_actor = ? AND target_actor = ?
       UNION ALL SELECT 1 AS x FROM mentions WHERE event_seq = ? AND source_actor = ? AND target_actor = ? LIMIT 1`,
      [eventSeq, a, b, eventSeq, b, a],
    );
    if (rows.length > 0) return;
  }
  counters.pair(a, b);
}
