/**
 * What the query commands (events, actors, actor, show, stats, export)
 * share: opening the store named by --db or PARLEY_DB, turning options into
 * an EventQuery, and writing rows as a table, JSON, JSON Lines or CSV.
 */
import { existsSync } from 'node:fs';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { createStore, defaultDbUrl, type EventQuery, type Store } from '../../store/store.js';
import type { EventType } from '../../types.js';
import { EVENT_TYPES } from '../../vocabulary.js';

export { EVENT_TYPES };

export function addDbOption(command: Command): Command {
  return command.option(
    '--db <url>',
    'database: a SQLite path or sqlite:PATH, or postgres://... (default $PARLEY_DB or ./parley.db)',
  );
}

/** Opens the store, runs `fn`, closes it. A query against a SQLite file that does not exist is an error, not a new empty file. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const url = db ?? defaultDbUrl();
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    const path = url.replace(/^sqlite:(\/\/)?/i, '');
    if (path !== ':memory:' && !existsSync(path)) throw new Error(`no database at ${path} (set --db or PARLEY_DB)`);
  }
  const store = await createStore(url);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface EventFilterOptions {
  actor?: string;
  source?: string;
  target?: string;
  dyad?: string;
  type?: string;
  since?: string;
  until?: string;
  place?: string;
  issue?: string;
  text?: string;
}

export function addEventFilters(command: Command): Command {
  return command
    .option('--actor <ref>', 'actor on either side: code (RUS), store id, name or alias')
    .option('--source <ref>', 'actor on the source side')
    .option('--target <ref>', 'actor on the target side')
    .option('--dyad <a-b>', 'two actors facing each other, either direction (RUS-USA)')
    .option('--type <type>', `PLOVER event type (${EVENT_TYPES.join(', ')})`)
    .option('--since <date>', 'events on or after this ISO date')
    .option('--until <date>', 'events on or before this ISO date')
    .option('--place <place>', 'place name or ISO alpha-3 country of the place')
    .option('--issue <issue>', 'negotiation issue id (ceasefire, territory, ...)')
    .option('--text <words>', 'words in the evidence sentence of any report');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function eventQuery(o: EventFilterOptions): EventQuery {
  const q: EventQuery = {};
  if (o.type) {
    const type = o.type.toUpperCase() as EventType;
    if (!EVENT_TYPES.includes(type)) throw new Error(`unknown event type ${o.type} (one of ${EVENT_TYPES.join(', ')})`);
    q.type = type;
  }
  for (const key of ['since', 'until'] as const) {
    const value = o[key];
    if (value === undefined) continue;
    if (!ISO_DATE.test(value)) throw new Error(`--${key} wants an ISO date YYYY-MM-DD, got ${value}`);
    q[key] = value;
  }
  if (o.dyad) {
    // Codes hold no hyphen, but names may ("Guinea-Bissau"): split on the first hyphen only when it leaves two parts.
    const parts = o.dyad.includes(',') ? o.dyad.split(',') : o.dyad.split(/-(.*)/s, 2);
    const [a, b] = parts.map((p) => p.trim());
    if (!a || !b) throw new Error(`--dyad wants two actors, as RUS-USA or "Russia,United States"; got ${o.dyad}`);
    q.dyad = [a, b];
  }
  for (const key of ['actor', 'source', 'target', 'place', 'issue', 'text'] as const) {
    if (o[key] !== undefined) q[key] = o[key];
  }
  return q;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive whole number, got ${value}`);
  return n;
}

export type Format = 'table' | 'json' | 'jsonl' | 'csv';
export const FORMATS: readonly Format[] = ['table', 'json', 'jsonl', 'csv'];

export function format(value: string | undefined, allowed: readonly string[] = FORMATS): string {
  const f = (value ?? allowed[0] ?? '').toLowerCase();
  if (!allowed.includes(f)) throw new Error(`unknown format ${value} (one of ${allowed.join(', ')})`);
  return f;
}

export type Cell = string | number;

export function table(head: string[], rows: Cell[][]): string {
  // No rule between rows: listings run to hundreds of lines.
  const t = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  t.push(...rows.map((r) => r.map(String)));
  return `${t.toString()}\n`;
}

export function csv(rows: Record<string, Cell>[], columns: string[], header: boolean): string {
  return stringify(rows, { header, columns });
}

export function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
