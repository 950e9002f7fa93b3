/**
 * The state one extraction passes from stage to stage. Created per article,
 * dropped after it: the only long-lived objects are the NLP model and the
 * `Knowledge`.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { Doc, Token } from '../nlp/index.js';
import type {
  Actor,
  ActorRef,
  Amount,
  Commitment,
  DateMention,
  Event,
  Place,
  Span,
  Stance,
  Statement,
} from '../types.js';

/** An actor mention with its token range, as the stages use it. */
export interface Mention {
  actor: Actor;
  /** Token range, last exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  via: string;
  rule: string;
  /** The mention is a possessor ("Canada's" in "Canada's support"). */
  possessive: boolean;
  /** A bare adjective ("Russian" in "Russian aggression"): it modifies, it does not act. */
  modifier: boolean;
  plural: boolean;
  /** For "both sides", "the two countries": the second party (the mention's own actor is the first). */
  partner?: Mention;
}

export interface ArticleInput {
  text: string;
  id?: string;
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
  author?: string;
  origin?: string;
  language?: string;
}

/** Caches that live as long as the extractor: results that depend only on their key. */
export interface Memo {
  /** chrono-node results by "date text|reference date". */
  dates: Map<
    string,
    { index: number; text: string; value: string; precision: 'day' | 'month' | 'year'; relative: boolean }[]
  >;
}

export interface Context {
  article: ArticleInput & { id: string };
  memo: Memo;
  doc: Doc;
  knowledge: Knowledge;
  /** `normalise(doc.text)`: same offsets, lower case, folded quotes. */
  lower: string;
  /**
   * For each character offset of the text, 1 + the index of the (last) token
   * that ends there, else 0: a token-end test and the token it ends, in one
   * array read.
   */
  tokenAtEnd: Int32Array;
  /** The same for the (last) token that starts at each offset. */
  tokenAtStart: Int32Array;
  actors: Map<string, Actor>;
  /**
   * Persons the dictionaries do not know, by the last word of their name, the
   * first one made kept: kept up by `ensureActor` so that a repeated surname
   * costs one lookup instead of a pass over the article's actors.
   */
  unknownPersonBySurname: Map<string, Actor>;
  mentions: Mention[];
  /** For each token, the mention covering it. */
  mentionAt: (Mention | undefined)[];
  /** For each token, the place covering it (places are not actors). */
  placeAt: (Place | undefined)[];
  events: Event[];
  statements: Statement[];
  amounts: Amount[];
  dates: DateMention[];
  places: Place[];
  commitments: Commitment[];
  stances: Stance[];
  warnings: string[];
}

export function span(ctx: Context, start: number, end: number): Span {
  return { start, end, text: ctx.doc.text.slice(start, end) };
}

export function tokenSpan(ctx: Context, first: number, last: number): Span {
  const a = ctx.doc.tokens[first] as Token;
  const b = ctx.doc.tokens[last - 1] as Token;
  return span(ctx, a.start, b.end);
}

export function sentenceSpan(ctx: Context, sentence: number): Span {
  const s = ctx.doc.sentences[sentence];
  if (!s) throw new Error(`no sentence ${sentence}`);
  return span(ctx, s.start, s.end);
}

export function refOf(ctx: Context, mention: Mention): ActorRef {
  const a = mention.actor;
  return {
    actorId: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    ...(a.sector ? { sector: a.sector } : {}),
    mention: span(ctx, mention.start, mention.end),
  };
}
