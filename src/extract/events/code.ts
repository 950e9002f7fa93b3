/**
 * Event coding: verb and noun triggers, their source and target, modality,
 * date and place. Roles come from a shallow reading of the clause:
 *
 * - source: the subject (the nearest actor left of the verb group in its
 *   clause, with its coordinated partners), the subject of the main clause
 *   for a participle (", urging him") or a coordinated verb ("... and
 *   cautioned"), or the `by` agent of a passive;
 * - target: the direct object, else the actor after one of the pattern's
 *   prepositions, else the first actor after the trigger in the clause, else
 *   another actor earlier in the sentence, else the source's own state
 *   (domestic events, marked `implicit`).
 */
import type { CameoEntry } from '../../knowledge/schema.js';
import type { Token } from '../../nlp/index.js';
import type { ActorRef, Event, EventType, QuadClass } from '../../types.js';
import { type Context, type Mention, refOf, sentenceSpan, tokenSpan } from '../context.js';
import { type Modality, modalityOf } from './modality.js';
import { matchNoun, matchVerb, type PatternMatch } from './patterns.js';

const CLAUSE_OPENERS = new Set([
  ';',
  ':',
  'who',
  'which',
  'whom',
  'whose',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'but',
  'if',
  'whether',
  'unless',
  'when',
  'since',
  'after',
  'before',
  'as',
  'until',
  'where',
]);
const CLAUSE_CLOSERS = new Set([
  ';',
  'who',
  'which',
  'whom',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'but',
  'unless',
  'when',
  'until',
  'where',
  'according',
]);
const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'report',
  'confirm',
  'announce',
  'add',
  'state',
  'claim',
  'note',
  'write',
  'quote',
]);
const ADJUNCT_OPENERS = new Set([
  'after',
  'before',
  'since',
  'during',
  'amid',
  'following',
  'despite',
  'as',
  'while',
  'when',
  'because',
  'ahead',
  'until',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'some',
  'all',
  'both',
]);

const INTENT_CAMEO: Partial<Record<EventType, string>> = {
  CONSULT: '036',
  AID: '033',
  COOPERATE: '031',
  SUPPORT: '032',
  RETREAT: '034',
  CONCEDE: '034',
};
const THREAT_CAMEO: Partial<Record<EventType, string>> = {
  SANCTION: '131',
  COERCE: '137',
  ASSAULT: '138',
  PROTEST: '133',
};

export function codeEvents(ctx: Context): void {
  const { doc } = ctx;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    if (!sentence) continue;
    const produced: { event: Event; trigger: number; governor?: number }[] = [];
    let objectEnd = -1;
    for (let i = sentence.first; i < sentence.last; i++) {
      const token = doc.tokens[i] as Token;
      if (ctx.mentionAt[i] || isAdjectival(doc.tokens, i)) continue;
      // The tagger reads some verbs as nouns: "-ed/-ing" forms, and a word right after an actor
      // ("Hamas accepts truce", "Israel strikes Gaza" in headlines).
      const afterActor = !!ctx.mentionAt[i - 1] && !ctx.mentionAt[i - 1]?.possessive && !ctx.mentionAt[i - 1]?.modifier;
      if (
        token.pos === 'VERB' ||
        token.pos === 'AUX' ||
        (token.pos === 'NOUN' && (/ed$|ing$/.test(token.lower) || afterActor))
      ) {
        const clauseEnd = clauseEndOf(ctx, i, sentence.last);
        const match = matchVerb(ctx.knowledge.patterns, doc.tokens, i, clauseEnd);
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

const DEMAND_WORDS = new Set([
  'demand',
  'demands',
  'demanded',
  'demanding',
  'urge',
  'urged',
  'urging',
  'insist',
  'insisted',
  'insisting',
  'ask',
  'asked',
  'asking',
  'request',
  'requested',
  'call',
  'called',
  'calling',
  'press',
  'pressed',
  'pressing',
  'propose',
  'proposed',
  'recommend',
  'recommended',
]);

/**
 * "put forward demands, including that Ukraine withdraw its forces": a demand
 * that names no addressee is made of the party that is to do what is
 * demanded (the source of the demanded act, rule `target.demanded`).
 */
function addressDemands(produced: { event: Event; trigger: number }[]): void {
  for (const item of produced) {
    const e = item.event;
    if (e.type !== 'REQUEST' || (e.target && !e.target.implicit)) continue;
    const content = produced.find(
      (x) =>
        x.trigger > item.trigger &&
        x.event.hypothetical &&
        /demand that|subjunctive/.test(x.event.rule) &&
        x.event.source.code !== e.source.code,
    );
    if (!content) continue;
    e.target = { ...content.event.source };
    e.rule += '+target.demanded';
  }
}

/** "demanding that the Turkish government provide information": what is demanded has not happened. */
function isDemandedContent(tokens: Token[], clauseStart: number): boolean {
  if (tokens[clauseStart]?.lower !== 'that') return false;
  for (let k = clauseStart - 1; k >= 0 && k >= clauseStart - 4; k--)
    if (DEMAND_WORDS.has(tokens[k]?.lower ?? '')) return true;
  return false;
}

/** Verbs whose past tense is their base form: "that Israel cut ties" may be a plain past. */
const INVARIANT_PAST = new Set([
  'cut',
  'put',
  'hit',
  'set',
  'let',
  'shut',
  'quit',
  'spread',
  'cast',
  'beat',
  'bid',
  'hurt',
]);

/**
 * "demands ..., including that Ukraine withdraw its forces", "insisted that
 * Israel ease restrictions": a singular subject with the bare verb is the
 * mandative subjunctive, which states what someone wants done, not a fact.
 */
function isSubjunctive(ctx: Context, i: number, clauseStart: number): boolean {
  const tokens = ctx.doc.tokens;
  const verb = tokens[i] as Token;
  if (verb.lower !== verb.lemma || INVARIANT_PAST.has(verb.lower)) return false;
  let k = i - 1;
  while (k > clauseStart && tokens[k]?.pos === 'ADV') k--;
  const subject = ctx.mentionAt[k];
  if (!subject || subject.plural || subject.partner || subject.possessive || subject.via === 'pronoun') return false;
  // The subject is the whole noun phrase after "that" ("that the United States", not "that talks with Russia").
  let j = subject.first - 1;
  while (j > clauseStart && tokens[j]?.pos === 'DET') j--;
  return tokens[j]?.lower === 'that';
}

const DEMAND_SPEECH = new Set([
  'say',
  'declare',
  'reiterate',
  'announce',
  'insist',
  'conclude',
  'state',
  'stress',
  'tell',
  'add',
  'warn',
  'argue',
  'write',
  'maintain',
  'emphasize',
  'emphasise',
]);
const OBLIGATION = new Set(['must', 'should']);

/**
 * "The administration declared that China must drop barriers": a speaker
 * saying what another party must do demands it (CAMEO 10).
 */
function obligationDemands(ctx: Context, sentence: number): { event: Event; trigger: number }[] {
  const tokens = ctx.doc.tokens;
  const s = ctx.doc.sentences[sentence] as { first: number; last: number };
  const out: { event: Event; trigger: number }[] = [];
  for (let m = s.first; m < s.last; m++) {
    if (!OBLIGATION.has(tokens[m]?.lower ?? '')) continue;
    const clauseStart = clauseStartOf(ctx, m);
    const obliged = subjectOf(ctx, m, clauseStart).filter((x) => x.actor.code !== 'UNK');
    if (!obliged.length) continue;
    let k = obliged[0]?.first ?? m;
    k--;
    while (k >= s.first && (tokens[k]?.lower === 'that' || tokens[k]?.pos === 'DET')) k--;
    // The speech verb, possibly followed by a time ("said on Friday that").
    let verb = -1;
    for (let j = k; j >= s.first && j >= k - 5; j--) {
      const t = tokens[j] as Token;
      if (t.pos === 'VERB' && DEMAND_SPEECH.has(t.lemma)) {
        verb = j;
        break;
      }
    }
    if (verb < 0) continue;
    const speakers = subjectOf(ctx, verb, clauseStartOf(ctx, verb)).filter((x) => x.actor.code !== 'UNK');
    const speaker = speakers[0];
    const target = obliged.find((x) => x.actor.code !== speaker?.actor.code) ?? obliged[0];
    if (!speaker || !target) continue;
    const match: PatternMatch = {
      pattern: {
        id: 'request.obligation',
        lemma: tokens[m]?.lower ?? 'must',
        type: 'REQUEST',
        cameo: '100',
        targetPreps: [],
        objects: [],
        notObjects: [],
        symmetric: false,
        requireActorObject: false,
        requireTarget: false,
      },
      first: m,
      last: m + 1,
    };
    out.push({
      event: buildEvent(
        ctx,
        match,
        sentence,
        speaker,
        target,
        { negated: false, hypothetical: false, intent: false, cues: [] },
        'speaker+obliged',
      ),
      trigger: m,
    });
  }
  return out;
}

const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** "the besieged town", "the occupied West Bank", "rebel-held territory": participles used as adjectives. */
function isAdjectival(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  if (!before) return false;
  if (before.text === '-') return true;
  // "Ukraine's pressing needs": a participle right after a possessive qualifies the noun.
  if (before.lower === "'s" && /(ing|ed)$/.test(t.lower)) return true;
  if (!/(ed|en)$/.test(t.lower)) return false;
  // After a determiner, an adjective or a possessive ("its occupied territories", "the forcibly transferred
  // children"), not after a subject ("He congratulated").
  const head = before.pos === 'ADV' ? tokens[i - 2] : before;
  if (!head) return false;
  return (
    head.pos === 'DET' ||
    head.pos === 'ADJ' ||
    POSSESSIVE_PRONOUNS.has(head.lower) ||
    (before.pos === 'ADV' && head.pos === 'ADP')
  );
}

/** Drops an event embedded in another trigger's complement, and noun events repeating a verb event. */
function dedupe(items: { event: Event; trigger: number; governor?: number }[]): { event: Event; trigger: number }[] {
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

/** An actor after "and" that is followed straight by a sum of money: the subject of a gapped clause. */
function isGapped(ctx: Context, m: Mention): boolean {
  const tokens = ctx.doc.tokens;
  const before = tokens[m.first - 1]?.pos === 'DET' ? tokens[m.first - 2] : tokens[m.first - 1];
  const next = tokens[m.last];
  return before?.lower === 'and' && !!next && ctx.amounts.some((a) => a.span.start === next.start);
}

function gappedSubjects(ctx: Context, from: number, clauseEnd: number): Mention[] {
  const out: Mention[] = [];
  for (let k = from; k < clauseEnd; k++) {
    const m = ctx.mentionAt[k];
    if (!m || m.first !== k) continue;
    if (isGapped(ctx, m)) out.push(m);
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

function nounModality(tokens: Token[], i: number, first: number): Modality {
  const cues: string[] = [];
  let hypothetical = false;
  let negated = false;
  for (let k = Math.max(first, i - 5); k < i; k++) {
    const t = tokens[k] as Token;
    if (
      [
        'possible',
        'possibility',
        'potential',
        'proposed',
        'planned',
        'future',
        'prospect',
        'threat',
        'risk',
        'if',
        'whether',
        'would',
        'could',
        'may',
        'might',
        'any',
      ].includes(t.lower)
    ) {
      hypothetical = true;
      cues.push(t.text);
    }
    if (t.lower === 'to' && tokens[k + 1]?.pos === 'VERB') {
      hypothetical = true;
      cues.push(`to ${tokens[k + 1]?.text}`);
    }
    if (t.lower === 'no' || t.lower === 'without') {
      negated = true;
      cues.push(t.text);
    }
  }
  return { negated, hypothetical, intent: false, cues };
}

function buildEvent(
  ctx: Context,
  match: PatternMatch,
  sentence: number,
  source: Mention,
  target: Mention | undefined,
  modality: Modality,
  roleRule: string,
): Event {
  const pattern = match.pattern;
  let type: EventType = pattern.type;
  let cameo = pattern.cameo;
  let negated = modality.negated;
  let rule = `${pattern.id}/${roleRule}`;
  if (target && (target.via === 'referent' || target.via === 'discourse')) rule += `+${target.rule}`;
  const hypothetical = modality.hypothetical;
  const quad = quadOf(ctx.knowledge.cameo.get(cameo.slice(0, 2).padStart(2, '0')));
  const conditional = modality.intent && hasLaterCondition(ctx, match.last, sentence);
  if (conditional && !negated && !hypothetical && type !== 'THREATEN') {
    // "will withdraw its force from Chad unless ...": an act announced on a condition is a threat.
    type = 'THREATEN';
    cameo = '130';
    rule += '+conditional';
  } else if (modality.intent && !hypothetical) {
    if (negated && (quad === 1 || quad === 2) && type !== 'REJECT') {
      type = 'REJECT';
      cameo = '120';
      negated = false;
      rule += '+refused-intent';
    } else if (!negated && (quad === 1 || quad === 2) && INTENT_CAMEO[type]) {
      cameo = INTENT_CAMEO[type] as string;
      type = 'AGREE';
      rule += '+intent';
    } else if (!negated && THREAT_CAMEO[type]) {
      cameo = THREAT_CAMEO[type] as string;
      type = 'THREATEN';
      rule += '+intent';
    }
  }
  const entry = lookupCameo(ctx, cameo);
  const triggerSpan = tokenSpan(ctx, match.first, match.object ? Math.max(match.last, match.object.last) : match.last);
  const dateMention = ctx.dates.find((d) =>
    ctx.doc.tokens.some((t) => t.sentence === sentence && t.start === d.span.start),
  );
  const place = placeInSentence(ctx, sentence);
  const targetRef: ActorRef | null = target ? refOf(ctx, target) : domesticTarget(ctx, source);
  const event: Event = {
    id: '',
    type,
    cameo,
    goldstein: entry?.goldstein ?? 0,
    quadClass: quadOf(entry) ?? 1,
    source: refOf(ctx, source),
    target: targetRef,
    negated,
    hypothetical,
    trigger: triggerSpan,
    evidence: sentenceSpan(ctx, sentence),
    amounts: [],
    issues: [],
    rule,
  };
  if (pattern.mode) event.mode = pattern.mode;
  const date = dateMention?.value ?? ctx.article.date;
  if (date) event.date = date;
  if (place) event.place = place;
  if (modality.cues.length) event.rule += ` [${modality.cues.join(', ')}]`;
  return event;
}

function insideQuote(ctx: Context, i: number, first: number): boolean {
  let open = false;
  for (let k = first; k < i; k++) {
    const text = ctx.doc.tokens[k]?.text ?? '';
    if (text === '\u201c') open = true;
    else if (text === '\u201d') open = false;
    else if (text === '"') open = !open;
  }
  return open;
}

function hasLaterCondition(ctx: Context, from: number, sentence: number): boolean {
  const s = ctx.doc.sentences[sentence] as { last: number };
  // "unless" conditions a threat; "if" usually conditions an offer ("would meet him if ...").
  for (let k = from; k < s.last; k++) if (ctx.doc.tokens[k]?.lower === 'unless') return true;
  return false;
}

function lookupCameo(ctx: Context, code: string): CameoEntry | undefined {
  const table = ctx.knowledge.cameo;
  return table.get(code) ?? table.get(code.slice(0, 3)) ?? table.get(code.slice(0, 2));
}

function quadOf(entry: CameoEntry | undefined): QuadClass | undefined {
  return entry?.quad as QuadClass | undefined;
}

/**
 * With no target named, an actor inside a state (a person, a sector, a
 * group) acts on its own state: a domestic event. A state acting on no one
 * has no target.
 */
function domesticTarget(ctx: Context, source: Mention): ActorRef | null {
  const code = source.actor.code;
  const country = ctx.knowledge.countries.get(code);
  // Only states have a domestic scene: "the United Nations condemned the strikes" has no target, not the UN itself.
  // A state, or its government named by capital or seat ("Islamabad called for an inquiry"), acting on no one has no target.
  // "Ankara's district administration denied ..." is a body inside the state, which keeps its domestic scene.
  if (!country || (source.actor.kind === 'state' && !source.possessive)) return null;
  return { actorId: code, code, name: country.name, kind: 'state', implicit: true };
}

function distinctCodes(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    if (seen.has(m.actor.code)) return false;
    seen.add(m.actor.code);
    return true;
  });
}

/** "the hostages held there", "children forcibly transferred to Russia": a participle after its noun, adverbs between. */
function isReducedRelative(tokens: Token[], i: number): boolean {
  const verb = tokens[i] as Token;
  const before = tokens[nounBefore(tokens, i)];
  return !!before && before.pos === 'NOUN' && /(ed|en|wn|ld|nt)$/.test(verb.lower) && verb.lower !== verb.lemma;
}

/** The token before `i`, skipping at most two manner or time adverbs in -ly ("villages recently attacked"). */
function nounBefore(tokens: Token[], i: number): number {
  let k = i - 1;
  while (k > i - 3 && tokens[k]?.pos === 'ADV' && /ly$/.test(tokens[k]?.lower ?? '')) k--;
  return k;
}

function isPassive(tokens: Token[], i: number, last: number): boolean {
  const verb = tokens[i] as Token;
  if (verb.lower === verb.lemma || verb.lower.endsWith('ing') || verb.lower.endsWith('s')) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k] as Token;
    if (['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got'].includes(t.lower)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'PART') break;
  }
  // Reduced relative: "a camp attacked by militiamen".
  return tokens[last]?.lower === 'by' && tokens[i - 1]?.pos === 'NOUN';
}

function byAgent(ctx: Context, from: number, clauseEnd: number): Mention | undefined {
  for (let k = from; k < clauseEnd; k++) {
    if (ctx.doc.tokens[k]?.lower !== 'by') continue;
    const agent = mentionAfter(ctx, k + 1, clauseEnd);
    if (agent) return agent;
  }
  return undefined;
}

/** The subject of the verb at `i`: see the module comment. */
export function subjectOf(ctx: Context, i: number, clauseStart: number): Mention[] {
  const tokens = ctx.doc.tokens;
  const verb = tokens[i] as Token;
  const sentence = ctx.doc.sentences[verb.sentence] as { first: number };
  // Skip back over the verb group.
  let k = i - 1;
  while (k >= sentence.first && ['AUX', 'ADV', 'PART'].includes(tokens[k]?.pos ?? '') && !ctx.mentionAt[k]) k--;
  const before = tokens[k];
  // Participle after a comma, or a verb coordinated with the one before: the main clause's subject.
  const participle = verb.lower.endsWith('ing') && before?.text === ',';
  const coordinated =
    before?.lower === 'and' || before?.lower === 'or' || before?.lower === 'but' || before?.lower === 'then';
  if (participle || coordinated) {
    // "Pakistan said the Indian strikes killed civilians and vowed to respond": a speech act coordinated after a
    // reported clause goes with the speech verb that reported it, not with the reported verb.
    const speech = coordinated && COMMUNICATIVE.has(verb.lemma) ? speechVerbBefore(ctx, sentence.first, k) : undefined;
    const main = speech ?? previousVerb(ctx, sentence.first, k);
    // "A camp was attacked by militiamen, killing 156 people": after a passive, the agent acts on.
    const agent =
      main !== undefined && participle && isPassive(tokens, main, main + 1) ? byAgent(ctx, main + 1, k) : undefined;
    if (agent) return [agent];
    if (main !== undefined) return subjectOf(ctx, main, clauseStartOf(ctx, main));
    if (participle) {
      // An appositive participle ("European NATO countries, meeting in Brussels, ...") describes the actor before it.
      const described = ctx.mentionAt[k - 1];
      if (described && !described.modifier) return coordinatedGroup(ctx, described, sentence.first);
    }
    return [];
  }
  // "the Crown Prince, who received Zelensky": a relative clause's subject is the noun it hangs on.
  const opener = tokens[clauseStart];
  if (opener && ['who', 'which'].includes(opener.lower) && !ctx.mentionAt[clauseStart + 1] && k <= clauseStart + 1) {
    let h = clauseStart - 1;
    if (tokens[h]?.text === ',') h--;
    const head = ctx.mentionAt[h];
    if (head && !head.modifier) return coordinatedGroup(ctx, head, sentence.first);
  }
  // "Pakistan, a key U.S. ally in the war, has refused": the subject stands before the appositive.
  if (before?.text === ',') {
    for (let j = k - 1; j > sentence.first; j--) {
      if (tokens[j]?.text !== ',') continue;
      // "The United Nations envoy for Yemen, Hans Grundberg, said": the head, not the object of "for".
      for (let h = j - 1; h >= clauseStart && h >= j - 8; h--) {
        const anchor = ctx.mentionAt[h];
        if (!anchor || anchor.modifier) continue;
        if (tokens[anchor.first - 1]?.pos === 'ADP') {
          h = anchor.first;
          continue;
        }
        return coordinatedGroup(ctx, anchor, sentence.first);
      }
      break;
    }
  }
  for (let j = k; j >= clauseStart && j >= sentence.first; j--) {
    const m = ctx.mentionAt[j];
    // "Ankara's district administration has denied": the possessor stands for the noun phrase it heads.
    const possessorOfSubject = m?.possessive && isNounPhrase(tokens, m.last + 1, k + 1);
    if (m && (possessorOfSubject || (!m.modifier && !m.possessive))) {
      const prep = tokens[m.first - 1];
      if (prep && prep.pos === 'ADP' && !['by'].includes(prep.lower) && j !== k) {
        j = m.first;
        continue;
      }
      return coordinatedGroup(ctx, m, sentence.first);
    }
    const t = tokens[j] as Token;
    if (j < k && t.pos === 'VERB' && !t.lower.endsWith('ing') && !t.lower.endsWith('ed') && !ctx.mentionAt[j]) break;
  }
  return [];
}

function isNounPhrase(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 5) return false;
  for (let k = from; k < to; k++) if (!['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[k]?.pos ?? '')) return false;
  return true;
}

/** A participle after a comma or a verb after "and"/"or": it tells on about the act before it. */
function extendsMainClause(tokens: Token[], i: number, first: number): boolean {
  let k = i - 1;
  while (k > first && ['AUX', 'ADV', 'PART'].includes(tokens[k]?.pos ?? '')) k--;
  const before = tokens[k]?.lower;
  return (before === ',' && !!tokens[i]?.lower.endsWith('ing')) || before === 'and' || before === 'or';
}

/** The finite verb before token `before` in the sentence: not an infinitive, a participle or a name. */
function previousVerb(ctx: Context, first: number, before: number, infinitives = false): number | undefined {
  const tokens = ctx.doc.tokens;
  for (let j = before - 1; j >= first; j--) {
    const t = tokens[j] as Token;
    if (t.pos !== 'VERB' || ctx.mentionAt[j]) continue;
    // Gerunds ("for impeding") are content, never the verb a later one extends.
    if (t.lower.endsWith('ing') && (!infinitives || tokens[j - 1]?.pos === 'ADP' || tokens[j - 1]?.pos === 'SCONJ'))
      continue;
    // Compounds ("U.S.-led") are never clause verbs; infinitives ("to cease") are not, except as what a verb extends.
    if (tokens[j - 1]?.text === '-' || (tokens[j - 1]?.lower === 'to' && !infinitives)) continue;
    return j;
  }
  return undefined;
}

/**
 * One act of several parties, reported once: "jointly asked", "would jointly
 * nominate", a pair named as one ("both delegations thanked"), and a call or meeting of three or more parties with another
 * ("Starmer, Macron, Merz and Tusk spoke by phone with Trump"). Two parties
 * acting alike ("Ukraine and its allies accused ...") are two acts.
 */
function jointAct(ctx: Context, match: PatternMatch, sources: Mention[]): boolean {
  const parties = distinctCodes(sources).length;
  if (parties < 2) return false;
  const tokens = ctx.doc.tokens;
  for (let k = match.first - 1; k >= match.first - 3 && k >= 0; k--) {
    if (tokens[k]?.lower === 'jointly') return true;
    if (!['ADV', 'AUX', 'PART'].includes(tokens[k]?.pos ?? '')) break;
  }
  if (tokens[match.last]?.lower === 'jointly') return true;
  // "was thanked by both delegations", "the two leaders asked the OSCE": a pair named as one acts as one.
  if (sources.some((m) => m.via === 'pair')) return true;
  return parties >= 3 && match.pattern.type === 'CONSULT';
}

/** Verbs of saying something to or about someone: they coordinate with a speech verb, not with what it reports. */
const COMMUNICATIVE = new Set([
  'vow',
  'warn',
  'pledge',
  'promise',
  'threaten',
  'urge',
  'demand',
  'accuse',
  'deny',
  'reject',
  'condemn',
  'criticize',
  'criticise',
  'insist',
  'welcome',
  'praise',
  'thank',
  'appeal',
]);

/** The first speech verb of the sentence before token `before` whose clause reports another verb before `before`. */
function speechVerbBefore(ctx: Context, first: number, before: number): number | undefined {
  const tokens = ctx.doc.tokens;
  for (let j = first; j < before; j++) {
    const t = tokens[j] as Token;
    if (t.pos !== 'VERB' || ctx.mentionAt[j] || !SPEECH_LEMMAS.has(t.lemma)) continue;
    // Only when a reported verb stands between: "said the strikes killed civilians and vowed".
    for (let m = j + 1; m < before; m++) if (tokens[m]?.pos === 'VERB' && !ctx.mentionAt[m]) return j;
    return undefined;
  }
  return undefined;
}

/** "Ukraine and its European allies", "The United States and Jordan": every coordinated party. */
function coordinatedGroup(ctx: Context, m: Mention, sentenceFirst: number): Mention[] {
  const tokens = ctx.doc.tokens;
  if (m.partner) return [m, m.partner];
  const group = [m];
  let k = m.first - 1;
  while (k >= sentenceFirst) {
    let gap = k;
    while (gap >= sentenceFirst && JOINERS.has(tokens[gap]?.lower ?? '')) gap--;
    if (gap === k) break;
    const prev = ctx.mentionAt[gap];
    const between = tokens.slice(gap + 1, k + 1).map((t) => t.lower);
    // "Egypt nor Jordan", "Russia, Ukraine and the US": a comma joins only a list that a conjunction closes;
    // "If Hamas releases the hostages, Israel will withdraw" is no list.
    const conjunction = between.some((w) => w === 'and' || w === 'nor' || w === 'or');
    if (!prev || !(conjunction || (between.includes(',') && group.length > 1))) break;
    group.unshift(prev);
    k = prev.first - 1;
    if (tokens[k]?.lower === 'neither' || tokens[k]?.lower === 'both' || tokens[k]?.lower === 'either') k--;
  }
  return group;
}

const JOINERS = new Set(['and', 'nor', 'or', ',', 'its', 'their', 'his', 'her', 'the', 'as', 'well', 'other']);

function targetOf(
  ctx: Context,
  match: PatternMatch,
  clauseEnd: number,
  sources: Mention[],
  searchClause = true,
): Mention | undefined {
  const tokens = ctx.doc.tokens;
  // The source's own state or organisation named again ("warned that Israel would retain ...", the Security
  // Council extending UNIFIL's mandate) is not whom the act is aimed at.
  const isSource = (m: Mention) =>
    sources.some(
      (s) =>
        s.actor === m.actor ||
        (s.actor.code === m.actor.code && (m.actor.kind === 'state' || m.actor.kind === 'organization')),
    );
  let k = match.last;
  while (k < clauseEnd && (DETERMINERS.has(tokens[k]?.lower ?? '') || tokens[k]?.pos === 'ADV')) k++;
  const direct = ctx.mentionAt[k];
  // "offered its troops to Lebanon": the source's own people or possessions are what is given, not to whom.
  const ownObject =
    !!direct && sources.some((m) => m.actor.code === direct.actor.code) && match.pattern.targetPreps.length > 0;
  const directOk =
    direct && !isSource(direct) && !ownObject && !(direct.possessive && match.pattern.targetPreps.length);
  if (directOk) return direct;
  if (match.pattern.requireActorObject) return undefined;
  // Prepositions in the pattern's order of preference ("complain about X" before "complain to Y").
  for (const prep of match.pattern.targetPreps) {
    for (let j = match.last; j < clauseEnd; j++) {
      const t = tokens[j]?.lower ?? '';
      if (ADJUNCT_OPENERS.has(t) && j > match.last) break;
      if (t !== prep) continue;
      const m = mentionAfter(ctx, j + 1, clauseEnd);
      if (m && !isSource(m)) return m;
      const place = placeAfter(ctx, j + 1, clauseEnd);
      if (place?.country && !sources.some((s) => s.actor.code === place.country)) {
        return placeMention(ctx, place.country, place.span.start, place.span.end);
      }
    }
  }
  if (direct && !isSource(direct)) return direct;
  if (!searchClause) return undefined;
  for (let j = match.last; j < clauseEnd && j < match.last + 16; j++) {
    // Adjuncts ("after Russia's invasion", "amid protests in Gaza") and a second verb phrase do not hold the target.
    if (ADJUNCT_OPENERS.has(tokens[j]?.lower ?? '') && j > match.last) break;
    if (tokens[j]?.lower === 'and' && ['VERB', 'AUX'].includes(tokens[j + 1]?.pos ?? '')) break;
    const m = ctx.mentionAt[j];
    if (m && (isBorderPlace(tokens, m) || isGapped(ctx, m))) {
      j = m.last;
      continue;
    }
    if (m && !isSource(m)) return m;
  }
  return undefined;
}

/** Nouns that refer back to an act reported before, and the kinds of act each may refer to. */
const AGREEMENT_ACTS: readonly EventType[] = ['AGREE', 'CONSULT', 'RETREAT'];
/**
 * "captured a stronghold on the Thai border", "near the Lebanese frontier":
 * a demonym naming a border after a preposition places the act; it does not
 * name whom it is aimed at.
 */
function isBorderPlace(tokens: Token[], m: Mention): boolean {
  if (!m.modifier || !['border', 'frontier', 'side'].includes(tokens[m.last]?.lower ?? '')) return false;
  if (tokens[m.last + 1]?.pos === 'NOUN') return false; // "Thai border posts" are a target.
  const before = tokens[m.first - 1]?.pos === 'DET' ? tokens[m.first - 2] : tokens[m.first - 1];
  return before?.pos === 'ADP';
}

const REFERENTS = new Map<string, readonly EventType[]>([
  ...[
    'agreement',
    'deal',
    'accord',
    'ceasefire',
    'truce',
    'plan',
    'proposal',
    'talks',
    'outcome',
    'decision',
    'announcement',
    'move',
    'step',
    'efforts',
    'effort',
    'declaration',
    'treaty',
    'pact',
    'initiative',
    'framework',
  ].map((w) => [w, AGREEMENT_ACTS] as const),
  // "Moscow condemned both sets of sanctions": the act referred to is a sanction, its author the target.
  ...['sanctions', 'measures', 'penalties', 'embargo', 'tariffs'].map((w) => [w, ['SANCTION'] as const] as const),
  ...['strikes', 'strike', 'attack', 'attacks', 'airstrikes', 'bombing', 'shelling', 'offensive', 'raid', 'raids'].map(
    (w) => [w, ['ASSAULT'] as const] as const,
  ),
]);
const REFERRING_TYPES = new Set<EventType>(['SUPPORT', 'ACCUSE', 'REJECT', 'AGREE']);

/**
 * "The EU welcomed the agreement": the target is a party to the act the
 * noun refers to, the latest such act reported before (not a hypothetical or
 * denied one), whose parties are not the speaker (rule `target.referent`).
 * "Moscow condemned the sanctions": for sanctions and attacks, their author.
 */
function referentParty(
  ctx: Context,
  match: PatternMatch,
  produced: readonly { event: Event }[],
  sources: Mention[],
): Mention | undefined {
  if (!REFERRING_TYPES.has(match.pattern.type)) return undefined;
  const tokens = ctx.doc.tokens;
  let kinds: readonly EventType[] | undefined;
  for (let k = match.last; k < match.last + 5 && k < tokens.length; k++) {
    kinds = REFERENTS.get(tokens[k]?.lower ?? '');
    if (kinds) break;
    if (tokens[k]?.pos === 'VERB' || tokens[k]?.text === ',') break;
  }
  if (!kinds) return undefined;
  const byAuthor = !kinds.includes('AGREE');
  const earlier = [...ctx.events, ...produced.map((p) => p.event)].filter(
    (e) => kinds.includes(e.type) && !e.negated && !e.hypothetical,
  );
  const speaker = new Set(sources.map((m) => m.actor.code));
  for (let n = earlier.length - 1; n >= 0; n--) {
    const e = earlier[n] as Event;
    for (const party of byAuthor ? [e.source] : [e.source, e.target]) {
      if (!party || party.implicit || speaker.has(party.code)) continue;
      const found = standIn(ctx, party, e, 'referent');
      if (found) return found;
    }
  }
  return undefined;
}

/** A stand-in mention for a party of an earlier event, used as a target inferred from the discourse. */
function standIn(ctx: Context, party: ActorRef, e: Event, via: 'referent' | 'discourse' | 'pair'): Mention | undefined {
  const actor = ctx.actors.get(party.actorId);
  if (!actor) return undefined;
  const at = party.mention ?? e.trigger;
  return {
    actor,
    first: -1,
    last: -1,
    start: at.start,
    end: at.end,
    via,
    rule: via === 'pair' ? 'actor.pair.discourse' : `target.${via}`,
    possessive: false,
    modifier: false,
    plural: false,
  };
}

/**
 * "the two sides", "both delegations": the two parties of the latest joint
 * act reported before ("X and Y agreed"), else of the latest act between two
 * named actors in the preceding sentences (rule `actor.pair.discourse`);
 * coreference's guess from the last two names stays when there is neither.
 */
/** Armed and political movements within a state: naming one makes a scene domestic. */
const RIVAL_SECTORS = new Set(['REB', 'OPP', 'PTY']);

/** Hosting and mediating: the host or mediator is not one of "both sides". */
const THIRD_PARTY_CAMEO = new Set(['043', '045', '046']);

function discourseDyad(ctx: Context, sentence: number): Mention[] | undefined {
  const first = ctx.doc.sentences[Math.max(0, sentence - DISCOURSE_WINDOW)] as { start: number };
  const usable = (e: Event): e is Event & { target: ActorRef } =>
    !e.negated &&
    !e.hypothetical &&
    !!e.target &&
    !e.target.implicit &&
    !e.rule.includes('target.') &&
    e.source.code !== e.target.code &&
    e.source.code !== 'UNK' &&
    e.target.code !== 'UNK' &&
    !THIRD_PARTY_CAMEO.has(e.cameo);
  const joint = ctx.events.findLast((e) => usable(e) && e.rule.includes('+mutual'));
  const latest = ctx.events.findLast((e) => usable(e) && e.evidence.start >= first.start);
  const e = joint ?? latest;
  if (!e?.target) return undefined;
  const a = standIn(ctx, e.source, e, 'pair');
  const b = standIn(ctx, e.target, e, 'pair');
  return a && b ? [a, b] : undefined;
}

/** Verbal reactions whose target, when the sentence names none, is the party under discussion. */
// Not REQUEST: an appeal always has an addressee ("called on the mediators"), which the context cannot stand in for.
const DISCOURSE_TYPES = new Set<EventType>(['SUPPORT', 'ACCUSE', 'THREATEN', 'REJECT', 'AGREE']);
const REFLEXIVES = new Set(['itself', 'themselves', 'himself', 'herself', 'ourselves', 'myself']);
/** How many sentences back the party under discussion is looked for. */
const DISCOURSE_WINDOW = 5;

/**
 * "Russia warned that it would respond", "European leaders welcomed the
 * outcome": a reaction that names no one is aimed at the party of the latest
 * act reported in the preceding sentences: its other party if the speaker
 * took part in it, else its author; a pledge like an earlier aid or pledge goes
 * to the same recipient (rule `target.discourse`). Reactions are
 * not acts: an event whose own target was inferred this way is skipped.
 */
function discourseParty(ctx: Context, sentence: number, sources: Mention[], type: EventType): Mention | undefined {
  const first = ctx.doc.sentences[Math.max(0, sentence - DISCOURSE_WINDOW)] as { start: number };
  const own = new Set(sources.map((m) => m.actor.code));
  const usable = (e: Event) =>
    e.evidence.start >= first.start &&
    !e.negated &&
    !e.hypothetical &&
    !e.rule.includes('target.discourse') &&
    !e.rule.includes('target.referent');
  // "Donors pledged aid for Sudan. ... Germany pledged 125 million euros": a like pledge goes to the same recipient.
  if (type === 'AGREE') {
    // Over the whole article, as pledges at one conference go to one recipient.
    const like = ctx.events.findLast(
      (e) =>
        !e.negated &&
        !e.hypothetical &&
        (e.type === 'AID' || e.type === 'AGREE') &&
        !!e.target &&
        !e.target.implicit &&
        !own.has(e.target.code) &&
        !own.has(e.source.code),
    );
    if (like?.target) return standIn(ctx, like.target, like, 'discourse');
  }
  for (let n = ctx.events.length - 1; n >= 0; n--) {
    const e = ctx.events[n] as Event;
    if (e.evidence.start < first.start) break;
    if (!usable(e)) continue;
    const parties = [e.source, e.target].filter((p): p is ActorRef => !!p && !p.implicit && p.code !== 'UNK');
    const other = own.has(e.source.code) ? parties.find((p) => !own.has(p.code)) : parties[0];
    if (other && !own.has(other.code)) return standIn(ctx, other, e, 'discourse');
  }
  return undefined;
}

/** Another party named earlier in the sentence ("... with Russia's lack of willingness, emphasizing the need for ..."). */
function earlierInSentence(ctx: Context, sentence: number, before: number, sources: Mention[]): Mention | undefined {
  const s = ctx.doc.sentences[sentence] as { first: number };
  for (let j = before - 1; j >= s.first; j--) {
    const m = ctx.mentionAt[j];
    if (m && !sources.some((x) => x.actor.code === m.actor.code)) return m;
  }
  return undefined;
}

/** The party before "talks with Y": the nearest actor that is not itself the object of a preposition or a modifier. */
function nearestBefore(ctx: Context, i: number, first: number, not: Mention): Mention | undefined {
  for (let j = i - 1; j >= first; j--) {
    const m = ctx.mentionAt[j];
    if (!m || m.actor.code === not.actor.code || m.modifier) continue;
    if (ctx.doc.tokens[m.first - 1]?.pos === 'ADP') {
      j = m.first;
      continue;
    }
    return m;
  }
  return undefined;
}

function mentionAfter(ctx: Context, from: number, limit: number): Mention | undefined {
  const tokens = ctx.doc.tokens;
  let k = from;
  while (
    k < limit &&
    (DETERMINERS.has(tokens[k]?.lower ?? '') || tokens[k]?.pos === 'ADJ' || tokens[k]?.pos === 'NUM')
  ) {
    if (ctx.mentionAt[k]) break;
    k++;
  }
  return ctx.mentionAt[k];
}

function placeAfter(ctx: Context, from: number, limit: number) {
  let k = from;
  while (k < limit && DETERMINERS.has(ctx.doc.tokens[k]?.lower ?? '')) k++;
  return ctx.placeAt[k];
}

function listAfter(ctx: Context, from: number, limit: number): Mention[] {
  const tokens = ctx.doc.tokens;
  const list: Mention[] = [];
  let k = from;
  while (k < limit) {
    const m = mentionAfter(ctx, k, limit);
    if (!m) break;
    list.push(m);
    k = m.last;
    if (tokens[k]?.lower === "'s") k++;
    let joined = false;
    while ([',', 'and', 'as', 'well'].includes(tokens[k]?.lower ?? '')) {
      joined = true;
      k++;
    }
    if (!joined) break;
  }
  return list;
}

export function clauseStartOf(ctx: Context, i: number): number {
  const tokens = ctx.doc.tokens;
  const s = ctx.doc.sentences[(tokens[i] as Token).sentence] as { first: number };
  let comma = -1;
  for (let k = i - 1; k > s.first; k--) {
    const t = tokens[k] as Token;
    if (t.text === ',' && comma < 0) comma = k;
    // "X, who received Zelensky on Monday, was thanked": a relative clause closed by a comma before the verb is
    // parenthetical; the verb's clause goes on before it.
    if (
      (t.lower === 'who' || t.lower === 'which') &&
      tokens[k - 1]?.text === ',' &&
      comma > k &&
      comma === i - 1 - auxRun(tokens, i)
    ) {
      k--;
      comma = -1;
      continue;
    }
    if (CLAUSE_OPENERS.has(t.lower) && !ctx.mentionAt[k]) return k;
    if (t.lower === 'that' && (tokens[k - 1]?.pos === 'VERB' || tokens[k - 1]?.text === ',')) return k;
    // ", and the government in Port Sudan protested": a new clause with its own subject.
    const next = tokens[k + 1]?.pos === 'DET' ? k + 2 : k + 1;
    if ((t.lower === 'and' || t.lower === 'but') && tokens[k - 1]?.text === ',' && ctx.mentionAt[next]) return k;
  }
  return s.first;
}

/** How many auxiliaries, adverbs and particles stand right before token `i` ("was", "has also"). */
function auxRun(tokens: Token[], i: number): number {
  let n = 0;
  while (['AUX', 'ADV', 'PART'].includes(tokens[i - 1 - n]?.pos ?? '')) n++;
  return n;
}

function clauseEndOf(ctx: Context, i: number, sentenceLast: number): number {
  const tokens = ctx.doc.tokens;
  // ", meeting in Brussels,": a participle phrase set off by commas ends at the next comma.
  const parenthetical = tokens[i - 1]?.text === ',' && !!tokens[i]?.lower.endsWith('ing');
  for (let k = i + 1; k < sentenceLast; k++) {
    const t = tokens[k] as Token;
    if (parenthetical && t.text === ',') return k;
    if (CLAUSE_CLOSERS.has(t.lower)) return k;
    // Trailing attribution: ", a Jordanian official confirmed", ", said the spokesman".
    if (t.text === ',') {
      const next = tokens[k + 1];
      if (next && SPEECH_LEMMAS.has(next.lemma)) return k;
      // ", expected to be joined by ...", ", killing one person": a participle clause.
      if (next && next.pos === 'VERB' && /(ed|ing)$/.test(next.lower)) return k;
      if (isAttribution(ctx, k + 1, sentenceLast)) return k;
    }
  }
  return sentenceLast;
}

/** ", the official Czechoslovak news agency Ceteka said today": a noun phrase, then a speech verb. */
function isAttribution(ctx: Context, from: number, limit: number): boolean {
  const tokens = ctx.doc.tokens;
  for (let k = from; k < limit && k < from + 10; k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB' || t.pos === 'AUX') return SPEECH_LEMMAS.has(t.lemma) && k > from;
    if (
      !(ctx.mentionAt[k] || ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT', 'ADP', 'CCONJ'].includes(t.pos)) ||
      t.text === ','
    )
      return false;
  }
  return false;
}

const CONTENT_VERBS = new Set(['warn', 'threaten', 'caution', 'vow', 'pledge', 'promise', 'insist', 'demand']);

/**
 * "warned that Tehran would block the corridor": the warning is the event; what it says would happen is its
 * content, folded into it like an infinitive complement.
 */
function contentGovernor(tokens: Token[], clauseStart: number): number | undefined {
  if (tokens[clauseStart]?.lower !== 'that') return undefined;
  for (let k = clauseStart - 1; k >= 0 && k >= clauseStart - 3; k--) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB') return CONTENT_VERBS.has(t.lemma) ? k : undefined;
    if (t.pos !== 'ADV') return undefined;
  }
  return undefined;
}

/** For an embedded trigger ("agreed to lift"), the token of the verb governing its "to". */
function governorTrigger(tokens: Token[], i: number, clauseStart: number): number | undefined {
  for (let k = i - 1; k >= clauseStart && k >= i - 6; k--) {
    if (tokens[k]?.lower === 'to') {
      for (let j = k - 1; j >= clauseStart && j >= k - 5; j--) {
        const t = tokens[j] as Token;
        if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADJ') return t.pos === 'ADJ' ? j - 1 : j;
      }
      return undefined;
    }
  }
  return undefined;
}

function placeInSentence(ctx: Context, sentence: number) {
  const s = ctx.doc.sentences[sentence] as { start: number; end: number };
  return ctx.places.find((p) => p.span.start >= s.start && p.span.end <= s.end);
}

/** A stand-in mention for a source known only from the place ("a roadside bomb near Samarra killed ..."). */
function placeMention(ctx: Context, code: string, start: number, end: number): Mention {
  const name = ctx.knowledge.countries.get(code)?.name ?? code;
  const actor = ctx.actors.get(code) ?? { id: code, name, code, kind: 'state' as const, aliases: [] };
  if (!ctx.actors.has(code)) ctx.actors.set(code, actor);
  return {
    actor,
    first: -1,
    last: -1,
    start,
    end,
    via: 'place',
    rule: 'actor.from-place',
    possessive: false,
    modifier: false,
    plural: false,
  };
}
