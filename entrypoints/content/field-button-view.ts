/**
 * The in-field button's DOM: a host element whose **closed** shadow root holds a small button and its
 * menu, so the page can neither read the account names nor restyle or script the controls. The
 * host's own inline styles are `!important` so page CSS cannot move or hide it by accident.
 * @see https://dom.spec.whatwg.org/#dom-element-attachshadow (mode "closed")
 */

export const HOST_TAG = 'keyfob-field-button';

const CSS = `
:host{all:initial}
button{font:13px/1.3 system-ui,sans-serif;cursor:pointer;border:0;margin:0}
.b{all:unset;box-sizing:border-box;width:100%;height:100%;display:grid;place-items:center;border-radius:4px;
  background:#2563eb;color:#fff;cursor:pointer}
.b:focus-visible,.m button:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
.b svg{width:70%;height:70%}
.m{position:absolute;top:calc(100% + 4px);right:0;min-width:220px;max-width:320px;padding:4px;
  background:#fff;color:#111827;border:1px solid #d1d5db;border-radius:6px;box-shadow:0 4px 16px #0003;
  font:13px/1.3 system-ui,sans-serif}
.m[hidden]{display:none}
.m p{margin:6px 8px}
.m button{display:block;width:100%;text-align:left;padding:6px 8px;border-radius:4px;background:none;color:inherit}
.m button:hover{background:#eff6ff}
`;

const ICON_PATH =
  'M14 3a7 7 0 0 0-6.7 9.1L2 17.4V22h4.6v-2.3h2.3v-2.3h2.3l1.7-1.7A7 7 0 1 0 14 3Zm2.3 3.5a2.3 2.3 0 1 1 0 4.6 2.3 2.3 0 0 1 0-4.6Z';

/** A key icon, built node by node (no innerHTML, so pages enforcing Trusted Types are no problem). */
function icon(doc: Document): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', ICON_PATH);
  svg.append(path);
  return svg;
}

export interface FieldButtonView {
  host: HTMLElement;
  button: HTMLButtonElement;
  menu: HTMLElement;
  root: ShadowRoot;
}

/** Builds the (detached) host with its closed shadow root. */
export function createView(doc: Document, label: string, menuLabel: string): FieldButtonView {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.className = 'b';
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.append(icon(doc));
  const menu = doc.createElement('div');
  menu.className = 'm';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', menuLabel);
  menu.hidden = true;
  root.append(style, button, menu);
  return { host, button, menu, root };
}

/** Places the host (fixed, viewport coordinates) at `box`, or hides it when `box` is null. */
export function place(host: HTMLElement, box: { left: number; top: number; size: number } | null): void {
  const s = host.style;
  const set = (k: string, v: string) => s.setProperty(k, v, 'important');
  set('all', 'initial');
  set('position', 'fixed');
  set('z-index', '2147483647');
  set('display', box ? 'block' : 'none');
  if (!box) return;
  set('left', `${Math.round(box.left)}px`);
  set('top', `${Math.round(box.top)}px`);
  set('width', `${box.size}px`);
  set('height', `${box.size}px`);
}

/** Replaces the menu's content with a line of text and/or entries; returns the entry buttons. */
export function fillMenu(
  menu: HTMLElement,
  text: string | null,
  entries: { label: string; onClick: (e: MouseEvent) => void }[],
): HTMLButtonElement[] {
  const doc = menu.ownerDocument;
  menu.replaceChildren();
  if (text) {
    const p = doc.createElement('p');
    p.setAttribute('role', 'status');
    p.textContent = text;
    menu.append(p);
  }
  return entries.map(({ label, onClick }) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.textContent = label;
    b.addEventListener('click', onClick);
    menu.append(b);
    return b;
  });
}
