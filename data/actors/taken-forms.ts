/**
 * The forms that the state and region files own (names, aliases, demonyms,
 * capitals, seats of government, places; region adjectives), lower-cased,
 * each with the code that owns it. The people and organisation files must not
 * reuse them: the gazetteer would give one surface two meanings.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { countrySchema, fileSchema, regionSchema } from '../../src/knowledge/schema.js';

const read = (file: string) => parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

export function formsOfStatesAndRegions(): Map<string, string> {
  const taken = new Map<string, string>();
  for (const c of fileSchema(countrySchema).parse(read('./countries.yaml')).entries) {
    for (const f of [
      c.name,
      ...c.aliases,
      ...c.demonyms,
      ...(c.capital ? [c.capital] : []),
      ...c.seats.map((s) => s.name),
      ...c.places,
    ]) {
      taken.set(f.toLowerCase(), c.code);
    }
  }
  for (const r of fileSchema(regionSchema).parse(read('./regions.yaml')).entries) {
    for (const f of [r.name, ...r.aliases, ...r.adjectives]) taken.set(f.toLowerCase(), r.code);
  }
  return taken;
}
