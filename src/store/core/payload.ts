/**
 * The JSON kept in `events.data` and `mentions.data`: only what no column or
 * other row already holds. A mention keeps the spans, actors and rule of one
 * report, with its evidence text left to the `sentence` column; an event
 * keeps the rest of its first report's `Event`, and gets the spans, actors
 * and rule back from that report's mention. Rows written before migration 3
 * hold everything, and read the same.
 */
import type { Event } from '../../types.js';
import type { EventMention } from '../store.js';

type Report = Pick<EventMention, 'evidence' | 'trigger' | 'source' | 'target' | 'rule'>;
/** What `events.data` holds: the event without what its first mention and `event_issues` hold. */
type EventRest = Omit<Event, keyof Report | 'issues'>;

export function eventPayload(event: Event, articleDate: string | undefined): string {
  const { evidence, trigger, source, target, rule, issues, ...rest } = event;
  return JSON.stringify({ ...rest, date: event.date ?? articleDate });
}

export function mentionPayload(event: Event): string {
  const { text, ...evidence } = event.evidence;
  return JSON.stringify({
    evidence,
    trigger: event.trigger,
    source: event.source,
    target: event.target,
    rule: event.rule,
  });
}

/** A mention's report from its row: the evidence text comes from the `sentence` column. */
export function readReport(data: string, sentence: string): Report {
  const report = JSON.parse(data) as Report;
  return { ...report, evidence: { ...report.evidence, text: report.evidence.text ?? sentence } };
}

/** An event from its row and the report of the mention that created it. */
export function readEvent(data: string, first: Report | undefined): Omit<Event, 'issues'> {
  return { ...first, ...(JSON.parse(data) as EventRest & Partial<Report>) } as Omit<Event, 'issues'>;
}
