import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { FrameText } from '../../lib/page/frame-text';
import { accountForPage } from '../../lib/page/identity';
import { backupCodesOnPage, sameCodes } from '../../lib/page/page-codes';
import type { PopupContext } from './context';
import type { PopupAccount } from './types';

/** The backup codes a page shows, offered to be saved on an account bound to its site. */
export interface CodesOffer {
  codes: string[];
  /** the account to save them on; null while the user has to choose (several accounts, none named) */
  accountId: string | null;
  /** 'offer': one line; 'preview': the codes and the final button (replacing says what it does) */
  stage: 'offer' | 'preview';
  /** how many codes are saved for the chosen account now (replacing them), 0 for none */
  replaces: number;
}

/**
 * What the active page shows, read once the list has painted, and only when the page's site has
 * accounts bound to it: its frames' visible text (scripting.executeScript, from the popup the
 * user opened; nothing reads pages in the background). From it: which of several accounts the
 * page is about (the username it shows), and a backup-code sheet to save — previewed, and
 * replacing the account's old set only after saying the old codes stop working.
 * @see docs/design.md "Data flow"
 */
export function createPageSlice(ctx: PopupContext, siteBound: ReadonlySignal<ReadonlySet<string>>) {
  const frames = signal<FrameText[] | null>(null);
  const offer = signal<CodesOffer | null>(null);
  /** The accounts bound to the active page's site, in list order. */
  const bound = computed(() => ctx.accounts.value.filter((a) => siteBound.value.has(a.id)));

  /** The account the page is about when several are bound to its site (null: one or none, or unknown). */
  const pageAccount: ReadonlySignal<PopupAccount | null> = computed(() => {
    const f = frames.value;
    return f && bound.value.length > 1 ? accountForPage(bound.value, f) : null;
  });

  async function savedCount(accountId: string): Promise<number> {
    return (await ctx.backend.savedBackupCodes(accountId).catch(() => null))?.length ?? 0;
  }

  /** Reads the page (once per popup) and prepares the backup-code offer when it shows a new sheet. */
  async function readPage(sameSite: (url: string) => boolean): Promise<void> {
    if (frames.value || bound.value.length === 0) return;
    let read: FrameText[];
    try {
      read = await ctx.backend.readPage();
    } catch {
      return; // a page Keyfob may not read (the browser's own pages, no grant): nothing to offer
    }
    frames.value = read;
    const found = backupCodesOnPage(read, sameSite);
    if (!found) return;
    const only = bound.value.length === 1 ? bound.value[0] : null;
    const target = only ?? pageAccount.value;
    if (target) {
      const saved = await ctx.backend.savedBackupCodes(target.id).catch(() => null);
      if (saved && sameCodes(found.codes, saved)) return; // already saved: nothing to offer
      offer.value = {
        codes: found.codes,
        accountId: target.id,
        stage: 'offer',
        replaces: saved?.length ?? 0,
      };
    } else {
      offer.value = { codes: found.codes, accountId: null, stage: 'offer', replaces: 0 };
    }
  }

  /** The user chose the account the codes belong to. */
  async function chooseAccount(accountId: string): Promise<void> {
    const o = offer.value;
    if (!o) return;
    offer.value = { ...o, accountId, replaces: await savedCount(accountId) };
  }

  function preview(): void {
    const o = offer.value;
    if (o?.accountId) offer.value = { ...o, stage: 'preview' };
  }

  /** Saves the previewed codes on the account, replacing any old set (the user confirmed it). */
  async function saveCodes(): Promise<boolean> {
    const o = offer.value;
    if (!o?.accountId || o.stage !== 'preview') return false;
    try {
      await ctx.backend.saveBackupCodes(o.accountId, o.codes);
    } catch {
      ctx.say({ kind: 'error' });
      return false;
    }
    offer.value = null;
    ctx.say({
      kind: o.replaces > 0 ? 'codes-replaced' : 'codes-saved',
      id: o.accountId,
      count: o.codes.length,
    });
    return true;
  }

  function dismissOffer(): void {
    offer.value = null;
  }

  return { frames, bound, pageAccount, offer, readPage, chooseAccount, preview, saveCodes, dismissOffer };
}
