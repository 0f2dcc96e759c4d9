import QRCode from 'qrcode';
import { copyToClipboard } from '@/lib/clipboard';
import { createBackup, exportAegis, exportOtpauthList } from '@/lib/export';
import { formatOtpauthUri } from '@/lib/otp';
import { loadSettings } from '@/lib/settings';
import type { Vault } from '@/lib/vault';
import type { OptionsBackend } from '../../state/options/types';

type FileActions = Pick<
  OptionsBackend,
  'exportBackup' | 'exportOtpauthList' | 'exportAegis' | 'qrForAccount' | 'download' | 'copy' | 'print'
>;

const json = (text: string) => new Blob([text], { type: 'application/json' });

/**
 * Exports (lib/export), one account's QR code (`qrcode`), downloads through an `<a download>`
 * blob link (no `downloads` permission needed), clipboard with clearing, and printing.
 * @see https://html.spec.whatwg.org/multipage/links.html#downloading-resources
 */
export function createFileActions(vault: Vault): FileActions {
  return {
    async exportBackup(password) {
      const { accounts, recovery } = await vault.exportSnapshot();
      const now = Date.now();
      const file = await createBackup({ accounts, recovery }, password, { now });
      // For the safety net: every account up to now is in an encrypted backup.
      await vault.noteProtection({ lastBackupAt: now });
      return json(JSON.stringify(file));
    },
    async exportOtpauthList() {
      const { accounts } = await vault.list();
      return new Blob([exportOtpauthList(accounts)], { type: 'text/plain' });
    },
    async exportAegis(password) {
      const { accounts } = await vault.list();
      return json(await exportAegis(accounts, password));
    },
    async qrForAccount(id) {
      const account = await vault.get(id);
      return QRCode.toDataURL(formatOtpauthUri(account), {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 256,
      });
    },
    async download(blob, filename) {
      const url = URL.createObjectURL(blob);
      try {
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        a.rel = 'noopener';
        document.body.append(a);
        a.click();
        a.remove();
      } finally {
        // The download has started from the click; revoke a little later so it can read the blob.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    },
    async copy(text) {
      // The same path as the popup: cleared by the background even after this tab closes.
      await copyToClipboard(text, (await loadSettings()).clipboardClearSeconds);
    },
    async print() {
      window.print();
    },
  };
}
