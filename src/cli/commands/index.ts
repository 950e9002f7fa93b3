import type { Command } from 'commander';
import { registerEval } from './eval.js';
import { registerExtract } from './extract.js';

/** A subcommand registers itself on the program; `setExitCode` reports failure without exiting mid-stream. */
export type RegisterCommand = (program: Command, setExitCode: (code: number) => void) => void;

/** Subcommands in help order. Add a new command's file here. */
export const commands: RegisterCommand[] = [registerExtract, registerEval];
