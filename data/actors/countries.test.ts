/**
 * Tests of data/actors/countries.yaml and data/actors/regions.yaml: the files
 * validate against the knowledge schemas, every UN member state is present,
 * no surface form resolves to two actors, and the forms real news uses
 * resolve to the right state, sector and kind.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type CountryEntry,
  countrySchema,
  fileSchema,
  type RegionEntry,
  regionSchema,
} from '../../src/knowledge/schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const raw = (file: string): unknown => parse(readFileSync(join(here, file), 'utf8'));
const countriesFile = fileSchema(countrySchema).parse(raw('countries.yaml'));
const regionsFile = fileSchema(regionSchema).parse(raw('regions.yaml'));
const countries: CountryEntry[] = countriesFile.entries;
const regions: RegionEntry[] = regionsFile.entries;

/** The 193 UN member states, by ISO 3166-1 alpha-3 code. */
const UN_MEMBERS = `
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV
KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH
FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG
MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA
LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO
TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
`
  .trim()
  .split(/\s+/);
/** States and territories beyond the UN members: Palestine, Kosovo, Taiwan, the Holy See, Western Sahara. */
const NON_MEMBERS = ['PSE', 'XKX', 'TWN', 'VAT', 'ESH'];
/** Region codes the gold format allows (shared/spec/gold-format.md). */
const REGION_CODES = ['EUR', 'WST', 'AFR', 'MEA', 'ASA', 'LAM'];

type Field = 'name' | 'alias' | 'demonym' | 'capital' | 'seat' | 'place';
interface Form {
  form: string;
  code: string;
  field: Field;
  sector?: string;
}

function formsOf(c: CountryEntry): Form[] {
  const at = (field: Field) => (form: string) => ({ form, code: c.code, field });
  return [
    at('name')(c.name),
    ...c.aliases.map(at('alias')),
    ...c.demonyms.map(at('demonym')),
    ...(c.capital ? [at('capital')(c.capital)] : []),
    ...c.seats.map((s) => ({ form: s.name, code: c.code, field: 'seat' as const, sector: s.sector })),
    ...c.places.map(at('place')),
  ];
}

const allForms = countries.flatMap(formsOf);
const byForm = new Map<string, Form[]>();
for (const f of allForms) byForm.set(f.form, [...(byForm.get(f.form) ?? []), f]);
const regionForms = regions.flatMap((r) =>
  [r.name, ...r.aliases, ...r.adjectives].map((form) => ({ form, code: r.code })),
);

/** Where a form resolves: the state code and how, or the region code. */
function resolve(form: string): { code: string; field: Field | 'region'; sector?: string } | undefined {
  const hits = byForm.get(form);
  if (hits?.[0]) {
    const hit = hits.find((h) => h.field !== 'place') ?? hits[0];
    return { code: hit.code, field: hit.field, sector: hit.sector };
  }
  const region = regionForms.find((r) => r.form === form);
  return region ? { code: region.code, field: 'region' } : undefined;
}

describe('countries.yaml', () => {
  it('states its source and version', () => {
    expect(countriesFile.source.length).toBeGreaterThan(20);
    expect(countriesFile.version).toBeGreaterThanOrEqual(1);
  });

  it('has one entry per code', () => {
    const codes = countries.map((c) => c.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it('has every UN member state, plus Palestine, Kosovo, Taiwan, the Holy See and Western Sahara, and nothing else', () => {
    expect(UN_MEMBERS).toHaveLength(193);
    expect(new Set(UN_MEMBERS).size).toBe(193);
    const codes = new Set(countries.map((c) => c.code));
    expect(UN_MEMBERS.filter((c) => !codes.has(c))).toEqual([]);
    expect(NON_MEMBERS.filter((c) => !codes.has(c))).toEqual([]);
    expect([...codes].filter((c) => !UN_MEMBERS.includes(c) && !NON_MEMBERS.includes(c))).toEqual([]);
  });

  it('maps no surface form to two states', () => {
    const clashes = [...byForm.entries()]
      .filter(([, hits]) => new Set(hits.map((h) => h.code)).size > 1)
      .map(([form, hits]) => `${form}: ${hits.map((h) => `${h.code} ${h.field}`).join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('repeats no form within an entry, except a capital named like its state (Djibouti, Monaco)', () => {
    const repeats = countries.flatMap((c) => {
      const forms = formsOf(c).filter((f) => !(f.field === 'capital' && f.form === c.name));
      return forms.filter((f, i) => forms.findIndex((g) => g.form === f.form) !== i).map((f) => `${c.code}: ${f.form}`);
    });
    expect(repeats).toEqual([]);
  });

  it('writes every form trimmed, on one line, with single spaces and straight apostrophes', () => {
    const bad = allForms.filter((f) => f.form !== f.form.trim() || /\s{2}|\n|[\u2018\u2019]/.test(f.form) || !f.form);
    expect(bad).toEqual([]);
  });

  it('has a capital for every state but the Seychelles (whose Victoria is too ambiguous)', () => {
    expect(countries.filter((c) => !c.capital).map((c) => c.code)).toEqual(['SYC']);
  });

  it('gives demonyms to every state but the Holy See, and Dominica and the Republic of the Congo, whose demonyms ("Dominican", "Congolese") are read as a neighbour\'s', () => {
    expect(countries.filter((c) => c.demonyms.length === 0).map((c) => c.code)).toEqual(['DMA', 'VAT', 'COG']);
  });

  it('lists 10 or more places for the large and conflict-affected states', () => {
    const big = [
      'USA',
      'RUS',
      'UKR',
      'CHN',
      'IND',
      'PAK',
      'AFG',
      'IRQ',
      'IRN',
      'SYR',
      'ISR',
      'PSE',
      'LBN',
      'YEM',
      'SDN',
    ];
    const more = [
      'SSD',
      'SOM',
      'ETH',
      'COD',
      'NGA',
      'MLI',
      'LBY',
      'EGY',
      'SAU',
      'TUR',
      'GBR',
      'FRA',
      'DEU',
      'MMR',
      'BRA',
    ];
    const few = [...big, ...more].filter((code) => (countries.find((c) => c.code === code)?.places.length ?? 0) < 10);
    expect(few).toEqual([]);
  });

  it.each([
    // [form as written in news, code, how it resolves, sector]
    ['the United States', 'USA', 'alias', undefined],
    ['U.S.', 'USA', 'alias', undefined],
    ['US', 'USA', 'alias', undefined],
    ['America', 'USA', 'alias', undefined],
    ['American', 'USA', 'demonym', undefined],
    ['Washington', 'USA', 'capital', undefined],
    ['the White House', 'USA', 'seat', 'GOV'],
    ['the Pentagon', 'USA', 'seat', 'MIL'],
    ['Pentagon', 'USA', 'seat', 'MIL'],
    ['the State Department', 'USA', 'seat', 'GOV'],
    ['Capitol Hill', 'USA', 'seat', 'LEG'],
    ['U.K.', 'GBR', 'alias', undefined],
    ['Britain', 'GBR', 'alias', undefined],
    ['Great Britain', 'GBR', 'alias', undefined],
    ['Briton', 'GBR', 'demonym', undefined],
    ['British', 'GBR', 'demonym', undefined],
    ['Downing Street', 'GBR', 'seat', 'GOV'],
    ['Whitehall', 'GBR', 'seat', 'GOV'],
    ['the Kremlin', 'RUS', 'seat', 'GOV'],
    ['Kremlin', 'RUS', 'seat', 'GOV'],
    ['the Duma', 'RUS', 'seat', 'LEG'],
    ['Soviet', 'RUS', 'demonym', undefined],
    ['Soviet Union', 'RUS', 'alias', undefined],
    ['USSR', 'RUS', 'alias', undefined],
    ['Moscow', 'RUS', 'capital', undefined],
    ['Kyiv', 'UKR', 'capital', undefined],
    ['Kiev', 'UKR', 'seat', 'GOV'],
    ['Bankova', 'UKR', 'seat', 'GOV'],
    ['the Verkhovna Rada', 'UKR', 'seat', 'LEG'],
    ['Donbas', 'UKR', 'place', undefined],
    ['Crimea', 'UKR', 'place', undefined],
    ['Odesa', 'UKR', 'place', undefined],
    ['the Elysee', 'FRA', 'seat', 'GOV'],
    ["the Quai d'Orsay", 'FRA', 'seat', 'GOV'],
    ['the Bundestag', 'DEU', 'seat', 'LEG'],
    ['Bonn', 'DEU', 'seat', 'GOV'],
    ['West Germany', 'DEU', 'alias', undefined],
    ['the Knesset', 'ISR', 'seat', 'LEG'],
    ['Israeli', 'ISR', 'demonym', undefined],
    ['Jerusalem', 'ISR', 'capital', undefined],
    ['Tel Aviv', 'ISR', 'place', undefined],
    ['Palestinians', 'PSE', 'demonym', undefined],
    ['Gaza Strip', 'PSE', 'place', undefined],
    ['West Bank', 'PSE', 'place', undefined],
    ['East Jerusalem', 'PSE', 'place', undefined],
    ['Rafah', 'PSE', 'place', undefined],
    ['Hebron', 'PSE', 'place', undefined],
    ['Zhongnanhai', 'CHN', 'seat', 'GOV'],
    ['PRC', 'CHN', 'alias', undefined],
    ['the Blue House', 'KOR', 'seat', 'GOV'],
    ['DPRK', 'PRK', 'alias', undefined],
    ['Yongbyon', 'PRK', 'place', undefined],
    ['Tehran', 'IRN', 'capital', undefined],
    ['Persia', 'IRN', 'alias', undefined],
    ['Kirkuk', 'IRQ', 'place', undefined],
    ['Basra', 'IRQ', 'place', undefined],
    ['Samarra', 'IRQ', 'place', undefined],
    ['Baghdad', 'IRQ', 'capital', undefined],
    ['Beirut', 'LBN', 'capital', undefined],
    ['Golan Heights', 'SYR', 'place', undefined],
    ['Riyadh', 'SAU', 'capital', undefined],
    ['the Emirates', 'ARE', 'alias', undefined],
    ['Ankara', 'TUR', 'capital', undefined],
    ['Turkey', 'TUR', 'alias', undefined],
    ['Türkiye', 'TUR', 'name', undefined],
    ['Ivorian', 'CIV', 'demonym', undefined],
    ['Ivory Coast', 'CIV', 'alias', undefined],
    ['the Ivory Coast', 'CIV', 'alias', undefined],
    ["Cote d'Ivoire", 'CIV', 'alias', undefined],
    ['Abidjan', 'CIV', 'seat', 'GOV'],
    ['DRC', 'COD', 'alias', undefined],
    ['DR Congo', 'COD', 'alias', undefined],
    ['Zaire', 'COD', 'alias', undefined],
    ['Congolese', 'COD', 'demonym', undefined],
    ['Congo-Brazzaville', 'COG', 'alias', undefined],
    ['Darfur', 'SDN', 'place', undefined],
    ['El Fasher', 'SDN', 'place', undefined],
    ['Omdurman', 'SDN', 'place', undefined],
    ['Khartoum', 'SDN', 'capital', undefined],
    ['Juba', 'SSD', 'capital', undefined],
    ['Lagos', 'NGA', 'place', undefined],
    ['Nigerien', 'NER', 'demonym', undefined],
    ['Dili', 'TLS', 'capital', undefined],
    ['East Timor', 'TLS', 'alias', undefined],
    ['Gorazde', 'BIH', 'place', undefined],
    ['Bosnian Serbs', 'BIH', 'demonym', undefined],
    ['Serb', 'SRB', 'demonym', undefined],
    ['Yugoslavia', 'SRB', 'alias', undefined],
    ['Czechia', 'CZE', 'name', undefined],
    ['Czech Republic', 'CZE', 'alias', undefined],
    ['Czechoslovakia', 'CZE', 'alias', undefined],
    ['Macedonia', 'MKD', 'alias', undefined],
    ['Burma', 'MMR', 'alias', undefined],
    ['Burmese', 'MMR', 'demonym', undefined],
    ['Kampuchea', 'KHM', 'alias', undefined],
    ['Kampuchean', 'KHM', 'demonym', undefined],
    ['Swaziland', 'SWZ', 'alias', undefined],
    ['Georgia', 'GEO', 'name', undefined],
    ['Afghan', 'AFG', 'demonym', undefined],
    ['Trinidad', 'TTO', 'alias', undefined],
    ['Chechnya', 'RUS', 'place', undefined],
    ['Nakhichevan', 'AZE', 'place', undefined],
    ['Baku', 'AZE', 'capital', undefined],
    ['Sri Lanka', 'LKA', 'name', undefined],
    ['Taiwanese', 'TWN', 'demonym', undefined],
    ['the Vatican', 'VAT', 'alias', undefined],
    ['Kosovar', 'XKX', 'demonym', undefined],
    ['Sahrawi', 'ESH', 'demonym', undefined],
  ])('%s -> %s (%s %s)', (form, code, field, sector) => {
    expect(resolve(form)).toEqual({ code, field, sector });
  });

  it.each([
    // Forms that must resolve nowhere: shared by two states, not a state, or a common English word.
    'Punjab',
    'Kashmir',
    'Kurdistan',
    'Korea',
    'Korean',
    'Kurdish',
    'Kurds',
    'Moslem',
    'Muslim',
    'Arab',
    'Nice',
    'Mobile',
    'Split',
    'Van',
    'Batman',
    'Reading',
    'Bath',
    'Pale',
    'Male',
    'Bar',
    'Man',
    'Hue',
    'Tyre',
    'Acre',
    'Poles',
    'Victoria',
    'Valencia',
    'Hyderabad',
    'Perth',
    'Guantanamo',
    'Brest',
    'Sucre',
    'Ruse',
    'Pecs',
    'Pula',
    'Sabah',
    'Ngozi',
    // Typos in the gold records are not aliases.
    'Ethopia',
    'Quatar',
    'Afganistan',
    'Herzogovina',
  ])('%s resolves to no state', (form) => {
    expect(byForm.get(form)).toBeUndefined();
  });
});

describe('regions.yaml', () => {
  it('states its source', () => {
    expect(regionsFile.source.length).toBeGreaterThan(20);
  });

  it('uses only the region codes of the gold format, once each', () => {
    const codes = regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !REGION_CODES.includes(c))).toEqual([]);
    expect([...REGION_CODES].sort()).toEqual([...codes].sort());
  });

  it('maps no form to two regions, and shares no form with a state', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { form, code } of regionForms) {
      const other = seen.get(form);
      if (other && other !== code) clashes.push(`${form}: ${other}, ${code}`);
      seen.set(form, code);
      if (byForm.has(form)) clashes.push(`${form}: ${code} and state ${byForm.get(form)?.[0]?.code}`);
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ['Europe', 'EUR'],
    ['European allies', 'EUR'],
    ['European countries', 'EUR'],
    ['European', 'EUR'],
    ['the West', 'WST'],
    ['Western nations', 'WST'],
    ['Western powers', 'WST'],
    ['Western', 'WST'],
    ['Africa', 'AFR'],
    ['African', 'AFR'],
    ['Middle East', 'MEA'],
    ['Arab states', 'MEA'],
    ['Gulf states', 'MEA'],
    ['Arab', 'MEA'],
    ['Gulf', 'MEA'],
    ['Asia', 'ASA'],
    ['Asian', 'ASA'],
    ['Latin America', 'LAM'],
    ['Latin American', 'LAM'],
  ])('%s -> %s', (form, code) => {
    expect(resolve(form)).toEqual({ code, field: 'region' });
  });
});
