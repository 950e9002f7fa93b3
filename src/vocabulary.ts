/**
 * The closed vocabularies of the data model as values, for code that must
 * list them (validation, CLI options, colours). `src/types.ts` holds the
 * same sets as types; the `satisfies` clauses keep the two in step.
 */
import type { ActorKind, EventType, Sector } from './types.js';

/** PLOVER event types, from cooperation to conflict. */
export const EVENT_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const satisfies readonly EventType[];

/** CAMEO agent (sector) codes. */
export const SECTORS = [
  'GOV',
  'MIL',
  'REB',
  'OPP',
  'COP',
  'JUD',
  'LEG',
  'BUS',
  'MED',
  'CVL',
  'NGO',
  'IGO',
  'SPY',
  'DIP',
  'ELI',
  'PTY',
  'REF',
  'HLH',
  'EDU',
  'LAB',
  'REL',
  'CRM',
  'UAF',
] as const satisfies readonly Sector[];

export const ACTOR_KINDS = [
  'state',
  'organization',
  'region',
  'person',
  'group',
  'unknown',
] as const satisfies readonly ActorKind[];
