/**
 * Event roles: who acts, and on whom. Roles come from a shallow reading of
 * the clause:
 *
 * - source: the subject (the nearest actor left of the verb group in its
 *   clause, with its coordinated partners), the subject of the main clause
 *   for a participle (", urging him") or a coordinated verb ("... and
 *   cautioned"), or the `by` agent of a passive;
 * - target: the direct object, else the actor after one of the pattern's
 *   prepositions, else the first actor after the trigger in the clause, else
 *   another actor earlier in the sentence, else the source's own state
 *   (domestic events, marked `implicit`).
 *
 * `verbEvents` in code.ts runs these in that order; the targets taken from
 * earlier events and from earlier in the sentence are in discourse.ts.
 */
import type { Token } from '../../nlp/index.js';
import type { ActorRef } from '../../types.js';
import type { Context, Mention } from '../context.js';
import { clauseStartOf, isNounPhrase, isPassive, previousVerb, speechVerbBefore } from './clauses.js';
import type { PatternMatch } from './patterns.js';

const ADJUNCT_OPENERS = new Set([
  'after',
  'before',
  'since',
  'during',
  'amid',
  'following',
  'despite',
  'as',
  'while',
  'when',
  'because',
  'ahead',
  'until',
]);

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'some',
  'all',
  'both',
]);

/** The subject of the verb at `i`: see the module comment. */
export function subjectOf(ctx: Context, i: number, clauseStart: number): Mention[] {
  const tokens = ctx.doc.tokens;
  const verb = tokens[i] as Token;
  const sentence = ctx.doc.sentences[verb.sentence] as { first: number };
  // Skip back over the verb group.
  let k = i - 1;
  while (k >= sentence.first && ['AUX', 'ADV', 'PART'].includes(tokens[k]?.pos ?? '') && !ctx.mentionAt[k]) k--;
  const before = tokens[k];
  // Participle after a comma, or a verb coordinated with the one before: the main clause's subject.
  const participle = verb.lower.endsWith('ing') && before?.text === ',';
  const coordinated =
    before?.lower === 'and' || before?.lower === 'or' || before?.lower === 'but' || before?.lower === 'then';
  if (participle || coordinated) {
    // "Pakistan said the Indian strikes killed civilians and vowed to respond": a speech act coordinated after a
    // reported clause goes with the speech verb that reported it, not with the reported verb.
    const speech = coordinated && COMMUNICATIVE.has(verb.lemma) ? speechVerbBefore(ctx, sentence.first, k) : undefined;
    const main = speech ?? previousVerb(ctx, sentence.first, k);
    // "A camp was attacked by militiamen, killing 156 people": after a passive, the agent acts on.
    const agent =
      main !== undefined && participle && isPassive(tokens, main, main + 1) ? byAgent(ctx, main + 1, k) : undefined;
    if (agent) return [agent];
    if (main !== undefined) return subjectOf(ctx, main, clauseStartOf(ctx, main));
    if (participle) {
      // An appositive participle ("European NATO countries, meeting in Brussels, ...") describes the actor before it.
      const described = ctx.mentionAt[k - 1];
      if (described && !described.modifier) return coordinatedGroup(ctx, described, sentence.first);
    }
    return [];
  }
  // "the Crown Prince, who received Zelensky": a relative clause's subject is the noun it hangs on.
  const opener = tokens[clauseStart];
  if (opener && ['who', 'which'].includes(opener.lower) && !ctx.mentionAt[clauseStart + 1] && k <= clauseStart + 1) {
    let h = clauseStart - 1;
    if (tokens[h]?.text === ',') h--;
    const head = ctx.mentionAt[h];
    if (head && !head.modifier) return coordinatedGroup(ctx, head, sentence.first);
  }
  // "Pakistan, a key U.S. ally in the war, has refused": the subject stands before the appositive.
  if (before?.text === ',') {
    for (let j = k - 1; j > sentence.first; j--) {
      if (tokens[j]?.text !== ',') continue;
      // "The United Nations envoy for Yemen, Hans Grundberg, said": the head, not the object of "for".
      for (let h = j - 1; h >= clauseStart && h >= j - 8; h--) {
        const anchor = ctx.mentionAt[h];
        if (!anchor || anchor.modifier) continue;
        if (tokens[anchor.first - 1]?.pos === 'ADP') {
          h = anchor.first;
          continue;
        }
        return coordinatedGroup(ctx, anchor, sentence.first);
      }
      break;
    }
  }
  for (let j = k; j >= clauseStart && j >= sentence.first; j--) {
    const m = ctx.mentionAt[j];
    // "Ankara's district administration has denied": the possessor stands for the noun phrase it heads.
    const possessorOfSubject = m?.possessive && isNounPhrase(tokens, m.last + 1, k + 1);
    if (m && (possessorOfSubject || (!m.modifier && !m.possessive))) {
      const prep = tokens[m.first - 1];
      if (prep && prep.pos === 'ADP' && !['by'].includes(prep.lower) && j !== k) {
        j = m.first;
        continue;
      }
      return coordinatedGroup(ctx, m, sentence.first);
    }
    const t = tokens[j] as Token;
    if (j < k && t.pos === 'VERB' && !t.lower.endsWith('ing') && !t.lower.endsWith('ed') && !ctx.mentionAt[j]) break;
  }
  return [];
}

/** Verbs of saying something to or about someone: they coordinate with a speech verb, not with what it reports. */
const COMMUNICATIVE = new Set([
  'vow',
  'warn',
  'pledge',
  'promise',
  'threaten',
  'urge',
  'demand',
  'accuse',
  'deny',
  'reject',
  'condemn',
  'criticize',
  'criticise',
  'insist',
  'welcome',
  'praise',
  'thank',
  'appeal',
]);

export function byAgent(ctx: Context, from: number, clauseEnd: number): Mention | undefined {
  for (let k = from; k < clauseEnd; k++) {
    if (ctx.doc.tokens[k]?.lower !== 'by') continue;
    const agent = mentionAfter(ctx, k + 1, clauseEnd);
    if (agent) return agent;
  }
  return undefined;
}

/** "Ukraine and its European allies", "The United States and Jordan": every coordinated party. */
function coordinatedGroup(ctx: Context, m: Mention, sentenceFirst: number): Mention[] {
  const tokens = ctx.doc.tokens;
  if (m.partner) return [m, m.partner];
  const group = [m];
  let k = m.first - 1;
  while (k >= sentenceFirst) {
    let gap = k;
    while (gap >= sentenceFirst && JOINERS.has(tokens[gap]?.lower ?? '')) gap--;
    if (gap === k) break;
    const prev = ctx.mentionAt[gap];
    const between = tokens.slice(gap + 1, k + 1).map((t) => t.lower);
    // "Egypt nor Jordan", "Russia, Ukraine and the US": a comma joins only a list that a conjunction closes;
    // "If Hamas releases the hostages, Israel will withdraw" is no list.
    const conjunction = between.some((w) => w === 'and' || w === 'nor' || w === 'or');
    if (!prev || !(conjunction || (between.includes(',') && group.length > 1))) break;
    group.unshift(prev);
    k = prev.first - 1;
    if (tokens[k]?.lower === 'neither' || tokens[k]?.lower === 'both' || tokens[k]?.lower === 'either') k--;
  }
  return group;
}

const JOINERS = new Set(['and', 'nor', 'or', ',', 'its', 'their', 'his', 'her', 'the', 'as', 'well', 'other']);

/** An actor after "and" that is followed straight by a sum of money: the subject of a gapped clause. */
function isGapped(ctx: Context, m: Mention): boolean {
  const tokens = ctx.doc.tokens;
  const before = tokens[m.first - 1]?.pos === 'DET' ? tokens[m.first - 2] : tokens[m.first - 1];
  const next = tokens[m.last];
  return before?.lower === 'and' && !!next && ctx.amounts.some((a) => a.span.start === next.start);
}

export function gappedSubjects(ctx: Context, from: number, clauseEnd: number): Mention[] {
  const out: Mention[] = [];
  for (let k = from; k < clauseEnd; k++) {
    const m = ctx.mentionAt[k];
    if (!m || m.first !== k) continue;
    if (isGapped(ctx, m)) out.push(m);
  }
  return out;
}

/**
 * One act of several parties, reported once: "jointly asked", "would jointly
 * nominate", a pair named as one ("both delegations thanked"), and a call or meeting of three or more parties with another
 * ("Starmer, Macron, Merz and Tusk spoke by phone with Trump"). Two parties
 * acting alike ("Ukraine and its allies accused ...") are two acts.
 */
export function jointAct(ctx: Context, match: PatternMatch, sources: Mention[]): boolean {
  const parties = distinctCodes(sources).length;
  if (parties < 2) return false;
  const tokens = ctx.doc.tokens;
  for (let k = match.first - 1; k >= match.first - 3 && k >= 0; k--) {
    if (tokens[k]?.lower === 'jointly') return true;
    if (!['ADV', 'AUX', 'PART'].includes(tokens[k]?.pos ?? '')) break;
  }
  if (tokens[match.last]?.lower === 'jointly') return true;
  // "was thanked by both delegations", "the two leaders asked the OSCE": a pair named as one acts as one.
  if (sources.some((m) => m.via === 'pair')) return true;
  return parties >= 3 && match.pattern.type === 'CONSULT';
}

export function distinctCodes(mentions: Mention[]): readonly Mention[] {
  // Asked several times per trigger, mostly of one subject.
  if (mentions.length < 2) return mentions;
  const seen = new Set<string>();
  return mentions.filter((m) => {
    if (seen.has(m.actor.code)) return false;
    seen.add(m.actor.code);
    return true;
  });
}

export function targetOf(
  ctx: Context,
  match: PatternMatch,
  clauseEnd: number,
  sources: Mention[],
  searchClause = true,
): Mention | undefined {
  const tokens = ctx.doc.tokens;
  // The source's own state or organisation named again ("warned that Israel would retain ...", the Security
  // Council extending UNIFIL's mandate) is not whom the act is aimed at.
  const isSource = (m: Mention) =>
    sources.some(
      (s) =>
        s.actor === m.actor ||
        (s.actor.code === m.actor.code && (m.actor.kind === 'state' || m.actor.kind === 'organization')),
    );
  let k = match.last;
  while (k < clauseEnd && (DETERMINERS.has(tokens[k]?.lower ?? '') || tokens[k]?.pos === 'ADV')) k++;
  const direct = ctx.mentionAt[k];
  // "offered its troops to Lebanon": the source's own people or possessions are what is given, not to whom.
  const ownObject =
    !!direct && sources.some((m) => m.actor.code === direct.actor.code) && match.pattern.targetPreps.length > 0;
  const directOk =
    direct && !isSource(direct) && !ownObject && !(direct.possessive && match.pattern.targetPreps.length);
  if (directOk) return direct;
  if (match.pattern.requireActorObject) return undefined;
  // Prepositions in the pattern's order of preference ("complain about X" before "complain to Y").
  for (const prep of match.pattern.targetPreps) {
    for (let j = match.last; j < clauseEnd; j++) {
      const t = tokens[j]?.lower ?? '';
      if (ADJUNCT_OPENERS.has(t) && j > match.last) break;
      if (t !== prep) continue;
      const m = mentionAfter(ctx, j + 1, clauseEnd);
      if (m && !isSource(m)) return m;
      const place = placeAfter(ctx, j + 1, clauseEnd);
      if (place?.country && !sources.some((s) => s.actor.code === place.country)) {
        return placeMention(ctx, place.country, place.span.start, place.span.end);
      }
    }
  }
  if (direct && !isSource(direct)) return direct;
  if (!searchClause) return undefined;
  for (let j = match.last; j < clauseEnd && j < match.last + 16; j++) {
    // Adjuncts ("after Russia's invasion", "amid protests in Gaza") and a second verb phrase do not hold the target.
    if (ADJUNCT_OPENERS.has(tokens[j]?.lower ?? '') && j > match.last) break;
    if (tokens[j]?.lower === 'and' && ['VERB', 'AUX'].includes(tokens[j + 1]?.pos ?? '')) break;
    const m = ctx.mentionAt[j];
    if (m && (isBorderPlace(tokens, m) || isGapped(ctx, m))) {
      j = m.last;
      continue;
    }
    if (m && !isSource(m)) return m;
  }
  return undefined;
}

/**
 * "captured a stronghold on the Thai border", "near the Lebanese frontier":
 * a demonym naming a border after a preposition places the act; it does not
 * name whom it is aimed at.
 */
function isBorderPlace(tokens: Token[], m: Mention): boolean {
  if (!m.modifier || !['border', 'frontier', 'side'].includes(tokens[m.last]?.lower ?? '')) return false;
  if (tokens[m.last + 1]?.pos === 'NOUN') return false; // "Thai border posts" are a target.
  const before = tokens[m.first - 1]?.pos === 'DET' ? tokens[m.first - 2] : tokens[m.first - 1];
  return before?.pos === 'ADP';
}

/** The party before "talks with Y": the nearest actor that is not itself the object of a preposition or a modifier. */
export function nearestBefore(ctx: Context, i: number, first: number, not: Mention): Mention | undefined {
  for (let j = i - 1; j >= first; j--) {
    const m = ctx.mentionAt[j];
    if (!m || m.actor.code === not.actor.code || m.modifier) continue;
    if (ctx.doc.tokens[m.first - 1]?.pos === 'ADP') {
      j = m.first;
      continue;
    }
    return m;
  }
  return undefined;
}

export function mentionAfter(ctx: Context, from: number, limit: number): Mention | undefined {
  const tokens = ctx.doc.tokens;
  let k = from;
  while (
    k < limit &&
    (DETERMINERS.has(tokens[k]?.lower ?? '') || tokens[k]?.pos === 'ADJ' || tokens[k]?.pos === 'NUM')
  ) {
    if (ctx.mentionAt[k]) break;
    k++;
  }
  return ctx.mentionAt[k];
}

export function placeAfter(ctx: Context, from: number, limit: number) {
  let k = from;
  while (k < limit && DETERMINERS.has(ctx.doc.tokens[k]?.lower ?? '')) k++;
  return ctx.placeAt[k];
}

export function listAfter(ctx: Context, from: number, limit: number): Mention[] {
  const tokens = ctx.doc.tokens;
  const list: Mention[] = [];
  let k = from;
  while (k < limit) {
    const m = mentionAfter(ctx, k, limit);
    if (!m) break;
    list.push(m);
    k = m.last;
    if (tokens[k]?.lower === "'s") k++;
    let joined = false;
    while ([',', 'and', 'as', 'well'].includes(tokens[k]?.lower ?? '')) {
      joined = true;
      k++;
    }
    if (!joined) break;
  }
  return list;
}

/**
 * With no target named, an actor inside a state (a person, a sector, a
 * group) acts on its own state: a domestic event. A state acting on no one
 * has no target.
 */
export function domesticTarget(ctx: Context, source: Mention): ActorRef | null {
  const code = source.actor.code;
  const country = ctx.knowledge.countries.get(code);
  // Only states have a domestic scene: "the United Nations condemned the strikes" has no target, not the UN itself.
  // A state, or its government named by capital or seat ("Islamabad called for an inquiry"), acting on no one has no target.
  // "Ankara's district administration denied ..." is a body inside the state, which keeps its domestic scene.
  if (!country || (source.actor.kind === 'state' && !source.possessive)) return null;
  return { actorId: code, code, name: country.name, kind: 'state', implicit: true };
}

export function placeInSentence(ctx: Context, sentence: number) {
  const s = ctx.doc.sentences[sentence] as { start: number; end: number };
  return ctx.places.find((p) => p.span.start >= s.start && p.span.end <= s.end);
}

/** A stand-in mention for a source known only from the place ("a roadside bomb near Samarra killed ..."). */
export function placeMention(ctx: Context, code: string, start: number, end: number): Mention {
  const name = ctx.knowledge.countries.get(code)?.name ?? code;
  const actor = ctx.actors.get(code) ?? { id: code, name, code, kind: 'state' as const, aliases: [] };
  if (!ctx.actors.has(code)) ctx.actors.set(code, actor);
  return {
    actor,
    first: -1,
    last: -1,
    start,
    end,
    via: 'place',
    rule: 'actor.from-place',
    possessive: false,
    modifier: false,
    plural: false,
  };
}
