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

export function createNlp(): Nlp {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  /**
   * Outside contractions wink's lemma depends only on the word and its tag,
   * and lemmatising is a fifth of wink's own time: lemmas (lower-cased,
   * folded) by tag, then by word, asked of wink once per pair.
   */
  const lemmaMemo = new Map<string, Map<string, string>>();
  /** `fold(word.toLowerCase())` by word: the same few thousand words come back in every article. */
  const lowerMemo = new Map<string, string>();
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
      const values = words.out(its.value) as string[];
      const tags = words.out(its.pos) as string[];
      const contractions = words.out(its.contractionFlag) as unknown as boolean[];
      if (memoWords > MEMO_WORDS) {
        lemmaMemo.clear();
        lowerMemo.clear();
        memoWords = 0;
      }

      // wink normalises some characters, so offsets come from aligning each
      // token value with the original text rather than from summing lengths.
      const tokens: Token[] = [];
      let cursor = 0;
      for (let i = 0; i < values.length; i++) {
        const value = values[i] ?? '';
        const pos = tags[i] ?? 'X';
        let start = text.indexOf(value, cursor);
        if (start < 0 || start - cursor > 40) start = skipSpace(text, cursor);
        const end = Math.min(text.length, start + value.length);
        cursor = end;
        // Found where it was looked for, the value is the surface: no copy of it.
        const surface = text.startsWith(value, start) ? value : text.slice(start, end);
        let lower = lowerMemo.get(surface);
        if (lower === undefined) {
          lower = fold(surface.toLowerCase());
          lowerMemo.set(surface, lower);
          memoWords++;
        }
        let lemma: string | undefined;
        if (contractions[i]) lemma = winkLemma(words, i, surface);
        else {
          let byWord = lemmaMemo.get(pos);
          if (!byWord) {
            byWord = new Map();
            lemmaMemo.set(pos, byWord);
          }
          lemma = byWord.get(value);
          if (lemma === undefined) {
            lemma = winkLemma(words, i, surface);
            byWord.set(value, lemma);
            memoWords++;
          }
        }
        tokens.push({ i, text: surface, lower, lemma, pos, start, end, sentence: 0 });
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

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}
