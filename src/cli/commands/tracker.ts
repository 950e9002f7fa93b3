/**
 * The negotiation tracker's commands: `parley issues`, `parley stances`,
 * `parley ledger`, over the store and the knowledge files.
 */
import type { Command } from 'commander';
import { loadKnowledge } from '../../knowledge/load.js';
import { ledger, stanceMatrix, totals } from '../../tracker/tracker.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, format, table, withStore } from './store-io.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const registerTracker: RegisterCommand = (program: Command) => {
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

  addDbOption(
    program
      .command('ledger')
      .description('Aid and other pledges: merged reports, totals in US dollars by donor or recipient'),
  )
    .option('--donor <code>', 'donor root code (USA, GBR, EU, ...)')
    .option('--recipient <code>', 'recipient root code')
    .option('--by <side>', 'totals by donor or recipient', 'donor')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { db?: string; donor?: string; recipient?: string; by: string; format: string }) => {
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
        if (fmt === 'json') return void process.stdout.write(`${JSON.stringify({ totals: sums, pledges }, null, 2)}\n`);
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
      });
    });
};
