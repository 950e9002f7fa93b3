import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parley } from '../testing/run.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const news = file(
  'news.txt',
  'Ukrainian Foreign Minister Andrii Sybiha called on Russia to stop attacking energy infrastructure. ' +
    'Canada pledged $50 million in humanitarian aid to Ukraine on Tuesday.\n',
);

describe('parley extract', () => {
  it('writes one JSON object per input, in input order, with events, actors and amounts', async () => {
    const second = file(
      'second.txt',
      'The European Union imposed new sanctions on Iran over its drone deliveries to Russia.\n',
    );
    const { out, code } = await parley('extract', '--format', 'jsonl', '--date', '2025-11-25', news, second);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].article.origin).toBe(news);
    expect(
      lines[0].events.map(
        (e: { type: string; source: { code: string }; target: { code: string } }) =>
          `${e.type} ${e.source.code}>${e.target.code}`,
      ),
    ).toContain('REQUEST UKR>RUS');
    expect(lines[0].amounts[0]).toMatchObject({ value: 50_000_000, currency: 'USD' });
    expect(lines[0].dates[0]).toMatchObject({ value: '2025-11-25', relative: true });
    expect(lines[1].events[0]).toMatchObject({ type: 'SANCTION', source: { code: 'EU' }, target: { code: 'IRN' } });
  });

  it('reports each bad input with its file and reason, and still reads the others', async () => {
    const empty = file('empty.txt', '');
    const binary = file('blob.bin', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0]));
    const invalid = file('latin1.txt', Buffer.from([0x50, 0x61, 0x72, 0xe9, 0x73, 0x20, 0x61, 0x20, 0x64, 0x69, 0x74]));
    const french = file(
      'french.txt',
      'Le ministre ukrainien des Affaires étrangères a appelé la Russie à cesser ses attaques contre les infrastructures énergétiques du pays, a déclaré mardi le porte-parole du gouvernement à Kiev.\n',
    );
    const { out, err, code } = await parley('extract', '--format', 'jsonl', empty, binary, invalid, french, news);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    for (const path of [empty, binary, invalid, french]) expect(err).toContain(path);
    expect(err).toMatch(/empty/);
    expect(err).toMatch(/binary/);
    expect(err).toMatch(/UTF-8/);
    expect(err).toMatch(/language|fra/i);
  });

  it('exits non-zero only when nothing could be read', async () => {
    const { code, err } = await parley('extract', file('only-empty.txt', '   \n'));
    expect(code).not.toBe(0);
    expect(err).toMatch(/nothing could be read/);
  });

  it('pretty output shows each event with its sentence', async () => {
    const { out } = await parley('extract', '--format', 'pretty', '--date', '2025-11-25', news);
    expect(out).toMatch(/REQUEST 020 UKR -> RUS/);
    expect(out).toContain('called on');
  });

  it('rejects a malformed --date', async () => {
    await expect(parley('extract', '--date', 'Tuesday', news)).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('negotiation tracker commands', () => {
  it('shows stances and a merged ledger from an ingested store', async () => {
    const db = join(dir, 'tracker.db');
    const text =
      'Britain urged Russia to agree to a ceasefire on Tuesday. ' +
      'Britain pledged £150 million in military aid to Ukraine, Downing Street said.\n';
    const a = file('uk-1.txt', text);
    const b = file('uk-2.txt', `${text}The Kremlin rejected the ceasefire proposal.\n`);
    expect((await parley('ingest', '--db', db, '--workers', '1', '--date', '2025-07-03', a, b)).code).toBe(0);
    const stances = await parley('stances', '--db', db, '--format', 'json');
    expect(JSON.parse(stances.out).GBR.ceasefire.position).toBe('demands');
    const ledger = JSON.parse((await parley('ledger', '--db', db, '--format', 'json')).out);
    expect(ledger.pledges).toHaveLength(1);
    expect(ledger.pledges[0]).toMatchObject({
      donor: 'GBR',
      recipient: 'UKR',
      value: 150_000_000,
      currency: 'GBP',
      kind: 'military',
    });
    expect(ledger.pledges[0].sources).toHaveLength(2);
    expect(ledger.totals[0]).toMatchObject({ party: 'GBR', usd: 202_500_000 });
  });
});
