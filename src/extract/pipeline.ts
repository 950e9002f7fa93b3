/**
 * The extraction stages, in the one order they run. Each stage reads what
 * the earlier ones left in the context and adds its own records.
 */
import { recognizeActors } from './actors/recognize.js';
import { linkCommitments } from './amounts/commitments.js';
import { readDates } from './amounts/dates.js';
import { readMoney } from './amounts/money.js';
import type { Context } from './context.js';
import { codeEvents } from './events/code.js';
import { readStances } from './stances.js';
import { readStatements } from './statements.js';

export interface Stage {
  name: string;
  run: (ctx: Context) => void;
}

export const stages: readonly Stage[] = [
  { name: 'actors', run: recognizeActors },
  { name: 'money', run: readMoney },
  { name: 'dates', run: readDates },
  { name: 'events', run: codeEvents },
  { name: 'statements', run: readStatements },
  { name: 'commitments', run: linkCommitments },
  { name: 'stances', run: readStances },
];
