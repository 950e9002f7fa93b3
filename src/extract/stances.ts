/**
 * Negotiation issues and stances. An event touches an issue when its sentence
 * names the issue near the trigger ("urged Russia to agree to a ceasefire");
 * its source then holds a stance on that issue, read from the event type:
 * a request demands, support and agreement support, rejection and blame
 * oppose, a proposal proposes, and a condition in the sentence ("only if",
 * "would depend on") makes any of them a condition. A state or person named
 * right before a plan ("the U.S. peace proposal") proposes it.
 */
import type { Token } from '../nlp/index.js';
import type { Event, EventType, Stance, StancePosition } from '../types.js';
import { type Context, refOf, sentenceSpan } from './context.js';

const POSITION_OF: Partial<Record<EventType, StancePosition>> = {
  REQUEST: 'demands',
  SUPPORT: 'supports',
  AGREE: 'supports',
  RETREAT: 'supports',
  CONCEDE: 'supports',
  REJECT: 'opposes',
  ACCUSE: 'opposes',
};
const PROPOSING = new Set(['propose', 'proposal', 'put forward', 'unveil', 'present', 'table', 'offer']);
const CONDITION =
  /\b(only if|provided that|provided|as long as|on condition|unless|would depend on|depends on|in exchange for)\b/i;
/** Tokens around a trigger in which an issue term belongs to its event. */
const WINDOW_BEFORE = 6;
const WINDOW_AFTER = 24;

export function readStances(ctx: Context): void {
  const tokenAt = new Map(ctx.doc.tokens.map((t) => [t.start, t]));
  for (const event of ctx.events) {
    const trigger = tokenAt.get(event.trigger.start);
    if (!trigger) continue;
    event.issues = issuesNear(ctx, trigger, event);
    const position = positionOf(event);
    if (!position || event.negated) continue;
    for (const issue of event.issues) {
      ctx.stances.push({
        id: `st${ctx.stances.length + 1}`,
        actor: event.source,
        issue,
        position,
        fromId: event.id,
        ...(event.date ? { date: event.date } : {}),
        evidence: event.evidence,
        rule: `stance.${event.type.toLowerCase()}${position === 'conditions' ? '+condition' : ''}`,
      });
    }
  }
  proposersOfPlans(ctx);
}

function issuesNear(ctx: Context, trigger: Token, event: Event): string[] {
  const tokens = ctx.doc.tokens;
  const sentence = ctx.doc.sentences[trigger.sentence];
  if (!sentence) return [];
  const found = new Set<string>();
  const from = Math.max(sentence.first, trigger.i - WINDOW_BEFORE);
  const to = Math.min(sentence.last, trigger.i + WINDOW_AFTER);
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    for (const match of ctx.knowledge.issueTerms.matchAt(ctx.doc.text, ctx.lower, t.start, ctx.tokenEnds)) {
      if (match.end <= event.evidence.end) for (const id of match.values) found.add(id);
    }
  }
  return [...found];
}

function positionOf(event: Event): StancePosition | undefined {
  if (CONDITION.test(event.evidence.text)) return 'conditions';
  if (PROPOSING.has(event.trigger.text.toLowerCase())) return 'proposes';
  return POSITION_OF[event.type];
}

/** "the U.S. peace proposal", "Russia's 28-point plan": the actor named before a plan proposes it. */
function proposersOfPlans(ctx: Context): void {
  const tokens = ctx.doc.tokens;
  for (const m of ctx.mentions) {
    if (!(m.modifier || m.possessive) || m.first < 0) continue;
    let k = m.last;
    if (tokens[k]?.lower === "'s") k++;
    for (let j = k; j < k + 3 && j < tokens.length; j++) {
      const t = tokens[j] as Token;
      const [match] = ctx.knowledge.issueTerms.matchAt(ctx.doc.text, ctx.lower, t.start, ctx.tokenEnds);
      if (
        !match?.values.includes('peace-plan') ||
        !/plan|proposal|initiative|roadmap|road map/.test(match.form.toLowerCase())
      )
        continue;
      const stance: Stance = {
        id: `st${ctx.stances.length + 1}`,
        actor: refOf(ctx, m),
        issue: 'peace-plan',
        position: 'proposes',
        evidence: sentenceSpan(ctx, t.sentence),
        rule: 'stance.proposer-of-plan',
      };
      if (ctx.article.date) stance.date = ctx.article.date;
      ctx.stances.push(stance);
      break;
    }
  }
}
