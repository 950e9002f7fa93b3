/**
 * Clause syntax for event coding: where a trigger's clause starts and ends,
 * and shallow readings of the words around a verb (passive, reduced relative,
 * participle used as an adjective, a verb extending the one before it, the
 * verb governing an embedded trigger, an open quotation), from part-of-speech
 * tags and actor mentions alone.
 */
import type { Token } from '../../nlp/index.js';
import type { Context } from '../context.js';

/** Words that both open a clause of their own and end the one before them. */
const SUBORDINATORS = [
  'who',
  'which',
  'whom',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'but',
  'unless',
  'when',
  'until',
  'where',
];

/** Where a clause starts, looking back from a trigger: a subordinator or an adjunct opener ("if", "after", "as"). */
const CLAUSE_OPENERS = new Set([
  ';',
  ':',
  ...SUBORDINATORS,
  'whose',
  'if',
  'whether',
  'since',
  'after',
  'before',
  'as',
]);

/** Where a clause ends, looking on from a trigger: at a subordinator, or at "according" (an attribution), not at an adjunct opener. */
const CLAUSE_CLOSERS = new Set([';', ...SUBORDINATORS, 'according']);

const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'report',
  'confirm',
  'announce',
  'add',
  'state',
  'claim',
  'note',
  'write',
  'quote',
]);

export function clauseStartOf(ctx: Context, i: number): number {
  const tokens = ctx.doc.tokens;
  const s = ctx.doc.sentences[(tokens[i] as Token).sentence] as { first: number };
  let comma = -1;
  for (let k = i - 1; k > s.first; k--) {
    const t = tokens[k] as Token;
    if (t.text === ',' && comma < 0) comma = k;
    // "X, who received Zelensky on Monday, was thanked": a relative clause closed by a comma before the verb is
    // parenthetical; the verb's clause goes on before it.
    if (
      (t.lower === 'who' || t.lower === 'which') &&
      tokens[k - 1]?.text === ',' &&
      comma > k &&
      comma === i - 1 - auxRun(tokens, i)
    ) {
      k--;
      comma = -1;
      continue;
    }
    if (CLAUSE_OPENERS.has(t.lower) && !ctx.mentionAt[k]) return k;
    if (t.lower === 'that' && (tokens[k - 1]?.pos === 'VERB' || tokens[k - 1]?.text === ',')) return k;
    // ", and the government in Port Sudan protested": a new clause with its own subject.
    const next = tokens[k + 1]?.pos === 'DET' ? k + 2 : k + 1;
    if ((t.lower === 'and' || t.lower === 'but') && tokens[k - 1]?.text === ',' && ctx.mentionAt[next]) return k;
  }
  return s.first;
}

/** How many auxiliaries, adverbs and particles stand right before token `i` ("was", "has also"). */
function auxRun(tokens: Token[], i: number): number {
  let n = 0;
  while (['AUX', 'ADV', 'PART'].includes(tokens[i - 1 - n]?.pos ?? '')) n++;
  return n;
}

export function clauseEndOf(ctx: Context, i: number, sentenceLast: number): number {
  const tokens = ctx.doc.tokens;
  // ", meeting in Brussels,": a participle phrase set off by commas ends at the next comma.
  const parenthetical = tokens[i - 1]?.text === ',' && !!tokens[i]?.lower.endsWith('ing');
  for (let k = i + 1; k < sentenceLast; k++) {
    const t = tokens[k] as Token;
    if (parenthetical && t.text === ',') return k;
    if (CLAUSE_CLOSERS.has(t.lower)) return k;
    // Trailing attribution: ", a Jordanian official confirmed", ", said the spokesman".
    if (t.text === ',') {
      const next = tokens[k + 1];
      if (next && SPEECH_LEMMAS.has(next.lemma)) return k;
      // ", expected to be joined by ...", ", killing one person": a participle clause.
      if (next && next.pos === 'VERB' && /(ed|ing)$/.test(next.lower)) return k;
      if (isAttribution(ctx, k + 1, sentenceLast)) return k;
    }
  }
  return sentenceLast;
}

/** ", the official Czechoslovak news agency Ceteka said today": a noun phrase, then a speech verb. */
function isAttribution(ctx: Context, from: number, limit: number): boolean {
  const tokens = ctx.doc.tokens;
  for (let k = from; k < limit && k < from + 10; k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB' || t.pos === 'AUX') return SPEECH_LEMMAS.has(t.lemma) && k > from;
    if (
      !(ctx.mentionAt[k] || ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT', 'ADP', 'CCONJ'].includes(t.pos)) ||
      t.text === ','
    )
      return false;
  }
  return false;
}

const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** "the besieged town", "the occupied West Bank", "rebel-held territory": participles used as adjectives. */
export function isAdjectival(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  if (!before) return false;
  if (before.text === '-') return true;
  // "Ukraine's pressing needs": a participle right after a possessive qualifies the noun.
  if (before.lower === "'s" && (t.lower.endsWith('ing') || t.lower.endsWith('ed'))) return true;
  if (!t.lower.endsWith('ed') && !t.lower.endsWith('en')) return false;
  // After a determiner, an adjective or a possessive ("its occupied territories", "the forcibly transferred
  // children"), not after a subject ("He congratulated").
  const head = before.pos === 'ADV' ? tokens[i - 2] : before;
  if (!head) return false;
  return (
    head.pos === 'DET' ||
    head.pos === 'ADJ' ||
    POSSESSIVE_PRONOUNS.has(head.lower) ||
    (before.pos === 'ADV' && head.pos === 'ADP')
  );
}

export function isPassive(tokens: Token[], i: number, last: number): boolean {
  const verb = tokens[i] as Token;
  if (verb.lower === verb.lemma || verb.lower.endsWith('ing') || verb.lower.endsWith('s')) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k] as Token;
    if (['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got'].includes(t.lower)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'PART') break;
  }
  // Reduced relative: "a camp attacked by militiamen".
  return tokens[last]?.lower === 'by' && tokens[i - 1]?.pos === 'NOUN';
}

/** "the hostages held there", "children forcibly transferred to Russia": a participle after its noun, adverbs between. */
export function isReducedRelative(tokens: Token[], i: number): boolean {
  const verb = tokens[i] as Token;
  const before = tokens[nounBefore(tokens, i)];
  return !!before && before.pos === 'NOUN' && /(ed|en|wn|ld|nt)$/.test(verb.lower) && verb.lower !== verb.lemma;
}

/** The token before `i`, skipping at most two manner or time adverbs in -ly ("villages recently attacked"). */
function nounBefore(tokens: Token[], i: number): number {
  let k = i - 1;
  while (k > i - 3 && tokens[k]?.pos === 'ADV' && /ly$/.test(tokens[k]?.lower ?? '')) k--;
  return k;
}

/** A participle after a comma or a verb after "and"/"or": it tells on about the act before it. */
export function extendsMainClause(tokens: Token[], i: number, first: number): boolean {
  let k = i - 1;
  while (k > first && ['AUX', 'ADV', 'PART'].includes(tokens[k]?.pos ?? '')) k--;
  const before = tokens[k]?.lower;
  return (before === ',' && !!tokens[i]?.lower.endsWith('ing')) || before === 'and' || before === 'or';
}

/** The finite verb before token `before` in the sentence: not an infinitive, a participle or a name. */
export function previousVerb(ctx: Context, first: number, before: number, infinitives = false): number | undefined {
  const tokens = ctx.doc.tokens;
  for (let j = before - 1; j >= first; j--) {
    const t = tokens[j] as Token;
    if (t.pos !== 'VERB' || ctx.mentionAt[j]) continue;
    // Gerunds ("for impeding") are content, never the verb a later one extends.
    if (t.lower.endsWith('ing') && (!infinitives || tokens[j - 1]?.pos === 'ADP' || tokens[j - 1]?.pos === 'SCONJ'))
      continue;
    // Compounds ("U.S.-led") are never clause verbs; infinitives ("to cease") are not, except as what a verb extends.
    if (tokens[j - 1]?.text === '-' || (tokens[j - 1]?.lower === 'to' && !infinitives)) continue;
    return j;
  }
  return undefined;
}

/** The first speech verb of the sentence before token `before` whose clause reports another verb before `before`. */
export function speechVerbBefore(ctx: Context, first: number, before: number): number | undefined {
  const tokens = ctx.doc.tokens;
  for (let j = first; j < before; j++) {
    const t = tokens[j] as Token;
    if (t.pos !== 'VERB' || ctx.mentionAt[j] || !SPEECH_LEMMAS.has(t.lemma)) continue;
    // Only when a reported verb stands between: "said the strikes killed civilians and vowed".
    for (let m = j + 1; m < before; m++) if (tokens[m]?.pos === 'VERB' && !ctx.mentionAt[m]) return j;
    return undefined;
  }
  return undefined;
}

export function isNounPhrase(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 5) return false;
  for (let k = from; k < to; k++) if (!['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[k]?.pos ?? '')) return false;
  return true;
}

const CONTENT_VERBS = new Set(['warn', 'threaten', 'caution', 'vow', 'pledge', 'promise', 'insist', 'demand']);

/**
 * "warned that Tehran would block the corridor": the warning is the event; what it says would happen is its
 * content, folded into it like an infinitive complement.
 */
export function contentGovernor(tokens: Token[], clauseStart: number): number | undefined {
  if (tokens[clauseStart]?.lower !== 'that') return undefined;
  for (let k = clauseStart - 1; k >= 0 && k >= clauseStart - 3; k--) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB') return CONTENT_VERBS.has(t.lemma) ? k : undefined;
    if (t.pos !== 'ADV') return undefined;
  }
  return undefined;
}

/** For an embedded trigger ("agreed to lift"), the token of the verb governing its "to". */
export function governorTrigger(tokens: Token[], i: number, clauseStart: number): number | undefined {
  for (let k = i - 1; k >= clauseStart && k >= i - 6; k--) {
    if (tokens[k]?.lower === 'to') {
      for (let j = k - 1; j >= clauseStart && j >= k - 5; j--) {
        const t = tokens[j] as Token;
        if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADJ') return t.pos === 'ADJ' ? j - 1 : j;
      }
      return undefined;
    }
  }
  return undefined;
}

export function insideQuote(ctx: Context, i: number, first: number): boolean {
  let open = false;
  for (let k = first; k < i; k++) {
    const text = ctx.doc.tokens[k]?.text ?? '';
    if (text === '\u201c') open = true;
    else if (text === '\u201d') open = false;
    else if (text === '"') open = !open;
  }
  return open;
}
