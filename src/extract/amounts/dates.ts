/**
 * Dates, absolute and relative to the article's date, read by chrono-node
 * from the DATE entities wink found.
 */
import * as chrono from 'chrono-node';
import type { DateMention } from '../../types.js';
import { type Context, type Memo, span } from '../context.js';

/** Bound on the memo: a day of news repeats "on Tuesday" thousands of times, but not without end. */
const MEMO_LIMIT = 50_000;

export function readDates(ctx: Context): void {
  const { doc } = ctx;
  const reference = ctx.article.date ? new Date(`${ctx.article.date}T12:00:00Z`) : undefined;
  // chrono reads only what wink marked as a DATE ("Tuesday", "four years ago", "March 3, 2025"):
  // running it on whole sentences would cost more than the rest of extraction.
  for (const entity of doc.entities) {
    if (entity.type !== 'DATE') continue;
    const key = `${entity.text}|${ctx.article.date ?? ''}`;
    let parsed = ctx.memo.dates.get(key);
    if (!parsed) {
      parsed = parseDates(entity.text, reference);
      if (ctx.memo.dates.size >= MEMO_LIMIT) ctx.memo.dates.clear();
      ctx.memo.dates.set(key, parsed);
    }
    for (const d of parsed) {
      const start = entity.start + d.index;
      ctx.dates.push({
        span: span(ctx, start, start + d.text.length),
        value: d.value,
        precision: d.precision,
        relative: d.relative,
        rule: d.relative ? 'date.relative' : 'date.absolute',
      });
    }
  }
  if (!reference && doc.entities.some((e) => e.type === 'DATE')) {
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
