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
/** Hex digits per 32-bit hash in an encoded signature. */
const HEX_DIGITS = 8;
/** Estimated Jaccard similarity from which two articles are one story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
/** Candidates compared per article: bounds the cost when a band is very common. */
export const MAX_CANDIDATES = 50;

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

export function shingles(text: string): Set<number> {
  const words = normaliseText(text).split(' ').filter(Boolean);
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
export function signature(text: string): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles(text)) {
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

/** Band keys: `index:hex` of each band's rows; equal keys mean a candidate pair. */
export function bandKeys(sig: Uint32Array): string[] {
  const hex = encodeSignature(sig);
  const width = ROWS * HEX_DIGITS;
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(`${b}:${hex.slice(b * width, (b + 1) * width)}`);
  return keys;
}

export function encodeSignature(sig: Uint32Array): string {
  let hex = '';
  for (const v of sig) hex += v.toString(16).padStart(HEX_DIGITS, '0');
  return hex;
}

/**
 * Estimated Jaccard similarity of two encoded signatures: the share of hash
 * functions whose minimum agrees. Compared as text, so a stored candidate
 * needs no decoding.
 */
export function similarity(a: string, b: string): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += HEX_DIGITS) {
    let j = 0;
    while (j < HEX_DIGITS && a.charCodeAt(i + j) === b.charCodeAt(i + j)) j++;
    if (j === HEX_DIGITS) same++;
  }
  return same / (a.length / HEX_DIGITS);
}
