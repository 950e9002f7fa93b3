/**
 * Trigger patterns indexed by their first lemma, most specific first, and
 * matched against tokens.
 */
import type { TriggerPatternEntry } from '../../knowledge/schema.js';
import type { Token } from '../../nlp/index.js';

/** A pattern with its words split once, at load. */
export interface IndexedPattern {
  pattern: TriggerPatternEntry;
  words: string[];
  objects: Phrases;
  notObjects: Phrases;
}

/** Object phrases split into words, with the words they open. */
interface Phrases {
  words: string[][];
  /** The first word of each: an object can only match where one of them stands. */
  firsts: Set<string>;
}

export interface PatternIndex {
  verbs: Map<string, IndexedPattern[]>;
  nouns: Map<string, IndexedPattern[]>;
}

export interface PatternMatch {
  pattern: TriggerPatternEntry;
  /** Token range of the trigger words (verb and particles), last exclusive. */
  first: number;
  last: number;
  /** Token range of the required object words, when the pattern has them. */
  object?: { first: number; last: number };
}

/** Built once, when the knowledge loads. */
export function buildPatternIndex(verbs: TriggerPatternEntry[], nouns: TriggerPatternEntry[]): PatternIndex {
  return { verbs: byFirstWord(verbs), nouns: byFirstWord(nouns) };
}

function byFirstWord(patterns: TriggerPatternEntry[]): Map<string, IndexedPattern[]> {
  const map = new Map<string, IndexedPattern[]>();
  for (const pattern of patterns) {
    const words = pattern.lemma.split(' ');
    const list = map.get(words[0] as string) ?? [];
    list.push({
      pattern,
      words,
      objects: phrases(pattern.objects),
      notObjects: phrases(pattern.notObjects),
    });
    map.set(words[0] as string, list);
  }
  const specificity = (p: IndexedPattern) => p.words.length * 10 + (p.objects.words.length ? 5 : 0);
  for (const list of map.values()) list.sort((a, b) => specificity(b) - specificity(a));
  return map;
}

function phrases(list: string[]): Phrases {
  const words = list.map((o) => o.split(' '));
  return { words, firsts: new Set(words.map((w) => w[0] as string)) };
}

const SKIPPABLE = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'new',
  'further',
  'fresh',
  'direct',
  'more',
  'tough',
  'tougher',
  'additional',
  'two',
  'several',
]);

/** Matches `words` starting at token `from`, by lemma or surface, skipping articles and light modifiers. */
export function matchWords(
  tokens: Token[],
  from: number,
  words: string[],
  limit: number,
): { first: number; last: number } | undefined {
  let k = from;
  let first = -1;
  for (const word of words) {
    while (k < limit && first >= 0 === false && SKIPPABLE.has(tokens[k]?.lower ?? '') && tokens[k]?.lower !== word) k++;
    const t = tokens[k];
    if (!t || k >= limit) return undefined;
    if (t.lemma !== word && t.lower !== word) return undefined;
    if (first < 0) first = k;
    k++;
  }
  return first < 0 ? undefined : { first, last: k };
}

/**
 * The most specific of a verb's patterns (`verbPatterns`) whose words and
 * objects match at token `i`.
 */
export function matchVerb(
  candidates: readonly IndexedPattern[],
  tokens: Token[],
  i: number,
  clauseEnd: number,
): PatternMatch | undefined {
  // The most specific pattern wins: more trigger words, then the longest object phrase
  // ("signed a treaty of friendship" is SUPPORT before "signed a treaty" is AGREE).
  let best: { match: PatternMatch; score: number } | undefined;
  for (const { pattern, words, objects, notObjects } of candidates) {
    const head = matchVerbWords(tokens, i, words, clauseEnd);
    if (!head) continue;
    if (notObjects.words.length && findObject(tokens, head, notObjects, Math.min(clauseEnd, head + 4))) continue;
    if (!objects.words.length) {
      const score = words.length * 100;
      if (!best || score > best.score) best = { match: { pattern, first: i, last: head }, score };
      continue;
    }
    const object = findObject(tokens, head, objects, Math.min(clauseEnd, head + 7));
    if (!object) continue;
    const score = words.length * 100 + 10 + (object.last - object.first);
    if (!best || score > best.score) best = { match: { pattern, first: i, last: head, object }, score };
  }
  return best?.match;
}

/**
 * The patterns for a verb token: by its lemma, else by stems of its surface
 * form, because the lemmatizer slips on some verbs ("staged" -> "stag").
 */
export function verbPatterns(index: PatternIndex, token: Token): IndexedPattern[] | undefined {
  const verbs = index.verbs;
  const byLemma = verbs.get(token.lemma);
  if (byLemma) return byLemma;
  // Stems of the surface form, each ending's likeliest first; no list of them is built, as most verbs have none.
  const word = token.lower;
  if (word.endsWith('ed'))
    return (
      (word.endsWith('ied') ? verbs.get(`${word.slice(0, -3)}y`) : undefined) ??
      verbs.get(word.slice(0, -1)) ??
      verbs.get(word.slice(0, -2))
    );
  if (word.endsWith('ing')) return verbs.get(`${word.slice(0, -3)}e`) ?? verbs.get(word.slice(0, -3));
  if (word.endsWith('s'))
    return (word.endsWith('es') ? verbs.get(word.slice(0, -2)) : undefined) ?? verbs.get(word.slice(0, -1));
  return undefined;
}

/** Words that may stand between a verb and its particle: "called Thursday on", "handed quietly over". */
const INTERVENING = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'again',
  'also',
  'formally',
  'publicly',
  'repeatedly',
  'once',
]);

function matchVerbWords(tokens: Token[], i: number, words: string[], limit: number): number | undefined {
  let k = i + 1;
  for (let w = 1; w < words.length; w++) {
    const word = words[w] as string;
    while (k < limit && k < i + 4 && INTERVENING.has(tokens[k]?.lower ?? '') && tokens[k]?.lower !== word) k++;
    const t = tokens[k];
    if (!t || k >= limit) return undefined;
    if (t.lemma !== word && t.lower !== word) return undefined;
    k++;
  }
  return k;
}

function findObject(
  tokens: Token[],
  from: number,
  objects: Phrases,
  limit: number,
): { first: number; last: number } | undefined {
  // Most verbs have none of their objects' first words after them: a look at each token spares trying every
  // object at every position.
  let opens = false;
  for (let k = from; k < limit && !opens; k++) {
    const t = tokens[k];
    opens = !!t && (objects.firsts.has(t.lower) || objects.firsts.has(t.lemma));
  }
  if (!opens) return undefined;
  for (let k = from; k < limit; k++) {
    for (const object of objects.words) {
      const m = matchWords(tokens, k, object, limit);
      if (m) return m;
    }
  }
  return undefined;
}

/** The noun pattern at token `i`, longest lemma first ("peace proposal" before "proposal"). */
export function matchNoun(index: PatternIndex, tokens: Token[], i: number, limit: number): PatternMatch | undefined {
  const token = tokens[i] as Token;
  return (
    matchNounOf(index.nouns.get(token.lower), tokens, i, limit) ??
    (token.lemma !== token.lower ? matchNounOf(index.nouns.get(token.lemma), tokens, i, limit) : undefined)
  );
}

function matchNounOf(
  candidates: IndexedPattern[] | undefined,
  tokens: Token[],
  i: number,
  limit: number,
): PatternMatch | undefined {
  // Most nouns start no pattern: answered without an empty list to walk.
  if (!candidates) return undefined;
  for (const { pattern, words } of candidates) {
    const m = matchVerbWords(tokens, i, words, limit);
    if (m) return { pattern, first: i, last: m };
  }
  return undefined;
}
