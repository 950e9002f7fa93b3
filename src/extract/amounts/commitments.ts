/**
 * Ties each money figure to the event of its sentence and, where that event
 * transfers or pledges something (AID, intent to aid, support with money),
 * records a commitment: donor, recipient, value, kind, status and purpose.
 */
import type { Commitment, CommitmentKind, CommitmentStatus, Event } from '../../types.js';
import type { Context } from '../context.js';

const CARRIERS = new Set(['AID', 'SUPPORT', 'AGREE', 'COOPERATE']);
const KIND_WORDS: [CommitmentKind, RegExp][] = [
  [
    'military',
    /\b(military|weapons?|arms|ammunition|equipment|air defen[cs]e|missiles?|drones?|tanks|artillery|defen[cs]e)\b/i,
  ],
  ['humanitarian', /\b(humanitarian|food|medical|relief|refugees?|shelter|emergency aid|aid agencies)\b/i],
  ['financial', /\b(financial|budget|loans?|grants?|economic|reconstruction|credit|macro-financial|funding)\b/i],
];

export function linkCommitments(ctx: Context): void {
  for (const amount of ctx.amounts) {
    const events = ctx.events.filter((e) => e.evidence.start <= amount.span.start && amount.span.end <= e.evidence.end);
    const carrier = pick(events);
    if (!carrier) continue;
    carrier.amounts.push(amount.id);
    if (carrier.negated || carrier.hypothetical) continue;
    const after = ctx.doc.text.slice(amount.span.end, Math.min(carrier.evidence.end, amount.span.end + 80));
    const purpose = /^\s*(?:\w+\s+){0,2}?(?:for|to fund|to buy|to support|in)\s+([^,.;]+)/i.exec(after)?.[1]?.trim();
    const context = `${carrier.evidence.text}`;
    const commitment: Commitment = {
      id: `c${ctx.commitments.length + 1}`,
      donor: carrier.source,
      recipient: carrier.target && !carrier.target.implicit ? carrier.target : null,
      amountId: amount.id,
      value: amount.value,
      kind: kindOf(`${purpose ?? ''} ${context}`),
      status: statusOf(ctx.doc.text.slice(amount.span.end, amount.span.end + 40) + context),
      evidence: carrier.evidence,
      eventId: carrier.id,
      rule: `commitment.${carrier.type.toLowerCase()}`,
    };
    if (amount.currency) commitment.currency = amount.currency;
    if (purpose) commitment.purpose = purpose;
    if (carrier.date) commitment.date = carrier.date;
    ctx.commitments.push(commitment);
  }
}

function pick(events: Event[]): Event | undefined {
  return events.find((e) => e.type === 'AID') ?? events.find((e) => CARRIERS.has(e.type));
}

function kindOf(text: string): CommitmentKind {
  for (const [kind, re] of KIND_WORDS) if (re.test(text)) return kind;
  return 'other';
}

function statusOf(text: string): CommitmentStatus {
  if (/\b(delivered|arrived|handed over|disbursed|shipped)\b/i.test(text)) return 'delivered';
  if (/\b(allocated|earmarked|approved|signed off|budgeted)\b/i.test(text)) return 'allocated';
  return 'announced';
}
