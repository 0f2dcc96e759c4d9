import { AccountsSection } from '../../components/options/accounts-section';
import { AddSection } from '../../components/options/add-section';
import { BackupCodesSection } from '../../components/options/backup-codes-section';
import { ExportGoogle } from '../../components/options/export-google';
import { ExportSection } from '../../components/options/export-section';
import { ImportSection } from '../../components/options/import-section';
import { SettingsSection } from '../../components/options/settings-section';
import { SyncCard } from '../../components/options/sync-card';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { formatHash } from '../../state/options/route';
import type { OptionsStore } from '../../state/options/store';

/**
 * Wires the store's signals and actions to the section the route selects. Reading `.value`
 * here subscribes this component, so each section re-renders when its state changes.
 * @see https://preactjs.com/guide/v10/signals/
 */
export function SectionView({ store, go }: { store: OptionsStore; go(hash: string): void }) {
  const { section, id } = store.route.value;
  const accounts = store.accounts.value;
  switch (section) {
    case 'add': {
      const a = store.accountsView;
      return (
        <AddSection
          busy={store.importer.busy.value}
          error={a.error.value}
          onAdd={async (draft) => {
            const newId = await a.add(draft);
            if (newId) go(formatHash({ section: 'accounts', id: newId }));
          }}
          pasteErrors={store.importer.pasteErrors.value}
          onPasteLinks={(text) => {
            // A bad link is explained in place; only usable links move on to the preview.
            if (store.importer.checkPasted(text)) {
              go('#import');
              void store.importer.addText(text);
            }
          }}
        />
      );
    }
    case 'import': {
      const im = store.importer;
      return (
        <ImportSection
          items={im.items.value}
          warnings={im.warnings.value}
          errors={im.errors.value}
          selectedCount={im.selectedCount.value}
          busy={im.busy.value}
          progress={im.progress.value}
          pending={im.pending.value}
          passwordError={im.passwordError.value}
          onFiles={im.addFiles}
          onText={im.addText}
          onCapture={im.captureTab}
          onPassword={im.submitPassword}
          onCancelPassword={im.cancelPassword}
          onToggle={im.toggle}
          onSite={im.setSite}
          onSelectAll={im.selectAll}
          onImport={async () => {
            if (await im.commit()) go('#accounts');
          }}
          onClear={im.clear}
        />
      );
    }
    case 'backup-codes': {
      const r = store.recovery;
      return (
        <BackupCodesSection
          accounts={accounts}
          accountId={r.accountId.value}
          sheet={r.sheet.value}
          revealed={r.revealed.value}
          draft={r.draft.value}
          confirmReplace={r.confirmReplace.value}
          printing={r.printing.value}
          error={r.error.value}
          lowThreshold={store.settings.settings.value?.lowBackupCodes ?? DEFAULT_SETTINGS.lowBackupCodes}
          onPick={(accountId) => go(formatHash({ section: 'backup-codes', id: accountId }))}
          onReveal={(v) => {
            r.revealed.value = v;
          }}
          onCopy={r.copy}
          onUsed={r.setUsed}
          onParseText={r.parseText}
          onFile={r.parseFile}
          onSave={r.save}
          onCancel={r.cancelDraft}
          onPrint={r.print}
          onDownload={r.download}
        />
      );
    }
    case 'export': {
      const x = store.exporter;
      return (
        <ExportSection
          accounts={accounts}
          busy={x.busy.value}
          error={x.error.value}
          qr={x.qr.value}
          onBackup={x.backup}
          onOtpauth={x.otpauth}
          onAegis={x.aegis}
          onShowQr={x.showQr}
          onHideQr={x.hideQr}
        >
          <ExportGoogle
            shown={store.sync.google.value}
            disabled={accounts.length === 0}
            error={store.sync.googleError.value}
            onShow={() => void store.sync.showGoogle()}
            onHide={store.sync.hideGoogle}
          />
        </ExportSection>
      );
    }
    case 'settings': {
      const s = store.settings;
      return (
        <SettingsSection
          settings={s.settings.value}
          kdf={s.kdf.value}
          shortcut={s.shortcut.value}
          error={s.error.value}
          passwordError={s.passwordError.value}
          busy={s.busy.value}
          onSave={s.save}
          onOpenShortcuts={s.openShortcuts}
          onChangePassword={s.changePassword}
        >
          <SyncCard
            on={s.settings.value?.sync ?? false}
            report={store.sync.report.value}
            round={store.sync.round.value}
            busy={store.sync.busy.value}
            error={store.sync.error.value}
            joinError={store.sync.joinError.value}
            onToggle={(on) => void store.sync.setOn(on)}
            onJoin={(pw) => void store.sync.join(pw)}
          />
        </SettingsSection>
      );
    }
    default: {
      const a = store.accountsView;
      return (
        <AccountsSection
          accounts={a.filtered.value}
          total={accounts.length}
          search={a.search.value}
          selectedId={id}
          error={a.error.value}
          onSearch={(q) => {
            a.search.value = q;
          }}
          onSave={a.save}
          onDelete={async (accountId) => {
            if (await a.remove(accountId)) go('#accounts');
          }}
          onCurrentSite={a.currentSite}
        />
      );
    }
  }
}
