import { describe, expect, it } from 'vitest';
import { parseImport } from '../import';
import { draft } from '../vault/test-helpers';
import { exportGoogleMigration, MIGRATION_BATCH } from './google-migration';

const asFile = (links: string[]) => ({
  name: 'export.txt',
  bytes: new TextEncoder().encode(links.join('\n')),
});

describe('exportGoogleMigration', () => {
  it('writes links Keyfob (and so Google Authenticator) reads back account by account', async () => {
    const accounts = [
      draft(1),
      draft(2, { type: 'hotp', counter: 41, digits: 8 }),
      draft(3, { algorithm: 'SHA256', issuer: '', label: 'just a label' }),
    ];
    const { links, skipped } = exportGoogleMigration(accounts, 7);
    expect(skipped).toEqual([]);
    expect(links).toHaveLength(1);
    const { accounts: back } = await parseImport(asFile(links));
    expect(back).toEqual(accounts.map((a) => expect.objectContaining({ ...a, period: 30 })));
  });

  it('splits into numbered batches of ten that together hold every account', async () => {
    const accounts = Array.from({ length: 23 }, (_, i) => draft(i));
    const { links } = exportGoogleMigration(accounts, 99);
    expect(links).toHaveLength(Math.ceil(23 / MIGRATION_BATCH));
    const { accounts: back } = await parseImport(asFile(links));
    expect(back.map((a) => a.secret)).toEqual(accounts.map((a) => a.secret));
  });

  it('leaves out what Google Authenticator cannot hold, and says which', () => {
    const odd = [draft(1, { period: 60 }), draft(2, { digits: 7 }), draft(3, { type: 'steam', digits: 5 })];
    const { links, skipped } = exportGoogleMigration([draft(4), ...odd], 1);
    expect(skipped).toEqual(odd);
    expect(links).toHaveLength(1);
    expect(exportGoogleMigration(odd, 1).links).toEqual([]);
  });
});
