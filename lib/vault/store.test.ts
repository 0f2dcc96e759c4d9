import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, type Migration, openKeyfobDb } from './store';
import { uniqueDb } from './test-helpers';

describe('vault database schema', () => {
  it('creates version 2 with meta, accounts (id), recovery (accountId) and tombstones (id)', async () => {
    const db = await openKeyfobDb(uniqueDb('store'));
    expect(db.version).toBe(2);
    expect(DB_VERSION).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'meta', 'recovery', 'tombstones']);
    const tx = db.transaction(['accounts', 'recovery', 'tombstones']);
    expect(tx.objectStore('accounts').keyPath).toBe('id');
    expect(tx.objectStore('recovery').keyPath).toBe('accountId');
    expect(tx.objectStore('tombstones').keyPath).toBe('id');
    db.close();
  });

  it('upgrades a version 1 vault to 2 keeping its records (the tombstones store is added)', async () => {
    const name = uniqueDb('v1-to-v2');
    const v1 = await openKeyfobDb(name, MIGRATIONS.slice(0, 1));
    await v1.put('accounts', { id: 'a1', iv: 'iv', ct: 'ct' });
    v1.close();
    const v2 = await openKeyfobDb(name);
    expect(await v2.get('accounts', 'a1')).toEqual({ id: 'a1', iv: 'iv', ct: 'ct' });
    expect(await v2.count('tombstones')).toBe(0);
    v2.close();
  });

  it('upgrades a v1 database through a later migration, keeping data, running each step once', async () => {
    const name = uniqueDb('upgrade');
    const v1 = await openKeyfobDb(name, MIGRATIONS.slice(0, 1));
    await v1.put('accounts', { id: 'a1', iv: 'iv', ct: 'ct' });
    v1.close();

    const calls: number[] = [];
    // A hypothetical v2 that copies every account id into a new store, as a real migration would.
    const v2Step: Migration = async (db, tx) => {
      calls.push(2);
      const legacy = db as unknown as IDBDatabase;
      legacy.createObjectStore('ids');
      const all = await tx.objectStore('accounts').getAll();
      const ids = (
        tx as unknown as { objectStore(n: string): { put(v: unknown, k: string): Promise<unknown> } }
      ).objectStore('ids');
      for (const r of all) await ids.put(true, r.id);
    };
    const counted: Migration[] = [
      (db, tx) => {
        calls.push(1);
        return MIGRATIONS[0]?.(db, tx);
      },
      v2Step,
    ];
    const v2 = await openKeyfobDb(name, counted);
    expect(v2.version).toBe(2);
    expect(calls).toEqual([2]); // v1 step not re-run on an existing v1 database
    expect(await v2.get('accounts', 'a1')).toEqual({ id: 'a1', iv: 'iv', ct: 'ct' });
    const raw = v2 as unknown as { get(store: string, key: string): Promise<unknown> };
    expect(await raw.get('ids', 'a1')).toBe(true);
    v2.close();

    // A fresh database runs every step in order.
    const fresh = await openKeyfobDb(uniqueDb('fresh'), counted);
    expect(calls).toEqual([2, 1, 2]);
    fresh.close();
  });

  it('an open connection steps aside so a newer version can upgrade', async () => {
    const name = uniqueDb('blocking');
    const old = await openKeyfobDb(name);
    const v2 = await openKeyfobDb(name, [...MIGRATIONS, () => {}]);
    expect(v2.version).toBe(MIGRATIONS.length + 1);
    await expect(old.get('meta', 'header')).rejects.toThrow();
    v2.close();
  });

  it('refuses to open with an older build (downgrade) instead of losing data', async () => {
    const name = uniqueDb('downgrade');
    (await openKeyfobDb(name, [...MIGRATIONS, () => {}])).close();
    await expect(openKeyfobDb(name)).rejects.toThrow();
  });
});
