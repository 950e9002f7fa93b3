import type { Command } from 'commander';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, table, withStore } from './store-io.js';

export const registerActor: RegisterCommand = (program: Command, setExitCode) => {
  const command = program
    .command('actor')
    .description('One actor: aliases, roles, counts and main partners')
    .argument('<ref>', 'name, alias, root code or store id ("Putin", RUS, NATO)');
  addDbOption(command)
    .option('--format <format>', 'table or json', 'table')
    .action(async (ref: string, options: { db?: string; format: string }) => {
      const fmt = format(options.format, ['table', 'json']);
      await withStore(options.db, async (store) => {
        const actor = await store.actor(ref);
        if (!actor) {
          process.stderr.write(`no actor matches ${ref}\n`);
          setExitCode(1);
          return;
        }
        if (fmt === 'json') return void process.stdout.write(`${JSON.stringify(actor, null, 2)}\n`);
        const c = actor.counts;
        const lines = [
          `${actor.name}  [${actor.id}]`,
          `kind ${actor.kind}${actor.sector ? `, sector ${actor.sector}` : ''}, code ${actor.code}${actor.kbId ? `, knowledge base ${actor.kbId}` : ''}`,
          `roles: ${actor.roles.join('; ') || '-'}`,
          `aliases: ${actor.aliases.join('; ')}`,
          `articles ${c.articles}, events ${c.events} (source of ${c.asSource}, target of ${c.asTarget})`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        if (actor.partners.length > 0) {
          process.stdout.write(
            `main partners:\n${table(
              ['partner', 'code', 'events'],
              actor.partners.map((p) => [p.name, p.code, p.events]),
            )}`,
          );
        }
      });
    });
};
