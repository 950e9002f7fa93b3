/**
 * The CPU half of reading: one piece of raw input (a document's bytes, a dump
 * line, a feed item with its fetched page) becomes one article or one reason.
 * The I/O half (`read.ts`) finds and reads the bytes. They are apart so that
 * `ingest` can parse on its worker threads: pieces and results are plain data
 * that cross threads, and the main thread keeps only reading and writing.
 */
import { cleanText, type Draft, finish, hostOf } from './article.js';
import { detectFormat, SNIFF_BYTES } from './detect.js';
import type { FeedItem } from './feed.js';
import type { Fetched } from './fetch.js';
import { htmlFragmentText, readHtml } from './html.js';
import { readRecord } from './jsonl.js';
import type { ReadResult, Settings } from './options.js';
import { readText } from './text.js';
import { decodeText } from './validate.js';

/** What parsing needs of the read options; all of it can be sent to a thread. */
export type ParseSettings = Pick<Settings, 'allowLanguages'>;

/** One article's worth of input, read but not yet parsed. Every piece gives exactly one `ReadResult`. */
export type Piece =
  /** Refused while reading (a missing file, over the size limit). */
  | { kind: 'rejected'; origin: string; reason: string }
  /** A whole plain-text or HTML document; `url` is where it was fetched from, for relative links. */
  | { kind: 'document'; origin: string; format: 'text' | 'html'; bytes: Uint8Array; url?: string }
  /** One non-blank line of a JSON Lines dump. */
  | { kind: 'record'; origin: string; bytes: Uint8Array }
  /** A feed item; `page` is its fetched page when the feed came from a URL and the page could be had. */
  | { kind: 'item'; origin: string; item: FeedItem; feedTitle?: string; page?: Fetched };

/** Never throws: an unforeseen error becomes `unexpected error: ...` for this piece alone. */
export function parsePiece(piece: Piece, s: ParseSettings): ReadResult {
  try {
    return parse(piece, s);
  } catch (e) {
    return { ok: false, origin: piece.origin, reason: `unexpected error: ${(e as Error).message}` };
  }
}

function parse(piece: Piece, s: ParseSettings): ReadResult {
  switch (piece.kind) {
    case 'rejected':
      return { ok: false, origin: piece.origin, reason: piece.reason };
    case 'document': {
      const decoded = decodeText(piece.bytes);
      if (!decoded.ok) return { ok: false, origin: piece.origin, reason: decoded.reason };
      const draft =
        piece.format === 'html'
          ? readHtml(decoded.value, piece.origin, piece.url)
          : readText(decoded.value, piece.origin);
      return finish(draft, s);
    }
    case 'record': {
      const record = readRecord(piece.bytes, piece.origin);
      return 'reason' in record ? { ok: false, origin: piece.origin, reason: record.reason } : finish(record, s);
    }
    case 'item':
      return finish(itemArticle(piece.item, piece.origin, piece.feedTitle, piece.page), s);
  }
}

/**
 * A feed item's article: its page when that gives at least as much text as
 * the feed's own content (the item's title kept), else the feed's content,
 * since a paywall or cookie wall yields a stub page.
 */
function itemArticle(item: FeedItem, origin: string, feedTitle: string | undefined, fetched?: Fetched): Draft {
  const text = item.text?.trim() ? item.text : htmlFragmentText(item.html?.trim() ? item.html : (item.summary ?? ''));
  const own: Draft = {
    origin,
    text,
    title: item.title,
    date: item.date,
    author: item.author,
    url: item.link,
    outlet: feedTitle ?? hostOf(item.link),
  };
  const page = fetched && pageDraft(fetched);
  if (!page || cleanText(page.text).length < cleanText(own.text).length) return own;
  return {
    ...page,
    title: item.title ?? page.title,
    date: page.date ?? item.date,
    author: page.author ?? item.author,
    outlet: page.outlet ?? own.outlet,
  };
}

/** A fetched item page read as HTML, or undefined when it is not a readable HTML page. */
function pageDraft({ bytes, url, contentType }: Fetched): Draft | undefined {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return undefined;
  const format = detectFormat(decoded.value.slice(0, SNIFF_BYTES), { contentType });
  return format === 'html' ? readHtml(decoded.value, url, url) : undefined;
}
