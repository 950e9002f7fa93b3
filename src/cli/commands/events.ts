import type { Command } from 'commander';
import { allEvents, CSV_COLUMNS, csvRow } from '../../store/core/export.js';
import type { StoredEvent } from '../../store/store.js';
import type { RegisterCommand } from './index.js';
import {
  addDbOption,
  addEventFilters,
  clip,
  csv,
  type EventFilterOptions,
  eventQuery,
  format,
  positiveInt,
  table,
  withStore,
} from './store-io.js';

export function eventRows(events: StoredEvent[]): (string | number)[][] {
  return events.map((e) => [
    e.id,
    e.date ?? '',
    `${e.type}${e.negated ? ' (not)' : ''}${e.hypothetical ? ' (maybe)' : ''}`,
    `${e.source.name} [${e.source.code}]`,
    e.target ? `${e.target.name} [${e.target.code}]` : '',
    e.place?.name ?? '',
    e.mentions.length,
    clip(e.evidence.text, 80),
  ]);
}

export const EVENT_HEAD = ['id', 'date', 'type', 'source', 'target', 'place', 'reports', 'evidence'];

export const registerEvents: RegisterCommand = (program: Command) => {
  const command = program.command('events').description('List stored events, newest first, filtered');
  addDbOption(command);
  addEventFilters(command)
    .option('--limit <n>', 'at most this many events', positiveInt, 50)
    .option('--format <format>', 'table, json, jsonl or csv', 'table')
    .action(async (options: EventFilterOptions & { db?: string; limit: number; format: string }) => {
      const fmt = format(options.format);
      const query = eventQuery(options);
      await withStore(options.db, async (store) => {
        const events: StoredEvent[] = [];
        for await (const event of allEvents(store, { ...query, limit: Math.min(options.limit, 1000) })) {
          events.push(event);
          if (events.length >= options.limit) break;
        }
        const out = process.stdout;
        if (fmt === 'json') out.write(`${JSON.stringify(events, null, 2)}\n`);
        else if (fmt === 'jsonl') for (const e of events) out.write(`${JSON.stringify(e)}\n`);
        else if (fmt === 'csv') out.write(csv(events.map(csvRow), Object.keys(CSV_COLUMNS), true));
        else out.write(events.length > 0 ? table(EVENT_HEAD, eventRows(events)) : 'no events match\n');
      });
    });
};
