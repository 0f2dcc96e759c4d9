import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '../settings';
import { toBase64 } from './crypto';
import { browserSession } from './session';
import { settingsStore } from './settings-store';
import { draft, testVault } from './test-helpers';

/** Every key and value in every store of database `name`, read with the raw IndexedDB API. */
async function dumpDb(name: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: unknown[] = [db.name, ...db.objectStoreNames];
  for (const store of db.objectStoreNames) {
    const s = db.transaction(store).objectStore(store);
    const get = <T>(r: IDBRequest<T>) =>
      new Promise<T>((res, rej) => {
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    out.push(await get(s.getAllKeys()), await get(s.getAll()));
  }
  db.close();
  return out;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/**
 * Text forms of a dump: JSON (binary shown as hex, base64 and latin1), plus every base64-looking
 * string decoded, so plaintext merely base64-encoded would still be found.
 */
function haystack(value: unknown): string {
  const parts: string[] = [];
  const json = JSON.stringify(value, (_k, v) => {
    if (v instanceof ArrayBuffer) v = new Uint8Array(v);
    if (ArrayBuffer.isView(v)) {
      const b = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return { hex: hex(b), b64: toBase64(b), raw: latin1(b) };
    }
    if (typeof v === 'string' && v.length >= 8 && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0) {
      parts.push(latin1(Buffer.from(v, 'base64')));
    }
    return v;
  });
  return [json, ...parts].join('\n');
}

beforeEach(() => fakeBrowser.reset());

describe('nothing secret is written in plaintext', () => {
  it('the scanner itself finds plaintext hidden as base64 or bytes (control)', () => {
    const secret = draft(9).secret;
    expect(haystack({ a: toBase64(new TextEncoder().encode(`{"secret":"${secret}"}`)) })).toContain(secret);
    expect(haystack([new TextEncoder().encode(secret).buffer])).toContain(secret);
    expect(haystack({ ok: 'nothing here' })).not.toContain(secret);
  });

  it('IndexedDB (vault, settings) and storage.local/sync hold no secret, label, issuer, note, site, code or key', async () => {
    const password = 'Pa55-unique-password-Zx9';
    const session = browserSession();
    const { vault, dbName } = testVault({ session });
    await vault.create(password);
    const drafts = [0, 1, 2, 3, 4].map((i) => draft(i));
    const added = await vault.add(
      drafts.map((d, i) => ({
        ...d,
        notes: `note-marker-${i}`,
        sites: [`https://site-marker-${i}.example`],
      })),
    );
    const codes = ['RCV1-AAAA-7777', 'RCV2-BBBB-8888'];
    await vault.setRecovery(added[0]?.id ?? '', {
      codes: codes.map((code) => ({ code, usedAt: null })),
      createdAt: 1,
      updatedAt: 1,
    });
    await vault.update(added[1]?.id ?? '', { label: 'updated-label-marker' });
    await vault.changePassword(password, `${password}-2`);
    await vault.lock();
    await vault.unlock(`${password}-2`);
    await vault.list(); // fills the session's encrypted list cache, which the scan below covers
    await vault.flush();
    const settingsDb = `${dbName}-settings`;
    await saveSettings(
      { autoLockMinutes: 7 },
      { store: settingsStore(settingsDb), legacy: browser.storage.local },
    );
    const rawKey = await session.getKey();
    if (!rawKey) throw new Error('expected unlocked');

    const needles = [
      password,
      ...drafts.flatMap((d) => [d.secret, d.issuer, d.label]),
      ...drafts.map((_, i) => `note-marker-${i}`),
      ...drafts.map((_, i) => `site-marker-${i}`),
      'updated-label-marker',
      ...codes,
      toBase64(rawKey),
      hex(rawKey),
      latin1(rawKey),
    ];
    const idb = haystack(await dumpDb(dbName));
    const local = haystack(await browser.storage.local.get(null));
    const settings = haystack(await dumpDb(settingsDb));
    const sync = haystack(await browser.storage.sync.get(null));
    const sessionArea = await browser.storage.session.get(null);
    const sessionDump = haystack(sessionArea);
    // Sanity: the dumps are real (ciphertext, settings and the session key are there).
    expect(idb).toContain(added[0]?.id);
    expect(settings).toContain('"autoLockMinutes":7');
    for (const needle of needles) {
      expect(idb.includes(needle), `IndexedDB leaks ${needle.slice(0, 6)}…`).toBe(false);
      expect(local.includes(needle), 'storage.local leak').toBe(false);
      expect(settings.includes(needle), 'settings database leak').toBe(false);
      expect(sync.includes(needle), 'storage.sync leak').toBe(false);
    }
    // The vault key is in storage.session (base64), and nothing else secret is.
    expect(sessionArea.vaultKey).toBe(toBase64(rawKey));
    expect(sessionArea.accountsCache).toBeDefined();
    for (const needle of needles.slice(0, -3)) expect(sessionDump.includes(needle)).toBe(false);
    // Locking removes it.
    await vault.lock();
    expect(await browser.storage.session.get(null)).toEqual({});
  });
});
