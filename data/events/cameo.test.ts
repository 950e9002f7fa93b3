import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cameoSchema, fileSchema } from '../../src/knowledge/schema.js';

const file = fileSchema(cameoSchema).parse(parse(readFileSync(new URL('./cameo.yaml', import.meta.url), 'utf8')));
const entries = file.entries;
const byCode = new Map(entries.map((e) => [e.code, e]));
const ROOTS = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));

/** CAMEO root -> PLOVER type, as in shared/spec/event-types.md. 08 is split below. */
const ROOT_TYPE: Record<string, string | null> = {
  '01': null,
  '02': 'REQUEST',
  '03': 'AGREE',
  '04': 'CONSULT',
  '05': 'SUPPORT',
  '06': 'COOPERATE',
  '07': 'AID',
  '09': 'ACCUSE',
  '10': 'REQUEST',
  '11': 'ACCUSE',
  '12': 'REJECT',
  '13': 'THREATEN',
  '14': 'PROTEST',
  '15': 'MOBILIZE',
  '16': 'SANCTION',
  '17': 'COERCE',
  '18': 'ASSAULT',
  '19': 'ASSAULT',
  '20': 'ASSAULT',
};

/** Root Goldstein weights of the table in shared/spec/event-types.md. */
const ROOT_GOLDSTEIN: Record<string, number> = {
  '01': 0,
  '02': 3,
  '03': 4,
  '04': 1,
  '05': 3.5,
  '06': 6,
  '07': 7,
  '08': 5,
  '09': -2,
  '10': -5,
  '11': -2,
  '12': -4,
  '13': -6,
  '14': -6.5,
  '15': -7.2,
  '16': -4,
  '17': -7,
  '18': -9,
  '19': -10,
  '20': -10,
};

/** Quad class of each root: 01-05 verbal cooperation, 06-08 material cooperation, 09-14 verbal conflict (PROTEST is 3 in the spec), 15-20 material conflict. */
const quadOfRoot = (root: string): number => {
  const n = Number(root);
  return n <= 5 ? 1 : n <= 8 ? 2 : n <= 14 ? 3 : 4;
};

/** Expected PLOVER type of any code: 081-083 CONCEDE, 084-087 RETREAT, the bare 08 and 080 CONCEDE. */
const expectedType = (code: string): string | null => {
  const root = code.slice(0, 2);
  if (root !== '08') return ROOT_TYPE[root] ?? null;
  const three = code.slice(0, 3);
  return code.length === 2 || ['080', '081', '082', '083'].includes(three) ? 'CONCEDE' : 'RETREAT';
};

describe('data/events/cameo.yaml', () => {
  it('validates against the schema and states its source', () => {
    expect(file.source.length).toBeGreaterThan(20);
    expect(entries.length).toBeGreaterThan(280);
  });

  it('has unique codes', () => {
    const codes = entries.map((e) => e.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it('has every root 01..20 and its "not specified" 3-digit code', () => {
    for (const root of ROOTS) {
      expect(byCode.has(root), root).toBe(true);
      expect(byCode.has(`${root}0`), `${root}0`).toBe(true);
    }
  });

  it('has no code whose prefix is missing (a 4-digit code has its 3-digit parent, every code its root)', () => {
    const orphans = entries.filter((e) => {
      if (e.code.length === 2) return !ROOTS.includes(e.code);
      if (!byCode.has(e.code.slice(0, 2))) return true;
      return e.code.length === 4 && !byCode.has(e.code.slice(0, 3));
    });
    expect(orphans.map((e) => e.code)).toEqual([]);
  });

  it('maps every code to the PLOVER type of its root', () => {
    const wrong = entries.filter((e) => e.plover !== expectedType(e.code)).map((e) => `${e.code}:${e.plover}`);
    expect(wrong).toEqual([]);
  });

  it('gives every code the quad class of its root', () => {
    const wrong = entries.filter((e) => e.quad !== quadOfRoot(e.code.slice(0, 2))).map((e) => `${e.code}:${e.quad}`);
    expect(wrong).toEqual([]);
  });

  it('gives every root the Goldstein weight of the spec table', () => {
    for (const root of ROOTS) expect(byCode.get(root)?.goldstein, root).toBe(ROOT_GOLDSTEIN[root]);
  });

  it('keeps cooperation positive and conflict negative (statements aside)', () => {
    const wrong = entries.filter((e) => {
      const n = Number(e.code.slice(0, 2));
      if (n === 1 || (n === 2 && /^02[45]/.test(e.code))) return false; // statements; appeals to reform or yield weigh -0.3
      return n <= 8 ? e.goldstein <= 0 : e.goldstein >= 0;
    });
    expect(wrong.map((e) => `${e.code}:${e.goldstein}`)).toEqual([]);
  });

  it.each([
    ['010', 'Make statement, not specified below', 0, 1, null],
    ['0211', 'Appeal for economic cooperation', 3.4, 1, 'REQUEST'],
    ['030', 'Express intent to cooperate, not specified below', 4, 1, 'AGREE'],
    ['036', 'Express intent to meet or negotiate', 4, 1, 'AGREE'],
    ['040', 'Consult, not specified below', 1, 1, 'CONSULT'],
    ['042', 'Make a visit', 1.9, 1, 'CONSULT'],
    ['051', 'Praise or endorse', 3.4, 1, 'SUPPORT'],
    ['057', 'Sign formal agreement', 8, 1, 'SUPPORT'],
    ['061', 'Cooperate economically', 6.4, 2, 'COOPERATE'],
    ['071', 'Provide economic aid', 7.4, 2, 'AID'],
    ['072', 'Provide military aid', 8.3, 2, 'AID'],
    ['081', 'Ease administrative sanctions, not specified below', 5, 2, 'CONCEDE'],
    ['083', 'Accede to requests or demands for political reform, not specified below', 5, 2, 'CONCEDE'],
    ['0841', 'Return, release person(s)', 7, 2, 'RETREAT'],
    ['085', 'Ease economic sanctions, boycott, embargo', 7, 2, 'RETREAT'],
    ['0871', 'Declare truce, ceasefire', 9, 2, 'RETREAT'],
    ['0874', 'Retreat or surrender militarily', 10, 2, 'RETREAT'],
    ['091', 'Investigate crime, corruption', -2, 3, 'ACCUSE'],
    ['1053', 'Demand release of persons or property', -5, 3, 'REQUEST'],
    ['111', 'Criticize or denounce', -2, 3, 'ACCUSE'],
    ['112', 'Accuse, not specified below', -2, 3, 'ACCUSE'],
    ['120', 'Reject, not specified below', -4, 3, 'REJECT'],
    ['129', 'Veto', -5, 3, 'REJECT'],
    ['130', 'Threaten, not specified below', -4.4, 3, 'THREATEN'],
    ['138', 'Threaten to use military force, not specified below', -7, 3, 'THREATEN'],
    ['141', 'Demonstrate or rally, not specified below', -6.5, 3, 'PROTEST'],
    ['154', 'Mobilize or increase armed forces', -7.2, 4, 'MOBILIZE'],
    ['163', 'Impose embargo, boycott, or sanctions', -8, 4, 'SANCTION'],
    ['173', 'Arrest, detain, or charge with legal action', -5, 4, 'COERCE'],
    ['1822', 'Torture', -9, 4, 'ASSAULT'],
    ['186', 'Assassinate', -10, 4, 'ASSAULT'],
    ['190', 'Use conventional military force, not specified below', -10, 4, 'ASSAULT'],
    ['195', 'Employ aerial weapons, not specified below', -10, 4, 'ASSAULT'],
    ['202', 'Engage in mass killings', -10, 4, 'ASSAULT'],
    ['2042', 'Detonate nuclear weapons', -10, 4, 'ASSAULT'],
  ])('%s is "%s", Goldstein %d, quad %d, %s', (code, name, goldstein, quad, plover) => {
    const e = byCode.get(code);
    expect(e).toBeDefined();
    expect(e).toMatchObject({ name, goldstein, quad, plover });
  });
});
