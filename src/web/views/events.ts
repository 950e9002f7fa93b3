import { get, type StoredEvent } from '../api.js';
import { typeColor } from '../colors.js';
import { empty, h } from '../dom.js';
import { link } from '../state.js';
import type { View } from './view.js';

interface Page {
  events: StoredEvent[];
  nextCursor?: string;
}

/** The evidence sentence with its trigger in bold. */
export function evidence(e: {
  evidence: { start: number; text: string };
  trigger: { start: number; end: number };
}): HTMLElement {
  const from = e.trigger.start - e.evidence.start;
  const to = e.trigger.end - e.evidence.start;
  const text = e.evidence.text;
  if (from < 0 || to > text.length) return h('span', {}, text.trim());
  return h(
    'span',
    {},
    text.slice(0, from).trimStart(),
    h('b', { class: 'trigger' }, text.slice(from, to)),
    text.slice(to).trimEnd(),
  );
}

export function typeBadge(e: { type: string; negated: boolean; hypothetical: boolean }): HTMLElement {
  const flags = [e.negated ? 'not' : '', e.hypothetical ? 'maybe' : ''].filter(Boolean).join(', ');
  return h(
    'span',
    { class: 'badge', style: `background:${typeColor(e.type as StoredEvent['type'])}` },
    e.type,
    flags ? ` (${flags})` : '',
  );
}

export function eventRow(e: StoredEvent): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-event': e.id },
    h('td', { class: 'nowrap' }, e.date ?? ''),
    h('td', {}, typeBadge(e), h('div', { class: 'muted' }, `CAMEO ${e.cameo}, Goldstein ${e.goldstein}`)),
    h('td', {}, link({ view: 'actor', id: e.sourceActorId }, e.source.name)),
    h('td', {}, e.target && e.targetActorId ? link({ view: 'actor', id: e.targetActorId }, e.target.name) : '—'),
    h('td', {}, evidence(e)),
    h(
      'td',
      {},
      h(
        'ul',
        { class: 'mentions' },
        e.mentions.map((m) =>
          h(
            'li',
            {},
            link(
              { view: 'reader', article: m.articleId, event: e.id },
              `${m.outlet ?? 'article'}${m.articleDate ? `, ${m.articleDate}` : ''}`,
            ),
          ),
        ),
      ),
    ),
  );
}

export function eventTable(events: StoredEvent[]): HTMLTableElement {
  return h(
    'table',
    { class: 'events', 'data-testid': 'events-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['date', 'type', 'source', 'target', 'evidence', 'reports'].map((c) => h('th', {}, c)),
      ),
    ),
    h('tbody', {}, events.map(eventRow)),
  );
}

export const eventsView: View = async (root, state) => {
  root.append(
    h('h2', {}, 'Events'),
    h('p', { class: 'hint' }, 'Newest first. Each report links to its sentence in the article.'),
  );
  const first = await get<Page>('/events', { ...state.filters, limit: 50 });
  if (first.events.length === 0) {
    root.append(empty('No events match these filters.', 'Clear a filter or ingest more articles.'));
    return;
  }
  const table = eventTable(first.events);
  const body = table.tBodies[0] as HTMLTableSectionElement;
  root.append(table);
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  let cursor = first.nextCursor;
  more.addEventListener('click', async () => {
    if (!cursor) return;
    more.disabled = true;
    const page = await get<Page>('/events', { ...state.filters, limit: 50, cursor });
    body.append(...page.events.map(eventRow));
    cursor = page.nextCursor;
    more.disabled = false;
    more.hidden = !cursor;
  });
  more.hidden = !cursor;
  root.append(more);
};
