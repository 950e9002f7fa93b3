import { vi } from 'vitest';
import { main } from '../main.js';

/** Runs `parley ARGS` in-process and returns what it printed and its exit code. */
export async function parley(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'parley', ...args]);
    return { out, err, code };
  } finally {
    write.mockRestore();
    writeErr.mockRestore();
  }
}
