import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileSchema, roleSchema, triggerPatternSchema } from '../../src/knowledge/schema.js';

const load = <T>(file: string, schema: Parameters<typeof fileSchema>[0]) =>
  fileSchema(schema).parse(parse(readFileSync(new URL(file, import.meta.url), 'utf8'))).entries as T[];

const verbs = load<{
  id: string;
  lemma: string;
  type: string;
  cameo: string;
  objects: string[];
  targetPreps: string[];
}>('./verbs.yaml', triggerPatternSchema);
const nouns = load<{ id: string; lemma: string; type: string; cameo: string }>('./nouns.yaml', triggerPatternSchema);
const roles = load<{ phrase: string; kind: string }>('../actors/roles.yaml', roleSchema);

/** CAMEO root -> PLOVER type (../shared/spec/event-types.md); 08 splits into CONCEDE (081-083) and RETREAT (084-087). */
const ROOT_TYPES: Record<string, string[]> = {
  '02': ['REQUEST'],
  '03': ['AGREE'],
  '04': ['CONSULT'],
  '05': ['SUPPORT', 'AGREE'],
  '06': ['COOPERATE'],
  '07': ['AID'],
  '08': ['CONCEDE', 'RETREAT'],
  '09': ['ACCUSE'],
  '10': ['REQUEST'],
  '11': ['ACCUSE'],
  '12': ['REJECT'],
  '13': ['THREATEN'],
  '14': ['PROTEST'],
  '15': ['MOBILIZE'],
  '16': ['SANCTION'],
  '17': ['COERCE'],
  '18': ['ASSAULT'],
  '19': ['ASSAULT'],
  '20': ['ASSAULT'],
};

describe('trigger patterns (data/events/verbs.yaml, nouns.yaml)', () => {
  it.each([
    ['verbs', verbs],
    ['nouns', nouns],
  ])('%s have unique ids', (_name, entries) => {
    const ids = entries.map((e) => e.id);
    expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
  });

  it.each([
    ['verbs', verbs],
    ['nouns', nouns],
  ])('%s carry a CAMEO code whose root agrees with their PLOVER type', (_name, entries) => {
    const wrong = entries
      .filter((e) => !ROOT_TYPES[e.cameo.slice(0, 2)]?.includes(e.type))
      .map((e) => `${e.id} ${e.cameo} ${e.type}`);
    expect(wrong).toEqual([]);
  });

  it('writes lemmas in lower case, single-spaced', () => {
    const bad = [...verbs, ...nouns].filter((e) => e.lemma !== e.lemma.toLowerCase().replace(/\s+/g, ' ').trim());
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('never lists the same verb twice with the same objects and type', () => {
    const keys = verbs.map((v) => `${v.lemma}|${v.type}|${[...v.objects].sort().join(',')}`);
    expect(keys.filter((k, n) => keys.indexOf(k) !== n)).toEqual([]);
  });
});

describe('roles (data/actors/roles.yaml)', () => {
  it('has lower-case phrases, each once per kind', () => {
    const keys = roles.map((r) => `${r.kind}|${r.phrase}`);
    expect(roles.filter((r) => r.phrase !== r.phrase.toLowerCase()).map((r) => r.phrase)).toEqual([]);
    expect(keys.filter((k, n) => keys.indexOf(k) !== n)).toEqual([]);
  });
});
