/**
 * Targets from the discourse, for an act whose clause names no one to aim it
 * at: a party to the earlier act a noun refers back to ("welcomed the
 * agreement", rule `target.referent`), the party under discussion in the
 * preceding sentences (`target.discourse`), the pair of the latest
 * interaction for "both sides" (`actor.pair.discourse`), or another party
 * named earlier in the sentence. These parties come from events already coded,
 * as stand-in mentions.
 */
import type { ActorRef, Event, EventType } from '../../types.js';
import type { Context, Mention } from '../context.js';
import type { PatternMatch } from './patterns.js';

/** Nouns that refer back to an act reported before, and the kinds of act each may refer to. */
const AGREEMENT_ACTS: readonly EventType[] = ['AGREE', 'CONSULT', 'RETREAT'];
const REFERENTS = new Map<string, readonly EventType[]>([
  ...[
    'agreement',
    'deal',
    'accord',
    'ceasefire',
    'truce',
    'plan',
    'proposal',
    'talks',
    'outcome',
    'decision',
    'announcement',
    'move',
    'step',
    'efforts',
    'effort',
    'declaration',
    'treaty',
    'pact',
    'initiative',
    'framework',
  ].map((w) => [w, AGREEMENT_ACTS] as const),
  // "Moscow condemned both sets of sanctions": the act referred to is a sanction, its author the target.
  ...['sanctions', 'measures', 'penalties', 'embargo', 'tariffs'].map((w) => [w, ['SANCTION'] as const] as const),
  ...['strikes', 'strike', 'attack', 'attacks', 'airstrikes', 'bombing', 'shelling', 'offensive', 'raid', 'raids'].map(
    (w) => [w, ['ASSAULT'] as const] as const,
  ),
]);

const REFERRING_TYPES = new Set<EventType>(['SUPPORT', 'ACCUSE', 'REJECT', 'AGREE']);

/**
 * "The EU welcomed the agreement": the target is a party to the act the
 * noun refers to, the latest such act reported before (not a hypothetical or
 * denied one), whose parties are not the speaker (rule `target.referent`).
 * "Moscow condemned the sanctions": for sanctions and attacks, their author.
 */
export function referentParty(
  ctx: Context,
  match: PatternMatch,
  produced: readonly { event: Event }[],
  sources: Mention[],
): Mention | undefined {
  if (!REFERRING_TYPES.has(match.pattern.type)) return undefined;
  const tokens = ctx.doc.tokens;
  let kinds: readonly EventType[] | undefined;
  for (let k = match.last; k < match.last + 5 && k < tokens.length; k++) {
    kinds = REFERENTS.get(tokens[k]?.lower ?? '');
    if (kinds) break;
    if (tokens[k]?.pos === 'VERB' || tokens[k]?.text === ',') break;
  }
  if (!kinds) return undefined;
  const byAuthor = !kinds.includes('AGREE');
  const earlier = [...ctx.events, ...produced.map((p) => p.event)].filter(
    (e) => kinds.includes(e.type) && !e.negated && !e.hypothetical,
  );
  const speaker = new Set(sources.map((m) => m.actor.code));
  for (let n = earlier.length - 1; n >= 0; n--) {
    const e = earlier[n] as Event;
    for (const party of byAuthor ? [e.source] : [e.source, e.target]) {
      if (!party || party.implicit || speaker.has(party.code)) continue;
      const found = standIn(ctx, party, e, 'referent');
      if (found) return found;
    }
  }
  return undefined;
}

/** A stand-in mention for a party of an earlier event, used as a target inferred from the discourse. */
function standIn(ctx: Context, party: ActorRef, e: Event, via: 'referent' | 'discourse' | 'pair'): Mention | undefined {
  const actor = ctx.actors.get(party.actorId);
  if (!actor) return undefined;
  const at = party.mention ?? e.trigger;
  return {
    actor,
    first: -1,
    last: -1,
    start: at.start,
    end: at.end,
    via,
    rule: via === 'pair' ? 'actor.pair.discourse' : `target.${via}`,
    possessive: false,
    modifier: false,
    plural: false,
  };
}

/** Hosting and mediating: the host or mediator is not one of "both sides". */
const THIRD_PARTY_CAMEO = new Set(['043', '045', '046']);

/**
 * "the two sides", "both delegations": the two parties of the latest joint
 * act reported before ("X and Y agreed"), else of the latest act between two
 * named actors in the preceding sentences (rule `actor.pair.discourse`);
 * coreference's guess from the last two names stays when there is neither.
 */
export function discourseDyad(ctx: Context, sentence: number): Mention[] | undefined {
  const first = ctx.doc.sentences[Math.max(0, sentence - DISCOURSE_WINDOW)] as { start: number };
  const usable = (e: Event): e is Event & { target: ActorRef } =>
    !e.negated &&
    !e.hypothetical &&
    !!e.target &&
    !e.target.implicit &&
    !e.rule.includes('target.') &&
    e.source.code !== e.target.code &&
    e.source.code !== 'UNK' &&
    e.target.code !== 'UNK' &&
    !THIRD_PARTY_CAMEO.has(e.cameo);
  const joint = ctx.events.findLast((e) => usable(e) && e.rule.includes('+mutual'));
  const latest = ctx.events.findLast((e) => usable(e) && e.evidence.start >= first.start);
  const e = joint ?? latest;
  if (!e?.target) return undefined;
  const a = standIn(ctx, e.source, e, 'pair');
  const b = standIn(ctx, e.target, e, 'pair');
  return a && b ? [a, b] : undefined;
}

/** Verbal reactions whose target, when the sentence names none, is the party under discussion. */
// Not REQUEST: an appeal always has an addressee ("called on the mediators"), which the context cannot stand in for.
export const DISCOURSE_TYPES = new Set<EventType>(['SUPPORT', 'ACCUSE', 'THREATEN', 'REJECT', 'AGREE']);

/** How many sentences back the party under discussion is looked for. */
const DISCOURSE_WINDOW = 5;

/**
 * "Russia warned that it would respond", "European leaders welcomed the
 * outcome": a reaction that names no one is aimed at the party of the latest
 * act reported in the preceding sentences: its other party if the speaker
 * took part in it, else its author; a pledge like an earlier aid or pledge goes
 * to the same recipient (rule `target.discourse`). Reactions are
 * not acts: an event whose own target was inferred this way is skipped.
 */
export function discourseParty(
  ctx: Context,
  sentence: number,
  sources: Mention[],
  type: EventType,
): Mention | undefined {
  const first = ctx.doc.sentences[Math.max(0, sentence - DISCOURSE_WINDOW)] as { start: number };
  const own = new Set(sources.map((m) => m.actor.code));
  const usable = (e: Event) =>
    e.evidence.start >= first.start &&
    !e.negated &&
    !e.hypothetical &&
    !e.rule.includes('target.discourse') &&
    !e.rule.includes('target.referent');
  // "Donors pledged aid for Sudan. ... Germany pledged 125 million euros": a like pledge goes to the same recipient.
  if (type === 'AGREE') {
    // Over the whole article, as pledges at one conference go to one recipient.
    const like = ctx.events.findLast(
      (e) =>
        !e.negated &&
        !e.hypothetical &&
        (e.type === 'AID' || e.type === 'AGREE') &&
        !!e.target &&
        !e.target.implicit &&
        !own.has(e.target.code) &&
        !own.has(e.source.code),
    );
    if (like?.target) return standIn(ctx, like.target, like, 'discourse');
  }
  for (let n = ctx.events.length - 1; n >= 0; n--) {
    const e = ctx.events[n] as Event;
    if (e.evidence.start < first.start) break;
    if (!usable(e)) continue;
    const parties = [e.source, e.target].filter((p): p is ActorRef => !!p && !p.implicit && p.code !== 'UNK');
    const other = own.has(e.source.code) ? parties.find((p) => !own.has(p.code)) : parties[0];
    if (other && !own.has(other.code)) return standIn(ctx, other, e, 'discourse');
  }
  return undefined;
}

/** Another party named earlier in the sentence ("... with Russia's lack of willingness, emphasizing the need for ..."). */
export function earlierInSentence(
  ctx: Context,
  sentence: number,
  before: number,
  sources: Mention[],
): Mention | undefined {
  const s = ctx.doc.sentences[sentence] as { first: number };
  for (let j = before - 1; j >= s.first; j--) {
    const m = ctx.mentionAt[j];
    if (m && !sources.some((x) => x.actor.code === m.actor.code)) return m;
  }
  return undefined;
}
