/**
 * The extractor: `createExtractor()` loads the NLP model and the knowledge
 * once; `extract()` then reads any number of articles with no start-up cost.
 */

import { articleId } from '../ingest/article.js';
import { normalise } from '../knowledge/gazetteer.js';
import { type Knowledge, type KnowledgeOptions, loadKnowledge } from '../knowledge/load.js';
import { createNlp, type Doc, type Nlp } from '../nlp/index.js';
import type { Extraction } from '../types.js';
import type { ArticleInput, Context, Memo } from './context.js';
import { stages as defaultStages, type Stage } from './pipeline.js';

export type { ArticleInput } from './context.js';

export interface ExtractorOptions extends KnowledgeOptions {
  /** An already loaded knowledge base (shared between extractors, or a test fixture). */
  knowledge?: Knowledge;
  /** Stages to run, in order; defaults to the full pipeline. */
  stages?: readonly Stage[];
}

export interface Extractor {
  readonly knowledge: Knowledge;
  extract(input: ArticleInput | string): Extraction;
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const knowledge = options.knowledge ?? loadKnowledge(options);
  const nlp: Nlp = createNlp();
  const stages = options.stages ?? defaultStages;
  const memo: Memo = { dates: new Map() };
  return {
    knowledge,
    extract(input) {
      const article = typeof input === 'string' ? { text: input } : input;
      const doc = nlp.analyze(article.text);
      const ctx: Context = {
        article: { ...article, id: article.id ?? articleId(article.text) },
        memo,
        doc,
        knowledge,
        lower: normalise(doc.text),
        ...tokenEdges(doc),
        actors: new Map(),
        unknownPersonBySurname: new Map(),
        mentions: [],
        mentionAt: new Array(doc.tokens.length),
        placeAt: new Array(doc.tokens.length),
        events: [],
        statements: [],
        amounts: [],
        dates: [],
        places: [],
        commitments: [],
        stances: [],
        warnings: [],
      };
      for (const stage of stages) stage.run(ctx);
      return {
        article: ctx.article,
        sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })),
        actors: [...ctx.actors.values()],
        mentions: ctx.mentions
          .filter((m) => m.first >= 0)
          .map((m) => ({
            actorId: m.actor.id,
            span: { start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) },
            via: m.via,
            rule: m.rule,
          })),
        events: ctx.events,
        statements: ctx.statements,
        amounts: ctx.amounts,
        dates: ctx.dates,
        places: ctx.places,
        commitments: ctx.commitments,
        stances: ctx.stances,
        warnings: ctx.warnings,
      };
    },
  };
}

function tokenEdges(doc: Doc): Pick<Context, 'tokenAtEnd' | 'tokenAtStart'> {
  const tokenAtEnd = new Int32Array(doc.text.length + 1);
  const tokenAtStart = new Int32Array(doc.text.length + 1);
  for (const t of doc.tokens) {
    tokenAtEnd[t.end] = t.i + 1;
    tokenAtStart[t.start] = t.i + 1;
  }
  return { tokenAtEnd, tokenAtStart };
}

let shared: Extractor | undefined;

/** One-call convenience: `extract(text)` with the default knowledge, loaded on first use. */
export function extract(input: ArticleInput | string): Extraction {
  shared ??= createExtractor();
  return shared.extract(input);
}
