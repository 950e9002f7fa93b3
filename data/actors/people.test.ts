import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { surnameOf } from '../../src/knowledge/load.js';
import { countrySchema, fileSchema, organizationSchema, personSchema } from '../../src/knowledge/schema.js';
import { formsOfStatesAndRegions } from './taken-forms.js';

const read = (file: string) => parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const file = fileSchema(personSchema).parse(read('./people.yaml'));
const people = file.entries;
const countries = fileSchema(countrySchema).parse(read('./countries.yaml')).entries;
const orgs = fileSchema(organizationSchema).parse(read('./organizations.yaml')).entries;

type Person = (typeof people)[number];

/** The office the extractor picks on a day: the first one held then, else the most recent (src/extract/actors/recognize.ts). */
function officeOn(person: Person, day: string) {
  const held = person.offices.filter((o) => (!o.from || o.from <= day) && (!o.to || day < o.to));
  return held[0] ?? [...person.offices].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
}
const byForm = (form: string) => people.filter((p) => p.name === form || p.aliases.includes(form));
const one = (form: string): Person => {
  const found = byForm(form);
  expect(
    found.map((p) => p.id),
    form,
  ).toHaveLength(1);
  return found[0] as Person;
};

/** Codes a person may act for: a state, an organisation's code, or UNK. */
const codes = new Set([
  ...countries.map((c) => c.code),
  ...orgs.filter((o) => o.kind === 'organization').map((o) => o.code),
  'UNK',
]);

/**
 * Surnames the loader derives that belong to people of different codes. The first entry in the file wins
 * a bare surname, so each pair is a known, accepted ambiguity; add to it only after ordering the file.
 */
const SHARED_SURNAMES = new Set(['Rasmussen', 'Powell', 'Cohen', 'al-Maliki', 'Suleiman', 'Santos']);

describe('data/actors/people.yaml', () => {
  it('validates against the schema and states its source', () => {
    expect(file.source).toMatch(/public record/);
    expect(people.length).toBeGreaterThanOrEqual(250);
  });

  it('has unique ids that are slugs of the name', () => {
    const ids = people.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const p of people) expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives no name or alias to two people, and repeats none within one', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of people) {
      const forms = [p.name, ...p.aliases];
      forms.forEach((f, i) => {
        if (forms.indexOf(f) !== i) clashes.push(`${f}: twice in ${p.id}`);
        const prior = owner.get(f.toLowerCase());
        if (prior && prior !== p.id) clashes.push(`${f}: ${prior} and ${p.id}`);
        owner.set(f.toLowerCase(), p.id);
      });
    }
    expect(clashes).toEqual([]);
  });

  it('lists no bare surname as an alias (the loader adds it)', () => {
    const bare = people.filter((p) => p.aliases.includes(surnameOf(p.name) ?? '\u0000')).map((p) => p.id);
    expect(bare).toEqual([]);
  });

  it('shares no form, surname included, with a state, region or organisation', () => {
    const taken = formsOfStatesAndRegions();
    for (const o of orgs) for (const f of [o.name, ...o.aliases]) taken.set(f.toLowerCase(), o.id);
    const clashes = people.flatMap((p) =>
      [p.name, ...p.aliases, surnameOf(p.name) ?? '']
        .filter((f) => f && taken.has(f.toLowerCase()))
        .map((f) => `${f} (${p.id}) is ${taken.get(f.toLowerCase())}`),
    );
    // The DRC foreign minister's surname is also the Wagner Group's short name; the org wins it.
    expect(clashes.filter((c) => !c.startsWith('Wagner (therese-kayikwamba-wagner)'))).toEqual([]);
  });

  it('keeps surnames shared across codes to the known list', () => {
    const codesBySurname = new Map<string, Set<string>>();
    for (const p of people) {
      const s = surnameOf(p.name);
      if (!s) continue;
      const set = codesBySurname.get(s) ?? new Set<string>();
      for (const o of p.offices) set.add(o.code);
      codesBySurname.set(s, set);
    }
    const shared = [...codesBySurname]
      .filter(([s, set]) => set.size > 1 && people.filter((p) => surnameOf(p.name) === s).length > 1)
      .map(([s]) => s);
    expect(shared.filter((s) => !SHARED_SURNAMES.has(s))).toEqual([]);
  });

  it('dates every office with from before to, and acts for a known code', () => {
    const bad: string[] = [];
    for (const p of people) {
      for (const o of p.offices) {
        if (!o.from) bad.push(`${p.id}: ${o.role} has no from`);
        if (o.from && o.to && !(o.from < o.to)) bad.push(`${p.id}: ${o.role} ${o.from} >= ${o.to}`);
        if (!codes.has(o.code)) bad.push(`${p.id}: unknown code ${o.code}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('holds no two offices with the same role and code at once', () => {
    const bad: string[] = [];
    for (const p of people) {
      p.offices.forEach((a, i) => {
        p.offices.slice(i + 1).forEach((b) => {
          const overlap = (a.from ?? '') < (b.to ?? '9999') && (b.from ?? '') < (a.to ?? '9999');
          if (a.role === b.role && a.code === b.code && overlap) bad.push(`${p.id}: ${a.role}`);
        });
      });
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['Mark Rutte', '2025-12-01', 'NATO', 'Secretary General', 'IGO'],
    ['Mark Rutte', '2020-06-01', 'NLD', 'Prime Minister', 'GOV'],
    ['Jens Stoltenberg', '2020-06-01', 'NATO', 'Secretary General', 'IGO'],
    ['Yvette Cooper', '2025-12-03', 'GBR', 'Foreign Secretary', 'GOV'],
    ['Yvette Cooper', '2025-01-10', 'GBR', 'Home Secretary', 'GOV'],
    ['David Lammy', '2025-03-01', 'GBR', 'Foreign Secretary', 'GOV'],
    ['Andrii Sybiha', '2025-12-03', 'UKR', 'Foreign Minister', 'GOV'],
    ['Dmytro Kuleba', '2023-05-01', 'UKR', 'Foreign Minister', 'GOV'],
    ['Anita Anand', '2025-12-03', 'CAN', 'Foreign Affairs Minister', 'GOV'],
    ['Melanie Joly', '2024-05-01', 'CAN', 'Foreign Affairs Minister', 'GOV'],
    ['Steve Witkoff', '2025-12-03', 'USA', 'special envoy', 'GOV'],
    ['Marco Rubio', '2025-12-03', 'USA', 'Secretary of State', 'GOV'],
    ['Sergei Lavrov', '2025-12-03', 'RUS', 'Foreign Minister', 'GOV'],
    ['Yuri Ushakov', '2025-12-03', 'RUS', 'foreign affairs adviser', 'GOV'],
    ['Vladimir Putin', '2010-01-01', 'RUS', 'Prime Minister', 'GOV'],
    ['Vladimir Putin', '2025-12-03', 'RUS', 'President', 'GOV'],
    ['Kaja Kallas', '2025-12-03', 'EU', 'High Representative for Foreign Affairs and Security Policy', 'IGO'],
    ['Ursula von der Leyen', '2025-12-03', 'EU', 'President of the European Commission', 'IGO'],
    ['Antonio Guterres', '2025-12-03', 'UN', 'Secretary-General', 'IGO'],
    ['Kofi Annan', '2000-01-01', 'UN', 'Secretary-General', 'IGO'],
    ['Rafael Grossi', '2025-12-03', 'IAEA', 'Director General', 'IGO'],
    ['Benjamin Netanyahu', '1997-01-01', 'ISR', 'Prime Minister', 'GOV'],
    ['Benjamin Netanyahu', '2025-12-03', 'ISR', 'Prime Minister', 'GOV'],
    ['Ariel Sharon', '2003-01-01', 'ISR', 'Prime Minister', 'GOV'],
    ['Yasser Arafat', '1990-01-01', 'PSE', 'PLO Chairman', 'GOV'],
    ['Ismail Haniyeh', '2020-01-01', 'PSE', 'Hamas political leader', 'REB'],
    ['Hassan Nasrallah', '2006-07-20', 'LBN', 'Hezbollah leader', 'REB'],
    ['Hibatullah Akhundzada', '2019-01-01', 'AFG', 'Taliban leader', 'REB'],
    ['Hibatullah Akhundzada', '2025-01-01', 'AFG', 'Supreme Leader', 'GOV'],
    ['Annalena Baerbock', '2025-12-03', 'UN', 'President of the UN General Assembly', 'IGO'],
    ['Mikhail Gorbachev', '1988-01-01', 'RUS', 'General Secretary of the Communist Party', 'GOV'],
    ['Slobodan Milosevic', '1995-01-01', 'SRB', 'President of Serbia', 'GOV'],
    ['Radovan Karadzic', '1994-01-01', 'BIH', 'Bosnian Serb leader', 'REB'],
    ['Pierre Joxe', '1992-01-01', 'FRA', 'Defence Minister', 'GOV'],
    ['Abdel Fattah al-Burhan', '2025-06-01', 'SDN', 'Chairman of the Transitional Sovereignty Council', 'GOV'],
    ['Mohamed Hamdan Dagalo', '2025-06-01', 'SDN', 'RSF commander', 'REB'],
    ['Ahmed al-Sharaa', '2025-06-01', 'SYR', 'President', 'GOV'],
    ['Osama bin Laden', '2001-09-11', 'UNK', 'al-Qaeda leader', 'REB'],
  ])('%s on %s acts for %s as %s', (form, day, code, role, sector) => {
    expect(officeOn(one(form), day)).toMatchObject({ code, role, sector });
  });

  it.each([
    ['Zelenskyy', 'volodymyr-zelensky'],
    ['Zelenskiy', 'volodymyr-zelensky'],
    ['Volodymyr Zelenskyy', 'volodymyr-zelensky'],
    ['Muammar Qaddafi', 'muammar-gaddafi'],
    ['Kadhafi', 'muammar-gaddafi'],
    ['Qaddafi', 'muammar-gaddafi'],
    ['Abu Mazen', 'mahmoud-abbas'],
    ['Hemedti', 'mohamed-hamdan-dagalo'],
    ['Abu Mohammed al-Jolani', 'ahmed-al-sharaa'],
    ['Pope Leo XIV', 'robert-francis-prevost'],
    ['Xi', 'xi-jinping'],
    ['Kim Jong Un', 'kim-jong-un'],
  ])('%s is %s', (form, id) => {
    expect(one(form).id).toBe(id);
  });

  it('keeps Jared Kushner honest: no formal post in 2025', () => {
    expect(officeOn(one('Jared Kushner'), '2025-12-02').role).toMatch(/no government post/);
  });
});
