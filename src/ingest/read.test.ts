import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadOptions, type ReadResult, readInputs } from './index.js';

const FIXTURES = 'src/ingest/fixtures';
const fixture = (name: string) => join(FIXTURES, name);

async function readAll(inputs: string[], options: ReadOptions = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const result of readInputs(inputs, options)) out.push(result);
  return out;
}

/** Article fields without the body, for compact expectations. */
function meta(result: ReadResult | undefined) {
  if (!result?.ok) throw new Error(`expected an article, got ${JSON.stringify(result)}`);
  const { text: _text, ...rest } = result.article;
  return rest;
}

function text(result: ReadResult | undefined): string {
  if (!result?.ok) throw new Error(`expected an article, got ${JSON.stringify(result)}`);
  return result.article.text;
}

describe('one article per file', () => {
  const cases: [string, string, Record<string, unknown>, string[], string[]][] = [
    [
      'news page with nav, ads and footer',
      'news-page.html',
      {
        title: 'Ukraine and Russia agree to prisoner swap after Istanbul talks',
        date: '2025-06-02',
        outlet: 'The Meridian Herald',
        author: 'Elena Markova',
        url: 'https://www.meridianherald.example/world/2025/06/02/istanbul-talks',
        language: 'eng',
      },
      [
        "Ukraine and Russia agreed on Monday to exchange all severely wounded and young prisoners of war, Ukraine's defence minister said after a second round of direct talks in Istanbul lasted a little over an hour.\nRustem Umerov, who led the Ukrainian delegation, told reporters that the two sides had also agreed to return the bodies of 6,000 soldiers killed in the fighting.",
        'The next round of talks has not been scheduled, officials on both sides said.',
      ],
      ['Advertisement', 'crossword', 'Subscribe', 'Privacy policy', 'Related stories', 'morning briefing', 'Luxury'],
    ],
    [
      'plain text with a headline line',
      'plain.txt',
      { title: 'Ceasefire talks resume in Doha', language: 'eng' },
      ['Ceasefire talks resume in Doha\n\nQatar said on Sunday', 'The talks were expected to last several days.'],
      [],
    ],
  ];
  it.each(cases)('%s', async (_name, file, expected, contains, absent) => {
    const [result, ...rest] = await readAll([fixture(file)]);
    expect(rest).toEqual([]);
    expect(meta(result)).toMatchObject({ ...expected, origin: fixture(file) });
    expect(meta(result).id).toMatch(/^[0-9a-f]{16}$/);
    for (const part of contains) expect(text(result)).toContain(part);
    for (const part of absent) expect(text(result)).not.toContain(part);
  });
});

describe('rejections', () => {
  const cases: [string, string, string][] = [
    ['empty file', 'empty.txt', 'empty input'],
    ['invalid UTF-8', 'invalid-utf8.txt', 'invalid UTF-8 at byte 41'],
    ['French news', 'french.txt', 'language fra (French) is not allowed (allowed: eng)'],
    ['Spanish news', 'spanish.txt', 'language spa (Spanish) is not allowed (allowed: eng)'],
    ['missing file', 'no-such-file.txt', 'no such file or directory'],
  ];
  it.each(cases)('%s', async (_name, file, reason) => {
    expect(await readAll([fixture(file)])).toEqual([{ ok: false, origin: fixture(file), reason }]);
  });

  it('accepts other languages when allowed', async () => {
    const [result] = await readAll([fixture('french.txt')], { allowLanguages: ['eng', 'fra'] });
    expect(meta(result).language).toBe('fra');
  });

  it('refuses URL schemes other than http and https', async () => {
    expect(await readAll(['ftp://example.org/news.txt'])).toEqual([
      { ok: false, origin: 'ftp://example.org/news.txt', reason: 'unsupported URL scheme ftp:' },
    ]);
  });
});

describe('feeds from files', () => {
  it('reads RSS 2.0 items from content:encoded, else the description', async () => {
    const results = await readAll([fixture('feed-rss.xml')]);
    expect(results.map(meta)).toEqual([
      {
        id: expect.any(String),
        title: 'Ukraine and Russia agree to prisoner swap after Istanbul talks',
        date: '2025-06-02',
        outlet: 'The Meridian Herald - World',
        author: 'Elena Markova',
        // Relative item links resolve against the channel's link when the feed is a file.
        url: 'https://www.meridianherald.example/world/2025/06/02/istanbul-talks',
        origin: `${fixture('feed-rss.xml')}#1`,
      },
      {
        id: expect.any(String),
        title: 'EU ministers approve new sanctions on Iran over drone deliveries',
        date: '2025-06-03',
        outlet: 'The Meridian Herald - World',
        author: 'Tomas Lindqvist',
        url: 'https://www.meridianherald.example/world/2025/06/03/eu-iran-sanctions',
        language: 'eng',
        origin: `${fixture('feed-rss.xml')}#2`,
      },
      {
        id: expect.any(String),
        title: "Sudan's army and RSF agree to humanitarian truce in El Fasher",
        date: '2025-06-04',
        outlet: 'The Meridian Herald - World',
        url: 'https://www.meridianherald.example/world/2025/06/04/sudan-truce',
        language: 'eng',
        origin: `${fixture('feed-rss.xml')}#3`,
      },
    ]);
    expect(text(results[0])).toBe('Kyiv and Moscow agree to exchange wounded prisoners but no ceasefire.');
    expect(text(results[1])).toMatch(/^European Union foreign ministers .* Ukraine\.\nThe measures freeze/);
    expect(text(results[2])).toMatch(/^Sudan's army .* the United Nations said\.\nThe UN envoy/);
  });

  it('reads Atom entries from content, else the summary', async () => {
    const results = await readAll([fixture('feed-atom.xml')]);
    expect(results.map(meta)).toEqual([
      {
        id: expect.any(String),
        title: 'China and the Philippines trade accusations over shoal collision',
        date: '2025-03-11',
        outlet: 'Harbour Wire: Diplomacy',
        author: 'Maria Santos',
        url: 'https://harbourwire.example/diplomacy/41877',
        language: 'eng',
        origin: `${fixture('feed-atom.xml')}#1`,
      },
      {
        id: expect.any(String),
        title: 'Armenia and Azerbaijan finalise text of peace treaty',
        date: '2025-03-13',
        outlet: 'Harbour Wire: Diplomacy',
        url: 'https://harbourwire.example/diplomacy/41902',
        language: 'eng',
        origin: `${fixture('feed-atom.xml')}#2`,
      },
    ]);
    expect(text(results[0])).toContain("summoned China's ambassador on Tuesday");
    expect(text(results[1])).toContain('must change its constitution');
  });
});

describe('other feed formats', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-ingest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates and creators', async () => {
    const file = join(dir, 'feed.rdf');
    await writeFile(
      file,
      `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/"><title>Wire</title><link>https://wire.example/</link><description>d</description></channel>
  <item rdf:about="https://wire.example/1"><title>Kosovo and Serbia resume EU-brokered talks</title><link>https://wire.example/1</link>
    <description>Kosovo and Serbia resumed EU-brokered talks in Brussels on Friday, the bloc's envoy said.</description>
    <dc:date>2025-04-25T09:00:00+02:00</dc:date><dc:creator>Ana Petrovic</dc:creator></item>
</rdf:RDF>`,
    );
    const [result, ...rest] = await readAll([file]);
    expect(rest).toEqual([]);
    expect(meta(result)).toMatchObject({
      title: 'Kosovo and Serbia resume EU-brokered talks',
      date: '2025-04-25',
      author: 'Ana Petrovic',
      outlet: 'Wire',
      url: 'https://wire.example/1',
      origin: `${file}#1`,
    });
  });

  it('reads a JSON Feed, plain-text content first', async () => {
    const file = join(dir, 'feed.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Gulf Monitor',
        items: [
          {
            id: '1',
            url: 'https://gulf.example/oman-talks',
            title: 'Oman hosts talks',
            content_text: 'Iran and the United States held talks in Oman on Saturday.',
            date_published: '2025-04-12T10:00:00+04:00',
            authors: [{ name: 'Sara Haddad' }],
          },
          { id: '2', title: 'Nothing here' },
        ],
      }),
    );
    const results = await readAll([file]);
    expect(meta(results[0])).toMatchObject({
      title: 'Oman hosts talks',
      date: '2025-04-12',
      author: 'Sara Haddad',
      outlet: 'Gulf Monitor',
      origin: `${file}#1`,
    });
    expect(results[1]).toEqual({ ok: false, origin: `${file}#2`, reason: 'no article text found' });
  });
});

describe('JSON Lines dumps', () => {
  it('reads every good line, rejects the bad one by line number, skips blank lines', async () => {
    const file = fixture('dump.jsonl');
    const results = await readAll([file]);
    expect(results.map((r) => (r.ok ? r.article.origin : r))).toEqual([
      `${file}:1`,
      `${file}:2`,
      { ok: false, origin: `${file}:3`, reason: 'invalid JSON: Unterminated string in JSON at position 65' },
      `${file}:4`,
      { ok: false, origin: `${file}:6`, reason: 'no "text" or "html" field' },
    ]);
    expect(meta(results[0])).toMatchObject({
      title: 'US and Russian officials meet in Riyadh',
      date: '2025-02-18',
      outlet: 'Northstar News',
      url: 'https://www.northstar.example/2025/02/18/riyadh',
    });
    // No source field: the URL's host stands in for the outlet.
    expect(meta(results[1])).toMatchObject({ date: '2025-02-19', outlet: 'northstar.example' });
    expect(meta(results[3])).toMatchObject({ title: 'NATO allies pledge support', outlet: 'Northstar News' });
    expect(text(results[3])).toMatch(/^NATO allies pledged on Thursday .* in Brussels\.$/);
  });

  it('names the field that has the wrong type', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-ingest-'));
    try {
      const file = join(dir, 'dump.jsonl');
      await writeFile(
        file,
        '{"title": 7, "text": "NATO allies met in Brussels on Thursday to discuss the war."}\n[1, 2]\n',
      );
      expect(await readAll([file])).toEqual([
        { ok: false, origin: `${file}:1`, reason: 'field "title": Invalid input: expected string, received number' },
        { ok: false, origin: `${file}:2`, reason: 'not a JSON object' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('generated inputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-ingest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects a binary file by its share of control bytes', async () => {
    const file = join(dir, 'x.bin');
    await writeFile(file, Buffer.concat([Buffer.from('a'.repeat(880)), Buffer.alloc(120, 1)]));
    const results = await readAll([file]);
    expect(results).toEqual([{ ok: false, origin: file, reason: 'binary file (12% control bytes)' }]);
  });

  it('rejects an image by its NUL bytes', async () => {
    const file = join(dir, 'photo.png');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    expect(await readAll([file])).toEqual([{ ok: false, origin: file, reason: 'binary file (NUL byte at 8)' }]);
  });

  it('rejects a 50 MB file from its size, quickly', async () => {
    const file = join(dir, 'huge.txt');
    const handle = await open(file, 'w');
    const block = Buffer.alloc(1024 * 1024, 'war and peace ');
    for (let i = 0; i < 50; i++) await handle.write(block);
    await handle.close();
    const started = performance.now();
    const results = await readAll([file]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(results).toEqual([{ ok: false, origin: file, reason: 'too large: 50.0 MB exceeds the 10.0 MB limit' }]);
    await rm(file);
  });

  it('limits a dump per line, so one huge record does not sink the rest', async () => {
    const file = join(dir, 'big.jsonl');
    const body = 'The foreign minister said talks would continue. '.repeat(100);
    await writeFile(
      file,
      `${JSON.stringify({ text: body })}\n${JSON.stringify({ text: 'NATO allies met in Brussels.' })}\n`,
    );
    const results = await readAll([file], { maxBytes: 1000 });
    expect(results[0]).toEqual({
      ok: false,
      origin: `${file}:1`,
      reason: 'too large: 4.7 KB exceeds the 1000 bytes limit',
    });
    expect(meta(results[1])).toMatchObject({ origin: `${file}:2` });
  });

  it('reads a folder recursively in sorted order, skipping hidden files', async () => {
    const root = join(dir, 'corpus');
    await mkdir(join(root, 'b-sub'), { recursive: true });
    await writeFile(join(root, 'c.txt'), 'Iran and the United States held talks in Oman on Saturday.');
    await writeFile(join(root, 'a.txt'), 'China warned Taiwan on Monday against any move towards independence.');
    await writeFile(join(root, 'b-sub', 'z.txt'), 'Israel and Lebanon agreed to a ceasefire on Wednesday.');
    await writeFile(join(root, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
    await writeFile(join(root, 'empty.txt'), '   \n');
    const results = await readAll([root]);
    expect(results.map((r) => (r.ok ? r.article.origin : `${r.origin}: ${r.reason}`))).toEqual([
      join(root, 'a.txt'),
      join(root, 'b-sub', 'z.txt'),
      join(root, 'c.txt'),
      `${join(root, 'empty.txt')}: only whitespace`,
    ]);
  });

  it('gives identical text from two places one id', async () => {
    await writeFile(join(dir, 'copy.txt'), 'Iran and the United States  held talks\nin Oman on Saturday.');
    const [a, b] = await readAll([join(dir, 'corpus', 'c.txt'), join(dir, 'copy.txt')]);
    expect(meta(a).id).toBe(meta(b).id);
  });
});

describe('stdin', () => {
  const stdin = (...chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

  it('reads an HTML page piped in', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(fixture('news-page.html'), 'utf8');
    const [result] = await readAll(['-'], { stdin: stdin(html.slice(0, 100), html.slice(100)) });
    expect(meta(result)).toMatchObject({
      title: 'Ukraine and Russia agree to prisoner swap after Istanbul talks',
      date: '2025-06-02',
      origin: 'stdin',
    });
  });

  it('reads JSON Lines piped in, line by line', async () => {
    const results = await readAll(['-'], {
      stdin: stdin('{"text": "Israel and Lebanon agreed to a ceasefire."}\n', 'oops\n'),
    });
    expect(results.map((r) => (r.ok ? r.article.origin : r.origin))).toEqual(['stdin:1', 'stdin:2']);
  });

  it('stops reading at the size limit', async () => {
    const results = await readAll(['-'], { stdin: stdin('x'.repeat(600), 'y'.repeat(600)), maxBytes: 1000 });
    expect(results).toEqual([{ ok: false, origin: 'stdin', reason: 'too large: over the 1000 bytes limit' }]);
  });
});
