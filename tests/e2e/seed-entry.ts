// Bundled by tests/e2e/seed.mjs into a script evaluated inside an extension page, so a browser
// test can start from a vault with many accounts without typing them in. It uses the product's
// own lib/vault (same format, same crypto); only the Argon2id cost is the floor, to save time.
import { type Settings, saveSettings } from '../../lib/settings';
import { KDF_FLOOR } from '../../lib/vault/crypto';
import { browserSession, type SessionArea } from '../../lib/vault/session';
import { settingsStore } from '../../lib/vault/settings-store';
import type { NewAccount, RecoverySheet } from '../../lib/vault/types';
import { openVault } from '../../lib/vault/vault';

declare const chrome: { storage: { session: SessionArea } };

export interface SeedRequest {
  password: string;
  accounts: NewAccount[];
  /** backup-code sheets by index into `accounts` */
  recovery?: { index: number; sheet: RecoverySheet }[];
  /** leave the vault locked afterwards */
  lock?: boolean;
}

(globalThis as Record<string, unknown>).__keyfobSeed = async (req: SeedRequest) => {
  const vault = openVault({ session: browserSession(chrome.storage.session), kdf: KDF_FLOOR });
  await vault.create(req.password);
  const created = await vault.add(req.accounts);
  for (const r of req.recovery ?? []) {
    const account = created[r.index];
    if (account) await vault.setRecovery(account.id, r.sheet);
  }
  if (req.lock) await vault.lock();
  await vault.close();
  return created.map((a) => a.id);
};

/** Settings as the options page saves them (the extension's settings database). */
(globalThis as Record<string, unknown>).__keyfobSettings = (patch: Partial<Settings>) => saveSettings(patch);
(globalThis as Record<string, unknown>).__keyfobStoredSettings = () => settingsStore().read();
