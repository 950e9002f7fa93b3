import { describe, expect, it } from 'vitest';
import { articleId, normaliseDate } from './article.js';
import { detectFormat } from './detect.js';
import { checkLanguage, decodeText, detectLanguage, firstInvalidUtf8 } from './validate.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  const cases: [string, Uint8Array, string][] = [
    ['empty', bytes(), 'empty input'],
    ['whitespace only', bytes(' \n\t\r\n  '), 'only whitespace'],
    [
      'PNG header',
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'binary file (NUL byte at 8)',
    ],
    ['12% control bytes', bytes('a'.repeat(880), Array(120).fill(0x01)), 'binary file (12% control bytes)'],
    ['UTF-16 with BOM', bytes([0xff, 0xfe, 0x41, 0]), 'UTF-16 text (byte-order mark); convert it to UTF-8'],
    ['Latin-1 byte', bytes('Bogot', [0xe1], ' talks'), 'invalid UTF-8 at byte 5'],
    ['truncated sequence at the end', bytes('Kyiv ', [0xe2, 0x80]), 'invalid UTF-8 at byte 5'],
    ['overlong slash', bytes('ab', [0xc0, 0xaf]), 'invalid UTF-8 at byte 2'],
    ['encoded surrogate', bytes('é', [0xed, 0xa0, 0x80]), 'invalid UTF-8 at byte 2'],
  ];
  it.each(cases)('%s', (_name, input, reason) => {
    expect(decodeText(input)).toEqual({ ok: false, reason });
  });

  it('keeps text with a few tabs and form feeds, and drops a UTF-8 byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Col1\tCol2\fnext page — “quoted” €5'))).toEqual({
      ok: true,
      value: 'Col1\tCol2\fnext page — “quoted” €5',
    });
  });

  it('finds no bad byte in valid UTF-8', () => {
    expect(firstInvalidUtf8(bytes('Zürich, Kyiv, 北京, 🇺🇦'))).toBe(-1);
  });
});

describe('detectLanguage', () => {
  const cases: [string, string, string | undefined][] = [
    ['short English that franc reads as Ilocano', 'Russia said on Tuesday it would talk.', 'eng'],
    ['a headline too short to tell', 'Talks resume.', undefined],
    [
      'French',
      "Le ministre des Affaires étrangères a rencontré lundi à Genève son homologue russe pour discuter d'un éventuel cessez-le-feu en Ukraine. Les deux hommes ont convenu de poursuivre les négociations dans les prochaines semaines.",
      'fra',
    ],
    [
      'Spanish',
      'El Gobierno de Colombia y la guerrilla del ELN acordaron el martes en Caracas prorrogar el cese al fuego bilateral durante otros seis meses, según un comunicado conjunto leído por los negociadores.',
      'spa',
    ],
  ];
  it.each(cases)('%s', (_name, text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('normaliseDate', () => {
  const cases: [string, string | undefined][] = [
    ['2025-06-02T18:45:00+03:00', '2025-06-02'],
    // The date where it was written, not in UTC (which would be the 4th).
    ['Tue, 03 Jun 2025 23:10:00 -0400', '2025-06-03'],
    ['2025-03-11T22:15:00-08:00', '2025-03-11'],
    ['Feb 19, 2025', '2025-02-19'],
    ['19 February 2025', '2025-02-19'],
    ['20250219T101500', '2025-02-19'],
    ['2025-02-30', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ];
  it.each(cases)('%s -> %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('articleId', () => {
  it('is the same for the same text whatever the whitespace and Unicode form', () => {
    const a = articleId('Talks in Genève ended.\n\nNo deal.');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(articleId('  Talks in Gene\u0300ve ended. No   deal. ')).toBe(a);
    expect(articleId('Talks in Gene\u0301ve ended. No deal.')).not.toBe(a);
    // Pinned: stores key articles by it, so a rerun after an upgrade must find them under the same id.
    expect(a).toBe('fb004c6dd827917a');
    expect(articleId('Tabs\tand\u00a0no-break\u2003spaces')).toBe(articleId('Tabs and no-break spaces'));
  });
});

describe('detectFormat', () => {
  const cases: [string, string, { extension?: string; contentType?: string }, string][] = [
    ['RSS behind a prolog', '<?xml version="1.0"?>\n<!-- hi -->\n<rss version="2.0">', {}, 'feed'],
    ['Atom named .txt', '<feed xmlns="http://www.w3.org/2005/Atom">', { extension: '.txt' }, 'feed'],
    ['HTML page', '<!DOCTYPE html><html>', {}, 'html'],
    ['JSON Feed', '{"version": "https://jsonfeed.org/version/1.1", "items": []}', {}, 'feed'],
    ['JSON Lines', '{"text": "a"}\n{"text": "b"}', {}, 'jsonl'],
    ['a fragment from a text/html response', '<p>Hello</p>', { contentType: 'text/html; charset=utf-8' }, 'html'],
    ['plain text', 'Ceasefire talks resume in Doha', {}, 'text'],
    ['text file that starts with a brace', '{Updated} Talks resume', { extension: '.txt' }, 'text'],
  ];
  it.each(cases)('%s', (_name, head, hints, format) => {
    expect(detectFormat(head, hints)).toBe(format);
  });
});

describe('checkLanguage', () => {
  it('does not reject English headlines that have few function words', () => {
    const headlines =
      'Ukraine, Russia swap prisoners after Istanbul talks; EU approves Iran sanctions; Sudan army, RSF agree El Fasher truce; Armenia, Azerbaijan finalise peace treaty text';
    expect(checkLanguage(headlines, ['eng']).ok).toBe(true);
  });

  it('names the language it rejects and accepts it when allowed', () => {
    const french =
      "Le ministre des Affaires étrangères a rencontré lundi à Genève son homologue russe pour discuter d'un éventuel cessez-le-feu en Ukraine.";
    expect(checkLanguage(french, ['eng'])).toEqual({
      ok: false,
      reason: 'language fra (French) is not allowed (allowed: eng)',
    });
    expect(checkLanguage(french, ['eng', 'fra'])).toEqual({ ok: true, value: 'fra' });
    expect(checkLanguage(french, ['*'])).toEqual({ ok: true, value: 'fra' });
  });
});
