/**
 * Encrypted backups: password prompts, wrong passwords, and KDF parameter ceilings. Small
 * files are encrypted here with WebCrypto/hash-wasm (real crypto, cheap parameters).
 */
import { scrypt } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { loadFixture, textFile } from './test-fixtures';

const subtle = globalThis.crypto.subtle;
const enc = new TextEncoder();
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const rand = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

async function gcmSeal(key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  const k = await subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(iv) }, k, new Uint8Array(plain)),
  );
}

const ENTRY = {
  type: 'totp',
  name: 'alice',
  issuer: 'Acme',
  info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 },
};

/** An Aegis vault encrypted the way Aegis does it, with cheap scrypt parameters. */
async function aegisVault(password: string, n = 1024) {
  const master = rand(32);
  const salt = rand(32);
  const kek = await scrypt({
    password,
    salt,
    costFactor: n,
    blockSize: 8,
    parallelism: 1,
    hashLength: 32,
    outputType: 'binary',
  });
  const keyNonce = rand(12);
  const wrapped = await gcmSeal(kek, keyNonce, master);
  const dbNonce = rand(12);
  const db = await gcmSeal(
    master,
    dbNonce,
    enc.encode(JSON.stringify({ version: 3, entries: [ENTRY], groups: [] })),
  );
  return {
    version: 1,
    header: {
      slots: [
        {
          type: 1,
          uuid: 'u',
          key: hex(wrapped.subarray(0, 32)),
          key_params: { nonce: hex(keyNonce), tag: hex(wrapped.subarray(32)) },
          n,
          r: 8,
          p: 1,
          salt: hex(salt),
        },
      ],
      params: { nonce: hex(dbNonce), tag: hex(db.subarray(db.length - 16)) },
    },
    db: b64(db.subarray(0, db.length - 16)),
  };
}

const json = (name: string, v: unknown) => textFile(name, JSON.stringify(v));

describe('encrypted shared fixtures', () => {
  const files = [
    'aegis/aegis_encrypted.json',
    '2fas/2fas_authenticator_encrypted.2fas',
    '2fas/2fas_authenticator_encrypted_v3.2fas',
    '2fas/2fas_authenticator_encrypted_v4.2fas',
    'andotp/andotp_encrypted.bin',
    'andotp/andotp_encrypted_old.bin',
    'authenticator-extension/authenticator_encrypted_v3key_synthetic.json',
  ];
  for (const f of files) {
    it(`${f}: no password → password-required, wrong password → wrong-password`, async () => {
      await expect(parseImport(loadFixture(f))).rejects.toMatchObject({ code: 'password-required' });
      await expect(parseImport(loadFixture(f), { password: '' })).rejects.toMatchObject({
        code: 'password-required',
      });
      await expect(parseImport(loadFixture(f), { password: 'Test' })).rejects.toMatchObject({
        code: 'wrong-password',
      });
    });
  }

  it('names the format in the password prompt', async () => {
    await expect(parseImport(loadFixture('aegis/aegis_encrypted.json'))).rejects.toThrow(
      'This looks like an encrypted Aegis vault: enter its password',
    );
    await expect(
      parseImport(loadFixture('2fas/2fas_authenticator_encrypted_v4.2fas'), { password: 'x' }),
    ).rejects.toThrow('2FAS backup: wrong password');
  });
});

describe('Aegis encryption', () => {
  it('opens a vault made here', async () => {
    const { accounts } = await parseImport(json('aegis.json', await aegisVault('pw')), { password: 'pw' });
    expect(accounts).toEqual([
      {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Acme',
        label: 'alice',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it('refuses absurd scrypt parameters without running them', async () => {
    const vault = await aegisVault('pw');
    const cases: [object, string][] = [
      [{ n: 2 ** 21 }, 'too-costly'],
      [{ r: 1_000_000 }, 'too-costly'],
      [{ n: 1000 }, 'malformed'],
      [{ p: 0 }, 'malformed'],
      [{ n: '1024' }, 'malformed'],
    ];
    for (const [patch, code] of cases) {
      const bad = { ...vault, header: { ...vault.header, slots: [{ ...vault.header.slots[0], ...patch }] } };
      // Refused before scrypt runs (N = 2^21 with r = 1e6 would need terabytes).
      await expect(parseImport(json('aegis.json', bad), { password: 'pw' })).rejects.toMatchObject({ code });
    }
  });

  it('reports a damaged database (right password) as malformed', async () => {
    const vault = await aegisVault('pw');
    const bad = { ...vault, db: b64(rand(40)) };
    await expect(parseImport(json('aegis.json', bad), { password: 'pw' })).rejects.toMatchObject({
      code: 'malformed',
    });
  });

  it('says unsupported for a biometric-only vault', async () => {
    const vault = await aegisVault('pw');
    const bad = { ...vault, header: { ...vault.header, slots: [{ type: 2, uuid: 'b' }] } };
    await expect(parseImport(json('aegis.json', bad), { password: 'pw' })).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('andOTP encryption', () => {
  async function andotpNew(password: string, iterations: number, entries: unknown[]) {
    const salt = rand(12);
    const nonce = rand(12);
    const base = await subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveBits']);
    const key = new Uint8Array(
      await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt, iterations }, base, 256),
    );
    const ct = await gcmSeal(key, nonce, enc.encode(JSON.stringify(entries)));
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, iterations);
    return new Uint8Array([...head, ...salt, ...nonce, ...ct]);
  }
  const entry = {
    secret: 'JBSWY3DPEHPK3PXP======',
    issuer: '',
    label: 'Acme - alice',
    digits: 6,
    type: 'TOTP',
    algorithm: 'SHA1',
    period: 30,
  };

  it('opens a new-format backup and splits old "Issuer - account" labels', async () => {
    const bytes = await andotpNew('pw', 1000, [entry]);
    const { accounts } = await parseImport({ name: 'otp_accounts.json.aes', bytes }, { password: 'pw' });
    expect(accounts.map((a) => [a.issuer, a.label, a.secret])).toEqual([
      ['Acme', 'alice', 'JBSWY3DPEHPK3PXP'],
    ]);
  });

  it('refuses an iteration count above the ceiling without running it', async () => {
    const bytes = await andotpNew('pw', 1000, [entry]);
    new DataView(bytes.buffer).setUint32(0, 0xffffffff);
    // 4 billion PBKDF2 rounds would run for hours and time the test out; the ceiling refuses first.
    await expect(parseImport({ name: 'backup.bin', bytes }, { password: 'pw' })).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });

  it('does not claim unknown binary files without an andOTP-like name', async () => {
    await expect(parseImport({ name: 'photo.jpg', bytes: rand(100) })).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('2FAS encryption', () => {
  it('opens a backup without a reference and reports a wrong password', async () => {
    const salt = rand(256);
    const iv = rand(12);
    const base = await subtle.importKey('raw', enc.encode('pw'), 'PBKDF2', false, ['deriveBits']);
    const key = new Uint8Array(
      await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 10_000 }, base, 256),
    );
    const services = [
      { name: 'Acme', secret: 'JBSWY3DPEHPK3PXP', otp: { account: 'alice', tokenType: 'TOTP' } },
    ];
    const ct = await gcmSeal(key, iv, enc.encode(JSON.stringify(services)));
    const file = json('b.2fas', {
      services: [],
      schemaVersion: 4,
      servicesEncrypted: `${b64(ct)}:${b64(salt)}:${b64(iv)}`,
    });
    const { accounts } = await parseImport(file, { password: 'pw' });
    expect(accounts.map((a) => [a.issuer, a.label])).toEqual([['Acme', 'alice']]);
    await expect(parseImport(file, { password: 'nope' })).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it('refuses schema versions it does not know', async () => {
    await expect(parseImport(json('b.2fas', { services: [], schemaVersion: 5 }))).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});
