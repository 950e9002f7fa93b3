import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, PLOVER_COLUMNS } from '../../store/core/export.js';
import { CORPUS } from '../../store/fixtures.js';
import { createStore } from '../../store/store.js';
import { parley } from '../testing/run.js';

describe('store commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  const db = join(dir, 'parley.db');
  let meetingId = '';

  beforeAll(async () => {
    const store = await createStore(db);
    await store.addExtractions(CORPUS);
    const page = await store.events({ place: 'Moscow', since: '2025-12-01', until: '2025-12-05' });
    meetingId = page.events[0]?.id ?? '';
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const listCases: [string, string[], (out: string) => void][] = [
    ['events as a table', ['events', '--dyad', 'RUS-USA'], (out) => expect(out.match(/CONSULT/g)).toHaveLength(3)],
    [
      'events as JSON Lines',
      ['events', '--type', 'consult', '--place', 'Moscow', '--format', 'jsonl'],
      (out) =>
        expect(
          out
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).mentions.length),
        ).toEqual([1, 3]),
    ],
    [
      'events as CSV with the documented columns',
      ['events', '--actor', 'Germany', '--format', 'csv'],
      (out) => {
        const [header, row] = out.trim().split('\n');
        expect(header).toBe(Object.keys(CSV_COLUMNS).join(','));
        expect(row).toContain('AID');
      },
    ],
    [
      'events limited',
      ['events', '--limit', '2', '--format', 'json'],
      (out) => expect(JSON.parse(out)).toHaveLength(2),
    ],
    ['events matching nothing', ['events', '--text', 'zeppelin'], (out) => expect(out).toBe('no events match\n')],
    [
      'actors by kind',
      ['actors', '--kind', 'person', '--format', 'csv'],
      (out) => expect(out.trim().split('\n')).toHaveLength(5),
    ],
    [
      'one actor with partners',
      ['actor', 'putin'],
      (out) => {
        expect(out).toContain('aliases: Vladimir Putin; Putin; the Russian leader');
        expect(out).toContain('articles 5, events 3 (source of 3, target of 0)');
        expect(out).toMatch(/Steve Witkoff\s*│\s*USA\s*│\s*3/);
      },
    ],
    [
      'stats',
      ['stats', '--format', 'json'],
      (out) => expect(JSON.parse(out)).toMatchObject({ articles: 8, events: 9, stories: 6 }),
    ],
    [
      'export in PLOVER fields',
      ['export', '--format', 'plover', '--type', 'SANCTION'],
      (out) => {
        const [header, row] = out.trim().split('\n');
        expect(header).toBe(Object.keys(PLOVER_COLUMNS).join(','));
        expect(row).toContain('SANCTION,economic,,2025-11-20,The European Union,European Union,IGO,EU,Russia');
      },
    ],
    [
      'export of nothing still has a header',
      ['export', '--format', 'csv', '--type', 'COERCE'],
      (out) => expect(out.trim().split('\n')).toHaveLength(1),
    ],
    [
      'export column docs',
      ['export', '--format', 'plover', '--columns'],
      (out) => expect(out).toContain('source_agent\tsource sector'),
    ],
  ];
  it.each(listCases)('prints %s', async (_, args, check) => {
    const result = await parley(...args, '--db', db);
    expect(result.code).toBe(0);
    check(result.out);
  });

  it('shows every report of an event and why they were merged', async () => {
    const { out, code } = await parley('show', meetingId, '--db', db);
    expect(code).toBe(0);
    expect(out).toContain('3 reports:');
    expect(out).toContain('Reuters, 2025-12-03');
    expect(out).toContain('Al Jazeera, 2025-12-04');
    expect(out).toContain(
      'report 3: same dyad RUS-USA, type CONSULT, dates 2025-12-02/2025-12-03 within 3 days, same place Moscow',
    );
  });

  const failures: [string, string[], RegExp][] = [
    ['an unknown event', ['show', 'ev_0000000000000000', '--db', db], /no event ev_0000000000000000/],
    ['an unknown actor', ['actor', 'Nobody', '--db', db], /no actor matches Nobody/],
  ];
  it.each(failures)('reports %s with exit code 1', async (_, args, message) => {
    const { err, code } = await parley(...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  const rejected: [string, string[], RegExp][] = [
    ['a missing database', ['events', '--db', join(dir, 'missing.db')], /no database at/],
    ['an unknown event type', ['events', '--type', 'HUG', '--db', db], /unknown event type HUG/],
    ['a malformed date', ['events', '--since', '3 Dec', '--db', db], /ISO date/],
    ['a one-sided dyad', ['events', '--dyad', 'RUS', '--db', db], /--dyad wants two actors/],
    ['an unknown format', ['export', '--format', 'xml', '--db', db], /unknown format xml/],
  ];
  it.each(rejected)('rejects %s', async (_, args, message) => {
    await expect(parley(...args)).rejects.toThrow(message);
  });
});
