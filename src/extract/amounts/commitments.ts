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
import { clauseStartOf, subjectOf } from '../events/code.js';

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
  for (const amount of ctx.amounts) {
    const events = ctx.events.filter((e) => e.evidence.start <= amount.span.start && amount.span.end <= e.evidence.end);
    const event = pick(events);
    if (event) event.amounts.push(amount.id);
    if (event && (event.negated || event.hypothetical)) continue;
    const carrier = event ? fromEvent(event) : (fromStatement(ctx, amount) ?? fromVerb(ctx, amount));
    if (!carrier) continue;
    const donor = gappedDonor(ctx, amount) ?? carrier.donor;
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
    if (t?.pos !== 'VERB' || !PLEDGING.test(t.lemma)) continue;
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
