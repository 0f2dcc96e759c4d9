import { fillCode } from '@/lib/detect';
import { watchCodeFields } from '@/lib/detect/watch';
import { createRouter } from '@/lib/messages';
import { sendToBackground } from '@/lib/messaging';

/**
 * Runs in every frame of http(s) pages. Finds code fields, tells the background whether this
 * frame has one, and fills a code when the background asks — only if the request names this
 * frame's own origin. It never sees a secret: only the code it is asked to fill.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const watcher = watchCodeFields(document, (kinds) => {
      sendToBackground({ type: 'code-fields', kinds }).catch(() => {});
    });
    const router = createRouter(
      {
        'fill-code': {
          from: 'extension',
          handle(msg) {
            if (msg.origin !== location.origin) return { ok: false, reason: 'origin-mismatch' };
            const target = watcher.target(msg.kind);
            if (!target) return { ok: false, reason: 'no-field' };
            fillCode(target, msg.code);
            return { ok: true };
          },
        },
      },
      { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
    );
    browser.runtime.onMessage.addListener(router);
  },
});
