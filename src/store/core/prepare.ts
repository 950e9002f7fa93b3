/**
 * The per-article work of adding an extraction that needs no database:
 * identity keys, the MinHash signature and its LSH bands. It is pure CPU, so
 * `parley ingest` runs it on its extraction threads and the single writer
 * only runs SQL; `addExtractions` prepares any plain `Extraction` it is given.
 */
import type { Extraction } from '../../types.js';
import { bandKeys, encodeSignature, signature } from './minhash.js';
import { articleFingerprint, articleText, normaliseUrl } from './normalize.js';

export interface PreparedExtraction {
  /** Only what the store reads: `article.text` holds the text identity was computed from. */
  extraction: Extraction;
  fingerprint: string;
  urlNorm: string | null;
  /** MinHash signature, hex (the `articles.signature` column). */
  signature: string;
  bands: string[];
}

export function prepareExtraction(extraction: Extraction): PreparedExtraction {
  const text = articleText(extraction);
  const sig = signature(text);
  return {
    // The store never reads sentences, mentions, amounts, dates or places: leaving them out roughly halves
    // what a thread copies to the writer. The text covers what sentences stood in for when it was missing.
    extraction: {
      ...extraction,
      article: { ...extraction.article, text },
      sentences: [],
      mentions: [],
      amounts: [],
      dates: [],
      places: [],
    },
    fingerprint: articleFingerprint(extraction),
    urlNorm: normaliseUrl(extraction.article.url),
    signature: encodeSignature(sig),
    bands: bandKeys(sig),
  };
}

export function isPrepared(item: Extraction | PreparedExtraction): item is PreparedExtraction {
  return 'fingerprint' in item;
}
