import { describe, expect, it } from 'vitest';
import { safetyReport, shouldRemind, unprotectedCount } from './safety';

const at = (...times: number[]) => times.map((createdAt) => ({ createdAt }));

describe('unprotectedCount', () => {
  it.each([
    ['no backup, sync off: every account', { lastBackupAt: null, lastSyncAt: null, syncOn: false }, 3],
    ['backup at 20: only the one added after it', { lastBackupAt: 20, lastSyncAt: null, syncOn: false }, 1],
    ['synced at 25 with sync on: none', { lastBackupAt: null, lastSyncAt: 25, syncOn: true }, 0],
    [
      'a sync before sync was turned off does not count',
      { lastBackupAt: null, lastSyncAt: 25, syncOn: false },
      3,
    ],
    ['backup at 5, synced at 15: the one after both', { lastBackupAt: 5, lastSyncAt: 15, syncOn: true }, 1],
  ])('%s', (_name, p, n) => {
    expect(unprotectedCount(at(10, 12, 22), p)).toBe(n);
  });
});

describe('shouldRemind', () => {
  const off = { lastBackupAt: null, lastSyncAt: null, syncOn: false };
  it('reminds once per new unprotected account, not again for the same ones', () => {
    expect(shouldRemind(at(10), off, null)).toBe(true);
    expect(shouldRemind(at(10), off, 11)).toBe(false);
    expect(shouldRemind(at(10, 30), off, 11)).toBe(true);
    expect(shouldRemind(at(10), { ...off, lastBackupAt: 10 }, null)).toBe(false);
    expect(shouldRemind([], off, null)).toBe(false);
  });
});

describe('safetyReport', () => {
  const info = {
    lastBackupAt: 11,
    lastSyncAt: 21,
    syncState: 'paused',
    syncBytes: 120_000,
    lastReminderAt: null,
  };
  it('with sync off, shows no sync state or bytes and counts only the backup', () => {
    expect(safetyReport(at(10, 12, 22), info, false, 102_400)).toMatchObject({
      syncOn: false,
      syncState: null,
      syncBytes: null,
      unprotected: 2,
      remind: true,
    });
  });
  it('with sync on, the last round counts too and its state and bytes show', () => {
    expect(safetyReport(at(10, 12, 22), info, true, 102_400)).toMatchObject({
      syncOn: true,
      syncState: 'paused',
      syncBytes: 120_000,
      quotaBytes: 102_400,
      unprotected: 1,
    });
  });
});
