/**
 * The one typed message protocol between Keyfob's contexts (popup, options, background,
 * content scripts). Every message is a member of `Message`; every reply type is in `Replies`.
 * The background dispatches through a handler map (`createRouter`), never through
 * `if (msg.type === …)` chains, and every handler declares which senders it accepts.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/messaging
 */

export type FieldKind = 'otp' | 'backup';

/** The keyboard command (commands API) that fills the current site's code. */
export const FILL_COMMAND = 'fill-code';

/** What a tab's frames reported about code fields, as the popup sees it. */
export interface TabState {
  url: string | null;
  /** kinds of code field found in any frame of the tab */
  kinds: FieldKind[];
}

/**
 * One frame of a tab as the user was shown it when asked to confirm a fill: its frame id and its
 * origin (scheme, host, port), both from the browser, never from the page.
 */
export interface FillTarget {
  frameId: number;
  origin: string;
}

export type FillResult =
  | {
      ok: true;
      filled: FieldKind;
      /** the backup code used, so the popup can offer undo */
      backupCode?: string;
    }
  | {
      ok: false;
      reason:
        | 'locked'
        | 'no-field'
        | 'not-bound'
        | 'origin-mismatch'
        | 'insecure'
        | 'no-account'
        | 'no-backup-codes'
        | 'failed';
      /** for 'not-bound': the exact origin the user is asked about, and may choose to remember */
      site?: string;
      /** for 'not-bound': the frame to confirm; a confirmed fill goes there only, at that origin */
      target?: FillTarget;
    };

export type Message =
  /**
   * sentinel (content) → background: this frame has an input a code could go into; bring in the
   * detector and the in-field button (scripting.executeScript into the sender's own frame only)
   */
  | { type: 'code-candidate' }
  /** content → background: whether this frame has a code field now */
  | { type: 'code-fields'; kinds: FieldKind[] }
  /**
   * content → background, after a trusted click on the in-field button: fill the sender's own frame
   * when exactly one account is bound to its site, else open the popup (the background re-checks
   * the frame's origin and the binding; no account id or name ever comes from or goes to the page)
   */
  | { type: 'field-fill'; kind: FieldKind }
  /** background → content: fill this code, only if the frame's origin is `origin` */
  | { type: 'fill-code'; code: string; origin: string; kind: FieldKind }
  /** extension pages → background: accounts changed (badge and menus recompute) */
  | { type: 'vault-changed' }
  /** extension pages → background: the user did something (auto-lock timer restarts) */
  | { type: 'activity' }
  /** extension pages → background: lock now */
  | { type: 'lock' }
  /** popup → background: what the tab's content scripts reported */
  | { type: 'tab-state'; tabId: number }
  /**
   * popup → background: fill the account's current code (or next backup code) into the tab.
   * `confirmed` is set only after the user confirmed filling a site the account is not bound to:
   * the frame and origin of the `not-bound` reply they were shown. If that frame's origin has
   * changed since, nothing is filled ('origin-mismatch').
   */
  | { type: 'fill-account'; tabId: number; accountId: string; kind: FieldKind; confirmed?: FillTarget }
  /**
   * popup → background: clear the clipboard in `afterSeconds`, even after the popup has closed
   * (Chrome: an offscreen document holds the timer; Firefox: the background page, best effort).
   * The copied code itself is not sent: nothing outside the popup needs it.
   */
  | { type: 'clipboard-clear'; afterSeconds: number }
  /**
   * popup → background: screenshot the active tab's visible area (the popup's activeTab grant),
   * hold it in memory only, and open the options page's import section to pick the QR codes.
   */
  | { type: 'capture-tab' }
  /** options → background: hand over the held screenshot once (then it is forgotten) */
  | { type: 'take-capture' }
  /** extension pages → background: run a sync round now (sync turned on, a vault opened) */
  | { type: 'sync-now' };

export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Reply type per message. */
export interface Replies {
  /** whether the detector was injected into the sender's frame */
  'code-candidate': { injected: boolean };
  /** whether the frame should show the in-field button (setting) */
  'code-fields': { button: boolean } | undefined;
  'field-fill': { done: 'filled' | 'popup' | 'refused' };
  'fill-code': { ok: boolean; reason?: 'origin-mismatch' | 'no-field' };
  'vault-changed': undefined;
  activity: undefined;
  lock: undefined;
  'tab-state': TabState;
  'fill-account': FillResult;
  /** ok: false when this browser cannot clear from the background (the popup then tries itself) */
  'clipboard-clear': { ok: boolean };
  'capture-tab': { ok: true } | { ok: false; reason: 'denied' | 'failed' };
  /** `pageUrl`: the http(s) page the screenshot shows, to bind what is scanned from it. */
  'take-capture': { dataUrl: string | null; pageUrl: string | null };
  /** the round's outcome (see lib/sync/engine SyncResult); 'off' when sync is turned off */
  'sync-now': { state: 'off' | 'locked' | 'synced' | 'paused' | 'other-vault'; bytes?: number };
}

/** Minimal view of `runtime.MessageSender` so the router stays testable without a browser. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chrome 106+: the sending document (outlives no navigation, unlike frameId) */
  documentId?: string;
}

/** Who may send a message: a content script in a web page, or one of our own extension pages. */
export type SenderKind = 'content' | 'extension';

export interface Handler<T extends MessageType> {
  from: SenderKind;
  handle(msg: MessageOf<T>, sender: Sender): Promise<Replies[T]> | Replies[T];
}

export type HandlerMap = { [T in MessageType]?: Handler<T> };

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'code-candidate',
  'code-fields',
  'field-fill',
  'fill-code',
  'vault-changed',
  'activity',
  'lock',
  'tab-state',
  'fill-account',
  'clipboard-clear',
  'capture-tab',
  'take-capture',
  'sync-now',
]);

/** Shape check for anything that arrives over the wire (a page can send junk to a content script). */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}

/**
 * Classifies a sender. Our own pages have a URL on the extension's origin; content scripts have
 * a tab and a web URL. Anything from another extension is refused.
 * @see https://developer.chrome.com/docs/extensions/reference/api/runtime#type-MessageSender
 */
export function senderKind(sender: Sender, self: { id: string; origin: string }): SenderKind | null {
  if (sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return 'extension';
  if (sender.tab && /^https?:/.test(url)) return 'content';
  return null;
}

/**
 * Builds a `runtime.onMessage` listener that dispatches through `handlers`. Unknown messages,
 * messages without a handler and messages from the wrong kind of sender are ignored (no reply),
 * so a compromised page cannot reach privileged handlers through its content script.
 */
export function createRouter(handlers: HandlerMap, self: { id: string; origin: string }) {
  return (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    // Only types this map handles (own properties: "constructor" or "__proto__" never match). Not
    // isMessage(): the full type list would ride along into the content script for nothing.
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as MessageType] as Handler<MessageType> | undefined;
    if (!handler || senderKind(sender, self) !== handler.from) return undefined;
    return Promise.resolve(handler.handle(raw as never, sender));
  };
}
