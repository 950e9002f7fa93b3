/**
 * Dates, absolute and relative to the article's date, read by chrono-node
 * from the sentences where wink found a DATE entity or a weekday word (so
 * that chrono runs on a small share of the text).
 */
import * as chrono from 'chrono-node';
import type { DateMention } from '../../types.js';
import { type Context, span } from '../context.js';

const DATE_WORDS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|ago|last|next|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b/i;

export function readDates(ctx: Context): void {
  const { doc } = ctx;
  const reference = ctx.article.date ? new Date(`${ctx.article.date}T12:00:00Z`) : undefined;
  const withEntity = new Set(doc.entities.filter((e) => e.type === 'DATE').map((e) => doc.tokens[e.first]?.sentence));
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    if (!sentence) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    if (!withEntity.has(s) && !DATE_WORDS.test(text)) continue;
    const results = chrono.parse(text, reference ?? new Date(), { forwardDate: false });
    for (const r of results) {
      const known = r.start;
      const year = known.get('year');
      if (!year) continue;
      const relative = !known.isCertain('year') || /ago|last|next|yesterday|today|tonight|day$/i.test(r.text);
      if (relative && !reference) continue;
      const month = known.get('month') ?? 1;
      const day = known.get('day') ?? 1;
      const precision: DateMention['precision'] = known.isCertain('day') || /day|ago|yesterday|today|tonight/i.test(r.text) ? 'day' : known.isCertain('month') ? 'month' : 'year';
      const start = sentence.start + r.index;
      ctx.dates.push({
        span: span(ctx, start, start + r.text.length),
        value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        precision,
        relative,
        rule: relative ? 'date.relative' : 'date.absolute',
      });
    }
  }
  if (!reference && ctx.dates.length === 0 && DATE_WORDS.test(doc.text)) {
    ctx.warnings.push('no article date: relative dates are not resolved');
  }
}
