import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/messaging';
import { normalizeSite } from '@/lib/sites';

type QrDecoder = { decode(image: Blob | string): Promise<string[]> };

const denied = () => Object.assign(new Error('Capture not allowed'), { code: 'capture-denied' });
const isWeb = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * The options page and other tabs: the site of the tab the user came from, and QR capture.
 * A capture taken by the popup (`capture-tab`, the popup's activeTab grant) is held by the
 * background and taken once here; without one, the page tries the other windows' visible tabs,
 * which the browser allows only where Keyfob has access to that page.
 * @see https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab
 */
export function createTabActions(qr: QrDecoder) {
  /** Other tabs, most recently used first (this page is the active tab of its own window). */
  async function otherTabs() {
    const self = browser.runtime.getURL('/');
    const all = await browser.tabs.query({});
    return all
      .filter((t) => !t.url?.startsWith(self))
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  }

  return {
    async currentTabSite(): Promise<string | null> {
      for (const tab of await otherTabs()) {
        if (tab.id === undefined) continue;
        // tab.url is visible with host access; else ask what the tab's content script reported.
        const url = isWeb(tab.url)
          ? tab.url
          : ((await sendToBackground({ type: 'tab-state', tabId: tab.id }).catch(() => null))?.url ??
            undefined);
        if (isWeb(url)) return normalizeSite(url);
        if (tab.active) return null;
      }
      return null;
    },

    /** The QR texts on the page, and the page's site (to bind the accounts found to it). */
    async captureTab(): Promise<{ texts: string[]; site: string | null }> {
      // normalizeSite takes http(s) pages only: null for anything else.
      const siteOf = (url: string | null | undefined) => (url ? normalizeSite(url) : null);
      const held = await sendToBackground({ type: 'take-capture' }).catch(() => null);
      if (held?.dataUrl) return { texts: await qr.decode(held.dataUrl), site: siteOf(held.pageUrl) };
      const own = (await browser.windows.getCurrent()).id;
      for (const tab of await otherTabs()) {
        if (!tab.active || tab.windowId === own) continue;
        try {
          const shot = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
          return { texts: await qr.decode(shot), site: siteOf(tab.url) };
        } catch {
          // No access to that page: try the next window, then explain the popup route.
        }
      }
      throw denied();
    },
  };
}
