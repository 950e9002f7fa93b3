import { type ArticleSummary, get, type Reader, type ReaderEvent } from '../api.js';
import { empty, h } from '../dom.js';
import { link, navigate } from '../state.js';
import { evidence, typeBadge } from './events.js';
import type { View } from './view.js';

interface Mark {
  start: number;
  end: number;
  cls: string;
  title?: string;
  eventId?: string;
}

/**
 * Cuts the text at every annotation boundary so overlapping marks (a
 * mention inside an evidence sentence inside another) become flat runs,
 * each carrying the classes of everything that covers it.
 */
function annotate(text: string, marks: readonly Mark[], selected: string | null): HTMLElement {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    if (m.start < 0 || m.end > text.length || m.end <= m.start) continue;
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const body = h('div', { class: 'article-text', 'data-testid': 'article-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const covering = marks.filter((m) => m.start <= from && m.end >= to);
    const piece = text.slice(from, to);
    if (covering.length === 0) {
      body.append(piece);
      continue;
    }
    const events = [...new Set(covering.filter((m) => m.eventId).map((m) => m.eventId as string))];
    const span = h('span', {
      class:
        [...new Set(covering.map((m) => m.cls))].join(' ') + (selected && events.includes(selected) ? ' selected' : ''),
      title: covering
        .map((m) => m.title)
        .filter(Boolean)
        .join('\n'),
      'data-events': events.join(' ') || undefined,
    });
    span.textContent = piece;
    const trigger = covering.find((m) => m.cls.startsWith('trigger') && m.eventId);
    if (trigger?.eventId) {
      const id = trigger.eventId;
      span.addEventListener('click', () => navigate({ event: id, at: null }, { replace: true }));
    }
    body.append(span);
  }
  return body;
}

function eventMarks(e: ReaderEvent): Mark[] {
  const label = `${e.type}${e.negated ? ' (negated)' : ''}${e.hypothetical ? ' (hypothetical)' : ''}: ${e.source.name}${e.target ? ` → ${e.target.name}` : ''}`;
  return [
    { start: e.evidence.start, end: e.evidence.end, cls: 'evidence', eventId: e.id },
    { start: e.trigger.start, end: e.trigger.end, cls: `trigger quad-${e.quadClass}`, title: label, eventId: e.id },
  ];
}

function eventList(events: readonly ReaderEvent[], selected: string | null): HTMLElement {
  return h(
    'ol',
    { class: 'reader-events', 'data-testid': 'reader-events' },
    events.map((e) =>
      h(
        'li',
        { class: e.id === selected ? 'selected' : undefined },
        link({ event: e.id, at: null }, typeBadge(e)),
        ` ${e.source.name}${e.target ? ` → ${e.target.name}` : ''}`,
      ),
    ),
  );
}

async function articleList(root: HTMLElement, filters: Record<string, string>): Promise<void> {
  const list = await get<{ articles: ArticleSummary[]; truncated: boolean }>('/articles', filters);
  root.append(
    h('h2', {}, 'Articles'),
    h('p', { class: 'hint' }, 'Articles that report at least one event matching the filters.'),
  );
  if (list.articles.length === 0) {
    root.append(empty('No articles match these filters.', 'Ingest articles with `parley ingest` or POST /articles.'));
    return;
  }
  root.append(
    h(
      'ul',
      { class: 'articles', 'data-testid': 'article-list' },
      list.articles.map((a) =>
        h(
          'li',
          {},
          link({ article: a.id, event: null, at: null }, a.title ?? a.id),
          h('span', { class: 'muted' }, ` ${[a.outlet, a.date].filter(Boolean).join(', ')} · ${a.events} events`),
        ),
      ),
    ),
  );
}

export const readerView: View = async (root, state) => {
  const id = state.params.get('article');
  if (!id) {
    await articleList(root, state.filters);
    return;
  }
  const selected = state.params.get('event');
  const at = Number(state.params.get('at') ?? Number.NaN);
  const r = await get<Reader>(`/articles/${encodeURIComponent(id)}/reader`);
  const a = r.article;
  root.append(
    h('p', {}, link({ article: null, event: null, at: null }, '← all articles')),
    h('h2', {}, a.title ?? 'Untitled article'),
    h(
      'p',
      { class: 'muted' },
      [a.outlet, a.author, a.date].filter(Boolean).join(' · '),
      a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : '',
    ),
    h(
      'p',
      { class: 'legend' },
      h('span', { class: 'mention' }, 'actor'),
      ' ',
      h('span', { class: 'trigger quad-1' }, 'cooperation'),
      ' ',
      h('span', { class: 'trigger quad-4' }, 'conflict'),
      ' ',
      h('span', { class: 'amount' }, 'amount'),
      ' ',
      h('span', { class: 'evidence selected' }, 'selected evidence'),
    ),
  );
  const layout = h('div', { class: 'reader' });
  root.append(layout);
  let body: HTMLElement;
  if (r.text !== null) {
    const marks: Mark[] = [
      ...r.events.flatMap(eventMarks),
      ...r.mentions.map((m) => ({ start: m.span.start, end: m.span.end, cls: 'mention', title: m.name })),
      ...r.amounts.map((m) => ({
        start: m.span.start,
        end: m.span.end,
        cls: 'amount',
        title: `${m.currency ?? ''} ${m.value.toLocaleString('en')}`.trim(),
      })),
    ];
    body = annotate(r.text, marks, selected);
  } else {
    // Without the text the evidence sentences are all there is; each is shown with its own marks.
    body = h(
      'div',
      { class: 'article-text', 'data-testid': 'article-text' },
      h(
        'p',
        { class: 'muted' },
        'The store does not keep this article’s text; these are the sentences its events were read from.',
      ),
      r.events.map((e) =>
        h('p', { class: `evidence${e.id === selected ? ' selected' : ''}`, 'data-events': e.id }, evidence(e)),
      ),
    );
  }
  layout.append(body, h('aside', {}, h('h3', {}, `${r.events.length} events`), eventList(r.events, selected)));
  if (r.events.length === 0) layout.append(empty('No events were read from this article.', ''));
  const target = selected
    ? body.querySelector<HTMLElement>(`[data-events~="${CSS.escape(selected)}"]`)
    : Number.isFinite(at)
      ? findOffset(body, at)
      : null;
  target?.scrollIntoView({ block: 'center' });
  if (target && !selected) target.classList.add('flash');
};

/** The run of text that holds character `offset` (a ledger pledge's evidence). */
function findOffset(body: HTMLElement, offset: number): HTMLElement | null {
  let pos = 0;
  for (const node of Array.from(body.childNodes)) {
    const len = node.textContent?.length ?? 0;
    if (offset < pos + len) {
      if (node instanceof HTMLElement) return node;
      const span = h('span', {}, node.textContent ?? '');
      node.replaceWith(span);
      return span;
    }
    pos += len;
  }
  return null;
}
