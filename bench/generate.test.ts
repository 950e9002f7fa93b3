import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM module without types
import { generateArticles } from './generate.js';

interface Generated {
  id: string;
  url: string;
  title: string;
  date: string;
  source: string;
  text: string;
}

const take = (options: object): Generated[] => [...generateArticles(options)];

describe('bench corpus generator', () => {
  it('writes the same corpus for the same seed, and another for another seed', () => {
    const a = take({ seed: 7, count: 50 });
    expect(take({ seed: 7, count: 50 })).toEqual(a);
    expect(take({ seed: 8, count: 50 }).map((x) => x.text)).not.toEqual(a.map((x) => x.text));
  });

  it('writes articles ingest can read: unique ids and URLs, ISO dates, an outlet, a title and paragraphs', () => {
    const articles = take({ seed: 1, count: 300 });
    expect(new Set(articles.map((x) => x.id)).size).toBe(300);
    expect(new Set(articles.map((x) => x.url)).size).toBe(300);
    for (const x of articles) {
      expect(x.date).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(x.source).not.toBe('');
      expect(x.title).not.toBe('');
      expect(x.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    }
  });

  it('retells a share of recent stories with light edits', () => {
    const articles = take({ seed: 3, count: 400, nearDuplicateShare: 0.2 });
    const retold = articles.filter((x) => x.text.endsWith('staff)'));
    expect(retold.length).toBeGreaterThan(40);
    expect(retold.length).toBeLessThan(120);
    const leads = new Set(articles.filter((x) => !retold.includes(x)).map((x) => x.text.split('\n\n')[0]));
    // A retelling keeps the original's lead paragraph, bar a word or two.
    const keptLead = retold.filter((x) => leads.has(x.text.split('\n\n')[0] as string));
    expect(keptLead.length).toBeGreaterThan(retold.length / 3);
  });

  it('streams: the first articles of a huge corpus come at once', () => {
    const iterator = generateArticles({ seed: 5, count: 10_000_000 });
    expect(iterator.next().value.id).toBe('gen-5-0');
  });
});
