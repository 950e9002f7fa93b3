/**
 * Tests of data/dates/dates.yaml: the file validates, no form means two
 * things, the calendar is complete and in order, and each word is written
 * the way the finder compares it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dateWordSchema, fileSchema } from '../../src/knowledge/schema.js';

const file = fileSchema(dateWordSchema).parse(parse(readFileSync(new URL('./dates.yaml', import.meta.url), 'utf8')));
const words = file.entries;
const ofKind = (kind: string) => words.filter((w) => w.kind === kind);

describe('date words (data/dates/dates.yaml)', () => {
  it('gives every form one meaning', () => {
    const forms = words.flatMap((w) => [w.word, ...w.forms].map((f) => f.toLowerCase()));
    expect(forms.filter((f, n) => forms.indexOf(f) !== n)).toEqual([]);
  });

  it('lists the twelve months in calendar order and the seven weekdays', () => {
    const months = ofKind('month').map((w) => w.word);
    expect(months).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
    expect(ofKind('weekday').map((w) => w.word)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });

  it('writes months and weekdays with their capital and every other word in lower case', () => {
    const named = new Set(['month', 'weekday']);
    const wrong = words.filter((w) =>
      [w.word, ...w.forms].some((f) => (named.has(w.kind) ? !/^\p{Lu}/u.test(f) : f !== f.toLowerCase())),
    );
    expect(wrong).toEqual([]);
  });

  it('abbreviates months only, each with its period', () => {
    const abbreviations = words.flatMap((w) => w.forms.filter((f) => f.endsWith('.')).map((f) => [w.kind, f]));
    expect(abbreviations.every(([kind]) => kind === 'month')).toBe(true);
    expect(ofKind('month').flatMap((w) => w.forms.filter((f) => !f.endsWith('.')))).toEqual([]);
  });

  it('marks the months that are also common English words', () => {
    expect(words.filter((w) => w.ambiguous).map((w) => w.word)).toEqual(['March', 'May']);
  });
});
