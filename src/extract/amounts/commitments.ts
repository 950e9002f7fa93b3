/**
 * Ties each money figure to the event of its sentence and, where that event
 * transfers or pledges something (AID, intent to aid, support with money),
 * records a commitment: donor, recipient, value, kind, status and purpose.
 * A figure with no such event can still be a pledge when a donor announces
 * it ("Britain announced 120 million pounds of new funding"): announcing is a
 * speech act, so it is read from the statement.
 */
import type { ActorRef, Amount, Commitment, CommitmentKind, CommitmentStatus, Event, Span } from '../../types.js';
import { type Context, refOf } from '../context.js';
import { clauseStartOf } from '../events/clauses.js';
import { subjectOf } from '../events/roles.js';

const CARRIERS = new Set(['AID', 'SUPPORT', 'AGREE', 'COOPERATE']);
const PLEDGING = /^(announc|pledg|promis|commit|allocat|provid|earmark|unveil)/i;
const KIND_WORDS: [CommitmentKind, RegExp][] = [
  [
    'military',
    /\b(military|weapons?|arms|ammunition|equipment|air defen[cs]e|missiles?|drones?|tanks|artillery|defen[cs]e)\b/i,
  ],
  ['humanitarian', /\b(humanitarian|food|medical|medicine|relief|refugees?|shelter|emergency aid|aid agencies)\b/i],
  ['financial', /\b(financial|budget|loans?|lend\w*|grants?|economic|credit|macro-financial|funding)\b/i],
  ['other', /\b(energy|reconstruction|infrastructure|repair)\b/i],
];
/** A recipient after the figure: "to Ukraine", "for Sudan", "for Ukraine's energy sector". */
const RECIPIENT_PREP = /^(?:to|for)$/i;

interface Carrier {
  donor: ActorRef;
  recipient: ActorRef | null;
  evidence: Span;
  date?: string;
  event?: Event;
  rule: string;
  /** The text it was read from, for kind and status. */
  context: string;
}

export function linkCommitments(ctx: Context): void {
  /** The carrier of the figure before, which a figure introduced by "including" shares. */
  let previous: Carrier | undefined;
  for (const amount of ctx.amounts) {
    const events = ctx.events.filter((e) => e.evidence.start <= amount.span.start && amount.span.end <= e.evidence.end);
    const event = pick(events);
    if (event) event.amounts.push(amount.id);
    if (event && (event.negated || event.hypothetical)) continue;
    const joined = isPart(ctx, amount) || isCoordinated(ctx, amount);
    const whole = joined && previous && previous.evidence.end >= amount.span.end ? previous : undefined;
    const carrier = event
      ? fromEvent(event)
      : (fromStatement(ctx, amount) ?? fromVerb(ctx, amount) ?? whole ?? fromDiscourse(ctx, amount));
    if (!carrier) continue;
    // "a $95 billion foreign aid package that includes about $61 billion for Ukraine": a total for no one named,
    // whose parts are stated, is not a commitment of its own; its parts are.
    previous = { ...carrier, rule: 'commitment.part' };
    if (!recipientAfter(ctx, amount, carrier.evidence.end) && hasStatedParts(ctx, amount)) continue;
    const donor = agentAfter(ctx, amount) ?? gappedDonor(ctx, amount) ?? carrier.donor;
    let recipient = recipientAfter(ctx, amount, carrier.evidence.end) ?? carrier.recipient;
    // "Germany pledged 125 million euros and the European Union 282.5 million": the second donor is no recipient.
    const gapped = ctx.amounts.some(
      (a) =>
        a !== amount &&
        carrier.evidence.start <= a.span.start &&
        a.span.end <= carrier.evidence.end &&
        gappedDonor(ctx, a)?.code === recipient?.code,
    );
    if (recipient?.code === donor.code || gapped) recipient = null;
    if (!recipient && whole && isPart(ctx, amount)) recipient = ctx.commitments.at(-1)?.recipient ?? null;
    if (recipient?.code === donor.code) recipient = null;
    recipient ??= earlierRecipient(ctx, donor);
    const after = ctx.doc.text.slice(amount.span.end, Math.min(carrier.evidence.end, amount.span.end + 80));
    const purpose = /^\s*(?:\w+\s+){0,3}?(?:for|to fund|to buy|to support|to repair|in)\s+([^,.;]+)/i
      .exec(after)?.[1]
      ?.trim();
    // Pledges at one conference share their kind when a later sentence names only the sum.
    let kind = kindOf(`${purpose ?? ''} ${after} ${carrier.context}`);
    if (kind === 'other' && !KIND_WORDS.some(([, re]) => re.test(carrier.context)))
      kind = ctx.commitments.find((c) => c.recipient?.code === recipient?.code)?.kind ?? kind;
    const commitment: Commitment = {
      id: `c${ctx.commitments.length + 1}`,
      donor,
      recipient,
      amountId: amount.id,
      value: amount.value,
      kind,
      status: statusOf(`${ctx.doc.text.slice(amount.span.start - 40, amount.span.end + 40)} ${carrier.context}`),
      evidence: carrier.evidence,
      rule: carrier.rule,
    };
    if (carrier.event) commitment.eventId = carrier.event.id;
    if (amount.currency) commitment.currency = amount.currency;
    if (purpose) commitment.purpose = purpose;
    const date = carrier.date ?? ctx.article.date;
    if (date) commitment.date = date;
    ctx.commitments.push(commitment);
  }
}

function pick(events: Event[]): Event | undefined {
  return events.find((e) => e.type === 'AID') ?? events.find((e) => CARRIERS.has(e.type));
}

function fromEvent(event: Event): Carrier {
  return {
    donor: event.source,
    recipient: event.target && !event.target.implicit ? event.target : null,
    evidence: event.evidence,
    ...(event.date ? { date: event.date } : {}),
    event,
    rule: `commitment.${event.type.toLowerCase()}`,
    context: event.evidence.text,
  };
}

function fromStatement(ctx: Context, amount: Amount): Carrier | undefined {
  const statement = ctx.statements.find(
    (s) => PLEDGING.test(s.verb.text) && s.content.start <= amount.span.start && amount.span.end <= s.content.end,
  );
  if (!statement) return undefined;
  return {
    donor: statement.speaker,
    recipient: statement.addressee,
    evidence: statement.evidence,
    rule: 'commitment.announced',
    context: statement.evidence.text,
  };
}

/** "Harris, who attended the first day, announced $1.5 billion": a pledging verb before the figure and its subject. */
function fromVerb(ctx: Context, amount: Amount): Carrier | undefined {
  const tokens = ctx.doc.tokens;
  const first = tokens.findIndex((t) => t.start >= amount.span.start);
  const sentence = ctx.doc.sentences[tokens[first]?.sentence ?? -1];
  if (!sentence) return undefined;
  for (let k = first - 1; k >= sentence.first && k >= first - 6; k--) {
    const t = tokens[k];
    // "signed into law a $95 billion package": a law allocates what it provides.
    const law = t?.lemma === 'sign' && tokens[k + 1]?.lower === 'into' && tokens[k + 2]?.lower === 'law';
    if (t?.pos !== 'VERB' || !(PLEDGING.test(t.lemma) || law)) continue;
    // A relative clause between subject and verb hides the subject from the clause reader: take the sentence's first actor.
    const [subject] = subjectOf(ctx, k, clauseStartOf(ctx, k)).concat(
      ctx.mentions.filter((m) => m.first >= sentence.first && m.first < k && !m.modifier && !m.possessive).slice(0, 1),
    );
    if (!subject) return undefined;
    const evidence = {
      start: sentence.start,
      end: sentence.end,
      text: ctx.doc.text.slice(sentence.start, sentence.end),
    };
    return { donor: refOf(ctx, subject), recipient: null, evidence, rule: 'commitment.verb', context: evidence.text };
  }
  return undefined;
}

const PART_OF = new Set(['including', 'includes', 'include', 'included']);

/** The token index where a figure starts. */
function firstToken(ctx: Context, amount: Amount): number {
  return ctx.doc.tokens.findIndex((t) => t.start >= amount.span.start);
}

/** "provides $26 billion for Israel ... and about $8 billion to counter China": a figure coordinated with the one before. */
function isCoordinated(ctx: Context, amount: Amount): boolean {
  return ctx.doc.tokens[firstToken(ctx, amount) - 1]?.lower === 'and';
}

/** "..., including $500 million to repair ...": a figure introduced by "including" is part of the one before. */
function isPart(ctx: Context, amount: Amount): boolean {
  return PART_OF.has(ctx.doc.tokens[firstToken(ctx, amount) - 1]?.lower ?? '');
}

/**
 * "The legislation also provides about $26 billion for Israel": a figure for a
 * named recipient, with a giving verb before it but no actor as its subject,
 * comes from the donor of the article's latest commitment.
 */
function fromDiscourse(ctx: Context, amount: Amount): Carrier | undefined {
  const last = ctx.commitments.at(-1);
  if (!last) return undefined;
  const tokens = ctx.doc.tokens;
  const first = firstToken(ctx, amount);
  const sentence = ctx.doc.sentences[tokens[first]?.sentence ?? -1];
  if (!sentence) return undefined;
  const giving = tokens.slice(Math.max(sentence.first, first - 4), first).some((t) => PLEDGING.test(t.lemma));
  const evidence = { start: sentence.start, end: sentence.end, text: ctx.doc.text.slice(sentence.start, sentence.end) };
  if (!giving || !recipientAfter(ctx, amount, sentence.end)) return undefined;
  return { donor: last.donor, recipient: null, evidence, rule: 'commitment.discourse', context: evidence.text };
}

/** "a $95 billion package that includes about $61 billion for Ukraine": the figure's parts follow it. */
function hasStatedParts(ctx: Context, amount: Amount): boolean {
  const tokens = ctx.doc.tokens;
  const first = firstToken(ctx, amount);
  const sentence = ctx.doc.sentences[tokens[first]?.sentence ?? -1];
  if (!sentence) return false;
  for (let k = first + 1; k < sentence.last && k < first + 10; k++) {
    if (!PART_OF.has(tokens[k]?.lower ?? '')) continue;
    const next = tokens[k + 1];
    return ctx.amounts.some((a) => next && a !== amount && a.span.start >= next.start && a.span.start <= next.end + 8);
  }
  return false;
}

/** "a 50 billion dollar loan agreed by the Group of Seven": the agent of the figure's participle gives it. */
function agentAfter(ctx: Context, amount: Amount): ActorRef | undefined {
  const tokens = ctx.doc.tokens;
  let k = tokens.findIndex((t) => t.start >= amount.span.end);
  // The noun the figure qualifies ("loan", "package"), then a participle, then "by".
  while (k >= 0 && k < tokens.length && ['NOUN', 'ADJ'].includes(tokens[k]?.pos ?? '')) k++;
  if (!/(ed|en)$/.test(tokens[k]?.lower ?? '') || tokens[k + 1]?.lower !== 'by') return undefined;
  const m = ctx.mentionAt[k + 2] ?? (tokens[k + 2]?.pos === 'DET' ? ctx.mentionAt[k + 3] : undefined);
  return m ? refOf(ctx, m) : undefined;
}

/** "... and the European Union 282.5 million euros": an actor after "and", right before the figure, gives it. */
function gappedDonor(ctx: Context, amount: Amount): ActorRef | undefined {
  const tokens = ctx.doc.tokens;
  const first = tokens.findIndex((t) => t.start >= amount.span.start);
  const before = ctx.mentionAt[first - 1];
  if (!before || before.modifier || before.possessive) return undefined;
  const k = tokens[before.first - 1]?.pos === 'DET' ? before.first - 2 : before.first - 1;
  return tokens[k]?.lower === 'and' ? refOf(ctx, before) : undefined;
}

function recipientAfter(ctx: Context, amount: Amount, limit: number): ActorRef | undefined {
  const tokens = ctx.doc.tokens;
  const first = tokens.findIndex((t) => t.start >= amount.span.end);
  for (let k = first; k >= 0 && k < tokens.length && k < first + 8; k++) {
    const t = tokens[k];
    if (!t || t.start >= limit || t.text === ',' || t.text === '.') break;
    // "a $40 billion bill that includes $25 billion for Ukraine": the recipient belongs to the nearer figure.
    if (ctx.amounts.some((a) => a !== amount && a.span.start <= t.start && t.start < a.span.end)) break;
    if (!RECIPIENT_PREP.test(t.lower)) continue;
    const m = ctx.mentionAt[k + 1] ?? (tokens[k + 1]?.pos === 'DET' ? ctx.mentionAt[k + 2] : undefined);
    if (m) return refOf(ctx, m);
  }
  return undefined;
}

/** Pledges at one conference go to one recipient: the last one named by another donor in this article. */
function earlierRecipient(ctx: Context, donor: ActorRef): ActorRef | null {
  for (let k = ctx.commitments.length - 1; k >= 0; k--) {
    const c = ctx.commitments[k] as Commitment;
    if (c.recipient && c.recipient.code !== donor.code) return c.recipient;
  }
  return null;
}

function kindOf(text: string): CommitmentKind {
  for (const [kind, re] of KIND_WORDS) if (re.test(text)) return kind;
  return 'other';
}

function statusOf(text: string): CommitmentStatus {
  if (/\b(delivered|arrived|handed over|disbursed|shipped)\b/i.test(text)) return 'delivered';
  if (
    /\b(allocated|earmarked|approved|signed off|signed into law|budgeted|contracted|already lending|lent)\b/i.test(text)
  )
    return 'allocated';
  return 'announced';
}
