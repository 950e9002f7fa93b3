/**
 * The pipeline tests' corpus: a few realistic news pages (one wire story told
 * by three outlets among them), and a generator of many distinct variants of
 * them for tests that need volume rather than variety.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('./corpus', import.meta.url));
/** The pinned knowledge of the engine tests: results do not move when data/ grows. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../extract/testing/fixtures', import.meta.url));
export const WIRE = ['wire-reuters.html', 'wire-ap.html', 'wire-afp.html'];

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).sort();
}

/** Copies the corpus into `dir` (created if needed) and returns the paths written. */
export function copyCorpus(dir: string, files: readonly string[] = corpusFiles()): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((name) => {
    const target = join(dir, name);
    copyFileSync(join(CORPUS_DIR, name), target);
    return target;
  });
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Writes `count` pages into `dir`: variant `i` of corpus page `i mod n`,
 * published `i` days later under its own URL, with a sentence of its own,
 * so every variant is a distinct article whose events do not merge with
 * another variant's.
 */
export function generateCorpus(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const pages = corpusFiles().map((name) => readFileSync(join(CORPUS_DIR, name), 'utf8'));
  for (let i = 0; i < count; i++) {
    const page = pages[i % pages.length] ?? '';
    const date = /content="(\d{4}-\d{2}-\d{2})T/.exec(page)?.[1] ?? '2025-01-01';
    const variant = page
      .replace(/(\d{4}-\d{2}-\d{2})T/, `${shiftDate(date, i)}T`)
      .replace(/(rel="canonical" href="[^"]+?)\/?"/, `$1-v${i}"`)
      .replace('</article>', `<p>This is update number ${i} of the report, filed by desk ${i % 13}.</p>\n</article>`);
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}.html`), variant);
  }
}
