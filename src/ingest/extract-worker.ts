/**
 * One extraction thread of `ingest` (run by piscina). The extractor is built
 * when the thread starts and reused for every article it is given: loading
 * the dictionaries and the NLP model costs far more than reading one article.
 */
import { workerData } from 'piscina';
import { createExtractor } from '../extract/index.js';
import type { Article, Extraction } from '../types.js';
import type { WorkerSetup } from './pipeline.js';

const setup = workerData as WorkerSetup;
const extractor = createExtractor(setup.dataDir ? { dataDir: setup.dataDir } : {});

export default function extractArticle(article: Article): Extraction {
  return extractor.extract(article);
}
