/**
 * The NLP layer: sentences, tokens with character offsets, part-of-speech
 * tags and lemmas. Everything downstream reads this `Doc`; nothing else calls
 * wink. wink's entity recogniser is not run: it cost a third of wink's time,
 * and Parley reads money and dates with its own finders.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type Tokens } from 'wink-nlp';

export interface Token {
  /** Index in `Doc.tokens`. */
  i: number;
  text: string;
  /** Lower-cased text with typographic apostrophes and quotes folded to ASCII. */
  lower: string;
  lemma: string;
  /** Universal POS tag from wink (NOUN, PROPN, VERB, AUX, ADP, ...). */
  pos: string;
  start: number;
  end: number;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** First token index (inclusive) and last (exclusive). */
  first: number;
  last: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
}

export interface Nlp {
  analyze(text: string): Doc;
}

/** Folds typographic apostrophes and quotes so that lexicon lookups see one form. */
export function fold(text: string): string {
  if (!/[\u2018\u2019\u02bc\u201c\u201d]/.test(text)) return text;
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/**
 * Words kept in the per-extractor memos before they are emptied: enough for
 * the vocabulary of a day of news, bounded so a long ingest stays in memory.
 */
const MEMO_WORDS = 200_000;

/** What `analyze` keeps of a word between articles: its lower case, and its lemma by tag. */
interface WordMemo {
  value: string;
  /** `fold(value.toLowerCase())`, the `Token.lower` of the word wherever its surface is its value. */
  lower: string;
  /** The first tag the word was lemmatised under (not in a contraction), and that lemma. */
  tag?: string;
  lemma?: string;
  /** Lemmas under the word's other tags ("attack" NOUN and VERB), rarer. */
  otherTags?: Map<string, string>;
}

export function createNlp(): Nlp {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  /**
   * Words by wink's id for them (`its.uniqueId`, one per distinct value): the
   * same few thousand words come back in every article, and outside
   * contractions wink's lemma depends only on the word and its tag, while
   * lemmatising is a fifth of wink's own time. Indexed by number, one array
   * read per token finds the value, its lower case and its lemma, where maps
   * by string cost a hash lookup for each.
   */
  const memo: (WordMemo | undefined)[] = [];
  let memoWords = 0;
  /** wink's lemma of one token, lower-cased and folded like `Token.lower`. */
  const winkLemma = (words: Tokens, i: number, surface: string): string => {
    const lemma = words.itemAt(i).out(its.lemma as never) as unknown as string | undefined;
    return fold((lemma ?? surface).toLowerCase());
  };

  return {
    analyze(text: string): Doc {
      const doc = nlp.readDoc(text);
      const words = doc.tokens();
      const ids = words.out(its.uniqueId) as unknown as number[];
      const tags = words.out(its.pos) as string[];
      const contractions = words.out(its.contractionFlag) as unknown as boolean[];
      if (memoWords > MEMO_WORDS) {
        memo.length = 0;
        memoWords = 0;
      }

      // wink normalises some characters, so offsets come from aligning each
      // token value with the original text rather than from summing lengths.
      const tokens = new Array<Token>(ids.length);
      let cursor = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        const pos = tags[i] ?? 'X';
        // Ids grow with every new word wink meets; filling up to them keeps the array dense.
        while (memo.length <= id) memo.push(undefined);
        let word = memo[id];
        const value = word ? word.value : (words.itemAt(i).out(its.value) as string);
        let start = text.indexOf(value, cursor);
        // Found where it was looked for, the value is the surface: no copy of it.
        const atValue = start >= 0 && start - cursor <= 40;
        if (!atValue) start = skipSpace(text, cursor);
        const end = Math.min(text.length, start + value.length);
        cursor = end;
        const surface = atValue ? value : text.slice(start, end);
        if (!word) {
          word = { value, lower: fold(value.toLowerCase()) };
          memo[id] = word;
          memoWords++;
        }
        const lower = atValue ? word.lower : fold(surface.toLowerCase());
        let lemma: string | undefined;
        if (contractions[i]) lemma = winkLemma(words, i, surface);
        else if (word.tag === pos) lemma = word.lemma as string;
        else if (word.tag === undefined) {
          lemma = winkLemma(words, i, surface);
          word.tag = pos;
          word.lemma = lemma;
        } else {
          word.otherTags ??= new Map();
          lemma = word.otherTags.get(pos);
          if (lemma === undefined) {
            lemma = winkLemma(words, i, surface);
            word.otherTags.set(pos, lemma);
            memoWords++;
          }
        }
        tokens[i] = new WordToken(i, surface, lower, lemma, pos, start, end);
      }

      const sentences: SentenceSpan[] = [];
      for (const [start, lastInclusive] of doc.sentences().out(its.span) as unknown as [number, number][]) {
        // A sentence opens on its first word, not on the line break before it.
        let first = start;
        while (first < lastInclusive && !tokens[first]?.text.trim()) first++;
        const firstToken = tokens[first];
        const lastToken = tokens[lastInclusive];
        if (!firstToken || !lastToken) continue;
        const index = sentences.length;
        for (let t = start; t <= lastInclusive; t++) (tokens[t] as Token).sentence = index;
        sentences.push({ start: firstToken.start, end: lastToken.end, first, last: lastInclusive + 1 });
      }

      return { text, tokens, sentences };
    },
  };
}

/**
 * A `Token` made by a constructor rather than an object literal: the same
 * fields, but a quarter of a million are made per megabyte of text, and made
 * this way whole extractions took 0.982 of the literal's time (`bench/ab.js`,
 * 5 rounds in each loading order; extractions identical).
 */
class WordToken implements Token {
  sentence = 0;
  constructor(
    readonly i: number,
    readonly text: string,
    readonly lower: string,
    readonly lemma: string,
    readonly pos: string,
    readonly start: number,
    readonly end: number,
  ) {}
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}
