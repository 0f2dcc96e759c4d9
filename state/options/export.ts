import { signal } from '@preact/signals';
import { errorMsg } from '../../lib/errors';
import type { Msg } from '../../lib/i18n';
import { isoDate, type StoreContext } from './context';

export type ExportKind = 'backup' | 'otpauth' | 'aegis';

/**
 * Exports: encrypted Keyfob backup, plain otpauth URI list, Aegis-compatible JSON (plain or
 * encrypted), and one account's QR code. Files go out through `backend.download`.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */
export function createExportSlice(ctx: StoreContext) {
  const busy = signal<ExportKind | 'qr' | null>(null);
  const error = signal<Msg | null>(null);
  const qr = signal<{ accountId: string; dataUrl: string } | null>(null);

  async function run(kind: ExportKind, make: () => Promise<Blob>, name: string): Promise<boolean> {
    busy.value = kind;
    error.value = null;
    try {
      const blob = await make();
      await ctx.backend.download(blob, name);
      ctx.notify({ key: 'options_export_done', subs: [name] });
      return true;
    } catch (e) {
      error.value = errorMsg(e, 'error_export');
      return false;
    } finally {
      busy.value = null;
    }
  }

  const date = () => isoDate(ctx.clock.now());

  return {
    busy,
    error,
    qr,
    backup: (password: string) =>
      run('backup', () => ctx.backend.exportBackup(password), `keyfob-backup-${date()}.json`),
    otpauth: () => run('otpauth', () => ctx.backend.exportOtpauthList(), `keyfob-otpauth-${date()}.txt`),
    aegis: (password: string | null) =>
      run(
        'aegis',
        () => ctx.backend.exportAegis(password),
        `aegis-${password === null ? 'plain' : 'encrypted'}-${date()}.json`,
      ),
    async showQr(accountId: string): Promise<void> {
      busy.value = 'qr';
      error.value = null;
      try {
        qr.value = { accountId, dataUrl: await ctx.backend.qrForAccount(accountId) };
      } catch (e) {
        qr.value = null;
        error.value = errorMsg(e, 'error_export');
      } finally {
        busy.value = null;
      }
    },
    hideQr(): void {
      qr.value = null;
    },
  };
}

export type ExportSlice = ReturnType<typeof createExportSlice>;
