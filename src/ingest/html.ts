/** News pages: Readability finds the article body, the page's metadata supplies the rest. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { absoluteUrl, cleanField, type Draft, hostOf } from './article.js';

/** The part of the DOM this module touches; linkedom's own types pull in the DOM lib. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

type JsonObject = Record<string, unknown>;

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const INVISIBLE = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME BUTTON FORM SELECT OBJECT'.split(' '));
/** Page furniture removed before the fallback extraction when Readability finds no article. */
const FURNITURE =
  'nav, header, footer, aside, form, script, style, noscript, [role="navigation"], [aria-hidden="true"]';
const ARTICLE_TYPES = /(Article|BlogPosting|Report)$/;
/**
 * Class or id tokens of ads and promos. Readability keeps an ad that sits
 * inside the story body, so they go first; whole tokens only, since a
 * substring test would also drop "headline" and "lead-in".
 */
const CLUTTER_TOKEN =
  /^(ad|ads|advert|adverts|advertisement|ad-.+|ads-.+|advert-.+|sponsor(ed)?(-.+)?|promo(-.+)?|newsletter(-.+)?|paywall(-.+)?|social-share|share-tools)$/i;

/**
 * Text of a DOM subtree with one line per block (paragraph, heading, list
 * item), so paragraph breaks survive as "\n" and inline markup does not
 * split sentences.
 */
export function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (INVISIBLE.has(name)) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) parts.push('\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Text of an HTML fragment (a feed item's content, a dump's `html` field). */
export function htmlFragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as DomNode);
}

/** Reads a news page. `url` is where it came from, used for relative links and as the outlet of last resort. */
export function readHtml(html: string, origin: string, url?: string): Draft {
  const { document } = parseHTML(html);
  const doc = document as unknown as DomElement;
  const meta = metaTags(doc);
  const ld = jsonLdArticle(doc);
  const canonical =
    absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url) ??
    absoluteUrl(meta.get('og:url'), url) ??
    url;

  removeClutter(doc);
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as never, {
      serializer: (node) => blockText(node as unknown as DomNode),
    }).parse();
  } catch {
    // Readability throws on some malformed trees; the fallback below still gets the text.
  }
  let text = parsed?.content ?? '';
  if (text.trim() === '') text = fallbackText(html);

  return {
    origin,
    text,
    title:
      cleanField(str(ld?.headline)) ??
      cleanField(meta.get('og:title')) ??
      cleanField(meta.get('twitter:title')) ??
      cleanField(parsed?.title) ??
      cleanField(doc.querySelector('title')?.textContent),
    date:
      meta.get('article:published_time') ??
      str(ld?.datePublished) ??
      meta.get('og:published_time') ??
      meta.get('datepublished') ??
      meta.get('pubdate') ??
      meta.get('publish-date') ??
      meta.get('date') ??
      meta.get('dc.date.issued') ??
      meta.get('dc.date') ??
      meta.get('parsely-pub-date') ??
      cleanField(parsed?.publishedTime) ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
    outlet:
      cleanField(meta.get('og:site_name')) ??
      cleanField(names(objectOf(ld?.publisher))) ??
      cleanField(parsed?.siteName) ??
      hostOf(canonical),
    url: canonical,
    author: authorOf(meta, ld, parsed?.byline),
  };
}

function removeClutter(doc: DomElement): void {
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => CLUTTER_TOKEN.test(t))) el.remove();
  }
}

function fallbackText(html: string): string {
  const { document } = parseHTML(html);
  const doc = document as unknown as DomElement;
  removeClutter(doc);
  for (const el of Array.from(doc.querySelectorAll(FURNITURE))) el.remove();
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
  return blockText(root);
}

/** Meta tags keyed by lower-cased property, name or itemprop; the first of each wins. */
function metaTags(doc: DomElement): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    const content = el.getAttribute('content') ?? el.getAttribute('datetime');
    if (key && content?.trim() && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), content.trim());
  }
  return map;
}

/** The first JSON-LD object that describes an article, looking inside arrays and `@graph`. */
function jsonLdArticle(doc: DomElement): JsonObject | undefined {
  const objects: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) collect(v);
    else if (value && typeof value === 'object') {
      const obj = value as JsonObject;
      objects.push(obj);
      if (obj['@graph']) collect(obj['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages and says nothing about the article itself.
    }
  }
  const isArticle = (o: JsonObject): boolean =>
    [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return objects.find(isArticle) ?? objects.find((o) => typeof o.headline === 'string');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function objectOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Names from a JSON-LD person/organisation, a list of them, or a plain string. */
function names(value: unknown): string | undefined {
  const list = [value]
    .flat()
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as JsonObject).name) : undefined))
    .filter((v): v is string => !!v?.trim());
  return list.length > 0 ? list.join(', ') : undefined;
}

function authorOf(meta: Map<string, string>, ld: JsonObject | undefined, byline: string | null | undefined) {
  // article:author is often a profile URL rather than a name.
  const metaAuthor = [meta.get('author'), meta.get('article:author')].find((a) => a && !/^https?:/i.test(a));
  const author = cleanField(names(ld?.author)) ?? cleanField(metaAuthor) ?? cleanField(byline);
  return author?.replace(/^by\s+/i, '');
}
