/**
 * POST /articles: one article in, through the same reader the CLI uses, so
 * a page posted here and the same page read from disk get the same text,
 * id, date and language check.
 */
import { Readable } from 'node:stream';
import { readInputs } from '../ingest/index.js';
import type { Article } from '../types.js';

export interface ArticleJson {
  text: string;
  title?: string | undefined;
  date?: string | undefined;
  outlet?: string | undefined;
  url?: string | undefined;
}

export type Read = { ok: true; article: Article } | { ok: false; reason: string };

/** A JSON article becomes one dump record (`outlet` is a dump's `source`), an HTML page or plain text is read as a document. */
export async function readPosted(body: ArticleJson | string, maxBytes: number): Promise<Read> {
  const bytes =
    typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : Buffer.from(
          `${JSON.stringify({ text: body.text, title: body.title, date: body.date, source: body.outlet, url: body.url })}\n`,
          'utf8',
        );
  const results: Read[] = [];
  for await (const r of readInputs(['-'], { stdin: Readable.from([bytes]), maxBytes })) {
    results.push(r.ok ? { ok: true, article: r.article } : { ok: false, reason: r.reason });
  }
  const [first] = results;
  if (!first) return { ok: false, reason: 'no article found in the request body' };
  if (results.length > 1) return { ok: false, reason: `one article per request; the body holds ${results.length}` };
  return first;
}
