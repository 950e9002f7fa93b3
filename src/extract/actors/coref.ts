/**
 * Coreference within an article: officials named by apposition, "both sides"
 * for the pair named last, and pronouns for the latest compatible actor.
 */
import type { Token } from '../../nlp/index.js';
import type { Context, Mention } from '../context.js';
import { addMention, ensureActor, groupActor, NAME_PARTICLES, slug, stateName } from './make.js';

/**
 * Appositions name an official: "Sudan's foreign minister, Ali Youssef al-Sharif, said" and
 * "Mohammed Abdulsalam, the Houthis' chief negotiator, said". The name becomes a person with the
 * official's code and role (rule `actor.person.apposed`).
 */
export function nameOfficials(ctx: Context): void {
  const tokens = ctx.doc.tokens;
  // A surname the dictionary knows may still end another person's name ("Ali Youssef al-Sharif").
  const capitalised = (t: Token | undefined) =>
    !!t && /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text) && (!ctx.mentionAt[t.i] || ctx.mentionAt[t.i]?.via === 'surname');
  const nameRun = (from: number, step: 1 | -1): [number, number] | undefined => {
    let k = from;
    const joins = (t: Token | undefined) => NAME_PARTICLES.has(t?.lower ?? '') || t?.text === '-';
    while (capitalised(tokens[k]) || (joins(tokens[k]) && (capitalised(tokens[k + step]) || joins(tokens[k + step]))))
      k += step;
    const [a, b] = step === 1 ? [from, k] : [k + 1, from + 1];
    return b - a >= 2 && b - a <= 5 ? [a, b] : undefined;
  };
  for (const official of [...ctx.mentions]) {
    if (official.rule !== 'actor.official') continue;
    let span: [number, number] | undefined;
    // "The United Nations envoy for Yemen, Hans Grundberg,": a short qualifier may stand before the comma.
    let after = official.last;
    const qualifier = ctx.mentionAt[after + 1];
    if (['for', 'to', 'in', 'on'].includes(tokens[after]?.lower ?? '') && qualifier) after = qualifier.last;
    if (tokens[after]?.text === ',') {
      const run = nameRun(after + 1, 1);
      if (run && (tokens[run[1]]?.text === ',' || tokens[run[1]]?.pos === 'VERB')) span = run;
    }
    let before = official.first - 1;
    if (tokens[before]?.lower === 'the') before--;
    if (!span && tokens[before]?.text === ',') span = nameRun(before - 1, -1);
    if (!span) continue;
    const name = ctx.doc.text.slice((tokens[span[0]] as Token).start, (tokens[span[1] - 1] as Token).end);
    const person = ensureActor(ctx, {
      id: `person:${slug(name)}`,
      name,
      code: official.actor.code,
      kind: 'person',
      sector: official.actor.sector,
      role: official.actor.role,
    });
    const [from, to] = span;
    ctx.mentions = ctx.mentions.filter((m) => !(m.via === 'surname' && m.first >= from && m.last <= to));
    addMention(ctx, person, from, to, 'name', 'actor.person.apposed');
    official.actor = person;
    for (let t = official.first; t < official.last; t++) if (ctx.mentionAt[t] === official) ctx.mentionAt[t] = official;
  }
}

const PAIR_PHRASE =
  /^(?:both (?:sides|parties|countries|governments|leaders|neighbou?rs|men|delegations|ministers|presidents)|the two (?:sides|parties|countries|governments|leaders|neighbou?rs|men|delegations|ministers|presidents))$/i;

/**
 * "both sides agreed to meet again": the two parties named last, preferring a
 * pair named together ("Iran and the United States held talks").
 */
export function resolvePairs(ctx: Context): void {
  const tokens = ctx.doc.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as Token;
    // Cheap test first: this loop visits every token. The phrase is read in a function of its own, so that the
    // closures there do not cost every other token an allocation.
    if (a.lower !== 'both' && !(a.lower === 'the' && tokens[i + 1]?.lower === 'two')) continue;
    const mention = pairMention(ctx, i, a.lower === 'the' ? 3 : 2);
    if (!mention) continue;
    ctx.mentions.push(mention);
    for (let t = i; t < mention.last; t++) ctx.mentionAt[t] = mention;
    i = mention.last - 1;
  }
}

/** The pair named by the phrase of `width` tokens at token `i`, if it is one and a pair was named before. */
function pairMention(ctx: Context, i: number, width: number): Mention | undefined {
  const tokens = ctx.doc.tokens;
  const a = tokens[i] as Token;
  const last = i + width;
  const phrase = tokens
    .slice(i, last)
    .map((t) => t.lower)
    .join(' ');
  if (!PAIR_PHRASE.test(phrase) || ctx.mentionAt[i]) return undefined;
  const before = ctx.mentions
    .filter((m) => m.last <= i && !m.modifier && a.sentence - (tokens[m.first]?.sentence ?? 0) <= 3)
    .sort((x, y) => x.first - y.first);
  // A pair named as a subject ("Iran and the United States held talks") before one named as the object
  // of a preposition ("prisoner exchanges between Russia and Ukraine").
  const isPair = (j: number) => {
    const m = before[j] as Mention;
    // `before` is in text order, so the partner named just after `m` can only come later in it.
    for (let k = j + 1; k < before.length; k++) {
      const n = before[k] as Mention;
      if (n.first > m.last + 3) return false;
      if (n.first <= m.last || n.actor.code === m.actor.code) continue;
      for (let t = m.last; t < n.first; t++) if (tokens[t]?.lower === 'and') return true;
      return false;
    }
    return false;
  };
  const asObject = (m: Mention) => tokens[m.first - 1]?.pos === 'ADP' || tokens[m.first - 1]?.pos === 'SCONJ';
  const latestPair = (subjectsOnly: boolean) => {
    for (let j = before.length - 1; j >= 0; j--)
      if (!(subjectsOnly && asObject(before[j] as Mention)) && isPair(j)) return before[j];
    return undefined;
  };
  const joined = latestPair(true) ?? latestPair(false);
  const first = joined ?? before.filter((m) => tokens[m.first - 1]?.pos !== 'ADP').at(-2);
  const second = joined
    ? before.find((n) => n.first > joined.last && n.actor.code !== joined.actor.code)
    : before.filter((m) => tokens[m.first - 1]?.pos !== 'ADP' && m.actor.code !== first?.actor.code).at(-1);
  if (!first || !second) return undefined;
  const start = a.start;
  const end = (tokens[last - 1] as Token).end;
  const partner: Mention = { ...second, first: i, last, start, end, via: 'pair', rule: 'actor.coref.pair' };
  return {
    ...first,
    first: i,
    last,
    start,
    end,
    via: 'pair',
    rule: 'actor.coref.pair',
    plural: true,
    partner,
  };
}

type PronounKind = 'person' | 'thing' | 'plural';
/** What each pronoun stands for: one lookup per token of the article. */
const PRONOUN_KINDS = new Map<string, PronounKind>([
  ...['he', 'him', 'his', 'she', 'her', 'hers'].map((p) => [p, 'person'] as const),
  ...['it', 'its'].map((p) => [p, 'thing'] as const),
  ...['they', 'them', 'their'].map((p) => [p, 'plural'] as const),
]);
const OBJECT_PRONOUNS = new Set(['him', 'her']);

/**
 * Pronouns take the most recent compatible actor. An object pronoun cannot
 * be the subject of its own clause ("Cooper ... urging him": him is not Cooper).
 */
export function resolvePronouns(ctx: Context): void {
  const tokens = ctx.doc.tokens;
  const ordered = [...ctx.mentions].sort((a, b) => a.first - b.first);
  const added: Mention[] = [];
  // `ordered[0 .. opened)` are the mentions that open before the token at hand (tokens come in text order).
  let opened = 0;
  for (const token of tokens) {
    const lower = token.lower;
    const kind = PRONOUN_KINDS.get(lower);
    if (!kind || ctx.mentionAt[token.i]) continue;
    if (lower === 'it' && isExpletiveIt(tokens, token.i)) continue;
    while (opened < ordered.length && (ordered[opened] as Mention).first < token.i) opened++;
    // Looked for in a function of its own: the closures there would otherwise cost every token an allocation.
    const antecedent = antecedentOf(ctx, ordered, opened, token, kind);
    if (!antecedent) continue;
    const mention: Mention = {
      actor: antecedent.actor,
      first: token.i,
      last: token.i + 1,
      start: token.start,
      end: token.end,
      via: 'pronoun',
      rule: 'actor.coref.pronoun',
      possessive: lower === 'his' || lower === 'its' || lower === 'their' || lower === 'her',
      modifier: false,
      plural: kind === 'plural',
    };
    added.push(mention);
    ctx.mentionAt[token.i] = mention;
    // "their foreign ministers": a group word after a possessive belongs to its antecedent, not to where it was placed.
    const owned = ctx.mentionAt[token.i + 1];
    if (
      mention.possessive &&
      owned?.rule === 'actor.group.placed' &&
      owned.actor.sector &&
      ctx.knowledge.countries.has(antecedent.actor.code)
    ) {
      const code = antecedent.actor.code;
      owned.actor = groupActor(ctx, code, stateName(ctx.knowledge, code), owned.actor.sector);
      owned.rule = 'actor.group.possessed';
    }
  }
  ctx.mentions.push(...added);
  ctx.mentions.sort((a, b) => a.first - b.first);
}

/**
 * The latest mention before the pronoun `token` that a pronoun of `kind` can
 * stand for, among `ordered[0 .. opened)`: the mentions opening before it, in text order.
 */
function antecedentOf(
  ctx: Context,
  ordered: Mention[],
  opened: number,
  token: Token,
  kind: PronounKind,
): Mention | undefined {
  const tokens = ctx.doc.tokens;
  const sentenceOf = (m: Mention) => tokens[m.first]?.sentence ?? 0;
  // Only the last three sentences hold candidates, and they are the last of those opened.
  let from = opened;
  while (from > 0 && token.sentence - sentenceOf(ordered[from - 1] as Mention) <= 2) from--;
  const candidates: Mention[] = [];
  for (let c = from; c < opened; c++) {
    const m = ordered[c] as Mention;
    if (m.last <= token.i && !m.modifier) candidates.push(m);
  }
  // Latest sentence first; within it, subjects before objects of prepositions ("Washington ... agreed to
  // lift its pause" is Washington's pause, not that of Russia in "a ceasefire with Russia"), then the latest.
  const subjectRank = (m: Mention) => (tokens[m.first - 1]?.pos === 'ADP' ? 0 : 1);
  const byPreference = candidates.sort(
    (a, b) => sentenceOf(a) - sentenceOf(b) || subjectRank(a) - subjectRank(b) || a.first - b.first,
  );
  for (let c = byPreference.length - 1; c >= 0; c--) {
    const m = byPreference[c] as Mention;
    const fits =
      kind === 'person'
        ? m.actor.kind === 'person'
        : kind === 'thing'
          ? (m.actor.kind === 'state' || m.actor.kind === 'organization') && !m.plural
          : m.plural || m.actor.kind === 'group' || m.actor.kind === 'region';
    if (!fits) continue;
    if (OBJECT_PRONOUNS.has(token.lower) && isClauseSubject(ctx, m, token.i)) continue;
    return m;
  }
  return undefined;
}

const EXPLETIVE_ADJECTIVES = new Set([
  'important',
  'necessary',
  'clear',
  'unclear',
  'possible',
  'impossible',
  'likely',
  'unlikely',
  'difficult',
  'hard',
  'easy',
  'essential',
  'vital',
  'crucial',
  'true',
  'obvious',
  'evident',
  'surprising',
  'too',
  'also',
  'still',
  'now',
  'expected',
  'believed',
  'reported',
  'feared',
  'understood',
  'hoped',
  'said',
]);

/** "it is important to", "it was unclear whether": no antecedent. */
function isExpletiveIt(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (!next) return true;
  if (['is', 'was', "'s", 'remains', 'seems', 'appears', 'has', 'had'].includes(next.lower)) {
    // "it is important to", "it was unclear whether"; but "it was ready to accept" has a subject.
    if (
      after &&
      (EXPLETIVE_ADJECTIVES.has(after.lower) ||
        after.lower === 'not' ||
        after.lower === 'been' ||
        after.lower === 'time')
    )
      return true;
  }
  return false;
}

/** The first actor mention of the sentence before the pronoun, with no verb boundary in between, acts as its subject. */
function isClauseSubject(ctx: Context, mention: Mention, pronounIndex: number): boolean {
  const tokens = ctx.doc.tokens;
  const sentence = tokens[pronounIndex]?.sentence;
  if (tokens[mention.first]?.sentence !== sentence) return false;
  const first = ctx.mentions.find((m) => tokens[m.first]?.sentence === sentence && !m.modifier && !m.possessive);
  return first?.actor === mention.actor;
}
