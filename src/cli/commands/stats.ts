import type { Command } from 'commander';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, positiveInt, table, withStore } from './store-io.js';

export const registerStats: RegisterCommand = (program: Command) => {
  const command = program
    .command('stats')
    .description('Counts: articles, stories, events by type and by day, top dyads');
  addDbOption(command)
    .option('--top <n>', 'how many dyads to list', positiveInt, 10)
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { db?: string; top: number; format: string }) => {
      const fmt = format(options.format, ['table', 'json']);
      await withStore(options.db, async (store) => {
        const s = await store.stats({ limit: options.top });
        if (fmt === 'json') return void process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        const out = process.stdout;
        out.write(
          table(
            ['articles', 'stories', 'events', 'reports', 'actors', 'statements', 'commitments', 'stances'],
            [[s.articles, s.stories, s.events, s.mentions, s.actors, s.statements, s.commitments, s.stances]],
          ),
        );
        if (s.byType.length > 0)
          out.write(
            `events by type\n${table(
              ['type', 'events'],
              s.byType.map((t) => [t.key, t.count]),
            )}`,
          );
        if (s.byDay.length > 0)
          out.write(
            `events by day\n${table(
              ['day', 'events'],
              s.byDay.map((d) => [d.key, d.count]),
            )}`,
          );
        if (s.topDyads.length > 0) {
          out.write(
            `top dyads\n${table(
              ['source', 'target', 'events'],
              s.topDyads.map((d) => [d.key.source, d.key.target, d.count]),
            )}`,
          );
        }
      });
    });
};
