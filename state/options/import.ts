import { computed, signal } from '@preact/signals';
import { errorCode, errorMsg } from '../../lib/errors';
import type { Msg } from '../../lib/i18n';
import { countKey } from '../../lib/i18n';
import { draftKey } from '../../lib/otp/draft';
import { pastedLinkProblems } from '../../lib/otp/link-check';
import type { StoreContext } from './context';
import { initialSite, withSites } from './import-sites';
import type { FileBytes, ImportedAccount } from './types';

/** One account found by an import, as the preview shows it. */
export interface PreviewItem {
  /** the account found; from a Keyfob backup it also carries sites, notes and backup codes */
  draft: ImportedAccount;
  /** 'existing' = already in the vault (same secret + type); 'batch' = earlier in this import */
  duplicate: 'existing' | 'batch' | null;
  selected: boolean;
  /** the site to bind the account to, as shown and edited in the preview ('' = none) */
  site: string;
}

const IMAGE = /\.(png|jpe?g|gif|webp|bmp|avif)$/i;
const OTP_TEXT = /^otpauth(-migration)?:\/\//i;

/** Draft identity, or null for a secret that is not base32 (never a duplicate then). */
function keyOf(d: ImportedAccount): string | null {
  try {
    return draftKey(d);
  } catch {
    return null;
  }
}

/** "Could not read <file>." plus the reason when the error has a known code (typed errors). */
function fileError(e: unknown, source: string): Msg[] {
  const head: Msg = { key: 'error_import_file', subs: [source] };
  const reason = errorMsg(e, '');
  return reason.key ? [head, reason] : [head];
}

/**
 * Import: images, pasted text, tab capture and other apps' files → a preview where duplicates of
 * existing accounts (same secret + type) are flagged and deselected → one all-or-nothing write.
 * @see docs/research/import-formats.md
 */
export function createImportSlice(ctx: StoreContext) {
  const items = signal<PreviewItem[]>([]);
  const warnings = signal<string[]>([]);
  const errors = signal<Msg[]>([]);
  /** a file waiting for its password ('password-required') */
  const pending = signal<FileBytes | null>(null);
  const passwordError = signal<Msg | null>(null);
  /** Why the links pasted in the Add section cannot be used (empty: none pasted, or all fine). */
  const pasteErrors = signal<Msg[]>([]);
  const busy = signal(false);
  const progress = signal<{ done: number; total: number } | null>(null);
  const selectedCount = computed(() => items.value.filter((i) => i.selected).length);

  /** The duplicate flag of each item against the vault and the items before it. */
  function flag(list: ImportedAccount[], prior: Set<string | null>) {
    const existing = new Set(ctx.accounts.value.map(keyOf));
    return list.map((draft) => {
      const key = keyOf(draft);
      const duplicate = key && existing.has(key) ? 'existing' : key && prior.has(key) ? 'batch' : null;
      if (key) prior.add(key);
      return duplicate;
    });
  }

  /** Adds accounts to the preview; `site` (a scanned page's) binds those that have none of their own. */
  function addDrafts(drafts: ImportedAccount[], site: string | null = null): void {
    const seen = new Set(items.value.map((i) => keyOf(i.draft)));
    const flags = flag(drafts, seen);
    const added = drafts.map((draft, i): PreviewItem => {
      const duplicate = flags[i] ?? null;
      return { draft, duplicate, selected: duplicate === null, site: initialSite(draft, site) };
    });
    items.value = [...items.value, ...added];
  }

  /**
   * Re-checks duplicates once the vault's accounts are known (a capture or paste can arrive
   * before unlocking); items that turn out to exist already are unticked.
   */
  function recheck(): void {
    const flags = flag(
      items.value.map((i) => i.draft),
      new Set(),
    );
    items.value = items.value.map((it, i) => {
      const duplicate = flags[i] ?? null;
      if (duplicate === it.duplicate) return it;
      return { ...it, duplicate, selected: duplicate === null ? it.selected : false };
    });
  }

  function report(
    res: { accounts: ImportedAccount[]; warnings: string[] },
    source: string,
    site: string | null = null,
  ): void {
    addDrafts(res.accounts, site);
    warnings.value = [...warnings.value, ...res.warnings];
    if (res.accounts.length === 0)
      errors.value = [...errors.value, { key: 'options_import_none', subs: [source] }];
  }

  async function parseTexts(texts: string[], source: string, site: string | null = null): Promise<void> {
    if (texts.length === 0) {
      errors.value = [...errors.value, { key: 'options_import_no_qr', subs: [source] }];
      return;
    }
    for (const text of texts) {
      if (!OTP_TEXT.test(text.trim())) {
        errors.value = [...errors.value, { key: 'options_import_qr_not_otp', subs: [source] }];
        continue;
      }
      await parseBytes(
        { name: 'qr-code.txt', bytes: new TextEncoder().encode(text) },
        source,
        undefined,
        site,
      );
    }
  }

  async function parseBytes(
    file: FileBytes,
    source: string,
    password?: string,
    site: string | null = null,
  ): Promise<void> {
    try {
      report(await ctx.backend.parseFile(file, password), source, site);
      if (pending.value === file) pending.value = null;
    } catch (e) {
      const code = errorCode(e);
      if (code === 'password-required' || (code === 'wrong-password' && password !== undefined)) {
        pending.value = file;
        passwordError.value = code === 'wrong-password' ? errorMsg(e) : null;
        return;
      }
      errors.value = [...errors.value, ...fileError(e, source)];
    }
  }

  async function run(task: () => Promise<void>): Promise<void> {
    busy.value = true;
    try {
      await task();
    } finally {
      busy.value = false;
    }
  }

  /** Files from the picker, a drop or a paste: images are decoded, others parsed as exports. */
  function addFiles(files: File[]): Promise<void> {
    errors.value = [];
    return run(async () => {
      for (const file of files) {
        try {
          if (file.type.startsWith('image/') || IMAGE.test(file.name)) {
            await parseTexts(await ctx.backend.decodeImage(file), file.name);
          } else {
            const bytes = new Uint8Array(await file.arrayBuffer());
            await parseBytes({ name: file.name, bytes }, file.name);
          }
        } catch (e) {
          errors.value = [...errors.value, ...fileError(e, file.name)];
        }
      }
    });
  }

  /** Checks links pasted in the Add section; false (and `pasteErrors` says why) when one is unusable. */
  function checkPasted(text: string): boolean {
    pasteErrors.value = pastedLinkProblems(text);
    return pasteErrors.value.length === 0;
  }

  /** Pasted text: otpauth:// or otpauth-migration:// links, one or many lines, or an export's text. */
  function addText(text: string): Promise<void> {
    errors.value = [];
    const bytes = new TextEncoder().encode(text);
    return run(() => parseBytes({ name: 'pasted.txt', bytes }, 'pasted text'));
  }

  function captureTab(): Promise<void> {
    errors.value = [];
    return run(async () => {
      try {
        // Scanned from a web page: the accounts found are bound to that page's site.
        const { texts, site } = await ctx.backend.captureTab();
        await parseTexts(texts, 'current tab', site);
      } catch (e) {
        errors.value = [...errors.value, errorMsg(e, 'error_capture')];
      }
    });
  }

  function submitPassword(password: string): Promise<void> {
    const file = pending.value;
    if (!file) return Promise.resolve();
    return run(() => parseBytes(file, file.name, password));
  }

  function cancelPassword(): void {
    pending.value = null;
    passwordError.value = null;
  }

  /** Edits the site a previewed account will be bound to. */
  function setSite(index: number, site: string): void {
    items.value = items.value.map((it, i) => (i === index ? { ...it, site } : it));
  }

  function toggle(index: number): void {
    items.value = items.value.map((it, i) => (i === index ? { ...it, selected: !it.selected } : it));
  }

  function selectAll(selected: boolean): void {
    items.value = items.value.map((it) => ({ ...it, selected }));
  }

  function clear(): void {
    items.value = [];
    warnings.value = [];
    errors.value = [];
    progress.value = null;
    cancelPassword();
  }

  /** Writes the selected accounts in one transaction; on failure nothing is written and the preview stays. */
  async function commit(): Promise<boolean> {
    const bound = withSites(items.value.filter((i) => i.selected));
    if ('error' in bound) {
      errors.value = [bound.error];
      return false;
    }
    const chosen = bound.drafts;
    if (chosen.length === 0) return false;
    errors.value = [];
    progress.value = { done: 0, total: chosen.length };
    busy.value = true;
    try {
      await ctx.backend.addAccounts(chosen, (done, total) => {
        progress.value = { done, total };
      });
      await ctx.refresh();
      clear();
      ctx.notify({ key: countKey('options_import_done', chosen.length), subs: [chosen.length] });
      return true;
    } catch (e) {
      progress.value = null;
      errors.value = [errorMsg(e, 'error_import_write')];
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    items,
    warnings,
    errors,
    pending,
    passwordError,
    pasteErrors,
    busy,
    progress,
    selectedCount,
    addFiles,
    addText,
    checkPasted,
    addDrafts,
    recheck,
    captureTab,
    submitPassword,
    cancelPassword,
    toggle,
    setSite,
    selectAll,
    clear,
    commit,
  };
}

export type ImportSlice = ReturnType<typeof createImportSlice>;
