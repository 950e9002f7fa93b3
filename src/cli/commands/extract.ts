import type { Command } from 'commander';
import { createExtractor } from '../../extract/index.js';
import { readInputs } from '../../ingest/index.js';
import type { Extraction } from '../../types.js';
import type { RegisterCommand } from './index.js';

const COLOURS = { reset: '\x1b[0m', bold: '\x1b[1m', trigger: '\x1b[1;33m', dim: '\x1b[2m' };

export const registerExtract: RegisterCommand = (program: Command, setExitCode) => {
  program
    .command('extract')
    .description('Read articles and print their actors, events, statements and amounts')
    .argument('<inputs...>', 'files, folders, URLs, or - for standard input')
    .option('-f, --format <format>', 'pretty | json | jsonl', process.stdout.isTTY ? 'pretty' : 'jsonl')
    .option('-d, --date <date>', 'article date (YYYY-MM-DD) for inputs that carry none')
    .option('--data <dir>', 'knowledge folder (default: the bundled data/)')
    .action(async (inputs: string[], options: { format: string; date?: string; data?: string }) => {
      if (!['pretty', 'json', 'jsonl'].includes(options.format)) throw new Error(`unknown format ${options.format}`);
      if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
        throw new Error(`--date must be YYYY-MM-DD, got ${options.date}`);
      const extractor = createExtractor(options.data ? { dataDir: options.data } : {});
      let read = 0;
      let failed = 0;
      const all: Extraction[] = [];
      for await (const result of readInputs(inputs, {})) {
        if (!result.ok) {
          failed++;
          process.stderr.write(`parley: ${result.origin}: ${result.reason}\n`);
          continue;
        }
        read++;
        const article = { ...result.article, date: result.article.date ?? options.date };
        const extraction = extractor.extract(article);
        if (options.format === 'jsonl') process.stdout.write(`${JSON.stringify(extraction)}\n`);
        else if (options.format === 'json') all.push(extraction);
        else process.stdout.write(pretty(extraction, article.text));
      }
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      if (read === 0) {
        process.stderr.write(`parley: nothing could be read (${failed} input${failed === 1 ? '' : 's'} rejected)\n`);
        setExitCode(1);
      }
    });
};

/** For a person at a terminal: each event with its sentence and trigger highlighted. */
export function pretty(x: Extraction, text: string): string {
  const c = process.stdout.isTTY ? COLOURS : { reset: '', bold: '', trigger: '', dim: '' };
  const lines: string[] = [];
  lines.push(
    `${c.bold}${x.article.title ?? x.article.origin ?? x.article.id}${c.reset} ${c.dim}${x.article.date ?? ''} ${x.article.outlet ?? ''}${c.reset}`,
  );
  lines.push(`  actors: ${x.actors.map((a) => `${a.name} [${a.code}${a.sector ? `/${a.sector}` : ''}]`).join(', ')}`);
  for (const e of x.events) {
    const flags = [e.negated ? 'negated' : '', e.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(', ');
    lines.push(
      `  ${c.bold}${e.type}${c.reset} ${e.cameo} ${e.source.code} -> ${e.target?.code ?? '-'}${flags ? ` (${flags})` : ''} ${c.dim}${e.rule}${c.reset}`,
    );
    const s = e.evidence;
    const before = text.slice(s.start, e.trigger.start);
    const after = text.slice(e.trigger.end, s.end);
    lines.push(`    ${before}${c.trigger}${e.trigger.text}${c.reset}${after}`);
  }
  for (const st of x.statements)
    lines.push(`  SAID ${st.speaker.name} "${st.verb.text}": ${st.content.text.slice(0, 120)}`);
  for (const a of x.amounts) lines.push(`  AMOUNT ${a.span.text} = ${a.value} ${a.currency ?? ''}`);
  for (const cm of x.commitments)
    lines.push(
      `  PLEDGE ${cm.donor.code} -> ${cm.recipient?.code ?? '?'} ${cm.value ?? ''} ${cm.currency ?? ''} ${cm.kind} ${cm.status} ${cm.purpose ?? ''}`,
    );
  return `${lines.join('\n')}\n\n`;
}
