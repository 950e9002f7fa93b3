import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { describeRejection } from '../../ingest/index.js';
import { DEFAULT_BATCH, type IngestProgress, type IngestReport, ingest } from '../../ingest/pipeline.js';
import { createStore, defaultDbUrl } from '../../store/store.js';
import type { RegisterCommand } from './index.js';
import { addDbOption, positiveInt } from './store-io.js';

interface IngestCommandOptions {
  db?: string;
  workers?: number;
  batch: number;
  date?: string;
  data?: string;
}

export const registerIngest: RegisterCommand = (program: Command, setExitCode) => {
  const command = program
    .command('ingest')
    .description('Read articles, extract their events and add them to the store (crash-safe, resumable)')
    .argument('<inputs...>', 'files, folders, URLs, or - for standard input');
  addDbOption(command)
    .option('--workers <n>', 'extraction threads (default: one per core; 1 extracts in the main thread)', positiveInt)
    .option('--batch <n>', 'articles per transaction', positiveInt, DEFAULT_BATCH)
    .option('--date <date>', 'publication date (YYYY-MM-DD) for articles whose input gives none')
    .option('--data <dir>', 'knowledge folder (default: the bundled data/)')
    .action(async (inputs: string[], options: IngestCommandOptions) => {
      if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
        throw new Error(`--date must be YYYY-MM-DD, got ${options.date}`);
      const store = await createStore(options.db ?? defaultDbUrl());
      const progress = process.stderr.isTTY ? progressBar() : progressLines(options.batch);
      let report: IngestReport;
      try {
        report = await ingest(inputs, {
          store,
          batchSize: options.batch,
          onProgress: progress.update,
          ...(options.workers ? { workers: options.workers } : {}),
          ...(options.date ? { date: options.date } : {}),
          ...(options.data ? { dataDir: options.data } : {}),
        });
      } finally {
        progress.stop();
        await store.close();
      }
      process.stdout.write(formatReport(report));
      // Rejected inputs are reported, not fatal: only a run that read nothing at all failed.
      if (report.read === 0) setExitCode(1);
    });
};

interface ProgressOutput {
  update: (p: IngestProgress) => void;
  stop: () => void;
}

function rate(done: number, since: number): string {
  const seconds = (performance.now() - since) / 1000;
  return seconds > 0 ? (done / seconds).toFixed(1) : '0.0';
}

/** For a person at a terminal: a bar with articles/s, events found and, when the total is known, an ETA. */
function progressBar(): ProgressOutput {
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(p) {
      const payload = { rate: rate(p.done, started), events: p.eventsFound, stored: p.stored };
      if (!bar) {
        const format =
          p.total !== undefined
            ? 'ingest [{bar}] {value}/{total} articles | {rate} articles/s | {events} events | {stored} stored | ETA {eta_formatted}'
            : 'ingest {value} articles | {rate} articles/s | {events} events | {stored} stored';
        bar = new cliProgress.SingleBar(
          { format, stream: process.stderr, etaBuffer: 200 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total ?? 0, p.done, payload);
      }
      // The count from the file walk is an estimate; never let the bar run past its end.
      if (p.total !== undefined && p.done > bar.getTotal()) bar.setTotal(p.done);
      bar.update(p.done, payload);
    },
    stop: () => bar?.stop(),
  };
}

/** For logs and pipes: one line per committed batch, so the output grows with the work and not with time. */
function progressLines(batchSize: number): ProgressOutput {
  const started = performance.now();
  let lastBatches = 0;
  return {
    update(p) {
      if (p.batches === lastBatches) return;
      lastBatches = p.batches;
      const of = p.total !== undefined ? `/${p.total}` : '';
      process.stderr.write(
        `parley ingest: ${p.done}${of} articles done, ${p.stored} stored, ${p.eventsFound} events found, ` +
          `${p.skipped} skipped, ${rate(p.done, started)} articles/s (batch ${p.batches} of up to ${batchSize})\n`,
      );
    },
    stop: () => undefined,
  };
}

export function formatReport(r: IngestReport): string {
  const rows: [string, number][] = [
    ['articles read', r.read],
    ['already stored', r.alreadyStored],
    ['stored', r.stored],
    ['duplicates', r.duplicates],
    ['near-duplicates', r.nearDuplicates],
    ['new stories', r.stories],
    ['new events', r.events],
    ['merged reports', r.merged],
    ['skipped', r.skipped.length],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  const lines = rows.map(([label, n]) => `${label.padEnd(16)}${String(n).padStart(width)}`);
  for (const s of r.skipped) lines.push(`  ${describeRejection(s)}`);
  const perSecond = r.seconds > 0 ? (r.read / r.seconds).toFixed(1) : '0.0';
  lines.push(
    `${r.read} article${r.read === 1 ? '' : 's'} in ${r.seconds.toFixed(1)} s (${perSecond} articles/s, ${r.workers} worker${r.workers === 1 ? '' : 's'}, ${r.batches} batch${r.batches === 1 ? '' : 'es'})`,
  );
  return `${lines.join('\n')}\n`;
}
