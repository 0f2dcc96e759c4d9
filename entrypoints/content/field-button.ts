import type { CodeTarget } from '@/lib/detect';
import type { FieldKind, FieldMenu, FillResult } from '@/lib/messages';
import { createView, type FieldButtonView, fillMenu, place } from './field-button-view';

export type FieldButtonText =
  | 'field_button_label'
  | 'field_menu_label'
  | 'field_menu_loading'
  | 'field_menu_fill'
  | 'field_menu_fill_backup'
  | 'field_menu_filling'
  | 'field_menu_locked'
  | 'field_menu_none'
  | 'field_menu_open'
  | 'field_menu_failed';

export interface FieldButtonDeps {
  menu(kind: FieldKind): Promise<FieldMenu>;
  fill(accountId: string, kind: FieldKind): Promise<FillResult>;
  openPopup(): void;
  t(key: FieldButtonText, sub?: string): string;
}

export interface FieldButton {
  /** Follows `target`; `undefined` removes the button. */
  show(target: CodeTarget | undefined): void;
  /** Our host element while it is in the page (the watcher ignores its mutations). */
  host(): Node | null;
}

/** Where the button goes: inside a single field's right edge, after the last box of split boxes. */
function boxFor(target: CodeTarget): { left: number; top: number; size: number } | null {
  const last = target.inputs[target.inputs.length - 1];
  if (!last?.isConnected) return null;
  const r = last.getBoundingClientRect();
  const win = last.ownerDocument.defaultView;
  if (r.width < 4 || r.height < 4 || !win) return null;
  if (r.bottom < 0 || r.right < 0 || r.top > win.innerHeight || r.left > win.innerWidth) return null;
  const size = Math.max(16, Math.min(24, Math.round(r.height - 8)));
  const outside = target.inputs.length > 1 || r.width < 4 * size;
  return { left: outside ? r.right + 6 : r.right - size - 6, top: r.top + (r.height - size) / 2, size };
}

/**
 * The optional in-field button. It reacts only to trusted clicks (`event.isTrusted`: a real user,
 * not `element.click()` or a synthetic event from the page), asks the background what to offer
 * (names of the accounts bound to this frame's site), and asks the background to fill the chosen
 * one. It never sees a code or a secret; the background re-checks the frame and the binding.
 * @see /work/shared/DESIGN.md "Security rules" (in-field button)
 */
export function createFieldButton(doc: Document, deps: FieldButtonDeps): FieldButton {
  let view: FieldButtonView | null = null;
  let target: CodeTarget | undefined;
  let frame = 0;
  const win = doc.defaultView;

  const reposition = (): void => {
    frame = 0;
    if (view && target) place(view.host, boxFor(target));
  };
  const onMove = (): void => {
    if (!frame && win) frame = win.requestAnimationFrame(reposition);
  };
  const onOutside = (e: Event): void => {
    if (view && !e.composedPath().includes(view.host)) close();
  };
  const trusted = (fn: () => void) => (e: Event) => {
    if (e.isTrusted) fn();
  };
  const openEntry = () => ({
    label: deps.t('field_menu_open'),
    onClick: trusted(() => {
      deps.openPopup();
      close();
    }),
  });

  function close(): void {
    if (!view) return;
    view.menu.hidden = true;
    view.button.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', onOutside, true);
  }

  async function fillWith(accountId: string, kind: FieldKind): Promise<void> {
    if (!view) return;
    fillMenu(view.menu, deps.t('field_menu_filling'), []);
    const result = await deps
      .fill(accountId, kind)
      .catch((): FillResult => ({ ok: false, reason: 'failed' }));
    if (result.ok) close();
    else if (view) fillMenu(view.menu, deps.t('field_menu_failed'), [openEntry()]);
  }

  async function open(): Promise<void> {
    if (!view || !target) return;
    const { menu, button } = view;
    const kind = target.kind;
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    doc.addEventListener('pointerdown', onOutside, true);
    fillMenu(menu, deps.t('field_menu_loading'), []);
    const offer = await deps.menu(kind).catch((): FieldMenu => ({ locked: true, accounts: [] }));
    if (menu.hidden) return;
    if (offer.locked || !offer.accounts.length) {
      fillMenu(menu, deps.t(offer.locked ? 'field_menu_locked' : 'field_menu_none'), [openEntry()]);
      return;
    }
    const key = kind === 'backup' ? 'field_menu_fill_backup' : 'field_menu_fill';
    const entries = offer.accounts.map((a) => ({
      label: deps.t(key, a.name),
      onClick: trusted(() => void fillWith(a.id, kind)),
    }));
    fillMenu(menu, null, entries)[0]?.focus();
  }

  function build(): FieldButtonView {
    const v = createView(doc, deps.t('field_button_label'), deps.t('field_menu_label'));
    v.button.addEventListener(
      'click',
      trusted(() => (v.menu.hidden ? void open() : close())),
    );
    v.root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key !== 'Escape') return;
      close();
      target?.inputs[0]?.focus();
    });
    return v;
  }

  return {
    show(next) {
      const same = !!next && !!target && next.inputs[0] === target.inputs[0];
      target = next;
      if (!next) {
        close();
        view?.host.remove();
        win?.removeEventListener('scroll', onMove, true);
        win?.removeEventListener('resize', onMove);
        return;
      }
      view ??= build();
      if (!same) close();
      // Appended to <html>, not <body>: pages replace their body's content more often.
      if (!view.host.isConnected) doc.documentElement.append(view.host);
      win?.addEventListener('scroll', onMove, { capture: true, passive: true });
      win?.addEventListener('resize', onMove, { passive: true });
      reposition();
    },
    host: () => (view?.host.isConnected ? view.host : null),
  };
}
