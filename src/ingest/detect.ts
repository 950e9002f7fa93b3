/** Which reader an input goes to: the content decides when it is clear, the extension or Content-Type when not. */
export type Format = 'text' | 'html' | 'jsonl' | 'feed';

/** Bytes looked at to decide the format; enough to get past an XML prolog or a page's opening comments. */
export const SNIFF_BYTES = 8 * 1024;

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
  '.xml': 'feed',
};

const PROLOG = String.raw`(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*`;
const FEED_ROOT = new RegExp(`^${PROLOG}<(?:rss|feed|rdf:RDF)\\b`, 'i');
const HTML_ROOT = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/i;
const JSON_FEED = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;
const HTML_TAG = /<\/?(?:p|div|body|head|article|title|span|a|h[1-6]|br|section|main)\b/i;

export interface FormatHints {
  /** Lower-cased file extension with its dot (`.html`). */
  extension?: string;
  contentType?: string;
}

export function detectFormat(head: string, hints: FormatHints = {}): Format {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (FEED_ROOT.test(s)) return 'feed';
  if (HTML_ROOT.test(s)) return 'html';
  if (s.startsWith('{') && JSON_FEED.test(s)) return 'feed';
  const byExtension = hints.extension ? BY_EXTENSION[hints.extension] : undefined;
  if (byExtension) return byExtension;
  const type = hints.contentType?.toLowerCase() ?? '';
  if (/(?:rss|atom|rdf)\+xml|feed\+json/.test(type)) return 'feed';
  if (type.includes('html')) return 'html';
  if (/ndjson|jsonl|jsonlines/.test(type)) return 'jsonl';
  if (s.startsWith('{')) return 'jsonl';
  if (s.startsWith('<') && HTML_TAG.test(s)) return 'html';
  return 'text';
}
