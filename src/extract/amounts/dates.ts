/**
 * Dates, absolute and relative to the article's date, read by chrono-node
 * from the date phrases the date finder proposes.
 */
import * as chrono from 'chrono-node';
import type { Token } from '../../nlp/index.js';
import type { DateMention } from '../../types.js';
import { type Context, type Memo, span } from '../context.js';
import { findDatePhrases } from './date-phrases.js';

/** Bound on the memo: a day of news repeats "on Tuesday" thousands of times, but not without end. */
const MEMO_LIMIT = 50_000;

export function readDates(ctx: Context): void {
  const { doc } = ctx;
  const reference = ctx.article.date ? new Date(`${ctx.article.date}T12:00:00Z`) : undefined;
  // chrono reads only the date phrases ("Tuesday", "four years ago", "March 3, 2025"):
  // running it on whole sentences would cost more than the rest of extraction.
  const phrases = findDatePhrases(doc, ctx.knowledge.dates);
  for (const phrase of phrases) {
    const phraseStart = (doc.tokens[phrase.first] as Token).start;
    const text = doc.text.slice(phraseStart, (doc.tokens[phrase.last - 1] as Token).end);
    const key = `${text}|${ctx.article.date ?? ''}`;
    let parsed = ctx.memo.dates.get(key);
    if (!parsed) {
      parsed = parseDates(text, reference);
      if (ctx.memo.dates.size >= MEMO_LIMIT) ctx.memo.dates.clear();
      ctx.memo.dates.set(key, parsed);
    }
    for (const d of parsed) {
      const start = phraseStart + d.index;
      ctx.dates.push({
        span: span(ctx, start, start + d.text.length),
        value: d.value,
        precision: d.precision,
        relative: d.relative,
        rule: d.relative ? 'date.relative' : 'date.absolute',
      });
    }
  }
  if (!reference && phrases.length) {
    ctx.warnings.push('no article date: relative dates are not resolved');
  }
}

function parseDates(text: string, reference: Date | undefined): Memo['dates'] extends Map<string, infer V> ? V : never {
  const out: Memo['dates'] extends Map<string, infer V> ? V : never = [];
  for (const r of chrono.parse(text, reference ?? new Date(), { forwardDate: false })) {
    const known = r.start;
    const year = known.get('year');
    if (!year) continue;
    const relative = !known.isCertain('year') || /ago|last|next|yesterday|today|tonight|day$/i.test(r.text);
    if (relative && !reference) continue;
    const month = known.get('month') ?? 1;
    const day = known.get('day') ?? 1;
    const precision: DateMention['precision'] =
      known.isCertain('day') || /day|ago|yesterday|today|tonight/i.test(r.text)
        ? 'day'
        : known.isCertain('month')
          ? 'month'
          : 'year';
    out.push({
      index: r.index,
      text: r.text,
      value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      precision,
      relative,
    });
  }
  return out;
}
