import type { Command } from 'commander';
import { registerActor } from './actor.js';
import { registerActors } from './actors.js';
import { registerEval } from './eval.js';
import { registerEvents } from './events.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerIngest } from './ingest.js';
import { registerIssues } from './issues.js';
import { registerLedger } from './ledger.js';
import { registerProcess } from './process.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerStances } from './stances.js';
import { registerStats } from './stats.js';

/** A subcommand registers itself on the program; `setExitCode` reports failure without exiting mid-stream. */
export type RegisterCommand = (program: Command, setExitCode: (code: number) => void) => void;

/** Subcommands in help order. Add a new command's file here. */
export const commands: RegisterCommand[] = [
  registerIngest,
  registerExtract,
  registerEval,
  registerEvents,
  registerActors,
  registerActor,
  registerShow,
  registerStats,
  registerExport,
  registerIssues,
  registerStances,
  registerLedger,
  registerProcess,
  registerServe,
];
