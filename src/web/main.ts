import './style.css';
import { Charts } from './charts.js';
import { EVENT_TYPES } from './colors.js';
import { clear, errorBox, h } from './dom.js';
import {
  FILTER_KEYS,
  type FilterKey,
  href,
  NAVIGATE,
  type NavigateOptions,
  navigate,
  readState,
  type View,
} from './state.js';
import { actorView } from './views/actor.js';
import { eventsView } from './views/events.js';
import { ledgerView } from './views/ledger.js';
import { networkView } from './views/network.js';
import { readerView } from './views/reader.js';
import { stancesView } from './views/stances.js';
import { timelineView } from './views/timeline.js';
import type { View as ViewFn } from './views/view.js';

const VIEWS: Record<View, ViewFn> = {
  timeline: timelineView,
  network: networkView,
  stances: stancesView,
  ledger: ledgerView,
  reader: readerView,
  events: eventsView,
  actor: actorView,
};

const TABS: [View, string][] = [
  ['timeline', 'Timeline'],
  ['network', 'Network'],
  ['stances', 'Stances'],
  ['ledger', 'Aid ledger'],
  ['reader', 'Reader'],
  ['events', 'Events'],
];

/** Parameters that belong to one view and mean nothing to the next. */
const VIEW_PARAMS = { article: null, event: null, at: null, id: null, by: null };

function filterBar(): { form: HTMLFormElement; sync: () => void } {
  const input = (key: FilterKey, label: string, type = 'text', placeholder = '') =>
    h('label', {}, label, h('input', { name: key, type, placeholder, 'data-filter': key }));
  const typeSelect = h(
    'select',
    { name: 'type', 'data-filter': 'type' },
    h('option', { value: '' }, 'any type'),
    EVENT_TYPES.map((t) => h('option', { value: t }, t)),
  );
  const form = h(
    'form',
    { class: 'filters', 'data-testid': 'filters' },
    input('since', 'From', 'date'),
    input('until', 'To', 'date'),
    input('actor', 'Actor', 'text', 'RUS, Putin…'),
    h('label', {}, 'Type', typeSelect),
    input('issue', 'Issue', 'text', 'ceasefire'),
    input('text', 'Words', 'search', 'words in the sentence'),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'reset' }, 'Clear'),
  );
  const fields = () => Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-filter]'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const patch: Record<string, string | null> = {};
    for (const f of fields()) patch[f.name] = f.value.trim() || null;
    navigate({ ...patch, cursor: null });
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    navigate(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  });
  const sync = () => {
    const { filters } = readState();
    for (const f of fields()) f.value = filters[f.name as FilterKey] ?? '';
  };
  return { form, sync };
}

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const charts = new Charts();
  const { form, sync } = filterBar();
  const nav = h('nav', { class: 'tabs' });
  const main = h('main', { id: 'view', 'aria-live': 'polite' });
  app.append(
    h('header', {}, h('h1', {}, h('a', { href: '/' }, 'Parley')), nav, form),
    main,
    h(
      'footer',
      {},
      'Data read by machine from news text: check every event against its sentence. ',
      h('a', { href: '/openapi.json' }, 'API'),
    ),
  );
  // Renders started later win: a slow response for a view the user already left must not draw over the new one.
  let generation = 0;
  const render = async () => {
    const mine = ++generation;
    const state = readState();
    sync();
    clear(nav);
    for (const [view, label] of TABS) {
      const a = h('a', { href: href({ view, ...VIEW_PARAMS }) }, label);
      if (view === state.view || (view === 'network' && state.view === 'actor')) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate({ view, ...VIEW_PARAMS });
      });
      nav.append(a);
    }
    charts.disposeAll();
    // Attached before the view draws: a chart sizes itself from its element's layout.
    const root = h('section', { 'data-view': state.view });
    main.replaceChildren(root);
    main.setAttribute('aria-busy', 'true');
    try {
      await VIEWS[state.view](root, state, charts);
    } catch (e) {
      root.append(errorBox(e));
    }
    if (mine !== generation) return;
    main.removeAttribute('aria-busy');
    document.title = `Parley · ${state.view}`;
  };
  window.addEventListener(NAVIGATE, (e) => {
    if ((e as CustomEvent<NavigateOptions>).detail?.quiet) sync();
    else void render();
  });
  window.addEventListener('popstate', () => void render());
  window.addEventListener('resize', () => charts.resize());
  void render();
}

start();
