import type { Command } from 'commander';
import { allEvents, CSV_COLUMNS, csvRow, PLOVER_COLUMNS, ploverRow } from '../../store/core/export.js';
import type { RegisterCommand } from './index.js';
import {
  addDbOption,
  addEventFilters,
  csv,
  type EventFilterOptions,
  eventQuery,
  format,
  withStore,
} from './store-io.js';

const EXPORT_FORMATS = ['jsonl', 'csv', 'plover'];

export const registerExport: RegisterCommand = (program: Command) => {
  const command = program
    .command('export')
    .description(
      'Write every matching event: jsonl (full events with reports), csv, or plover (CSV with POLECAT field names)',
    );
  addDbOption(command);
  addEventFilters(command)
    .option('--format <format>', 'jsonl, csv or plover', 'jsonl')
    .option('--columns', 'describe the columns of the csv and plover formats and exit')
    .action(async (options: EventFilterOptions & { db?: string; format: string; columns?: boolean }) => {
      const fmt = format(options.format, EXPORT_FORMATS);
      const out = process.stdout;
      if (options.columns) {
        const columns = fmt === 'plover' ? PLOVER_COLUMNS : CSV_COLUMNS;
        for (const [name, doc] of Object.entries(columns)) out.write(`${name}\t${doc}\n`);
        return;
      }
      const query = eventQuery(options);
      await withStore(options.db, async (store) => {
        const columns = Object.keys(fmt === 'plover' ? PLOVER_COLUMNS : CSV_COLUMNS);
        let header = true;
        for await (const event of allEvents(store, query)) {
          // Row by row, so a large export streams instead of building one string.
          if (fmt === 'jsonl') out.write(`${JSON.stringify(event)}\n`);
          else out.write(csv([fmt === 'plover' ? ploverRow(event) : csvRow(event)], columns, header));
          header = false;
        }
        if (header && fmt !== 'jsonl') out.write(csv([], columns, true));
      });
    });
};
