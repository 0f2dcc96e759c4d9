import QRCode from 'qrcode';
import { exportGoogleMigration } from '@/lib/export';
import { sendToBackground } from '@/lib/messaging';
import { safetyReport } from '@/lib/safety';
import { loadSettings, saveSettings } from '@/lib/settings';
import { browserSyncArea } from '@/lib/sync/area';
import { QUOTA } from '@/lib/sync/engine';
import { joinSyncedVault, openSyncedVault, syncedVaultWaiting, unlockWithSync } from '@/lib/sync/unlock';
import type { Vault } from '@/lib/vault';
import type { OptionsBackend } from '../../state/options/types';

type SyncActions = Pick<
  OptionsBackend,
  | 'unlock'
  | 'syncedWaiting'
  | 'openSynced'
  | 'safety'
  | 'syncNow'
  | 'joinSynced'
  | 'noteReminder'
  | 'exportGoogle'
>;

/**
 * Sync (through the background, which runs the rounds), the synced vault on a new device, the
 * safety net, and the export to Google Authenticator.
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export function createSyncActions(vault: Vault, changed: () => Promise<void>): SyncActions {
  const area = browserSyncArea();
  const syncNow = async () =>
    (await sendToBackground({ type: 'sync-now' }).catch(() => null))?.state ?? 'off';
  return {
    async unlock(password) {
      await unlockWithSync(vault, area, password);
      await changed();
    },
    syncedWaiting: () => syncedVaultWaiting(vault, area),
    async openSynced(password) {
      await openSyncedVault(vault, area, password);
      // Opening the synced vault is choosing sync on this device too.
      await saveSettings({ ...(await loadSettings()), sync: true });
      await changed();
      await syncNow();
    },
    async safety() {
      const [{ accounts }, info, settings] = await Promise.all([
        vault.list(),
        vault.protection(),
        loadSettings(),
      ]);
      return safetyReport(accounts, info, settings.sync, QUOTA.bytes);
    },
    syncNow,
    async joinSynced(password) {
      await joinSyncedVault(vault, area, password);
      await changed();
      await syncNow();
    },
    noteReminder: () => vault.noteProtection({ lastReminderAt: Date.now() }),
    async exportGoogle() {
      const { accounts } = await vault.list();
      const { links, skipped } = exportGoogleMigration(
        accounts,
        (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) >>> 1,
      );
      const images = await Promise.all(
        links.map((l) => QRCode.toDataURL(l, { errorCorrectionLevel: 'L', margin: 2, width: 320 })),
      );
      return { images, skipped: skipped.length };
    },
  };
}
