import { badgeFor } from '@/lib/fill/badge';
import { fillAccount, isBound } from '@/lib/fill/service';
import { type FrameFields, TabRegistry } from '@/lib/fill/tab-registry';
import { createRouter, FILL_COMMAND, type FillResult } from '@/lib/messages';
import { sendToFrame } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { browserSession, installAutoLock, openVault } from '@/lib/vault';

const TABS_KEY = 'tabs';

/**
 * The service worker: holds no state that matters beyond storage.session (so a restart keeps an
 * unlocked session), routes messages, runs auto-lock, fills codes, keeps the badge current.
 */
export default defineBackground(() => {
  const session = browserSession();
  const settings = () => loadSettings();
  const vault = openVault({ session, idleMinutes: async () => (await settings()).autoLockMinutes });
  // Which frames reported code fields; mirrored to storage.session to survive worker restarts.
  const registryReady = browser.storage.session
    .get(TABS_KEY)
    .then((got) => TabRegistry.fromJSON(got[TABS_KEY]))
    .catch(() => new TabRegistry());
  const saveRegistry = async (reg: TabRegistry) => {
    await browser.storage.session.set({ [TABS_KEY]: reg.toJSON() });
  };

  const matchingAccounts = async (frames: FrameFields[]) => {
    if (!frames.length || !(await vault.isUnlocked())) return [];
    const { accounts } = await vault.list();
    return accounts.filter((a) => frames.some((f) => isBound(a, f.origin)));
  };

  async function updateBadge(tabId: number) {
    const reg = await registryReady;
    const kinds = reg.kinds(tabId);
    const unlocked = await vault.isUnlocked();
    const frames = [...reg.framesWith(tabId, 'otp'), ...reg.framesWith(tabId, 'backup')];
    const badge = badgeFor({ kinds, unlocked, matching: (await matchingAccounts(frames)).length });
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    await browser.action.setTitle({ tabId, title: badge?.title ?? 'Keyfob' });
    if (badge) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  }
  const updateAllBadges = async () => {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : updateBadge(t.id).catch(() => {}))));
  };

  const fill = async (req: Parameters<typeof fillAccount>[1]): Promise<FillResult> =>
    fillAccount(
      {
        vault,
        registry: await registryReady,
        send: (tabId, frameId, code, frame, kind) =>
          sendToFrame(tabId, frameId, { type: 'fill-code', code, origin: frame.origin, kind }),
        now: Date.now,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      },
      req,
    );

  const autoLock = installAutoLock({
    session,
    settings,
    alarms: browser.alarms,
    idle: browser.idle,
    onLock: () => void updateAllBadges(),
  });

  const router = createRouter(
    {
      'code-fields': {
        from: 'content',
        async handle(msg, sender) {
          const tabId = sender.tab?.id;
          if (tabId === undefined || sender.url === undefined) return undefined;
          const origin =
            sender.origin && sender.origin !== 'null' ? sender.origin : new URL(sender.url).origin;
          const reg = await registryReady;
          reg.report(tabId, { frameId: sender.frameId ?? 0, origin, url: sender.url, kinds: msg.kinds });
          await saveRegistry(reg);
          await updateBadge(tabId);
          return undefined;
        },
      },
      'tab-state': {
        from: 'extension',
        async handle(msg) {
          const tab = await browser.tabs.get(msg.tabId).catch(() => undefined);
          return { url: tab?.url ?? null, kinds: (await registryReady).kinds(msg.tabId) };
        },
      },
      'fill-account': {
        from: 'extension',
        async handle(msg) {
          const result = await fill(msg);
          await updateBadge(msg.tabId).catch(() => {});
          return result;
        },
      },
      'vault-changed': { from: 'extension', handle: () => void updateAllBadges() },
      activity: { from: 'extension', handle: () => void session.touch(Date.now()) },
      lock: {
        from: 'extension',
        async handle() {
          await vault.lock();
          await updateAllBadges();
        },
      },
    },
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
  );
  browser.runtime.onMessage.addListener(router);

  browser.tabs.onRemoved.addListener(async (tabId) => {
    const reg = await registryReady;
    reg.forgetTab(tabId);
    await saveRegistry(reg);
  });

  // The fill shortcut: fill at once when exactly one account matches the page's code field;
  // otherwise (several, none, locked, backup-code field) the popup opens so the user chooses.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== FILL_COMMAND || tab?.id === undefined) return;
    await autoLock.check();
    const reg = await registryReady;
    const matches = await matchingAccounts(reg.framesWith(tab.id, 'otp')).catch(() => []);
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) {
      const result = await fill({ tabId: tab.id, accountId: only.id, kind: 'otp' });
      if (result.ok) return;
    }
    await browser.action.openPopup().catch(() => {});
  });
});
