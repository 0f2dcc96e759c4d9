/** Plain formats and whole-file rules: CSV quoting, entry-level warnings, sniffing, limits. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { ImportError, MAX_IMPORT_BYTES, parseImport } from './index';
import { textFile } from './test-fixtures';

const json = (name: string, v: unknown) => textFile(name, JSON.stringify(v));
const SECRET = 'JBSWY3DPEHPK3PXP';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF', () => {
    const csv = 'a,b,c\r\n"x, y","say ""hi""","multi\nline"\r\n\r\nlast,,\n';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'multi\nline'],
      ['last', '', ''],
    ]);
  });

  it('keeps an unterminated quote to the end instead of failing', () => {
    expect(parseCsv('a,"b\nc')).toEqual([['a', 'b\nc']]);
  });
});

describe('Bitwarden', () => {
  it('reads CSV with quoted names, bare secrets and steam:// keys; skips logins without TOTP', async () => {
    const csv = [
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
      `,,login,"Acme, Inc.","note with ""quotes""\nand a line",,0,https://acme.test,alice,pw,${SECRET.toLowerCase()}`,
      ',,login,No TOTP,,,0,,bob,pw,',
      `,,login,Game,,,0,,gamer,pw,steam://${SECRET}`,
    ].join('\n');
    const { accounts, warnings } = await parseImport(textFile('bitwarden_export.csv', csv));
    expect(warnings).toEqual([]);
    expect(accounts).toEqual([
      {
        type: 'totp',
        secret: SECRET,
        issuer: 'Acme, Inc.',
        label: 'alice',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
      {
        type: 'steam',
        secret: SECRET,
        issuer: 'Game',
        label: 'gamer',
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it('fills a missing issuer and account from the item name and username', async () => {
    const file = json('bw.json', {
      encrypted: false,
      items: [{ type: 1, name: 'Acme', login: { username: 'al', totp: `otpauth://totp/?secret=${SECRET}` } }],
    });
    const { accounts } = await parseImport(file);
    expect(accounts.map((a) => [a.issuer, a.label])).toEqual([['Acme', 'al']]);
  });

  it('refuses encrypted exports as unsupported', async () => {
    const file = json('bw.json', { encrypted: true, passwordProtected: true, salt: 'x', data: 'y' });
    await expect(parseImport(file, { password: 'pw' })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('warns about a bad TOTP field by item number', async () => {
    const file = json('bw.json', {
      encrypted: false,
      items: [
        { name: 'A', login: { totp: 'not base32 !' } },
        { name: 'B', login: { totp: SECRET } },
      ],
    });
    const { accounts, warnings } = await parseImport(file);
    expect(accounts).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Item 1: /);
  });
});

describe('entry-level problems become warnings', () => {
  it('Aegis: motp/yandex and MD5 entries are skipped, the rest imported', async () => {
    const entry = (type: string, algo = 'SHA1') => ({
      type,
      name: 'n',
      issuer: 'i',
      info: { secret: SECRET, algo, digits: 6, period: 30 },
    });
    const file = json('aegis.json', {
      version: 1,
      header: { slots: null, params: null },
      db: {
        version: 3,
        entries: [entry('motp', 'MD5'), entry('totp'), entry('totp', 'MD5'), entry('yandex', 'SHA256')],
      },
    });
    const { accounts, warnings } = await parseImport(file);
    expect(accounts).toHaveLength(1);
    expect(warnings.map((w) => w.slice(0, 7))).toEqual(['Entry 1', 'Entry 3', 'Entry 4']);
  });

  it('FreeOTP+: a token with a broken byte array is skipped; HOTP counter is stored minus one', async () => {
    const file = json('freeotp-backup.json', {
      tokens: [
        { type: 'HOTP', algo: 'SHA1', digits: 6, counter: 0, secret: [1, 2, 'x'], label: 'bad' },
        {
          type: 'HOTP',
          algo: 'SHA1',
          digits: 6,
          counter: 9,
          secret: [-1, 0, 127, -128],
          issuerExt: 'Acme',
          label: 'al',
        },
      ],
    });
    const { accounts, warnings } = await parseImport(file);
    expect(accounts).toEqual([
      {
        type: 'hotp',
        secret: '74AH7AA',
        issuer: 'Acme',
        label: 'al',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 10,
      },
    ]);
    expect(warnings).toHaveLength(1);
  });

  it('is malformed when every entry is bad', async () => {
    const file = json('freeotp-backup.json', { tokens: [{ type: 'TOTP', secret: [] }] });
    await expect(parseImport(file)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('returns no accounts and a warning for an empty but sound export', async () => {
    const { accounts, warnings } = await parseImport(
      json('aegis.json', {
        version: 1,
        header: { slots: null, params: null },
        db: { version: 3, entries: [] },
      }),
    );
    expect(accounts).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});

describe('Authenticator extension types and Steam maFiles', () => {
  it('maps battle (8-digit TOTP) and hex secrets; skips GOST', async () => {
    const file = json('authenticator.json', {
      a: { dataType: 'OTPStorage', type: 'battle', secret: SECRET, issuer: 'Battle.net', account: 'US-1' },
      b: { dataType: 'OTPStorage', type: 'hhex', secret: '48656c6c6f21deadbeef', counter: 3, account: 'h' },
      c: { dataType: 'OTPStorage', type: 'totp', secret: SECRET, algorithm: 'GOST3411_2012_256' },
    });
    const { accounts, warnings } = await parseImport(file);
    expect(accounts.map((a) => [a.type, a.digits, a.secret, a.counter])).toEqual([
      ['totp', 8, SECRET, 0],
      ['hotp', 6, SECRET, 3],
    ]);
    expect(warnings).toHaveLength(1);
  });

  it('reads a single-account maFile', async () => {
    const file = json('76561198000000000.maFile', {
      shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==',
      account_name: 'sophia',
    });
    const { accounts } = await parseImport(file);
    expect(accounts).toEqual([
      {
        type: 'steam',
        secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
        issuer: 'Steam',
        label: 'sophia',
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it('says unsupported for an encrypted (non-JSON) maFile', async () => {
    await expect(parseImport(textFile('x.maFile', 'q83vAAAA+/='))).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('whole-file rules', () => {
  it('empty file and oversized file are malformed; unknown JSON is unsupported', async () => {
    await expect(parseImport({ name: 'a.txt', bytes: new Uint8Array() })).rejects.toMatchObject({
      code: 'malformed',
    });
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    await expect(parseImport({ name: 'a.txt', bytes: big })).rejects.toMatchObject({ code: 'malformed' });
    await expect(parseImport(json('a.json', { hello: 'world' }))).rejects.toMatchObject({
      code: 'unsupported',
    });
  });

  it('tolerates a UTF-8 BOM', async () => {
    const { accounts } = await parseImport(
      textFile('codes.txt', `\uFEFFotpauth://totp/A:b?secret=${SECRET}`),
    );
    expect(accounts).toHaveLength(1);
  });

  it('turns bad arguments into a typed error', async () => {
    const err = await parseImport({ name: 'x', bytes: 'nope' as unknown as Uint8Array }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
  });
});
