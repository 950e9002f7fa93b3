import { describe, expect, it } from 'vitest';
import type { ProcessEntry } from '../knowledge/schema.js';
import type { StoredEvent, StoredStance } from '../store/store.js';
import { findProcess, hoursNear, processView } from './process.js';

const talks: ProcessEntry = {
  id: 'russia-ukraine',
  name: 'Russia-Ukraine peace talks',
  aliases: ['Istanbul talks'],
  parties: ['RUS', 'UKR'],
  mediators: ['USA', 'TUR'],
  issues: ['ceasefire', 'peace-plan'],
  from: '2022-02-28',
};
const ref = (code: string) => ({ actorId: code, code, name: code, kind: 'state' as const });
const text = 'Putin held a five-hour discussion with U.S. envoys at the Kremlin.';

const meeting = (source: string, target: string, date: string): StoredEvent =>
  ({
    id: `ev_${source}${target}${date}`,
    type: 'CONSULT',
    cameo: '040',
    goldstein: 1,
    quadClass: 1,
    source: ref(source),
    target: ref(target),
    negated: false,
    hypothetical: false,
    date,
    place: {
      span: { start: 55, end: 66, text: 'the Kremlin' },
      name: 'the Kremlin',
      country: 'RUS',
      rule: 'place.seat',
    },
    trigger: { start: 25, end: 35, text: 'discussion' },
    evidence: { start: 0, end: text.length, text },
    amounts: [],
    issues: [],
    rule: 'consult.discussion',
    sourceActorId: source,
    targetActorId: target,
    mentions: [],
    mergeReasons: [],
  }) as unknown as StoredEvent;

describe('processes', () => {
  it('finds a process by id, name or alias', () => {
    expect(findProcess([talks], 'istanbul TALKS')?.id).toBe('russia-ukraine');
    expect(findProcess([talks], 'Gaza')).toBeUndefined();
  });

  it('reads how long a meeting lasted', () => {
    expect(hoursNear(text, 25)).toBe(5);
    expect(hoursNear('after more than eight hours of talks', 30)).toBe(8);
    expect(hoursNear('a short meeting', 2)).toBeUndefined();
  });

  it('puts meetings between parties and mediators, and stances on its issues, on one timeline', () => {
    const stance: StoredStance = {
      id: 'st1',
      articleId: 'a',
      actor: ref('NATO'),
      issue: 'ceasefire',
      position: 'demands',
      date: '2025-12-03',
      evidence: { start: 0, end: 4, text: 'NATO' },
      rule: 'stance.request',
    };
    const ukr = { ...stance, actor: ref('UKR'), date: '2025-12-04' };
    const view = processView(
      talks,
      [meeting('RUS', 'USA', '2025-12-02'), meeting('ISR', 'USA', '2025-12-02'), meeting('RUS', 'UKR', '2021-01-01')],
      [stance, ukr],
    );
    expect(view.timeline.map((t) => t.kind)).toEqual(['meeting', 'stance']);
    expect(view.timeline[0]).toMatchObject({ between: ['RUS', 'USA'], place: 'the Kremlin', hours: 5 });
    expect(view.timeline[1]).toMatchObject({ actor: 'UKR', position: 'demands' });
  });
});
