import type { Article } from '../types.js';

/** How `readInputs` reads; every field has a default. */
export interface ReadOptions {
  /** Largest article, in bytes: a whole file, page or feed, or one JSONL line. Default 10 MB. */
  maxBytes?: number;
  /**
   * ISO 639-3 codes accepted by the language check (default `['eng']`), or
   * `['*']` to accept any language. The extractor's rules are English, so
   * other languages would produce noise rather than events.
   */
  allowLanguages?: readonly string[];
  /** Time limit for one HTTP request, body included. Default 15 s. */
  timeoutMs?: number;
  /** How many feed item pages are fetched at once. Default 4. */
  concurrency?: number;
  /** When a feed is read from a URL, fetch each item's page (default true); otherwise use the item's own content. */
  followFeedLinks?: boolean;
  /** Where `-` reads from; defaults to `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array>;
}

/** One article, or one input (or JSONL line, or feed item) that could not be read. */
export type ReadResult = { ok: true; article: Article } | { ok: false; origin: string; reason: string };

/** Options with every default filled in. */
export type Settings = Required<Omit<ReadOptions, 'stdin'>> & Pick<ReadOptions, 'stdin'>;

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function settings(options: ReadOptions): Settings {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    allowLanguages: options.allowLanguages ?? ['eng'],
    timeoutMs: options.timeoutMs ?? 15_000,
    concurrency: Math.max(1, options.concurrency ?? 4),
    followFeedLinks: options.followFeedLinks ?? true,
    stdin: options.stdin,
  };
}

/** The one-line message a CLI prints for a rejection: `demo/x.bin: binary file (12% control bytes), skipped`. */
export function describeRejection(result: { origin: string; reason: string }): string {
  return `${result.origin}: ${result.reason}, skipped`;
}
