/**
 * The per-article work of adding an extraction that needs no database:
 * identity keys, the MinHash signature and its LSH bands, store actor keys,
 * and every row value that does not depend on what is already stored (JSON
 * payloads, merge facts). It is pure CPU, so `parley ingest` runs it on its
 * extraction threads, and the single writer only looks things up and runs
 * SQL; `addExtractions` prepares any plain `Extraction` it is given.
 */
import type { ActorRef, Extraction } from '../../types.js';
import { type ActorFacts, resolveActors } from './actors.js';
import { type MergeFacts, mergeFacts } from './merge.js';
import { bandKeys, signature, signatureBytes } from './minhash.js';
import { articleFingerprint, articleText, normaliseText, normaliseUrl } from './normalize.js';
import { eventPayload, mentionPayload } from './payload.js';

/** The columns of an `articles` row that come from the article itself. */
export interface PreparedArticle {
  id: string;
  /** The text identity was computed from (the extraction's own, or its sentences for an old extraction). */
  text: string;
  url: string | null;
  title: string | null;
  date: string | null;
  outlet: string | null;
  author: string | null;
  language: string | null;
  origin: string | null;
  /** The extraction's warnings as JSON. */
  warnings: string;
}

/** One event report, ready to merge or store: its actors are store actors. */
export interface PreparedEvent {
  localId: string;
  facts: MergeFacts;
  sourceActor: string;
  targetActor: string | null;
  placeCountry: string | null;
  /** `events.data`, used when the report creates its event. */
  data: string;
  /** `mentions.data`. */
  mention: string;
  /** The evidence text (the `sentence` column, which the full-text index reads). */
  sentence: string;
  issues: string[];
}

export type RecordTable = 'statements' | 'commitments' | 'stances';

/** A statement, commitment or stance row, with the columns its table is searched by. */
export interface PreparedRecord {
  table: RecordTable;
  localId: string;
  actor: string;
  other: string | null;
  issue: string | null;
  date: string | null;
  data: string;
}

export interface PreparedExtraction {
  article: PreparedArticle;
  fingerprint: string;
  urlNorm: string | null;
  /** MinHash signature bytes (the `article_signatures.signature` column). */
  signature: Uint8Array;
  /** LSH band keys (`story_bands.band`). */
  bands: Uint8Array[];
  /** The article's actors under their store keys, with the aliases and roles it gives them. */
  actors: ActorFacts[];
  events: PreparedEvent[];
  records: PreparedRecord[];
}

export function prepareExtraction(extraction: Extraction): PreparedExtraction {
  const a = extraction.article;
  const text = articleText(extraction);
  // Identity and similarity both read the normalised text: normalised once, it is most of preparing an article.
  const normalised = normaliseText(text);
  const sig = signature(text, normalised);
  const refs: ActorRef[] = [
    ...extraction.events.flatMap((e) => (e.target ? [e.source, e.target] : [e.source])),
    ...extraction.statements.flatMap((s) => (s.addressee ? [s.speaker, s.addressee] : [s.speaker])),
    ...extraction.commitments.flatMap((c) => (c.recipient ? [c.donor, c.recipient] : [c.donor])),
    ...extraction.stances.map((s) => s.actor),
  ];
  const { facts, keyOf } = resolveActors(extraction.actors, refs);
  const ref = (r: ActorRef): ActorRef => ({ ...r, actorId: keyOf.get(r.actorId) ?? r.actorId });
  const refOrNull = (r: ActorRef | null): ActorRef | null => (r ? ref(r) : null);

  const events = extraction.events.map((raw): PreparedEvent => {
    const event = { ...raw, source: ref(raw.source), target: refOrNull(raw.target) };
    return {
      localId: event.id,
      facts: mergeFacts(event, a.date),
      sourceActor: event.source.actorId,
      targetActor: event.target?.actorId ?? null,
      placeCountry: event.place?.country ?? null,
      data: eventPayload(event, a.date),
      mention: mentionPayload(event),
      sentence: event.evidence.text,
      issues: event.issues,
    };
  });
  const records: PreparedRecord[] = [
    ...extraction.statements.map((s) => {
      const speaker = ref(s.speaker);
      const addressee = refOrNull(s.addressee);
      return record('statements', s.id, speaker, addressee, null, null, { ...s, speaker, addressee });
    }),
    ...extraction.commitments.map((c) => {
      const donor = ref(c.donor);
      const recipient = refOrNull(c.recipient);
      return record('commitments', c.id, donor, recipient, null, c.date ?? null, { ...c, donor, recipient });
    }),
    ...extraction.stances.map((s) => {
      const actor = ref(s.actor);
      return record('stances', s.id, actor, null, s.issue, s.date ?? null, { ...s, actor });
    }),
  ];
  return {
    article: {
      id: a.id,
      text,
      url: a.url ?? null,
      title: a.title ?? null,
      date: a.date ?? null,
      outlet: a.outlet ?? null,
      author: a.author ?? null,
      language: a.language ?? null,
      origin: a.origin ?? null,
      warnings: JSON.stringify(extraction.warnings),
    },
    fingerprint: articleFingerprint(extraction, normalised),
    urlNorm: normaliseUrl(a.url),
    signature: signatureBytes(sig),
    bands: bandKeys(sig),
    actors: facts,
    events,
    records,
  };
}

function record(
  table: RecordTable,
  localId: string,
  actor: ActorRef,
  other: ActorRef | null,
  issue: string | null,
  date: string | null,
  data: object,
): PreparedRecord {
  return {
    table,
    localId,
    actor: actor.actorId,
    other: other?.actorId ?? null,
    issue,
    date,
    data: JSON.stringify(data),
  };
}

export function isPrepared(item: Extraction | PreparedExtraction): item is PreparedExtraction {
  return 'fingerprint' in item;
}
