/**
 * Negotiation issues and stances. An issue term ("ceasefire", "the 28-point
 * plan") belongs to the event or statement of its own clause: the event whose
 * trigger shares the clause (the nearest one before the term, else after),
 * else the statement whose content holds the term. That carrier's actor then
 * holds a stance on the issue:
 *
 * - a condition in the clause ("only if", "would depend on") -> conditions;
 * - a proposing trigger ("proposed", "offered to") -> proposes;
 * - else the event type: REQUEST demands, SUPPORT/AGREE supports,
 *   REJECT/ACCUSE opposes;
 * - else (statements, warnings) the cue word nearest the term ("must",
 *   "unacceptable", "welcomed").
 *
 * Clauses are cut here rather than taken from event evidence because one
 * sentence often carries two stances ("agreed to the ceasefire but wanted to
 * see the sincerity of the Cambodian side"), and the evidence of an event is
 * its whole sentence.
 */
import type { Token } from '../nlp/index.js';
import type { ActorRef, Event, EventType, Span, StancePosition, Statement } from '../types.js';
import { type Context, refOf, sentenceSpan, span } from './context.js';

const POSITION_OF: Partial<Record<EventType, StancePosition>> = {
  REQUEST: 'demands',
  SUPPORT: 'supports',
  AGREE: 'supports',
  CONCEDE: 'supports',
  REJECT: 'opposes',
  ACCUSE: 'opposes',
};
/** Types whose two parties act together when both are named before the trigger ("Israel and Hamas have agreed"). */
const JOINT_TYPES = new Set<EventType>(['AGREE', 'SUPPORT', 'REJECT', 'REQUEST', 'RETREAT', 'CONCEDE']);
const PROPOSING_TRIGGER = /^(propos|offer|put forward|unveil|tabl|suggest|raise)/i;
/** "on condition of anonymity" is about the source of the report, not a condition on the issue. */
const CONDITION =
  /\b(only if|provided (?:that )?\w|as long as|on condition that|would depend on|depends? on|unless|without guarantees?|in exchange for|would need|wanted to see|did not include)\b/i;
/**
 * Cue words for carriers whose type says nothing about a stance (statements,
 * warnings): the cue nearest to the issue term decides. Order breaks ties.
 */
const CUES: [StancePosition, RegExp][] = [
  ['proposes', /\b(propos(?:ed|es|ing)|offered to|put forward|raised the question)\b/gi],
  [
    'opposes',
    /\b(reject\w*|refus\w*|oppos\w*|unacceptable|resist\w*|will not|would not|won't|propaganda|not a serious|theft|block|condemn\w*|criticis\w*|criticiz\w*|dismiss\w*|retaliation|pointless)\b/gi,
  ],
  [
    'demands',
    /\b(must|should|urg\w+|calls? for|called for|calls? on|called on|demand\w*|insist\w*|need for|needs? to|priority|requires?|would require|push for|press\w* for)\b/gi,
  ],
  [
    'supports',
    /\b(welcom\w*|agree[ds]?|agreeing|accept\w*|ready (?:to|for)|committed to|support(?:s|ed)?|endors\w*|signed|back(?:s|ed)|thank\w*|remain in force)\b/gi,
  ],
];
/** Words that start a new clause inside a sentence. */
const CLAUSE_WORDS = new Set([
  ';',
  ':',
  'but',
  'though',
  'although',
  'whereas',
  'while',
  'because',
  'unless',
  'if',
  'whether',
  'after',
  'before',
  'since',
  'until',
  'when',
  'where',
  'which',
  'who',
]);
/** A generic plan word yields to the issue it is for ("a proposal for a 30-day ceasefire" is about the ceasefire). */
const GENERIC_PLAN = /^(proposal|plan|deal|agreement|settlement|negotiations|initiative|framework)$/;
/** Criticism that a plan draws from someone named after it ("drew criticism from the African Union"). */
const DRAWN_CRITICISM =
  /\b(?:dr[ae]w[ns]?|drawn)\s+(?:\w+\s+)?(?:criticism|condemnation|fire|objections)\b[^.;]*?\b(?:among|from|by)\s/i;

interface TermHit {
  issue: string;
  /** Token index where the term starts. */
  at: number;
  start: number;
  end: number;
  form: string;
}

export function readStances(ctx: Context): void {
  const clauses = clauseIds(ctx);
  const hits = issueTerms(ctx);
  const seen = new Set<string>();
  const add = (
    actor: ActorRef,
    issue: string,
    position: StancePosition,
    evidence: Span,
    rule: string,
    from?: Event | Statement,
    date?: string,
  ) => {
    const key = `${actor.code}|${issue}|${position}|${evidence.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    const when = date ?? ctx.article.date;
    ctx.stances.push({
      id: `st${ctx.stances.length + 1}`,
      actor,
      issue,
      position,
      ...(from ? { fromId: from.id } : {}),
      ...(when ? { date: when } : {}),
      evidence,
      rule,
    });
  };

  for (const hit of hits) {
    const clause = clauses[hit.at] as number;
    const { before, after } = carrierEvents(ctx, hit, clause, clauses);
    const statement = carrierStatement(ctx, hit);
    const event = before ?? (statement ? undefined : after);
    // A pledge with money is a commitment, not a stance on the aid it buys.
    if (event && event.amounts.length > 0) continue;
    if (event) {
      if (!event.issues.includes(hit.issue)) event.issues.push(hit.issue);
      if (event.negated || blamesActor(event, hit)) continue;
      const read = positionOfEvent(ctx, event, hit, clauses);
      if (!read) continue;
      if (event.hypothetical && read.position === 'supports') continue;
      for (const actor of actorsOf(event))
        add(actor, hit.issue, read.position, event.evidence, read.rule, event, event.date);
      continue;
    }
    if (statement) {
      const cue = cueNear(ctx, hit, clauses);
      if (!cue) continue;
      for (const actor of holdersIn(ctx, hit, clauses, statement, cue))
        add(actor, hit.issue, cue.position, statement.evidence, `stance.statement.${cue.position}`, statement);
    }
  }
  proposersOfPlans(ctx, hits, add);
  criticsOfPlans(ctx, hits, clauses, add);
}

/** Every issue term in the text, with generic plan words dropped where a specific issue follows them. */
function issueTerms(ctx: Context): TermHit[] {
  const tokens = ctx.doc.tokens;
  const hits: TermHit[] = [];
  let coveredTo = -1;
  for (const t of tokens) {
    if (t.start < coveredTo) continue;
    const match = ctx.knowledge.issueTerms.longestAt(ctx.doc.text, ctx.lower, t.start, ctx.tokenAtEnd);
    if (!match) continue;
    coveredTo = match.end;
    for (const issue of new Set(match.values))
      hits.push({ issue, at: t.i, start: match.start, end: match.end, form: match.form.toLowerCase() });
  }
  return hits.filter((h) => {
    if (h.issue !== 'peace-plan' || !GENERIC_PLAN.test(h.form)) return true;
    const next = tokens[h.at + 1]?.lower;
    if (next !== 'for' && next !== 'on' && next !== 'over') return true;
    return !hits.some((o) => o.issue !== 'peace-plan' && o.at > h.at + 1 && o.at <= h.at + 7);
  });
}

/**
 * A clause number for every token. A clause ends at a clause word, at ", and"
 * or ", which", and at "and" before a verb ("... ceasefire and warned that").
 */
function clauseIds(ctx: Context): number[] {
  const tokens = ctx.doc.tokens;
  const ids = new Array<number>(tokens.length);
  let id = 0;
  let sentence = -1;
  for (const t of tokens) {
    const next = tokens[t.i + 1];
    const prev = tokens[t.i - 1];
    const opens =
      t.sentence !== sentence ||
      (CLAUSE_WORDS.has(t.lower) && !ctx.mentionAt[t.i]) ||
      (t.lower === 'and' &&
        (prev?.text === ',' || next?.pos === 'VERB' || next?.pos === 'AUX' || next?.lower === 'that')) ||
      // A relative "that" after a noun ("the war that has devastated the territory"); after a verb it opens content.
      (t.lower === 'that' && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN'));
    if (opens) id++;
    sentence = t.sentence;
    ids[t.i] = id;
  }
  return ids;
}

/**
 * The events of the term's clause: the nearest trigger before the term (one
 * whose type carries a stance first: "should impose sanctions" is a demand
 * before it is a sanction), and the nearest after it.
 */
function carrierEvents(
  ctx: Context,
  hit: TermHit,
  clause: number,
  clauses: number[],
): { before?: Event; after?: Event } {
  let before: { event: Event; rank: number } | undefined;
  let after: { event: Event; rank: number } | undefined;
  for (const event of ctx.events) {
    const i = (ctx.tokenAtStart[event.trigger.start] as number) - 1;
    if (i < 0 || clauses[i] !== clause) continue;
    if (event.trigger.start <= hit.start) {
      const rank = hit.at - i + (POSITION_OF[event.type] ? 0 : 1000);
      if (!before || rank < before.rank) before = { event, rank };
    } else {
      const rank = i - hit.at;
      if (!after || rank < after.rank) after = { event, rank };
    }
  }
  return { ...(before ? { before: before.event } : {}), ...(after ? { after: after.event } : {}) };
}

/**
 * Who holds a stance reported in a statement: the subject of the cue (the
 * term's `cueNear`) inside the content ("Israel and Lebanon accepted a
 * ceasefire, Biden said"), else the speaker.
 */
function holdersIn(
  ctx: Context,
  hit: TermHit,
  clauses: number[],
  statement: Statement,
  cue: { position: StancePosition; at: number },
): ActorRef[] {
  const tokens = ctx.doc.tokens;
  if (cue.at < hit.at) {
    let first = cue.at;
    while (first > 0 && clauses[first - 1] === clauses[hit.at]) first--;
    const from = Math.max(
      first,
      tokens.findIndex((t) => t.start >= statement.content.start),
    );
    const subjects: ActorRef[] = [];
    for (let k = from; k < cue.at; k++) {
      const m = ctx.mentionAt[k];
      if (!m || m.modifier || m.possessive || m.first !== k) continue;
      if (tokens[m.first - 1]?.pos === 'ADP') continue;
      subjects.push(refOf(ctx, m));
    }
    if (subjects.length) return subjects;
  }
  return [statement.speaker];
}

function carrierStatement(ctx: Context, hit: TermHit): Statement | undefined {
  let best: Statement | undefined;
  for (const s of ctx.statements) {
    if (s.content.start > hit.start || hit.end > s.content.end) continue;
    if (!best || s.content.end - s.content.start < best.content.end - best.content.start) best = s;
  }
  return best;
}

function positionOfEvent(
  ctx: Context,
  event: Event,
  hit: TermHit,
  clauses: number[],
): { position: StancePosition; rule: string } | undefined {
  const type = event.type.toLowerCase();
  const trigger = (ctx.tokenAtStart[event.trigger.start] || hit.at + 1) - 1;
  if (CONDITION.test(clauseText(ctx, clauses, Math.min(trigger, hit.at)).replace(/on condition of anonymity/gi, '')))
    return { position: 'conditions', rule: `stance.${type}+condition` };
  if (PROPOSING_TRIGGER.test(event.trigger.text)) return { position: 'proposes', rule: `stance.${type}+proposal` };
  const position = POSITION_OF[event.type];
  if (position) return { position, rule: `stance.${type}` };
  const cue = cueNear(ctx, hit, clauses);
  return cue ? { position: cue.position, rule: `stance.${type}+cue` } : undefined;
}

/** Text of the clause that holds token `i`, conditions included from its start to its end. */
function clauseText(ctx: Context, clauses: number[], i: number): string {
  const tokens = ctx.doc.tokens;
  let first = i;
  let last = i;
  while (first > 0 && clauses[first - 1] === clauses[i]) first--;
  while (last + 1 < tokens.length && clauses[last + 1] === clauses[i]) last++;
  // A conditional clause right after ("..., provided Washington came", "only if ...") qualifies this one.
  const next = tokens[last + 1];
  if (next && (next.lower === 'unless' || next.lower === 'if' || next.text === ',')) {
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).sentence === (tokens[i] as Token).sentence) {
      last++;
      if (tokens[last]?.text === ',' && last > i + 1) break;
    }
  }
  return ctx.doc.text.slice((tokens[first] as Token).start, (tokens[last] as Token).end);
}

/** The cue word in the term's clause nearest the term, with the token it starts on. */
function cueNear(ctx: Context, hit: TermHit, clauses: number[]): { position: StancePosition; at: number } | undefined {
  const tokens = ctx.doc.tokens;
  let first = hit.at;
  let last = hit.at;
  while (first > 0 && clauses[first - 1] === clauses[hit.at]) first--;
  while (last + 1 < tokens.length && clauses[last + 1] === clauses[hit.at]) last++;
  const from = (tokens[first] as Token).start;
  const text = ctx.doc.text.slice(from, (tokens[last] as Token).end);
  const condition = CONDITION.exec(text.replace(/on condition of anonymity/gi, (x) => ' '.repeat(x.length)));
  if (condition) return { position: 'conditions', at: tokenOf(ctx, from + condition.index, first) };
  let best: { position: StancePosition; distance: number; at: number } | undefined;
  for (const [position, re] of CUES) {
    for (const m of text.matchAll(re)) {
      const at = from + m.index;
      const distance = at < hit.start ? hit.start - (at + m[0].length) : at - hit.end;
      if (!best || distance < best.distance) best = { position, distance, at };
    }
  }
  return best && { position: best.position, at: tokenOf(ctx, best.at, first) };
}

function tokenOf(ctx: Context, offset: number, from: number): number {
  const tokens = ctx.doc.tokens;
  let k = from;
  while (k + 1 < tokens.length && (tokens[k + 1] as Token).start <= offset) k++;
  return k;
}

/**
 * "accused Putin of pretending to show interest in peace efforts": blame
 * aimed at an actor named before the term is not opposition to the issue.
 */
function blamesActor(event: Event, hit: TermHit): boolean {
  const target = event.target?.mention;
  return (
    (event.type === 'ACCUSE' || event.type === 'REJECT') &&
    !!target &&
    !event.target?.implicit &&
    target.start >= event.trigger.end &&
    target.end <= hit.start
  );
}

/** The source, and the target too when both are named before the trigger as joint subjects. */
function actorsOf(event: Event): ActorRef[] {
  const target = event.target;
  const joint =
    JOINT_TYPES.has(event.type) &&
    target?.mention &&
    !target.implicit &&
    target.code !== event.source.code &&
    target.mention.start >= event.evidence.start &&
    target.mention.end <= event.trigger.start &&
    (event.source.mention?.start ?? Number.POSITIVE_INFINITY) < target.mention.start &&
    /^\s*(?:and|,)/.test(event.evidence.text.slice((event.source.mention?.end ?? 0) - event.evidence.start));
  return joint ? [event.source, target] : [event.source];
}

type Add = (actor: ActorRef, issue: string, position: StancePosition, evidence: Span, rule: string) => void;

/**
 * "the U.S. peace proposal", "Russia's 28-point plan", "a U.S. proposal for a
 * 30-day ceasefire": the actor named before a plan proposes it, on the issue
 * the plan is for.
 */
function proposersOfPlans(ctx: Context, hits: TermHit[], add: Add): void {
  const tokens = ctx.doc.tokens;
  for (const m of ctx.mentions) {
    if (!(m.modifier || m.possessive) || m.first < 0) continue;
    let k = m.last;
    if (tokens[k]?.lower === "'s") k++;
    for (let j = k; j < k + 3 && j < tokens.length; j++) {
      const t = tokens[j] as Token;
      if (!/^(plan|proposal|initiative|roadmap|proposals|plans)$/.test(t.lower)) continue;
      // Read in a function of its own: its closures would otherwise cost every word looked at an allocation.
      const issue = planIssue(tokens, hits, k, j);
      if (issue) add(refOf(ctx, m), issue, 'proposes', sentenceSpan(ctx, t.sentence), 'stance.proposer-of-plan');
      break;
    }
  }
}

/** The issue of the plan word at token `j`, named from token `k`: the issue it is for, or the peace plan it is. */
function planIssue(tokens: Token[], hits: TermHit[], k: number, j: number): string | undefined {
  const forIssue = tokens[j + 1]?.lower === 'for' ? hits.find((h) => h.at > j + 1 && h.at <= j + 7) : undefined;
  const plan = hits.find((h) => h.at <= j && h.at >= k && h.issue === 'peace-plan');
  return forIssue?.issue ?? (plan ? 'peace-plan' : undefined);
}

/** "A U.S. peace proposal has drawn criticism ... among European leaders": the critics oppose the plan. */
function criticsOfPlans(ctx: Context, hits: TermHit[], clauses: number[], add: Add): void {
  for (const hit of hits) {
    if (hit.issue !== 'peace-plan') continue;
    const sentence = ctx.doc.sentences[(ctx.doc.tokens[hit.at] as Token).sentence];
    if (!sentence) continue;
    const rest = ctx.doc.text.slice(hit.end, sentence.end);
    const m = DRAWN_CRITICISM.exec(rest);
    if (!m || m.index > 40) continue;
    const from = hit.end + m.index + m[0].length;
    const critic = ctx.mentions.find((x) => x.first >= 0 && x.start >= from && x.start <= from + 30);
    if (!critic || clauses[critic.first] !== clauses[hit.at]) continue;
    add(refOf(ctx, critic), 'peace-plan', 'opposes', span(ctx, sentence.start, sentence.end), 'stance.drawn-criticism');
  }
}
