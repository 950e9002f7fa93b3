/** `parley ledger`: pledges with repeated reports merged, and totals in US dollars by donor or recipient. */
import type { Command } from 'commander';
import { loadKnowledge } from '../../knowledge/load.js';
import { ledger, totals } from '../../tracker/tracker.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, table, withStore } from './store-io.js';

export const registerLedger: RegisterCommand = (program: Command) => {
  addDbOption(
    program
      .command('ledger')
      .description('Aid and other pledges: merged reports, totals in US dollars by donor or recipient'),
  )
    .option('--donor <code>', 'donor root code (USA, GBR, EU, ...)')
    .option('--recipient <code>', 'recipient root code')
    .option('--by <side>', 'totals by donor or recipient', 'donor')
    .option('--format <format>', 'table or json', 'table')
    .option('--sources', 'print the sentences behind each pledge')
    .action(
      async (options: {
        db?: string;
        donor?: string;
        recipient?: string;
        by: string;
        format: string;
        sources?: boolean;
      }) => {
        const fmt = format(options.format, ['table', 'json']);
        if (options.by !== 'donor' && options.by !== 'recipient') throw new Error('--by must be donor or recipient');
        const { rates } = loadKnowledge();
        await withStore(options.db, async (store) => {
          const commitments = await store.commitments({ limit: 100_000 });
          const pledges = ledger(commitments, rates).filter(
            (p) =>
              (!options.donor || p.donor === options.donor.toUpperCase()) &&
              (!options.recipient || p.recipient === options.recipient.toUpperCase()),
          );
          const sums = totals(pledges, options.by as 'donor' | 'recipient');
          if (fmt === 'json')
            return void process.stdout.write(`${JSON.stringify({ totals: sums, pledges }, null, 2)}\n`);
          process.stdout.write(
            table(
              [options.by, 'total (USD)', 'pledges'],
              sums.map((t) => [t.party, t.usd.toLocaleString('en-US'), t.pledges]),
            ),
          );
          process.stdout.write(
            table(
              ['donor', 'recipient', 'value', 'currency', 'kind', 'status', 'date', 'reports', 'purpose'],
              pledges.map((p) => [
                p.donor,
                p.recipient ?? '?',
                p.value?.toLocaleString('en-US') ?? '',
                p.currency ?? '',
                p.kind,
                p.status,
                p.date ?? '',
                p.sources.length,
                p.purpose ?? '',
              ]),
            ),
          );
          if (!options.sources) return;
          pledges.forEach((p, n) => {
            process.stdout.write(
              `\n#${n + 1} ${p.donor} -> ${p.recipient ?? '?'} ${p.value ?? ''} ${p.currency ?? ''}\n`,
            );
            for (const s of p.sources) process.stdout.write(`  [${s.articleId}] ${s.sentence}\n`);
          });
        });
      },
    );
};
