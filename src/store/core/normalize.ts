/**
 * Article identity. Two records are the same article when their normalised
 * URL or their normalised text is the same; both keys are unique in the
 * database so a rerun (or a second writer) adds nothing.
 */
import { createHash } from 'node:crypto';
import type { Extraction } from '../../types.js';

/** Query parameters that track readers rather than name the page. */
const TRACKING_PARAM = /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ocid$|cmpid$|ref$|taid$)/i;

/**
 * Lower-cases scheme and host, drops `www.`, the fragment, tracking
 * parameters and a trailing slash, and sorts the remaining parameters, so
 * the same page fetched through a feed and a share link gets one key.
 */
export function normaliseUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim() || null;
  }
  const params = [...parsed.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAM.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  // http and https serve the same article; the scheme is not part of its identity.
  return `${host}${path}${query}`;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Case, accents, punctuation and spacing differ between copies of one text without changing it. Every run of
 * characters other than letters and digits becomes one space. In ASCII those are the runs outside a-z and 0-9
 * once lower-cased, and only a run holding other characters needs the Unicode classes, which cost four times as
 * much over a whole article: the result is the same as replacing with the Unicode classes throughout.
 */
export function normaliseText(text: string): string {
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, (run) => (NON_ASCII.test(run) ? run.replace(/[^\p{L}\p{N}]+/gu, ' ') : ' '))
    .trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The text an article is identified and compared by: its full text. An
 * extraction serialised before articles carried their text (JSON written by
 * an older `parley extract`) has none; its sentences cover the text, and
 * evidence spans are the last resort.
 */
export function articleText(extraction: Extraction): string {
  if (extraction.article.text?.trim()) return extraction.article.text;
  const parts = extraction.sentences.length > 0 ? extraction.sentences : extraction.events.map((e) => e.evidence);
  const body = parts.map((s) => s.text).join(' ');
  return body || (extraction.article.title ?? '');
}

/** `normalised`: `normaliseText(articleText(extraction))`, when the caller has it already. */
export function articleFingerprint(
  extraction: Extraction,
  normalised = normaliseText(articleText(extraction)),
): string {
  return sha256(normalised);
}

/** Short stable ids derived from content, so reruns and other writers produce the same ids. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${sha256(parts.join('\u0000')).slice(0, 16)}`;
}
