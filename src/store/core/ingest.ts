/**
 * Adding extractions: the write path both engines share. Each article is
 * checked for identity (URL, text), placed in a story by near-duplicate
 * search, its actors resolved to store actors, and each of its events either
 * merged into an existing event (recording why) or stored as a new one.
 * Every lookup is keyed (fingerprint, URL, LSH band, merge key + date
 * range), so an article costs the same at 100 or 100,000 stored articles.
 */
import type { ActorRef, Commitment, Event, Extraction, Stance, Statement } from '../../types.js';
import type { AddResult } from '../store.js';
import { aliasKey, resolveActors } from './actors.js';
import { Counters } from './counters.js';
import { chooseMerge, MAX_MERGE_CANDIDATES, type MergeCandidate, mergeFacts, mergeKey, mergeWindow } from './merge.js';
import { BANDS, MAX_CANDIDATES, NEAR_DUPLICATE_THRESHOLD, similarity } from './minhash.js';
import { articleText, stableId } from './normalize.js';
import { eventPayload, mentionPayload } from './payload.js';
import { isPrepared, type PreparedExtraction as Prepared, prepareExtraction } from './prepare.js';
import { placeholders, rowPlaceholders, type Sql, type SqlBackend } from './sql.js';

function lockKeys(items: readonly Prepared[]): string[] {
  const keys = new Set<string>();
  for (const p of items) {
    keys.add(`fp:${p.fingerprint}`);
    keys.add(`id:${p.extraction.article.id}`);
    if (p.urlNorm) keys.add(`url:${p.urlNorm}`);
    for (const band of p.bands) keys.add(`band:${band}`);
    for (const event of p.extraction.events)
      keys.add(`merge:${mergeKey(mergeFacts(event, p.extraction.article.date))}`);
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
    return result;
  });
}

async function isDuplicate(tx: Sql, p: Prepared): Promise<boolean> {
  const rows = await tx.all<{ id: string }>(
    'SELECT id FROM articles WHERE id = ? OR fingerprint = ? OR url_norm = ? LIMIT 1',
    [p.extraction.article.id, p.fingerprint, p.urlNorm],
  );
  return rows.length > 0;
}

/** The story of the most similar stored article above the threshold, if any. */
async function findStory(tx: Sql, p: Prepared): Promise<string | null> {
  const candidates = await tx.all<{ article_id: string }>(
    `SELECT DISTINCT article_id FROM story_bands WHERE band IN (${placeholders(BANDS)}) LIMIT ${MAX_CANDIDATES}`,
    p.bands,
  );
  if (candidates.length === 0) return null;
  const rows = await tx.all<{ id: string; story_id: string; signature: string }>(
    `SELECT id, story_id, signature FROM articles WHERE id IN (${placeholders(candidates.length)})`,
    candidates.map((c) => c.article_id),
  );
  let best: { story: string; score: number } | null = null;
  for (const row of rows) {
    const score = similarity(p.signature, row.signature);
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { story: row.story_id, score };
  }
  return best?.story ?? null;
}

async function addOne(tx: Sql, p: Prepared, result: AddResult, counters: Counters): Promise<void> {
  const { extraction } = p;
  const a = extraction.article;
  if (await isDuplicate(tx, p)) {
    result.duplicates++;
    return;
  }
  const existingStory = await findStory(tx, p);
  const storyId = existingStory ?? stableId('st', a.id);
  const newStory =
    !existingStory &&
    (await tx.run('INSERT INTO stories (id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [
      storyId,
      new Date().toISOString(),
    ])) > 0;
  // ON CONFLICT DO NOTHING covers a writer on another machine that stored the same article a moment ago.
  const inserted = await tx.all<{ id: string }>(
    `INSERT INTO articles (id, fingerprint, url_norm, url, title, date, outlet, author, language, origin, story_id, signature, warnings, added_at, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
    [
      a.id,
      p.fingerprint,
      p.urlNorm,
      a.url ?? null,
      a.title ?? null,
      a.date ?? null,
      a.outlet ?? null,
      a.author ?? null,
      a.language ?? null,
      a.origin ?? null,
      storyId,
      p.signature,
      JSON.stringify(extraction.warnings),
      new Date().toISOString(),
      articleText(extraction),
    ],
  );
  if (inserted.length === 0) {
    if (newStory) await tx.run('DELETE FROM stories WHERE id = ?', [storyId]);
    result.duplicates++;
    return;
  }
  result.articles++;
  counters.total('articles');
  if (existingStory) result.nearDuplicates++;
  else {
    result.stories++;
    counters.total('stories');
  }
  await tx.run(
    `INSERT INTO story_bands (band, article_id) VALUES ${rowPlaceholders(p.bands.length, 2)} ON CONFLICT DO NOTHING`,
    p.bands.flatMap((band) => [band, a.id]),
  );

  const keyOf = await storeActors(tx, extraction, counters);
  const ref = (r: ActorRef): ActorRef => ({ ...r, actorId: keyOf.get(r.actorId) ?? r.actorId });
  const refOrNull = (r: ActorRef | null): ActorRef | null => (r ? ref(r) : null);

  for (const event of extraction.events) {
    const merged = await storeEvent(tx, counters, a.id, a.date, {
      ...event,
      source: ref(event.source),
      target: refOrNull(event.target),
    });
    if (merged) result.merged++;
    else result.events++;
  }
  const records: RecordRow[] = [
    ...extraction.statements.map((s) => ({
      table: 'statements' as const,
      localId: s.id,
      actor: ref(s.speaker),
      other: refOrNull(s.addressee),
      data: { ...s, speaker: ref(s.speaker), addressee: refOrNull(s.addressee) },
    })),
    ...extraction.commitments.map((c) => ({
      table: 'commitments' as const,
      localId: c.id,
      actor: ref(c.donor),
      other: refOrNull(c.recipient),
      date: c.date,
      data: { ...c, donor: ref(c.donor), recipient: refOrNull(c.recipient) },
    })),
    ...extraction.stances.map((s) => ({
      table: 'stances' as const,
      localId: s.id,
      actor: ref(s.actor),
      other: null,
      issue: s.issue,
      date: s.date,
      data: { ...s, actor: ref(s.actor) },
    })),
  ];
  for (const table of ['statements', 'commitments', 'stances'] as const) {
    const rows = records.filter((r) => r.table === table);
    if (rows.length === 0) continue;
    const added = await tx.run(
      `INSERT INTO ${table} (article_id, local_id, actor_id, other_actor_id, issue, date, data)
       VALUES ${rowPlaceholders(rows.length, 7)} ON CONFLICT DO NOTHING`,
      rows.flatMap((r) => [
        a.id,
        r.localId,
        r.actor.actorId,
        r.other?.actorId ?? null,
        r.issue ?? null,
        r.date ?? null,
        JSON.stringify(r.data),
      ]),
    );
    counters.total(table, added);
  }
}

/** A statement, commitment or stance with the columns its table is searched by. */
interface RecordRow {
  table: 'statements' | 'commitments' | 'stances';
  localId: string;
  actor: ActorRef;
  other: ActorRef | null;
  issue?: string;
  date?: string;
  data: Statement | Commitment | Stance;
}

/** Upserts the article's actors; returns extraction-local id -> store actor id. */
async function storeActors(tx: Sql, extraction: Extraction, counters: Counters): Promise<Map<string, string>> {
  const refs: ActorRef[] = [
    ...extraction.events.flatMap((e) => (e.target ? [e.source, e.target] : [e.source])),
    ...extraction.statements.flatMap((s) => (s.addressee ? [s.speaker, s.addressee] : [s.speaker])),
    ...extraction.commitments.flatMap((c) => (c.recipient ? [c.donor, c.recipient] : [c.donor])),
    ...extraction.stances.map((s) => s.actor),
  ];
  const { facts, keyOf } = resolveActors(extraction.actors, refs);
  if (facts.length === 0) return keyOf;
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
  const aliases = facts.flatMap((f) => f.aliases.map((alias) => [f.key, alias, aliasKey(alias)]));
  if (aliases.length > 0) {
    await tx.run(
      `INSERT INTO actor_aliases (actor_id, alias, alias_norm) VALUES ${rowPlaceholders(aliases.length, 3)}
       ON CONFLICT DO NOTHING`,
      aliases.flat(),
    );
  }
  const roles = facts.flatMap((f) => f.roles.map((role) => [f.key, role]));
  if (roles.length > 0) {
    await tx.run(
      `INSERT INTO actor_roles (actor_id, role) VALUES ${rowPlaceholders(roles.length, 2)} ON CONFLICT DO NOTHING`,
      roles.flat(),
    );
  }
  const linked = await tx.all<{ actor_id: string }>(
    `INSERT INTO article_actors (article_id, actor_id) VALUES ${rowPlaceholders(facts.length, 2)}
     ON CONFLICT DO NOTHING RETURNING actor_id`,
    facts.flatMap((f) => [extraction.article.id, f.key]),
  );
  for (const r of linked) counters.actor(r.actor_id, 'articles');
  return keyOf;
}

/** Stores one event mention; resolves to true when it merged into an existing event. */
async function storeEvent(
  tx: Sql,
  counters: Counters,
  articleId: string,
  articleDate: string | undefined,
  event: Event,
): Promise<boolean> {
  const facts = mergeFacts(event, articleDate);
  const window = mergeWindow(facts);
  let target: { id: string; reason: string } | null = null;
  if (window) {
    const candidates = await tx.all<MergeCandidate>(
      `SELECT id, date, place_norm AS place, place_name AS "placeName" FROM events
       WHERE type = ? AND source_code = ? AND target_code = ? AND negated = ? AND hypothetical = ? AND date >= ? AND date <= ?
       ORDER BY date, id LIMIT ${MAX_MERGE_CANDIDATES}`,
      [
        facts.type,
        facts.sourceCode,
        facts.targetCode,
        facts.negated ? 1 : 0,
        facts.hypothetical ? 1 : 0,
        window.from,
        window.to,
      ],
    );
    target = chooseMerge(facts, candidates);
  }
  const eventId = target?.id ?? stableId('ev', articleId, event.id);
  if (target) {
    await tx.run(
      'INSERT INTO merge_reasons (event_id, article_id, local_event_id, reason) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [eventId, articleId, event.id, target.reason],
    );
  } else {
    await tx.run(
      `INSERT INTO events (id, type, source_code, target_code, source_actor, target_actor, negated, hypothetical, date,
         place_norm, place_name, place_country, data, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        eventId,
        facts.type,
        facts.sourceCode,
        facts.targetCode,
        event.source.actorId,
        event.target?.actorId ?? null,
        facts.negated ? 1 : 0,
        facts.hypothetical ? 1 : 0,
        facts.date,
        facts.place,
        event.place?.name ?? null,
        event.place?.country ?? null,
        eventPayload(event, articleDate),
        new Date().toISOString(),
      ],
    );
    counters.event(facts.type, facts.date, facts.sourceCode, facts.targetCode);
  }
  await countActors(tx, counters, eventId, target === null, event.source.actorId, event.target?.actorId ?? null);
  if (event.issues.length > 0) {
    await tx.run(
      `INSERT INTO event_issues (event_id, issue) VALUES ${rowPlaceholders(event.issues.length, 2)} ON CONFLICT DO NOTHING`,
      event.issues.flatMap((issue) => [eventId, issue]),
    );
  }
  counters.total('mentions');
  await tx.run(
    `INSERT INTO mentions (event_id, article_id, local_event_id, source_actor, target_actor, date, sentence, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      eventId,
      articleId,
      event.id,
      event.source.actorId,
      event.target?.actorId ?? null,
      facts.date,
      event.evidence.text,
      mentionPayload(event),
    ],
  );
  return target !== null;
}

/**
 * Records which store actors report an event on which side, and counts each
 * actor's distinct events (as source, as target, either) the first time it
 * is seen on a side of that event; likewise the events a pair of actors
 * shares, for `actor()`'s partners.
 */
async function countActors(
  tx: Sql,
  counters: Counters,
  eventId: string,
  newEvent: boolean,
  source: string,
  target: string | null,
): Promise<void> {
  const sides: [string, 's' | 't'][] =
    target === null
      ? [[source, 's']]
      : [
          [source, 's'],
          [target, 't'],
        ];
  for (const [actorId, side] of sides) {
    const added = await tx.run(
      'INSERT INTO event_actors (actor_id, side, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      [actorId, side, eventId],
    );
    if (added === 0) continue;
    counters.actor(actorId, side === 's' ? 'as_source' : 'as_target');
    const other = side === 's' ? 't' : 's';
    // A new event has no rows yet but the source's, just written; a merged one may have the other side stored.
    const onOtherSide = newEvent
      ? side === 't' && actorId === source
      : (
          await tx.all('SELECT 1 AS x FROM event_actors WHERE actor_id = ? AND side = ? AND event_id = ?', [
            actorId,
            other,
            eventId,
          ])
        ).length > 0;
    if (!onOtherSide) counters.actor(actorId, 'events');
  }
  if (target === null || target === source) return;
  const [a, b] = source < target ? [source, target] : [target, source];
  const paired = await tx.run(
    'INSERT INTO event_pairs (actor_a, actor_b, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    [a, b, eventId],
  );
  if (paired > 0) counters.pair(a, b);
}
