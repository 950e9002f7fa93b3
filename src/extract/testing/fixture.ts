import { fileURLToPath } from 'node:url';
import { createExtractor, type Extractor } from '../index.js';

/** An extractor over the small pinned fixture knowledge, for tests about the engine rather than the dictionaries. */
export function fixtureExtractor(): Extractor {
  return createExtractor({ dataDir: fileURLToPath(new URL('./fixtures', import.meta.url)) });
}
