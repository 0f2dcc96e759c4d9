import type { FieldKind, FillResult, Replies } from '../messages';
import { generateCode } from '../otp';
import { markUsed, nextUnused } from '../recovery';
import { registrableDomain, siteMatches } from '../sites';
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
  /** the user confirmed filling a site this account is not bound to */
  allowUnbound?: boolean;
  /** only this frame (the in-field button asks for its own frame, never another) */
  frameId?: number;
}

/**
 * Whether any of the account's saved sites has the same registrable domain as `origin`.
 * @see /work/shared/DESIGN.md "Data flow" (Fill: binding by registrable domain)
 */
export function isBound(account: Pick<StoredAccount, 'sites'>, origin: string): boolean {
  return account.sites.some((s) => siteMatches(s, origin));
}

/**
 * Fills an account's code (or its next unused backup code) into the tab's frame that has a code
 * field. Only the code travels to the content script, with the frame origin it must have. A frame
 * whose site the account is not bound to is refused unless the user confirmed it.
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
  const bound = frames.filter((f) => isBound(account, f.origin));
  const frame = bound[0] ?? (req.allowUnbound ? frames[0] : undefined);
  if (!frame) {
    const site = registrableDomain(frames[0]?.origin ?? '') ?? undefined;
    return { ok: false, reason: 'not-bound', site };
  }
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
