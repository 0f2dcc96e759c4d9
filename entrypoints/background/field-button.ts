import { fieldMenu } from '@/lib/fill/field-menu';
import type { FieldKind, HandlerMap, Sender } from '@/lib/messages';
import type { BackgroundContext } from './context';
import { fillFor, senderOrigin } from './fill';

const isKind = (k: unknown): k is FieldKind => k === 'otp' || k === 'backup';

/**
 * Which frame is asking, as the browser reports it, and only if that very frame reported a code
 * field of `kind`: a frame that has no field gets nothing, not even account names.
 */
async function askingFrame(ctx: BackgroundContext, sender: Sender, kind: unknown) {
  const tabId = sender.tab?.id;
  const origin = senderOrigin(sender);
  if (tabId === undefined || !origin || !isKind(kind)) return null;
  const frameId = sender.frameId ?? 0;
  const reg = await ctx.registry;
  const frame = reg.framesWith(tabId, kind).find((f) => f.frameId === frameId && f.origin === origin);
  return frame ? { tabId, frameId, origin, kind } : null;
}

/**
 * The in-field button's requests. Each comes from a content script after a trusted click, but a
 * content script runs inside a page that may be hostile, so every request is re-checked here: the
 * sender frame's own origin (never a claimed one), that it has a code field, and that the account
 * is bound to its site. The fill goes only to that frame, never to another one of the tab.
 * @see /work/shared/DESIGN.md "Security rules" (in-field button, isTrusted)
 */
export function fieldButtonFeature(ctx: BackgroundContext): HandlerMap {
  return {
    'field-menu': {
      from: 'content',
      async handle(msg, sender) {
        const frame = await askingFrame(ctx, sender, msg.kind);
        if (!frame || !(await ctx.vault.isUnlocked())) return fieldMenu(null, '');
        return fieldMenu((await ctx.vault.list()).accounts, frame.origin);
      },
    },
    'field-fill': {
      from: 'content',
      async handle(msg, sender) {
        const frame = await askingFrame(ctx, sender, msg.kind);
        if (!frame || typeof msg.accountId !== 'string') return { ok: false, reason: 'no-field' };
        const result = await fillFor(ctx, {
          tabId: frame.tabId,
          frameId: frame.frameId,
          accountId: msg.accountId,
          kind: frame.kind,
        });
        await ctx.updateBadge(frame.tabId).catch(() => {});
        // The page's frame already holds the code it was sent; the reply need not repeat it.
        return result.ok ? { ok: true, filled: result.filled } : result;
      },
    },
    'open-popup': {
      from: 'content',
      async handle() {
        await browser.action.openPopup().catch(() => {});
        return undefined;
      },
    },
  };
}
