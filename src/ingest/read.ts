/**
 * The entry point: any mix of files, folders, URLs and stdin in, a stream of
 * articles and rejections out. Bad input becomes a rejection naming where it
 * came from and why; the iterator itself does not throw for it.
 *
 * Reading is two halves: `readPieces` here does the I/O (walking folders,
 * reading files, fetching, splitting dumps into lines and feeds into items)
 * and `parsePiece` (`parse.ts`) the CPU work on each piece. `readInputs`
 * runs both in turn; `ingest` runs the second on its worker threads.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { detectFormat, type Format, type FormatHints, SNIFF_BYTES } from './detect.js';
import { parseFeedDocument } from './feed.js';
import { fetchLimited, mapBounded } from './fetch.js';
import { splitLines } from './jsonl.js';
import { type ReadOptions, type ReadResult, type Settings, settings } from './options.js';
import { type Piece, parsePiece } from './parse.js';
import { checkSize, decodeText, formatBytes } from './validate.js';

/** Reads every input in order; a folder is read recursively in sorted order. */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const s = settings(options);
  for await (const piece of readPieces(inputs, s)) yield parsePiece(piece, s);
}

/** The I/O half of `readInputs`: one piece per article-to-be (or per input refused before parsing), in input order. */
export async function* readPieces(inputs: readonly string[], s: Settings): AsyncGenerator<Piece> {
  for (const input of inputs) {
    try {
      yield* readInput(input, s);
    } catch (e) {
      yield reject(input, `unexpected error: ${(e as Error).message}`);
    }
  }
}

async function* readInput(input: string, s: Settings): AsyncGenerator<Piece> {
  if (input === '-') {
    yield* readStream(s.stdin ?? process.stdin, 'stdin', {}, s);
    return;
  }
  if (/^https?:\/\//i.test(input)) {
    yield* readUrl(input, s);
    return;
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(input)) {
    yield reject(input, `unsupported URL scheme ${input.split(':')[0]}:`);
    return;
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(input);
  } catch (e) {
    yield reject(input, fsReason(e));
    return;
  }
  if (info.isDirectory()) {
    for await (const file of walk(input)) yield* readPath(file, s);
  } else {
    yield* readPath(input, s);
  }
}

/** Files under a folder in sorted order; hidden entries are skipped and symlinked folders too, to avoid cycles. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
    else if (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()) yield path;
  }
}

async function* readPath(path: string, s: Settings): AsyncGenerator<Piece> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    yield reject(path, fsReason(e));
    return;
  }
  const hints = { extension: extname(path).toLowerCase() };
  // Pipes (`<(curl ...)`) have no size to check first; they are read as a stream under the same cap.
  if (!info.isFile()) {
    yield* readStream(createReadStream(path), path, hints, s);
    return;
  }
  if (info.size === 0) {
    yield reject(path, 'empty input');
    return;
  }
  const format = detectFormat(await readHead(path), hints);
  // A dump is limited per line, so only whole-document formats are refused on size, before reading a byte more.
  const tooLarge = format === 'jsonl' ? undefined : checkSize(info.size, s.maxBytes);
  if (tooLarge) {
    yield reject(path, tooLarge);
    return;
  }
  yield* readFormatted(createReadStream(path), format, path, s);
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** A stream of unknown size (stdin, a pipe): the first bytes decide the format, the rest follow. */
async function* readStream(
  chunks: AsyncIterable<Uint8Array>,
  origin: string,
  hints: FormatHints,
  s: Settings,
): AsyncGenerator<Piece> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const format = detectFormat(new TextDecoder().decode(Buffer.concat(head)), hints);
  yield* readFormatted(replay(), format, origin, s);
}

async function* readFormatted(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  format: Format,
  origin: string,
  s: Settings,
): AsyncGenerator<Piece> {
  if (format === 'jsonl') {
    for await (const line of splitLines(chunks, s.maxBytes)) {
      const lineOrigin = `${origin}:${line.line}`;
      if ('tooLong' in line) yield reject(lineOrigin, checkSize(line.tooLong, s.maxBytes) as string);
      else if (!line.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) {
        yield { kind: 'record', origin: lineOrigin, bytes: ownBytes(line.bytes) };
      }
    }
    return;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > s.maxBytes) {
      // Leaving the loop closes the stream; nothing past the limit is read.
      yield reject(origin, `too large: over the ${formatBytes(s.maxBytes)} limit`);
      return;
    }
    parts.push(chunk);
  }
  yield* readDocument(Buffer.concat(parts), format, origin, s, { fromUrl: false });
}

async function* readUrl(url: string, s: Settings): AsyncGenerator<Piece> {
  const fetched = await fetchLimited(url, s.timeoutMs, s.maxBytes);
  if (!fetched.ok) {
    yield reject(url, fetched.reason);
    return;
  }
  const { bytes, contentType } = fetched.value;
  const hints = { extension: extname(new URL(fetched.value.url).pathname).toLowerCase(), contentType };
  const format = detectFormat(new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES)), hints);
  if (format === 'jsonl') {
    yield* readFormatted([bytes], format, url, s);
    return;
  }
  yield* readDocument(bytes, format, url, s, { fromUrl: true, url: fetched.value.url });
}

/** A document is parsed later, as one piece; only a feed is parsed here, since its items are pieces of their own. */
async function* readDocument(
  bytes: Uint8Array,
  format: Format,
  origin: string,
  s: Settings,
  source: { fromUrl: boolean; url?: string },
): AsyncGenerator<Piece> {
  if (format !== 'feed') {
    yield {
      kind: 'document',
      origin,
      format: format === 'html' ? 'html' : 'text',
      bytes: ownBytes(bytes),
      ...(source.url ? { url: source.url } : {}),
    };
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield reject(origin, decoded.reason);
    return;
  }
  const feed = parseFeedDocument(decoded.value, source.url);
  if (!feed.ok) {
    yield reject(origin, feed.reason);
    return;
  }
  const { title, items } = feed.value;
  if (items.length === 0) {
    yield reject(origin, 'feed has no items');
    return;
  }
  const follow = source.fromUrl && s.followFeedLinks;
  yield* mapBounded(items, s.concurrency, async (item, i): Promise<Piece> => {
    const fetched = follow && item.link ? await fetchLimited(item.link, s.timeoutMs, s.maxBytes) : undefined;
    return {
      kind: 'item',
      origin: `${origin}#${i + 1}`,
      item,
      ...(title ? { feedTitle: title } : {}),
      // A page that failed (HTTP error, timeout) is no page: the item's own content stands in.
      ...(fetched?.ok ? { page: fetched.value } : {}),
    };
  });
}

/**
 * The bytes in a buffer of their own. A view into a larger buffer (a line of
 * a stream chunk, a small Buffer in Node's shared pool) would carry the whole
 * buffer with it when the piece is copied to a thread.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

function reject(origin: string, reason: string): Piece {
  return { kind: 'rejected', origin, reason };
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}
