/**
 * The NLP layer: sentences, tokens with character offsets, part-of-speech
 * tags, lemmas and wink's number-like entities (MONEY, DATE, ...). Everything
 * downstream reads this `Doc`; nothing else calls wink.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemEntity, type ItemSentence } from 'wink-nlp';

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

export interface NumberEntity {
  type: string;
  start: number;
  end: number;
  first: number;
  last: number;
  text: string;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
  entities: NumberEntity[];
}

export interface Nlp {
  analyze(text: string): Doc;
}

/** Folds typographic apostrophes and quotes so that lexicon lookups see one form. */
export function fold(text: string): string {
  if (!/[\u2018\u2019\u02bc\u201c\u201d]/.test(text)) return text;
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export function createNlp(): Nlp {
  const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
  const its = nlp.its;

  return {
    analyze(text: string): Doc {
      const doc = nlp.readDoc(text);
      const words = doc.tokens();
      const values = words.out(its.value) as string[];
      const tags = words.out(its.pos) as string[];
      const lemmas = words.out(its.lemma as never) as unknown as string[];

      // wink normalises some characters, so offsets come from aligning each
      // token value with the original text rather than from summing lengths.
      const tokens: Token[] = [];
      let cursor = 0;
      for (let i = 0; i < values.length; i++) {
        const value = values[i] ?? '';
        let start = text.indexOf(value, cursor);
        if (start < 0 || start - cursor > 40) start = skipSpace(text, cursor);
        const end = Math.min(text.length, start + value.length);
        cursor = end;
        const surface = text.slice(start, end);
        tokens.push({
          i,
          text: surface,
          lower: fold(surface.toLowerCase()),
          lemma: fold((lemmas[i] ?? surface).toLowerCase()),
          pos: tags[i] ?? 'X',
          start,
          end,
          sentence: 0,
        });
      }

      const sentences: SentenceSpan[] = [];
      doc.sentences().each((sentence: ItemSentence) => {
        const [start, lastInclusive] = sentence.out(its.span) as unknown as [number, number];
        // A sentence opens on its first word, not on the line break before it.
        let first = start;
        while (first < lastInclusive && !tokens[first]?.text.trim()) first++;
        const firstToken = tokens[first];
        const lastToken = tokens[lastInclusive];
        if (!firstToken || !lastToken) return;
        const index = sentences.length;
        for (let t = start; t <= lastInclusive; t++) (tokens[t] as Token).sentence = index;
        sentences.push({ start: firstToken.start, end: lastToken.end, first, last: lastInclusive + 1 });
      });

      const entities: NumberEntity[] = [];
      doc.entities().each((entity: ItemEntity) => {
        const [first, lastInclusive] = entity.out(its.span) as unknown as [number, number];
        const a = tokens[first];
        const b = tokens[lastInclusive];
        if (!a || !b) return;
        entities.push({
          type: entity.out(its.type) as unknown as string,
          start: a.start,
          end: b.end,
          first,
          last: lastInclusive + 1,
          text: text.slice(a.start, b.end),
        });
      });

      return { text, tokens, sentences, entities };
    },
  };
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}
