/** What `pipeline.ts` and its threads agree on; kept apart so the main thread never loads the worker module. */
import type { Extractor } from '../extract/index.js';
import { type PreparedExtraction, prepareExtraction } from '../store/core/prepare.js';
import type { Article } from '../types.js';
import type { ParseSettings } from './parse.js';

/** What each thread is started with. */
export interface WorkerSetup {
  /** Knowledge folder (default: the bundled `data/`). */
  dataDir?: string;
  /** How pieces of input are parsed (the language check). */
  parse: ParseSettings;
}

/**
 * One article's extraction, prepared for the store (its keys and signature
 * computed here, on a thread, rather than by the single writer), or why the
 * extractor threw on it: one bad article does not fail its group.
 */
export type Extracted = { ok: true; prepared: PreparedExtraction } | { ok: false; error: string };

/** Prefix of the error a thread raises for every group when its extractor could not be built: the run stops on it. */
export const EXTRACTOR_DID_NOT_START = 'extractor did not start: ';

export function extractEach(extractor: Extractor, articles: readonly Article[]): Extracted[] {
  return articles.map((article) => {
    try {
      return { ok: true, prepared: prepareExtraction(extractor.extract(article)) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
