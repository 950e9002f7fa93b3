import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM module without types
import { generateArticles } from './generate.js';

describe('bench corpus generator', () => {
  it('is deterministic for a seed and varies between seeds', () => {
    const a = [...generateArticles({ seed: 7, count: 30 })];
    const b = [...generateArticles({ seed: 7, count: 30 })];
    const c = [...generateArticles({ seed: 8, count: 30 })];
    expect(a).toEqual(b);
    expect(a.map((x: { text: string }) => x.text)).not.toEqual(c.map((x: { text: string }) => x.text));
  });

  it('writes news-like articles with some near-duplicate retellings', () => {
    const articles = [...generateArticles({ seed: 1, count: 200, nearDuplicateShare: 0.2 })];
    expect(articles).toHaveLength(200);
    expect(articles.filter((x: { title: string }) => x.title.endsWith('(update)')).length).toBeGreaterThan(10);
    expect(articles[0].text.split('\n\n')).toHaveLength(4);
  });
});
