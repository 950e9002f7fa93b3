/**
 * A negotiation process as one timeline: the meetings (CONSULT events) in
 * which its parties and mediators met, with date, place and duration, and the
 * stances its actors took on its issues.
 */
import type { ProcessEntry } from '../knowledge/schema.js';
import type { StoredEvent, StoredStance } from '../store/store.js';

export interface Meeting {
  kind: 'meeting';
  date?: string;
  /** Root codes of the two sides as the event names them. */
  between: [string, string | null];
  place?: string;
  /** Length in hours where the report gives it ("a five-hour discussion"). */
  hours?: number;
  /** Outlets (or articles) that reported it. */
  reports: number;
  evidence: string;
  eventId: string;
}

export interface StanceEntry {
  kind: 'stance';
  date?: string;
  actor: string;
  issue: string;
  position: string;
  evidence: string;
  articleId: string;
}

export type TimelineEntry = Meeting | StanceEntry;

export interface ProcessView {
  process: ProcessEntry;
  timeline: TimelineEntry[];
}

/** The process whose id, name or alias is `name` (case-insensitive), or undefined. */
export function findProcess(processes: ProcessEntry[], name: string): ProcessEntry | undefined {
  const want = name.trim().toLowerCase();
  return processes.find((p) => [p.id, p.name, ...p.aliases].some((n) => n.toLowerCase() === want));
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const HOURS = /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]hours?\b/gi;

/**
 * Hours the meeting lasted, from the words nearest its trigger: "a five-hour
 * discussion", "more than eight hours of talks", "ended in under two hours".
 */
export function hoursNear(evidence: string, triggerOffset: number): number | undefined {
  let best: { hours: number; distance: number } | undefined;
  for (const m of evidence.matchAll(HOURS)) {
    const word = (m[1] as string).toLowerCase();
    const hours = NUMBER_WORDS[word] ?? Number(word);
    const distance = Math.abs(m.index - triggerOffset);
    if (distance < 80 && (!best || distance < best.distance)) best = { hours, distance };
  }
  return best?.hours;
}

export function processView(process: ProcessEntry, events: StoredEvent[], stances: StoredStance[]): ProcessView {
  const parties = new Set(process.parties);
  const involved = new Set([...process.parties, ...process.mediators]);
  const issues = new Set(process.issues);
  const inTime = (date?: string) => !process.from || !date || date >= process.from;
  const timeline: TimelineEntry[] = [];
  for (const e of events) {
    if (e.type !== 'CONSULT' || !inTime(e.date)) continue;
    const sides = [e.source.code, e.target?.code];
    // A meeting of the process has a party on one side and a party or mediator on the other.
    if (!sides.some((c) => c && parties.has(c)) || !sides.every((c) => c && involved.has(c))) continue;
    const hours = hoursNear(e.evidence.text, e.trigger.start - e.evidence.start);
    timeline.push({
      kind: 'meeting',
      ...(e.date ? { date: e.date } : {}),
      between: [e.source.code, e.target?.code ?? null],
      ...(e.place ? { place: e.place.name } : {}),
      ...(hours !== undefined ? { hours } : {}),
      reports: e.mentions.length,
      evidence: e.evidence.text,
      eventId: e.id,
    });
  }
  for (const s of stances) {
    if (!involved.has(s.actor.code) || !issues.has(s.issue) || !inTime(s.date)) continue;
    timeline.push({
      kind: 'stance',
      ...(s.date ? { date: s.date } : {}),
      actor: s.actor.code,
      issue: s.issue,
      position: s.position,
      evidence: s.evidence.text,
      articleId: s.articleId,
    });
  }
  timeline.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.kind === 'meeting' ? -1 : 1));
  return { process, timeline };
}
