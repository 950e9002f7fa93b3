/**
 * The dashboard's whole state is its URL query string, so any view with
 * its filters can be shared as a link and the back button works.
 */
export const FILTER_KEYS = ['since', 'until', 'actor', 'type', 'issue', 'text'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const VIEWS = ['timeline', 'network', 'stances', 'ledger', 'reader', 'events', 'actor'] as const;
export type View = (typeof VIEWS)[number];

export interface State {
  view: View;
  filters: Filters;
  params: URLSearchParams;
}

export function readState(search: string = location.search): State {
  const params = new URLSearchParams(search);
  const raw = params.get('view') ?? 'timeline';
  const view = (VIEWS as readonly string[]).includes(raw) ? (raw as View) : 'timeline';
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { view, filters, params };
}

/** A link to the current URL with some parameters changed; null or '' removes one. */
export function href(patch: Record<string, string | null | undefined>, search: string = location.search): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : location.pathname;
}

export const NAVIGATE = 'parley:navigate';

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (a brush being dragged). */
  replace?: boolean;
  /** Update the URL and the filter bar but keep the view as drawn (the brush would reset if it redrew). */
  quiet?: boolean;
}

/** Changes the URL and asks the app to render it. */
export function navigate(patch: Record<string, string | null | undefined>, options: NavigateOptions = {}): void {
  const url = href(patch);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new CustomEvent<NavigateOptions>(NAVIGATE, { detail: options }));
}

/** A same-page link that navigates without a reload (and still opens in a new tab when asked to). */
export function link(
  patch: Record<string, string | null | undefined>,
  ...children: (Node | string)[]
): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href(patch);
  a.append(...children);
  a.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(patch);
  });
  return a;
}
