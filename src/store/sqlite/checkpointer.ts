/**
 * WAL checkpoints on a thread of their own. A commit appends the pages it
 * changed to the write-ahead log; a checkpoint copies them back into the
 * database file and syncs it. SQLite runs checkpoints in the connection that
 * commits, so the single writer of `parley ingest` stopped after each batch
 * until the copy and the sync were done. Run here instead, they overlap the
 * writer's next batch: on 20,000 stored articles the writer's time per
 * article fell by about 30% (4.8 / 7.2 / 8.7 / 6.6 ms over each 5,000, against
 * 3.4 / 4.7 / 5.3 / 6.0). The writer's own checkpoint stays as a backstop,
 * at `BACKSTOP_PAGES`, should this thread fall behind.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Log pages after which the writer checkpoints itself. The log can only
 * restart once every page in it is copied back, which a checkpoint running
 * beside the writer's next batch rarely finishes first; so it grows to about
 * this size (100 MB), where the writer copies the little left and it restarts.
 */
export const BACKSTOP_PAGES = 25_000;

/**
 * The thread's code, given as text so it runs the same from the TypeScript
 * sources (tests) and from the build. PASSIVE never waits for the writer:
 * it copies what is committed and returns.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error) });
  }
});`;

export interface Checkpointer {
  /** Asks for a checkpoint of what is committed; requests made while one runs are served by one more. */
  request(): void;
  close(): Promise<void>;
}

export function startCheckpointer(path: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const thread = new Worker(THREAD, { eval: true, workerData: { driver, path } });
  // An idle thread must not keep the process alive (a store left open); a busy one must, or the process
  // can exit while something awaits it.
  thread.unref();
  let running = false;
  let requested = false;
  let alive = true;
  const waiting: (() => void)[] = [];
  const settle = () => {
    running = false;
    thread.unref();
    for (const resolve of waiting.splice(0)) resolve();
  };
  const run = () => {
    thread.ref();
    running = true;
    requested = false;
    thread.postMessage('checkpoint');
  };
  // A failed checkpoint loses nothing: its pages stay in the log for the next one, or for the writer's backstop.
  thread.on('message', () => (requested && alive ? run() : settle()));
  const exited = new Promise<void>((resolve) =>
    thread.once('exit', () => {
      alive = false;
      settle();
      resolve();
    }),
  );
  // A thread that cannot open the file leaves the writer's backstop to do the checkpoints.
  thread.on('error', () => undefined);
  /** Resolves when no checkpoint is running or asked for. */
  const idle = (): Promise<void> => (running ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve());
  return {
    request() {
      if (!alive) return;
      if (running) requested = true;
      else run();
    },
    async close() {
      await idle();
      if (!alive) return;
      thread.ref();
      thread.postMessage('close');
      await exited;
    },
  };
}
