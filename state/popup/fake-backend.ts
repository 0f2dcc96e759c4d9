import type { FrameText } from '../../lib/page/frame-text';
import { accountBinding, normalizeSite } from '../../lib/sites';
import type { VaultStatus } from '../../lib/vault/types';
import type {
  ActiveTabInfo,
  BackupSummary,
  FieldKind,
  FillResult,
  FillTarget,
  PopupAccount,
  PopupBackend,
} from './types';

/** RFC 4226/6238 SHA1 seed "12345678901234567890" in base32. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A TOTP account with the RFC seed; override any field. */
export function makeAccount(over: Partial<PopupAccount> & { id: string }): PopupAccount {
  return {
    type: 'totp',
    secret: RFC_SECRET,
    issuer: `Issuer ${over.id}`,
    label: `user-${over.id}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites: [],
    pinned: false,
    order: 0,
    ...over,
  };
}

/** `n` accounts with distinct issuers/labels, in manual order. */
export function manyAccounts(n: number): PopupAccount[] {
  return Array.from({ length: n }, (_, i) =>
    makeAccount({ id: `a${i}`, issuer: `Service ${i}`, label: `person${i}@mail.test`, order: i }),
  );
}

/**
 * In-memory {@link PopupBackend} for tests: records every call, keeps accounts and backup codes,
 * checks the password, and lets a test set the active tab. Filling follows the background's rules
 * (not-bound unless allowed; backup codes used in order). No clipboard or browser APIs involved.
 */
export class FakeBackend implements PopupBackend {
  calls: Array<[string, ...unknown[]]> = [];
  copied: Array<[string, number]> = [];
  filled: Array<[string, FieldKind]> = [];
  scans = 0;
  /** backup-code sheets by account id: each code and whether it is used */
  sheets: Record<string, Array<{ code: string; used: boolean }>> = {};
  opened: Array<string | undefined> = [];
  tab: ActiveTabInfo = { url: null, hasCodeField: false };
  clipboardClearSeconds = 30;
  state: VaultStatus;
  password: string;
  accounts: PopupAccount[];

  constructor(opts: { state?: VaultStatus; password?: string; accounts?: PopupAccount[] } = {}) {
    this.state = opts.state ?? 'unlocked';
    this.password = opts.password ?? 'correct horse';
    this.accounts = opts.accounts ?? [];
  }

  private log(name: string, ...args: unknown[]): void {
    this.calls.push([name, ...args]);
  }

  async status(): Promise<VaultStatus> {
    return this.state;
  }
  async create(password: string): Promise<void> {
    this.log('create');
    this.password = password;
    this.state = 'unlocked';
  }
  async unlock(password: string): Promise<void> {
    this.log('unlock');
    if (password !== this.password) {
      const e: Error & { code?: string } = new Error('Wrong password');
      e.code = 'wrong-password';
      throw e;
    }
    this.state = 'unlocked';
  }
  async lock(): Promise<void> {
    this.log('lock');
    this.state = 'locked';
  }
  /** Resolves listAccounts() only when a test says so (a slow vault read: the popup still loading). */
  listGate: Promise<void> = Promise.resolve();
  async listAccounts(): Promise<PopupAccount[]> {
    await this.listGate;
    if (this.state !== 'unlocked') throw new Error('locked');
    return this.accounts.map((a) => ({ ...a, sites: [...a.sites] }));
  }
  async nextHotp(id: string): Promise<PopupAccount> {
    this.log('nextHotp', id);
    const a = this.find(id);
    a.counter += 1;
    return { ...a };
  }
  async copy(text: string, clearSeconds: number): Promise<void> {
    this.copied.push([text, clearSeconds]);
  }
  async fill(accountId: string, kind: FieldKind, confirmed?: FillTarget): Promise<FillResult> {
    this.log('fill', accountId, kind, confirmed !== undefined);
    const a = this.find(accountId);
    let origin = '';
    try {
      origin = new URL(this.tab.url ?? '').origin;
    } catch {}
    const binding = accountBinding(a, origin);
    if (binding === 'insecure') return { ok: false, reason: 'insecure' };
    if (binding !== 'bound' && confirmed?.origin !== origin) {
      const target = { frameId: 0, origin };
      return origin
        ? { ok: false, reason: 'not-bound', site: origin, target }
        : { ok: false, reason: 'not-bound' };
    }
    if (kind === 'backup') {
      const next = this.sheets[accountId]?.find((c) => !c.used);
      if (!next) return { ok: false, reason: 'no-backup-codes' };
      next.used = true;
      this.filled.push([accountId, kind]);
      return { ok: true, filled: 'backup', backupCode: next.code };
    }
    this.filled.push([accountId, kind]);
    if (a.type === 'hotp') a.counter += 1;
    return { ok: true, filled: 'otp' };
  }
  async rememberSite(id: string, site: string): Promise<PopupAccount> {
    this.log('rememberSite', id, site);
    const a = this.find(id);
    a.sites = [...a.sites, normalizeSite(site) ?? site];
    return { ...a, sites: [...a.sites] };
  }
  async backupCodes(lowThreshold: number): Promise<Record<string, BackupSummary>> {
    const out: Record<string, BackupSummary> = {};
    for (const [id, codes] of Object.entries(this.sheets)) {
      const remaining = codes.filter((c) => !c.used).length;
      out[id] = { remaining, low: remaining <= lowThreshold && remaining < codes.length };
    }
    return out;
  }
  /** What the active page shows (readPage); null models a page Keyfob may not read. */
  page: FrameText[] | null = [];
  async readPage(): Promise<FrameText[]> {
    this.log('readPage');
    if (!this.page) throw new Error('Cannot access contents of the page');
    return this.page;
  }
  async savedBackupCodes(accountId: string): Promise<string[] | null> {
    return this.sheets[accountId]?.map((c) => c.code) ?? null;
  }
  async saveBackupCodes(accountId: string, codes: string[]): Promise<void> {
    this.log('saveBackupCodes', accountId, codes);
    this.sheets[accountId] = codes.map((code) => ({ code, used: false }));
  }
  async unuseBackupCode(accountId: string, code: string): Promise<void> {
    this.log('unuseBackupCode', accountId, code);
    const c = this.sheets[accountId]?.find((x) => x.code === code);
    if (c) c.used = false;
  }
  async scanPage(): Promise<void> {
    this.scans += 1;
  }
  async setPinned(id: string, pinned: boolean): Promise<void> {
    this.log('setPinned', id, pinned);
    this.find(id).pinned = pinned;
  }
  async move(id: string, newIndex: number): Promise<void> {
    this.log('move', id, newIndex);
    const list = [...this.accounts].sort((a, b) => a.order - b.order);
    const from = list.findIndex((a) => a.id === id);
    const [item] = list.splice(from, 1);
    if (item) list.splice(newIndex, 0, item);
    list.forEach((a, i) => {
      a.order = i;
    });
  }
  /** What tabs.query shows without asking the background; null models a popup without the activeTab grant. */
  quickUrl: string | null | undefined = undefined;
  async tabUrl(): Promise<string | null> {
    return this.quickUrl === undefined ? this.tab.url : this.quickUrl;
  }
  /** Resolves activeTab() only when a test says so (a background that is slow to wake). */
  tabGate: Promise<void> = Promise.resolve();
  async activeTab(): Promise<ActiveTabInfo> {
    await this.tabGate;
    return this.tab;
  }
  async openOptions(section?: string): Promise<void> {
    this.opened.push(section);
  }
  async settings(): Promise<{ clipboardClearSeconds: number }> {
    return { clipboardClearSeconds: this.clipboardClearSeconds };
  }

  private find(id: string): PopupAccount {
    const a = this.accounts.find((x) => x.id === id);
    if (!a) throw new Error('no such account');
    return a;
  }
}
