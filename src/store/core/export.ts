/**
 * Export rows. `csv` is Parley's flat view of an event; `plover` uses
 * POLECAT's field names where POLECAT has the field, so tools written for
 * POLECAT read Parley's output, and Parley's own names for the rest.
 * Both are one row per event; `jsonl` (the full StoredEvent) keeps every
 * mention.
 */
import type { ActorRef } from '../../types.js';
import type { EventQuery, Store, StoredEvent } from '../store.js';

export type ExportFormat = 'jsonl' | 'csv' | 'plover';
export type ExportRow = Record<string, string | number>;

/** Column order of the `csv` export, with what each holds. */
export const CSV_COLUMNS = {
  event_id: 'global event id',
  date: 'event date (ISO)',
  type: 'PLOVER event type',
  mode: 'PLOVER mode',
  cameo: 'CAMEO code',
  goldstein: 'Goldstein score',
  quad_class: 'CAMEO quad class 1-4',
  source_code: 'root code of the source actor',
  source_id: 'store actor id of the source',
  source_name: 'source display name',
  target_code: 'root code of the target actor',
  target_id: 'store actor id of the target',
  target_name: 'target display name',
  negated: '1 when the event is negated',
  hypothetical: '1 when the event is intended, conditional or asked about',
  place: 'place name',
  place_country: 'ISO alpha-3 code of the place',
  issues: 'negotiation issues, ;-separated',
  mentions: 'number of article mentions',
  outlets: 'outlets that reported it, ;-separated',
  url: 'URL of the first report',
  evidence: 'evidence sentence of the first report',
} as const;

/** Column order of the `plover` export. The first block are POLECAT's names. */
export const PLOVER_COLUMNS = {
  event_id: 'global event id',
  event_date: 'event date (ISO)',
  event_type: 'PLOVER event type (upper case)',
  mode: 'PLOVER mode',
  context: 'PLOVER contexts: Parley issue ids, ;-separated',
  story_date: 'publication date of the first report',
  source: 'source as written in the first report',
  source_actor: 'source actor name',
  source_agent: 'source sector (GOV, MIL, ...)',
  source_country: 'source root code (ISO alpha-3 for states)',
  target: 'target as written in the first report',
  target_actor: 'target actor name',
  target_agent: 'target sector',
  target_country: 'target root code',
  location: 'place name',
  location_country: 'ISO alpha-3 code of the place',
  publisher: 'outlet of the first report',
  headline: 'headline of the first report',
  url: 'URL of the first report',
  text: 'evidence sentence of the first report',
  cameo: 'CAMEO code',
  goldstein: 'Goldstein score',
  quad_class: 'CAMEO quad class 1-4',
  negated: '1 when negated',
  hypothetical: '1 when hypothetical',
  mentions: 'number of article mentions',
  story_ids: 'stories (groups of near-duplicate articles) reporting it, ;-separated',
} as const;

const unique = (values: (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

export function csvRow(e: StoredEvent): ExportRow {
  const first = e.mentions[0];
  return {
    event_id: e.id,
    date: e.date ?? '',
    type: e.type,
    mode: e.mode ?? '',
    cameo: e.cameo,
    goldstein: e.goldstein,
    quad_class: e.quadClass,
    source_code: e.source.code,
    source_id: e.sourceActorId,
    source_name: e.source.name,
    target_code: e.target?.code ?? '',
    target_id: e.targetActorId ?? '',
    target_name: e.target?.name ?? '',
    negated: e.negated ? 1 : 0,
    hypothetical: e.hypothetical ? 1 : 0,
    place: e.place?.name ?? '',
    place_country: e.place?.country ?? '',
    issues: e.issues.join(';'),
    mentions: e.mentions.length,
    outlets: unique(e.mentions.map((m) => m.outlet)).join(';'),
    url: first?.url ?? '',
    evidence: first?.evidence.text ?? e.evidence.text,
  };
}

function side(ref: ActorRef | null): { text: string; actor: string; agent: string; country: string } {
  if (!ref) return { text: '', actor: '', agent: '', country: '' };
  return { text: ref.mention?.text ?? ref.name, actor: ref.name, agent: ref.sector ?? '', country: ref.code };
}

export function ploverRow(e: StoredEvent): ExportRow {
  const first = e.mentions[0];
  const source = side(first?.source ?? e.source);
  const target = side(first ? first.target : e.target);
  return {
    event_id: e.id,
    event_date: e.date ?? '',
    event_type: e.type,
    mode: e.mode ?? '',
    context: e.issues.join(';'),
    story_date: first?.articleDate ?? '',
    source: source.text,
    source_actor: source.actor,
    source_agent: source.agent,
    source_country: source.country,
    target: target.text,
    target_actor: target.actor,
    target_agent: target.agent,
    target_country: target.country,
    location: e.place?.name ?? '',
    location_country: e.place?.country ?? '',
    publisher: first?.outlet ?? '',
    headline: first?.title ?? '',
    url: first?.url ?? '',
    text: first?.evidence.text ?? e.evidence.text,
    cameo: e.cameo,
    goldstein: e.goldstein,
    quad_class: e.quadClass,
    negated: e.negated ? 1 : 0,
    hypothetical: e.hypothetical ? 1 : 0,
    mentions: e.mentions.length,
    story_ids: unique(e.mentions.map((m) => m.storyId)).join(';'),
  };
}

/** Every event matching the query, page after page, so an export never holds the whole store in memory. */
export async function* allEvents(store: Pick<Store, 'events'>, query: EventQuery = {}): AsyncGenerator<StoredEvent> {
  let cursor: string | undefined = query.cursor;
  do {
    const page = await store.events({ ...query, limit: query.limit ?? 500, cursor });
    yield* page.events;
    cursor = page.nextCursor;
  } while (cursor);
}
