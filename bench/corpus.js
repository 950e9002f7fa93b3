// The extraction benchmarks' text: the demo corpus, repeated to about 1.5 MB, the same for every engine.
import { readInputs } from '../dist/ingest/index.js';

const CORPUS_MB = 1.5;

/** The demo corpus's article texts, repeated in order until they hold `CORPUS_MB` of UTF-8. */
export async function demoTexts() {
  const texts = [];
  for await (const r of readInputs([new URL('../demo/corpus', import.meta.url).pathname], {})) {
    if (r.ok) texts.push(r.article.text);
  }
  if (texts.length === 0) throw new Error('no article in demo/corpus');
  const corpus = [];
  let bytes = 0;
  while (bytes < CORPUS_MB * 1e6) {
    for (const t of texts) {
      corpus.push(t);
      bytes += Buffer.byteLength(t);
    }
  }
  return { texts: corpus, mb: bytes / 1e6 };
}
