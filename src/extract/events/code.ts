/**
 * Event coding: verb and noun triggers, their source and target, modality,
 * date and place. This module is the stage entry: for each sentence it codes
 * the events of verb and noun triggers, adds the demands made by saying what
 * another party must do, and drops repeats. The parts beside it:
 *
 * - clauses.ts: clause boundaries and the syntax around a verb;
 * - roles.ts: source and target from the clause (the rules are in its header);
 * - discourse.ts: targets taken from events coded before;
 * - demands.ts: demands, obligations and the subjunctive;
 * - build.ts: the Event record, its code after modality;
 * - modality.ts and patterns.ts: a trigger's modality, and the trigger patterns.
 */
import type { Token } from '../../nlp/index.js';
import type { Event } from '../../types.js';
import type { Context, Mention } from '../context.js';
import { buildEvent } from './build.js';
import {
  clauseEndOf,
  clauseStartOf,
  contentGovernor,
  extendsMainClause,
  governorTrigger,
  insideQuote,
  isAdjectival,
  isPassive,
  isReducedRelative,
  previousVerb,
} from './clauses.js';
import { addressDemands, isDemandedContent, isSubjunctive, obligationDemands } from './demands.js';
import { DISCOURSE_TYPES, discourseDyad, discourseParty, earlierInSentence, referentParty } from './discourse.js';
import { modalityOf, nounModality } from './modality.js';
import { matchNoun, matchVerb, type PatternMatch, verbPatterns } from './patterns.js';
import {
  byAgent,
  distinctCodes,
  gappedSubjects,
  jointAct,
  listAfter,
  mentionAfter,
  nearestBefore,
  placeAfter,
  placeInSentence,
  placeMention,
  subjectOf,
  targetOf,
} from './roles.js';

const TRIGGER_TAGS = new Set(['VERB', 'AUX', 'NOUN', 'PROPN', 'ADJ']);

export function codeEvents(ctx: Context): void {
  const { doc } = ctx;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    if (!sentence) continue;
    const produced: { event: Event; trigger: number; governor?: number }[] = [];
    let objectEnd = -1;
    for (let i = sentence.first; i < sentence.last; i++) {
      const token = doc.tokens[i] as Token;
      // Only verbs, nouns and adjectives trigger; asked first, it spares the other tokens the tests below.
      if (!TRIGGER_TAGS.has(token.pos) || ctx.mentionAt[i] || isAdjectival(doc.tokens, i)) continue;
      // The tagger reads some verbs as nouns: "-ed/-ing" forms, and a word right after an actor
      // ("Hamas accepts truce", "Israel strikes Gaza" in headlines).
      const afterActor = !!ctx.mentionAt[i - 1] && !ctx.mentionAt[i - 1]?.possessive && !ctx.mentionAt[i - 1]?.modifier;
      if (
        token.pos === 'VERB' ||
        token.pos === 'AUX' ||
        (token.pos === 'NOUN' && (token.lower.endsWith('ed') || token.lower.endsWith('ing') || afterActor))
      ) {
        // The clause is cut only for a verb some pattern starts with: most verbs ("said", "is") have none.
        const candidates = verbPatterns(ctx.knowledge.patterns, token);
        const clauseEnd = candidates ? clauseEndOf(ctx, i, sentence.last) : sentence.last;
        const match = candidates && matchVerb(candidates, doc.tokens, i, clauseEnd);
        // "put forward demands", "stop bombing": the object of a verb pattern is not a verb event of its own.
        if (match && i < objectEnd) {
          i = match.last - 1;
          continue;
        }
        if (match) {
          produced.push(...verbEvents(ctx, match, s, clauseEnd, produced));
          objectEnd = match.object?.last ?? -1;
          i = match.last - 1;
          continue;
        }
      }
      // "cut its aid to Iraq", "suspended arms deliveries": the object of a verb pattern is part of its event.
      if (i < objectEnd) continue;
      if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'ADJ') {
        const match = matchNoun(ctx.knowledge.patterns, doc.tokens, i, sentence.last);
        if (match) {
          const event = nounEvent(ctx, match, s);
          if (event) produced.push({ event, trigger: i });
          i = match.last - 1;
        }
      }
    }
    produced.push(...obligationDemands(ctx, s));
    addressDemands(produced);
    for (const item of dedupe(produced)) ctx.events.push(item.event);
  }
  ctx.events.forEach((e, n) => {
    e.id = `e${n + 1}`;
  });
}

/** Drops an event embedded in another trigger's complement, and noun events repeating a verb event. */
function dedupe(items: { event: Event; trigger: number; governor?: number }[]): { event: Event; trigger: number }[] {
  // Most sentences code one event or none: nothing to drop, and no maps and sets to build for it.
  if (items.length < 2) return items;
  const byTrigger = new Map(items.map((x) => [x.trigger, x]));
  const kept = items.filter((x) => {
    const governor = x.governor === undefined ? undefined : byTrigger.get(x.governor);
    if (!governor) return true;
    // "is prepared to impose martial law": an offer to do harm is a threat.
    if (governor.event.type === 'AGREE' && x.event.type === 'THREATEN') {
      Object.assign(governor.event, {
        type: 'THREATEN',
        cameo: x.event.cameo,
        goldstein: x.event.goldstein,
        quadClass: x.event.quadClass,
      });
      governor.event.rule += '+threat';
    }
    // "is willing to withdraw its troops from Lebanon": the offer is made to the embedded act's target.
    if ((!governor.event.target || governor.event.target.implicit) && x.event.target && !x.event.target.implicit) {
      governor.event.target = x.event.target;
    }
    return false;
  });
  const seen = new Set<string>();
  const sameAct = new Set<string>();
  const out: { event: Event; trigger: number }[] = [];
  // Verb events first so that a noun event repeating one is the one dropped.
  const ordered = [...kept].sort((a, b) => Number(a.event.rule.includes('.n.')) - Number(b.event.rule.includes('.n.')));
  for (const item of ordered) {
    const e = item.event;
    const key = `${e.type}|${e.source.code}|${e.target?.code ?? ''}|${e.negated}|${e.hypothetical}`;
    // ", killing 20 people", "... and wounded two others": the same act told on, not a new event.
    const act = `${e.type}|${e.source.code}|${e.negated}|${e.hypothetical}`;
    // Two verbs may report two acts of one dyad ("traded attacks ..., and said it had launched strikes");
    // a noun repeating a verb's act ("Canada's support" after "backed") is the same act.
    const isNoun = e.rule.includes('.n.');
    if ((isNoun && seen.has(key)) || (e.rule.includes('/extends') && sameAct.has(act))) continue;
    seen.add(key);
    sameAct.add(act);
    out.push(item);
  }
  return out.sort((a, b) => a.trigger - b.trigger);
}

/** Armed and political movements within a state: naming one makes a scene domestic. */
const RIVAL_SECTORS = new Set(['REB', 'OPP', 'PTY']);

const REFLEXIVES = new Set(['itself', 'themselves', 'himself', 'herself', 'ourselves', 'myself']);

function verbEvents(
  ctx: Context,
  match: PatternMatch,
  sentence: number,
  clauseEnd: number,
  produced: readonly { event: Event }[],
): { event: Event; trigger: number; governor?: number }[] {
  const tokens = ctx.doc.tokens;
  const i = match.first;
  const clauseStart = clauseStartOf(ctx, i);
  const s = ctx.doc.sentences[sentence] as { first: number; last: number };
  const modality = modalityOf(tokens, i, clauseStart, s.last);
  // "would deploy and take control", "to protect civilians and allow aid": the extension shares the first verb's mood.
  if (extendsMainClause(tokens, i, s.first)) {
    // "to protect civilians and allow aid": a coordinated verb may extend an infinitive; a participle
    // (", urging him") extends the finite verb of its clause.
    const coordinated = !tokens[i]?.lower.endsWith('ing');
    const main = previousVerb(ctx, s.first, i, coordinated);
    if (main !== undefined) {
      const inherited = modalityOf(tokens, main, clauseStartOf(ctx, main), s.last);
      modality.hypothetical ||= inherited.hypothetical;
      modality.intent ||= inherited.intent;
      modality.negated ||= inherited.negated;
      modality.cues.push(...inherited.cues);
    }
  }
  const governor =
    contentGovernor(tokens, clauseStart) ??
    (modality.intent || modality.hypothetical ? governorTrigger(tokens, i, clauseStart) : undefined);

  if (isDemandedContent(tokens, clauseStart)) {
    modality.hypothetical = true;
    modality.cues.push('demand that');
  } else if (isSubjunctive(ctx, i, clauseStart)) {
    modality.hypothetical = true;
    modality.cues.push('that ... subjunctive');
  }
  const passive = isPassive(tokens, i, match.last);
  // "the hostages held there": a participle after its noun names no actor unless a by-phrase does.
  const reducedRelative =
    !passive && isReducedRelative(tokens, i) && (previousVerb(ctx, clauseStart, i) ?? -1) >= clauseStart;
  let sources: Mention[] = [];
  let target: Mention | undefined;
  let sourceRule = extendsMainClause(tokens, i, s.first) ? 'extends' : 'subject';
  if (passive) {
    const agent = byAgent(ctx, match.last, clauseEnd);
    const patient = subjectOf(ctx, i, clauseStart);
    if (agent) sources = [agent];
    target = patient[0];
    sourceRule = 'passive-agent';
  } else if (reducedRelative) {
    const agent = byAgent(ctx, match.last, clauseEnd);
    if (agent) sources = [agent];
    sourceRule = 'passive-agent';
  } else {
    sources = subjectOf(ctx, i, clauseStart);
  }
  if (
    !sources.length &&
    clauseStart === s.first &&
    (match.pattern.type === 'ASSAULT' || match.pattern.type === 'COERCE')
  ) {
    // "A roadside bomb near Samarra killed a U.S. soldier": an unattributed attack on someone is coded to where it happened.
    const place = placeInSentence(ctx, sentence);
    const victim = target ?? targetOf(ctx, match, clauseEnd, []);
    if (place?.country && victim) {
      sources = [placeMention(ctx, place.country, place.span.start, place.span.end)];
      sourceRule = 'place';
    }
  }
  // An unknown person coded UNK carries nothing; a known organisation without a state (al-Qaeda) does.
  sources = sources.filter(
    (m) => m.actor.code !== 'UNK' || m.actor.kind === 'organization' || m.actor.kind === 'group',
  );
  // "Both sides agreed": the pair of the latest interaction reported, rather than the last two names.
  if (sources[0]?.via === 'pair') sources = discourseDyad(ctx, sentence) ?? sources;
  const dyad = (m: Mention | undefined) =>
    m?.via === 'pair'
      ? discourseDyad(ctx, sentence)?.find((x) => !sources.some((y) => y.actor.code === x.actor.code))
      : undefined;
  // Inside a quotation, "they" and "he" speak from the quoted person's view: no antecedent of ours is safe.
  if (insideQuote(ctx, i, s.first)) sources = sources.filter((m) => m.via !== 'pronoun');
  if (!sources.length) return [];

  // "Israel and Hamas agreed to a ceasefire and an exchange of Israeli hostages": two parties acting together
  // take a target only from the object or the pattern's prepositions, not from anywhere later in the clause.
  const together = distinctCodes(sources).length > 1;
  // "discussed the return of children deported to Russia": a consultation's partner is its object or comes after
  // "with"/"between", not any actor in the topic discussed.
  const searchClause = !together && match.pattern.type !== 'CONSULT';
  if (!target && !(together && match.pattern.symmetric))
    target = targetOf(ctx, match, clauseEnd, sources, searchClause);
  // "Trump received the two ministers": the pair of the latest act, the one that is not the source.
  if (target?.via === 'pair') target = dyad(target) ?? target;
  if (!target && match.pattern.requireActorObject) return [];
  const needsTarget = match.pattern.requireTarget;
  // "The United States and Jordan agreed", "X and Y clashed": with no other party, the subjects act on each other.
  if (!target && distinctCodes(sources).length > 1) {
    const [a, b] = distinctCodes(sources);
    return [
      {
        event: buildEvent(ctx, match, sentence, a as Mention, b as Mention, modality, `${sourceRule}+mutual`),
        trigger: i,
        governor,
      },
    ];
  }
  if (!target) target = referentParty(ctx, match, produced, sources);
  if (!target) target = earlierInSentence(ctx, sentence, i, sources);
  if (!target) {
    const place = placeInSentence(ctx, sentence);
    // "a stronghold on the Thai border": a border places the act between two states and names neither as target.
    const after = place ? ctx.doc.tokens.findIndex((t) => t.start >= place.span.end) : -1;
    const border =
      ['border', 'frontier'].includes(ctx.doc.tokens[after]?.lower ?? '') && ctx.doc.tokens[after + 1]?.pos !== 'NOUN';
    if (place?.country && !border && !sources.some((m) => m.actor.code === place.country)) {
      target = placeMention(ctx, place.country, place.span.start, place.span.end);
    }
  }
  // "Israel would defend itself": a reflexive object is the source itself, not someone to infer.
  const reflexive = REFLEXIVES.has(ctx.doc.tokens[match.last]?.lower ?? '');
  // "vowed to fight on until the RSF is defeated": a group of the source's own state named in the sentence makes
  // it a domestic scene, not a reaction to the foreign party under discussion.
  // Only looked at when a target from the context is needed; the sentence's own tokens, not every mention.
  const domesticRival = () => {
    for (let k = s.first; k < s.last; k++) {
      const m = ctx.mentionAt[k];
      if (
        m?.actor.kind === 'group' &&
        RIVAL_SECTORS.has(m.actor.sector ?? '') &&
        sources.some((x) => x.actor.code === m.actor.code && x.actor !== m.actor)
      )
        return true;
    }
    return false;
  };
  if (!target && !reflexive && DISCOURSE_TYPES.has(match.pattern.type) && !domesticRival())
    target = discourseParty(ctx, sentence, sources, match.pattern.type);

  // A meeting with no one named ("the Cabinet met Sunday") is internal business, not a consultation between actors;
  // "sent a team" with no recipient is no aid.
  if ((match.pattern.type === 'CONSULT' || needsTarget) && !target) return [];
  const out: { event: Event; trigger: number; governor?: number }[] = [];
  for (const source of jointAct(ctx, match, sources) ? distinctCodes(sources).slice(0, 1) : distinctCodes(sources)) {
    if (target && target.actor.code === source.actor.code && target.actor === source.actor) continue;
    out.push({ event: buildEvent(ctx, match, sentence, source, target, modality, sourceRule), trigger: i, governor });
  }
  // "Germany pledged 125 million euros and the European Union 282.5 million euros": the gapped subject does it too.
  for (const gapped of gappedSubjects(ctx, match.last, clauseEnd)) {
    if (sources.some((m) => m.actor.code === gapped.actor.code) || gapped.actor.code === target?.actor.code) continue;
    out.push({
      event: buildEvent(ctx, match, sentence, gapped, target, modality, 'gapped'),
      trigger: i,
      governor,
    });
  }
  return out;
}

function nounEvent(ctx: Context, match: PatternMatch, sentence: number): Event | undefined {
  const tokens = ctx.doc.tokens;
  const i = match.first;
  const s = ctx.doc.sentences[sentence] as { first: number; last: number };
  // Source: a possessive or adjective just before the noun phrase ("Russia's invasion", "Russian aggression").
  let source: Mention | undefined;
  for (let k = i - 1; k >= s.first && k >= i - 4; k--) {
    const m = ctx.mentionAt[k];
    if (m) {
      if (m.possessive || m.modifier || m.last === i || tokens[m.last]?.lower === "'s") source = m;
      break;
    }
    const t = tokens[k] as Token;
    if (
      !(
        t.pos === 'ADJ' ||
        t.pos === 'NOUN' ||
        t.pos === 'PUNCT' ||
        t.lower === "'s" ||
        t.pos === 'NUM' ||
        t.pos === 'ADV'
      )
    )
      break;
  }
  let k = match.last;
  // "by X" agent; "criticism from the African Union", "aid from Canada".
  if (tokens[k]?.lower === 'by' || (tokens[k]?.lower === 'from' && !match.pattern.targetPreps.includes('from'))) {
    const agent = mentionAfter(ctx, k + 1, s.last);
    if (agent) {
      source = agent;
      k = agent.last;
    }
  }
  let target: Mention | undefined;
  // "a pledge of $200 million to Ukraine", "delivery of air defence systems to Ukraine": the target
  // preposition may follow what is pledged or delivered.
  const ofTarget = match.pattern.targetPreps.includes('of') && (ctx.mentionAt[k + 1] || ctx.placeAt[k + 1]);
  if (tokens[k]?.lower === 'of' && !ofTarget) {
    for (let j = k + 1; j < s.last && j < k + 8; j++) {
      const t = tokens[j] as Token;
      if (ctx.mentionAt[j] || t.text === ',' || t.pos === 'VERB' || t.pos === 'AUX') break;
      if (match.pattern.targetPreps.includes(t.lower) && t.lower !== 'of') {
        k = j;
        break;
      }
    }
  }
  const prep = tokens[k]?.lower ?? '';
  const symmetric = match.pattern.symmetric;
  if (prep === 'between' && symmetric) {
    const parties = listAfter(ctx, k + 1, s.last);
    const distinct = distinctCodes(parties);
    if (distinct.length >= 2) {
      source = distinct[0];
      target = distinct[1];
    }
  } else if (match.pattern.targetPreps.includes(prep)) {
    target = mentionAfter(ctx, k + 1, s.last);
    const place = target ? undefined : placeAfter(ctx, k + 1, s.last);
    if (place?.country) target = placeMention(ctx, place.country, place.span.start, place.span.end);
    if (target && !source && symmetric && prep === 'with') source = nearestBefore(ctx, i, s.first, target);
  }
  if (!source || !target || source.actor.code === target.actor.code) return undefined;
  const modality = nounModality(tokens, i, s.first);
  return buildEvent(ctx, match, sentence, source, target, modality, 'noun');
}
