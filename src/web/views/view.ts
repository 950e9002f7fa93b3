import type { Charts } from '../charts.js';
import type { State } from '../state.js';

/** A view fills `root` for the state in the URL. */
export type View = (root: HTMLElement, state: State, charts: Charts) => Promise<void>;

/** Filters a view ignores are listed under it, so a shared link never silently means less than it says. */
export function ignored(state: State, used: readonly string[]): string[] {
  return Object.keys(state.filters).filter((k) => !used.includes(k));
}
