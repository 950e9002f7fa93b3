/**
 * The safety checks every input passes before it becomes an article. Each
 * failure is a reason a person can act on ("invalid UTF-8 at byte 1234"),
 * because the reader reports it instead of throwing.
 */
import { francAll } from 'franc-min';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Share of control bytes above which a file is taken for binary; text with a few stray escapes stays text. */
const BINARY_CONTROL_SHARE = 0.05;
/** How much of the input the binary and language checks look at: enough to judge, cheap on 10 MB. */
const SAMPLE_BYTES = 64 * 1024;
const LANGUAGE_SAMPLE_CHARS = 4000;
/** Below this many characters franc guesses wildly ("Russia said on Tuesday it would talk." reads as Ilocano). */
const MIN_LANGUAGE_CHARS = 120;
/** Share of English function words that marks a text as English whatever franc says. */
const ENGLISH_WORD_SHARE = 0.2;
/** franc's score for English, relative to its best guess, above which the text is taken for English. */
const ENGLISH_CLOSE = 0.9;
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in is was that for on with said by as at it from has have had be are were will would his her their its an this which not who'.split(
    ' ',
  ),
);

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

export function checkSize(bytes: number, limit: number): string | undefined {
  return bytes > limit ? `too large: ${formatBytes(bytes)} exceeds the ${formatBytes(limit)} limit` : undefined;
}

/** Decodes bytes as UTF-8 text, rejecting empty, binary and mis-encoded input. */
export function decodeText(bytes: Uint8Array): Checked<string> {
  if (bytes.length === 0) return { ok: false, reason: 'empty input' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text (byte-order mark); convert it to UTF-8' };
  }
  const binary = binaryReason(bytes.subarray(0, SAMPLE_BYTES));
  if (binary) return { ok: false, reason: binary };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  }
  if (text.trim() === '') return { ok: false, reason: 'only whitespace' };
  return { ok: true, value: text };
}

function binaryReason(sample: Uint8Array): string | undefined {
  const nul = sample.indexOf(0);
  if (nul >= 0) return `binary file (NUL byte at ${nul})`;
  let control = 0;
  for (const b of sample) {
    // Tab, line feed, form feed and carriage return are text; escape (0x1b) is not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  const share = control / sample.length;
  return share > BINARY_CONTROL_SHARE ? `binary file (${Math.round(share * 100)}% control bytes)` : undefined;
}

/**
 * Byte offset of the first byte that does not start a well-formed UTF-8
 * sequence (TextDecoder says only that decoding failed, not where).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * The language of a text as an ISO 639-3 code, or undefined when the text is
 * too short to tell and does not read as English.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (englishWordShare(sample) >= ENGLISH_WORD_SHARE) return 'eng';
  if (sample.replace(/\s+/g, ' ').trim().length < MIN_LANGUAGE_CHARS) return undefined;
  const scores = francAll(sample);
  const best = scores[0];
  if (!best || best[0] === 'und') return undefined;
  // Headline-like English ("EU approves Iran sanctions; Sudan army, RSF agree truce") can edge out as French by a
  // hair; real French, Spanish or German text leaves English far behind (0.7 or less).
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0;
  return english >= ENGLISH_CLOSE ? 'eng' : best[0];
}

function englishWordShare(sample: string): number {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length;
}

/** Checks the language against the allowed list; returns the detected code (if any) when it passes. */
export function checkLanguage(text: string, allow: readonly string[]): Checked<string | undefined> {
  const language = detectLanguage(text);
  if (allow.includes('*') || language === undefined || allow.includes(language)) return { ok: true, value: language };
  return {
    ok: false,
    reason: `language ${language} (${languageName(language)}) is not allowed (allowed: ${allow.join(', ')})`,
  };
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
