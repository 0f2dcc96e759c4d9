import type { CodeTarget } from '@/lib/detect';
import { type Box, clickProblems } from '@/lib/page/click-guard';
import { readClickFacts } from './click-facts';

/**
 * The optional in-field button: a host element whose **closed** shadow root holds one small button,
 * so the page can neither script nor restyle it (the host's inline styles are `!important`), shown
 * in the top layer (Popover API, where supported) so no z-index of the page paints above it. It
 * acts only on a click that lib/page/click-guard accepts: trusted (`event.isTrusted`), the host
 * still styled, placed and sized as Keyfob left it, on top at the click point, and visible and
 * still for a moment (IntersectionObserver v2 too, where the browser has it). Any other click is
 * refused and the button is put back, so a page that hides, stretches or covers it gets nothing.
 * Then it only asks the background to fill this frame; the background re-checks the frame and the
 * binding. The button never sees a code, a secret or an account name, and never fills a backup code.
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
function place(host: HTMLElement, target: CodeTarget, moved: (box: Box | null) => void): void {
  const last = target.inputs[target.inputs.length - 1];
  const r = last?.isConnected ? last.getBoundingClientRect() : null;
  const win = host.ownerDocument.defaultView;
  let at = 'display:none!important';
  let box: Box | null = null;
  if (r && win && r.width >= 4 && r.height >= 4 && r.bottom > 0 && r.top < win.innerHeight) {
    const size = Math.max(16, Math.min(24, Math.round(r.height - 8)));
    const outside = target.inputs.length > 1 || r.width < 4 * size;
    const left = Math.round(outside ? r.right + 6 : r.right - size - 6);
    const top = Math.round(r.top + (r.height - size) / 2);
    at = `left:${left}px!important;top:${top}px!important;width:${size}px!important;height:${size}px!important`;
    box = { left, top, width: size, height: size };
  }
  const css = `all:initial!important;position:fixed!important;z-index:2147483647!important;${at}`;
  // Unchanged: leave the attribute alone, so the page (and our watcher) see no mutation.
  if (placed.get(host) !== at) {
    placed.set(host, at);
    host.style.cssText = css;
    moved(box);
  }
}

/** Into the top layer, above anything the page stacks (browsers without popovers: z-index only). */
function raise(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  if (!host.matches(':popover-open')) host.showPopover();
}

function build(doc: Document, label: string, onClick: (e: MouseEvent) => void): HTMLElement {
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
  // Listened for on the host, which the page can reach (host.click(), dispatchEvent): the click
  // checks (isTrusted first), not the closed root, are what stop a page from clicking for the user.
  host.addEventListener('click', onClick);
  root.append(style, button);
  return host;
}

/**
 * IntersectionObserver v2 where the browser has it: since when the host has been fully in view and
 * unobscured (`null`: not now), computed by the browser from what is actually painted.
 * @see https://w3c.github.io/IntersectionObserver/v2/#dom-intersectionobserverentry-isvisible
 */
function trackVisibility(host: HTMLElement): { since(): number | null | undefined; stop(): void } {
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return { since: () => undefined, stop() {} };
  let since: number | null = null;
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const visible = (e as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
        if (!visible) since = null;
        else since ??= performance.now();
      }
    },
    { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  io.observe(host);
  return { since: () => since, stop: () => io.disconnect() };
}

/**
 * Creates the button; `fill()` is called on an accepted click (a one-time code field only: the
 * content script never shows the button beside a backup-code field).
 * @see docs/design.md "Security rules" (in-field button)
 */
export function createFieldButton(doc: Document, label: string, fill: () => void): FieldButton {
  let host: HTMLElement | null = null;
  let target: CodeTarget | undefined;
  let frame = 0;
  let box: Box | null = null;
  let steadySince = performance.now();
  let visibility: ReturnType<typeof trackVisibility> | undefined;
  const win = doc.defaultView;
  const moved = (next: Box | null): void => {
    box = next;
    steadySince = performance.now();
  };
  const reposition = (): void => {
    frame = 0;
    if (host && target) place(host, target, moved);
  };
  const onMove = (): void => {
    if (!frame && win) frame = win.requestAnimationFrame(reposition);
  };
  /** Back where, as and how Keyfob put it; the wait before a click counts starts again. */
  const restore = (): void => {
    if (!host) return;
    placed.delete(host);
    if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
    reposition();
    raise(host);
    steadySince = performance.now();
  };
  const onClick = (e: MouseEvent): void => {
    // A page's own click() or dispatched event: ignored outright (nothing of ours was touched).
    if (!e.isTrusted || !host || !box || target?.kind !== 'otp') return;
    const facts = readClickFacts(host, e, box, { steadySince, visibleSince: visibility?.since() });
    if (clickProblems(facts).length) {
      e.preventDefault();
      restore();
      return;
    }
    fill();
  };
  return {
    show(next) {
      target = next?.kind === 'otp' ? next : undefined;
      if (!target) {
        host?.remove();
        visibility?.stop();
        visibility = undefined;
        win?.removeEventListener('scroll', onMove, true);
        win?.removeEventListener('resize', onMove);
        return;
      }
      host ??= build(doc, label, onClick);
      // Appended to <html>, not <body>: pages replace their body's content more often.
      if (!host.isConnected) {
        doc.documentElement.append(host);
        placed.delete(host);
      }
      visibility ??= trackVisibility(host);
      win?.addEventListener('scroll', onMove, { capture: true, passive: true });
      win?.addEventListener('resize', onMove, { passive: true });
      reposition();
      raise(host);
    },
    host: () => (host?.isConnected ? host : null),
  };
}
