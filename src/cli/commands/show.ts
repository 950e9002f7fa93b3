import type { Command } from 'commander';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, withStore } from './store-io.js';

export const registerShow: RegisterCommand = (program: Command, setExitCode) => {
  const command = program
    .command('show')
    .description('One event: every report of it with its sentence, outlet and date, and why reports were merged')
    .argument('<event-id>', 'global event id (ev_...)');
  addDbOption(command)
    .option('--format <format>', 'text or json', 'text')
    .action(async (id: string, options: { db?: string; format: string }) => {
      const fmt = format(options.format, ['text', 'json']);
      await withStore(options.db, async (store) => {
        const e = await store.event(id);
        if (!e) {
          process.stderr.write(`no event ${id}\n`);
          setExitCode(1);
          return;
        }
        if (fmt === 'json') return void process.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
        const flags = [e.negated ? 'negated' : '', e.hypothetical ? 'hypothetical' : ''].filter(Boolean);
        const out = [
          `${e.id}  ${e.type}${e.mode ? `/${e.mode}` : ''}  CAMEO ${e.cameo}  Goldstein ${e.goldstein}${flags.length ? `  (${flags.join(', ')})` : ''}`,
          `${e.source.name} [${e.sourceActorId}] -> ${e.target ? `${e.target.name} [${e.targetActorId}]` : '(no target)'}`,
          `date ${e.date ?? 'unknown'}${e.place ? `, ${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : ''}${e.issues.length ? `, issues: ${e.issues.join(', ')}` : ''}`,
          '',
          `${e.mentions.length} report${e.mentions.length === 1 ? '' : 's'}:`,
        ];
        e.mentions.forEach((m, i) => {
          out.push(
            `  ${i + 1}. ${m.outlet ?? 'unknown outlet'}, ${m.articleDate ?? 'undated'}${m.title ? ` — ${m.title}` : ''}`,
            `     ${m.url ?? m.articleId}  (${m.localEventId}, event date ${m.date ?? 'unknown'}, trigger "${m.trigger.text}")`,
            `     "${m.evidence.text}"`,
          );
        });
        if (e.mergeReasons.length > 0) {
          out.push('', 'merged because:');
          for (const r of e.mergeReasons) {
            const n = e.mentions.findIndex((m) => m.articleId === r.articleId && m.localEventId === r.localEventId);
            out.push(`  report ${n + 1}: ${r.reason}`);
          }
        }
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
};
