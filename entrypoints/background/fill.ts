import { badgeFor } from '@/lib/fill/badge';
import { fillAccount, isBound } from '@/lib/fill/service';
import type { FrameFields } from '@/lib/fill/tab-registry';
import { FILL_COMMAND, type FillResult, type HandlerMap } from '@/lib/messages';
import { sendToFrame } from '@/lib/messaging';
import type { BackgroundContext } from './context';

type Base = Omit<BackgroundContext, 'updateBadge' | 'updateAllBadges'>;

async function matchingAccounts(ctx: Base, frames: FrameFields[]) {
  if (!frames.length || !(await ctx.vault.isUnlocked())) return [];
  const { accounts } = await ctx.vault.list();
  return accounts.filter((a) => frames.some((f) => isBound(a, f.origin)));
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
 * @see /work/shared/DESIGN.md "Data flow" (Fill, Content script)
 */
export function fillFeature(ctx: BackgroundContext): HandlerMap {
  const fill = async (req: Parameters<typeof fillAccount>[1]): Promise<FillResult> =>
    fillAccount(
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

  browser.tabs.onRemoved.addListener(async (tabId) => {
    const reg = await ctx.registry;
    reg.forgetTab(tabId);
    await ctx.saveRegistry(reg);
  });

  // The fill shortcut: fill at once when exactly one account matches the page's code field;
  // otherwise (several, none, locked, backup-code field) the popup opens so the user chooses.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== FILL_COMMAND || tab?.id === undefined) return;
    const reg = await ctx.registry;
    const matches = await matchingAccounts(ctx, reg.framesWith(tab.id, 'otp')).catch(() => []);
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) {
      const result = await fill({ tabId: tab.id, accountId: only.id, kind: 'otp' });
      if (result.ok) return;
    }
    await browser.action.openPopup().catch(() => {});
  });

  return {
    'code-fields': {
      from: 'content',
      async handle(msg, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.url === undefined) return undefined;
        const origin = sender.origin && sender.origin !== 'null' ? sender.origin : new URL(sender.url).origin;
        const reg = await ctx.registry;
        reg.report(tabId, { frameId: sender.frameId ?? 0, origin, url: sender.url, kinds: msg.kinds });
        await ctx.saveRegistry(reg);
        await ctx.updateBadge(tabId);
        return undefined;
      },
    },
    'tab-state': {
      from: 'extension',
      async handle(msg) {
        const tab = await browser.tabs.get(msg.tabId).catch(() => undefined);
        return { url: tab?.url ?? null, kinds: (await ctx.registry).kinds(msg.tabId) };
      },
    },
    'fill-account': {
      from: 'extension',
      async handle(msg) {
        const result = await fill(msg);
        await ctx.updateBadge(msg.tabId).catch(() => {});
        return result;
      },
    },
  };
}
