/** JSON Lines news dumps: one record per line, each line judged on its own. */
import { z } from 'zod';
import { type Draft, hostOf } from './article.js';
import { readHtml } from './html.js';
import { decodeText } from './validate.js';

const field = z.string().nullish();
const RecordSchema = z.looseObject({
  url: field,
  title: field,
  date: field,
  source: field,
  author: field,
  text: field,
  html: field,
});

export type Line = { line: number; bytes: Uint8Array } | { line: number; tooLong: number };

/**
 * Splits a byte stream into lines without holding more than one line, and
 * not even that when the line is over the limit: a 50 MB line is counted and
 * dropped, not buffered.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let line = 1;
  const take = (): Line => {
    const out: Line = size > maxBytes ? { line, tooLong: size } : { line, bytes: Buffer.concat(parts) };
    parts = [];
    size = 0;
    line++;
    return out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      size += piece.length;
      if (size <= maxBytes) parts.push(piece);
      else parts = [];
      if (nl === -1) break;
      yield take();
      start = nl + 1;
    }
  }
  if (size > 0) yield take();
}

/** A draft from one non-blank line of a dump (size and blankness are judged as lines are split), or a reason to reject it. */
export function readRecord(bytes: Uint8Array, origin: string): Draft | { reason: string } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { reason: decoded.reason };
  let json: unknown;
  try {
    json = JSON.parse(decoded.value);
  } catch (e) {
    return { reason: `invalid JSON: ${(e as Error).message}` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { reason: 'not a JSON object' };
  const parsed = RecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `field "${issue?.path.join('.')}": ${issue?.message}` };
  }
  const r = parsed.data;
  const fields = {
    title: r.title ?? undefined,
    date: r.date ?? undefined,
    outlet: r.source ?? undefined,
    url: r.url ?? undefined,
    author: r.author ?? undefined,
  };
  if (r.text?.trim()) return { origin, text: r.text, ...fields, outlet: fields.outlet ?? hostOf(fields.url) };
  if (r.html?.trim()) {
    const page = readHtml(r.html, origin, fields.url);
    return {
      origin,
      text: page.text,
      title: fields.title ?? page.title,
      date: fields.date ?? page.date,
      outlet: fields.outlet ?? page.outlet,
      url: fields.url ?? page.url,
      author: fields.author ?? page.author,
    };
  }
  return { reason: 'no "text" or "html" field' };
}
