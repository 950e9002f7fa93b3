import type { Command } from 'commander';
import type { ActorKind } from '../../types.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, clip, csv, format, positiveInt, table, withStore } from './store-io.js';

export const registerActors: RegisterCommand = (program: Command) => {
  const command = program.command('actors').description('List stored actors, most reported first');
  addDbOption(command)
    .option('--name <text>', 'part of a name or alias')
    .option('--code <code>', 'root code (RUS, NATO)')
    .option('--kind <kind>', 'state, organization, region, person, group or unknown')
    .option('--limit <n>', 'at most this many actors', positiveInt, 100)
    .option('--format <format>', 'table, json, jsonl or csv', 'table')
    .action(
      async (options: { db?: string; name?: string; code?: string; kind?: string; limit: number; format: string }) => {
        const fmt = format(options.format);
        await withStore(options.db, async (store) => {
          const actors = await store.actors({
            name: options.name,
            code: options.code,
            kind: options.kind as ActorKind | undefined,
            limit: options.limit,
          });
          const out = process.stdout;
          if (fmt === 'json') return void out.write(`${JSON.stringify(actors, null, 2)}\n`);
          if (fmt === 'jsonl') return void out.write(actors.map((a) => `${JSON.stringify(a)}\n`).join(''));
          const rows = actors.map((a) => ({
            id: a.id,
            name: a.name,
            code: a.code,
            kind: a.kind,
            sector: a.sector ?? '',
            articles: a.counts.articles,
            events: a.counts.events,
            roles: a.roles.join('; '),
            aliases: a.aliases.join('; '),
          }));
          if (fmt === 'csv') return void out.write(csv(rows, Object.keys(rows[0] ?? { id: '' }), true));
          out.write(
            rows.length === 0
              ? 'no actors match\n'
              : table(
                  ['id', 'name', 'kind', 'articles', 'events', 'aliases'],
                  rows.map((r) => [r.id, r.name, r.kind, r.articles, r.events, clip(r.aliases, 60)]),
                ),
          );
        });
      },
    );
};
