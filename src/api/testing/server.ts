/** A real server on a free loopback port over a real temporary SQLite store, filled by the real extractor. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extractor } from '../../extract/index.js';
import { createStore, type Store } from '../../store/store.js';
import { type Server, serve } from '../serve.js';
import { ARTICLES } from './fixtures.js';
import { testExtractor } from './knowledge.js';

export interface TestServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function startServer(
  options: { token?: string; webRoot?: string | null; fill?: boolean; extractor?: Extractor } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-api-'));
  const store = await createStore(`sqlite:${join(dir, 'test.db')}`);
  const extractor = options.extractor ?? testExtractor();
  if (options.fill ?? true) await store.addExtractions(ARTICLES.map((a) => extractor.extract(a)));
  let server: Server;
  try {
    server = await serve({
      store,
      token: options.token,
      extractor: () => extractor,
      webRoot: options.webRoot ?? null,
      port: 0,
      host: '127.0.0.1',
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    url: server.url,
    store,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
