/** What `pipeline.ts` and its extraction threads agree on; kept apart so the main thread never loads the worker module. */

/** What each extraction thread is started with. */
export interface WorkerSetup {
  /** Knowledge folder (default: the bundled `data/`). */
  dataDir?: string;
}

/** Prefix of the error a thread raises for every article when its extractor could not be built: the run stops on it. */
export const EXTRACTOR_DID_NOT_START = 'extractor did not start: ';
