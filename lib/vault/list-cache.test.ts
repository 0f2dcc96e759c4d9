import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listCacheAad } from './accounts';
import { decryptJson, importVaultKey } from './crypto';
import { memorySession } from './session';
import { openKeyfobDb } from './store';
import { draft, flipB64, testVault } from './test-helpers';

const PW = 'list cache password';

/** A vault with three accounts, listed once (which fills the session's cache). */
async function listed() {
  const ctx = testVault();
  await ctx.vault.create(PW);
  const accounts = await ctx.vault.add([draft(1), draft(2), draft(3)]);
  await ctx.vault.list();
  await ctx.vault.flush(); // the cache is written after the list is returned
  return { ...ctx, accounts, db: await openKeyfobDb(ctx.dbName) };
}

describe('the session list cache', () => {
  it('serves the next list from one encrypted blob, until the vault locks', async () => {
    const { vault, session, db, accounts } = await listed();
    const state = await session.listState();
    const text = JSON.stringify(state.cache);
    for (const a of accounts) {
      expect(text).not.toContain(a.secret);
      expect(text).not.toContain(a.issuer);
      expect(text).not.toContain(a.label);
    }
    // Damage a record behind the vault's back: the cached list does not read records.
    const rec = await db.get('accounts', accounts[1]?.id ?? '');
    if (!rec) throw new Error('missing record');
    await db.put('accounts', { ...rec, ct: flipB64(rec.ct) });
    expect((await vault.list()).errors).toEqual([]);
    // Locking forgets the cache with the key; the next unlock reads (and checks) every record.
    await vault.lock();
    expect((await session.listState()).cache).toBeNull();
    await vault.unlock(PW);
    expect((await vault.list()).errors).toEqual([{ id: rec.id, code: 'tampered' }]);
  });

  it('every account write, from any page sharing the session, makes the cache stale', async () => {
    const { vault, session, dbName, accounts } = await listed();
    const other = testVault({ session, dbName }).vault; // e.g. the options page or the worker
    const [a1, a2, a3] = accounts.map((a) => a.id);
    await other.update(a1 ?? '', { label: 'renamed' });
    expect((await vault.list()).accounts.find((a) => a.id === a1)?.label).toBe('renamed');
    await other.remove(a2 ?? '');
    expect((await vault.list()).accounts.map((a) => a.id)).toEqual([a1, a3]);
    const [added] = await other.add([draft(4)]);
    expect((await vault.list()).accounts.map((a) => a.id)).toEqual([a1, a3, added?.id]);
  });

  it('a cache tagged with an older revision, or damaged, is ignored', async () => {
    const { vault, session, accounts } = await listed();
    const good = await session.listState();
    if (!good.cache) throw new Error('no cache');
    // As if a reader cached the list just before another page's write changed the revision.
    await session.setRevision('written-since');
    await vault.update(accounts[0]?.id ?? '', { notes: 'fresh' });
    await session.setListCache(good.cache);
    expect((await vault.list()).accounts[0]?.notes).toBe('fresh');
    await vault.flush();
    const now = await session.listState();
    if (!now.cache) throw new Error('no cache');
    await session.setListCache({ ...now.cache, blob: { ...now.cache.blob, ct: flipB64(now.cache.blob.ct) } });
    expect((await vault.list()).accounts.map((a) => a.notes)).toEqual(['fresh', '', '']);
  });

  it('is never written when a record fails its check', async () => {
    const ctx = testVault({ session: memorySession() });
    await ctx.vault.create(PW);
    const [a] = await ctx.vault.add([draft(1)]);
    const db = await openKeyfobDb(ctx.dbName);
    const rec = await db.get('accounts', a?.id ?? '');
    if (!rec) throw new Error('missing record');
    await db.put('accounts', { ...rec, ct: flipB64(rec.ct) });
    expect((await ctx.vault.list()).errors).toHaveLength(1);
    await ctx.vault.flush();
    const state = await ctx.session.listState();
    expect(state.cache?.revision).not.toBe(state.revision); // nothing valid was cached…
    expect((await ctx.vault.list()).errors).toHaveLength(1); // …so the damage stays visible
  });

  it('names its revision in the additional data: a blob relabelled with another revision fails', async () => {
    const { vault, session, accounts } = await listed();
    const old = await session.listState();
    if (!old.cache) throw new Error('no cache');
    await vault.update(accounts[0]?.id ?? '', { notes: 'after' });
    const { revision } = await session.listState();
    expect(revision).not.toBe(old.cache.revision);
    // The stale blob put back under the current revision's tag: its additional data names the old
    // one, so it does not open, and the list comes from the records (with the new note).
    await session.setListCache({ revision, blob: old.cache.blob });
    expect((await vault.list()).accounts[0]?.notes).toBe('after');
    await vault.flush();
    const fresh = await session.listState();
    expect(fresh.cache?.blob).not.toEqual(old.cache.blob);
    // The fresh cache opens only under its own revision's additional data.
    const key = await importVaultKey((await session.getKey()) ?? new Uint8Array());
    if (!fresh.cache) throw new Error('no cache');
    await expect(decryptJson(key, fresh.cache.blob, listCacheAad(revision))).resolves.toHaveLength(3);
    await expect(decryptJson(key, fresh.cache.blob, listCacheAad(old.cache.revision))).rejects.toThrow();
  });
});
