/**
 * Schemas of the knowledge files in `data/`. Every file is YAML with a
 * top-level `source:` (where its facts come from) and `entries:`. The loader
 * validates each file against these schemas and reports the file and the path
 * of any bad entry, so an analyst who edits a file gets a precise message.
 */
import { z } from 'zod';
import { EVENT_TYPES, SECTORS } from '../vocabulary.js';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const sector = z.enum(SECTORS);
export const eventTypeSchema = z.enum(EVENT_TYPES);

/** data/actors/countries.yaml: one entry per state. */
export const countrySchema = z.object({
  /** ISO 3166-1 alpha-3. */
  code: z.string().regex(/^[A-Z]{3}$/),
  name: z.string(),
  /** Other names and spellings ("the U.S.", "America", "Britain"). Matched case-sensitively unless all lower case. */
  aliases: z.array(z.string()).default([]),
  /** Adjectives and demonyms ("Russian", "Russians"). */
  demonyms: z.array(z.string()).default([]),
  capital: z.string().optional(),
  /** Seats of institutions used for them ("the Kremlin" GOV, "the Pentagon" MIL, "the Knesset" LEG). */
  seats: z.array(z.object({ name: z.string(), sector: sector.default('GOV') })).default([]),
  /** Other cities and regions: places that locate an event in this state. */
  places: z.array(z.string()).default([]),
});

/** data/actors/organizations.yaml: international organisations, NGOs, armed groups, parties. */
export const organizationSchema = z.object({
  /** Stable id (`nato`, `un-security-council`, `hamas`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  /** Root code it acts for: `NATO`, `UN`, or a state's code for a national group (Hamas -> PSE). */
  code: z.string(),
  kind: z.enum(['organization', 'group']).default('organization'),
  sector: sector.optional(),
});

/** data/actors/regions.yaml: regions and blocs that stand for several states. */
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Phrases that mean the region ("European allies", "Western nations", "the West"). */
  aliases: z.array(z.string()).default([]),
  /** Adjectives ("European", "Western"): with a group noun ("European leaders") they make a region actor. */
  adjectives: z.array(z.string()).default([]),
});

/** data/actors/people.yaml: well-known people, with the offices they held and when. */
export const personSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Other forms of the name; the surname alone is added automatically. */
  aliases: z.array(z.string()).default([]),
  offices: z
    .array(
      z.object({
        role: z.string(),
        code: z.string(),
        sector: sector.default('GOV'),
        from: isoDate.optional(),
        to: isoDate.optional(),
      }),
    )
    .min(1),
});

/**
 * data/actors/roles.yaml: titles and group nouns. A title before a name makes
 * a person ("Foreign Secretary Yvette Cooper"); a group noun after a country
 * word makes a sectoral actor ("Russian troops" -> RUS MIL).
 */
export const roleSchema = z.object({
  /** Lower-case phrase ("foreign minister", "troops"). */
  phrase: z.string(),
  kind: z.enum(['title', 'group']),
  sector: sector,
  /** Canonical role name for display ("Foreign Minister"). */
  role: z.string().optional(),
});

/**
 * data/events/verbs.yaml and nouns.yaml: trigger patterns. A verb pattern
 * matches a lemma (and optional particle/prepositions); a noun pattern a
 * lemma of a noun. Roles are filled by the engine from the syntax (subject,
 * object, `by` agent, genitive) and the pattern's prepositions.
 */
export const triggerPatternSchema = z.object({
  id: z.string().regex(/^[a-z0-9_.-]+$/),
  /** Lemma, possibly multi-word ("call on", "hold talks", "lay siege"). */
  lemma: z.string(),
  type: eventTypeSchema,
  cameo: z.string().regex(/^\d{2,4}$/),
  mode: z.string().optional(),
  /** Prepositions that introduce the target ("to" in "send aid to Y"). */
  targetPreps: z.array(z.string()).default([]),
  /** Object words required after the trigger ("sanctions" for "impose"). Any of them. */
  objects: z.array(z.string()).default([]),
  /** Symmetric events (meet, agree, talks between X and Y): coordinated subjects are source and target. */
  symmetric: z.boolean().default(false),
  /** Fire only when the object is an actor ("call Putin", not "call an election"). */
  requireActorObject: z.boolean().default(false),
  /** The pattern does not fire when one of these is its object ("sent a letter" is no aid). */
  notObjects: z.array(z.string()).default([]),
  /** Fire only when the text names a target ("sent a team" is no aid; "sent aid to Sudan" is). */
  requireTarget: z.boolean().default(false),
});

/** data/events/cameo.yaml: CAMEO codes with name, Goldstein score, quad class and PLOVER type. */
export const cameoSchema = z.object({
  code: z.string().regex(/^\d{2,4}$/),
  name: z.string(),
  goldstein: z.number().min(-10).max(10),
  quad: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  plover: eventTypeSchema.nullable(),
});

/** data/issues/issues.yaml: negotiation issues and the terms that name them. */
export const issueSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Lower-case terms ("ceasefire", "28-point plan"). */
  terms: z.array(z.string()).min(1),
});

/**
 * data/issues/processes.yaml: named negotiations. A process groups the
 * meetings (CONSULT events) between its parties and mediators, and their
 * stances on its issues, into one timeline.
 */
export const processSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Other names a reader may type ("Ukraine talks", "Istanbul talks"). */
  aliases: z.array(z.string()).default([]),
  /** Root codes of the sides that negotiate. */
  parties: z.array(z.string()).min(1),
  /** Root codes of the go-betweens and hosts. */
  mediators: z.array(z.string()).default([]),
  /** Issue ids the process is about. */
  issues: z.array(z.string()).default([]),
  /** When the process began; earlier meetings are not part of it. */
  from: isoDate.optional(),
});

/** data/rates/usd.yaml: US dollars per unit of each currency, by month. */
export const rateSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
});

/**
 * data/dates/dates.yaml: the words dates are written with. The date finder
 * reads runs of them as date phrases for chrono-node to resolve.
 */
export const dateWordSchema = z.object({
  /** As news writes it; months and weekdays with their capital. */
  word: z.string().min(1),
  kind: z.enum(['month', 'weekday', 'casual', 'shift', 'unit', 'count', 'ago', 'season', 'part', 'edge']),
  /** Other spellings: abbreviations ("Sept.") and plurals ("weeks"). */
  forms: z.array(z.string().min(1)).default([]),
  /** Also a common English word ("may", "march"): alone, a month only after a lower-case word. */
  ambiguous: z.boolean().default(false),
  /** A unit that follows a shift word ("last week"); days do not ("the next day" is the story's, not the article's). */
  shifts: z.boolean().default(true),
});

export const fileSchema = <T extends z.ZodTypeAny>(entry: T) =>
  z.object({
    /** Where the facts come from (required: every data file states its sources). */
    source: z.string().min(1),
    /** Version of the file, bumped when entries change meaning. */
    version: z.number().int().positive().default(1),
    entries: z.array(entry),
  });

export type CountryEntry = z.infer<typeof countrySchema>;
export type OrganizationEntry = z.infer<typeof organizationSchema>;
export type RegionEntry = z.infer<typeof regionSchema>;
export type PersonEntry = z.infer<typeof personSchema>;
export type RoleEntry = z.infer<typeof roleSchema>;
export type TriggerPatternEntry = z.infer<typeof triggerPatternSchema>;
export type CameoEntry = z.infer<typeof cameoSchema>;
export type IssueEntry = z.infer<typeof issueSchema>;
export type RateEntry = z.infer<typeof rateSchema>;
export type DateWordEntry = z.infer<typeof dateWordSchema>;
export type ProcessEntry = z.infer<typeof processSchema>;
