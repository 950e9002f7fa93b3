/**
 * Statements: speech acts with their speaker, verb, content and addressee.
 * "X said (that) ...", "..., X said", "..., said X", "X told Y ...", and
 * quotations in quote marks.
 */
import type { Token } from '../nlp/index.js';
import { type Context, type Mention, refOf, sentenceSpan, span } from './context.js';
import { clauseStartOf } from './events/clauses.js';
import { subjectOf } from './events/roles.js';

/** Verbs of saying; verbs of doing-by-saying (accuse, urge) are events, and their content is in the event. */
const SPEECH = new Set([
  'say',
  'tell',
  'state',
  'announce',
  'declare',
  'add',
  'note',
  'insist',
  'claim',
  'emphasize',
  'emphasise',
  'stress',
  'warn',
  'caution',
  'describe',
  'confirm',
  'deny',
  'report',
  'reiterate',
  'underscore',
  'affirm',
  'argue',
  'write',
  'tweet',
  'post',
  'assert',
  'explain',
  'acknowledge',
  'admit',
  'suggest',
  'predict',
  'vow',
  'promise',
  'remark',
  'comment',
  'respond',
  'reply',
  'voice',
  'express',
  'tell',
]);
const QUOTES = /["“”]/;

export function readStatements(ctx: Context): void {
  const { doc } = ctx;
  const tokens = doc.tokens;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    if (!sentence) continue;
    for (let i = sentence.first; i < sentence.last; i++) {
      const verb = tokens[i] as Token;
      if (verb.pos !== 'VERB' || !SPEECH.has(verb.lemma) || ctx.mentionAt[i]) continue;
      const speaker = speakerOf(ctx, i, sentence.first, sentence.last);
      if (!speaker) continue;
      const trailing =
        speaker.first > i ||
        (closesSentence(tokens, i, sentence.last) && isAfterComma(tokens, speaker.first, sentence.first));
      const sentenceText = sentenceSpan(ctx, s);
      let contentStart: number;
      let contentEnd: number;
      if (trailing && speaker.first < i && isAfterComma(tokens, speaker.first, sentence.first)) {
        contentStart = sentence.start;
        contentEnd = commaBefore(tokens, speaker.first, sentence.first);
      } else if (speaker.first > i) {
        contentStart = sentence.start;
        contentEnd = tokens[i - 1]?.text === ',' ? (tokens[i - 1] as Token).start : verb.start;
      } else {
        let k = i + 1;
        const addresseeMention = ctx.mentionAt[k] && verb.lemma === 'tell' ? ctx.mentionAt[k] : undefined;
        if (addresseeMention) k = addresseeMention.last;
        if (tokens[k]?.lower === 'that') k++;
        contentStart = tokens[k]?.start ?? verb.end;
        contentEnd = sentence.end;
      }
      if (contentEnd - contentStart < 3) continue;
      const content = span(ctx, contentStart, contentEnd);
      const addressee = addresseeOf(ctx, i, verb.lemma);
      ctx.statements.push({
        id: `s${ctx.statements.length + 1}`,
        speaker: refOf(ctx, speaker),
        verb: span(ctx, verb.start, verb.end),
        content,
        addressee: addressee ? refOf(ctx, addressee) : null,
        direct: QUOTES.test(content.text),
        evidence: sentenceText,
        rule: speaker.first > i ? 'statement.inverted' : trailing ? 'statement.trailing' : 'statement.subject',
      });
    }
  }
}

function speakerOf(ctx: Context, i: number, first: number, last: number): Mention | undefined {
  const tokens = ctx.doc.tokens;
  // ", said the spokesman for X": the speaker follows the verb.
  if (tokens[i - 1]?.text === ',' && !tokens[i]?.lower.endsWith('ing')) {
    for (let k = i + 1; k < last && k <= i + 6; k++) {
      const m = ctx.mentionAt[k];
      if (m) return m;
    }
  }
  // Otherwise the speaker is the verb's subject, found as for events (participles and coordinated verbs included).
  const [subject] = subjectOf(ctx, i, clauseStartOf(ctx, i));
  return subject && tokens[subject.first]?.sentence === tokens[first]?.sentence ? subject : undefined;
}

function addresseeOf(ctx: Context, i: number, lemma: string): Mention | undefined {
  const tokens = ctx.doc.tokens;
  if (lemma === 'tell' || lemma === 'urge' || lemma === 'warn') return ctx.mentionAt[i + 1];
  if (tokens[i + 1]?.lower === 'to') return ctx.mentionAt[i + 2];
  return undefined;
}

/** Tags of the words a time ("on Tuesday") or a name may be written with. */
const CLOSING_TAGS = new Set(['ADP', 'DET', 'NUM', 'PROPN', 'ADV', 'NOUN']);

/** ", the minister said on Tuesday.": nothing but a time or punctuation follows the verb, four words at most. */
function closesSentence(tokens: Token[], i: number, last: number): boolean {
  let words = 0;
  for (let k = i + 1; k < last; k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'PUNCT') continue;
    words++;
    if (words > 4 || !CLOSING_TAGS.has(t.pos) || t.lower === 'that') return false;
  }
  return true;
}

function isAfterComma(tokens: Token[], k: number, first: number): boolean {
  for (let j = k - 1; j >= first && j >= k - 3; j--) if (tokens[j]?.text === ',') return true;
  return false;
}

function commaBefore(tokens: Token[], k: number, first: number): number {
  for (let j = k - 1; j >= first; j--) if (tokens[j]?.text === ',') return (tokens[j] as Token).start;
  return (tokens[k] as Token).start;
}
