/**
 * Event merging. Several articles (or one article twice) report the same
 * real event; the store keeps one event with many mentions. Two reports are
 * one event when they agree on source code, target code, event type,
 * negation and hypotheticality, their dates lie within `MERGE_WINDOW_DAYS`,
 * and their places do not contradict each other. The merge key (type,
 * source code, target code) plus a date range is an index lookup, so the
 * cost per article does not grow with the size of the store.
 */
import type { Event } from '../../types.js';
import { normaliseText } from './normalize.js';

/** Wire stories and follow-ups date one meeting a day or two apart ("on Tuesday", "yesterday"). */
export const MERGE_WINDOW_DAYS = 3;
/** Candidates examined per mention; the window rarely holds more than a few. */
export const MAX_MERGE_CANDIDATES = 20;

/** The fields of an event that decide whether it merges. */
export interface MergeFacts {
  type: Event['type'];
  sourceCode: string;
  targetCode: string;
  negated: boolean;
  hypothetical: boolean;
  /** ISO date or '' when neither the event nor the article has one. */
  date: string;
  /** Lower-cased place name or ''. */
  place: string;
  placeName: string;
}

export interface MergeCandidate {
  id: string;
  date: string;
  place: string;
  placeName: string;
}

export function placeKey(name: string | undefined): string {
  return name ? normaliseText(name) : '';
}

export function mergeFacts(event: Event, articleDate: string | undefined): MergeFacts {
  return {
    type: event.type,
    sourceCode: event.source.code.toUpperCase(),
    targetCode: event.target?.code.toUpperCase() ?? '',
    negated: event.negated,
    hypothetical: event.hypothetical,
    date: event.date ?? articleDate ?? '',
    place: placeKey(event.place?.name),
    placeName: event.place?.name ?? '',
  };
}

/** The lock and lookup key: events that could merge share it. */
export function mergeKey(f: MergeFacts): string {
  return `${f.type}|${f.sourceCode}|${f.targetCode}|${f.negated ? 1 : 0}|${f.hypothetical ? 1 : 0}`;
}

export function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** The date range a lookup must cover, or null when the mention cannot merge (no date to compare). */
export function mergeWindow(f: MergeFacts): { from: string; to: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) return null;
  return { from: shiftDate(f.date, -MERGE_WINDOW_DAYS), to: shiftDate(f.date, MERGE_WINDOW_DAYS) };
}

/**
 * Picks the event a mention merges into among candidates that already share
 * its key and window, preferring the same place, then the nearest date;
 * returns the reason to record, or null when none fits.
 */
export function chooseMerge(
  f: MergeFacts,
  candidates: readonly MergeCandidate[],
): { id: string; reason: string } | null {
  const fitting = candidates
    .filter((c) => !(c.place && f.place && c.place !== f.place))
    .filter((c) => daysBetween(c.date, f.date) <= MERGE_WINDOW_DAYS)
    .map((c) => ({ c, samePlace: c.place !== '' && c.place === f.place, gap: daysBetween(c.date, f.date) }))
    .sort((a, b) => Number(b.samePlace) - Number(a.samePlace) || a.gap - b.gap || (a.c.id < b.c.id ? -1 : 1));
  const best = fitting[0];
  if (!best) return null;
  const dyad = f.targetCode ? `${f.sourceCode}-${f.targetCode}` : `${f.sourceCode} (no target)`;
  const dates =
    best.c.date === f.date ? `same date ${f.date}` : `dates ${best.c.date}/${f.date} within ${MERGE_WINDOW_DAYS} days`;
  const place = best.samePlace
    ? `same place ${best.c.placeName}`
    : best.c.place || f.place
      ? `place ${best.c.placeName || f.placeName} given by one report only`
      : 'no place given';
  const flags = [f.negated ? 'both negated' : '', f.hypothetical ? 'both hypothetical' : ''].filter(Boolean);
  const reason = [`same dyad ${dyad}`, `type ${f.type}`, dates, place, ...flags].join(', ');
  return { id: best.c.id, reason };
}
