import { createRouter } from '@/lib/messages';
import { captureFeature } from './capture';
import { clipboardFeature } from './clipboard';
import { createContext } from './context';
import { fieldButtonFeature } from './field-button';
import { fillFeature, updateBadge } from './fill';
import { injectFeature } from './inject';
import { sessionFeature } from './session';
import { syncFeature } from './sync';

/**
 * The service worker: wires each feature's message handlers into the one router. Features live
 * in sibling files (one per concern) and keep no state beyond storage.session, so a worker
 * restart keeps an unlocked session.
 * @see docs/design.md "Message protocol"
 */
export default defineBackground(() => {
  const ctx = createContext(updateBadge);
  const router = createRouter(
    {
      ...sessionFeature(ctx),
      ...fillFeature(ctx),
      ...fieldButtonFeature(ctx),
      ...injectFeature(),
      ...captureFeature(ctx),
      ...clipboardFeature(),
      ...syncFeature(ctx),
    },
    { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
  );
  browser.runtime.onMessage.addListener(router);
});
