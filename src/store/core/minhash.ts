/**
 * Near-duplicate detection for wire stories retold by several outlets.
 * MinHash over three-word shingles estimates the Jaccard similarity of two
 * texts; locality-sensitive hashing (bands of rows) turns "find similar
 * articles" into a handful of exact index lookups, so the cost per article
 * stays flat however many articles are stored.
 */
import { normaliseText } from './normalize.js';

export const SIGNATURE_SIZE = 128;
/** 32 bands of 4 rows: pairs above ~0.42 similarity share a band with high probability. */
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE_WORDS = 3;
/** Estimated Jaccard similarity from which two articles are one story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
/**
 * Newest articles read per band and table. Some bands are shared by a thousand articles (boilerplate shingles
 * win many minima): read whole, they made the search grow with the store. A near-duplicate shares several
 * bands, most of them rare, so it is among the newest few of at least one.
 */
export const CANDIDATES_PER_BAND = 8;
/**
 * Candidates compared per article, those sharing the most bands first: bounds the signatures read. On 600
 * articles of a 60,000-article store, 10 found every near-duplicate that 50 did, and all but one that comparing
 * every article sharing a band did; 20 leaves a margin.
 */
export const MAX_CANDIDATES = 20;

/** One odd 32-bit seed per hash function, fixed so signatures stay comparable across runs. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of `text` continued from `hash`: hashing words one after another equals hashing them joined. */
function fnv1a(text: string, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a of the shingle `words[from..from + SHINGLE_WORDS)` joined by spaces, without building the string. */
function shingleHash(words: readonly string[], from: number): number {
  let h = fnv1a(words[from] as string);
  for (let w = from + 1; w < from + SHINGLE_WORDS; w++) h = fnv1a(words[w] as string, Math.imul(h ^ 0x20, 0x01000193));
  return h;
}

/** `normalised`: the text through `normaliseText`, when the caller has it already. */
export function shingles(text: string, normalised = normaliseText(text)): Set<number> {
  const words = normalised.split(' ').filter(Boolean);
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(shingleHash(words, i));
  return out;
}

/**
 * The minimum of each of the `SIGNATURE_SIZE` hash functions over the
 * shingles. The functions are Murmur3's finaliser of the shingle hash xor a
 * seed, a cheap, well-mixed stand-in for a random permutation; it is written
 * out in the loop over a typed array because this loop (some 30,000 rounds an
 * article) was most of the 1.2 ms a thread spent preparing each article for
 * the store.
 */
export function signature(text: string, normalised = normaliseText(text)): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles(text, normalised)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      let h = (shingle ^ (SEEDS[i] as number)) >>> 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Bytes of a signature: each hash value big-endian, so the bytes read as the hex of the values in order. */
export function signatureBytes(sig: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(sig.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i] as number);
  return bytes;
}

/** Bytes of a band key: the band's index, then its rows' hash values. */
export const BAND_KEY_BYTES = 1 + ROWS * 4;

/**
 * Band keys: each band's index as one byte, then the bytes of its rows; equal
 * keys mean a candidate pair. Views into one buffer, which a thread sends to
 * the writer in one piece.
 */
export function bandKeys(sig: Uint32Array): Uint8Array[] {
  const bytes = signatureBytes(sig);
  const keys = new Uint8Array(BANDS * BAND_KEY_BYTES);
  const out: Uint8Array[] = [];
  for (let b = 0; b < BANDS; b++) {
    const key = keys.subarray(b * BAND_KEY_BYTES, (b + 1) * BAND_KEY_BYTES);
    key[0] = b;
    key.set(bytes.subarray(b * ROWS * 4, (b + 1) * ROWS * 4), 1);
    out.push(key);
  }
  return out;
}

/** Estimated Jaccard similarity of two signatures' bytes: the share of hash functions whose minimum agrees. */
export function similarity(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3]) same++;
  }
  return same / (a.length / 4);
}
