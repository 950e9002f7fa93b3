/** The extractor the API tests use: the real one, over the bundled `data/`. */
import { createExtractor, type Extractor } from '../../extract/index.js';

export function testExtractor(): Extractor {
  return createExtractor();
}
