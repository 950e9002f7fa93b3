/**
 * A character trie over lower-cased surface forms, matched at token starts
 * and accepted only where the match ends on a token end. Matching characters
 * instead of tokens means the lexicon never has to be tokenised, so loading
 * stays fast however many names analysts add.
 */

interface TrieNode<T> {
  /** Children by UTF-16 code unit, the unit `longestAt` reads from the text. */
  next: Map<number, TrieNode<T>>;
  /** Entries whose form ends here, with the original form for case checks. */
  entries: { form: string; value: T; anyCase: boolean }[];
  /** Length of the forms ending here, in UTF-16 units (the node's depth). */
  length: number;
  /** Every entry matches in any case: `values` is the answer, with no case check per match. */
  anyCase: boolean;
  /** The form every entry here was written as, when they agree ("Russia"): one case check answers for all. */
  form: string | undefined;
  values: readonly T[];
}

/**
 * The trie as flat arrays, the form `longestAt` walks: a walk visits a few
 * characters at every token of every article, and following typed-array
 * indices there costs a fraction of a lookup in one `Map` per node, in a
 * fraction of the memory (so more of it stays in cache between articles).
 * Nodes are numbered breadth first with siblings in code-unit order, so the
 * children of node `n` are nodes `firstChild[n] + 1 .. firstChild[n + 1]`,
 * their units `units[firstChild[n] .. firstChild[n + 1])`. `ends[n]` is 1 +
 * the index in `endNodes` of the node's entries, or 0. The root's children
 * are also indexed by unit in `rootChild` (the node, or 0: the root is no
 * one's child): every walk starts there, among the most children, and it is
 * the only step of most walks.
 */
interface FlatTrie<T> {
  firstChild: Int32Array;
  units: Uint16Array;
  rootChild: Int32Array;
  ends: Int32Array;
  endNodes: TrieNode<T>[];
}

export interface GazetteerMatch<T> {
  start: number;
  end: number;
  form: string;
  values: readonly T[];
}

export class Gazetteer<T> {
  private readonly root: TrieNode<T> = newNode();
  /** Built from `root` on the first match after an `add`. */
  private flat: FlatTrie<T> | undefined;

  add(form: string, value: T): void {
    const key = normalise(form.trim());
    if (!key) return;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = newNode();
        node.next.set(unit, child);
      }
      node = child;
    }
    const folded = foldQuotes(form.trim());
    node.length = key.length;
    node.entries.push({ form: folded, value, anyCase: folded === folded.toLowerCase() });
    node.anyCase = node.entries.every((e) => e.anyCase);
    node.form = node.entries.every((e) => e.form === folded) ? folded : undefined;
    node.values = Object.freeze(node.entries.map((e) => e.value));
    this.flat = undefined;
  }

  /**
   * The longest form that starts at `start` in `text`, ends where
   * `tokenAtEnd` is not 0 (a token end) and agrees in case. `lower` is
   * `normalise(text)` computed once per document. Most walks meet no form and
   * most forms found agree in case, so a walk looks for the longest only, and
   * walks again, for a shorter one, only when that one's case disagrees.
   */
  longestAt(text: string, lower: string, start: number, tokenAtEnd: Int32Array): GazetteerMatch<T> | undefined {
    for (let limit = lower.length; ; ) {
      const found = this.deepestAt(lower, start, tokenAtEnd, limit);
      if (!found) return undefined;
      const end = start + found.length;
      const surface = foldQuotes(text.slice(start, end));
      const values = agreeing(found, surface);
      if (values.length) return { start, end, form: surface, values };
      limit = end - 1;
    }
  }

  /** The node of the longest form from `start` that ends on a token end, at `limit` at the latest. */
  private deepestAt(lower: string, start: number, tokenAtEnd: Int32Array, limit: number): TrieNode<T> | undefined {
    this.flat ??= flatten(this.root);
    const { firstChild, units, rootChild, ends, endNodes } = this.flat;
    let node = 0;
    let deepest = 0;
    for (let i = start; i < limit; i++) {
      const unit = lower.charCodeAt(i);
      if (node === 0) node = rootChild[unit] as number;
      else {
        let lo = firstChild[node] as number;
        let hi = firstChild[node + 1] as number;
        node = 0;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          const u = units[mid] as number;
          if (u < unit) lo = mid + 1;
          else if (u > unit) hi = mid;
          else {
            node = mid + 1;
            break;
          }
        }
      }
      if (node === 0) break;
      const endIndex = ends[node] as number;
      if (endIndex && tokenAtEnd[i + 1]) deepest = endIndex;
    }
    return deepest ? endNodes[deepest - 1] : undefined;
  }
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), entries: [], length: 0, anyCase: true, form: undefined, values: [] };
}

/** Numbers the nodes breadth first, siblings in code-unit order, so that edge `e` leads to node `e + 1`. */
function flatten<T>(root: TrieNode<T>): FlatTrie<T> {
  const order: TrieNode<T>[] = [root];
  for (let n = 0; n < order.length; n++) {
    const children = [...(order[n] as TrieNode<T>).next].sort((a, b) => a[0] - b[0]);
    for (const [, c] of children) order.push(c);
  }
  const firstChild = new Int32Array(order.length + 1);
  const units = new Uint16Array(order.length - 1);
  const ends = new Int32Array(order.length);
  const endNodes: TrieNode<T>[] = [];
  let edge = 0;
  order.forEach((node, n) => {
    firstChild[n] = edge;
    for (const unit of [...node.next.keys()].sort((a, b) => a - b)) units[edge++] = unit;
    if (node.entries.length) ends[n] = endNodes.push(node);
  });
  firstChild[order.length] = edge;
  const rootChild = new Int32Array(0x10000);
  for (let e = 0; e < (firstChild[1] as number); e++) rootChild[units[e] as number] = e + 1;
  return { firstChild, units, rootChild, ends, endNodes };
}

/** Lower-cases character by character so the result keeps the text's offsets. */
export function normalise(text: string): string {
  const folded = foldQuotes(text);
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  let out = '';
  for (const ch of folded) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

const QUOTES = /[\u2018\u2019\u02bc\u201c\u201d]/;

function foldQuotes(text: string): string {
  // Most surfaces hold no typographic quote: answer them without two replace passes.
  if (!QUOTES.test(text)) return text;
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** The values of a node's entries that agree in case with `surface`, in the order they were added. */
function agreeing<T>(node: TrieNode<T>, surface: string): readonly T[] {
  if (node.anyCase) return node.values;
  // Entries written alike agree or disagree together: one check, and no new array.
  if (node.form !== undefined) return caseAgrees(node.form, surface) ? node.values : [];
  return node.entries.filter((e) => e.anyCase || caseAgrees(e.form, surface)).map((e) => e.value);
}

/**
 * Forms written with capitals must match as written ("US" is not "us"). Forms
 * written in lower case ("foreign minister") match in any case and are not
 * asked (`anyCase`).
 */
function caseAgrees(form: string, surface: string): boolean {
  if (form === surface) return true;
  // A form written with a lower-case article may open a sentence ("The Kremlin"); "turkey" is never "Turkey".
  const first = form[0] ?? '';
  return first !== first.toUpperCase() && surface[0] === first.toUpperCase() && form.slice(1) === surface.slice(1);
}
