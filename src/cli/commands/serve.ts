import type { Command } from 'commander';
import { serve } from '../../api/serve.js';
import { createExtractor } from '../../extract/index.js';
import { createStore, defaultDbUrl } from '../../store/store.js';
import type { RegisterCommand } from './index.js';
import { addDbOption } from './store-io.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port wants 0..65535, got ${value}`);
  return n;
}

export const registerServe: RegisterCommand = (program: Command) => {
  const command = program
    .command('serve')
    .description('Serve the JSON API and the dashboard (POST /articles needs PARLEY_TOKEN)');
  addDbOption(command)
    .option('--port <n>', 'port to listen on', port, 8080)
    .option('--host <host>', 'address to listen on; anything but loopback exposes the data', '127.0.0.1')
    .action(async (options: { db?: string; port: number; host: string }) => {
      // Unlike the query commands, serving an empty new database is useful: POST /articles fills it.
      const store = await createStore(options.db ?? defaultDbUrl());
      const token = process.env.PARLEY_TOKEN || undefined;
      const server = await serve({
        store,
        token,
        extractor: () => createExtractor(),
        port: options.port,
        host: options.host,
      });
      process.stderr.write(
        `parley: serving ${store.engine} store on ${server.url} (API: ${server.url}/openapi.json; writes ${token ? 'need the bearer token' : 'disabled: PARLEY_TOKEN unset'})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
};
