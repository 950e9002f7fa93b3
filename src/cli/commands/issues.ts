/** `parley issues`: the negotiation issues, their vocabulary, and how many stored events touch each. */
import type { Command } from 'commander';
import { loadKnowledge } from '../../knowledge/load.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, table, withStore } from './store-io.js';

export const registerIssues: RegisterCommand = (program: Command) => {
  addDbOption(
    program.command('issues').description('Negotiation issues, their terms, and how many stored events touch each'),
  )
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { db?: string; format: string }) => {
      const fmt = format(options.format, ['table', 'json']);
      const { issues } = loadKnowledge();
      await withStore(options.db, async (store) => {
        const rows = [];
        for (const issue of issues) {
          const page = await store.events({ issue: issue.id, limit: 1000 });
          rows.push({
            id: issue.id,
            name: issue.name,
            events: page.events.length,
            terms: issue.terms.slice(0, 4).join(', '),
          });
        }
        if (fmt === 'json') return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        process.stdout.write(
          table(
            ['issue', 'name', 'events', 'terms'],
            rows.map((r) => [r.id, r.name, r.events === 1000 ? '1000+' : r.events, r.terms]),
          ),
        );
      });
    });
};
