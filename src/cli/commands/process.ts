/** `parley process NAME`: one negotiation's meetings and stances as a timeline. */
import type { Command } from 'commander';
import { loadKnowledge } from '../../knowledge/load.js';
import type { StoredEvent } from '../../store/store.js';
import { findProcess, processView } from '../../tracker/process.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, table, withStore } from './store-io.js';

export const registerProcess: RegisterCommand = (program: Command) => {
  addDbOption(
    program
      .command('process')
      .description('A negotiation (data/issues/processes.yaml): its parties, mediators, issues, meetings and stances')
      .argument('[name]', 'process id, name or alias; omit to list the processes'),
  )
    .option('--format <format>', 'table or json', 'table')
    .action(async (name: string | undefined, options: { db?: string; format: string }) => {
      const fmt = format(options.format, ['table', 'json']);
      const { processes } = loadKnowledge();
      if (!name) {
        process.stdout.write(
          table(
            ['process', 'name', 'parties', 'mediators'],
            processes.map((p) => [p.id, p.name, p.parties.join(' '), p.mediators.join(' ')]),
          ),
        );
        return;
      }
      const found = findProcess(processes, name);
      if (!found) throw new Error(`no process named ${name} (see parley process)`);
      await withStore(options.db, async (store) => {
        const events: StoredEvent[] = [];
        for (const party of found.parties) {
          let cursor: string | undefined;
          do {
            const page = await store.events({
              type: 'CONSULT',
              actor: party,
              limit: 1000,
              ...(cursor ? { cursor } : {}),
            });
            events.push(...page.events);
            cursor = page.nextCursor;
          } while (cursor);
        }
        const unique = [...new Map(events.map((e) => [e.id, e])).values()];
        const stances = await store.stances({ limit: 100_000 });
        const view = processView(found, unique, stances);
        if (fmt === 'json') return void process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        process.stdout.write(
          `${found.name}\nparties: ${found.parties.join(', ')}\nmediators: ${found.mediators.join(', ')}\nissues: ${found.issues.join(', ')}\n`,
        );
        process.stdout.write(
          table(
            ['date', 'what', 'who', 'where / issue', 'detail'],
            view.timeline.map((t) =>
              t.kind === 'meeting'
                ? [
                    t.date ?? '',
                    'meeting',
                    t.between.filter(Boolean).join(' - '),
                    t.place ?? '',
                    `${t.hours !== undefined ? `${t.hours} h, ` : ''}${t.reports} report(s)`,
                  ]
                : [t.date ?? '', t.position, t.actor, t.issue, t.evidence.slice(0, 100)],
            ),
          ),
        );
      });
    });
};
