/** Colours run from cooperation (blue, green) to conflict (orange, red), in PLOVER type order. */
import { EVENT_TYPES } from '../vocabulary.js';
import type { EventType } from './api.js';

export { EVENT_TYPES };

const TYPE_COLORS: Record<EventType, string> = {
  AGREE: '#1d4e89',
  CONSULT: '#2f6db3',
  SUPPORT: '#4a90c9',
  CONCEDE: '#74b3dd',
  COOPERATE: '#1b7a4a',
  AID: '#2fa36b',
  RETREAT: '#7cc69a',
  REQUEST: '#c9b458',
  ACCUSE: '#f2b134',
  REJECT: '#f29a36',
  THREATEN: '#ef7f2d',
  PROTEST: '#e8681f',
  SANCTION: '#d9481c',
  MOBILIZE: '#c2331b',
  COERCE: '#a6201a',
  ASSAULT: '#7a0f12',
};

export function typeColor(type: EventType): string {
  return TYPE_COLORS[type];
}

export const QUAD_NAMES: Record<number, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

/** Goldstein -10..10 as red..grey..green. */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [196, 30, 36] : [26, 140, 74];
  const mix = grey.map((c, i) => Math.round(c + ((end[i] ?? c) - c) * Math.abs(t)));
  return `rgb(${mix.join(',')})`;
}

export const POSITION_COLORS: Record<string, string> = {
  supports: '#2fa36b',
  proposes: '#4a90c9',
  conditions: '#c9b458',
  demands: '#ef7f2d',
  opposes: '#c2331b',
};
