/**
 * The `parley` command. Each subcommand lives in its own file under
 * `commands/` and is registered here, in the order `parley --help` lists them.
 */
import { Command } from 'commander';
import { commands } from './commands/index.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('parley')
    .description('Read news about diplomacy and conflict into a queryable event record (PLOVER/CAMEO).')
    .version('0.1.0')
    .showHelpAfterError();
  let exitCode = 0;
  for (const register of commands) {
    register(program, (code) => {
      exitCode = code;
    });
  }
  await program.parseAsync(argv);
  return exitCode;
}
