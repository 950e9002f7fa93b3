import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../extract/index.js';
import { loadKnowledge } from './load.js';

const fixtures = fileURLToPath(new URL('../extract/testing/fixtures', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the fixture knowledge with one file replaced. */
function withFile(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-'));
  dirs.push(dir);
  cpSync(fixtures, dir, { recursive: true, dereference: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

describe('loading knowledge files', () => {
  it('names the file and the entry an analyst got wrong', () => {
    const dir = withFile('actors/countries.yaml', 'source: test\nentries:\n  - { code: RUSSIA, name: Russia }\n');
    expect(() => loadKnowledge({ dataDir: dir })).toThrow(/countries\.yaml: entries\.0\.code/);
  });

  it('reports YAML that does not parse, with the file', () => {
    const dir = withFile('events/verbs.yaml', 'source: test\nentries: [ { id: x, lemma: "unclosed }\n');
    expect(() => loadKnowledge({ dataDir: dir })).toThrow(/verbs\.yaml: not valid YAML/);
  });

  it('requires every file to say where its facts come from', () => {
    const dir = withFile('actors/regions.yaml', 'entries: []\n');
    expect(() => loadKnowledge({ dataDir: dir })).toThrow(/regions\.yaml: source/);
  });

  it('lets an analyst add a verb pattern without touching code', () => {
    const dir = withFile(
      'events/nouns.yaml',
      'source: test\nentries:\n  - { id: assault.n.skirmish, lemma: "skirmish", type: ASSAULT, cameo: "190", targetPreps: ["with"], symmetric: true }\n',
    );
    const text = "Britain's skirmish with Russia was brief.";
    expect(createExtractor({ dataDir: fixtures }).extract({ text }).events).toEqual([]);
    const [event] = createExtractor({ dataDir: dir }).extract({ text }).events;
    expect(event).toMatchObject({
      type: 'ASSAULT',
      source: { code: 'GBR' },
      target: { code: 'RUS' },
      rule: 'assault.n.skirmish/noun',
    });
  });
});
