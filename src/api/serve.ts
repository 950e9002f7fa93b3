/** `parley serve`: the app on a port, 127.0.0.1 unless told otherwise. */
import type { AddressInfo } from 'node:net';
import { serve as listen } from '@hono/node-server';
import { type ApiOptions, createApp } from './app.js';

export interface ServeOptions extends ApiOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
}

export interface Server {
  /** Where it listens: `http://127.0.0.1:8080`. */
  url: string;
  close(): Promise<void>;
}

export function serve(options: ServeOptions): Promise<Server> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = listen({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive sockets from a browser would hold close() open indefinitely.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
