import { signal } from '@preact/signals';
import { errorMsg } from '../../lib/errors';
import type { Msg } from '../../lib/i18n';
import { countKey } from '../../lib/i18n';
import { displayName } from '../../lib/otp/display';
import { createSheet, formatSheetText, markUnused, markUsed, parseBackupCodes } from '../../lib/recovery';
import type { StoreContext } from './context';
import type { RecoverySheet } from './types';

/** Warn when this many codes or fewer are left (the lib/recovery default). */

/** Lets the print view render before the (blocking) print dialog opens. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Backup codes of one account: paste/upload a sheet (codes counted before saving), reveal,
 * copy, mark used, print, download, replace (with confirmation: old codes become invalid).
 * @see docs/design.md "Vault format" (recovery store)
 */
export function createRecoverySlice(ctx: StoreContext) {
  const accountId = signal<string | null>(null);
  const sheet = signal<RecoverySheet | null>(null);
  const revealed = signal(false);
  /** codes parsed from a paste or upload, not saved yet */
  const draft = signal<string[] | null>(null);
  const confirmReplace = signal(false);
  const printing = signal(false);
  const error = signal<Msg | null>(null);

  async function load(id: string | null): Promise<void> {
    accountId.value = id;
    sheet.value = null;
    revealed.value = false;
    draft.value = null;
    confirmReplace.value = false;
    error.value = null;
    if (!id) return;
    try {
      const loaded = await ctx.backend.getRecovery(id);
      if (accountId.value === id) sheet.value = loaded;
    } catch (e) {
      error.value = errorMsg(e);
    }
  }

  /** Parses pasted text; the count is shown before anything is saved. */
  function parseText(text: string): void {
    confirmReplace.value = false;
    const codes = parseBackupCodes(text);
    draft.value = codes;
    error.value = codes.length === 0 ? { key: 'options_codes_none_found' } : null;
  }

  async function parseFile(file: File): Promise<void> {
    parseText(await file.text());
  }

  async function write(next: RecoverySheet | null): Promise<boolean> {
    const id = accountId.value;
    if (!id) return false;
    try {
      await ctx.backend.setRecovery(id, next);
      sheet.value = next;
      return true;
    } catch (e) {
      error.value = errorMsg(e, 'error_save');
      return false;
    }
  }

  /** Saves the parsed codes; replacing an existing set needs `confirmed` (old codes become invalid). */
  async function save(confirmed = false): Promise<boolean> {
    const codes = draft.value;
    if (!codes || codes.length === 0) return false;
    if (sheet.value && sheet.value.codes.length > 0 && !confirmed) {
      confirmReplace.value = true;
      return false;
    }
    const ok = await write(createSheet(codes, ctx.clock.now()));
    if (ok) {
      draft.value = null;
      confirmReplace.value = false;
      revealed.value = false;
      ctx.notify({ key: countKey('options_codes_saved', codes.length), subs: [codes.length] });
    }
    return ok;
  }

  function cancelDraft(): void {
    draft.value = null;
    confirmReplace.value = false;
    error.value = null;
  }

  async function setUsed(code: string, used: boolean): Promise<void> {
    const current = sheet.value;
    if (!current) return;
    const now = ctx.clock.now();
    const next = used ? markUsed(current, code, now) : markUnused(current, code, now);
    if (next !== current) await write(next);
  }

  async function copy(code: string): Promise<void> {
    try {
      await ctx.backend.copy(code);
      ctx.notify({ key: 'options_copied' });
    } catch (e) {
      error.value = errorMsg(e);
    }
  }

  async function print(): Promise<void> {
    printing.value = true;
    try {
      await nextFrame();
      await ctx.backend.print();
    } finally {
      printing.value = false;
    }
  }

  /** The sheet as a .txt (lib/recovery's format: used codes marked, so re-pasting it restores only live codes). */
  async function download(): Promise<void> {
    const current = sheet.value;
    const account = ctx.accounts.value.find((a) => a.id === accountId.value);
    if (!current || !account) return;
    const text = formatSheetText(current, account);
    const name = displayName(account.issuer, account.label);
    const file = `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'account'}-backup-codes.txt`;
    try {
      await ctx.backend.download(new Blob([text], { type: 'text/plain' }), file);
    } catch (e) {
      error.value = errorMsg(e);
    }
  }

  return {
    accountId,
    sheet,
    revealed,
    draft,
    confirmReplace,
    printing,
    error,
    load,
    parseText,
    parseFile,
    save,
    cancelDraft,
    setUsed,
    copy,
    print,
    download,
  };
}

export type RecoverySlice = ReturnType<typeof createRecoverySlice>;
