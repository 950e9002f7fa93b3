import { get, type StoredCommitment, type Totals } from '../api.js';
import { empty, formatMoney, h } from '../dom.js';
import { link, navigate } from '../state.js';
import { ignored, type View } from './view.js';

export const ledgerView: View = async (root, state) => {
  const by = state.params.get('by') === 'recipient' ? 'recipient' : 'donor';
  const { actor, since, until } = state.filters;
  const [totals, pledges] = await Promise.all([
    get<Totals>('/ledger/totals', { by, actor, since, until }),
    get<StoredCommitment[]>('/ledger/commitments', { actor, since, until, limit: 1000 }),
  ]);
  const toggle = h(
    'select',
    {
      'aria-label': 'group by',
      class: 'group-by',
      onchange: (e: Event) => navigate({ by: (e.target as HTMLSelectElement).value }),
    },
    h('option', { value: 'donor', selected: by === 'donor' }, 'by donor'),
    h('option', { value: 'recipient', selected: by === 'recipient' }, 'by recipient'),
  );
  root.append(
    h('h2', {}, 'Aid ledger ', toggle),
    h(
      'p',
      { class: 'hint' },
      'Pledges and transfers read from the articles, summed per currency (amounts in different currencies are never added). Open a row for each pledge and the sentence it was read from.',
      totals.truncated ? ' Only the first 1,000 commitments were summed.' : '',
    ),
  );
  if (totals.totals.length === 0) {
    root.append(
      empty('No commitments match these filters.', 'Pledges appear when an article states who gives what to whom.'),
    );
    return;
  }
  const list = h('div', { class: 'ledger', 'data-testid': 'ledger' });
  for (const row of totals.totals) {
    const mine = pledges.filter(
      (c) =>
        ((by === 'donor' ? c.donor : c.recipient)?.actorId ?? null) === row.actorId &&
        (c.currency ?? null) === row.currency,
    );
    list.append(
      h(
        'details',
        {},
        h(
          'summary',
          {},
          h('span', { class: 'who' }, row.name),
          h('span', { class: 'total' }, formatMoney(row.total, row.currency)),
          h('span', { class: 'muted' }, `${row.pledges} pledge${row.pledges === 1 ? '' : 's'}`),
        ),
        h(
          'ul',
          { class: 'pledges' },
          mine.map((c) =>
            h(
              'li',
              {},
              h('strong', {}, formatMoney(c.value, c.currency)),
              ` ${c.donor.name} → ${c.recipient?.name ?? 'no recipient named'} · ${c.kind} · ${c.status}${c.date ? ` · ${c.date}` : ''}${c.purpose ? ` · for ${c.purpose}` : ''}`,
              h('blockquote', {}, c.evidence.text.trim()),
              link(
                { view: 'reader', article: c.articleId, event: null, at: String(c.evidence.start) },
                'read in article',
              ),
            ),
          ),
        ),
      ),
    );
  }
  root.append(list);
  const skipped = ignored(state, ['actor', 'since', 'until']);
  if (skipped.length) root.append(h('p', { class: 'hint' }, `Not applied here: ${skipped.join(', ')}.`));
};
