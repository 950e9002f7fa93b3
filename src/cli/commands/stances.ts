/** `parley stances`: the matrix of actors x issues at a date, with how each stance moved. */
import type { Command } from 'commander';
import { stanceMatrix } from '../../tracker/tracker.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, table, withStore } from './store-io.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const registerStances: RegisterCommand = (program: Command) => {
  addDbOption(
    program
      .command('stances')
      .description("The matrix of actors x issues: each actor's latest stance, and how it moved"),
  )
    .option('--issue <issue>', 'one issue id (see parley issues)')
    .option('--at <date>', 'the matrix as it stood on this date (YYYY-MM-DD)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { db?: string; issue?: string; at?: string; format: string }) => {
      const fmt = format(options.format, ['table', 'json']);
      if (options.at && !ISO_DATE.test(options.at)) throw new Error(`--at must be YYYY-MM-DD, got ${options.at}`);
      await withStore(options.db, async (store) => {
        const stances = await store.stances({ ...(options.issue ? { issue: options.issue } : {}), limit: 100_000 });
        const matrix = stanceMatrix(stances, options.at);
        if (fmt === 'json') {
          const json = Object.fromEntries([...matrix].map(([actor, row]) => [actor, Object.fromEntries(row)]));
          return void process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        }
        const issues = [...new Set([...matrix.values()].flatMap((row) => [...row.keys()]))].sort();
        const rows = [...matrix].map(([actor, row]) => [
          actor,
          ...issues.map((i) => {
            const cell = row.get(i);
            return cell ? [...cell.history, cell.position].join(' > ') : '';
          }),
        ]);
        process.stdout.write(table(['actor', ...issues], rows));
      });
    });
};
