/**
 * Making actors and mentions: the small constructors every actor rule shares,
 * so that ids, names, aliases and the token index stay consistent.
 */
import type { Knowledge, LexEntry } from '../../knowledge/load.js';
import type { Token } from '../../nlp/index.js';
import type { Actor, ActorKind, Place, Sector } from '../../types.js';
import { type Context, type Mention, span } from '../context.js';

/** A gazetteer match as a token range. */
export interface Lex {
  first: number;
  last: number;
  start: number;
  end: number;
  values: readonly LexEntry[];
}

/** Lower-case particles inside names ("bin", "al-", "von"). */
export const NAME_PARTICLES = new Set([
  'bin',
  'al',
  'al-',
  'el',
  'de',
  'van',
  'von',
  'der',
  'da',
  'ibn',
  'abu',
  'la',
  'le',
]);

export const SECTOR_NAMES: Record<string, string> = {
  GOV: 'government',
  MIL: 'military',
  REB: 'rebels',
  OPP: 'opposition',
  COP: 'police',
  JUD: 'judiciary',
  LEG: 'legislature',
  BUS: 'business',
  MED: 'media',
  CVL: 'civilians',
  NGO: 'NGO',
  IGO: 'IGO',
  SPY: 'intelligence',
  DIP: 'diplomats',
  REF: 'refugees',
  PTY: 'party',
};

export function isPossessiveMarker(token: Token | undefined): boolean {
  return !!token && (token.lower === "'s" || token.lower === "'");
}

export function stateName(knowledge: Knowledge, code: string): string {
  return knowledge.countries.get(code)?.name ?? knowledge.regions.get(code)?.name ?? code;
}

export function groupActor(ctx: Context, code: string, name: string, sector: Sector): Actor {
  return ensureActor(ctx, {
    id: `${code}.${sector}`,
    name: `${name} (${SECTOR_NAMES[sector] ?? sector})`,
    code,
    kind: 'group',
    sector,
  });
}

export function ensureActor(ctx: Context, init: Omit<Actor, 'aliases'> & { kind: ActorKind }): Actor {
  const existing = ctx.actors.get(init.id);
  if (existing) return existing;
  // Copied key by key, leaving out the undefined ones: deleting them afterwards turned every actor into a
  // slow dictionary-mode object for all the stages that read it.
  const fields: Record<string, unknown> = {};
  for (const key in init) {
    const value = init[key as keyof typeof init];
    if (value !== undefined) fields[key] = value;
  }
  fields.aliases = [];
  const actor = fields as unknown as Actor;
  ctx.actors.set(actor.id, actor);
  if (actor.kind === 'person' && !actor.kbId && actor.id.startsWith('person:')) {
    const parts = actor.name.split(/\s+/);
    const surname = parts[parts.length - 1] as string;
    if (parts.length > 1 && !ctx.unknownPersonBySurname.has(surname)) ctx.unknownPersonBySurname.set(surname, actor);
  }
  return actor;
}

export function addMention(
  ctx: Context,
  actor: Actor,
  first: number,
  last: number,
  via: string,
  rule: string,
  flags: { possessive?: boolean; modifier?: boolean; plural?: boolean } = {},
): Mention {
  const tokens = ctx.doc.tokens;
  const start = (tokens[first] as Token).start;
  const end = (tokens[last - 1] as Token).end;
  const surface = ctx.doc.text.slice(start, end);
  if (!actor.aliases.includes(surface)) actor.aliases.push(surface);
  const mention: Mention = {
    actor,
    first,
    last,
    start,
    end,
    via,
    rule,
    possessive: flags.possessive ?? isPossessiveMarker(tokens[last]),
    modifier: flags.modifier ?? false,
    plural: flags.plural ?? false,
  };
  ctx.mentions.push(mention);
  for (let t = first; t < last; t++) ctx.mentionAt[t] = mention;
  return mention;
}

export function addPlace(ctx: Context, lex: Lex, code: string, rule: string): void {
  const place: Place = {
    span: span(ctx, lex.start, lex.end),
    name: ctx.doc.text.slice(lex.start, lex.end),
    country: code,
    rule,
  };
  ctx.places.push(place);
  for (let t = lex.first; t < lex.last; t++) ctx.placeAt[t] = place;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
