import { browser } from 'wxt/browser';
import { type CodeTarget, fillCode } from '@/lib/detect';
import { watchCodeFields } from '@/lib/detect/watch';
import type { FieldKind, MessageOf } from '@/lib/messages';
import { sendToBackground } from '@/lib/messaging';
import { createFieldButton } from './field-button';
import { listen } from './transport';

/** Longest code we would ever type (backup codes with grouping included); anything else is junk. */
const MAX_CODE = 64;

const isKind = (k: unknown): k is FieldKind => k === 'otp' || k === 'backup';

/** Only `{ code, origin, kind }` with sane values: the message crossed a process boundary. */
function validFill(msg: MessageOf<'fill-code'>): boolean {
  return (
    typeof msg.code === 'string' &&
    msg.code.length > 0 &&
    msg.code.length <= MAX_CODE &&
    typeof msg.origin === 'string' &&
    isKind(msg.kind)
  );
}

/**
 * Injected into a frame of an http(s) page once its sentinel saw a candidate input. Finds code fields (on load and as the page changes), tells
 * the background whether this frame has one, shows the optional in-field button, and fills a code
 * when the background asks — only if the request names this frame's own origin. It never sees a
 * secret: only the code it is asked to fill.
 * @see docs/design.md "Data flow" (Content script)
 */
export default defineContentScript({
  // Not in the manifest: entrypoints/sentinel.ts (in every frame) asks the background to inject
  // this into a frame once it has an input a code could go into (entrypoints/background/inject.ts).
  // WXT turns these matches into the host permissions scripting.executeScript needs.
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    let buttonOn = false;
    // The button fills one-time codes only; a backup code stays an explicit action in the popup.
    const button = createFieldButton(document, browser.i18n.getMessage('field_button_label'), () => {
      sendToBackground({ type: 'field-fill', kind: 'otp' }).catch(() => {});
    });
    const follow = (targets: CodeTarget[]) =>
      button.show(buttonOn ? targets.find((t) => t.kind === 'otp') : undefined);

    let reported: FieldKind[] = [];
    const report = (kinds: FieldKind[]): void => {
      reported = kinds;
      sendToBackground({ type: 'code-fields', kinds })
        .then((reply) => {
          buttonOn = !!reply?.button;
          follow(watcher.targets());
        })
        .catch(() => {});
    };
    const watcher = watchCodeFields(document, { ignore: button.host, onTargets: follow, onKinds: report });
    // Frames report only when they have fields, so one leaving (or entering the back/forward cache)
    // takes its fields off the tab's list, and one coming back from that cache reports again.
    window.addEventListener('pagehide', () => {
      if (reported.length) sendToBackground({ type: 'code-fields', kinds: [] }).catch(() => {});
    });
    window.addEventListener('pageshow', (e) => {
      if (e.persisted && reported.length) report(reported);
    });

    // An extension update or reload starts a fresh copy of this script; the old one steps aside.
    ctx.onInvalidated(() => {
      watcher.stop();
      button.show(undefined);
    });

    listen({
      'fill-code': {
        from: 'extension',
        handle(msg) {
          if (!validFill(msg)) return { ok: false, reason: 'no-field' };
          if (msg.origin !== location.origin) return { ok: false, reason: 'origin-mismatch' };
          const target = watcher.target(msg.kind);
          if (!target) return { ok: false, reason: 'no-field' };
          fillCode(target, msg.code);
          return { ok: true };
        },
      },
    });
  },
});
