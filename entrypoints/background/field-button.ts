import { runFillShortcut } from '@/lib/fill/shortcut';
import type { FieldKind, HandlerMap, Sender } from '@/lib/messages';
import type { BackgroundContext } from './context';
import { fillFor, matchingAccounts, senderOrigin } from './fill';

const isKind = (k: unknown): k is FieldKind => k === 'otp' || k === 'backup';

/**
 * Which frame is asking, as the browser reports it, and only if that very frame reported a code
 * field of `kind`: a frame without one gets nothing.
 */
async function askingFrame(ctx: BackgroundContext, sender: Sender, kind: unknown) {
  const tabId = sender.tab?.id;
  const origin = senderOrigin(sender);
  if (tabId === undefined || !origin || !isKind(kind)) return null;
  const frameId = sender.frameId ?? 0;
  const reg = await ctx.registry;
  const frame = reg.framesWith(tabId, kind).find((f) => f.frameId === frameId && f.origin === origin);
  return frame ? { tabId, kind, frame } : null;
}

/**
 * The in-field button's request. It comes from a content script after a trusted click, but a
 * content script runs inside a page that may be hostile, so everything is decided here: the sender
 * frame's own origin (never a claimed one), that it has a code field, which accounts are bound to
 * its site. Exactly one → its code goes to that frame only; otherwise (several, none, locked) the
 * popup opens so the user chooses, as with the fill shortcut.
 * @see docs/design.md "Security rules" (in-field button)
 */
export function fieldButtonFeature(ctx: BackgroundContext): HandlerMap {
  return {
    'field-fill': {
      from: 'content',
      async handle(msg, sender) {
        // One-time codes only: a backup code is spent for good, so it stays an explicit popup action.
        if (msg.kind !== 'otp') return { done: 'refused' };
        const asking = await askingFrame(ctx, sender, msg.kind);
        if (!asking) return { done: 'refused' };
        const { tabId, kind, frame } = asking;
        const done = await runFillShortcut({
          matching: async () => (await matchingAccounts(ctx, [frame])).map((a) => a.id),
          fill: (accountId) => fillFor(ctx, { tabId, frameId: frame.frameId, accountId, kind }),
          openPopup: () => browser.action.openPopup(),
        });
        await ctx.updateBadge(tabId).catch(() => {});
        return { done };
      },
    },
  };
}
