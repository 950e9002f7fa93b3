/** Plain text: the whole input is the article. */
import type { Draft } from './article.js';

/** A first line longer than this is a paragraph, not a headline. */
const MAX_TITLE_CHARS = 150;

export function readText(text: string, origin: string): Draft {
  const match = /^[ \t]*([^\n]+?)[ \t]*\r?\n[ \t]*\r?\n/.exec(text.trimStart());
  const first = match?.[1];
  const title = first && first.length <= MAX_TITLE_CHARS ? first : undefined;
  return { origin, text, title };
}
