/**
 * Demands: what one party wants another to do. The content of a demand
 * ("demanding that ...", the mandative subjunctive in "insisted that Israel
 * ease restrictions") is hypothetical; a demand that names no addressee is
 * made of the party that is to act; and a speaker saying what another party
 * must or should do demands it (CAMEO 10, pattern `request.obligation`).
 */
import type { Token } from '../../nlp/index.js';
import type { Event } from '../../types.js';
import type { Context } from '../context.js';
import { buildEvent } from './build.js';
import { clauseStartOf } from './clauses.js';
import type { PatternMatch } from './patterns.js';
import { subjectOf } from './roles.js';

const DEMAND_WORDS = new Set([
  'demand',
  'demands',
  'demanded',
  'demanding',
  'urge',
  'urged',
  'urging',
  'insist',
  'insisted',
  'insisting',
  'ask',
  'asked',
  'asking',
  'request',
  'requested',
  'call',
  'called',
  'calling',
  'press',
  'pressed',
  'pressing',
  'propose',
  'proposed',
  'recommend',
  'recommended',
]);

/**
 * "put forward demands, including that Ukraine withdraw its forces": a demand
 * that names no addressee is made of the party that is to do what is
 * demanded (the source of the demanded act, rule `target.demanded`).
 */
export function addressDemands(produced: { event: Event; trigger: number }[]): void {
  for (const item of produced) {
    const e = item.event;
    if (e.type !== 'REQUEST' || (e.target && !e.target.implicit)) continue;
    const content = produced.find(
      (x) =>
        x.trigger > item.trigger &&
        x.event.hypothetical &&
        /demand that|subjunctive/.test(x.event.rule) &&
        x.event.source.code !== e.source.code,
    );
    if (!content) continue;
    e.target = { ...content.event.source };
    e.rule += '+target.demanded';
  }
}

/** "demanding that the Turkish government provide information": what is demanded has not happened. */
export function isDemandedContent(tokens: Token[], clauseStart: number): boolean {
  if (tokens[clauseStart]?.lower !== 'that') return false;
  for (let k = clauseStart - 1; k >= 0 && k >= clauseStart - 4; k--)
    if (DEMAND_WORDS.has(tokens[k]?.lower ?? '')) return true;
  return false;
}

/** Verbs whose past tense is their base form: "that Israel cut ties" may be a plain past. */
const INVARIANT_PAST = new Set([
  'cut',
  'put',
  'hit',
  'set',
  'let',
  'shut',
  'quit',
  'spread',
  'cast',
  'beat',
  'bid',
  'hurt',
]);

/**
 * "demands ..., including that Ukraine withdraw its forces", "insisted that
 * Israel ease restrictions": a singular subject with the bare verb is the
 * mandative subjunctive, which states what someone wants done, not a fact.
 */
export function isSubjunctive(ctx: Context, i: number, clauseStart: number): boolean {
  const tokens = ctx.doc.tokens;
  const verb = tokens[i] as Token;
  if (verb.lower !== verb.lemma || INVARIANT_PAST.has(verb.lower)) return false;
  let k = i - 1;
  while (k > clauseStart && tokens[k]?.pos === 'ADV') k--;
  const subject = ctx.mentionAt[k];
  if (!subject || subject.plural || subject.partner || subject.possessive || subject.via === 'pronoun') return false;
  // The subject is the whole noun phrase after "that" ("that the United States", not "that talks with Russia").
  let j = subject.first - 1;
  while (j > clauseStart && tokens[j]?.pos === 'DET') j--;
  return tokens[j]?.lower === 'that';
}

const DEMAND_SPEECH = new Set([
  'say',
  'declare',
  'reiterate',
  'announce',
  'insist',
  'conclude',
  'state',
  'stress',
  'tell',
  'add',
  'warn',
  'argue',
  'write',
  'maintain',
  'emphasize',
  'emphasise',
]);
const OBLIGATION = new Set(['must', 'should']);

/**
 * "The administration declared that China must drop barriers": a speaker
 * saying what another party must do demands it (CAMEO 10).
 */
export function obligationDemands(ctx: Context, sentence: number): { event: Event; trigger: number }[] {
  const tokens = ctx.doc.tokens;
  const s = ctx.doc.sentences[sentence] as { first: number; last: number };
  const out: { event: Event; trigger: number }[] = [];
  for (let m = s.first; m < s.last; m++) {
    if (!OBLIGATION.has(tokens[m]?.lower ?? '')) continue;
    // Read in a function of its own: the closures there would otherwise cost every token an allocation.
    const event = obligationDemand(ctx, sentence, m);
    if (event) out.push({ event, trigger: m });
  }
  return out;
}

/** The demand made by the obligation word at token `m` ("must"), when a speaker says it of another party. */
function obligationDemand(ctx: Context, sentence: number, m: number): Event | undefined {
  const tokens = ctx.doc.tokens;
  const s = ctx.doc.sentences[sentence] as { first: number; last: number };
  const clauseStart = clauseStartOf(ctx, m);
  const obliged = subjectOf(ctx, m, clauseStart).filter((x) => x.actor.code !== 'UNK');
  if (!obliged.length) return undefined;
  let k = obliged[0]?.first ?? m;
  k--;
  while (k >= s.first && (tokens[k]?.lower === 'that' || tokens[k]?.pos === 'DET')) k--;
  // The speech verb, possibly followed by a time ("said on Friday that").
  let verb = -1;
  for (let j = k; j >= s.first && j >= k - 5; j--) {
    const t = tokens[j] as Token;
    if (t.pos === 'VERB' && DEMAND_SPEECH.has(t.lemma)) {
      verb = j;
      break;
    }
  }
  if (verb < 0) return undefined;
  const speakers = subjectOf(ctx, verb, clauseStartOf(ctx, verb)).filter((x) => x.actor.code !== 'UNK');
  const speaker = speakers[0];
  const target = obliged.find((x) => x.actor.code !== speaker?.actor.code) ?? obliged[0];
  if (!speaker || !target) return undefined;
  const match: PatternMatch = {
    pattern: {
      id: 'request.obligation',
      lemma: tokens[m]?.lower ?? 'must',
      type: 'REQUEST',
      cameo: '100',
      targetPreps: [],
      objects: [],
      notObjects: [],
      symmetric: false,
      requireActorObject: false,
      requireTarget: false,
    },
    first: m,
    last: m + 1,
  };
  return buildEvent(
    ctx,
    match,
    sentence,
    speaker,
    target,
    { negated: false, hypothetical: false, intent: false, cues: [] },
    'speaker+obliged',
  );
}
