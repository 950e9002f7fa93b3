/**
 * Actor recognition: dictionary matches from the gazetteer combined into
 * actor mentions by a few patterns, each with a rule id:
 *
 * - `actor.person.titled`   [country|org|possessive]* TITLE Name   "U.K. Foreign Secretary Yvette Cooper"
 * - `actor.person.known`    a name or surname from people.yaml      "Putin"
 * - `actor.person.repeat`   the surname of a person named earlier   "Sybiha"
 * - `actor.official`        [country|possessive]+ TITLE, no name    "Putin's foreign affairs adviser"
 * - `actor.group`           [country|region]+ GROUP                 "Russian troops", "European leaders"
 * - `actor.group.located`   GROUP in|of|from STATE                  "rebels in the Ivory Coast"
 * - `actor.state|org|region` a bare name, alias, capital or seat    "Moscow", "the Kremlin", "NATO"
 *
 * Capitals and states after a locative preposition are places, not actors.
 */
import type { LexEntry } from '../../knowledge/load.js';
import type { Token } from '../../nlp/index.js';
import type { Actor, Sector } from '../../types.js';
import type { Context } from '../context.js';
import { nameOfficials, resolvePairs, resolvePronouns } from './coref.js';
import {
  addMention,
  addPlace,
  ensureActor,
  groupActor,
  isPossessiveMarker,
  type Lex,
  NAME_PARTICLES,
  SECTOR_NAMES,
  slug,
  stateName,
} from './make.js';

/** A modifier before a title or group noun: a state, organisation, region or person (possessive). */
interface Modifier {
  code: string;
  name: string;
  lex: Lex;
  possessive: boolean;
  personActor?: Actor;
}

/** The dictionary match opening at each token, if any. */
type LexAt = (Lex | undefined)[];

const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around', 'within', 'into']);

export function recognizeActors(ctx: Context): void {
  const lexes = scanLexicon(ctx);
  const tokens = ctx.doc.tokens;
  // By first token: read at every token, an array rather than a map.
  const lexAt: LexAt = new Array(tokens.length);
  for (const lex of lexes) lexAt[lex.first] = lex;
  const articleDate = ctx.article.date;
  /** Group nouns with no state word ("students", "rebels"): placed once the sentence's places are known. */
  const unplaced: Lex[] = [];
  /** "ethnic Albanians": a people placed like a group, not the state of the same name. */
  const ethnic: Lex[] = [];

  let i = 0;
  while (i < tokens.length) {
    const lex = lexAt[i];
    if (!lex) {
      const repeat = matchSurnameRepeat(ctx, i);
      if (repeat) {
        addMention(ctx, repeat, i, i + 1, 'surname', 'actor.person.repeat');
      }
      i++;
      continue;
    }

    // Gather a run of modifiers (states, regions, organisations, possessive persons).
    const modifiers: Modifier[] = [];
    let k = i;
    while (true) {
      const m = lexAt[k];
      if (!m) break;
      const mod = asModifier(ctx, m, articleDate);
      if (!mod) break;
      let next = m.last;
      const possessive = isPossessiveMarker(tokens[next]);
      if (possessive) next++;
      mod.possessive = possessive;
      modifiers.push(mod);
      k = next;
      // "U.S. and Russian negotiators": coordinated modifiers share the head noun.
      if (!possessive && tokens[k]?.lower === 'and' && lexAt[k + 1] && asModifier(ctx, lexAt[k + 1] as Lex)) {
        k++;
      }
      if (possessive) break;
    }

    // "Bosnian Serbs", "Iraqi Kurds": a people of a state, coded to the state named first.
    const lastMod = modifiers[modifiers.length - 1];
    if (modifiers.length >= 2 && lastMod && isPluralDemonym(ctx, lastMod.lex)) {
      const first = modifiers[0] as Modifier;
      addMention(
        ctx,
        groupActor(ctx, first.code, first.name, 'CVL'),
        first.lex.first,
        lastMod.lex.last,
        'group',
        'actor.group.people',
        { plural: true },
      );
      i = lastMod.lex.last;
      continue;
    }
    // "Iraq's interim government", "the Russian defence ministry": adjectives may stand before the head.
    if (modifiers.length && !lexAt[k]) {
      for (let skip = k; skip < k + 2 && tokens[skip]?.pos === 'ADJ'; skip++) {
        const after = lexAt[skip + 1];
        if (after && (has(after, 'title') || has(after, 'group'))) {
          k = skip + 1;
          break;
        }
      }
    }

    // Titles (possibly chained: "Deputy Prime Minister and Foreign Minister") after the modifiers.
    let titleLex: Lex | undefined;
    let head = lexAt[k];
    if (head && has(head, 'title')) {
      titleLex = head;
      k = head.last;
      head = lexAt[k];
      if (head && has(head, 'title')) {
        titleLex = { ...titleLex, last: head.last, end: head.end, values: head.values };
        k = head.last;
      }
    }

    if (titleLex) {
      const title = entryOf(titleLex, 'title') as Extract<LexEntry, { kind: 'title' }>;
      const name = readName(ctx, k, lexAt);
      const start = modifiers[0]?.lex.first ?? titleLex.first;
      recordModifiers(ctx, modifiers);
      if (name) {
        const actor = personActor(ctx, name, title, modifiers, articleDate);
        addMention(ctx, actor, start, name.last, 'title', 'actor.person.titled');
        i = name.last;
        continue;
      }
      if (modifiers.length) {
        const mod = modifiers[modifiers.length - 1] as Modifier;
        const role = ctx.doc.text.slice(titleLex.start, titleLex.end);
        const actor = ensureActor(ctx, {
          id: `${mod.code}~${slug(role)}${mod.personActor ? `~of-${slug(mod.personActor.name)}` : ''}`,
          name: `${mod.personActor ? `${mod.personActor.name}'s` : mod.name} ${role}`,
          code: mod.code,
          kind: 'person',
          sector: title.sector,
          role: title.role,
        });
        addMention(ctx, actor, start, titleLex.last, 'title', 'actor.official');
        i = titleLex.last;
        continue;
      }
      // "the president": the most recent person holding that title.
      const previous = tokens[titleLex.first - 1];
      if (previous?.lower === 'the') {
        const antecedent = latestPersonWithRole(ctx, title.role);
        if (antecedent) {
          addMention(ctx, antecedent, titleLex.first - 1, titleLex.last, 'role-noun', 'actor.coref.title');
          i = titleLex.last;
          continue;
        }
      }
      i = titleLex.last;
      continue;
    }

    // Group nouns after modifiers: "Russian troops", "European allies", "Ukraine's military".
    if (modifiers.length && head && has(head, 'group')) {
      const group = entryOf(head, 'group') as Extract<LexEntry, { kind: 'group' }>;
      const plural = tokens[head.last - 1]?.text.endsWith('s') ?? true;
      recordModifiers(ctx, modifiers);
      for (const mod of modifiers) {
        const actor = groupActor(ctx, mod.code, mod.name, group.sector);
        addMention(ctx, actor, mod.lex.first, head.last, 'group', 'actor.group', { plural });
      }
      i = head.last;
      continue;
    }

    // "The Nigerian Union of Teachers": a national organisation the dictionaries do not know.
    if (modifiers.length === 1 && lastMod?.lex.values.some((v) => v.kind === 'state' && v.via === 'demonym') && !head) {
      const name = readOrganizationName(ctx, k, lexAt);
      if (name) {
        const text = ctx.doc.text.slice(lastMod.lex.start, tokens[name.last - 1]?.end);
        const actor = ensureActor(ctx, {
          id: `${lastMod.code}~${slug(text)}`,
          name: text,
          code: lastMod.code,
          kind: 'group',
          sector: sectorOfName(text),
        });
        addMention(ctx, actor, lastMod.lex.first, name.last, 'name', 'actor.group.named');
        i = name.last;
        continue;
      }
    }

    // Bare actors.
    if (modifiers.length) {
      if (tokens[i - 1]?.lower === 'ethnic' && modifiers.length === 1) {
        ethnic.push((modifiers[0] as Modifier).lex);
        i = k;
        continue;
      }
      for (const mod of modifiers) emitBare(ctx, mod);
      i = k;
      continue;
    }

    const person = entryOf(lex, 'person');
    if (person?.kind === 'person') {
      addMention(
        ctx,
        knownPersonActor(ctx, person.id, articleDate),
        lex.first,
        lex.last,
        person.via,
        'actor.person.known',
      );
      i = lex.last;
      continue;
    }
    if (has(lex, 'group')) {
      const located = locatedGroup(ctx, lex, lexAt);
      if (located) {
        addMention(ctx, located.actor, lex.first, located.last, 'group', 'actor.group.located', { plural: true });
        i = located.last;
        continue;
      }
      if (!UNPLACED_GROUPS.has(ctx.doc.text.slice(lex.start, lex.end).toLowerCase())) unplaced.push(lex);
    }
    if (has(lex, 'place')) addPlace(ctx, lex, (entryOf(lex, 'place') as { code: string }).code, 'place.gazetteer');
    i = lex.last;
  }
  const topic = topicState(ctx);
  for (const lex of unplaced) placeGroup(ctx, lex, undefined, topic);
  for (const lex of ethnic) placeGroup(ctx, lex, 'CVL');
  nameOfficials(ctx);
  resolvePairs(ctx);
  resolvePronouns(ctx);
}

/** Conflict parties that, placed nowhere in their sentence, belong to the article's topic state. */
const TOPIC_GROUPS = new Set([
  'warring parties',
  'warring sides',
  'rebels',
  'militants',
  'insurgents',
  'army',
  'military',
  'armed forces',
  'security forces',
  'militia',
  'militias',
  'fighters',
  'paramilitaries',
  'government',
  'authorities',
  'junta',
  'protesters',
  'demonstrators',
  'opposition',
  'civilians',
]);

/** Group nouns too vague to stand for a state's people by place alone. */
const UNPLACED_GROUPS = new Set([
  'intelligence',
  'state',
  'states',
  'side',
  'team',
  'party',
  'parties',
  'nations',
  'countries',
  'powers',
  'capitals',
  'allies',
  'ally',
  'partners',
  'counterparts',
  'counterpart',
  'leader',
  'authority',
  'media',
  'press',
  'companies',
  'firms',
  'businesses',
  'banks',
  'investors',
  'missiles',
  'drones',
  'aircraft',
  'artillery',
  'tanks',
]);

/**
 * "Thousands of students throughout Indonesia staged demonstrations": a group
 * with no state word takes the state where the sentence places it, else the
 * state the sentence names (rule `actor.group.placed`).
 */
/**
 * The state an article is mostly about: the one its actors belong to most
 * often. "The warring parties" in an article on Sudan are Sudan's.
 */
function topicState(ctx: Context): string | undefined {
  const counts = new Map<string, number>();
  for (const m of ctx.mentions) {
    if (m.modifier || !ctx.knowledge.countries.has(m.actor.code)) continue;
    counts.set(m.actor.code, (counts.get(m.actor.code) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  // Only a clear topic: well ahead of the runner-up.
  return first && (!second || first[1] >= 2 * second[1]) && first[1] >= 3 ? first[0] : undefined;
}

function placeGroup(ctx: Context, lex: Lex, sector?: Sector, topic?: string): void {
  if (ctx.mentionAt[lex.first]) return;
  // "military aid", "police station": the group word qualifies a noun rather than naming a group.
  const next = ctx.doc.tokens[lex.last];
  if (next && (next.pos === 'NOUN' || next.pos === 'PROPN')) return;
  const sentence = ctx.doc.tokens[lex.first]?.sentence;
  const s = ctx.doc.sentences[sentence ?? 0];
  if (!s) return;
  // Only a place near the group: "students throughout Indonesia", not a city named at the other end of the sentence.
  const near = (start: number) => Math.abs(start - (ctx.doc.tokens[lex.first]?.start ?? 0)) < 90;
  const place = ctx.places.find((p) => p.span.start >= s.start && p.span.end <= s.end && near(p.span.start));
  // Only a state the sentence places things in or comes from ("from Nigeria", "Macedonia's border"): not any state it names.
  const state = ctx.mentions.find(
    (m) =>
      ctx.doc.tokens[m.first]?.sentence === sentence &&
      (m.actor.kind === 'state' || m.rule === 'actor.group.located') &&
      near(m.start) &&
      (m.possessive ||
        m.rule === 'actor.group.located' ||
        ['from', 'of'].includes(ctx.doc.tokens[m.first - 1]?.lower ?? '') ||
        isLocative(ctx.doc.tokens, m.first)),
  );
  const byTopic = !place && !state && !!topic && TOPIC_GROUPS.has(ctx.doc.text.slice(lex.start, lex.end).toLowerCase());
  const code = place?.country ?? state?.actor.code ?? (byTopic ? topic : undefined);
  if (!code) return;
  const group = entryOf(lex, 'group') as Extract<LexEntry, { kind: 'group' }> | undefined;
  const groupSector = sector ?? group?.sector ?? 'CVL';
  addMention(
    ctx,
    groupActor(ctx, code, stateName(ctx.knowledge, code), groupSector),
    lex.first,
    lex.last,
    'group',
    'actor.group.placed',
    { plural: true },
  );
}

function isPluralDemonym(ctx: Context, lex: Lex): boolean {
  const text = ctx.doc.text.slice(lex.start, lex.end);
  return /s$/.test(text) && lex.values.some((v) => (v.kind === 'state' && v.via === 'demonym') || v.kind === 'group');
}

const ORG_CONNECTORS = new Set(['of', 'for', 'the', 'and', '&']);

/** A capitalised name after a demonym: "Union of Teachers", "Islamic Jihad movement". */
function readOrganizationName(ctx: Context, from: number, lexAt: LexAt): { last: number } | undefined {
  const tokens = ctx.doc.tokens;
  let k = from;
  let last = from;
  while (k < tokens.length && k < from + 8) {
    const t = tokens[k] as Token;
    if (lexAt[k] && !has(lexAt[k] as Lex, 'group')) break;
    if (/^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) && t.pos !== 'VERB') {
      k++;
      last = k;
      continue;
    }
    if (ORG_CONNECTORS.has(t.lower) && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) {
      k++;
      continue;
    }
    break;
  }
  return last > from ? { last } : undefined;
}

const NAME_SECTORS: [RegExp, Sector][] = [
  [/\b(union|unions|workers|labou?r|trade)\b/i, 'LAB'],
  [/\b(party|congress)\b/i, 'PTY'],
  [/\b(army|forces|guard|navy|militia|brigades?)\b/i, 'MIL'],
  [/\b(front|movement|liberation|resistance|jihad|mujahideen)\b/i, 'REB'],
  [/\b(parliament|assembly|senate|council)\b/i, 'LEG'],
  [/\b(court|tribunal)\b/i, 'JUD'],
  [/\b(agency|news|radio|television|times|post)\b/i, 'MED'],
  [/\b(church|mosque|council of bishops)\b/i, 'REL'],
];

function sectorOfName(name: string): Sector | undefined {
  return NAME_SECTORS.find(([re]) => re.test(name))?.[1];
}

/** Longest gazetteer match at each token start, left to right, non-overlapping. */
function scanLexicon(ctx: Context): Lex[] {
  const { doc, knowledge } = ctx;
  const tokens = doc.tokens;
  const lexes: Lex[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const best = knowledge.gazetteer.longestAt(doc.text, ctx.lower, token.start, ctx.tokenAtEnd);
    if (!best) {
      i++;
      continue;
    }
    const last = ctx.tokenAtEnd[best.end] as number;
    // "US $50 million": a currency prefix, not the state.
    if (/^[$€£¥]/.test(tokens[last]?.text ?? '')) {
      i = last;
      continue;
    }
    lexes.push({ first: i, last, start: best.start, end: best.end, values: best.values });
    i = last;
  }
  return lexes;
}

function has(lex: Lex, kind: LexEntry['kind']): boolean {
  return lex.values.some((v) => v.kind === kind);
}

function entryOf(lex: Lex, kind: LexEntry['kind']): LexEntry | undefined {
  return lex.values.find((v) => v.kind === kind);
}

function asModifier(ctx: Context, lex: Lex, date?: string): Modifier | undefined {
  for (const v of lex.values) {
    if (v.kind === 'state') return { code: v.code, name: stateName(ctx.knowledge, v.code), lex, possessive: false };
    if (v.kind === 'org') return { code: v.code, name: v.name, lex, possessive: false };
    if (v.kind === 'region') return { code: v.code, name: v.name, lex, possessive: false };
  }
  const person = entryOf(lex, 'person');
  if (person?.kind === 'person') {
    // Only a possessive person modifies ("Putin's adviser"); checked by the caller's possessive test.
    const next = ctx.doc.tokens[lex.last];
    if (!isPossessiveMarker(next)) return undefined;
    const actor = knownPersonActor(ctx, person.id, date);
    return { code: actor.code, name: actor.name, lex, possessive: true, personActor: actor };
  }
  return undefined;
}

/** A person's name after a title: a known person, or a run of capitalised words. */
function readName(
  ctx: Context,
  from: number,
  lexAt: LexAt,
): { first: number; last: number; kbId?: string } | undefined {
  const tokens = ctx.doc.tokens;
  const lex = lexAt[from];
  if (lex) {
    const person = entryOf(lex, 'person');
    if (person?.kind === 'person') return { first: from, last: lex.last, kbId: person.id };
    if (!has(lex, 'title')) return undefined;
  }
  let k = from;
  while (k < tokens.length && k - from < 5) {
    const t = tokens[k] as Token;
    if (t.sentence !== tokens[from]?.sentence) break;
    const capital = /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) && t.text !== t.text.toUpperCase();
    const initial = /^\p{Lu}\.$/u.test(t.text);
    const particle = k > from && NAME_PARTICLES.has(t.lower) && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '');
    if (!(capital || initial || particle)) break;
    if (k > from && lexAt[k] && !has(lexAt[k] as Lex, 'person')) break;
    k++;
  }
  if (k === from) return undefined;
  return { first: from, last: k };
}

function personActor(
  ctx: Context,
  name: { first: number; last: number; kbId?: string },
  title: { role: string; sector: Sector },
  modifiers: Modifier[],
  date?: string,
): Actor {
  if (name.kbId) {
    const actor = knownPersonActor(ctx, name.kbId, date);
    if (!actor.role) actor.role = title.role;
    return actor;
  }
  const text = ctx.doc.text.slice(ctx.doc.tokens[name.first]?.start, ctx.doc.tokens[name.last - 1]?.end);
  const modifier = modifiers[modifiers.length - 1];
  const code = modifier?.code ?? codeFromContext(ctx, name.first);
  const rule = modifier ? undefined : 'code from context';
  const actor = ensureActor(ctx, {
    id: `person:${slug(text)}`,
    name: text,
    code,
    kind: 'person',
    sector: title.sector,
    role: title.role,
  });
  if (rule) ctx.warnings.push(`${text}: no country in the title; code ${code} taken from the context`);
  return actor;
}

/** Resolves a person from people.yaml with the office held on the article's date. */
function knownPersonActor(ctx: Context, kbId: string, date?: string): Actor {
  const existing = ctx.actors.get(`person:${kbId}`);
  if (existing) return existing;
  const entry = ctx.knowledge.people.get(kbId);
  if (!entry) throw new Error(`people.yaml has no ${kbId}`);
  const day = date ?? new Date().toISOString().slice(0, 10);
  const held = entry.offices.filter((o) => (!o.from || o.from <= day) && (!o.to || day < o.to));
  const office = held[0] ?? [...entry.offices].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
  return ensureActor(ctx, {
    id: `person:${kbId}`,
    name: entry.name,
    code: office?.code ?? 'UNK',
    kind: 'person',
    sector: office?.sector,
    role: office?.role,
    kbId: `people.yaml#${kbId}`,
  });
}

/** "rebels in the Ivory Coast", "Leaders of the opposition coalition in Baku". */
function locatedGroup(ctx: Context, lex: Lex, lexAt: LexAt): { actor: Actor; last: number } | undefined {
  const tokens = ctx.doc.tokens;
  const prep = tokens[lex.last];
  if (!prep || !['in', 'of', 'from'].includes(prep.lower)) return undefined;
  let k = lex.last + 1;
  while (k < lex.last + 4 && (tokens[k]?.lower === 'the' || tokens[k]?.pos === 'ADJ')) k++;
  const target = lexAt[k];
  if (!target) return undefined;
  const state = entryOf(target, 'state') ?? entryOf(target, 'place') ?? entryOf(target, 'org');
  if (!state || (state.kind !== 'state' && state.kind !== 'place' && state.kind !== 'org')) return undefined;
  const group = entryOf(lex, 'group') as Extract<LexEntry, { kind: 'group' }>;
  return { actor: groupActor(ctx, state.code, stateName(ctx.knowledge, state.code), group.sector), last: target.last };
}

/** A bare state, organisation or region name; capitals and seats after "in/at" are places. */
function emitBare(ctx: Context, mod: Modifier): void {
  const { lex } = mod;
  const tokens = ctx.doc.tokens;
  const locative = isLocative(tokens, lex.first);
  if (mod.personActor) {
    addMention(ctx, mod.personActor, lex.first, lex.last, 'name', 'actor.person.known', { possessive: true });
    return;
  }
  for (const v of lex.values) {
    if (v.kind === 'state') {
      if (locative && v.via !== 'demonym') {
        addPlace(ctx, lex, v.code, `place.${v.via}`);
        return;
      }
      const next = tokens[lex.last + (mod.possessive ? 1 : 0)];
      const isAdjective = v.via === 'demonym' && !/s$/.test(tokens[lex.last - 1]?.text ?? '');
      // "on the Thai border", "Iraqi territory": a state word that locates, not an actor.
      if (
        !mod.possessive &&
        next &&
        GEOGRAPHIC.has(next.lower) &&
        (isAdjective || v.via === 'name' || v.via === 'alias')
      ) {
        addPlace(ctx, lex, v.code, 'place.geographic');
        return;
      }
      // "ethnic Albanians": a people, not the state; placed by the sentence like other groups.
      if (v.via === 'demonym' && tokens[lex.first - 1]?.lower === 'ethnic') return;
      if (v.via === 'demonym' && !isAdjective) {
        const people = groupActor(ctx, v.code, stateName(ctx.knowledge, v.code), 'CVL');
        addMention(ctx, people, lex.first, lex.last, 'demonym', 'actor.state.people', {
          plural: true,
          possessive: mod.possessive,
        });
        return;
      }
      // "Russian aggression", "U.S. peace proposal": the name qualifies a noun rather than acting.
      const modifier =
        !mod.possessive &&
        !!next &&
        (isAdjective
          ? ['NOUN', 'PROPN', 'ADJ'].includes(next.pos)
          : (v.via === 'name' || v.via === 'alias') && next.pos === 'NOUN' && !next.text.endsWith("'s"));
      const sector: Sector | undefined = v.via === 'capital' || v.via === 'seat' ? v.sector : undefined;
      const actor = ensureActor(ctx, {
        id: sector ? `${v.code}.${sector}` : v.code,
        name: sector
          ? `${stateName(ctx.knowledge, v.code)} (${SECTOR_NAMES[sector] ?? sector})`
          : stateName(ctx.knowledge, v.code),
        code: v.code,
        kind: 'state',
        sector,
      });
      addMention(ctx, actor, lex.first, lex.last, v.via, `actor.state.${v.via}`, {
        possessive: mod.possessive,
        modifier,
        plural: v.via === 'demonym' && !isAdjective,
      });
      return;
    }
    if (v.kind === 'org') {
      const actor = ensureActor(ctx, {
        id: `org:${v.id}`,
        name: v.name,
        code: v.code,
        kind: v.orgKind === 'group' ? 'group' : 'organization',
        sector: v.sector,
      });
      addMention(ctx, actor, lex.first, lex.last, 'name', 'actor.org', {
        possessive: mod.possessive,
        plural: v.orgKind === 'group',
      });
      return;
    }
    if (v.kind === 'region') {
      if (locative) {
        addPlace(ctx, lex, v.code, 'place.region');
        return;
      }
      const next = tokens[lex.last];
      const modifier = v.via === 'adjective' && !!next && (next.pos === 'NOUN' || next.pos === 'PROPN');
      if (v.via === 'adjective' && !modifier) return;
      const actor = ensureActor(ctx, { id: v.code, name: v.name, code: v.code, kind: 'region' });
      addMention(ctx, actor, lex.first, lex.last, v.via, `actor.region.${v.via}`, { modifier, plural: true });
      return;
    }
  }
}

/**
 * The organisation or state in "NATO Secretary General Mark Rutte" is
 * mentioned too: it joins the article's actors, but does not act in the
 * sentence (it is not placed in `mentionAt`).
 */
function recordModifiers(ctx: Context, modifiers: Modifier[]): void {
  for (const mod of modifiers) {
    if (mod.personActor) continue;
    const v = mod.lex.values.find((x) => x.kind === 'state' || x.kind === 'org' || x.kind === 'region');
    if (!v) continue;
    const actor =
      v.kind === 'org'
        ? ensureActor(ctx, {
            id: `org:${v.id}`,
            name: v.name,
            code: v.code,
            kind: v.orgKind === 'group' ? 'group' : 'organization',
            sector: v.sector,
          })
        : ensureActor(ctx, {
            id: v.code,
            name: stateName(ctx.knowledge, v.code),
            code: v.code,
            kind: v.kind === 'region' ? 'region' : 'state',
          });
    const surface = ctx.doc.text.slice(mod.lex.start, mod.lex.end);
    if (!actor.aliases.includes(surface)) actor.aliases.push(surface);
    ctx.mentions.push({
      actor,
      first: mod.lex.first,
      last: mod.lex.last,
      start: mod.lex.start,
      end: mod.lex.end,
      via: 'modifier',
      rule: 'actor.modifier',
      possessive: mod.possessive,
      modifier: true,
      plural: false,
    });
  }
}

/** "in Ukraine", "in southern Lebanon", "throughout the northern provinces of Iraq". */
function isLocative(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 3; k--) {
    const t = tokens[k] as Token;
    if (LOCATIVE.has(t.lower)) return true;
    if (!(t.lower === 'the' || t.pos === 'ADJ')) return false;
  }
  return false;
}

const GEOGRAPHIC = new Set([
  'border',
  'borders',
  'frontier',
  'coast',
  'coastline',
  'waters',
  'airspace',
  'territory',
  'soil',
  'side',
  'mainland',
  'capital',
  'province',
  'region',
  'city',
  'town',
  'village',
  'countryside',
]);

function matchSurnameRepeat(ctx: Context, i: number): Actor | undefined {
  const token = ctx.doc.tokens[i] as Token;
  // Cheap tests first: this runs on every token the dictionaries do not know.
  const actor = ctx.unknownPersonBySurname.get(token.text);
  if (!actor || (token.pos !== 'PROPN' && token.pos !== 'NOUN' && token.pos !== 'VERB')) return undefined;
  return /^\p{Lu}/u.test(token.text) ? actor : undefined;
}

function latestPersonWithRole(ctx: Context, role: string): Actor | undefined {
  const wanted = role.toLowerCase();
  for (let m = ctx.mentions.length - 1; m >= 0; m--) {
    const actor = ctx.mentions[m]?.actor;
    if (actor?.kind === 'person' && actor.role && actor.role.toLowerCase().includes(wanted)) return actor;
  }
  return undefined;
}

/** The code of an unnamed-country person: the nearest state mention before, in the sentence or the article. */
function codeFromContext(ctx: Context, tokenIndex: number): string {
  const sentence = ctx.doc.tokens[tokenIndex]?.sentence;
  const states = ctx.mentions.filter((m) => m.actor.kind === 'state' || m.actor.kind === 'group');
  const inSentence = states.filter((m) => ctx.doc.tokens[m.first]?.sentence === sentence);
  const pick = inSentence[inSentence.length - 1] ?? states[states.length - 1];
  if (pick) return pick.actor.code;
  // Look ahead in the same sentence: "President Dos Santos of Angola".
  const s = ctx.doc.sentences[sentence ?? 0];
  if (s) {
    for (let t = tokenIndex; t < s.last; t++) {
      const match = ctx.knowledge.gazetteer.longestAt(
        ctx.doc.text,
        ctx.lower,
        ctx.doc.tokens[t]?.start ?? 0,
        ctx.tokenAtEnd,
      );
      const state = match?.values.find((v) => v.kind === 'state' || v.kind === 'place');
      if (state && (state.kind === 'state' || state.kind === 'place')) return state.code;
    }
  }
  return 'UNK';
}
