import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countrySchema, fileSchema, organizationSchema } from '../../src/knowledge/schema.js';
import { formsOfStatesAndRegions } from './taken-forms.js';

const read = (file: string) => parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const file = fileSchema(organizationSchema).parse(read('./organizations.yaml'));
const orgs = file.entries;
const countries = fileSchema(countrySchema).parse(read('./countries.yaml')).entries;

/** Codes of IGOs the gold format names (shared/spec/gold-format.md) plus the others this file uses. */
const GOLD_IGO_CODES = [
  'NATO',
  'EU',
  'UN',
  'AU',
  'OSCE',
  'IAEA',
  'ICC',
  'WHO',
  'OPEC',
  'ASEAN',
  'ARABLEAGUE',
  'G7',
  'G20',
  'BRICS',
  'IMF',
  'WB',
];
const stateCodes = new Set(countries.map((c) => c.code));

/** Every form that names an organisation, lower-cased as the gazetteer keys it, with its entry id. */
const forms = orgs.flatMap((o) => [o.name, ...o.aliases].map((form) => ({ form, key: form.toLowerCase(), id: o.id })));
const resolve = (form: string) => orgs.find((o) => o.name === form || o.aliases.includes(form));

describe('data/actors/organizations.yaml', () => {
  it('validates against the schema and states its source', () => {
    expect(file.source.length).toBeGreaterThan(20);
    expect(orgs.length).toBeGreaterThanOrEqual(120);
  });

  it('has unique ids', () => {
    const ids = orgs.map((o) => o.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives no form to two entries, and repeats no form within one', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    // Case variants of one entry ("UNICEF", "Unicef") are separate forms, since capitals match as written.
    for (const { form, key, id } of forms) {
      const prior = owner.get(key);
      if (prior !== undefined && prior !== id) clashes.push(`${form}: ${prior} and ${id}`);
      else owner.set(key, id);
    }
    for (const o of orgs) {
      const own = [o.name, ...o.aliases];
      own.forEach((f, i) => {
        if (own.indexOf(f) !== i) clashes.push(`${f}: twice in ${o.id}`);
      });
    }
    expect(clashes).toEqual([]);
  });

  it('shares no form with a state or a region (those files own them)', () => {
    const taken = formsOfStatesAndRegions();
    expect(forms.filter((f) => taken.has(f.key)).map((f) => `${f.form} (${f.id}) is ${taken.get(f.key)}`)).toEqual([]);
  });

  it('leaves out forms that are too ambiguous to mean one body', () => {
    for (const bad of [
      'the Alliance',
      'Alliance',
      'Brussels',
      'EC',
      'PA',
      'IS',
      'peacekeepers',
      'UN peacekeepers',
      'National Liberation Army',
      'KIA',
      'ADF',
      'SNA',
    ]) {
      expect(resolve(bad), bad).toBeUndefined();
    }
  });

  it('codes IGOs and NGOs as organisations, and groups inside a state with that state and a sector', () => {
    for (const o of orgs) {
      if (o.kind === 'group') {
        expect(stateCodes.has(o.code) || o.code === 'UNK', `${o.id}: ${o.code}`).toBe(true);
        expect(o.sector, o.id).toBeDefined();
      } else {
        expect(stateCodes.has(o.code), `${o.id}: an organisation with a state code`).toBe(false);
        expect(o.code, o.id).toMatch(/^[A-Z0-9]+$/);
      }
      if (o.code === 'NGO') expect(o).toMatchObject({ kind: 'organization', sector: 'NGO' });
    }
  });

  it('has an entry for every IGO code of the gold format', () => {
    const codes = new Set(orgs.map((o) => o.code));
    for (const code of GOLD_IGO_CODES) expect(codes.has(code), code).toBe(true);
  });

  it.each([
    ['United Nations', 'UN', 'organization', 'IGO'],
    ['U.N. Security Council', 'UN', 'organization', 'IGO'],
    ['Security Council', 'UN', 'organization', 'IGO'],
    ['General Assembly', 'UN', 'organization', 'IGO'],
    ['UN refugee agency', 'UN', 'organization', 'IGO'],
    ['UNHCR', 'UN', 'organization', 'IGO'],
    ['World Food Program', 'UN', 'organization', 'IGO'],
    ['World Food Programme', 'UN', 'organization', 'IGO'],
    ['UNICEF', 'UN', 'organization', 'IGO'],
    ['UNRWA', 'UN', 'organization', 'IGO'],
    ['OCHA', 'UN', 'organization', 'IGO'],
    ['UNIFIL', 'UN', 'organization', 'IGO'],
    ['UNAMID', 'UN', 'organization', 'IGO'],
    ['MONUSCO', 'UN', 'organization', 'IGO'],
    ['International Court of Justice', 'UN', 'organization', 'JUD'],
    ['NATO', 'NATO', 'organization', 'IGO'],
    ['North Atlantic Treaty Organization', 'NATO', 'organization', 'IGO'],
    ['European Union', 'EU', 'organization', 'IGO'],
    ['European Community', 'EU', 'organization', 'IGO'],
    ['European Commission', 'EU', 'organization', 'IGO'],
    ['European Council', 'EU', 'organization', 'IGO'],
    ['European Parliament', 'EU', 'organization', 'LEG'],
    ['African Union', 'AU', 'organization', 'IGO'],
    ['OSCE', 'OSCE', 'organization', 'IGO'],
    ['International Atomic Energy Agency', 'IAEA', 'organization', 'IGO'],
    ['ICC', 'ICC', 'organization', 'JUD'],
    ['World Health Organization', 'WHO', 'organization', 'IGO'],
    ['OPEC', 'OPEC', 'organization', 'IGO'],
    ['ASEAN', 'ASEAN', 'organization', 'IGO'],
    ['Arab League', 'ARABLEAGUE', 'organization', 'IGO'],
    ['League of Arab States', 'ARABLEAGUE', 'organization', 'IGO'],
    ['G7', 'G7', 'organization', 'IGO'],
    ['G20', 'G20', 'organization', 'IGO'],
    ['BRICS', 'BRICS', 'organization', 'IGO'],
    ['IMF', 'IMF', 'organization', 'IGO'],
    ['World Bank', 'WB', 'organization', 'IGO'],
    ['ECOWAS', 'ECOWAS', 'organization', 'IGO'],
    ['Gulf Cooperation Council', 'GCC', 'organization', 'IGO'],
    ['Interpol', 'INTERPOL', 'organization', 'COP'],
    ['Red Cross', 'NGO', 'organization', 'NGO'],
    ['International Committee of the Red Cross', 'NGO', 'organization', 'NGO'],
    ['Amnesty International', 'NGO', 'organization', 'NGO'],
    ['Human Rights Watch', 'NGO', 'organization', 'NGO'],
    ['Medecins Sans Frontieres', 'NGO', 'organization', 'NGO'],
    ['Doctors Without Borders', 'NGO', 'organization', 'NGO'],
    ['Hamas', 'PSE', 'group', 'REB'],
    ['Islamic Jihad', 'PSE', 'group', 'REB'],
    ['Palestinian Islamic Jihad', 'PSE', 'group', 'REB'],
    ['Fatah', 'PSE', 'group', 'PTY'],
    ['PLO', 'PSE', 'group', 'GOV'],
    ['Palestinian Authority', 'PSE', 'group', 'GOV'],
    ['Hezbollah', 'LBN', 'group', 'REB'],
    ['Houthis', 'YEM', 'group', 'REB'],
    ['Ansar Allah', 'YEM', 'group', 'REB'],
    ['Taliban', 'AFG', 'group', 'REB'],
    ['al-Shabaab', 'SOM', 'group', 'REB'],
    ['Boko Haram', 'NGA', 'group', 'REB'],
    ['Rapid Support Forces', 'SDN', 'group', 'REB'],
    ['RSF', 'SDN', 'group', 'REB'],
    ['Sudanese Armed Forces', 'SDN', 'group', 'MIL'],
    ['M23', 'COD', 'group', 'REB'],
    ['Wagner', 'RUS', 'group', 'MIL'],
    ['PKK', 'TUR', 'group', 'REB'],
    ['SDF', 'SYR', 'group', 'REB'],
    ['HTS', 'SYR', 'group', 'REB'],
    ['UNITA', 'AGO', 'group', 'REB'],
    ['Tamil Tigers', 'LKA', 'group', 'REB'],
    ['KLA', 'SRB', 'group', 'REB'],
    ['IRA', 'GBR', 'group', 'REB'],
    ['ETA', 'ESP', 'group', 'REB'],
    ['FARC', 'COL', 'group', 'REB'],
    ['ELN', 'COL', 'group', 'REB'],
    ['Islamic Salvation Front', 'DZA', 'group', 'OPP'],
    ['MASSOB', 'NGA', 'group', 'REB'],
    ['Polisario', 'ESH', 'group', 'REB'],
    ['ANC', 'ZAF', 'group', 'PTY'],
    ['al-Qaeda', 'UNK', 'group', 'REB'],
    ['ISIS', 'UNK', 'group', 'REB'],
    ['Daesh', 'UNK', 'group', 'REB'],
  ])('%s -> %s (%s, %s)', (form, code, kind, sector) => {
    expect(resolve(form)).toMatchObject({ code, kind, sector });
  });
});
