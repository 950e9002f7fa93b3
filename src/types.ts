/**
 * Parley's data model. These types are the documentation of the data: the
 * extractor produces them, the store keeps them, the API and the exports
 * serve them, and `schema/parley.schema.json` is generated from this file
 * (`npm run schema`). Offsets are JavaScript string indices (UTF-16 code
 * units) into the article text, end exclusive.
 */

/** The 16 PLOVER event types. */
export type EventType =
  | 'AGREE'
  | 'CONSULT'
  | 'SUPPORT'
  | 'CONCEDE'
  | 'COOPERATE'
  | 'AID'
  | 'RETREAT'
  | 'REQUEST'
  | 'ACCUSE'
  | 'REJECT'
  | 'THREATEN'
  | 'PROTEST'
  | 'SANCTION'
  | 'MOBILIZE'
  | 'COERCE'
  | 'ASSAULT';

/** CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

/**
 * Actor sector, in CAMEO's three-letter role codes: GOV government, MIL
 * military, REB rebels, OPP opposition, COP police, JUD judiciary, LEG
 * legislature, BUS business, MED media, CVL civilians, NGO, IGO, SPY
 * intelligence, DIP diplomats, ELI elites, PTY party, REF refugees, HLH health,
 * EDU education, LAB labour, REL religious, CRM criminals, UAF unidentified
 * armed forces.
 */
export type Sector =
  | 'GOV'
  | 'MIL'
  | 'REB'
  | 'OPP'
  | 'COP'
  | 'JUD'
  | 'LEG'
  | 'BUS'
  | 'MED'
  | 'CVL'
  | 'NGO'
  | 'IGO'
  | 'SPY'
  | 'DIP'
  | 'ELI'
  | 'PTY'
  | 'REF'
  | 'HLH'
  | 'EDU'
  | 'LAB'
  | 'REL'
  | 'CRM'
  | 'UAF';

/** What kind of thing an actor is. */
export type ActorKind = 'state' | 'organization' | 'region' | 'person' | 'group' | 'unknown';

/** A stretch of the article text. */
export interface Span {
  /** First character (UTF-16 index, inclusive). */
  start: number;
  /** One past the last character (exclusive). */
  end: number;
  /** The covered text, verbatim. */
  text: string;
}

/** An article as read from a file, page, feed item or dump record. */
export interface Article {
  /** Stable id: a hash of the normalised text (so re-ingesting is idempotent). */
  id: string;
  text: string;
  title?: string;
  /** Publication date, ISO `YYYY-MM-DD`; relative dates in the text resolve against it. */
  date?: string;
  /** The outlet that published it ("Reuters", "bbc.co.uk"). */
  outlet?: string;
  url?: string;
  author?: string;
  /** ISO 639-3 language code as detected ("eng"). */
  language?: string;
  /** Where the article was read from: a file path, URL or `stdin`. */
  origin?: string;
}

/**
 * An actor: a state, organisation, region, person or group. Within one
 * article every mention of the same actor points at one Actor; across the
 * knowledge base the store merges actors that are the same real actor.
 */
export interface Actor {
  /** Key: `RUS`, `RUS.GOV`, `NATO`, `person:vladimir-putin`, `RUS.GOV~foreign-affairs-adviser`. */
  id: string;
  /** Canonical display name ("Vladimir Putin", "Russia", "NATO"). */
  name: string;
  /** Root code (ISO alpha-3, IGO code, region code or UNK): what scoring reads. */
  code: string;
  kind: ActorKind;
  sector?: Sector;
  /** Office or role ("President", "Foreign Secretary", "envoy"). */
  role?: string;
  /** Every surface form seen for this actor, in order of first appearance. */
  aliases: string[];
  /** Id of the knowledge-base entry that resolved it, if any (`people.yaml#vladimir-putin`). */
  kbId?: string;
}

/** One place in the text where an actor is mentioned. */
export interface ActorMention {
  actorId: string;
  span: Span;
  /** How the mention was recognised: name, alias, demonym, capital, seat, title, surname, pronoun, role-noun, group. */
  via: string;
  /** Id of the rule that produced it. */
  rule: string;
}

/** An actor as it fills a role in an event, statement or commitment. */
export interface ActorRef {
  actorId: string;
  code: string;
  name: string;
  kind: ActorKind;
  sector?: Sector;
  /** The mention that fills the role in this record's evidence. */
  mention?: Span;
  /** True when the text names no one for this role and a rule filled it (a domestic event's own state). */
  implicit?: boolean;
}

/** A money figure read from the text. */
export interface Amount {
  id: string;
  span: Span;
  /** Value in units ("$200 million" -> 200000000). */
  value: number;
  /** ISO 4217 code where known ("USD", "EUR", "GBP", "CAD"). */
  currency?: string;
  /** "over", "about", "up to", "nearly", "at least", "more than", "less than". */
  qualifier?: string;
  rule: string;
}

/** A date read from the text, resolved against the article's date. */
export interface DateMention {
  span: Span;
  /** ISO date `YYYY-MM-DD` (first day of the period for month/year precision). */
  value: string;
  precision: 'day' | 'month' | 'year';
  /** True when it was computed from the article's date ("on Tuesday", "four years ago"). */
  relative: boolean;
  rule: string;
}

/** A place read from the text ("in Brussels", "at the Kremlin"). */
export interface Place {
  span: Span;
  name: string;
  /** ISO alpha-3 code of the country it lies in, where known. */
  country?: string;
  rule: string;
}

/** An event in the PLOVER ontology, with its CAMEO code. */
export interface Event {
  /** Unique within the extraction (`e1`, `e2`, ...); the store assigns global ids. */
  id: string;
  type: EventType;
  /** PLOVER mode where the pattern knows one ("ceasefire", "military", "economic", "verbal"). */
  mode?: string;
  /** CAMEO code: at least the two-digit root ("11"), finer where the pattern knows ("112"). */
  cameo: string;
  /** Goldstein conflict-cooperation score of the CAMEO code (-10..10). */
  goldstein: number;
  quadClass: QuadClass;
  source: ActorRef;
  /** Null when the event has no identifiable target. */
  target: ActorRef | null;
  /** "did not condemn", "neither offered help". */
  negated: boolean;
  /** Future intent, conditionals, questions, modals ("could impose", "whether the US will"). */
  hypothetical: boolean;
  /** Date of the event, ISO `YYYY-MM-DD`: a date in the sentence, else the article's date. */
  date?: string;
  place?: Place;
  /** The word or phrase that signals the event ("accused", "called on", "talks"). */
  trigger: Span;
  /** The sentence or clause the event was read from. */
  evidence: Span;
  /** Ids of the amounts that belong to this event. */
  amounts: string[];
  /** Negotiation issues the event touches (`ceasefire`, `territory`, ...). */
  issues: string[];
  /** Id of the rule (verb or noun pattern) that produced it. */
  rule: string;
}

/** A speech act: who said what, to whom. */
export interface Statement {
  id: string;
  speaker: ActorRef;
  /** The speech verb ("said", "emphasized", "warned"). */
  verb: Span;
  /** The reported content. */
  content: Span;
  addressee: ActorRef | null;
  /** True for a direct quotation in quote marks. */
  direct: boolean;
  evidence: Span;
  rule: string;
}

/** Kinds of pledge or transfer. */
export type CommitmentKind = 'military' | 'financial' | 'humanitarian' | 'other';
export type CommitmentStatus = 'announced' | 'allocated' | 'delivered';

/** An aid pledge or other commitment, tied to the event it was read from. */
export interface Commitment {
  id: string;
  donor: ActorRef;
  recipient: ActorRef | null;
  /** Id of the amount, when the pledge has one. */
  amountId?: string;
  value?: number;
  currency?: string;
  kind: CommitmentKind;
  status: CommitmentStatus;
  /** What it is for ("military equipment"). */
  purpose?: string;
  date?: string;
  eventId?: string;
  evidence: Span;
  rule: string;
}

/** A stance of an actor on a negotiation issue. */
export type StancePosition = 'supports' | 'opposes' | 'demands' | 'conditions' | 'proposes';

export interface Stance {
  id: string;
  actor: ActorRef;
  /** Issue id from data/issues (`ceasefire`, `territory`, `peace-plan`, ...). */
  issue: string;
  position: StancePosition;
  /** Event or statement the stance was read from. */
  fromId?: string;
  date?: string;
  evidence: Span;
  rule: string;
}

/** A sentence with its offsets. */
export interface Sentence {
  span: Span;
}

/** Everything Parley reads from one article. */
export interface Extraction {
  /** The article, with its text: every span's offsets point into `article.text`. */
  article: Article;
  sentences: Span[];
  actors: Actor[];
  mentions: ActorMention[];
  events: Event[];
  statements: Statement[];
  amounts: Amount[];
  dates: DateMention[];
  places: Place[];
  commitments: Commitment[];
  stances: Stance[];
  /** Problems that did not stop extraction ("no article date: relative dates unresolved"). */
  warnings: string[];
}
