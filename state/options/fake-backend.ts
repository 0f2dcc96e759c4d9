import { safetyReport } from '../../lib/safety';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type {
  AccountPatch,
  AccountToAdd,
  FileBytes,
  OptionsBackend,
  OptionsSettings,
  ParsedImport,
  RecoverySheet,
  StoredAccount,
  SyncRoundState,
} from './types';

/**
 * In-memory {@link OptionsBackend} for the store tests (not used by the page). It records the
 * calls that matter and lets a test script parse results and failures.
 * @see ./backend-types.ts (the contract it fakes)
 */
export function fakeBackend(initial: StoredAccount[] = []) {
  let accounts = [...initial];
  const sheets = new Map<string, RecoverySheet>();
  let n = 0;
  const calls = {
    addAccounts: [] as AccountToAdd[][],
    captureTab: 0,
    removeAccount: [] as string[],
    syncNow: 0,
    joined: 0,
  };
  const control = {
    /** next parseFile result (or error) per file name */
    parse: new Map<string, ParsedImport | Error>(),
    capture: [] as string[],
    captureSite: null as string | null,
    failAdd: null as Error | null,
    /** what watchLock registered; call them to simulate a lock elsewhere */
    lockListeners: [] as (() => void)[],
    settings: { ...DEFAULT_SETTINGS } as OptionsSettings,
    /** what the next sync round reports; the synced vault's password for joinSynced */
    round: 'synced' as SyncRoundState,
    syncedPassword: 'the synced password',
    lastBackupAt: null as number | null,
    lastReminderAt: null as number | null,
  };
  const store = (a: AccountToAdd): StoredAccount => {
    const { recovery, ...rest } = a;
    n += 1;
    const id = `id${n}`;
    if (recovery) sheets.set(id, recovery);
    return { sites: [], notes: '', pinned: false, ...rest, id, order: n, createdAt: n, updatedAt: n };
  };
  const backend: OptionsBackend = {
    status: async () => 'unlocked',
    create: async () => {},
    unlock: async () => {},
    lock: async () => {},
    watchLock(onLocked) {
      control.lockListeners.push(onLocked);
      return () => {
        control.lockListeners = control.lockListeners.filter((l) => l !== onLocked);
      };
    },
    listAccounts: async () => [...accounts],
    async addAccounts(list, onProgress) {
      calls.addAccounts.push(list);
      if (control.failAdd) throw control.failAdd;
      onProgress?.(0, list.length);
      const added = list.map(store);
      accounts = [...accounts, ...added];
      onProgress?.(list.length, list.length);
      return added;
    },
    async updateAccount(id: string, patch: AccountPatch) {
      const cur = accounts.find((a) => a.id === id);
      if (!cur) throw Object.assign(new Error('not found'), { code: 'not-found' });
      const next = { ...cur, ...patch };
      accounts = accounts.map((a) => (a.id === id ? next : a));
      return next;
    },
    async removeAccount(id) {
      calls.removeAccount.push(id);
      accounts = accounts.filter((a) => a.id !== id);
      sheets.delete(id);
    },
    getRecovery: async (id) => sheets.get(id) ?? null,
    async setRecovery(id, sheet) {
      if (sheet) sheets.set(id, sheet);
      else sheets.delete(id);
    },
    async parseFile(file: FileBytes) {
      const r = control.parse.get(file.name);
      if (!r) throw Object.assign(new Error('unsupported'), { code: 'unsupported' });
      if (r instanceof Error) throw r;
      return r;
    },
    decodeImage: async () => [],
    async captureTab() {
      calls.captureTab += 1;
      return { texts: control.capture, site: control.captureSite };
    },
    currentTabSite: async () => null,
    exportBackup: async () => new Blob(),
    exportOtpauthList: async () => new Blob(),
    exportAegis: async () => new Blob(),
    qrForAccount: async () => '',
    download: async () => {},
    copy: async () => {},
    print: async () => {},
    getSettings: async () => control.settings,
    saveSettings: async (s) => {
      control.settings = s;
    },
    changePassword: async () => {},
    kdfInfo: async () => ({ name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 }),
    shortcut: async () => '',
    openShortcutSettings: async () => {},
    async safety() {
      const info = { lastSyncAt: null, syncState: control.round, syncBytes: 1234 };
      return safetyReport(accounts, { ...info, ...control }, control.settings.sync, 102_400);
    },
    async syncNow() {
      calls.syncNow += 1;
      return control.settings.sync ? control.round : 'off';
    },
    async joinSynced(password) {
      if (password !== control.syncedPassword)
        throw Object.assign(new Error('wrong'), { code: 'wrong-password' });
      calls.joined += 1;
    },
    async noteReminder() {
      control.lastReminderAt = accounts.reduce((m, a) => Math.max(m, a.createdAt), 0);
    },
    exportGoogle: async () => ({ images: ['data:image/png;base64,AA=='], skipped: 1 }),
  };
  return { backend, calls, control, sheets, accounts: () => accounts };
}
