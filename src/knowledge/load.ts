/**
 * Loads the knowledge files of `data/` once into one `Knowledge` object that
 * every stage receives. Nothing here is module-level state: two extractors
 * with two data folders do not see each other's entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { buildDateVocabulary, type DateVocabulary } from '../extract/amounts/date-phrases.js';
import { buildPatternIndex, type PatternIndex } from '../extract/events/patterns.js';
import type { Sector } from '../types.js';
import { Gazetteer } from './gazetteer.js';
import {
  type CameoEntry,
  type CountryEntry,
  cameoSchema,
  countrySchema,
  dateWordSchema,
  fileSchema,
  type IssueEntry,
  issueSchema,
  type OrganizationEntry,
  organizationSchema,
  type PersonEntry,
  type ProcessEntry,
  personSchema,
  processSchema,
  type RateEntry,
  type RegionEntry,
  type RoleEntry,
  rateSchema,
  regionSchema,
  roleSchema,
  type TriggerPatternEntry,
  triggerPatternSchema,
} from './schema.js';

/** What a surface form in the text can mean. One form may mean several things ("Washington"). */
export type LexEntry =
  | { kind: 'state'; code: string; via: 'name' | 'alias' | 'demonym' | 'capital' | 'seat'; sector?: Sector }
  | { kind: 'place'; code: string }
  | { kind: 'org'; id: string; code: string; name: string; orgKind: 'organization' | 'group'; sector?: Sector }
  | { kind: 'region'; code: string; name: string; via: 'alias' | 'adjective' }
  | { kind: 'person'; id: string; via: 'name' | 'alias' | 'surname' }
  | { kind: 'title'; role: string; sector: Sector }
  | { kind: 'group'; sector: Sector };

export interface Knowledge {
  dataDir: string;
  countries: Map<string, CountryEntry>;
  organizations: Map<string, OrganizationEntry>;
  regions: Map<string, RegionEntry>;
  people: Map<string, PersonEntry>;
  roles: RoleEntry[];
  verbs: TriggerPatternEntry[];
  nouns: TriggerPatternEntry[];
  cameo: Map<string, CameoEntry>;
  /** Every actor, place, title and group word, for longest-match lookup in text. */
  gazetteer: Gazetteer<LexEntry>;
  /** Verb and noun patterns indexed by first lemma. */
  patterns: PatternIndex;
  issues: IssueEntry[];
  /** Issue terms, for lookup in text; the value is the issue id. */
  issueTerms: Gazetteer<string>;
  /** USD per unit by month, oldest first. */
  rates: RateEntry[];
  /** Named negotiations (data/issues/processes.yaml; none when a data folder lacks the file). */
  processes: ProcessEntry[];
  /** The words dates are written with (data/dates/dates.yaml), for the date finder. */
  dates: DateVocabulary;
}

export interface KnowledgeOptions {
  /** Folder with `actors/` and `events/`; defaults to the package's `data/`. */
  dataDir?: string;
}

export function defaultDataDir(): string {
  // src/knowledge/load.ts and dist/knowledge/load.js both sit two levels below the package root.
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
}

export function loadKnowledge(options: KnowledgeOptions = {}): Knowledge {
  const dataDir = options.dataDir ?? defaultDataDir();
  const read = <T extends z.ZodTypeAny>(file: string, schema: T): z.infer<T>[] => readEntries(dataDir, file, schema);

  const countries = read('actors/countries.yaml', countrySchema);
  const organizations = read('actors/organizations.yaml', organizationSchema);
  const regions = read('actors/regions.yaml', regionSchema);
  const people = read('actors/people.yaml', personSchema);
  const roles = read('actors/roles.yaml', roleSchema);
  const verbs = read('events/verbs.yaml', triggerPatternSchema);
  const nouns = read('events/nouns.yaml', triggerPatternSchema);
  const cameo = read('events/cameo.yaml', cameoSchema);
  const issues = read('issues/issues.yaml', issueSchema);
  const rates = read('rates/usd.yaml', rateSchema);
  const dateWords = read('dates/dates.yaml', dateWordSchema);
  // Optional so that older and test data folders without it still load.
  const processes = existsSync(join(dataDir, 'issues/processes.yaml'))
    ? read('issues/processes.yaml', processSchema)
    : [];
  const issueIds = new Set(issues.map((i) => i.id));
  for (const p of processes) {
    const unknown = p.issues.find((i) => !issueIds.has(i));
    if (unknown) throw new Error(`${join(dataDir, 'issues/processes.yaml')}: ${p.id}: unknown issue ${unknown}`);
  }

  const gazetteer = new Gazetteer<LexEntry>();
  for (const c of countries) {
    gazetteer.add(c.name, { kind: 'state', code: c.code, via: 'name' });
    for (const a of c.aliases) gazetteer.add(a, { kind: 'state', code: c.code, via: 'alias' });
    for (const d of c.demonyms) gazetteer.add(d, { kind: 'state', code: c.code, via: 'demonym' });
    if (c.capital) gazetteer.add(c.capital, { kind: 'state', code: c.code, via: 'capital', sector: 'GOV' });
    for (const s of c.seats) gazetteer.add(s.name, { kind: 'state', code: c.code, via: 'seat', sector: s.sector });
    for (const p of c.places) gazetteer.add(p, { kind: 'place', code: c.code });
  }
  for (const o of organizations) {
    const entry: LexEntry = { kind: 'org', id: o.id, code: o.code, name: o.name, orgKind: o.kind, sector: o.sector };
    gazetteer.add(o.name, entry);
    for (const a of o.aliases) gazetteer.add(a, entry);
  }
  for (const r of regions) {
    gazetteer.add(r.name, { kind: 'region', code: r.code, name: r.name, via: 'alias' });
    for (const a of r.aliases) gazetteer.add(a, { kind: 'region', code: r.code, name: r.name, via: 'alias' });
    for (const a of r.adjectives) gazetteer.add(a, { kind: 'region', code: r.code, name: r.name, via: 'adjective' });
  }
  for (const p of people) {
    gazetteer.add(p.name, { kind: 'person', id: p.id, via: 'name' });
    for (const a of p.aliases) gazetteer.add(a, { kind: 'person', id: p.id, via: 'alias' });
    const surname = surnameOf(p.name);
    if (surname && surname !== p.name) gazetteer.add(surname, { kind: 'person', id: p.id, via: 'surname' });
  }
  for (const r of roles) {
    gazetteer.add(
      r.phrase,
      r.kind === 'title'
        ? { kind: 'title', role: r.role ?? r.phrase, sector: r.sector }
        : { kind: 'group', sector: r.sector },
    );
  }

  const issueTerms = new Gazetteer<string>();
  for (const issue of issues) for (const term of issue.terms) issueTerms.add(term, issue.id);

  return {
    dataDir,
    countries: new Map(countries.map((c) => [c.code, c])),
    organizations: new Map(organizations.map((o) => [o.id, o])),
    regions: new Map(regions.map((r) => [r.code, r])),
    people: new Map(people.map((p) => [p.id, p])),
    roles,
    verbs,
    nouns,
    cameo: new Map(cameo.map((c) => [c.code, c])),
    gazetteer,
    patterns: buildPatternIndex(verbs, nouns),
    issues,
    issueTerms,
    rates: [...rates].sort((a, b) => a.month.localeCompare(b.month)),
    processes,
    dates: buildDateVocabulary(dateWords),
  };
}

/** The family name: the last word, skipping generational suffixes ("Jr."). */
export function surnameOf(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => !/^(jr\.?|sr\.?|ii|iii|iv)$/i.test(w));
  return words.length > 1 ? words[words.length - 1] : undefined;
}

function readEntries<T extends z.ZodTypeAny>(dataDir: string, file: string, schema: T): z.infer<T>[] {
  const path = join(dataDir, file);
  if (!existsSync(path))
    throw new Error(`${path}: missing knowledge file (every data folder has the files listed in data/README.md)`);
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid YAML: ${(error as Error).message}`);
  }
  const result = fileSchema(schema).safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data.entries;
}
