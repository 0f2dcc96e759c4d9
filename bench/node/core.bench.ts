// Node figures for the OTP core, the vault and import parsing (bundled by bench/run.mjs).
import 'fake-indexeddb/auto';
import { exportAegis, exportOtpauthList } from '../../lib/export';
import { parseImport } from '../../lib/import';
import { generateCode } from '../../lib/otp';
import { DEFAULT_KDF, memorySession, openVault } from '../../lib/vault';
import { makeDrafts, median, type Row, time } from './shared';

export const groups = ['otp', 'vault', 'import'];

export async function run(want: (group: string) => boolean): Promise<Row[]> {
  return [
    ...(want('otp') ? await benchOtp() : []),
    ...(want('vault') ? await benchVault() : []),
    ...(want('import') ? await benchImport() : []),
  ];
}

async function benchOtp(): Promise<Row[]> {
  const drafts = makeDrafts(100);
  const now = Date.now();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    for (const d of drafts) generateCode(d, now + n * 1000);
    n++;
  }
  const perSec = (n * drafts.length) / ((performance.now() - t0) / 1000);
  return [
    { group: 'otp', name: 'generateCode throughput (Node)', value: Math.round(perSec), unit: 'codes/s' },
  ];
}

async function benchVault(): Promise<Row[]> {
  const rows: Row[] = [];
  const session = memorySession();
  const vault = openVault({ session, dbName: `bench-${Date.now()}` });
  await vault.create('correct horse battery staple');
  await vault.add(makeDrafts(1000));
  const unlocks: number[] = [];
  for (let i = 0; i < 3; i++) {
    await vault.lock();
    unlocks.push((await time(() => vault.unlock('correct horse battery staple')))[0]);
  }
  const { memoryKiB, iterations, parallelism } = DEFAULT_KDF;
  rows.push({
    group: 'vault',
    name: `unlock, Argon2id m=${memoryKiB / 1024} MiB t=${iterations} p=${parallelism} (Node, median of 3)`,
    value: median(unlocks),
    unit: 'ms',
  });
  // The first list after an unlock decrypts every record; later ones use the session's list
  // cache (one blob). Both are timed, with the codes computed, as the popup does.
  const listWithCodes = () =>
    time(async () => {
      const { accounts } = await vault.list();
      const now = Date.now();
      for (const a of accounts) generateCode(a, now);
      if (accounts.length !== 1000) throw new Error('expected 1000 accounts');
    });
  const full: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 5; i++) {
    await vault.lock();
    await vault.unlock('correct horse battery staple');
    full.push((await listWithCodes())[0]);
    await vault.flush(); // the cache is written in the background, well before a popup reopens
    cached.push((await listWithCodes())[0]);
  }
  rows.push(
    {
      group: 'vault',
      name: 'decrypt 1,000 accounts + compute codes, first list after unlock (Node, median of 5)',
      value: median(full),
      unit: 'ms',
      target: '≤ 50',
    },
    {
      group: 'vault',
      name: '  … a later list, from the session list cache (Node, median of 5)',
      value: median(cached),
      unit: 'ms',
    },
  );
  await vault.close();
  return rows;
}

async function benchImport(): Promise<Row[]> {
  const drafts = makeDrafts(500);
  const enc = new TextEncoder();
  const files = [
    {
      name: 'otpauth list, 500 accounts',
      file: { name: 'export.txt', bytes: enc.encode(exportOtpauthList(drafts)) },
    },
    {
      name: 'Aegis plain JSON, 500 accounts',
      file: { name: 'aegis.json', bytes: enc.encode(await exportAegis(drafts, null)) },
    },
  ];
  const rows: Row[] = [];
  for (const { name, file } of files) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [ms, out] = await time(() => parseImport(file));
      if (out.accounts.length !== 500) throw new Error(`${name}: ${out.accounts.length} accounts`);
      times.push(ms);
    }
    rows.push({ group: 'import', name: `parse ${name} (median of 5)`, value: median(times), unit: 'ms' });
  }
  const vault = openVault({ session: memorySession(), dbName: `bench-import-${Date.now()}` });
  await vault.create('pw for the bench');
  const [ms] = await time(() => vault.add(drafts));
  rows.push({
    group: 'import',
    name: 'add 500 accounts to the vault (one transaction)',
    value: ms,
    unit: 'ms',
  });
  await vault.close();
  return rows;
}
