import { badgeFor } from '@/lib/fill/badge';
import { type FillRequest, fillAccount, isBound } from '@/lib/fill/service';
import { runFillShortcut } from '@/lib/fill/shortcut';
import type { FrameFields } from '@/lib/fill/tab-registry';
import { FILL_COMMAND, type FillResult, type HandlerMap, type Sender } from '@/lib/messages';
import { sendToFrame } from '@/lib/messaging';
import type { BackgroundContext } from './context';

type Base = Omit<BackgroundContext, 'updateBadge' | 'updateAllBadges'>;

/**
 * The accounts bound to any of `frames` (none while locked: sites live in the encrypted records).
 * @see docs/design.md "Data flow" (Fill)
 */
export async function matchingAccounts(ctx: Base, frames: FrameFields[]) {
  if (!frames.length || !(await ctx.vault.isUnlocked())) return [];
  const { accounts } = await ctx.vault.list();
  return accounts.filter((a) => frames.some((f) => isBound(a, f.origin)));
}

/**
 * The sending frame's origin as the browser reports it (`sender.origin`, else from `sender.url`);
 * never anything the page or the content script claims.
 * @see https://developer.chrome.com/docs/extensions/reference/api/runtime#type-MessageSender
 */
export function senderOrigin(sender: Sender): string | null {
  if (sender.origin && sender.origin !== 'null') return sender.origin;
  try {
    return sender.url ? new URL(sender.url).origin : null;
  } catch {
    return null;
  }
}

/**
 * Fills through lib/fill with the real vault, registry, clock and tabs.sendMessage.
 * @see docs/design.md "Data flow" (Fill)
 */
export async function fillFor(ctx: Base, req: FillRequest): Promise<FillResult> {
  return fillAccount(
    {
      vault: ctx.vault,
      registry: await ctx.registry,
      send: (tabId, frameId, code, frame, kind) =>
        sendToFrame(tabId, frameId, { type: 'fill-code', code, origin: frame.origin, kind }),
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    },
    req,
  );
}

/**
 * A fill the user started (the popup's Fill, the shortcut) is their activity: it restarts the
 * auto-lock timer, once it worked (the vault was still open when it read the account). Nothing a
 * page causes gets here: content-script messages and badge reads never touch the session.
 */
async function userFill(ctx: Base, req: FillRequest): Promise<FillResult> {
  const result = await fillFor(ctx, req);
  if (result.ok) await ctx.vault.touch().catch(() => {});
  return result;
}

/**
 * The toolbar badge of a tab: whether its frames have a code field and how many accounts match.
 * @see https://developer.chrome.com/docs/extensions/reference/api/action#badge
 */
export async function updateBadge(ctx: Base, tabId: number): Promise<void> {
  const reg = await ctx.registry;
  const kinds = reg.kinds(tabId);
  const unlocked = await ctx.vault.isUnlocked();
  const frames = [...reg.framesWith(tabId, 'otp'), ...reg.framesWith(tabId, 'backup')];
  const badge = badgeFor({ kinds, unlocked, matching: (await matchingAccounts(ctx, frames)).length });
  await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
  await browser.action.setTitle({ tabId, title: badge?.title ?? 'Keyfob' });
  if (badge) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
}

/**
 * Code-field reports from content scripts, tab state for the popup, filling, and the fill
 * shortcut. Only the code and the frame's expected origin ever reach a content script.
 * @see docs/design.md "Data flow" (Fill, Content script)
 */
export function fillFeature(ctx: BackgroundContext): HandlerMap {
  browser.tabs.onRemoved.addListener(async (tabId) => {
    const reg = await ctx.registry;
    reg.forgetTab(tabId);
    await ctx.saveRegistry(reg);
  });

  // The key press is the user's action; lib/fill/shortcut decides between filling and the popup.
  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id;
    if (command !== FILL_COMMAND || tabId === undefined) return;
    await runFillShortcut({
      matching: async () =>
        (await matchingAccounts(ctx, (await ctx.registry).framesWith(tabId, 'otp'))).map((a) => a.id),
      fill: (accountId) => userFill(ctx, { tabId, accountId, kind: 'otp' }),
      openPopup: () => browser.action.openPopup(),
    });
    await ctx.updateBadge(tabId).catch(() => {});
  });

  return {
    'code-fields': {
      from: 'content',
      async handle(msg, sender) {
        const tabId = sender.tab?.id;
        const origin = senderOrigin(sender);
        if (tabId === undefined || sender.url === undefined || !origin) return undefined;
        const kinds = (Array.isArray(msg.kinds) ? msg.kinds : []).filter(
          (k) => k === 'otp' || k === 'backup',
        );
        const reg = await ctx.registry;
        reg.report(tabId, { frameId: sender.frameId ?? 0, origin, url: sender.url, kinds });
        await ctx.saveRegistry(reg);
        await ctx.updateBadge(tabId);
        return { button: (await ctx.settings()).fieldButton };
      },
    },
    'tab-state': {
      from: 'extension',
      async handle(msg) {
        const tab = await browser.tabs.get(msg.tabId).catch(() => undefined);
        const reg = await ctx.registry;
        // Without an activeTab grant (popup opened by the shortcut or openPopup) the tab's URL is
        // hidden; the top frame's own report (its URL as the browser gave it) stands in.
        return { url: tab?.url ?? reg.topUrl(msg.tabId) ?? null, kinds: reg.kinds(msg.tabId) };
      },
    },
    'fill-account': {
      from: 'extension',
      async handle(msg) {
        const { tabId, accountId, kind, confirmed } = msg;
        const result = await userFill(ctx, { tabId, accountId, kind, ...(confirmed ? { confirmed } : {}) });
        await ctx.updateBadge(tabId).catch(() => {});
        return result;
      },
    },
  };
}
