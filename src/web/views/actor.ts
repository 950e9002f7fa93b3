import { type ActorPage, get } from '../api.js';
import { empty, h } from '../dom.js';
import { link } from '../state.js';
import { eventTable } from './events.js';
import type { View } from './view.js';

export const actorView: View = async (root, state) => {
  const id = state.params.get('id');
  if (!id) {
    root.append(empty('No actor chosen.', 'Open one from the network or the events table.'));
    return;
  }
  const a = await get<ActorPage>(`/actors/${encodeURIComponent(id)}`);
  root.append(
    h('h2', {}, a.name, h('span', { class: 'muted' }, ` ${a.code} · ${a.kind}${a.sector ? ` · ${a.sector}` : ''}`)),
    h(
      'dl',
      { class: 'facts', 'data-testid': 'actor-facts' },
      h('dt', {}, 'id'),
      h('dd', {}, a.id),
      h('dt', {}, 'also called'),
      h('dd', {}, a.aliases.join(', ') || '—'),
      h('dt', {}, 'roles'),
      h('dd', {}, a.roles.join(', ') || '—'),
      h('dt', {}, 'events'),
      h('dd', {}, `${a.counts.events} (${a.counts.asSource} as source, ${a.counts.asTarget} as target)`),
      h('dt', {}, 'articles'),
      h('dd', {}, String(a.counts.articles)),
    ),
    h('h3', {}, 'Partners'),
    a.partners.length
      ? h(
          'ul',
          { class: 'partners' },
          a.partners.map((p) => h('li', {}, link({ view: 'actor', id: p.actorId }, p.name), ` ${p.events} events`)),
        )
      : h('p', { class: 'muted' }, 'No counterpart in any event.'),
    h('h3', {}, 'Recent events'),
    a.recentEvents.length ? eventTable(a.recentEvents) : h('p', { class: 'muted' }, 'No events.'),
  );
};
