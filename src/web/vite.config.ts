import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Everything `parley serve` answers besides the page itself; `vite` in dev proxies it to a running server. */
const API = [
  '/events',
  '/timeline',
  '/network',
  '/actors',
  '/articles',
  '/stories',
  '/issues',
  '/stances',
  '/ledger',
  '/stats',
  '/search',
  '/openapi.json',
];

export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist-web/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: Object.fromEntries(API.map((p) => [p, process.env.PARLEY_URL ?? 'http://127.0.0.1:8080'])),
  },
});
