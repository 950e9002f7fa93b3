/** RSS, RDF, Atom and JSON Feed, flattened to the few fields an article needs. */
import { type AnyFeed, parseFeed } from 'feedsmith';
import { absoluteUrl, cleanField } from './article.js';
import type { Checked } from './validate.js';

export interface FeedItem {
  title?: string;
  /** Absolute http(s) link to the item's page. */
  link?: string;
  date?: string;
  author?: string;
  /** Full content where the feed carries it (content:encoded, Atom content, content_html), as HTML. */
  html?: string;
  /** Plain-text content (JSON Feed content_text). */
  text?: string;
  /** Description or summary, as HTML: the fallback when there is no content. */
  summary?: string;
}

export interface Feed {
  title?: string;
  items: FeedItem[];
}

/** Parses a feed document; `base` is the URL it was fetched from. */
export function parseFeedDocument(source: string, base?: string): Checked<Feed> {
  let parsed: AnyFeed<string>;
  try {
    const trimmed = source.trimStart();
    parsed = parseFeed<string>(trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed);
  } catch (e) {
    return { ok: false, reason: `unreadable feed: ${(e as Error).message}` };
  }
  // Relative item links resolve against where the feed was fetched, else against the feed's own home page.
  const home = parsed.format === 'atom' ? parsed.feed.links?.find((l) => l.rel === 'alternate')?.href : undefined;
  const root =
    base ??
    absoluteUrl(parsed.format === 'rss' || parsed.format === 'rdf' ? parsed.feed.link : home) ??
    absoluteUrl(parsed.format === 'json' ? parsed.feed.home_page_url : undefined);
  const link = (href: string | undefined) => absoluteUrl(href, root);
  switch (parsed.format) {
    case 'rss':
      return {
        ok: true,
        value: {
          title: cleanField(parsed.feed.title),
          items: (parsed.feed.items ?? []).map((item) => ({
            title: item.title,
            link: link(item.link) ?? (item.guid?.isPermaLink !== false ? link(item.guid?.value) : undefined),
            date: item.pubDate ?? item.dc?.dates?.[0],
            author: item.dc?.creators?.[0] ?? rssAuthor(item.authors?.[0]?.name),
            html: item.content?.encoded,
            summary: item.description,
          })),
        },
      };
    case 'rdf':
      return {
        ok: true,
        value: {
          title: cleanField(parsed.feed.title),
          items: (parsed.feed.items ?? []).map((item) => ({
            title: item.title,
            link: link(item.link),
            date: item.dc?.dates?.[0],
            author: item.dc?.creators?.[0],
            html: item.content?.encoded,
            summary: item.description,
          })),
        },
      };
    case 'atom':
      return {
        ok: true,
        value: {
          title: cleanField(parsed.feed.title?.value),
          items: (parsed.feed.entries ?? []).map((entry) => {
            const links = entry.links ?? [];
            const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
            return {
              title: entry.title?.value,
              link: link(alternate?.href),
              date: entry.published ?? entry.updated,
              author: entry.authors?.[0]?.name,
              html: entry.content?.value && atomHtml(entry.content.value, entry.content.type),
              summary: entry.summary?.value && atomHtml(entry.summary.value, entry.summary.type),
            };
          }),
        },
      };
    case 'json':
      return {
        ok: true,
        value: {
          title: cleanField(parsed.feed.title),
          items: (parsed.feed.items ?? []).map((item) => ({
            title: item.title,
            link: link(item.url ?? item.external_url),
            date: item.date_published ?? item.date_modified,
            author: item.authors?.[0]?.name,
            html: item.content_html,
            text: item.content_text,
            summary: item.summary,
          })),
        },
      };
  }
}

/** RSS `<author>` is an email address, often with the name in brackets: "desk@example.com (Jane Doe)". */
function rssAuthor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const bracketed = /\(([^)]+)\)/.exec(value)?.[1];
  if (bracketed) return bracketed;
  return value.includes('@') ? undefined : value;
}

/** Atom text constructs of type "text" are plain; escape them so every summary can be read as HTML. */
function atomHtml(value: string, type: string | undefined): string {
  if (type === 'html' || type === 'xhtml') return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
