import type { HandlerMap } from '@/lib/messages';
import { installAutoLock } from '@/lib/vault';
import type { BackgroundContext } from './context';

/**
 * Auto-lock (idle alarm, OS screen lock) and the lock/activity messages from extension pages.
 * @see docs/design.md "Data flow" (Auto-lock)
 */
export function sessionFeature(ctx: BackgroundContext): HandlerMap {
  installAutoLock({
    session: ctx.session,
    settings: ctx.settings,
    alarms: browser.alarms,
    idle: browser.idle,
    onLock: () => void ctx.updateAllBadges(),
  });
  return {
    'vault-changed': { from: 'extension', handle: () => void ctx.updateAllBadges() },
    activity: { from: 'extension', handle: () => void ctx.session.touch(Date.now()) },
    lock: {
      from: 'extension',
      async handle() {
        await ctx.vault.lock();
        await ctx.updateAllBadges();
      },
    },
  };
}
