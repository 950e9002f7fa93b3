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
const SEEDS: readonly number[] = Array.from(
  { length: SIGNATURE_SIZE },
  (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0,
);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed stand-in for a random permutation. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function shingles(text: string): Set<number> {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return out;
}

export function signature(text: string): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(shingle, SEEDS[i] ?? 0);
      if (h < (sig[i] ?? 0xffffffff)) sig[i] = h;
    }
  }
  return sig;
}

/** Band keys: `index:hex` of each band's rows; equal keys mean a candidate pair. */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = sig.slice(b * ROWS, (b + 1) * ROWS).map((v) => v.toString(16).padStart(HEX_DIGITS, '0'));
    keys.push(`${b}:${rows.join('')}`);
  }
  return keys;
}

export function encodeSignature(sig: readonly number[]): string {
  return sig.map((v) => v.toString(16).padStart(HEX_DIGITS, '0')).join('');
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
