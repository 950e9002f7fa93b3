/** Element building without innerHTML: article text is untrusted and must never be parsed as markup. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A view's honest "nothing here", with the reason. */
export function empty(title: string, detail: string): HTMLElement {
  return h('div', { class: 'empty' }, h('strong', {}, title), h('p', {}, detail));
}

export function errorBox(e: unknown): HTMLElement {
  return h('div', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e));
}

export function formatMoney(value: number | undefined, currency: string | null | undefined): string {
  if (value === undefined) return 'amount not stated';
  const abs = Math.abs(value);
  const [n, unit] = abs >= 1e9 ? [value / 1e9, ' bn'] : abs >= 1e6 ? [value / 1e6, ' m'] : [value, ''];
  const figure = n.toLocaleString('en', { maximumFractionDigits: 2 });
  return `${currency ?? ''} ${figure}${unit}`.trim();
}
