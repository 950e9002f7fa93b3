/**
 * The Event record for a coded trigger: its type and CAMEO code after
 * modality (a stated intent is intent to cooperate, 03, or a threat, 13; a
 * refused one a rejection, 12; an act announced on a condition a threat,
 * 130), the Goldstein score and quad class of that code, trigger and evidence
 * spans, date, place, the source's own state as target when none was found,
 * and the rule that explains it.
 */
import type { CameoEntry } from '../../knowledge/schema.js';
import type { ActorRef, Event, EventType, QuadClass } from '../../types.js';
import { type Context, type Mention, refOf, sentenceSpan, tokenSpan } from '../context.js';
import { hasLaterCondition, type Modality } from './modality.js';
import type { PatternMatch } from './patterns.js';
import { domesticTarget, placeInSentence } from './roles.js';

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

export function buildEvent(
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
  // The first date that opens on a token of the sentence.
  const dateMention = ctx.dates.find(
    (d) => ctx.doc.tokens[(ctx.tokenAtStart[d.span.start] as number) - 1]?.sentence === sentence,
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

function lookupCameo(ctx: Context, code: string): CameoEntry | undefined {
  const table = ctx.knowledge.cameo;
  return table.get(code) ?? table.get(code.slice(0, 3)) ?? table.get(code.slice(0, 2));
}

function quadOf(entry: CameoEntry | undefined): QuadClass | undefined {
  return entry?.quad as QuadClass | undefined;
}
