/**
 * A character trie over lower-cased surface forms, matched at token starts
 * and accepted only where the match ends on a token end. Matching characters
 * instead of tokens means the lexicon never has to be tokenised, so loading
 * stays fast however many names analysts add.
 */

const NO_MATCH: readonly never[] = Object.freeze([]);

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** Entries whose form ends here, with the original form for case checks. */
  entries: { form: string; value: T }[];
}

export interface GazetteerMatch<T> {
  start: number;
  end: number;
  form: string;
  values: T[];
}

export class Gazetteer<T> {
  private readonly root: TrieNode<T> = { next: new Map(), entries: [] };

  add(form: string, value: T): void {
    const key = normalise(form.trim());
    if (!key) return;
    let node = this.root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.entries.push({ form: foldQuotes(form.trim()), value });
  }

  /**
   * All forms that start at `start` in `text` and end at one of `tokenEnds`,
   * longest first. `lower` is `normalise(text)` computed once per document.
   */
  matchAt(text: string, lower: string, start: number, tokenEnds: Set<number>): readonly GazetteerMatch<T>[] {
    let node: TrieNode<T> | undefined = this.root.next.get(lower[start] as string);
    // Most tokens start no entry at all: answer them without allocating.
    if (!node) return NO_MATCH;
    node = this.root;
    const found: GazetteerMatch<T>[] = [];
    for (let i = start; i < lower.length && node; i++) {
      node = node.next.get(lower[i] as string);
      if (!node) break;
      if (node.entries.length && tokenEnds.has(i + 1)) {
        const surface = foldQuotes(text.slice(start, i + 1));
        const values = node.entries.filter((e) => caseAgrees(e.form, surface)).map((e) => e.value);
        if (values.length) found.push({ start, end: i + 1, form: surface, values });
      }
    }
    return found.reverse();
  }
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

function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/**
 * Forms written with capitals must match as written ("US" is not "us"); forms
 * written in lower case ("foreign minister") match in any case.
 */
function caseAgrees(form: string, surface: string): boolean {
  if (form === form.toLowerCase()) return true;
  if (form === surface) return true;
  // A form written with a lower-case article may open a sentence ("The Kremlin"); "turkey" is never "Turkey".
  const first = form[0] ?? '';
  return first !== first.toUpperCase() && surface[0] === first.toUpperCase() && form.slice(1) === surface.slice(1);
}
