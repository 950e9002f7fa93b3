import { describe, expect, it } from 'vitest';
import { CORPUS, fixture } from '../fixtures.js';
import { createStore, type Store } from '../store.js';
import { articleFingerprint, articleText } from './normalize.js';
import { prepareExtraction } from './prepare.js';

async function contents(store: Store) {
  const { events } = await store.events({ limit: 1000 });
  return { stats: await store.stats(), events };
}

describe('prepareExtraction', () => {
  it('keeps the text identity comes from when the extraction has none of its own', () => {
    const reuters = fixture('reuters');
    const legacy = { ...reuters, article: { ...reuters.article, text: '' } };
    const prepared = prepareExtraction(legacy);
    expect(prepared.article.text).toBe(articleText(legacy));
    expect(prepared.fingerprint).toBe(articleFingerprint(legacy));
  });

  it('stores what the plain extractions store, and the plain ones then add nothing', async () => {
    const plain = await createStore(':memory:');
    const prepared = await createStore(':memory:');
    try {
      await plain.addExtractions(CORPUS);
      await prepared.addExtractions(CORPUS.map(prepareExtraction));
      expect(await contents(prepared)).toEqual(await contents(plain));
      const again = await prepared.addExtractions(CORPUS);
      expect(again.articles).toBe(0);
      expect(again.duplicates).toBe(CORPUS.length);
    } finally {
      await plain.close();
      await prepared.close();
    }
  });
});
