/**
 * One extraction thread of `ingest` (run by piscina). The extractor is built
 * when the thread starts and reused for every article it is given: loading
 * the dictionaries and the NLP model costs far more than reading one article.
 */
import { workerData } from 'piscina';
import { createExtractor, type Extractor } from '../extract/index.js';
import type { Article, Extraction } from '../types.js';
import { EXTRACTOR_DID_NOT_START, type WorkerSetup } from './worker-protocol.js';

/**
 * A failure to start (a missing knowledge file) is kept and raised with each
 * task: thrown at module load it would kill the thread outside any task, and
 * the run would crash without saying why.
 */
function start(setup: WorkerSetup): Extractor | Error {
  try {
    return createExtractor(setup.dataDir ? { dataDir: setup.dataDir } : {});
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const extractor = start(workerData as WorkerSetup);

export default function extractArticle(article: Article): Extraction {
  if (extractor instanceof Error) throw new Error(`${EXTRACTOR_DID_NOT_START}${extractor.message}`);
  return extractor.extract(article);
}
