/**
 * The knowledge the API tests extract with. The package's `data/` is being
 * filled file by file; until it holds every file the loader reads, the
 * engine's own pinned fixture files stand in for the missing ones, so these
 * tests exercise the real extractor on whatever real dictionaries exist.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractor, type Extractor } from '../../extract/index.js';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../extract/testing/fixtures/', import.meta.url));

export function testExtractor(): Extractor {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-'));
  for (const sub of ['actors', 'events']) {
    mkdirSync(join(dir, sub));
    for (const file of readdirSync(join(FIXTURES, sub)).filter((f) => f.endsWith('.yaml'))) {
      const real = join(DATA, sub, file);
      copyFileSync(existsSync(real) ? real : join(FIXTURES, sub, file), join(dir, sub, file));
    }
  }
  return createExtractor({ dataDir: dir });
}
