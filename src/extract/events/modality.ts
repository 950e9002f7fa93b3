/**
 * Modality of a trigger: negation, hypothetical (possibility, condition,
 * question, expectation, the content of a request or accusation) and stated
 * intent ("will provide", "is ready to send", "plans to impose"), which CAMEO
 * codes as intent to cooperate (03) or as a threat (13) rather than as the act.
 * Also the modality of a noun trigger, read from the words before it
 * ("possible sanctions", "no aid"), and a later "unless" that conditions a
 * stated intent.
 */
import type { Token } from '../../nlp/index.js';
import type { Context } from '../context.js';

export interface Modality {
  negated: boolean;
  hypothetical: boolean;
  /** The actor states it will do it: "will", "would" (reported), "plans to", "is ready to". */
  intent: boolean;
  /** Words that decided it, for the record's explanation. */
  cues: string[];
}

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
/** Possibility and obligation: "could impose", "must hand over" say what has not happened. */
const POSSIBILITY = new Set(['could', 'might', 'may', 'should', 'ought', "'d", 'must']);
const FUTURE = new Set(['will', "'ll", 'shall', 'would']);
const CONDITION = new Set(['if', 'whether', 'unless', 'lest']);
const HEDGES = new Set([
  'possible',
  'possibility',
  'potential',
  'potentially',
  'likely',
  'unlikely',
  'expected',
  'hope',
  'hopes',
  'proposed',
  'planned',
  'prospect',
  'consider',
  'considering',
  'mull',
  'mulling',
  'weigh',
  'weighing',
  'seek',
  'seeking',
  'try',
  'trying',
  'attempt',
  'aim',
  'aims',
  'aimed',
  'would-be',
]);
/** Governing verbs whose infinitive complement states the subject's own intent. */
const INTENT_GOVERNORS = new Set([
  'plan',
  'intend',
  'prepare',
  'decide',
  'want',
  'aim',
  'resolve',
  'vow',
  'pledge',
  'promise',
  'offer',
  'agree',
  'threaten',
  'refuse',
  'decline',
  'ready',
  'willing',
  'prepared',
  'determined',
  'set',
  'going',
  'poised',
  'move',
]);
/** Governing verbs whose infinitive complement did happen. */
const IMPLICATIVE = new Set([
  'begin',
  'start',
  'continue',
  'manage',
  'go',
  'proceed',
  'resume',
  'keep',
  'used',
  'come',
]);

/**
 * Reads the words before the trigger back to the clause start.
 * `clauseStart` is the first token of the clause the trigger heads.
 */
export function modalityOf(tokens: Token[], trigger: number, clauseStart: number, sentenceEnd: number): Modality {
  const cues: string[] = [];
  let negated = false;
  let hypothetical = false;
  let intent = false;

  // The verb group: auxiliaries, adverbs and negators right before the trigger.
  for (let k = trigger - 1; k >= clauseStart; k--) {
    const t = tokens[k] as Token;
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || NEGATORS.has(t.lower)) {
      if (NEGATORS.has(t.lower) && t.lower !== 'without' && t.lower !== 'no') {
        negated = true;
        cues.push(t.text);
      } else if (POSSIBILITY.has(t.lower)) {
        hypothetical = true;
        cues.push(t.text);
      } else if (FUTURE.has(t.lower)) {
        intent = true;
        cues.push(t.text);
      } else if (t.lower === 'to') {
        const governor = governorOf(tokens, k, clauseStart);
        if (governor && IMPLICATIVE.has(governor.lemma)) {
          // "began to shell": it happened.
        } else if (governor && INTENT_GOVERNORS.has(governor.lemma)) {
          intent = true;
          cues.push(`${governor.text} to`);
          if (governor.negated) negated = true;
        } else {
          hypothetical = true;
          cues.push(`${governor?.text ?? ''} to`.trim());
        }
        break;
      }
      continue;
    }
    break;
  }

  // Conditions, hedges and questions anywhere earlier in the clause; "Neither Egypt nor Jordan offered" denies.
  for (let k = clauseStart; k < trigger; k++) {
    const t = tokens[k] as Token;
    if (t.lower === 'neither' || t.lower === 'nor') {
      negated = true;
      cues.push(t.text);
    }
    if (CONDITION.has(t.lower) || HEDGES.has(t.lower)) {
      hypothetical = true;
      cues.push(t.text);
    }
  }
  // The content of an accusation or request: "accused X of pretending", "criticized X for impeding".
  const before = tokens[trigger - 1];
  if (
    before &&
    ['of', 'for', 'about', 'against', 'from', 'on', 'at', 'with', 'in'].includes(before.lower) &&
    tokens[trigger]?.text.endsWith('ing')
  ) {
    hypothetical = true;
    cues.push(`${before.text} ${tokens[trigger]?.text}`);
  }
  // Yes/no questions: the sentence ends with "?".
  if (tokens[sentenceEnd - 1]?.text === '?') {
    hypothetical = true;
    cues.push('?');
  }
  return { negated, hypothetical, intent, cues };
}

/** The verb or adjective that governs an infinitive "to" ("plans" in "plans to impose"). */
function governorOf(
  tokens: Token[],
  to: number,
  clauseStart: number,
): { lemma: string; text: string; negated: boolean } | undefined {
  for (let k = to - 1; k >= clauseStart && k >= to - 4; k--) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB' || t.pos === 'ADJ' || (t.pos === 'AUX' && t.lower !== 'to')) {
      const negated = [tokens[k - 1], tokens[k - 2]].some((p) => p && NEGATORS.has(p.lower));
      return { lemma: t.lemma, text: t.text, negated };
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') {
    }
  }
  return undefined;
}

export function nounModality(tokens: Token[], i: number, first: number): Modality {
  const cues: string[] = [];
  let hypothetical = false;
  let negated = false;
  for (let k = Math.max(first, i - 5); k < i; k++) {
    const t = tokens[k] as Token;
    if (
      [
        'possible',
        'possibility',
        'potential',
        'proposed',
        'planned',
        'future',
        'prospect',
        'threat',
        'risk',
        'if',
        'whether',
        'would',
        'could',
        'may',
        'might',
        'any',
      ].includes(t.lower)
    ) {
      hypothetical = true;
      cues.push(t.text);
    }
    if (t.lower === 'to' && tokens[k + 1]?.pos === 'VERB') {
      hypothetical = true;
      cues.push(`to ${tokens[k + 1]?.text}`);
    }
    if (t.lower === 'no' || t.lower === 'without') {
      negated = true;
      cues.push(t.text);
    }
  }
  return { negated, hypothetical, intent: false, cues };
}

export function hasLaterCondition(ctx: Context, from: number, sentence: number): boolean {
  const s = ctx.doc.sentences[sentence] as { last: number };
  // "unless" conditions a threat; "if" usually conditions an offer ("would meet him if ...").
  for (let k = from; k < s.last; k++) if (ctx.doc.tokens[k]?.lower === 'unless') return true;
  return false;
}
