import { createCaptureHolder } from '@/lib/capture/held';
import type { HandlerMap, Replies } from '@/lib/messages';
import type { BackgroundContext } from './context';

/** Chrome's refusal when neither activeTab nor host access covers the tab. */
const PERMISSION_ERROR = /permission|activeTab|<all_urls>|cannot be (captured|scripted)|chrome:\/\//i;

/**
 * "Scan QR code" from the popup: screenshot the active tab (the popup's activeTab grant), hold
 * it in memory only, and open the options page's import section, which takes it once
 * (`take-capture`) and decodes it in its QR worker. The screenshot never touches storage.
 * @see https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/activeTab
 */
export function captureFeature(_ctx: BackgroundContext): HandlerMap {
  // The page's URL goes with its screenshot: an account scanned from a site is bound to it.
  const holder = createCaptureHolder<{ dataUrl: string; pageUrl: string | null }>();
  return {
    'capture-tab': {
      from: 'extension',
      async handle(): Promise<Replies['capture-tab']> {
        let dataUrl: string;
        let pageUrl: string | null = null;
        try {
          const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
          const windowId = win.id ?? browser.windows.WINDOW_ID_CURRENT;
          dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
          // Readable under the same activeTab grant that allowed the capture.
          const [tab] = await browser.tabs.query({ active: true, windowId });
          pageUrl = tab?.url && /^https?:\/\//i.test(tab.url) ? tab.url : null;
        } catch (e) {
          const denied = e instanceof Error && PERMISSION_ERROR.test(e.message);
          return { ok: false, reason: denied ? 'denied' : 'failed' };
        }
        holder.put({ dataUrl, pageUrl }, Date.now());
        await browser.tabs.create({ url: browser.runtime.getURL('/options.html#import/capture') });
        return { ok: true };
      },
    },
    'take-capture': {
      from: 'extension',
      handle: () => {
        const held = holder.take(Date.now());
        return { dataUrl: held?.dataUrl ?? null, pageUrl: held?.pageUrl ?? null };
      },
    },
  };
}
