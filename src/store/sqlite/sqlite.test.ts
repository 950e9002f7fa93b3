import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreConformance } from '../conformance.js';

runStoreConformance('sqlite', {
  freshDatabase: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
    return { url: join(dir, 'parley.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  // One better-sqlite3 connection blocks the event loop while it waits for the file lock, so writers are processes.
  concurrentWriters: false,
});
