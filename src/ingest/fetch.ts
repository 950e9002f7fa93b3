/** HTTP with the limits a reader needs: a deadline, a size cap and plain reasons instead of exceptions. */
import type { Checked } from './validate.js';
import { checkSize, formatBytes } from './validate.js';

export interface Fetched {
  bytes: Uint8Array;
  /** URL after redirects. */
  url: string;
  contentType: string;
}

const ACCEPT =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5';

export async function fetchLimited(url: string, timeoutMs: number, maxBytes: number): Promise<Checked<Fetched>> {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (protocol !== 'http:' && protocol !== 'https:') return { ok: false, reason: `unsupported URL scheme ${protocol}` };
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { accept: ACCEPT, 'user-agent': 'parley' } });
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    }
    const declared = Number(res.headers.get('content-length'));
    const tooLarge = Number.isFinite(declared) ? checkSize(declared, maxBytes) : undefined;
    if (tooLarge) {
      await res.body?.cancel();
      return { ok: false, reason: tooLarge };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.length;
        // Content-Length can be absent or wrong; the cap holds on what actually arrives.
        if (size > maxBytes) {
          await res.body.cancel().catch(() => undefined);
          return { ok: false, reason: `too large: over the ${formatBytes(maxBytes)} limit` };
        }
        chunks.push(chunk);
      }
    }
    return {
      ok: true,
      value: { bytes: Buffer.concat(chunks), url: res.url || url, contentType: res.headers.get('content-type') ?? '' },
    };
  } catch (e) {
    if (signal.aborted) return { ok: false, reason: `timed out after ${timeoutMs} ms` };
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: `fetch failed: ${cause?.code ?? cause?.message ?? (e as Error).message}` };
  }
}

/**
 * Runs `fn` over `items` with at most `limit` in flight and yields the
 * results in input order, so output stays deterministic. `fn` must not reject.
 */
export async function* mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
) {
  const pending: Promise<R>[] = [];
  let next = 0;
  const launch = () => {
    const i = next++;
    pending.push(fn(items[i] as T, i));
  };
  while (next < items.length && pending.length < limit) launch();
  while (pending.length > 0) {
    const result = await (pending.shift() as Promise<R>);
    if (next < items.length) launch();
    yield result;
  }
}
