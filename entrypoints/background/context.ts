import { TabRegistry } from '@/lib/fill/tab-registry';
import { loadSettings, type Settings } from '@/lib/settings';
import { browserSession, openVault, type Session, type Vault } from '@/lib/vault';

const TABS_KEY = 'tabs';

/**
 * What every background feature shares: the vault (key in storage.session), settings, the
 * registry of frames that reported code fields, and the badge refresher. Nothing here outlives
 * storage.session, so a service-worker restart keeps an unlocked session.
 */
export interface BackgroundContext {
  session: Session;
  vault: Vault;
  settings(): Promise<Settings>;
  /** frames that reported code fields, mirrored to storage.session across worker restarts */
  registry: Promise<TabRegistry>;
  saveRegistry(reg: TabRegistry): Promise<void>;
  /** recomputes the toolbar badge of one tab, or of every tab */
  updateBadge(tabId: number): Promise<void>;
  updateAllBadges(): Promise<void>;
}

/** Builds the shared context; `updateBadge` is supplied by the fill feature that owns the badge. */
export function createContext(
  badge: (ctx: Omit<BackgroundContext, 'updateBadge' | 'updateAllBadges'>, tabId: number) => Promise<void>,
): BackgroundContext {
  const session = browserSession();
  const settings = () => loadSettings();
  // At once, before any page of a fresh install can run a content script: the first read moves
  // settings out of storage.local (which content scripts can write) into the settings database.
  void settings().catch(() => {});
  // Nothing the background reads on its own counts as activity: its reads follow what pages report
  // and timers. What the user starts (a fill, the shortcut) touches the session explicitly.
  const vault = openVault({
    session,
    idleMinutes: async () => (await settings()).autoLockMinutes,
    touchOnUse: false,
  });
  const registry = browser.storage.session
    .get(TABS_KEY)
    .then((got) => TabRegistry.fromJSON(got[TABS_KEY]))
    .catch(() => new TabRegistry());
  const saveRegistry = async (reg: TabRegistry) => {
    await browser.storage.session.set({ [TABS_KEY]: reg.toJSON() });
  };
  const base = { session, vault, settings, registry, saveRegistry };
  const updateBadge = (tabId: number) => badge(base, tabId);
  const updateAllBadges = async () => {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : updateBadge(t.id).catch(() => {}))));
  };
  return { ...base, updateBadge, updateAllBadges };
}
