/** Reading URLs and feed URLs against a real HTTP server on 127.0.0.1; nothing leaves the machine. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadOptions, type ReadResult, readInputs } from './index.js';

const FIXTURES = 'src/ingest/fixtures';

async function readAll(inputs: string[], options: ReadOptions = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const result of readInputs(inputs, options)) out.push(result);
  return out;
}

function article(result: ReadResult | undefined) {
  if (!result?.ok) throw new Error(`expected an article, got ${JSON.stringify(result)}`);
  return result.article;
}

let server: Server;
let base: string;
let inFlight = 0;
let maxInFlight = 0;

const BROKEN_FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken Links Daily</title><link>http://127.0.0.1/</link><description>x</description>
<item><title>Gone</title><link>/missing</link><description>Iran and the United States held a fourth round of talks in Oman on Sunday, officials said.</description></item>
<item><title>Stuck</title><link>/slow</link><description>China warned Taiwan on Monday against any move towards independence, state media said.</description></item>
</channel></rss>`;

beforeAll(async () => {
  const file = (name: string) => readFile(join(FIXTURES, name));
  const routes: Record<string, [string, Buffer | string]> = {
    '/world/rss.xml': ['application/rss+xml; charset=utf-8', await file('feed-rss.xml')],
    '/world/2025/06/02/istanbul-talks': ['text/html; charset=utf-8', await file('news-page.html')],
    '/world/2025/06/03/eu-iran-sanctions': ['text/html; charset=utf-8', await file('item-eu-sanctions.html')],
    '/world/2025/06/04/sudan-truce': ['text/html; charset=utf-8', await file('paywall.html')],
    '/broken.xml': ['application/rss+xml', BROKEN_FEED],
    '/notes': ['text/plain', 'Talks in Oman\n\nIran and the United States held talks in Oman on Saturday.'],
  };
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (path === '/slow') return; // Never answers: the reader's timeout must end it.
    if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.end();
      return;
    }
    const route = routes[path];
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // A short delay so concurrent item fetches overlap and the bound can be observed.
    setTimeout(() => {
      inFlight--;
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': route[0] });
      res.end(route[1]);
    }, 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('URLs', () => {
  it('reads a feed URL through each item page, falling back to the feed content behind a paywall', async () => {
    maxInFlight = 0;
    const feed = `${base}/world/rss.xml`;
    const results = await readAll([feed], { concurrency: 2 });
    expect(results).toHaveLength(3);
    const [istanbul, sanctions, sudan] = results.map(article);

    expect(istanbul).toMatchObject({
      title: 'Ukraine and Russia agree to prisoner swap after Istanbul talks',
      date: '2025-06-02',
      outlet: 'The Meridian Herald',
      author: 'Elena Markova',
      url: `${base}/world/2025/06/02/istanbul-talks`,
      origin: `${base}/world/2025/06/02/istanbul-talks`,
      language: 'eng',
    });
    // The page's full story, not the feed's one-line description.
    expect(istanbul?.text).toContain('Rustem Umerov, who led the Ukrainian delegation');
    expect(istanbul?.text).not.toContain('crossword');

    expect(sanctions).toMatchObject({
      title: 'EU ministers approve new sanctions on Iran over drone deliveries',
      date: '2025-06-03',
      outlet: 'The Meridian Herald',
      origin: `${base}/world/2025/06/03/eu-iran-sanctions`,
    });
    expect(sanctions?.text).toContain('Hungary, which has blocked previous packages');
    expect(sanctions?.text).not.toContain('Home');

    expect(sudan).toMatchObject({
      title: "Sudan's army and RSF agree to humanitarian truce in El Fasher",
      date: '2025-06-04',
      outlet: 'The Meridian Herald - World',
      url: `${base}/world/2025/06/04/sudan-truce`,
      origin: `${feed}#3`,
    });
    expect(sudan?.text).toMatch(/^Sudan's army and the paramilitary Rapid Support Forces/);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it('uses the feed content when item pages fail or time out', async () => {
    const feed = `${base}/broken.xml`;
    const started = performance.now();
    const results = await readAll([feed], { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(results.map(article).map((a) => [a.origin, a.url, a.outlet, a.text.slice(0, 20)])).toEqual([
      [`${feed}#1`, `${base}/missing`, 'Broken Links Daily', 'Iran and the United '],
      [`${feed}#2`, `${base}/slow`, 'Broken Links Daily', 'China warned Taiwan '],
    ]);
  });

  it('does not fetch item pages when told not to', async () => {
    const results = await readAll([`${base}/world/rss.xml`], { followFeedLinks: false });
    expect(article(results[0]).text).toBe('Kyiv and Moscow agree to exchange wounded prisoners but no ceasefire.');
  });

  it('reads a page URL and a plain-text URL', async () => {
    const [page, notes] = await readAll([`${base}/world/2025/06/02/istanbul-talks`, `${base}/notes`]);
    expect(article(page)).toMatchObject({ date: '2025-06-02', outlet: 'The Meridian Herald' });
    expect(article(notes)).toMatchObject({ title: 'Talks in Oman', origin: `${base}/notes` });
  });

  const failures: [string, string, ReadOptions, string][] = [
    ['a 404', '/missing', {}, 'HTTP 404 Not Found'],
    ['a server that never answers', '/slow', { timeoutMs: 200 }, 'timed out after 200 ms'],
    ['a declared 50 MB body', '/big', {}, 'too large: 50.0 MB exceeds the 10.0 MB limit'],
  ];
  it.each(failures)('rejects %s', async (_name, path, options, reason) => {
    expect(await readAll([`${base}${path}`], options)).toEqual([{ ok: false, origin: `${base}${path}`, reason }]);
  });
});
