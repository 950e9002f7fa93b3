import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { type GoldRecord, score, scoreTracker, type TrackerScore } from '../../eval/score.js';
import { createExtractor } from '../../extract/index.js';
import type { RegisterCommand } from './index.js';

export const registerEval: RegisterCommand = (program: Command) => {
  program
    .command('eval')
    .description('Score extraction against gold files (../shared/spec/gold-format.md)')
    .argument('<gold...>', 'gold JSON Lines files')
    .option('--json', 'print the report as JSON')
    .option('--show', 'list misses and false positives with their sentences')
    .option('--data <dir>', 'knowledge folder (default: the bundled data/)')
    .action((golds: string[], options: { json?: boolean; show?: boolean; data?: string }) => {
      const extractor = createExtractor(options.data ? { dataDir: options.data } : {});
      const items = golds.flatMap((gold) =>
        readFileSync(gold, 'utf8')
          .split('\n')
          .filter((line) => line.trim())
          .map((line, n) => {
            let record: GoldRecord;
            try {
              record = JSON.parse(line) as GoldRecord;
            } catch (error) {
              throw new Error(`${gold}:${n + 1}: not JSON: ${(error as Error).message}`);
            }
            const text = record.text ?? readFileSync(resolve(dirname(gold), record.file ?? ''), 'utf8');
            return { record, text, extraction: extractor.extract({ text, id: record.id, date: record.date }) };
          }),
      );
      const report = score(items);
      const hasTracker = items.some((x) => x.record.stances || x.record.commitments);
      const tracker = hasTracker ? scoreTracker(items) : undefined;
      if (options.json) {
        const { misses, ...rest } = report;
        const trackerJson = tracker && !options.show ? { ...tracker, misses: undefined } : tracker;
        process.stdout.write(
          `${JSON.stringify({ ...(options.show ? report : rest), ...(trackerJson ?? {}) }, null, 2)}\n`,
        );
        return;
      }
      const pct = (x: number) => x.toFixed(3);
      const rows = [['type', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1']];
      for (const [type, c] of Object.entries(report.byType))
        rows.push([type, `${c.tp}`, `${c.fp}`, `${c.fn}`, pct(c.precision), pct(c.recall), pct(c.f1)]);
      const o = report.overall;
      rows.push(['ALL', `${o.tp}`, `${o.fp}`, `${o.fn}`, pct(o.precision), pct(o.recall), pct(o.f1)]);
      const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
      const hasEvents = items.some((x) => x.record.events);
      if (hasEvents) {
        if (options.show) {
          for (const m of report.misses) {
            process.stdout.write(
              `${m.kind.toUpperCase()} ${m.record} ${m.type} ${m.source}->${m.target} [${m.trigger ?? ''}]\n    ${m.sentence}\n`,
            );
          }
          process.stdout.write('\n');
        }
        for (const r of rows) process.stdout.write(`${r.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')}\n`);
        process.stdout.write(`events: precision ${pct(o.precision)} recall ${pct(o.recall)} F1 ${pct(o.f1)}\n`);
        process.stdout.write(
          `actor recall ${pct(report.actors.recall)} (${report.actors.found}/${report.actors.total})\n`,
        );
        process.stdout.write(
          `amount recall ${pct(report.amounts.recall)} (${report.amounts.found}/${report.amounts.total})\n`,
        );
      }
      if (!tracker) return;
      if (options.show) {
        for (const m of tracker.misses)
          process.stdout.write(`${m.kind.toUpperCase()} ${m.record} ${m.what}\n    ${m.sentence}\n`);
        process.stdout.write('\n');
      }
      const line = (name: string, c: TrackerScore['stances']) =>
        `${name}: precision ${pct(c.precision)} recall ${pct(c.recall)} F1 ${pct(c.f1)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})\n`;
      for (const [issue, c] of Object.entries(tracker.stancesByIssue)) process.stdout.write(`  ${line(issue, c)}`);
      for (const [position, c] of Object.entries(tracker.stancesByPosition))
        process.stdout.write(`  ${line(position, c)}`);
      process.stdout.write(line('stances', tracker.stances));
      process.stdout.write(line('commitments', tracker.commitments));
      const a = tracker.commitmentAttributes;
      if (a.matched)
        process.stdout.write(
          `commitment attributes over ${a.matched} matched: kind ${pct(a.kind / a.matched)}, status ${pct(a.status / a.matched)}\n`,
        );
    });
};
