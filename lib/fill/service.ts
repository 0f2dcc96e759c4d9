import type { FieldKind, FillResult, FillTarget, Replies } from '../messages';
import { generateCode } from '../otp';
import { markUsed, nextUnused } from '../recovery';
import { accountBinding } from '../sites';
import type { RecoverySheet, StoredAccount } from '../vault/types';
import { planFill } from './plan';
import type { FrameFields, TabRegistry } from './tab-registry';

/** What the fill flow needs from the world; the background passes the real ones, tests fakes. */
export interface FillDeps {
  vault: {
    get(id: string): Promise<StoredAccount>;
    update(id: string, patch: Partial<StoredAccount>): Promise<StoredAccount>;
    getRecovery(id: string): Promise<RecoverySheet | null>;
    setRecovery(id: string, sheet: RecoverySheet): Promise<void>;
  };
  registry: TabRegistry;
  /** sends a fill-code message to one frame's content script */
  send(
    tabId: number,
    frameId: number,
    code: string,
    frame: FrameFields,
    kind: FieldKind,
  ): Promise<Replies['fill-code']>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface FillRequest {
  tabId: number;
  accountId: string;
  kind: FieldKind;
  /** the user confirmed filling this frame, at this origin, though the account is not bound to it */
  confirmed?: FillTarget;
  /** only this frame (the in-field button asks for its own frame, never another) */
  frameId?: number;
}

/**
 * Whether the account may fill a frame of this origin without asking (lib/sites/binding: site,
 * scheme, port).
 * @see docs/design.md "Data flow" (Fill)
 */
export function isBound(account: Pick<StoredAccount, 'sites'>, origin: string): boolean {
  return accountBinding(account, origin) === 'bound';
}

type Choice = { frame: FrameFields } | { refuse: FillResult };

/**
 * Which frame gets the code. Unconfirmed: the first bound frame; else the user is asked about the
 * first frame of another site, by its exact origin. Confirmed: exactly the frame the user was
 * shown, only if it still has that origin. Never a plain-http frame of a site saved with https.
 */
function chooseFrame(account: StoredAccount, frames: FrameFields[], req: FillRequest): Choice {
  const binding = (f: FrameFields) => accountBinding(account, f.origin);
  const { confirmed } = req;
  if (confirmed) {
    const frame = frames.find((f) => f.frameId === confirmed.frameId);
    if (!frame || frame.origin !== confirmed.origin)
      return { refuse: { ok: false, reason: 'origin-mismatch' } };
    return binding(frame) === 'insecure' ? { refuse: { ok: false, reason: 'insecure' } } : { frame };
  }
  const bound = frames.find((f) => binding(f) === 'bound');
  if (bound) return { frame: bound };
  const other = frames.find((f) => binding(f) === 'other');
  if (!other) return { refuse: { ok: false, reason: 'insecure' } };
  const target = { frameId: other.frameId, origin: other.origin };
  return { refuse: { ok: false, reason: 'not-bound', site: other.origin, target } };
}

/**
 * Fills an account's code (or its next unused backup code) into the tab's frame that has a code
 * field. Only the code travels to the content script, with the frame origin it must have. A frame
 * the account is not bound to is refused unless the user confirmed that frame at that origin.
 * @see https://www.rfc-editor.org/rfc/rfc6238 (codes) and DESIGN.md "Fill"
 */
export async function fillAccount(deps: FillDeps, req: FillRequest): Promise<FillResult> {
  const frames = deps.registry
    .framesWith(req.tabId, req.kind)
    .filter((f) => req.frameId === undefined || f.frameId === req.frameId);
  if (!frames.length) return { ok: false, reason: 'no-field' };
  let account: StoredAccount;
  try {
    account = await deps.vault.get(req.accountId);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, reason: code === 'locked' ? 'locked' : 'no-account' };
  }
  const choice = chooseFrame(account, frames, req);
  if ('refuse' in choice) return choice.refuse;
  const { frame } = choice;
  return req.kind === 'backup' ? fillBackup(deps, req, account, frame) : fillOtp(deps, req, account, frame);
}

async function fillOtp(deps: FillDeps, req: FillRequest, account: StoredAccount, frame: FrameFields) {
  const plan = planFill(account, deps.now());
  if (plan.delayMs) await deps.sleep(plan.delayMs);
  const code = generateCode(account, plan.atMs);
  const reply = await deps.send(req.tabId, frame.frameId, code, frame, 'otp');
  if (!reply?.ok) return { ok: false, reason: reply?.reason ?? 'failed' } satisfies FillResult;
  // An HOTP code is spent once it is filled: move the counter on so the next fill differs.
  if (account.type === 'hotp') await deps.vault.update(account.id, { counter: account.counter + 1 });
  return { ok: true, filled: 'otp' } satisfies FillResult;
}

async function fillBackup(deps: FillDeps, req: FillRequest, account: StoredAccount, frame: FrameFields) {
  const sheet = await deps.vault.getRecovery(account.id);
  const next = sheet && nextUnused(sheet);
  if (!sheet || !next) return { ok: false, reason: 'no-backup-codes' } satisfies FillResult;
  const reply = await deps.send(req.tabId, frame.frameId, next, frame, 'backup');
  if (!reply?.ok) return { ok: false, reason: reply?.reason ?? 'failed' } satisfies FillResult;
  // Marked used as soon as it is filled: a backup code works once, even if the login then fails.
  await deps.vault.setRecovery(account.id, markUsed(sheet, next, deps.now()));
  return { ok: true, filled: 'backup', backupCode: next } satisfies FillResult;
}
