/**
 * One thread of `ingest` (run by piscina), with two tasks: `read` parses a
 * group of pieces of input into articles, `extract` extracts a group of
 * articles. Both are CPU work the main thread, which reads bytes and writes
 * to the store, should not do. The extractor is built on the first `extract`
 * and reused for every article after it: loading the dictionaries and the NLP
 * model costs far more than one article, and a run over stored articles,
 * which only reads, never loads them.
 */
import { setPriority } from 'node:os';
import { workerData } from 'piscina';
import { createExtractor, type Extractor } from '../extract/index.js';
import type { Article } from '../types.js';
import type { ReadResult } from './options.js';
import { type Piece, parsePiece } from './parse.js';
import { EXTRACTOR_DID_NOT_START, type Extracted, extractEach, type WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;

/**
 * The single writer on the main thread is what ingest waits for: at 5,000
 * articles it never waited for an extraction, while these threads sat idle
 * half the time. With more threads than cores, the scheduler still took the
 * writer's core away for a quarter of its commits. A lower priority (on Linux
 * per thread) lets these threads use only what the writer leaves.
 */
const EXTRACTION_NICENESS = 10;
try {
  setPriority(EXTRACTION_NICENESS);
} catch {
  // Not permitted or not supported here: the threads run at the normal priority.
}

/**
 * A failure to start (a missing knowledge file) is kept and raised with each
 * task: thrown outside a task it would kill the thread, and the run would
 * crash without saying why.
 */
function start(): Extractor | Error {
  try {
    return createExtractor(setup.dataDir ? { dataDir: setup.dataDir } : {});
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

const extractor = once(start);

export function read(pieces: Piece[]): ReadResult[] {
  return pieces.map((piece) => parsePiece(piece, setup.parse));
}

export function extract(articles: Article[]): Extracted[] {
  const e = extractor();
  if (e instanceof Error) throw new Error(`${EXTRACTOR_DID_NOT_START}${e.message}`);
  return extractEach(e, articles);
}
