/** Turning a draft (text plus whatever metadata a format found) into a checked `Article`. */
import { createHash } from 'node:crypto';
import type { Article } from '../types.js';
import type { ReadResult, Settings } from './options.js';
import { checkLanguage } from './validate.js';

export type Draft = Omit<Article, 'id' | 'language' | 'origin'> & { origin: string };

/**
 * Stable id: the same text read from a file, a feed and a dump gets one id,
 * so re-ingesting is idempotent whatever the source.
 */
export function articleId(text: string): string {
  // Every run of whitespace becomes one space. Matching only runs of two or more and single non-spaces
  // does that without replacing each of the thousands of single spaces with itself: half the time.
  const normal = text
    .normalize('NFC')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex').slice(0, 16);
}

/** Line endings and Unicode form are settled here so offsets mean the same thing for every format. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Collapses the whitespace of a one-line field (title, author, outlet); empty becomes undefined. */
export function cleanField(value: string | null | undefined): string | undefined {
  const v = value?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A publication date as `YYYY-MM-DD`. The calendar date written in the
 * string wins over a UTC conversion: "2025-03-04T23:30:00-05:00" was
 * published on the 4th where it was written, though it was the 5th in UTC.
 */
export function normaliseDate(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(v);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // RFC 822 (RSS) and "4 March 2025".
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(v);
  if (m) return ymd(Number(m[3]), monthOf(m[2] as string), Number(m[1]));
  // "March 4, 2025".
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(v);
  if (m) return ymd(Number(m[3]), monthOf(m[1] as string), Number(m[2]));
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

function ymd(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  // Rejects 2025-02-30 and month 0 instead of letting Date roll them over.
  if (m < 1 || m > 12 || date.getUTCDate() !== d || y < 1800 || y > 2200) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "www.bbc.co.uk" -> "bbc.co.uk"; undefined for anything that is not an http(s) URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves a possibly relative link; undefined when it is not a usable http(s) URL. */
export function absoluteUrl(href: string | null | undefined, base?: string): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The last gate every article passes: text present, language allowed, id assigned. */
export function finish(draft: Draft, settings: Pick<Settings, 'allowLanguages'>): ReadResult {
  const text = cleanText(draft.text);
  if (text === '') return { ok: false, origin: draft.origin, reason: 'no article text found' };
  const language = checkLanguage(text, settings.allowLanguages);
  if (!language.ok) return { ok: false, origin: draft.origin, reason: language.reason };
  const article: Article = { id: articleId(text), text };
  const title = cleanField(draft.title);
  if (title) article.title = title;
  const date = normaliseDate(draft.date);
  if (date) article.date = date;
  const outlet = cleanField(draft.outlet);
  if (outlet) article.outlet = outlet;
  if (draft.url) article.url = draft.url;
  const author = cleanField(draft.author);
  if (author) article.author = author;
  if (language.value) article.language = language.value;
  article.origin = draft.origin;
  return { ok: true, article };
}
