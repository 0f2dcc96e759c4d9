import type { CodeTarget } from '@/lib/detect';

/**
 * The optional in-field button: a host element whose **closed** shadow root holds one small button,
 * so the page can neither script nor restyle it (the host's inline styles are `!important`). It acts
 * only on trusted clicks (`event.isTrusted`: a real user, not `element.click()` or an event the page
 * dispatched) and then only asks the background to fill this frame; the background re-checks the
 * frame and the binding, fills when exactly one account matches and opens the popup otherwise. The
 * button never sees a code, a secret or an account name.
 * @see docs/design.md "Security rules" (in-field button)
 * @see https://dom.spec.whatwg.org/#dom-element-attachshadow (mode "closed")
 */

export const HOST_TAG = 'keyfob-field-button';

const CSS =
  ':host{all:initial}button{all:unset;box-sizing:border-box;width:100%;height:100%;display:grid;' +
  'place-items:center;border-radius:4px;background:#2563eb;color:#fff;cursor:pointer}' +
  'button:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}svg{width:70%;height:70%}';

/** A key icon (path data), built node by node: no innerHTML, so Trusted Types pages are no problem. */
const ICON =
  'M14 3a7 7 0 0 0-6.7 9.1L2 17.4V22h4.6v-2.3h2.3v-2.3h2.3l1.7-1.7A7 7 0 1 0 14 3Zm2.3 3.5a2.3 2.3 0 1 1 0 4.6 2.3 2.3 0 0 1 0-4.6Z';

export interface FieldButton {
  /** Follows `target`; `undefined` removes the button. */
  show(target: CodeTarget | undefined): void;
  /** Our host element while it is in the page (the watcher ignores its mutations). */
  host(): Node | null;
}

const placed = new WeakMap<HTMLElement, string>();

/** Where the button goes: inside a single field's right edge, after the last of split boxes. */
function place(host: HTMLElement, target: CodeTarget): void {
  const last = target.inputs[target.inputs.length - 1];
  const r = last?.isConnected ? last.getBoundingClientRect() : null;
  const win = host.ownerDocument.defaultView;
  let at = 'display:none!important';
  if (r && win && r.width >= 4 && r.height >= 4 && r.bottom > 0 && r.top < win.innerHeight) {
    const size = Math.max(16, Math.min(24, Math.round(r.height - 8)));
    const outside = target.inputs.length > 1 || r.width < 4 * size;
    const left = Math.round(outside ? r.right + 6 : r.right - size - 6);
    const top = Math.round(r.top + (r.height - size) / 2);
    at = `left:${left}px!important;top:${top}px!important;width:${size}px!important;height:${size}px!important`;
  }
  const css = `all:initial!important;position:fixed!important;z-index:2147483647!important;${at}`;
  // Unchanged: leave the attribute alone, so the page (and our watcher) see no mutation.
  if (placed.get(host) !== at) {
    placed.set(host, at);
    host.style.cssText = css;
  }
}

function build(doc: Document, label: string, onClick: () => void): HTMLElement {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.title = label;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', ICON);
  svg.append(path);
  button.append(svg);
  // Keep the focus in the field; a real click (mouse, or Enter/Space on the focused button) fills.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  // Listened for on the host, which the page can reach (host.click(), dispatchEvent): the
  // isTrusted check, not the closed root, is what stops a page from clicking for the user.
  host.addEventListener('click', (e) => {
    if (e.isTrusted) onClick();
  });
  root.append(style, button);
  return host;
}

/**
 * Creates the button; `fill(kind)` is called on a trusted click for the target it sits beside.
 * @see docs/design.md "Security rules" (in-field button)
 */
export function createFieldButton(
  doc: Document,
  label: string,
  fill: (kind: CodeTarget['kind']) => void,
): FieldButton {
  let host: HTMLElement | null = null;
  let target: CodeTarget | undefined;
  let frame = 0;
  const win = doc.defaultView;
  const reposition = (): void => {
    frame = 0;
    if (host && target) place(host, target);
  };
  const onMove = (): void => {
    if (!frame && win) frame = win.requestAnimationFrame(reposition);
  };
  return {
    show(next) {
      target = next;
      if (!next) {
        host?.remove();
        win?.removeEventListener('scroll', onMove, true);
        win?.removeEventListener('resize', onMove);
        return;
      }
      host ??= build(doc, label, () => target && fill(target.kind));
      // Appended to <html>, not <body>: pages replace their body's content more often.
      if (!host.isConnected) doc.documentElement.append(host);
      win?.addEventListener('scroll', onMove, { capture: true, passive: true });
      win?.addEventListener('resize', onMove, { passive: true });
      reposition();
    },
    host: () => (host?.isConnected ? host : null),
  };
}
